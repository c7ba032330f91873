"""The fixed words of a restructuring: one table per language, and a Chinese diff says
none of its fixed words in English."""

from __future__ import annotations

import re

import pytest

import raci
from raci.restructure.report import render_markdown, render_text
from raci.restructure.words import CHINESE, ENGLISH, ChangeWords

#: Fields such as ``{name}`` are filled with names; what is left is the fixed words.
_FIELD = re.compile(r"\{[a-z_]+\}")


def english_words() -> set[str]:
    """Every English word of three letters or more that the English table writes."""
    return {
        w.casefold()
        for text in ENGLISH.values()
        for w in re.findall(r"[A-Za-z]{3,}", _FIELD.sub(" ", text))
    } - {"formerly"}  # the model's own key, named as such in every language


def ascii_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", text)}


class TestTables:
    def test_chinese_has_every_word(self) -> None:
        assert set(CHINESE) == set(ENGLISH)

    def test_chinese_uses_full_width_punctuation(self) -> None:
        for key, text in CHINESE.items():
            literal = _FIELD.sub("", text)
            assert not re.search(r"[,;:()]", literal), (key, text)

    def test_fields_match(self) -> None:
        for key, text in ENGLISH.items():
            assert set(_FIELD.findall(text)) == set(_FIELD.findall(CHINESE[key])), key

    def test_an_unknown_language_is_english(self) -> None:
        assert ChangeWords.for_lang("fr")("key") == "Key"
        assert ChangeWords.for_lang("zh_TW")("key") == "图例"

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


class TestChineseDiff:
    """Every fixed word of a Chinese diff is Chinese (the example's names all are)."""

    def test_the_check_finds_english(self, example: raci.Diff) -> None:
        assert ascii_words(render_text(example)) & english_words()

    @pytest.mark.parametrize("render", [render_text, render_markdown])
    def test_no_english_fixed_word(self, example: raci.Diff, render) -> None:
        text = render(example, "zh")
        assert ascii_words(text) & english_words() == set()
        assert "调整级别" in text
        assert "：" in text
        assert ": " not in text
