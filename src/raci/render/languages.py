"""What every renderer's words share: the base language of a code (``zh`` for ``zh_TW``),
a word from a table of words per language, the punctuation that joins words in each
language, and the names in each language of the built-in schemes' roles, of the default
levels and of the figures, one table for charts, matrices, responsibility sheets and
figures alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from raci.analysis.names import base_language as base_language
from raci.analysis.names import figure_name as figure_name
from raci.analysis.names import level_name as level_name
from raci.analysis.names import role_name as role_name


def word_in(tables: Mapping[str, Mapping[str, str]], key: str, language: str | None) -> str:
    """The word ``key`` of ``tables`` (words by language) in ``language``'s base language,
    else in English."""
    return tables.get(base_language(language), {}).get(key) or tables["en"][key]


#: The punctuation that joins words, by language (English for any other): between the
#: items of a list and between clauses, after a label, and round an aside.
PUNCTUATION: dict[str, dict[str, str]] = {
    "en": {"item": ", ", "clause": "; ", "colon": ": ", "aside": "{} ({})"},
    "zh": {"item": "、", "clause": "；", "colon": "：", "aside": "{}（{}）"},
}


def _marks(language: str | None) -> dict[str, str]:
    return PUNCTUATION.get(base_language(language), PUNCTUATION["en"])


def listed(items: Iterable[str], language: str | None, *, clauses: bool = False) -> str:
    """``items`` one after the other: 'a, b, c' ('a、b、c'), or as ``clauses``: 'a; b'
    ('a；b')."""
    return _marks(language)["clause" if clauses else "item"].join(items)


def colon(language: str | None) -> str:
    """What follows a label: ': ' ('：')."""
    return _marks(language)["colon"]


def labelled(label: str, text: str, language: str | None) -> str:
    """``text`` after its ``label``: 'Roles: R, A' ('角色：R、A')."""
    return label + colon(language) + text


def aside(text: str, note: str, language: str | None) -> str:
    """``text`` with ``note`` in brackets after it: 'Chief (chief-1)' ('处长（chief-1）')."""
    return _marks(language)["aside"].format(text, note)
