"""What every renderer's words share: the base language of a code (``zh`` for ``zh_TW``),
a word from a table of words per language, and the names in each language of the
built-in schemes' roles, of the default levels and of the figures, one table for charts,
matrices, responsibility sheets and figures alike."""

from __future__ import annotations

from collections.abc import Mapping

from raci.analysis.names import base_language as base_language
from raci.analysis.names import figure_name as figure_name
from raci.analysis.names import level_name as level_name
from raci.analysis.names import role_name as role_name


def word_in(tables: Mapping[str, Mapping[str, str]], key: str, language: str | None) -> str:
    """The word ``key`` of ``tables`` (words by language) in ``language``'s base language,
    else in English."""
    return tables.get(base_language(language), {}).get(key) or tables["en"][key]
