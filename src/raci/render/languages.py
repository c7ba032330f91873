"""What every renderer's words share: the base language of a code (``zh`` for ``zh_TW``),
a word from a table of words per language, and the names in each language of the
built-in schemes' roles, of the default levels and of the figures, one table for charts,
matrices, responsibility sheets and figures alike."""

from __future__ import annotations

from collections.abc import Mapping

from raci.analysis.figures import NAMES, NO_LEVEL
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


#: Names of the default levels, a few other common ones and "no level", by language; other
#: levels are the file's own words.
LEVEL_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "organization": "组织",
        "department": "部",
        "office": "办公室",
        "division": "司",
        "branch": "处",
        "service": "服务处",
        "section": "科",
        "unit": "小组",
        "team": "团队",
        "committee": "委员会",
        "task-force": "任务小组",
        NO_LEVEL: "（无层级）",
    },
}

#: Names of the figures of ``raci.analysis.figures`` by language; English is its ``NAMES``.
FIGURE_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "units": "单位",
        "positions": "已列职位",
        "posts": "职位",
        "filled": "在职职位",
        "vacant": "空缺职位",
        "depth": "顶层以下层级",
        "span_of_control": "管理幅度",
        "deliverables": "交付成果",
    },
}


def base_language(language: str | None) -> str:
    """The language without its region or script, lower case; ``en`` for none."""
    return (language or "en").replace("_", "-").split("-")[0].lower()


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


def level_name(level: str, language: str | None) -> str:
    """A level's name in ``language``: translated for the levels of ``LEVEL_NAMES`` only."""
    return LEVEL_NAMES.get(base_language(language), {}).get(level, level)


def figure_name(key: str, language: str | None) -> str:
    """The name of a figure (``posts``, ``depth``...) in ``language``, else in English."""
    return FIGURE_NAMES.get(base_language(language), {}).get(key) or NAMES[key]
