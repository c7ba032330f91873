"""The fixed words of a matrix in each language it speaks: headings, legend, role names of
the built-in schemes. Names from the model file are never translated here."""

from __future__ import annotations

from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: Every fixed word of a matrix, by language; English is the fallback for a missing word.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Responsibility matrix: {title}",
        "deliverable": "Deliverable",
        "letter": "Letter",
        "role": "Role",
        "column": "Column",
        "party": "Party",
        "name": "Name",
        "external": "External parties",
        "parties": "Parties:",
        "several": "several roles",
        "combined": (
            "A cell with several roles takes the colour of {role} ({letter}) when it holds it,"
            " else of its first role; the stripe is the colour of the next role."
        ),
        "combined-plain": "A cell with several roles takes the colour of its first role.",
    },
    "zh": {
        "title": "责任矩阵：{title}",
        "deliverable": "交付成果",
        "letter": "字母",
        "role": "角色",
        "column": "列",
        "party": "相关方",
        "name": "名称",
        "external": "外部相关方",
        "parties": "相关方：",
        "several": "多个角色",
        "combined": (
            "含多个角色的单元格：含{role}（{letter}）时显示{role}的颜色，否则显示第一个角色的颜色；"
            "条纹为下一个角色的颜色。"
        ),
        "combined-plain": "含多个角色的单元格显示第一个角色的颜色。",
    },
}

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


def word(key: str, language: str | None) -> str:
    """The fixed word ``key`` in ``language`` (its base language, else English)."""
    base = (language or "en").replace("_", "-").split("-")[0].lower()
    return WORDS.get(base, {}).get(key) or WORDS["en"][key]


def role_name(scheme: Scheme, role: Role, language: str | None) -> str:
    """A role's name in ``language``: translated for the built-in schemes only (a custom
    scheme's names are the file's own words)."""
    if BUILTIN_SCHEMES.get(scheme.name) != scheme:
        return role.name
    base = (language or "en").replace("_", "-").split("-")[0].lower()
    return ROLE_NAMES.get(base, {}).get(role.name, role.name)
