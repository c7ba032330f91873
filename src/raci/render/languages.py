"""What every renderer's words share: the base language of a code (``zh`` for ``zh_TW``),
a word from a table of words per language, and the names in each language of the
built-in schemes' roles, of the default levels and of the figures, one table for charts,
matrices, responsibility sheets and figures alike."""

from __future__ import annotations

from collections.abc import Mapping

from raci.analysis.names import base_language as base_language
from raci.analysis.names import figure_name as figure_name
from raci.analysis.names import level_name as level_name
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: Names of the roles of the built-in schemes, by language, keyed by the English name.
ROLE_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "Responsible": "负责",
        "Accountable": "批准",
        "Consulted": "咨询",
        "Informed": "知会",
        "Support": "支持",
        "Verifier": "核实",
        "Signatory": "签署",
        "Driver": "推动",
        "Approver": "审批",
        "Contributor": "贡献",
        "Out of the loop": "不参与",
    },
}


def role_name(scheme: Scheme, role: Role, language: str | None) -> str:
    """A role's name in ``language``: translated for the built-in schemes only (a custom
    scheme's names are the file's own words)."""
    if BUILTIN_SCHEMES.get(scheme.name) != scheme:
        return role.name
    return ROLE_NAMES.get(base_language(language), {}).get(role.name, role.name)


def word_in(tables: Mapping[str, Mapping[str, str]], key: str, language: str | None) -> str:
    """The word ``key`` of ``tables`` (words by language) in ``language``'s base language,
    else in English."""
    return tables.get(base_language(language), {}).get(key) or tables["en"][key]
