"""One corpus of hostile names pushed through every writer: each output parses in its own
format and shows the names as text, never as markup, commands, formulas or escapes.

The corpus has backslash sequences Graphviz would expand, control characters, bidi
overrides, HTML, LaTeX, DOT, Markdown and spreadsheet-formula specials, a workflow
command after a newline, a 500-character name and a Chinese name with fullwidth
punctuation. Every name is a unit, a post (title and holder), an external party and a
deliverable, so each writer meets it wherever it prints a name; units have posts, whose
changes `raci diff` tells, of a hostile grade and fund too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import mermaid_blocks, mermaid_parts, mmdc, pdflatex, svg_labels
from raci.cli import cli

#: (name, the part of it that every output must show as written).
CORPUS: tuple[tuple[str, str], ...] = (
    ("Agency \\N \\G \\L \\T \\E", "Agency \\N \\G \\L \\T \\E"),
    ("Ctl\x01\x02mid\x7f\x9bend", "Ctlmidend"),
    ("left\u202eright\u2066iso\u2069", "leftrightiso"),
    ("<script>alert('x')</script> & \"q\"", "<script>alert('x')</script> & \"q\""),
    ("100% {sure} $cash$ #1 ~home^ _x_", "100% {sure} $cash$ #1 ~home^ _x_"),
    ('"];} subgraph x { a -> b [label="evil"]', 'subgraph x { a -> b [label="evil"]'),
    ('=HYPERLINK("http://evil","click")', 'HYPERLINK("http://evil","click")'),
    ("line one\n::error file=README.md,line=1::Build failed", "Build failed"),
    ("Directorate of " + "very " * 95 + "long names", "Directorate of very very very"),
    ("全球解决方案司（试点），规划与设计处", "全球解决方案司（试点），规划与设计处"),
)
#: Names a terminal or Markdown output may shorten or escape visibly: there the corpus
#: checks safety (no raw control character, no command line) rather than the words.
SHOWN_IN_TEXT = (0, 3, 4, 5, 6, 9)
ALL = tuple(range(len(CORPUS)))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _model(renamed: bool) -> dict[str, object]:
    """The corpus as a model; ``renamed=False`` gives the plain 'before' of a restructuring."""
    name = (lambda i: CORPUS[i][0]) if renamed else (lambda i: f"Old unit {i}")
    grade = "P-4" if renamed else "P-3"  # each unit's post is reclassified
    units: list[dict[str, object]] = [
        {"id": f"u{i}", "parent": "top", "name": name(i), "level": "division", "posts": {grade: 1}}
        for i in range(len(CORPUS))
    ]
    hostile_post = {"grade": CORPUS[7][0], "fund": CORPUS[3][0]}
    units.insert(
        0,
        {
            "id": "top",
            "name": CORPUS[3][0],
            "head": "p0",
            "level": "organization",
            "posts": [hostile_post] if renamed else [],
        },
    )
    if renamed:
        units[2]["posts"] = {grade: 1, "GS-4": 2}  # redeployed from the unit gone
    else:
        units.append({"id": "gone", "parent": "top", "name": CORPUS[7][0], "posts": {"GS-4": 2}})
    positions = [
        {"id": f"p{i}", "unit": f"u{i}", "title": CORPUS[i][0], "holder": CORPUS[i][0]}
        for i in range(len(CORPUS))
    ]
    external = [{"id": f"e{i}", "name": CORPUS[i][0]} for i in range(len(CORPUS))]
    deliverables = [
        {
            "id": f"d{i}",
            "name": CORPUS[i][0],
            "raci": {"A": f"p{i}", "R": [f"u{i}", f"p{i}"], "C": [f"e{i}"], "I": ["top"]},
        }
        for i in range(len(CORPUS))
    ]
    return {
        "version": 1,
        "organization": {"name": CORPUS[4][0], "language": "en"},
        "units": units,
        "positions": positions,
        "external": external,
        "deliverables": deliverables,
    }


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    old, new = folder / "old.json", folder / "new.json"
    old.write_text(json.dumps(_model(renamed=False), ensure_ascii=False), encoding="utf-8")
    new.write_text(json.dumps(_model(renamed=True), ensure_ascii=False), encoding="utf-8")
    return old, new


def run(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), (args, result.output, result.exception)
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "Warning:" not in result.stderr, result.stderr
    return result.stdout, result.stderr


def norm(text: str) -> str:
    """``text`` without whitespace and without control or format characters, so that
    wrapped lines and stripped controls compare equal to the name as written."""
    return "".join(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")
    )


def assert_shows(text: str, which: tuple[int, ...] = ALL) -> None:
    flat = norm(text)
    missing = [CORPUS[i][1] for i in which if norm(CORPUS[i][1]) not in flat]
    assert missing == []


def assert_plain_terminal(text: str) -> None:
    """No raw control or bidi character but line breaks, and no line a CI runner would
    take for a workflow command."""
    raw = [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]
    assert raw == []
    assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]


def strings(data: object) -> Iterator[str]:
    """Every string in parsed JSON, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield k
            yield from strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from strings(v)


def md_unescaped(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts = 0
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += [k for k, _ in attrs if k.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_text(data: str) -> tuple[str, int, list[str]]:
    parser = _Html()
    parser.feed(data)
    return " ".join(parser.text), parser.scripts, parser.handlers


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def dot_labels(data: str) -> str:
    """The text of every label in a DOT file, read by Graphviz's own parser."""
    import pygraphviz

    graph = pygraphviz.AGraph(string=data)
    labels = [n.attr.get("label") or "" for n in graph.nodes()]
    labels += [graph.graph_attr.get("label") or ""]
    for sub in graph.subgraphs_iter():
        labels += [sub.graph_attr.get("label") or ""]
        labels += [n.attr.get("label") or "" for n in sub.nodes()]
    text = re.sub(r"<[^>]*>", " ", " ".join(labels))
    return _unentity(text).replace("\\\\", "\\")


def _unentity(text: str) -> str:
    from html import unescape

    return unescape(text)


def assert_no_raw_controls(data: str) -> None:
    """No control character but tab and line breaks: CSV readers and HTML parsers choke on
    them, and a terminal that shows the file would run escape sequences."""
    assert re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", data) == []


def assert_no_formula(cells: list[str]) -> None:
    """No cell starts a formula; a negative number (``-1``, ``-0.5``) is a number."""
    assert [c for c in cells if c.startswith(FORMULA_START) and not _number(c)] == []


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def xlsx_cells(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return [
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]


def csv_cells(data: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data)) for c in row]


def pptx_text(path: Path) -> str:
    """The text of every shape on every slide, groups included, as PowerPoint shows it."""
    pptx = pytest.importorskip("pptx")

    def texts(shapes: object) -> Iterator[str]:
        for shape in shapes:  # type: ignore[attr-defined]
            if shape.shape_type is not None and shape.shape_type.name == "GROUP":
                yield from texts(shape.shapes)
            elif shape.has_text_frame:
                yield shape.text_frame.text

    deck = pptx.Presentation(str(path))
    return " ".join(t for slide in deck.slides for t in texts(slide.shapes))


def drawio_text(path: Path) -> str:
    """The text draw.io shows in every label: the labels' HTML parsed as draw.io parses
    it, which runs no script."""
    data = path.read_text(encoding="utf-8")
    assert_no_raw_controls(data)
    root = ET.fromstring(data)
    labels = [e.get("label") or e.get("value") or "" for e in root.iter()]
    found = []
    for label in labels:
        text, scripts, handlers = html_text(label)
        assert (scripts, handlers) == (0, [])
        found.append(text)
    return " ".join(found)


class TestChart:
    @pytest.mark.parametrize("suffix", ["svg", "dot", "pdf", "png", "pptx", "drawio"])
    def test_every_format(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        _, model = models
        out = tmp_path / f"chart.{suffix}"
        run("chart", str(model), "--positions", "--highlight", "d3", "-o", str(out))
        if suffix == "pptx":
            assert_shows(pptx_text(out))
        elif suffix == "drawio":
            assert_shows(drawio_text(out))
        elif suffix == "svg":
            assert_shows(svg_text(out.read_bytes()))
        elif suffix == "dot":
            assert_shows(dot_labels(out.read_text(encoding="utf-8")))
        elif suffix == "pdf":
            assert_shows(pdf_text(out), (0, 3, 4, 5, 6, 8))
        else:
            assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    @pytest.mark.parametrize("suffix", ["pptx", "drawio"])
    def test_an_editable_book_on_paper(
        self, models: tuple[Path, Path], tmp_path: Path, suffix: str
    ) -> None:
        """Running heads, breadcrumbs and "continued on page" boxes stay text."""
        out = tmp_path / f"book.{suffix}"
        args = ("--positions", "--paper", "A5", "--split-by", "auto", "-o", str(out))
        run("chart", str(models[1]), *args)
        text = pptx_text(out) if suffix == "pptx" else drawio_text(out)
        assert_shows(text)
        assert "Page 1 of" in text

    def test_a_book_on_paper(self, models: tuple[Path, Path], tmp_path: Path) -> None:
        """The running header and the breadcrumbs carry names too."""
        out = tmp_path / "book.pdf"
        run(
            "chart",
            str(models[1]),
            "--positions",
            "--paper",
            "A5",
            "--split-by",
            "auto",
            "-o",
            str(out),
        )
        text = pdf_text(out)
        assert_shows(text, (0, 3, 4, 5, 6))
        assert "Page 1 of" in text


class TestChartAsData:
    """A Mermaid flowchart and the GraphML and GEXF graphs show the names as written."""

    def test_mermaid(self, models: tuple[Path, Path], tmp_path: Path) -> None:
        out = tmp_path / "chart.mmd"
        run("chart", str(models[1]), "--positions", "-o", str(out))
        text = out.read_text(encoding="utf-8")
        assert_no_raw_controls(text)
        assert "%%" not in text
        nodes, _ = mermaid_parts(text)  # every line a statement raci writes, none broken into
        assert_shows("\n".join(nodes.values()))

    def test_mermaid_as_mermaid_cli_draws_it(
        self, models: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """The chart and the diff's block: Mermaid parses both and shows every name."""
        old, new = models
        out = tmp_path / "chart.mmd"
        run("chart", str(new), "--positions", "-o", str(out))
        markdown, _ = run("diff", str(old), str(new), "--format", "markdown", "--mermaid")
        (block,) = mermaid_blocks(markdown)
        drawn = mmdc(tmp_path, [out.read_text(encoding="utf-8"), block])
        for svg in drawn:
            assert "<script>alert" not in svg
            assert_shows(svg_labels(svg))

    @pytest.mark.parametrize("suffix", ["graphml", "gexf"])
    def test_graphs(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        import networkx as nx

        out = tmp_path / f"org.{suffix}"
        run("chart", str(models[1]), "--positions", "-o", str(out))
        assert_no_raw_controls(out.read_text(encoding="utf-8"))
        ET.parse(out)  # well-formed XML
        graph = nx.read_graphml(out) if suffix == "graphml" else nx.read_gexf(out)
        names = [str(v) for _, data in graph.nodes(data=True) for v in data.values()]
        assert_shows(" ".join(names))
        assert graph.nodes["p3"]["holder"] == CORPUS[3][0]


class TestChangePicture:
    @pytest.mark.parametrize("suffix", ["svg", "dot", "pdf", "png", "pptx", "drawio"])
    def test_every_format(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        old, new = models
        out = tmp_path / f"change.{suffix}"
        run("diff", str(old), str(new), "-o", str(out))
        if suffix == "pptx":
            assert_shows(pptx_text(out))
        elif suffix == "drawio":
            assert_shows(drawio_text(out))
        elif suffix == "svg":
            assert_shows(svg_text(out.read_bytes()))
        elif suffix == "dot":
            assert_shows(dot_labels(out.read_text(encoding="utf-8")))
        elif suffix == "pdf":
            assert_shows(pdf_text(out), (0, 3, 4, 5, 6))
        else:
            assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    @pytest.mark.parametrize("style", ["marked", "side-by-side"])
    def test_on_paper(self, models: tuple[Path, Path], tmp_path: Path, style: str) -> None:
        """The running header and the page number carry names too."""
        old, new = models
        out = tmp_path / "change.svg"
        run("diff", str(old), str(new), "-o", str(out), "--paper", "A4", "--style", style)
        assert_shows(svg_text(out.read_bytes()))


class TestDiff:
    def test_text(self, models: tuple[Path, Path]) -> None:
        out, _ = run("diff", *map(str, models))
        assert_plain_terminal(out)
        assert_shows(out, SHOWN_IN_TEXT)

    def test_markdown(self, models: tuple[Path, Path]) -> None:
        out, _ = run("diff", *map(str, models), "--format", "markdown")
        assert_plain_terminal(out)
        assert_shows(md_unescaped(out), SHOWN_IN_TEXT)
        assert "<script>" not in out

    def test_markdown_with_a_mermaid_diagram(self, models: tuple[Path, Path]) -> None:
        out, _ = run("diff", *map(str, models), "--format", "markdown", "--mermaid")
        assert_plain_terminal(out)
        (block,) = mermaid_blocks(out)
        nodes, _ = mermaid_parts(block)
        assert_shows("\n".join(nodes.values()))
        assert "%%" not in block

    def test_json(self, models: tuple[Path, Path]) -> None:
        out, _ = run("diff", *map(str, models), "--format", "json")
        assert_shows(" ".join(strings(json.loads(out))))

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_post_changes(self, models: tuple[Path, Path], fmt: str) -> None:
        out, _ = run("diff", *map(str, models), "--format", fmt)
        posts = out[out.index("Post changes") : out.index("Figures")]
        assert "reclassified (10)" in posts.casefold()
        assert "redeployed (2)" in posts.casefold()
        assert_plain_terminal(posts)
        shown = posts if fmt == "text" else md_unescaped(posts)
        assert_shows(shown, SHOWN_IN_TEXT)
        assert "<script>" not in posts or fmt == "text"


class TestMatrix:
    def test_terminal(self, models: tuple[Path, Path]) -> None:
        out, _ = run("matrix", str(models[1]))
        assert_plain_terminal(out)

    @pytest.mark.parametrize("suffix", ["txt", "md", "html", "csv", "xlsx", "tex"])
    def test_every_format(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"matrix.{suffix}"
        run("matrix", str(models[1]), "-o", str(out))
        if suffix == "txt":
            assert_plain_terminal(out.read_text(encoding="utf-8"))
        elif suffix == "tex":
            assert_tex_safe(out)
        else:
            assert_document_safe(out)


def assert_tex_safe(path: Path) -> None:
    """The LaTeX matrix compiles, and the compiled page shows the names as written."""
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    done = pdflatex(path)
    missing = re.search(r"File `([^']+\.sty)' not found", done.stdout)
    if missing:
        pytest.skip(f"the TeX package {missing[1]} is not installed")
    assert done.returncode == 0, done.stdout[-2000:]
    assert_shows(pdf_text(path.with_suffix(".pdf")), (0, 3, 4, 5, 6))


class TestCascade:
    @pytest.mark.parametrize("suffix", ["md", "html", "csv", "xlsx", "pdf"])
    def test_every_format(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"cascade.{suffix}"
        run("cascade", str(models[1]), "-o", str(out))
        assert_document_safe(out)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a Word document."""
    docx = pytest.importorskip("docx")
    doc = docx.Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join([p.text for p in doc.paragraphs] + cells)


def assert_document_safe(out: Path) -> None:
    """A Markdown, HTML, CSV, XLSX, DOCX or PDF document that parses, shows the names as
    text, runs no script and no formula, and holds no raw control character."""
    if out.suffix == ".docx":
        text = docx_text(out)
        assert_no_raw_controls(text)
        assert_shows(text)
        return
    if out.suffix == ".xlsx":
        cells = xlsx_cells(out)
        assert_no_formula(cells)
        assert_shows(" ".join(cells))
        return
    if out.suffix == ".pdf":
        assert_shows(pdf_text(out), (0, 3, 4, 5, 6))
        return
    data = out.read_text(encoding="utf-8")
    if out.suffix == ".md":
        assert_plain_terminal(data)
        assert_shows(md_unescaped(data), SHOWN_IN_TEXT)
        return
    assert_no_raw_controls(data)
    if out.suffix == ".html":
        text, scripts, handlers = html_text(data)
        assert (scripts, handlers) == (0, [])
        assert_shows(text)
    else:
        cells = csv_cells(data)
        assert_no_formula(cells)
        assert_shows(" ".join(cells))


class TestStats:
    @pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
    def test_every_format(self, models: tuple[Path, Path], fmt: str) -> None:
        out, _ = run("stats", str(models[1]), "--format", fmt)
        if fmt == "json":
            json.loads(out)
        else:
            assert_plain_terminal(out)
            assert_shows(md_unescaped(out) if fmt == "markdown" else out, SHOWN_IN_TEXT)


class TestStaffing:
    @pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
    def test_every_format(self, models: tuple[Path, Path], fmt: str) -> None:
        old, new = models
        out, _ = run("staffing", str(new), "--before", str(old), "--format", fmt)
        if fmt == "json":
            assert_shows(" ".join(strings(json.loads(out))))
        else:
            assert_plain_terminal(out)
            assert_shows(md_unescaped(out) if fmt == "markdown" else out, SHOWN_IN_TEXT)

    @pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "tex", "docx"])
    def test_every_file(self, models: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
        old, new = models
        out = tmp_path / f"staffing.{suffix}"
        run("staffing", str(new), "--before", str(old), "--fund", "-o", str(out))
        if suffix == "tex":
            assert_tex_safe(out)
        else:
            assert_document_safe(out)


class TestAnnex:
    def test_docx(self, models: tuple[Path, Path], tmp_path: Path) -> None:
        old, new = models
        out = tmp_path / "annex.docx"
        run("annex", str(old), str(new), "-o", str(out))
        assert_document_safe(out)

    @pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
    def test_pdf(self, models: tuple[Path, Path], tmp_path: Path) -> None:
        old, new = models
        out = tmp_path / "annex.pdf"
        run("annex", str(old), str(new), "-o", str(out))
        assert_document_safe(out)


class TestReport:
    def test_html(self, models: tuple[Path, Path], tmp_path: Path) -> None:
        out = tmp_path / "report.html"
        run("report", str(models[1]), "-o", str(out))
        data = out.read_text(encoding="utf-8")
        assert_no_raw_controls(data)
        text, scripts, handlers = html_text(data)
        assert handlers == []
        assert scripts == len(re.findall(r"<script\b", data))
        assert "<script>alert" not in data
        assert_shows(text)


def _findings_model(tmp_path: Path) -> Path:
    """A model whose findings carry hostile ids, in a file with a hostile name."""
    model = _model(renamed=True)
    deliverables = model["deliverables"]
    assert isinstance(deliverables, list)
    deliverables.append({"id": "<b>&x", "name": CORPUS[0][0], "raci": {"R": ['=cmd|"/c"!A0']}})
    path = tmp_path / "org <&>'%,: 全.json"
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    return path


class TestFindings:
    @pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
    def test_every_format(self, tmp_path: Path, fmt: str) -> None:
        path = _findings_model(tmp_path)
        out, _ = run("validate", str(path), "--format", fmt)
        if fmt in ("json", "sarif"):
            data = json.loads(out)
            assert "<b>&x" in json.dumps(data, ensure_ascii=False)
            return
        if fmt == "text":
            assert_plain_terminal(out)
        assert "<b>&x" in out
        if fmt == "github":
            assert_plain_terminal(re.sub(r"^::(error|warning|notice) ", "", out, flags=re.M))
            commands = [line for line in out.splitlines() if line.startswith("::")]
            assert commands
            assert all(re.match(r"::(error|warning|notice) file=[^\n]*::", c) for c in commands)
            assert all("%2C" in c.split("::")[1] for c in commands)


class TestNotebook:
    """What a notebook shows of each object: HTML that parses, runs nothing, and shows the
    names as text."""

    @staticmethod
    def assert_safe_html(data: str | None) -> str:
        assert data is not None
        assert_no_raw_controls(data)
        text, scripts, handlers = html_text(data)
        assert (scripts, handlers) == (0, [])
        assert "<script>alert" not in data
        return text

    def test_the_chart(self, models: tuple[Path, Path]) -> None:
        html = raci.load(models[1])._repr_html_()
        self.assert_safe_html(html)
        assert html is not None
        (svg,) = re.findall(r"<svg\b.*?</svg>", html, re.S)
        assert_shows(svg_text(svg.encode("utf-8")))

    def test_the_diff(self, models: tuple[Path, Path]) -> None:
        change = raci.diff(raci.load(models[0]), raci.load(models[1]))
        assert_shows(self.assert_safe_html(change._repr_html_()))

    def test_the_matrix(self, models: tuple[Path, Path]) -> None:
        shown = raci.matrix(raci.load(models[1]))
        assert_shows(self.assert_safe_html(shown._repr_html_()))
        markdown = shown._repr_markdown_()
        assert_plain_terminal(markdown)
        assert_shows(md_unescaped(markdown), SHOWN_IN_TEXT)

    def test_findings_and_figures(self, tmp_path: Path) -> None:
        org = raci.load(_findings_model(tmp_path))
        assert "<b>&x" in self.assert_safe_html(raci.validate(org)._repr_html_())
        self.assert_safe_html(raci.stats(org)._repr_html_())
