"""What every renderer's words share: a word from a table of words per language, and the
punctuation that joins words in each language (from :mod:`raci.words`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from raci.analysis.names import figure_name as figure_name
from raci.analysis.names import level_name as level_name
from raci.analysis.names import role_name as role_name
from raci.words import base_language as base_language
from raci.words import words_for


def word_in(tables: Mapping[str, Mapping[str, str]], key: str, language: str | None) -> str:
    """The word ``key`` of ``tables`` (words by language) in ``language``'s base language,
    else in English."""
    return tables.get(base_language(language), {}).get(key) or tables["en"][key]


def listed(items: Iterable[str], language: str | None, *, clauses: bool = False) -> str:
    """``items`` one after the other."""
    return words_for(language).listed(items, clauses=clauses)


def colon(language: str | None) -> str:
    """What follows a label."""
    return words_for(language).colon()


def labelled(label: str, text: str, language: str | None) -> str:
    """``text`` after its ``label``."""
    return words_for(language).labelled(label, text)


def aside(text: str, note: str, language: str | None) -> str:
    """``text`` with ``note`` in brackets after it."""
    return words_for(language).aside(text, note)
