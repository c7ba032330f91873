"""The report page's own style sheet and script, inlined into every report; what changes
in them when the page reads right to left."""

from __future__ import annotations

from raci.render.palette import SEVERITY

#: The page's style, on screen and printed (its ``@page`` rule comes with the paper).
REPORT_CSS = (
    "\n:root{--ink:#1b1f24;--muted:#5b6470;--line:#d5dae1;--accent:#1f5fa8;--sel:#d6336c;\n"
    f"  --err:{SEVERITY['error']};--warn:{SEVERITY['warning']};--info:{SEVERITY['info']}}}"
    + """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",
  "Microsoft YaHei",sans-serif;margin:0;color:var(--ink);background:#fff;line-height:1.45}
header.top{padding:1.2em 2em .6em;border-bottom:3px solid var(--accent);background:#f7f9fc}
header.top h1{font-size:1.55em;margin:0 0 .15em}
.source{margin:0 0 .5em;color:var(--muted);font-size:.9em}
nav.toc{display:flex;flex-wrap:wrap;gap:.3em 1.4em;font-size:.95em}
nav.toc a{color:var(--accent);text-decoration:none;font-weight:500}
main{padding:0 2em 2em}
section{margin-top:1.6em}
h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:.2em;margin:0 0 .6em}
h3{font-size:1.05em;margin:1em 0 .3em}
.verdict{font-weight:600;margin:.2em 0 .8em}
.verdict.ok{color:#067647}.verdict.warn{color:var(--warn)}.verdict.bad{color:var(--err)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5em,1fr));gap:.6em}
.card{border:1px solid var(--line);border-radius:6px;padding:.55em .8em;display:flex;
  flex-direction:column;color:inherit;text-decoration:none;background:#fff}
.card b{font-size:1.45em;font-variant-numeric:tabular-nums}
.card span{color:var(--muted);font-size:.85em}
a.card:hover{border-color:var(--accent)}
.card.sev-error b,h3.sev-error{color:var(--err)}
.card.sev-warning b,h3.sev-warning{color:var(--warn)}
.card.sev-info b,h3.sev-info{color:var(--info)}
ul.findings{list-style:none;padding:0;margin:0}
ul.findings li{padding:.35em .6em;border-left:4px solid var(--line);margin:.25em 0;
  background:#fafbfc}
ul.findings.sev-error li{border-left-color:var(--err)}
ul.findings.sev-warning li{border-left-color:var(--warn)}
ul.findings.sev-info li{border-left-color:var(--info)}
code.rule,.msg code,.hint code{font-size:.85em;background:#eef1f5;border-radius:3px;
  padding:0 .3em}
a.subject{font-weight:600;color:var(--accent)}
span.subject{font-weight:600}
.loc{color:var(--muted);font-size:.85em;white-space:nowrap}
.hint{color:var(--muted);font-size:.9em}
div.hint{margin-top:.1em}
.none{color:var(--muted)}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;margin:.3em 0 .6em}
.tools button{font:inherit;font-size:.9em;padding:.2em .7em;border:1px solid var(--line);
  border-radius:4px;background:#fff;cursor:pointer}
.tools button[aria-pressed="true"]{background:#e8eef8;border-color:var(--accent)}
input[type=search]{font:inherit;padding:.35em .6em;min-width:22em;border:1px solid #9aa4b2;
  border-radius:4px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
#raci-count{color:var(--muted);font-size:.9em}
.chart-wrap{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:4px}
.chart-wrap.fit svg{width:100%;height:auto}
.chart-wrap g.node{cursor:pointer}
.chart-wrap g.node:focus{outline:none}
.chart-wrap g.node:focus-visible>polygon:first-of-type{stroke:var(--accent);stroke-width:3px}
.chart-wrap g.node:hover>polygon:first-of-type{stroke:var(--accent);stroke-width:2px}
.chart-wrap g.node.sel>polygon:first-of-type{stroke:var(--sel);stroke-width:5px}
.chart-wrap g.node.sel{filter:drop-shadow(0 0 6px rgba(214,51,108,.8))}
table.raci th[scope=col]{cursor:pointer}
.raci-wrap{position:relative}
.col-mark{position:absolute;top:0;z-index:0;pointer-events:none;
  background:rgba(214,51,108,.14);box-shadow:inset 2px 0 0 var(--sel),inset -2px 0 0 var(--sel)}
table.raci th.sel{background:#fde4ec!important;outline:2px solid var(--sel)}
table.raci tr.flash th,table.raci tr.flash td{animation:flash 2s}
@keyframes flash{from{background:#fff3b0}}
#panel{position:fixed;right:1em;top:1em;bottom:1em;width:min(26em,92vw);overflow:auto;
  background:#fff;border:1px solid var(--line);border-top:4px solid var(--sel);
  border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:.8em 1em;z-index:10}
#panel h2{border:0;margin:0 1.5em .2em 0}
#panel .close{position:absolute;right:.5em;top:.4em;font-size:1.4em;border:0;
  background:none;cursor:pointer}
#panel table{border-collapse:collapse;width:100%;font-size:.9em}
#panel td{border-bottom:1px solid #eee;padding:.2em .3em;vertical-align:top}
#panel td.r{font-weight:600;white-space:nowrap}
#panel .via{color:var(--muted);font-size:.85em}
figure{margin:0}
figcaption{color:var(--muted);font-size:.9em}
svg.workload{max-width:100%;height:auto}
footer{color:var(--muted);font-size:.8em;padding:0 2em 1em}
.print-only{display:none}
@media print{
  body{font-size:9pt}
  header.top{background:none;padding:0 0 .4em}
  main{padding:0}
  body>footer{display:none}
  nav.toc,.tools,#panel,#raci-more,.col-mark,#chart{display:none!important}
  section{margin-top:1.2em}
  h2{break-after:avoid}
  ul.findings li{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .print-only{display:block}
  #chart-pages{margin-top:0}
  .chart-page{break-before:page;break-inside:avoid}
  .chart-page h2{font-size:11pt;border:0;margin:0 0 2mm;padding:0}
  .chart-page svg{display:block;max-width:100%;height:auto}
  .raci-wrap{position:relative}
.col-mark{position:absolute;top:0;z-index:0;pointer-events:none;
  background:rgba(214,51,108,.14);box-shadow:inset 2px 0 0 var(--sel),inset -2px 0 0 var(--sel)}
table.raci th.sel{background:#f3f4f6!important;outline:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
)

#: What changes in a page read right to left (``dir="rtl"``): findings marked on their
#: right, the panel on the left; places and code in them read left to right; drawings
#: keep the places they give their text (a chart is mirrored when it is drawn).
REPORT_RTL_CSS = """\
svg{direction:ltr}
ul.findings code,ul.findings .loc{direction:ltr;unicode-bidi:isolate}
ul.findings li{border-left:0;border-right:4px solid var(--line)}
ul.findings.sev-error li{border-right-color:var(--err)}
ul.findings.sev-warning li{border-right-color:var(--warn)}
ul.findings.sev-info li{border-right-color:var(--info)}
#panel{right:auto;left:1em}
#panel h2{margin:0 0 .2em 1.5em}
#panel .close{right:auto;left:.5em}
"""

REPORT_JS = r"""(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("raci-data").textContent);
  var words = data.words;
  var CHUNK = 200;
  var WIDE = 150;
  var table = document.getElementById("raci-matrix");
  var body = table.tBodies[0] || table.appendChild(document.createElement("tbody"));
  var wrap = document.getElementById("raci-wrap");
  var search = document.getElementById("raci-search");
  var count = document.getElementById("raci-count");
  var more = document.getElementById("raci-more");
  var ncols = data.columns.length;
  var colHeads = table.querySelectorAll("thead th[scope=col]");
  var matching = [];
  var shown = 0;
  var selected = null;
  var marked = [];

  // A count as the page's language writes it (its digits grouped by threes).
  function num(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, data.group);
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      if (!(k in values)) return m;
      return typeof values[k] === "number" ? num(values[k]) : String(values[k]);
    });
  }
  // The form of a message that goes with the count n (forms for 0 to 199; a larger
  // count takes that of its last two digits, as every catalog language's rule goes).
  function plural(message, n) {
    return message.forms[message.index[n < 200 ? n : 100 + (n % 100)]];
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var texts = data.rows.map(function (r) {
    return (r[1] + "\u0000" + r[0] + "\u0000" + r[2]).toLowerCase();
  });

  // A row of columns from..to: its name, then a cell per column (a run of empty ones is
  // one spanning cell in a wide matrix, so that a row costs its roles, not its columns).
  function rowElement(i, from, to) {
    var r = data.rows[i];
    var tr = document.createElement("tr");
    var th = el("th", "", r[1]);
    th.scope = "row";
    th.title = r[0] + (r[3] ? " \u00b7 " + r[3] : "");
    tr.appendChild(th);
    var cells = r[4], at = from;
    for (var k = 0; k < cells.length; k++) {
      var c = cells[k][0];
      if (c < from || c >= to) continue;
      if (c > at) gaps(tr, c - at);
      var td = document.createElement("td");
      var style = data.styles[cells[k][1]];
      td.textContent = style[0];
      if (style[1]) td.className = style[1];
      tr.appendChild(td);
      at = c + 1;
    }
    if (to > at) gaps(tr, to - at);
    return tr;
  }
  function gaps(tr, n) {
    if (ncols > WIDE) {
      var td = document.createElement("td");
      if (n > 1) td.colSpan = n;
      tr.appendChild(td);
      return;
    }
    for (var i = 0; i < n; i++) tr.appendChild(document.createElement("td"));
  }
  function groupElement(label, columns) {
    var tr = el("tr", "group");
    var th = el("th");
    th.colSpan = columns + 1;
    th.appendChild(el("span", "", label));
    tr.appendChild(th);
    return tr;
  }
  function renderUpTo(n) {
    n = Math.min(n, matching.length);
    if (n <= shown) return;
    var frag = document.createDocumentFragment();
    for (var j = shown; j < n; j++) {
      var i = matching[j];
      var g = data.rows[i][2];
      var prev = j > 0 ? data.rows[matching[j - 1]][2] : null;
      if (g && g !== prev) frag.appendChild(groupElement(g, ncols));
      var tr = rowElement(i, 0, ncols);
      tr.id = "row-" + i;
      frag.appendChild(tr);
    }
    body.appendChild(frag);
    shown = n;
    if (marked.length) placeMarks();
    var left = matching.length - shown;
    more.hidden = left <= 0;
    if (left > 0) more.textContent = fill(plural(words.more_rows, left), {n: left});
  }
  function filter() {
    var q = search.value.trim().toLowerCase();
    matching = [];
    for (var i = 0; i < texts.length; i++) {
      if (!q || texts[i].indexOf(q) >= 0) matching.push(i);
    }
    body.textContent = "";
    shown = 0;
    if (marked.length) placeMarks();
    renderUpTo(CHUNK);
    count.textContent = fill(words.shown, {shown: matching.length, total: data.rows.length});
  }
  search.addEventListener("input", filter);
  wrap.addEventListener("scroll", function () {
    if (wrap.scrollTop + wrap.clientHeight > wrap.scrollHeight - 600) renderUpTo(shown + CHUNK);
  });
  // Printed, a matrix too wide for the page comes in parts (tables of some of its
  // columns), each filled with the rows shown; else its one table shows them all.
  var parts = document.querySelectorAll("table.raci.part");
  function fillParts() {
    for (var p = 0; p < parts.length; p++) {
      var from = parseInt(parts[p].getAttribute("data-from"), 10);
      var to = parseInt(parts[p].getAttribute("data-to"), 10);
      var partBody = parts[p].tBodies[0] || parts[p].appendChild(document.createElement("tbody"));
      var frag = document.createDocumentFragment();
      for (var j = 0; j < matching.length; j++) {
        var g = data.rows[matching[j]][2];
        var prev = j > 0 ? data.rows[matching[j - 1]][2] : null;
        if (g && g !== prev) frag.appendChild(groupElement(g, to - from));
        frag.appendChild(rowElement(matching[j], from, to));
      }
      partBody.textContent = "";
      partBody.appendChild(frag);
    }
  }
  window.addEventListener("beforeprint", function () {
    if (parts.length) fillParts();
    else renderUpTo(matching.length);
  });
  filter();

  function showRow(i) {
    if (matching.indexOf(i) < 0) { search.value = ""; filter(); }
    renderUpTo(matching.indexOf(i) + 1);
    var tr = document.getElementById("row-" + i);
    if (!tr) return;
    tr.classList.remove("flash");
    void tr.offsetWidth;
    tr.classList.add("flash");
    tr.scrollIntoView({block: "center"});
  }

  // -- selection: a unit (its box, its column and its posts' columns) or a party column
  var chartWrap = document.getElementById("chart-wrap");
  var panel = document.getElementById("panel");

  function clearSelection() {
    var old = document.querySelectorAll(".sel");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("sel");
    marked = [];
    placeMarks();
    selected = null;
  }
  function placeMarks() {
    var old = wrap.querySelectorAll(".col-mark");
    for (var i = 0; i < old.length; i++) old[i].remove();
    marked.forEach(function (c) {
      var th = colHeads[c];
      if (!th) return;
      var mark = el("div", "col-mark");
      mark.style.left = th.offsetLeft + "px";
      mark.style.width = th.offsetWidth + "px";
      mark.style.height = table.offsetHeight + "px";
      wrap.appendChild(mark);
    });
  }
  function markColumns(cols) {
    marked = cols.slice();
    cols.forEach(function (c) { if (colHeads[c]) colHeads[c].classList.add("sel"); });
    placeMarks();
    if (cols.length && colHeads[cols[0]]) {
      var th = colHeads[cols[0]];
      wrap.scrollLeft = Math.max(0, th.offsetLeft - wrap.clientWidth / 2);
    }
  }
  function holdings(cols) {
    var out = [];
    var wanted = {};
    cols.forEach(function (c) { wanted[c] = true; });
    data.rows.forEach(function (r, i) {
      r[4].forEach(function (cell) {
        if (wanted[cell[0]]) out.push([i, data.styles[cell[1]][0], cell[0]]);
      });
    });
    return out;
  }
  function showPanel(title, meta, cols, own) {
    document.getElementById("panel-title").textContent = title;
    document.getElementById("panel-meta").textContent = meta;
    var bodyEl = document.getElementById("panel-body");
    bodyEl.textContent = "";
    var held = holdings(cols);
    if (!held.length) {
      bodyEl.appendChild(el("p", "none", words.holds_none));
    } else {
      var t = el("table");
      held.forEach(function (h) {
        var tr = el("tr");
        tr.appendChild(el("td", "r", h[1]));
        var td = el("td");
        var a = el("a", "", data.rows[h[0]][1]);
        a.href = "#row-" + h[0];
        a.addEventListener("click", function (e) { e.preventDefault(); showRow(h[0]); });
        td.appendChild(a);
        if (h[2] !== own) {
          td.appendChild(document.createTextNode(" "));
          td.appendChild(el("span", "via", fill(words.via, {name: data.columns[h[2]][1]})));
        }
        tr.appendChild(td);
        t.appendChild(tr);
      });
      bodyEl.appendChild(t);
    }
    panel.hidden = false;
  }
  function boxOf(id) {
    if (!chartWrap || !id) return null;
    var found = null;
    var nodes = chartWrap.querySelectorAll("g.node");
    for (var i = 0; i < nodes.length; i++) if (nodes[i].id === id) { found = nodes[i]; break; }
    return found;
  }
  function selectUnit(id, scroll) {
    var u = data.units[id];
    if (!u) return;
    clearSelection();
    selected = id;
    var box = boxOf(id);
    if (box) {
      box.classList.add("sel");
      if (scroll) box.scrollIntoView({block: "center", inline: "center"});
    }
    markColumns(u[4]);
    var meta = [];
    if (u[2]) meta.push(words.level + words.colon + u[2]);
    if (u[3]) meta.push(words.head + words.colon + u[3]);
    var own = u[4].length && data.columns[u[4][0]][0] === u[0] ? u[4][0] : -1;
    showPanel(u[1], meta.join(" \u00b7 "), u[4], own);
  }
  function selectColumn(c) {
    var col = data.columns[c];
    if (col[2] === "unit" && data.units[col[3]]) { selectUnit(col[3], true); return; }
    clearSelection();
    var box = boxOf(col[3]);
    if (box) box.classList.add("sel");
    markColumns([c]);
    showPanel(col[1], col[0], [c], c);
  }
  if (chartWrap) {
    chartWrap.addEventListener("click", function (e) {
      var g = e.target.closest ? e.target.closest("g.node") : null;
      if (g && data.units[g.id]) selectUnit(g.id, false);
    });
    var svg = chartWrap.querySelector("svg");
    var fitBtn = document.getElementById("chart-fit");
    var actualBtn = document.getElementById("chart-actual");
    var fit = function (on) {
      chartWrap.classList.toggle("fit", on);
      fitBtn.setAttribute("aria-pressed", on ? "true" : "false");
      actualBtn.setAttribute("aria-pressed", on ? "false" : "true");
    };
    fitBtn.addEventListener("click", function () { fit(true); });
    actualBtn.addEventListener("click", function () { fit(false); });
    var natural = svg ? parseFloat(svg.getAttribute("width")) || 0 : 0;
    fit(natural <= 2400);
    // A chart too wide to fit opens with its top unit in view.
    var top = boxOf(data.top);
    if (top && natural > 2400) {
      var r = top.getBoundingClientRect(), w = chartWrap.getBoundingClientRect();
      chartWrap.scrollLeft += r.left - w.left - (chartWrap.clientWidth - r.width) / 2;
    }
  }
  // Keyboard: a column heading or a unit's box takes the focus; Enter or Space selects it.
  function onKey(action) {
    return function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); action(); }
    };
  }
  for (var c = 0; c < colHeads.length; c++) {
    var pick = (function (k) { return function () { selectColumn(k); }; })(c);
    colHeads[c].tabIndex = 0;
    colHeads[c].addEventListener("click", pick);
    colHeads[c].addEventListener("keydown", onKey(pick));
  }
  if (chartWrap) {
    var boxes = chartWrap.querySelectorAll("g.node");
    for (var b = 0; b < boxes.length; b++) {
      if (!data.units[boxes[b].id]) continue;
      boxes[b].setAttribute("tabindex", "0");
      boxes[b].setAttribute("role", "button");
      boxes[b].addEventListener("keydown", onKey((function (id) {
        return function () { selectUnit(id, false); };
      })(boxes[b].id)));
    }
  }
  panel.querySelector(".close").addEventListener("click", function () {
    panel.hidden = true;
    clearSelection();
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-row],a[data-unit]") : null;
    if (!a) return;
    e.preventDefault();
    if (a.hasAttribute("data-row")) showRow(parseInt(a.getAttribute("data-row"), 10));
    else selectUnit(a.getAttribute("data-unit"), true);
  });
})();
"""
#: The lines of the script that place a column's mark and scroll to a column by its
#: distance from the table's left edge, and what they are in a page read right to left,
#: whose matrix starts on the right (there ``scrollLeft`` is 0 at the right edge and
#: negative leftwards): both measure where the column is on the screen.
_TO_COLUMN = (
    'mark.style.left = th.offsetLeft + "px";',
    "wrap.scrollLeft = Math.max(0, th.offsetLeft - wrap.clientWidth / 2);",
)
_TO_COLUMN_RTL = (
    "var from = wrap.getBoundingClientRect().left + wrap.clientLeft - wrap.scrollLeft;\n"
    '      mark.style.left = th.getBoundingClientRect().left - from + "px";',
    "wrap.scrollLeft += th.getBoundingClientRect().left - wrap.getBoundingClientRect().left"
    " - wrap.clientWidth / 2;",
)


def report_js(*, rtl: bool) -> str:
    """The page's script; for a page read right to left, with :data:`_TO_COLUMN_RTL`."""
    if not rtl:
        return REPORT_JS
    script = REPORT_JS
    for line, mirrored in zip(_TO_COLUMN, _TO_COLUMN_RTL, strict=True):
        script = script.replace(line, mirrored)
    return script
