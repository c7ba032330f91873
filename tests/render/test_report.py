"""The report page: one file, nothing fetched, every section, escaping, links, languages."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads
from raci.cli import cli
from raci.render.report.page import _code, _json_for_script, report_html

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
MISTAKES = EXAMPLES / "mistakes" / "org.yaml"

#: Names that try to break out of HTML text, attributes, the style sheet, the inline JSON
#: and the SVG; ids with quotes, markup and a backslash.
HOSTILE = r"""
version: 1
organization:
  name: 'Evil </style><style>body{display:none}</style> org'
units:
  - id: root
    name: '</script><script>alert("unit")</script> & Co'
    units:
      - id: 'q"u<o>te\'
        name: "It's ]]> <!-- \"quoted\" --> \u2028 line"
positions:
  - {id: boss, title: '<img src=x onerror=alert(1)>', unit: root}
deliverables:
  - id: 'd"<1>'
    name: '</script><script>alert("row")</script>'
    raci: {A: boss, R: 'q"u<o>te\'}
  - id: d2
    name: '</style> plain ]]>'
    raci: {R: root}
"""


class _Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def page_data(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="raci-data">(.*?)</script>', page)
    assert found
    data: dict[str, object] = json.loads(found.group(1))
    return data


@pytest.fixture(scope="module")
def un_habitat() -> str:
    return report_html(raci.load(UN_HABITAT))


@pytest.fixture(scope="module")
def mistakes() -> str:
    return report_html(raci.load(MISTAKES))


@pytest.fixture(scope="module")
def hostile() -> str:
    return report_html(loads(HOSTILE))


class TestOneFile:
    def test_nothing_is_fetched(self, un_habitat: str) -> None:
        page = parse(un_habitat)
        for tag, attrs in page.tags:
            assert "src" not in attrs, tag
            href = attrs.get("href")
            if href is not None:
                assert href.startswith("#") or href == "data:,", (tag, href)
            assert not (tag == "link" and attrs.get("rel") == "stylesheet")
        # The only addresses are the SVG namespaces, which are names, not fetches.
        addresses = set(re.findall(r"https?://[^\s\"'<>)]+", un_habitat))
        assert addresses <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}

    def test_a_policy_forbids_fetches(self, un_habitat: str) -> None:
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', un_habitat)
        assert policy
        assert "default-src 'none'" in policy.group(1)

    def test_inline_style_script_and_svg(self, un_habitat: str) -> None:
        assert un_habitat.count("<style>") == 1
        assert un_habitat.count("<script") == 2
        assert "<?xml" not in un_habitat
        assert "<!DOCTYPE svg" not in un_habitat
        # The chart, the workload, and the chart's printed pages (as many as the paper takes).
        assert un_habitat.count("<svg") >= 3
        assert "<img" not in un_habitat


class TestSections:
    def test_every_section(self, un_habitat: str) -> None:
        ids = [a.get("id") for _, a in parse(un_habitat).tags if a.get("id")]
        for section in ("summary", "findings", "chart", "matrix", "workload", "panel"):
            assert section in ids

    def test_search_box(self, un_habitat: str) -> None:
        inputs = [a for t, a in parse(un_habitat).tags if t == "input"]
        assert [a.get("type") for a in inputs] == ["search"]

    def test_summary_figures(self, un_habitat: str) -> None:
        org = raci.load(UN_HABITAT)
        summary = un_habitat.split('id="summary"', 1)[1].split("</section>", 1)[0]
        assert f"<b>{len(org.units)}</b><span>Units</span>" in summary
        assert f"<b>{len(org.deliverables)}</b><span>Deliverables</span>" in summary
        assert "passes validation" in summary

    def test_every_unit_has_a_box_and_the_data_knows_it(self, un_habitat: str) -> None:
        org = raci.load(UN_HABITAT)
        data = page_data(un_habitat)
        units = data["units"]
        assert isinstance(units, dict)
        assert {v[0] for v in units.values()} == set(org.units)
        ids = {a.get("id") for t, a in parse(un_habitat).tags if t == "g"}
        assert {f"unit-{u}" for u in org.units} <= ids

    def test_matrix_rows_are_data(self, un_habitat: str) -> None:
        org = raci.load(UN_HABITAT)
        data = page_data(un_habitat)
        rows = data["rows"]
        assert isinstance(rows, list)
        assert [r[0] for r in rows] == list(org.deliverables)
        styles = data["styles"]
        assert isinstance(styles, list)
        fs = rows[[r[0] for r in rows].index("fs-2019")]
        columns = data["columns"]
        assert isinstance(columns, list)
        cells = {columns[c][0]: styles[s][0] for c, s in fs[4]}
        assert cells == {
            p: "/".join(org.deliverables["fs-2019"].roles_of(p))
            for p in dict.fromkeys(a.party for a in org.deliverables["fs-2019"].assignments)
        }

    def test_workload_is_an_inline_svg_chart(self, un_habitat: str) -> None:
        workload = un_habitat.split('id="workload"', 1)[1]
        svg = workload.split("<svg", 1)[1].split("</svg>", 1)[0]
        assert svg.count('<g class="bar">') == 15
        assert "<rect" in svg
        assert "<table" not in workload.split("</section>", 1)[0]
        titles = re.findall(r'<g class="bar"><title>([^<]*)</title>', svg)
        assert titles[0] == "Executive Board of UN-Habitat (board): I 13"

    @pytest.mark.parametrize(("lang", "lines"), [("en", ["16"] * 4), ("ru", ["16"] * 3 + ["34"])])
    def test_workload_key_takes_a_line_more_when_its_words_are_long(
        self, lang: str, lines: list[str]
    ) -> None:
        """The key's roles go on as many lines as they need, the bars under them."""
        page = report_html(raci.load(UN_HABITAT), lang=lang)
        svg = page.split('<svg class="workload"', 1)[1].split('<g class="bar">', 1)
        assert re.findall(r'<text x="[\d.]+" y="(\d+)"', svg[0]) == lines
        first = re.search(r'<rect x="[\d.]+" y="(\d+)"', svg[1])
        assert first is not None
        assert int(first.group(1)) == int(lines[-1]) + 21

    def test_workload_titles_in_chinese_take_full_width_punctuation(self) -> None:
        zh = report_html(raci.load(UN_HABITAT), lang="zh")
        titles = re.findall(r'<g class="bar"><title>([^<]*)</title>', zh)
        assert titles[:2] == ["人居署执行局（board）：I 13", "会员国（member-states）：C 4、I 8"]


class TestFindings:
    def test_grouped_by_severity(self, mistakes: str) -> None:
        findings = mistakes.split('id="findings"', 1)[1].split("</section>", 1)[0]
        order = re.findall(r'<h3 id="findings-(\w+)"', findings)
        assert order == ["error", "warning", "info"]
        errors = findings.split('id="findings-error"', 1)[1].split("</ul>", 1)[0]
        assert "single-accountable" in errors
        assert "idle-unit" not in errors

    def test_links_to_the_row_or_the_box(self, mistakes: str) -> None:
        org = raci.load(MISTAKES)
        data = page_data(mistakes)
        rows = data["rows"]
        assert isinstance(rows, list)
        row_ids = [r[0] for r in rows]
        links = re.findall(
            r'<code class="rule">([\w-]+)</code> <a class="subject" href="#([^"]+)"', mistakes
        )
        assert links
        by_rule = dict(links)
        assert by_rule["single-accountable"] == f"row-{row_ids.index('hq-restructuring')}"
        assert by_rule["idle-unit"] == "unit-ieu"
        assert "ieu" in org.units
        ids = {a.get("id") for _, a in parse(mistakes).tags}
        for _, target in links:
            assert target in ids or target.startswith("row-")

    def test_clean_model_says_so(self, un_habitat: str) -> None:
        assert "No findings" in un_habitat


class TestEscaping:
    def test_names_cannot_break_out(self, hostile: str) -> None:
        page = parse(hostile)
        # Two scripts (the data and the code), one style sheet: no name opened another.
        assert [t for t, _ in page.tags if t in ("script", "style")] == [
            "style",
            "script",
            "script",
        ]
        assert not [t for t, _ in page.tags if t == "img"]
        assert all(not k.startswith("on") for _, a in page.tags for k in a)
        assert "alert" not in "".join(page.scripts[1:])

    def test_names_show_as_text(self, hostile: str) -> None:
        text = "".join(parse(hostile).text)
        assert "Evil </style><style>body{display:none}</style> org" in text
        assert "<img src=x onerror=alert(1)>" in text  # in the chart, as the head's title

    def test_inline_json_cannot_close_its_script(self, hostile: str) -> None:
        block = hostile.split('id="raci-data">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block
        assert ">" not in block
        assert "\u2028" not in block
        data = page_data(hostile)
        rows = data["rows"]
        assert isinstance(rows, list)
        assert rows[0][1] == '</script><script>alert("row")</script>'
        assert rows[0][0] == 'd"<1>'

    def test_json_escapes(self) -> None:
        text = _json_for_script({"a": "</script>&\u2028\u2029"})
        assert text == '{"a":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}'
        assert json.loads(text) == {"a": "</script>&\u2028\u2029"}

    def test_quoted_ids_in_messages_are_code_and_stay_escaped(self) -> None:
        assert _code("unit `a<b>` & `c`") == "unit <code>a&lt;b&gt;</code> &amp; <code>c</code>"

    def test_hostile_ids_link_to_their_box(self, hostile: str) -> None:
        data = page_data(hostile)
        units = data["units"]
        assert isinstance(units, dict)
        assert units["unit-q%22u%3Co%3Ete%5C"][0] == 'q"u<o>te\\'
        ids = {a.get("id") for t, a in parse(hostile).tags if t == "g"}
        assert "unit-q%22u%3Co%3Ete%5C" in ids


class TestLanguages:
    def test_chinese_words_and_names(self) -> None:
        page = report_html(raci.load(UN_HABITAT), lang="zh")
        assert '<html lang="zh">' in page
        assert "组织报告：人居署" in page
        assert "责任矩阵" in page
        assert 'placeholder="输入文字以筛选交付成果…"' in page
        assert "全球解决方案司" in page
        assert "Organization report" not in page

    def test_unknown_language_falls_back_to_english_words(self) -> None:
        page = report_html(raci.load(UN_HABITAT), lang="de")
        assert "Organization report" in page

    def test_counts_take_their_plural_form(self) -> None:
        one = loads(
            """
            version: 1
            organization: {name: Solo}
            units: [{id: top, name: Top}]
            deliverables: [{id: d, name: D, raci: {A: top, R: top}}]
            """
        )
        cards = re.findall(
            r'<div class="card"><b>([^<]*)</b><span>([^<]*)</span>', report_html(one)
        )
        assert ("1", "Unit") in cards
        assert ("1", "Deliverable") in cards
        assert ("2", "Assignments") in cards
        assert ("0", "External parties") in cards

    def test_the_script_picks_the_plural_form_of_each_count(self, un_habitat: str) -> None:
        words = page_data(un_habitat)["words"]
        assert isinstance(words, dict)
        rows = words["more_rows"]
        forms = [rows["forms"][rows["index"][n]] for n in (0, 1, 2, 101)]
        assert forms == [
            "{n} more rows appear as you scroll.",
            "{n} more row appears as you scroll.",
            "{n} more rows appear as you scroll.",
            "{n} more rows appear as you scroll.",
        ]
        assert (words["colon"], page_data(un_habitat)["group"]) == (": ", ",")

    def test_the_scripts_words_and_the_units_levels_in_chinese(self) -> None:
        data = page_data(report_html(raci.load(UN_HABITAT), lang="zh"))
        words = data["words"]
        assert isinstance(words, dict)
        assert words["more_rows"]["forms"] == ["向下滚动可显示其余 {n} 行。"]
        assert words["colon"] == "："
        units = data["units"]
        assert isinstance(units, dict)
        assert {unit[2] for unit in units.values()} >= {"司", "处"}


class TestApi:
    def test_writes_the_file(self, tmp_path: Path) -> None:
        out = tmp_path / "r.html"
        assert raci.render_report(raci.load(UN_HABITAT), out) == out
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def test_wrong_types_and_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(TypeError, match=r"raci\.Organization"):
            raci.render_report(str(UN_HABITAT), tmp_path / "r.html")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"\.html"):
            raci.render_report(raci.load(UN_HABITAT), tmp_path / "r.pdf")

    def test_never_over_its_input(self, tmp_path: Path) -> None:
        model = tmp_path / "org.html"
        model.write_text(UN_HABITAT.read_text(encoding="utf-8"), encoding="utf-8")
        org = raci.load(UN_HABITAT)
        with pytest.raises(raci.OutputError, match="input"):
            raci.render_report(org, model, inputs=[model])

    def test_a_table_without_units_has_no_chart(self) -> None:
        org = loads(
            """
            version: 1
            external: [{id: a, name: Alpha}, {id: b, name: Beta}]
            deliverables:
              - {id: d, name: Work, raci: {A: a, R: b}}
            """
        )
        page = report_html(org)
        assert "lists no units, so there is no chart" in page
        assert "Levels below the top" not in page
        assert page_data(page)["units"] == {}

    def test_committed_example_is_up_to_date(self) -> None:
        """`nox -s examples` renders report.html; apart from the chart's SVG (whose
        layout depends on the fonts installed) the committed copy matches the model."""
        committed = (EXAMPLES / "un-habitat-2020" / "report.html").read_text(encoding="utf-8")
        fresh = report_html(raci.load(UN_HABITAT))

        def without_chart(page: str) -> str:
            page = re.sub(r'<section id="chart-pages".*?</section>', "", page, flags=re.S)
            return re.sub(
                r'<div class="chart-wrap" id="chart-wrap">.*?</svg>', "", page, flags=re.S
            )

        assert without_chart(committed) == without_chart(fresh)


class TestCli:
    def test_writes_and_exits_0(self, tmp_path: Path) -> None:
        out = tmp_path / "r.html"
        result = CliRunner().invoke(
            cli, ["report", str(UN_HABITAT), "-o", str(out), "--lang", "zh"]
        )
        assert result.exit_code == 0, result.output
        assert f"已写入 {out}" in result.output
        assert "组织报告" in out.read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["missing.yaml", "-o", "r.html"], "missing.yaml"),
            ([str(UN_HABITAT), "-o", "r.pdf"], ".html"),
            ([str(UN_HABITAT)], "Missing option"),
        ],
    )
    def test_bad_input_or_options_exit_2(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
    ) -> None:
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["report", *args])
        assert result.exit_code == 2, result.output
        assert message in result.output

    def test_refuses_to_overwrite_its_input(self, tmp_path: Path) -> None:
        model = tmp_path / "org.yaml"
        model.write_text(UN_HABITAT.read_text(encoding="utf-8"), encoding="utf-8")
        result = CliRunner().invoke(cli, ["report", str(model), "-o", str(model)])
        assert result.exit_code == 2
        assert model.read_text(encoding="utf-8") == UN_HABITAT.read_text(encoding="utf-8")

    def test_help_has_an_example(self) -> None:
        result = CliRunner().invoke(cli, ["report", "--help"])
        assert result.exit_code == 0
        assert "raci report org.yaml -o report.html" in result.output
