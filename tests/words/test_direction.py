"""Whether a language is read right to left is decided in one place, for every output."""

from __future__ import annotations

import pytest

from raci.words import LANGUAGES, is_rtl, words_for


@pytest.mark.parametrize(
    ("tag", "rtl"),
    [
        ("ar", True),
        ("ar-EG", True),
        ("AR_sa", True),
        ("he", True),
        ("fa_IR", True),
        ("ur", True),
        ("en", False),
        ("zh-Hans", False),
        ("fr", False),
        (None, False),
        ("", False),
    ],
)
def test_languages_read_right_to_left(tag: str | None, rtl: bool) -> None:
    assert is_rtl(tag) is rtl


def test_of_the_catalog_only_arabic_is() -> None:
    assert [lang for lang in LANGUAGES if is_rtl(lang)] == ["ar"]


def test_the_words_say_it_for_the_tag_asked_for() -> None:
    """Hebrew has no words in the catalog: it takes English ones, and keeps its direction."""
    hebrew = words_for("he")
    assert hebrew.language == "en"
    assert hebrew.rtl
    assert hebrew.gettext("Key") == "Key"
    assert not words_for("en").rtl
    assert words_for("ar").rtl
    assert words_for("ar-EG") is words_for("ar")
