"""The names of the figures, of the common levels and of the built-in schemes' roles in
other languages: one table that every output takes (the stats, the diff and its
pictures, the chart's key, matrices and sheets). English
names of figures are :data:`raci.analysis.figures.NAMES`; a level the table lacks keeps
the file's own word."""

from __future__ import annotations

from raci.analysis.figures import NAMES, NO_LEVEL
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: The default levels, the UN's and a few other common ones, and "no level", by language.
LEVEL_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "organization": "组织",
        "department": "部",
        "office": "办公室",
        "division": "司",
        "branch": "处",
        "service": "事务处",
        "section": "科",
        "unit": "股",
        "team": "团队",
        "committee": "委员会",
        "task-force": "工作队",
        "task force": "工作队",
        NO_LEVEL: "（无层级）",
    },
}

#: The figures of :mod:`raci.analysis.figures` by language.
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


def level_name(level: str, language: str | None) -> str:
    """A level's name in ``language`` (any case); the file's own word for a level the
    table lacks."""
    return LEVEL_NAMES.get(base_language(language), {}).get(level.casefold(), level)


def figure_name(key: str, language: str | None) -> str:
    """The name of a figure (``posts``, ``depth``...) in ``language``, else in English."""
    return FIGURE_NAMES.get(base_language(language), {}).get(key) or NAMES[key]


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
