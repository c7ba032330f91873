"""The report in a real browser: Playwright driving the system's Chromium (never a
downloaded one). Skips when the playwright package or a Chromium binary is missing."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import raci
from helpers import ARABIC, EXAMPLES, benchmark, placed_text
from raci.render.engine import font_available
from raci.render.matrix.table import build_matrix
from raci.schemes import BUILTIN_SCHEMES
from raci.words import words_for

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)


def _chromium() -> str | None:
    """The system's Chromium: $RACI_CHROMIUM, else the usual names on the PATH."""
    named = os.environ.get("RACI_CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
if CHROMIUM is None:
    pytest.skip(
        "no Chromium on this machine (apt-get install chromium, or set RACI_CHROMIUM)",
        allow_module_level=True,
    )

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
MISTAKES = EXAMPLES / "mistakes" / "org.yaml"

#: Names that would run script or restyle the page if they were not escaped.
HOSTILE = r"""
version: 1
organization:
  name: 'Evil </style><style>body{display:none}</style> org'
units:
  - id: root
    name: '</script><script>window.pwned = 1</script>'
    head: boss
    units:
      - id: 'q"u<o>te\'
        name: "It's ]]> <!-- \"quoted\" --> done"
positions:
  - {id: boss, title: '<img src=x onerror="window.pwned = 2">', unit: root}
deliverables:
  - id: 'd"<1>'
    name: '</script><script>window.pwned = 3</script>'
    raci: {A: boss, R: 'q"u<o>te\'}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with what it printed to the console, the errors it threw, the requests it
    made and the dialogs it opened."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: Path) -> Watched:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.page.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    hostile = folder / "hostile.yaml"
    hostile.write_text(textwrap.dedent(HOSTILE).lstrip("\n"), encoding="utf-8")
    out = {}
    for name, model in (("un", UN_HABITAT), ("mistakes", MISTAKES), ("hostile", hostile)):
        out[name] = raci.render_report(raci.load(model), folder / f"{name}.html")
    out["un-zh"] = raci.render_report(raci.load(UN_HABITAT), folder / "un-zh.html", lang="zh")
    return out


def visible_rows(page: Any) -> list[str]:
    return [
        str(t)
        for t in page.eval_on_selector_all(
            "#raci-matrix tbody tr:not(.group)",
            "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)",
        )
    ]


class TestLoading:
    def test_no_console_errors_and_no_network(
        self, watched: Watched, reports: dict[str, Path]
    ) -> None:
        for name in ("un", "un-zh", "mistakes", "hostile"):
            watched.requests.clear()
            watched.open(reports[name])
            assert watched.errors == [], name
            assert watched.requests == [reports[name].as_uri()], name

    def test_every_row_is_drawn(self, watched: Watched, reports: dict[str, Path]) -> None:
        watched.open(reports["un"])
        org = raci.load(UN_HABITAT)
        assert len(visible_rows(watched.page)) == len(org.deliverables)


class TestSearch:
    def test_typing_hides_rows_that_do_not_match(
        self, watched: Watched, reports: dict[str, Path]
    ) -> None:
        page = watched.open(reports["un"]).page
        org = raci.load(UN_HABITAT)
        page.locator("#raci-search").press_sequentially("gender", delay=5)
        expected = [
            i
            for i, d in enumerate(org.deliverables.values())
            if "gender" in f"{d.name} {d.id} {org.groups[d.group].name if d.group else ''}".lower()
        ]
        shown = visible_rows(page)
        assert shown == [f"row-{i}" for i in expected]
        assert 0 < len(shown) < len(org.deliverables)
        for text in page.eval_on_selector_all(
            "#raci-matrix tbody tr:not(.group) th", "ths => ths.map(t => t.textContent)"
        ):
            assert "gender" in str(text).lower() or "gender" in page.text_content("#matrix")
        assert f"{len(expected)} of {len(org.deliverables)}" in page.text_content("#raci-count")
        page.fill("#raci-search", "no such deliverable")
        assert visible_rows(page) == []
        page.fill("#raci-search", "")
        assert len(visible_rows(page)) == len(org.deliverables)


class TestSelection:
    def test_clicking_a_unit_highlights_its_box_and_column(
        self, watched: Watched, reports: dict[str, Path]
    ) -> None:
        page = watched.open(reports["un"]).page
        page.click("g.node#unit-gsd")
        assert page.eval_on_selector_all("g.node.sel", "gs => gs.map(g => g.id)") == ["unit-gsd"]
        titles = page.eval_on_selector_all("th.sel", "ths => ths.map(t => t.title)")
        assert "Global Solutions Division (gsd)" in titles
        assert page.is_visible("#panel")
        org = raci.load(UN_HABITAT)
        held = {org.deliverables[d].name for d, _ in org.assignments_of("gsd")}
        panel = page.text_content("#panel-body") or ""
        assert held
        assert all(name in panel for name in held)
        # A tinted band lies over the unit's column, from the header down the rows.
        band = page.evaluate(
            "(() => { const th = [...document.querySelectorAll('#raci-matrix th.sel')]"
            ".find(t => t.title === 'Global Solutions Division (gsd)');"
            " return [...document.querySelectorAll('#raci-wrap .col-mark')]"
            ".some(m => m.offsetLeft === th.offsetLeft && m.offsetWidth === th.offsetWidth"
            " && m.offsetHeight >= document.getElementById('raci-matrix').offsetHeight);"
            " })()"
        )
        assert band

    def test_clicking_a_column_highlights_the_unit_box(
        self, watched: Watched, reports: dict[str, Path]
    ) -> None:
        page = watched.open(reports["un"]).page
        page.click("#raci-matrix th[title='Regional Programmes Division (rpd)']")
        assert page.eval_on_selector_all("g.node.sel", "gs => gs.map(g => g.id)") == ["unit-rpd"]
        page.click("#panel .close")
        assert not page.is_visible("#panel")
        assert page.eval_on_selector_all("g.node.sel", "gs => gs.length") == 0

    def test_the_keyboard_selects_too(self, watched: Watched, reports: dict[str, Path]) -> None:
        page = watched.open(reports["un"]).page
        page.focus("g.node#unit-erski")
        page.keyboard.press("Enter")
        assert page.eval_on_selector_all("g.node.sel", "gs => gs.map(g => g.id)") == ["unit-erski"]
        page.focus("#raci-matrix th[title='Global Solutions Division (gsd)']")
        page.keyboard.press("Enter")
        assert page.eval_on_selector_all("g.node.sel", "gs => gs.map(g => g.id)") == ["unit-gsd"]

    def test_a_finding_links_to_its_row(self, watched: Watched, reports: dict[str, Path]) -> None:
        page = watched.open(reports["mistakes"]).page
        link = page.locator("#findings a[data-row]").first
        target = link.get_attribute("href")
        link.click()
        assert target
        assert page.locator(f"tr{target}.flash").count() == 1


class TestHostileNames:
    def test_show_as_text_and_run_nothing(self, watched: Watched, reports: dict[str, Path]) -> None:
        page = watched.open(reports["hostile"]).page
        assert page.evaluate("window.pwned") is None
        assert watched.dialogs == []
        assert watched.errors == []
        assert "</style><style>body{display:none}</style>" in page.inner_text("h1")
        assert page.is_visible("#matrix")
        row = page.text_content("#row-0 th")
        assert row == "</script><script>window.pwned = 3</script>"
        chart = " ".join((page.text_content("#chart-wrap") or "").split())
        assert "</script><script>window.pwned = 1</script>" in chart
        assert 'It\'s ]]> <!-- "quoted" --> done' in chart
        assert '<img src=x onerror="window.pwned = 2">' in chart
        page.click('g.node[id="unit-q%22u%3Co%3Ete%5C"]')
        assert page.text_content("#panel-title") == 'It\'s ]]> <!-- "quoted" --> done'


#: What the printed parts of a wide matrix hold, read from the page laid out for print:
#: the columns of each part, its rows, its narrowest party column (px) and how many party
#: names overflow their heading (cut off on paper).
PARTS = """() => Array.from(document.querySelectorAll("table.raci.part")).map(t => {
  const heads = Array.from(t.querySelectorAll("thead th.v[scope=col]"));
  return {
    from: Number(t.dataset.from), to: Number(t.dataset.to),
    rows: t.querySelectorAll("tbody tr:not(.group)").length,
    narrowest: Math.min(...heads.map(th => th.getBoundingClientRect().width)),
    cut: heads.filter(th => {
      const name = th.firstElementChild;
      return name.scrollHeight > name.clientHeight + 1
        || name.getBoundingClientRect().width > th.getBoundingClientRect().width + 1;
    }).length,
  };
})"""


class TestPrint:
    def test_print_shows_every_row_and_hides_the_controls(
        self, watched: Watched, reports: dict[str, Path]
    ) -> None:
        """The example's 38 parties print in two parts on A4 landscape, each part holding
        every row; the wide table of the screen is not printed."""
        page = watched.open(reports["un"]).page
        page.fill("#raci-search", "")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        assert not page.is_visible("#raci-search")
        assert not page.is_visible(".toc")
        assert not page.is_visible("#raci-matrix")
        org = raci.load(UN_HABITAT)
        parts = page.evaluate(PARTS)
        assert [(p["from"], p["to"]) for p in parts] == [(0, 19), (19, 38)]
        assert all(p["rows"] == len(org.deliverables) for p in parts)
        pdf = page.pdf(format="A4", landscape=True, print_background=True)
        assert pdf.startswith(b"%PDF")

    def test_a_matrix_that_fits_prints_every_row_in_its_one_table(
        self, watched: Watched, tmp_path: Path
    ) -> None:
        """Rows beyond the first screenful are drawn when printing starts."""
        rows = "".join(
            f"  - {{id: d{i}, name: Task {i}, raci: {{A: boss, R: [top]}}}}\n" for i in range(250)
        )
        model = tmp_path / "long.yaml"
        model.write_text(
            "version: 1\nunits:\n  - {id: top, name: Top, head: boss}\n"
            f"positions:\n  - {{id: boss, title: Boss, unit: top}}\ndeliverables:\n{rows}",
            encoding="utf-8",
        )
        out = raci.render_report(raci.load(model), tmp_path / "long.html")
        page = watched.open(out).page
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        assert page.evaluate(PARTS) == []
        assert page.is_visible("#raci-matrix")
        assert len(visible_rows(page)) == 250


#: Chinese text reads back only where a CJK font is installed.
CJK = pytest.mark.skipif(not font_available("cjk"), reason="no CJK font installed")


def printed_pdf(browser: Any, path: Path) -> Any:
    """The page printed to PDF by Chromium on the paper its CSS asks for, read back."""
    import io

    from pypdf import PdfReader

    page = browser.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return PdfReader(io.BytesIO(pdf))


def printed(browser: Any, path: Path) -> list[str]:
    """The page printed to PDF by Chromium on the paper its CSS asks for: each page's
    text, CJK radicals read back as the characters they stand for."""
    import unicodedata

    reader = printed_pdf(browser, path)
    printed.sizes = [  # type: ignore[attr-defined]
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    ]
    return [
        unicodedata.normalize("NFKC", p.extract_text()).replace("\u2eda", "页")
        for p in reader.pages
    ]


def matrix_pages(pages: list[str], rows: list[str]) -> list[str]:
    """The pages that hold rows of the matrix."""
    return [text for text in pages if any(row in text for row in rows)]


#: The corner of the matrix's header row, in every printed part.
CORNER = {None: "Deliverable", "zh": "交付成果"}


class TestPrintedPages:
    """Printed through Chromium: the paper asked for, a running header and page numbers
    on every page, the header row of its part of the matrix on each of its pages, in
    English and Chinese."""

    @pytest.mark.parametrize(
        ("name", "first", "number"),
        [
            ("un", "UN-Habitat Organization report", "Page {n} of {total}"),
            pytest.param("un-zh", "人居署 组织报告", "第 {n} 页 共 {total} 页", marks=CJK),
        ],
    )
    def test_report(
        self,
        browser: Any,
        reports: dict[str, Path],
        name: str,
        first: str,
        number: str,
    ) -> None:
        pages = printed(browser, reports[name])
        assert set(printed.sizes) == {(842, 595)}  # type: ignore[attr-defined]  # A4 landscape
        for n, text in enumerate(pages, 1):
            lines = text.splitlines()
            assert lines[0] == first
            assert lines[1] == number.format(n=n, total=len(pages))
        lang = "zh" if name.endswith("zh") else None
        rows = [d.names.get(lang) for d in raci.load(UN_HABITAT).deliverables.values()]
        assert matrix_pages(pages[:1], rows)  # the first page is full: summary, findings, matrix
        holding = matrix_pages(pages, rows[:3] + rows[-3:] + rows[10:12])
        assert len(holding) >= 2
        for text in holding:
            assert CORNER[lang] in text.splitlines()  # the header row, repeated
        assert "Organization chart" in pages[-1] or "组织结构图" in pages[-1]

    def test_report_on_letter_portrait(self, browser: Any, tmp_path: Path) -> None:
        out = raci.render_report(
            raci.load(UN_HABITAT), tmp_path / "r.html", paper="Letter", landscape=False
        )
        pages = printed(browser, out)
        assert set(printed.sizes) == {(612, 792)}  # type: ignore[attr-defined]
        assert pages[-1].splitlines()[1] == f"Page {len(pages)} of {len(pages)}"

    @pytest.mark.parametrize(
        ("lang", "first"),
        [
            (None, "UN-Habitat Responsibility matrix"),
            pytest.param("zh", "人居署 责任矩阵", marks=CJK),
        ],
    )
    def test_matrix(self, browser: Any, tmp_path: Path, lang: str | None, first: str) -> None:
        from raci.render.matrix.writer import render_matrix

        org = raci.load(UN_HABITAT)
        out = tmp_path / "m.html"
        render_matrix(org, out, lang=lang, paper="A4", landscape=False)
        pages = printed(browser, out)
        assert set(printed.sizes) == {(595, 842)}  # type: ignore[attr-defined]
        assert len(pages) >= 2
        rows = [d.names.get(lang) for d in org.deliverables.values()]
        for n, text in enumerate(pages, 1):
            lines = text.splitlines()
            assert lines[0] == first
            assert lines[1] in (f"Page {n} of {len(pages)}", f"第 {n} 页 共 {len(pages)} 页")
        for text in matrix_pages(pages, rows):
            assert CORNER[lang] in text.splitlines()


def test_a_wide_matrix_prints_in_parts_that_read(browser: Any, tmp_path: Path) -> None:
    """58 parties on A4 landscape: the printed matrix comes in parts of 8.5 mm columns,
    each with every row and every party's name whole, no text under 6 pt."""
    model = benchmark("generate").generate(units=14, deliverables=60, seed=1)
    org = raci.loads(json.dumps(model), "json")
    columns = len(build_matrix(org).columns)
    assert columns == 58
    out = raci.render_report(org, tmp_path / "wide.html")
    # The page as wide as A4 landscape's text, in CSS pixels.
    page = browser.new_page(viewport={"width": 1032, "height": 800})
    try:
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        parts = page.evaluate(PARTS)
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    assert [(p["from"], p["to"]) for p in parts] == [(0, 20), (20, 40), (40, 58)]
    for part in parts:
        assert part["rows"] == len(org.deliverables)
        assert part["narrowest"] >= 8.5 / 25.4 * 96 - 0.5  # 8.5 mm
        assert part["cut"] == 0
    from pypdf import PdfReader

    printed = PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(p.extract_text() for p in printed)
    for first, last in ((1, 20), (21, 40), (41, 58)):
        assert f"Parties {first}–{last} of 58" in text
    text_sizes = benchmark("bench_print").text_sizes
    assert min(min(text_sizes(p)) for p in printed) >= 6.0


def test_printed_chart_is_legible(reports: dict[str, Path]) -> None:
    """The chart's printed pages are drawn at their size: no text under 6 pt."""
    html = reports["un"].read_text(encoding="utf-8")
    start = html.index('<section id="chart-pages"')
    section = html[start : html.index("</section>", start)]
    for svg in re.findall(r"<svg.*?</svg>", section, flags=re.S):
        width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
        view = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        scale = float(re.search(r'transform="scale\(([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
        assert smallest * scale * width / view >= 6


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Reports read right to left: the commission in Arabic, and UN-Habitat with
    ``lang="ar"`` (38 parties, wider than the screen)."""
    folder = tmp_path_factory.mktemp("rtl")
    escwa = raci.load(ARABIC / "org.yaml")
    return {
        "escwa": raci.render_report(escwa, folder / "escwa.html"),
        "un-ar": raci.render_report(raci.load(UN_HABITAT), folder / "un-ar.html", lang="ar"),
    }


class TestRightToLeft:
    """A report in Arabic, read right to left: the matrix starts on the right, the panel
    opens on the left, a selected column is marked and scrolled to, and the print runs
    its header from the right."""

    def test_the_matrix_starts_on_the_right(
        self, watched: Watched, arabic: dict[str, Path]
    ) -> None:
        page = watched.open(arabic["escwa"]).page
        assert watched.errors == []
        assert page.evaluate("document.documentElement.dir") == "rtl"
        name, first = page.evaluate(
            "(() => { const row = document.querySelector('#raci-matrix tbody tr:not(.group)');"
            " return [row.querySelector('th').getBoundingClientRect().left,"
            " row.querySelector('td').getBoundingClientRect().right]; })()"
        )
        assert name >= first

    def test_the_panel_opens_on_the_left(self, watched: Watched, arabic: dict[str, Path]) -> None:
        page = watched.open(arabic["escwa"]).page
        page.click("g.node#unit-sist")
        assert page.is_visible("#panel")
        left, right = page.evaluate(
            "(() => { const r = document.getElementById('panel').getBoundingClientRect();"
            " return [r.left, r.right]; })()"
        )
        assert left < 100
        assert right < 700

    def test_a_selected_column_is_marked_and_in_view(
        self, watched: Watched, arabic: dict[str, Path]
    ) -> None:
        page = watched.open(arabic["un-ar"]).page
        wide = page.evaluate(
            "(() => { const w = document.getElementById('raci-wrap');"
            " return w.scrollWidth > w.clientWidth; })()"
        )
        assert wide
        for ident in ("auditors", "gsd"):
            page.click(f"#raci-matrix th[title$='({ident})']")
            th_left, th_width, mark_left, mark_width, wrap_left, wrap_right = page.evaluate(
                "(ident) => { const th = [...document.querySelectorAll('#raci-matrix th.sel')]"
                ".find(t => t.title.endsWith('(' + ident + ')'));"
                " const m = document.querySelector('#raci-wrap .col-mark').getBoundingClientRect();"
                " const t = th.getBoundingClientRect();"
                " const w = document.getElementById('raci-wrap').getBoundingClientRect();"
                " return [t.left, t.width, m.left, m.width, w.left, w.right]; }",
                ident,
            )
            assert abs(mark_left - th_left) < 1.5
            assert abs(mark_width - th_width) < 1.5
            assert wrap_left <= th_left < th_left + th_width <= wrap_right

    def test_the_print_heads_its_pages_from_the_right(
        self, browser: Any, arabic: dict[str, Path]
    ) -> None:
        """Printed, the organization stands at the top right of each page, what the
        document is at the top left (Arabic read back in the order it is drawn, its
        letters in their joined forms)."""
        import unicodedata

        reader = printed_pdf(browser, arabic["escwa"])
        assert len(reader.pages) >= 2
        text = words_for("ar").gettext("Organization report")
        words = {*text.split(), *(w[::-1] for w in text.split())}
        for sheet in reader.pages:
            width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
            pieces = [(unicodedata.normalize("NFKC", t), x, y) for t, x, y in placed_text(sheet)]
            name = [(x, y) for t, x, y in pieces if t in ("الإسكوا", "الإسكوا"[::-1])]
            assert name
            x, y = name[0]
            assert x > width * 3 / 4
            assert y > height - 30
            # The words of what the document is, on the same line.
            title = [x for t, x, at in pieces if abs(at - y) < 1 and t in words]
            assert title
            assert max(title) < width / 4


#: A model of each built-in scheme whose parties hold every role, for its workload's key.
SCHEMED = """\
version: 1
organization: {{name: Org}}
scheme: {scheme}
units:
  - {{id: a, name: Alpha}}
  - {{id: b, name: Beta}}
deliverables:
  - id: d
    name: Deliverable
    raci: {{{roles}}}
"""

#: Where each text of the workload's key is drawn, and the chart's width, in its units.
KEY_BOXES = """() => {
  const svg = document.querySelector('svg.workload');
  const key = [...svg.children].filter(e => e.tagName === 'text');
  return [svg.viewBox.baseVal.width, key.map(t => {
    const b = t.getBBox(); return [t.textContent, b.x, b.y, b.width, b.height];
  })];
}"""


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "es", "ar"])
@pytest.mark.parametrize("scheme", ["RACI", "RASCI", "RACI-VS", "CAIRO"])
def test_the_workload_key_shows_every_role_whole(
    browser: Any, tmp_path: Path, lang: str, scheme: str
) -> None:
    """Each role of the workload's key, as the browser draws it, lies inside the chart
    and clear of the others, however long its name is in the language."""
    letters = BUILTIN_SCHEMES[scheme].letters
    roles = ", ".join(f"{x}: {'a' if x in 'RA' else 'b'}" for x in letters)
    org = raci.loads(SCHEMED.format(scheme=scheme, roles=roles), "yaml", file="org.yaml")
    out = raci.render_report(org, tmp_path / "r.html", lang=lang)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        width, boxes = page.evaluate(KEY_BOXES)
    finally:
        page.close()
    assert len(boxes) == len(letters)
    for text, x, _, wide, _ in boxes:
        assert x >= 0, text
        assert x + wide <= width, text
    for n, (_, x, y, wide, high) in enumerate(boxes):
        for _, x2, y2, wide2, high2 in boxes[n + 1 :]:
            apart = x + wide <= x2 or x2 + wide2 <= x or y + high <= y2 or y2 + high2 <= y
            assert apart, (boxes[n], (x2, y2))
