"""The fixed words of a matrix in each language it speaks: headings, legend (role names are
in ``_languages``). Names from the model file are never translated here."""

from __future__ import annotations

from raci.render.languages import word_in

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
        "running": "Responsibility matrix",
        "part": "Parties {first}–{last} of {total}",
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
        "running": "责任矩阵",
        "part": "相关方 {first}–{last}（共 {total} 个）",
    },
}


def word(key: str, language: str | None) -> str:
    """The fixed word ``key`` in ``language`` (its base language, else English)."""
    return word_in(WORDS, key, language)
