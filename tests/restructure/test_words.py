"""The fixed words of a restructuring, from the catalog, and a Chinese diff says none of
its fixed words in English."""

from __future__ import annotations

import re

import pytest

import raci
from helpers import english_words
from raci.restructure.report import render_markdown, render_text
from raci.restructure.words import ChangeWords


def fixed_english() -> set[str]:
    """Every English word of three letters or more that the catalog translates."""
    return {w.casefold() for w in english_words("zh")} - {
        "formerly"  # the model's own key, named as such in every language
    }


def ascii_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", text)}


class TestWords:
    def test_an_unknown_language_is_english(self) -> None:
        assert ChangeWords.for_lang("de").key_entries["new"] == "new unit"
        assert ChangeWords.for_lang("zh_TW").words.gettext("Key") == "图例"

    @pytest.mark.parametrize(
        ("lang", "items", "joined"),
        [
            ("en", ["a"], "a"),
            ("en", ["a", "b"], "a and b"),
            ("en", ["a", "b", "c"], "a, b and c"),
            ("zh", ["甲", "乙", "丙"], "甲、乙与丙"),
        ],
    )
    def test_join(self, lang: str, items: list[str], joined: str) -> None:
        assert ChangeWords.for_lang(lang).join(items) == joined

    def test_levels(self) -> None:
        en, zh = ChangeWords.for_lang("en"), ChangeWords.for_lang("zh")
        assert (en.a_level("office"), en.a_level("branch"), en.a_level(None)) == (
            "an office",
            "a branch",
            "a unit",
        )
        assert (zh.a_level("division"), zh.a_level("bureau")) == ("司", "bureau")

    @pytest.mark.parametrize(
        ("n", "english", "chinese"),
        [
            (
                1,
                "1 role whose holder is gone, with no successor",
                "1 项职责的承担方已不存在，也无继任者",
            ),
            (
                3,
                "3 roles whose holder is gone, with no successor",
                "3 项职责的承担方已不存在，也无继任者",
            ),
        ],
    )
    def test_counts_take_the_plural_of_their_language(
        self, n: int, english: str, chinese: str
    ) -> None:
        assert ChangeWords.for_lang("en").orphaned_count(n) == english
        assert ChangeWords.for_lang("zh").orphaned_count(n) == chinese
        assert ChangeWords.for_lang("zh").count("units", "created", n) == f"新设 {n} 个"


class TestChineseDiff:
    """Every fixed word of a Chinese diff is Chinese (the example's names all are)."""

    def test_the_check_finds_english(self, example: raci.Diff) -> None:
        assert ascii_words(render_text(example)) & fixed_english()

    @pytest.mark.parametrize("render", [render_text, render_markdown])
    def test_no_english_fixed_word(self, example: raci.Diff, render) -> None:
        text = render(example, "zh")
        assert ascii_words(text) & fixed_english() == set()
        assert "调整级别" in text
        assert "：" in text
        assert ": " not in text
