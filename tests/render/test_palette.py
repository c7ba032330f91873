"""One colour per role: the same in every output, apart for colour-blind readers and in
greyscale, and readable under dark text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

import raci
from helpers import EXAMPLES, loads
from raci.render.cascade.as_pdf import sheet_dot
from raci.render.cascade.book import build_book
from raci.render.cascade.sheets import render_cascade
from raci.render.matrix.writer import render_matrix
from raci.render.palette import (
    BY_KIND,
    OTHERS,
    TEXT,
    combined_sample,
    lead,
    legend,
    role_colours,
)
from raci.render.report.page import report_html
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
#: A deliverable of the example on which units hold each of R, A, C and I.
DELIVERABLE = "raci-matrix"
RACI = "RACI"


def _one_each(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{letter: colour} from (letter, colour) pairs, failing when a letter shows two colours."""
    found: dict[str, set[str]] = {}
    for letter, colour in pairs:
        found.setdefault(letter, set()).add(colour.lower().lstrip("#")[-6:])
    assert all(len(c) == 1 for c in found.values()), found
    return {letter: c.pop() for letter, c in found.items()}


def _html_colours(page: str) -> dict[str, str]:
    """The colour of each letter in an HTML page: the ``xN`` class rules, applied to the
    legend's letters and to every cell that holds one letter."""
    rules = dict(re.findall(r"\.(x\d+)\{background:(#[0-9a-f]{6})\}", page))
    assert rules, "no role colours in the page"
    letters = re.findall(r'<(?:b|td) class="(?:role )?(x\d+)">([A-Z])</(?:b|td)>', page)
    return _one_each((letter, rules[cls]) for cls, letter in letters)


def _dot_colours(source: str) -> dict[str, str]:
    """The colour of each letter written alone, in bold, on a coloured cell of a DOT label."""
    cells = re.findall(r'BGCOLOR="(#[0-9a-f]{6})"[^>]*>(?:<FONT[^>]*>)?<B>([A-Z])</B>', source)
    return _one_each((letter, colour) for colour, letter in cells)


@pytest.fixture(scope="module")
def org() -> raci.Organization:
    return raci.load(UN_HABITAT)


@pytest.fixture(scope="module")
def expected(org: raci.Organization) -> dict[str, str]:
    """The palette's fills of R, A, C and I, as ``rrggbb``."""
    colours = role_colours(org.scheme)
    return {letter: colours[letter].fill.lstrip("#") for letter in "RACI"}


class TestSameEverywhere:
    """The example's R, A, C and I carry one colour in every output that colours roles."""

    def test_chart(self, org: raci.Organization, expected: dict[str, str], tmp_path: Path) -> None:
        raci.render_chart(org, tmp_path / "chart.dot", highlight=DELIVERABLE)
        source = (tmp_path / "chart.dot").read_text(encoding="utf-8")
        legend_line = next(ln for ln in source.splitlines() if '"#legend"' in ln)
        assert _dot_colours(legend_line) == expected
        # Each box filled with a role's colour prints that role's letter.
        boxes = {"macs": "R", "unh": "A", "gsd": "C", "rpd": "I"}
        for uid, letter in boxes.items():
            line = next(ln for ln in source.splitlines() if ln.strip().startswith(f"{uid} ["))
            assert f'BGCOLOR="#{expected[letter]}"' in line.split("><TR>")[0]
            assert f"<B>{letter}</B>" in line
        raci.render_chart(org, tmp_path / "chart.svg", highlight=DELIVERABLE)
        svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
        for uid, letter in boxes.items():
            start = svg.index(f'id="unit&#45;{uid}"')
            group = svg[start : svg.index("</g>", start)]
            first_fill = re.search(r'<polygon fill="(#[0-9a-f]{6})"', group)
            assert first_fill is not None
            assert first_fill.group(1) == f"#{expected[letter]}"
            assert f">{letter}</text>" in group

    def test_matrix_html(self, org: raci.Organization, expected: dict[str, str]) -> None:
        assert _html_colours(str(render_matrix(org, format="html"))) == expected

    def test_matrix_xlsx(
        self, org: raci.Organization, expected: dict[str, str], tmp_path: Path
    ) -> None:
        render_matrix(org, tmp_path / "m.xlsx")
        book = openpyxl.load_workbook(tmp_path / "m.xlsx")
        # Every cell of the matrix, and the legend's letters (its column A, down to the
        # blank row before the list of columns).
        legend = [row[0] for row in book["Legend"].iter_rows(min_row=2)]
        legend = legend[: [c.value for c in legend].index(None)]
        cells = [c for row in book["Matrix"].iter_rows() for c in row] + legend
        pairs = [(c.value, c.fill.fgColor.rgb) for c in cells if c.value in set("RACI")]
        assert {letter for letter, _ in pairs} == set("RACI")
        assert _one_each(pairs) == expected

    def test_report(self, org: raci.Organization, expected: dict[str, str]) -> None:
        page = report_html(org)
        assert _html_colours(page) == expected
        # The workload figure's legend: a swatch, then the letter and the role's name.
        swatches = re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/><text [^>]*>([A-Z]) ', page)
        assert _one_each((letter, colour) for colour, letter in swatches) == expected

    def test_cascade_html(self, org: raci.Organization, expected: dict[str, str]) -> None:
        page = render_cascade(org, format="html")
        assert isinstance(page, str)
        assert _html_colours(page) == expected

    def test_cascade_pdf(
        self, org: raci.Organization, expected: dict[str, str], tmp_path: Path
    ) -> None:
        book = build_book(org, ["ed"])
        assert _dot_colours(sheet_dot(book, book.sheets[0])) == expected
        render_cascade(org, tmp_path / "ed.pdf", posts=["ed"])
        content = PdfReader(tmp_path / "ed.pdf").pages[0].get_contents()
        assert content is not None
        painted = {
            "".join(f"{round(float(x) * 255):02x}" for x in rgb)
            for rgb in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", content.get_data())
        }
        assert set(expected.values()) <= painted


# -- colour science ----------------------------------------------------------------

#: Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
Vector = tuple[float, float, float]


def linear(colour: str) -> Vector:
    """sRGB ``#rrggbb`` as linear RGB in 0..1."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def luminance(rgb: Vector) -> float:
    """Relative luminance (WCAG) of a linear RGB colour: its grey level."""
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def lab(rgb: Vector) -> Vector:
    """CIE L*a*b* (D65) of a linear RGB colour, clipped to the gamut first."""
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(one: Vector, two: Vector) -> float:
    """CIE76 colour difference."""
    return sum((p - q) ** 2 for p, q in zip(one, two, strict=True)) ** 0.5


def simulate(matrix: tuple[Vector, Vector, Vector], rgb: Vector) -> Vector:
    r, g, b = (sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)
    return r, g, b


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(linear(one)), luminance(linear(two))), reverse=True)
    return (high + 0.05) / (low + 0.05)


RACI_FILLS = [c.fill for c in role_colours(BUILTIN_SCHEMES[RACI]).values()]


class TestDistinguishable:
    @pytest.mark.parametrize("vision", sorted(MACHADO))
    def test_apart_for_colour_blind_readers(self, vision: str) -> None:
        seen = [lab(simulate(MACHADO[vision], linear(c))) for c in RACI_FILLS]
        worst = min(delta_e(p, q) for p, q in itertools.combinations(seen, 2))
        assert worst >= 12, f"two RACI fills differ by only {worst:.1f} under {vision}"

    def test_apart_in_colour(self) -> None:
        seen = [lab(linear(c)) for c in RACI_FILLS]
        assert min(delta_e(p, q) for p, q in itertools.combinations(seen, 2)) >= 30

    def test_apart_in_greyscale(self) -> None:
        """Printed in black and white, the four fills are four clearly different greys
        (at least 10 units of L* apart)."""
        greys = sorted(lab(linear(c))[0] for c in RACI_FILLS)
        assert min(b - a for a, b in itertools.pairwise(greys)) >= 10

    @pytest.mark.parametrize("fill", [c.fill for c in [*BY_KIND.values(), *OTHERS]])
    def test_dark_text_reads_on_every_fill(self, fill: str) -> None:
        assert contrast(TEXT, fill) >= 4.5


# -- the rules -----------------------------------------------------------------------


class TestRoleColours:
    def test_same_meaning_same_colour_across_schemes(self) -> None:
        raci_colours = role_colours(BUILTIN_SCHEMES["RACI"])
        daci = role_colours(BUILTIN_SCHEMES["DACI"])
        assert daci["A"] == raci_colours["A"]  # Approver as Accountable
        assert daci["D"] == raci_colours["R"]  # Driver as Responsible
        for name in ("RASCI", "RACI-VS", "CAIRO"):
            colours = role_colours(BUILTIN_SCHEMES[name])
            assert {k: colours[k] for k in "RACI"} == raci_colours

    def test_every_builtin_scheme_has_distinct_colours(self) -> None:
        for scheme in BUILTIN_SCHEMES.values():
            fills = [c.fill for c in role_colours(scheme).values()]
            assert len(set(fills)) == len(fills), scheme.name
        # Support (RASCI) and Signatory (RACI-VS) share a letter, not a meaning.
        assert (
            role_colours(BUILTIN_SCHEMES["RASCI"])["S"]
            != (role_colours(BUILTIN_SCHEMES["RACI-VS"])["S"])
        )

    def test_custom_scheme_by_position(self) -> None:
        roles = (Role("X", "Lead", 1, 1, "accountable"), Role("Y", "Helper"), Role("Z", "Fan"))
        colours = role_colours(Scheme("mine", roles))
        assert colours["X"] == BY_KIND["accountable"]
        assert [colours["Y"], colours["Z"]] == list(OTHERS[:2])
        same = role_colours(Scheme("again", roles))
        assert same == colours

    def test_custom_scheme_from_a_file(self) -> None:
        org = loads(
            """
            version: 1
            scheme: {name: Mine, roles: [{letter: O, name: Owner, kind: accountable},
                                         {letter: W, name: Worker, kind: responsible},
                                         {letter: P, name: Peer}]}
            units: [{id: u, name: U}]
            deliverables: [{id: d, name: D, raci: {O: u, W: u}}]
            """
        )
        rows = legend(org.scheme, "en")
        assert [(r.letter, r.name, r.colour) for r in rows] == [
            ("O", "Owner", BY_KIND["accountable"]),
            ("W", "Worker", BY_KIND["responsible"]),
            ("P", "Peer", OTHERS[0]),
        ]

    @pytest.mark.parametrize(
        ("scheme", "letters", "expected"),
        [
            ("RACI", ("R", "A"), "A"),
            ("RACI", ("C", "R"), "R"),
            ("RACI", ("I", "C"), "C"),
            ("DACI", ("D", "A"), "A"),
            ("RASCI", ("S", "C"), "S"),
            ("RACI", ("Q",), None),
        ],
    )
    def test_lead(self, scheme: str, letters: tuple[str, ...], expected: str | None) -> None:
        assert lead(BUILTIN_SCHEMES[scheme], letters) == expected

    def test_combined_sample(self) -> None:
        assert combined_sample(BUILTIN_SCHEMES["RACI"]) == ("R", "A")
        assert combined_sample(BUILTIN_SCHEMES["DACI"]) == ("D", "A")
        assert combined_sample(Scheme("one", (Role("X", "Only"),))) == ()

    def test_legend_in_the_language(self) -> None:
        rows = legend(BUILTIN_SCHEMES["RACI"], "zh")
        assert [(r.letter, r.name) for r in rows][:2] == [("R", "负责"), ("A", "批准")]
