"""raci's own warnings are said in the command's language: small text on paper, a PNG
drawn smaller, slides scaled down, units no top reaches, Mermaid charts and changes too
large for GitHub, a matrix wider than the terminal, the slow YAML parser. Their ``str()``,
what a script sees, stays the English."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, code_of, console_line, untranslated_words
from raci.cli import cli, main
from raci.exceptions import SlowParserWarning
from raci.findings import Said
from raci.io import _yaml
from raci.model import Names, Organization, Position, Unit
from raci.render.change.as_mermaid import change_diagram
from raci.render.change.picture import render_picture
from raci.render.chart.orgchart import (
    ChartOptions,
    ChartPage,
    _render_page,
    _small_text,
    chart_pages,
    chart_sources,
    render_chart,
)
from raci.render.editable.writer import write_editable
from raci.render.matrix.writer import render_matrix
from raci.words import words_for

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
OTHERS = ("ar", "es", "fr", "ru", "zh")
NBSP = "\N{NO-BREAK SPACE}"


def flat(units: int) -> Organization:
    """A top unit and ``units`` units right below it: as many reporting lines."""
    below = [Unit(f"u{i}", Names.plain(f"Unit number {i}"), parent="top") for i in range(units)]
    return Organization(
        Names.plain("Flat"), units={u.id: u for u in [Unit("top", Names.plain("Top")), *below]}
    )


def orphans(units: int) -> Organization:
    """A top unit and ``units`` units whose parent does not exist."""
    lost = {
        f"o{i}": Unit(f"o{i}", Names.plain(f"Lost {i}"), parent="nowhere") for i in range(units)
    }
    return Organization(Names.plain("Lost"), units={"top": Unit("top", Names.plain("Top")), **lost})


def warned(call: Callable[[], object]) -> Warning:
    """The one user warning ``call`` gives."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    (found,) = [w.message for w in caught if issubclass(w.category, UserWarning)]
    return found


def said_of(warning: Warning) -> Said:
    (said,) = warning.args
    assert isinstance(said, Said)
    return said


def check_said(warning: Warning, language: str) -> str:
    """The warning's line in ``language``: it starts as that language's warnings (or notes)
    do and keeps no English word of the message's; the options, ids and commands stay."""
    line = console_line(warning, language)
    prefix = "note: {text}" if isinstance(warning, SlowParserWarning) else "warning: {text}"
    assert line.startswith(words_for(language).pgettext("console", prefix).split("{")[0])
    said = said_of(warning)
    english = untranslated_words([said], language)
    assert english
    left = line
    for code in code_of(said):
        assert code in line
        left = left.replace(code, " ")
    assert [w for w in sorted(english) if re.search(rf"\b{w}\b", left, re.IGNORECASE)] == []
    return line


@pytest.mark.parametrize("language", OTHERS)
class TestEveryWarning:
    """Each warning, in each language: said, and its ``str()`` in English."""

    def test_small_text_on_one_page(self, language: str) -> None:
        warning = warned(lambda: chart_pages(flat(300), paper="A4"))
        assert re.fullmatch(
            r"on A4 paper the chart is scaled to \d+%, so its smallest text is \d\.\d pt \(under"
            r" 6 pt\); --split-by auto, --split-by LEVEL or --depth N makes pages that read, or"
            r" choose a larger --paper",
            str(warning),
        )
        check_said(warning, language)

    def test_small_text_on_several_pages(self, language: str) -> None:
        pages = [ChartPage("", 100, 100, scale) for scale in (1.0, 0.5, 0.6)]
        warning = UserWarning(_small_text(pages, ChartOptions(paper="A4", split_by=1)))
        assert str(warning) == (
            "on A4 paper pages 2, 3 are scaled down to as little as 50%, so the smallest text is"
            " 4.0 pt (under 6 pt); --split-by a lower level, --split-by auto or --depth N makes"
            " pages that read, or choose a larger --paper"
        )
        check_said(warning, language)

    def test_small_text_with_split_by_auto(self, language: str) -> None:
        pages = [ChartPage("", 100, 100, scale) for scale in (1.0, 0.3)]
        warning = UserWarning(_small_text(pages, ChartOptions(paper="A5", split_by="auto")))
        assert str(warning) == (
            "on A5 paper page 2 is scaled down to as little as 30%, so the smallest text is 2.4"
            " pt (under 6 pt); a unit has more units right below it than a page holds; use a"
            " larger --paper"
        )
        check_said(warning, language)

    def test_a_png_under_the_pixel_limit(self, language: str, tmp_path: Path) -> None:
        warning = warned(lambda: render_chart(flat(60), tmp_path / "c.png", max_pixels=200_000))
        assert re.fullmatch(
            r"the PNG would be [\d,]+ x [\d,]+ px \(\d+ megapixels\); it is drawn at \d+ dpi"
            r" instead of 150 \(\d+ x \d+ px\) to stay under 200,000 pixels \(--max-pixels"
            r" raises the limit\); SVG and PDF stay sharp at any size",
            str(warning),
        )
        check_said(warning, language)

    def test_a_png_wider_than_cairo_draws(self, language: str) -> None:
        (source,) = chart_sources(flat(1))
        page = ChartPage(source, 100_000, 50, 1.0)
        warning = UserWarning(_render_page(page, "png", ChartOptions(dpi=72))[1])
        assert str(warning) == (
            "the PNG would be 100,000 x 50 px (5 megapixels); it is drawn at 23 dpi instead of"
            " 72 (32,000 x 16 px), the most Cairo draws; SVG and PDF stay sharp at any size"
        )
        check_said(warning, language)

    def test_slides_larger_than_powerpoint_holds(self, language: str, tmp_path: Path) -> None:
        pytest.importorskip("pptx")
        (source,) = chart_sources(flat(1))
        page = ChartPage(source, 10_000, 10_000, 1.0)
        warning = UserWarning(write_editable([page.editable()], tmp_path / "c.pptx"))
        assert str(warning) == (
            "the slides are scaled to 40% to stay within PowerPoint's largest slide (56 inches a"
            " side); --paper makes pages of a paper size"
        )
        check_said(warning, language)

    @pytest.mark.parametrize("lost", [1, 8])
    def test_units_no_top_reaches(self, language: str, lost: int) -> None:
        warning = warned(lambda: chart_sources(orphans(lost), depth=0))
        named = "`o0`" if lost == 1 else "`o0`, `o1`, `o2`, `o3`, `o4` and 3 more"
        assert str(warning) == (
            f"{named} cannot be reached from a top unit (a parent that does not exist, or a"
            " cycle of parents): drawn apart, each with the units below it; raci validate says"
            " why"
        )
        check_said(warning, language)

    @pytest.mark.parametrize("long_names", [False, True])
    def test_a_mermaid_chart_too_large(self, language: str, long_names: bool) -> None:
        org = flat(600)
        if long_names:
            org = attrs.evolve(
                org,
                units={
                    uid: attrs.evolve(u, names=Names.plain(f"{u.name} " * 12))
                    for uid, u in org.units.items()
                },
            )
        warning = warned(lambda: render_chart(org, format="mmd"))
        assert re.fullmatch(
            r"the Mermaid chart has ([\d,]+ characters \(GitHub draws at most 50,000\) and )?600"
            r" lines \(GitHub draws at most 500\): GitHub draws none; --depth 0 or --root UNIT"
            r" makes one it draws",
            str(warning),
        )
        assert ("characters" in str(warning)) is long_names
        check_said(warning, language)

    @pytest.mark.parametrize(
        ("renamed", "ending"),
        [
            ("u0", ": only the units that changed are drawn, with those above them"),
            ("", ": the report says so instead of drawing it"),
            (
                "all",
                ", even with only the units that changed: the report says so instead of drawing it",
            ),
        ],
    )
    def test_a_change_too_large_for_github(self, language: str, renamed: str, ending: str) -> None:
        """One unit renamed: the units that changed are drawn; none (a post added) or every
        unit: the diagram is not drawn."""
        old = flat(600)
        units = {
            uid: attrs.evolve(u, names=Names.plain(f"{u.name} (renamed)"))
            if renamed in (uid, "all")
            else u
            for uid, u in old.units.items()
        }
        posts = {"p": Position("p", Names.plain("Clerk"), unit="u1")}
        new = attrs.evolve(old, units=units, positions=posts)
        warning = warned(lambda: change_diagram(raci.diff(old, new)))
        assert re.fullmatch(
            r"the (whole structure|change) as a Mermaid diagram has [\d,]+ (characters|lines)"
            r" \(GitHub draws at most [\d,]+\).*",
            str(warning),
        )
        assert str(warning).endswith(ending)
        check_said(warning, language)

    def test_a_picture_too_small_on_its_paper(self, language: str) -> None:
        old = flat(300)
        merged = Unit("one", Names.plain("One"), parent="top", formerly=tuple(old.units)[1:])
        new = attrs.evolve(old, units={"top": old.units["top"], "one": merged})
        warning = warned(lambda: render_picture(raci.diff(old, new), format="dot", paper="A5"))
        assert re.fullmatch(
            r"on A5 paper the picture is scaled to \d+%, so its smallest text is \d\.\d pt"
            r" \(under 6 pt\); choose a larger --paper",
            str(warning),
        )
        check_said(warning, language)

    def test_a_matrix_wider_than_the_terminal(self, language: str) -> None:
        warning = warned(lambda: render_matrix(raci.load(UN_HABITAT), width=40))
        assert str(warning) == (
            "the matrix is 125 columns wide and the terminal 40: roll the columns up (--level),"
            " choose some (--parties), or write a page (-o matrix.html)"
        )
        check_said(warning, language)

    def test_the_slow_yaml_parser(self, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_yaml, "LIBYAML", False)
        monkeypatch.setattr(_yaml, "SLOW_SIZE", 1)
        warning = warned(lambda: raci.loads("units: [{id: top}]\n"))
        assert str(warning).startswith("reading a large YAML file with PyYAML's pure-Python")
        check_said(warning, language)


class TestTheLines:
    """Whole lines, as the commands print them."""

    @staticmethod
    def _chart(org: raci.Organization, folder: Path, lang: str, output: str) -> str:
        """What `raci chart` prints on stderr for ``org`` drawn as ``output`` in ``lang``."""
        model = folder / "org.yaml"
        raci.dump(org, model)
        result = CliRunner().invoke(
            cli, ["chart", str(model), "--lang", lang, "-o", str(folder / output)]
        )
        assert result.exit_code == 0
        return result.stderr

    def test_a_mermaid_chart_in_russian(self, tmp_path: Path) -> None:
        assert self._chart(flat(600), tmp_path, "ru", "c.mmd") == (
            "предупреждение: в диаграмме Mermaid 600 линий (GitHub отображает не более 500):"
            " GitHub такую не отображает; --depth 0 или --root UNIT даёт диаграмму, которую он"
            " отобразит\n"
        )

    def test_a_matrix_in_chinese(self) -> None:
        result = CliRunner().invoke(
            cli, ["matrix", str(UN_HABITAT), "--lang", "zh"], env={"COLUMNS": "40"}
        )
        assert result.exit_code == 0
        assert result.stderr == (
            "警告：矩阵宽 125 列，而终端宽 40 列：请合并列（--level）、选择部分列（--parties）"
            "或写成网页（-o matrix.html）\n"
        )

    def test_units_no_top_reaches_in_arabic(self, tmp_path: Path) -> None:
        assert self._chart(orphans(2), tmp_path, "ar", "c.dot") == (
            "تحذير: لا يمكن الوصول من أي وحدة عليا إلى `o0`، `o1` (أصلٌ غير موجود، أو دورة من"
            " الأصول): رُسمت على حدة، كلٌّ مع الوحدات التي تحته؛ ويبيّن raci validate السبب\n"
        )

    def test_small_text_in_french_keeps_its_no_break_spaces(self) -> None:
        pages = [ChartPage("", 100, 100, 0.625)]
        line = console_line(UserWarning(_small_text(pages, ChartOptions(paper="A4"))), "fr")
        assert line == (
            f"avertissement{NBSP}: sur papier A4, l'organigramme est réduit à 62{NBSP}%, son plus"
            f" petit texte mesure donc 5,0{NBSP}pt (moins de 6{NBSP}pt){NBSP}; --split-by auto,"
            " --split-by LEVEL ou --depth N donne des pages lisibles, ou choisissez un papier"
            " plus grand avec --paper\n"
        )

    def test_the_slow_parser_is_a_note_in_spanish(
        self,
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setattr(_yaml, "LIBYAML", False)
        monkeypatch.setattr(_yaml, "SLOW_SIZE", 1)
        path = tmp_path / "org.yaml"
        path.write_text("units: [{id: top}]\n", encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            with pytest.raises(SystemExit):
                main(["validate", str(path), "--lang", "es"])
        assert capsys.readouterr().err == (
            "nota: se está leyendo un archivo YAML grande con el analizador de PyYAML en Python"
            " puro, unas diez veces más lento que el de C: instale PyYAML con libyaml, o guarde"
            " los modelos grandes en JSON\n"
        )


class TestRussianPlurals:
    @pytest.mark.parametrize(
        ("lost", "more"),
        [
            (6, "и ещё 1 подразделение"),
            (8, "и ещё 3 подразделения"),
            (10, "и ещё 5 подразделений"),
            (16, "и ещё 11 подразделений"),
            (26, "и ещё 21 подразделение"),
        ],
    )
    def test_units_no_top_reaches(self, lost: int, more: str) -> None:
        warning = warned(lambda: chart_sources(orphans(lost), depth=0))
        assert f"`o3`, `o4` {more};" in console_line(warning, "ru")

    @pytest.mark.parametrize(
        ("units", "lines"),
        [(501, "501 линия"), (502, "502 линии"), (505, "505 линий"), (511, "511 линий")],
    )
    def test_the_lines_of_a_mermaid_chart(self, units: int, lines: str) -> None:
        warning = warned(lambda: render_chart(flat(units), format="mmd"))
        assert f"в диаграмме Mermaid {lines} (GitHub отображает не более 500)" in console_line(
            warning, "ru"
        )

    def test_the_columns_of_a_matrix(self) -> None:
        warning = warned(lambda: render_matrix(raci.load(UN_HABITAT), width=40))
        assert "ширина матрицы — 125 столбцов, а терминала — 40:" in console_line(warning, "ru")
