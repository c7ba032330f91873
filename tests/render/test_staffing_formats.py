"""The staffing table in every format, read back: each number equals the JSON's."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import raci
from helpers import EXAMPLES, loads, pdflatex
from raci.analysis.staffing import NO_GRADE_KEY, Staffing, staffing
from raci.render.staffing.writer import render_staffing
from staffing_orgs import NEW, OLD

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
#: The cases every format is read back in: (name, options of staffing()).
CASES = {
    "plain": {},
    "compared": {"before": True},
    "by fund": {"fund": True},
    "compared by fund": {"before": True, "fund": True},
    "compared by division": {"before": True, "by": "division"},
}


def table(case: str) -> Staffing:
    options: dict[str, Any] = dict(CASES[case])
    if options.pop("before", False):
        options["before"] = loads(OLD)
    return staffing(loads(NEW), **options)


def expected(t: Staffing) -> list[list[float]]:
    """Each line's numbers, column by column, worked out from the JSON alone."""
    data = t.to_dict()
    columns: list[tuple[str, str]] = []
    for category, grades in data["categories"].items():
        columns += [("grades", g) for g in grades] + [("categories", category)]
    if NO_GRADE_KEY in data["grades"]:
        columns.append(("grades", NO_GRADE_KEY))
    columns.append(("total", ""))
    sides = ["before", "after", "change"] if t.compared else ["posts"]
    rows = [*data["rows"], *data.get("funds", []), data["totals"]]
    return [
        [c["total"] if kind == "total" else c[kind].get(key, 0) for kind, key in columns]
        for row in rows
        for c in (row[s] for s in sides)
    ]


def parse(text: str) -> float:
    """A printed number: blank is 0, ``1,234`` and ``+2`` are numbers."""
    text = text.replace("*", "").replace(",", "").strip()
    return float(text) if text else 0


@pytest.mark.parametrize("case", CASES)
class TestReadBack:
    def test_csv(self, case: str) -> None:
        t = table(case)
        data = str(render_staffing(t, format="csv"))
        assert data.startswith("\ufeffid,unit,")
        lines = list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))
        labels = 2 + (t.funds is not None) + t.compared
        assert [[float(c) for c in line[labels:]] for line in lines[1:]] == expected(t)
        assert len(lines[0]) == labels + len(expected(t)[0])

    def test_xlsx(self, case: str, tmp_path: Path) -> None:
        t = table(case)
        path = tmp_path / "staffing.xlsx"
        render_staffing(t, path)
        sheet = openpyxl.load_workbook(path).worksheets[0]
        assert sheet.title == "Staffing"
        assert sheet.freeze_panes is not None
        labels = 2 + (t.funds is not None) + t.compared
        got = [list(r[labels:]) for r in sheet.iter_rows(min_row=2, values_only=True)]
        assert got == expected(t)
        if t.compared:
            assert sheet.cell(4, labels + 1).number_format == "+General;-General;0"

    def test_markdown(self, case: str) -> None:
        t = table(case)
        text = str(render_staffing(t, format="markdown"))
        rows = [line for line in text.splitlines() if line.startswith("|")]
        labels = 1 + (t.funds is not None) + t.compared
        assert rows[1] == "|" + "---|" * labels + "--:|" * len(expected(t)[0])
        cells = [[c.strip() for c in r.strip("|").split(" | ")] for r in rows[2:]]
        assert [[parse(c) for c in r[labels:]] for r in cells] == expected(t)

    def test_text(self, case: str) -> None:
        t = table(case)
        text = str(render_staffing(t))
        lines = text.splitlines()
        rule = lines[3]
        # The numbers of each line, read in the columns the rule under the header marks.
        spans = [m.span() for m in re.finditer(r"-+", rule)]
        labels = 1 + (t.funds is not None) + t.compared
        body = [line for line in lines[4:] if line and line != rule and not line.startswith("Each")]
        got = [[parse(line[a:b]) for a, b in spans[labels:]] for line in body]
        assert got == expected(t)

    def test_docx(self, case: str, tmp_path: Path) -> None:
        docx = pytest.importorskip("docx")
        t = table(case)
        path = tmp_path / "staffing.docx"
        render_staffing(t, path)
        (word_table,) = docx.Document(str(path)).tables
        labels = 1 + (t.funds is not None) + t.compared
        cells = [[c.text for c in row.cells] for row in word_table.rows]
        assert [[parse(c) for c in row[labels:]] for row in cells[1:]] == expected(t)


class TestText:
    def test_a_comparison_by_hand(self) -> None:
        text = str(render_staffing(table("compared")))
        lines = text.splitlines()
        assert lines[0] == "Staffing: Agency"
        assert lines[2].split() == [
            "unit",
            "posts",
            "USG",
            "UG",
            "total",
            "D-1",
            "D",
            "total",
            "P-5",
            "P-4",
            "P-3",
            "P-2",
            "P",
            "total",
            "GS-5",
            "GS-4",
            "GS",
            "total",
            "total",
        ]
        split = lines.index(next(x for x in lines if x.startswith("Delta One ")))
        assert lines[split].split()[-1] == "4.5"
        assert lines[split + 1].split() == ["proposed", "1", "1", "1", "1", "0.5", "0.5", "2.5"]
        assert lines[split + 2].split() == ["change", "-1", "-1", "-1", "-1", "-2"]
        part = lines.index(next(x for x in lines if x.startswith("Delta Two ")))
        assert lines[part + 2].split() == ["change", "+1", "+1", "+2", "+2"]
        abolished = next(x for x in lines if x.startswith("Epsilon Division (abolished)"))
        assert abolished.split()[-3:] == ["1", "1", "1"]
        total = lines.index(next(x for x in lines if x.startswith("Total")))
        assert lines[total - 1].startswith("-----")
        assert lines[total + 2].split()[-1] == "+2.5"

    def test_ids_and_chinese(self) -> None:
        t = table("compared")
        text = str(render_staffing(t, ids=True))
        assert re.search(r"^d1 +approved", text, re.M)
        zh = str(render_staffing(t, lang="zh"))
        assert zh.startswith("人员编制：Agency\n")
        assert "核定" in zh
        assert "拟议" in zh
        assert "P小计" in zh
        assert "Epsilon Division（撤销）" in zh

    def test_the_un_habitat_example(self) -> None:
        """The example's establishments and its listed positions by grade: 111 posts, as
        `raci stats` counts them (hand count: USG 1, ASG 1, D-2 3, D-1 5, P-5 4, P-4 19,
        P-3 21, P-2 8, GS 49)."""
        text = str(render_staffing(staffing(raci.load(UN_HABITAT))))
        head = text.splitlines()[2].split()
        assert head[:3] == ["unit", "USG", "ASG"]
        assert head[-3:] == ["GS", "total", "total"]
        total = next(x for x in text.splitlines() if x.startswith("Total"))
        assert total.split()[1:] == [
            "1",
            "1",
            "2",
            "3",
            "5",
            "8",
            "4",
            "19",
            "21",
            "8",
            "52",
            "49",
            "49",
            "111",
        ]


class TestJson:
    def test_shape(self) -> None:
        data = json.loads(str(render_staffing(table("compared by fund"), format="json")))
        assert set(data) == {"organization", "grades", "categories", "rows", "totals", "funds"}
        row = data["rows"][0]
        assert set(row) == {"unit", "name", "level", "formerly", "abolished", "fund"} | {
            "before",
            "after",
            "change",
        }
        assert set(row["after"]) == {"grades", "categories", "total"}
        assert data["categories"]["P"] == ["P-5", "P-4", "P-3", "P-2"]

    def test_names_in_a_language(self) -> None:
        org = loads(
            """
            version: 1
            organization: {name: {en: Agency, zh: 机构}}
            units:
              - {id: a, name: {en: Alpha, zh: 甲司}, posts: {P-4: 1}}
            """
        )
        data = staffing(org).to_dict("zh")
        assert (data["organization"], data["rows"][0]["name"]) == ("机构", "甲司")


class TestTex:
    def test_structure(self) -> None:
        tex = str(render_staffing(table("compared"), format="tex"))
        assert r"\usepackage[paperwidth=297mm,paperheight=210mm,margin=1.5cm," in tex
        assert tex.count(r"\endhead") == 1
        assert r"*{13}{>{\footnotesize}r}@{}" in tex
        assert (
            r"\textbf{Total} & approved & 1 & 1 & 2 & 2 & 1 & 5 & 3 & 1 & 10"
            r" & 3 & 2.5 & 5.5 & 18.5 \\" in tex
        )
        portrait = str(render_staffing(table("plain"), format="tex", paper="A3", landscape=False))
        assert r"\usepackage[paperwidth=297mm,paperheight=420mm," in portrait

    def test_compiles_with_numbered_pages(self, tmp_path: Path) -> None:
        if shutil.which("pdflatex") is None:
            pytest.skip("pdflatex is not installed")
        from pypdf import PdfReader

        path = tmp_path / "staffing.tex"
        render_staffing(table("compared by fund"), path)
        done = pdflatex(path, runs=2)
        assert done.returncode == 0, done.stdout[-2000:]
        pages = PdfReader(path.with_suffix(".pdf")).pages
        text = " ".join(p.extract_text() for p in pages)
        assert "Delta One" in text
        assert "Delta Two" in text
        assert "Epsilon Division (abolished)" in text
        assert f"Page 1 of {len(pages)}" in text

    def test_names_with_latex_specials_compile(self, tmp_path: Path) -> None:
        if shutil.which("pdflatex") is None:
            pytest.skip("pdflatex is not installed")
        from pypdf import PdfReader

        names = ["100% {sure} $cash$ #1 ~home^ _x_", r"Back\slash & [link]", "*starred*"]
        units = "".join(
            f"  - {{id: u{i}, name: {json.dumps(n)}, posts: {{P-4: 1}}}}\n"
            for i, n in enumerate(names)
        )
        org = loads(f"version: 1\norganization: {{name: '#1 & Co'}}\nunits:\n{units}")
        path = tmp_path / "staffing.tex"
        render_staffing(staffing(org), path)
        done = pdflatex(path)
        assert done.returncode == 0, done.stdout[-2000:]
        text = "".join(PdfReader(path.with_suffix(".pdf")).pages[0].extract_text().split())
        assert ["".join(n.split()) in text for n in [*names, "#1 & Co"]] == [True] * 4


class TestDocx:
    def test_a_word_table_with_its_header_repeated(self, tmp_path: Path) -> None:
        docx = pytest.importorskip("docx")
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn

        path = tmp_path / "staffing.docx"
        render_staffing(table("compared"), path, paper="A3", landscape=False)
        doc = docx.Document(str(path))
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 420)
        (t,) = doc.tables
        head = t.rows[0]
        assert head._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [c.text for c in head.cells][:3] == ["unit", "posts", "USG"]
        assert [c.paragraphs[0].alignment for c in t.rows[1].cells][-2:] == [
            WD_ALIGN_PARAGRAPH.RIGHT
        ] * 2
        assert doc.paragraphs[0].text == "Staffing: Agency"

    def test_without_python_docx(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import sys

        monkeypatch.setitem(sys.modules, "docx", None)
        with pytest.raises(raci.OutputError, match=r"pip install 'raci\[office\]'"):
            render_staffing(table("plain"), format="docx")


class TestFiles:
    def test_the_suffix_chooses_and_a_contradicting_format_is_refused(self, tmp_path: Path) -> None:
        render_staffing(table("plain"), tmp_path / "s.json")
        assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["rows"]
        with pytest.raises(ValueError, match="does not match the file name"):
            render_staffing(table("plain"), tmp_path / "s.csv", format="json")
        with pytest.raises(ValueError, match="paper and landscape are for LaTeX and DOCX"):
            render_staffing(table("plain"), tmp_path / "s.md", paper="A3")

    def test_never_over_a_model(self, tmp_path: Path) -> None:
        path = tmp_path / "org.json"
        path.write_text('{"version": 1, "units": [{"id": "a", "posts": {"P-4": 1}}]}', "utf-8")
        with pytest.raises(raci.OutputError, match="it is an input file"):
            render_staffing(staffing(raci.load(path)), path)
