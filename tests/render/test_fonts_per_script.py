"""Fonts chosen per script of the text a drawing holds, Arabic shaped, and a missing font a
warning that names the package to install."""

from __future__ import annotations

import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import raci
from helpers import ARABIC, EXAMPLES
from raci._text import scripts
from raci.cli import cli
from raci.render import engine
from raci.render.cascade.sheets import render_cascade
from raci.render.chart.orgchart import FontWarning, chart_sources
from raci.render.chart.style import chart_fonts


def _installed(family: str) -> bool:
    """Whether fontconfig knows ``family`` (which FONTCONFIG_FILE may hide)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, family, "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


NASKH = pytest.mark.skipif(
    not _installed("Noto Naskh Arabic"),
    reason="Noto Naskh Arabic is not installed (apt-get install fonts-noto-core)",
)
#: The UN regional commission in Arabic.
ESCWA = ARABIC / "org.yaml"


class TestScripts:
    def test_the_scripts_a_text_holds(self) -> None:
        assert scripts("Budget") == set()
        assert scripts("ميزانية 2025") == {"arabic"}
        assert scripts("תקציב") == {"hebrew"}
        assert scripts("预算 — ميزانية") == {"cjk", "arabic"}


class TestFamilies:
    def test_latin_and_chinese_text_keep_their_list(self) -> None:
        """An existing chart's font list stays as it was."""
        assert engine.font_families("zh", "全球解决方案司 Global") == engine.font_families("zh")

    def test_arabic_text_asks_for_the_arabic_families(self) -> None:
        fonts = engine.font_families("ar", "شعبة الخدمات").split(", ")
        naskh, sans = fonts.index("Noto Naskh Arabic"), fonts.index("Noto Sans Arabic")
        assert naskh == 0
        assert naskh < sans < fonts.index("Noto Sans") < fonts.index("Noto Sans CJK SC")
        assert "Noto Sans Hebrew" not in fonts

    @pytest.mark.parametrize("lang", ["en", "fr", "ru", "es", None])
    def test_latin_and_cyrillic_text_takes_a_latin_font_first(self, lang: str | None) -> None:
        """A viewer with a CJK font would otherwise draw Latin letters and punctuation from
        it (wide); the CJK families stay, after, for names in Chinese."""
        fonts = engine.font_families(lang, "Division des finances — Отдел").split(", ")
        assert fonts[0] == "Noto Sans"
        assert fonts.index("DejaVu Sans") < fonts.index("Noto Sans CJK SC")
        assert fonts[-1] == "sans-serif"

    @pytest.mark.parametrize(
        ("lang", "first"), [("zh", "Noto Sans CJK SC"), ("ja", "Noto Sans CJK JP")]
    )
    def test_a_cjk_language_takes_its_cjk_font_first(self, lang: str, first: str) -> None:
        fonts = engine.font_families(lang).split(", ")
        assert fonts[0] == first
        assert fonts.index("WenQuanYi Micro Hei") < fonts.index("Noto Sans")

    def test_a_chart_asks_for_the_scripts_of_its_names(self) -> None:
        arabic = raci.load(ESCWA)
        assert "Noto Naskh Arabic" in chart_fonts("ar", arabic)
        assert "Noto Naskh Arabic" in chart_sources(arabic)[0]
        english = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
        assert chart_fonts("en", english) == engine.font_families("en")


class TestMissingFont:
    def test_each_script_without_a_font_names_its_package(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: script == "cjk")
        (said,) = engine.missing_fonts(["Budget", "شعبة", "预算"])
        hint = str(said)
        assert hint.startswith("no font with Arabic letters is installed")
        assert "`apt-get install fonts-noto-core`" in hint
        assert engine.missing_fonts(["Budget", "预算"]) == []

    def test_the_chart_command_warns(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        out = tmp_path / "chart.png"
        done = CliRunner().invoke(cli, ["chart", str(ESCWA), "-o", str(out)])
        assert done.exit_code == 0, done.output
        assert "تحذير: لا يوجد خط مثبت يحوي حروف عربية" in done.output  # the model's language
        assert "apt-get install fonts-noto-core" in done.output
        assert out.read_bytes().startswith(b"\x89PNG")

    def test_the_cascade_pdf_warns(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        with pytest.warns(FontWarning, match="fonts-noto-core"):
            render_cascade(raci.load(ESCWA), tmp_path / "sheets.pdf", posts=["es"])

    def test_an_svg_needs_no_font(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        with warnings.catch_warnings():
            warnings.simplefilter("error", FontWarning)
            raci.render_chart(raci.load(ESCWA), tmp_path / "chart.svg")


class TestDrawn:
    def test_arabic_is_shaped(self) -> None:
        """Joined, letters take their narrower joining forms: five bāʾ in a row are far
        narrower than the same five kept apart by zero-width non-joiners (whichever font
        with Arabic letters draws them); unshaped, both would be as wide."""
        fonts = engine.font_families("ar", "ب")

        def width(text: str) -> float:
            dot = (
                f'digraph {{ node [shape=plain fontname="{fonts}" fontsize=40]'
                f' n [label="{text}" pos="0,0"] }}'
            )
            return engine.measure(dot)["n"][0]

        assert width("ببببب") < 0.8 * width("\u200c".join("ببببب"))

    def test_a_pdf_draws_the_words_right_to_left(self, tmp_path: Path) -> None:
        """The PDF's text, read in the order it is drawn, holds each word's letters last
        to first: drawn from the right."""
        out = tmp_path / "chart.pdf"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FontWarning)
            raci.render_chart(raci.load(ESCWA), out)
        text = PdfReader(out).pages[0].extract_text()
        assert "شعبة"[::-1] in text

    @NASKH
    def test_the_pdf_embeds_the_arabic_font_asked_for(self, tmp_path: Path) -> None:
        out = tmp_path / "chart.pdf"
        raci.render_chart(raci.load(ESCWA), out)
        reader = PdfReader(out)
        fonts = {
            str(font["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert any("NotoNaskhArabic" in name for name in fonts), fonts
