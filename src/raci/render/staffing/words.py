"""The fixed words of the staffing table in each language it speaks; the names of the
figures and of the default levels are in ``languages``. Names from the model file and
grade codes are never translated here."""

from __future__ import annotations

from raci.render.languages import word_in

#: Every fixed word of the staffing table, by language; English is the fallback.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Staffing: {title}",
        "heading": "Staffing",
        "running": "Staffing table",
        "unit": "unit",
        "fund": "fund",
        "before": "approved",
        "after": "proposed",
        "change": "change",
        "subtotal": "{category} total",
        "no_category": "other",
        "no_grade": "no grade",
        "total": "total",
        "totals": "Total",
        "all_funds": "all funds",
        "no_fund": "not given",
        "abolished": "{name} (abolished)",
        "note": "Each row: the posts of the unit itself, not of the units below it.",
        "note_by": (
            "Each row: the posts of a {level} and of the units below it; a unit above that"
            " level, or with no {level} above it, counts only its own."
        ),
        "note_before": (
            "Approved: the earlier version; proposed: this one. A unit's approved posts are"
            " those of the units it continues; a unit split in parts gives them to its"
            " first part."
        ),
    },
    "zh": {
        "title": "人员编制：{title}",
        "heading": "人员编制",
        "running": "人员编制表",
        "unit": "单位",
        "fund": "经费来源",
        "before": "核定",
        "after": "拟议",
        "change": "变动",
        "subtotal": "{category}小计",
        "no_category": "其他",
        "no_grade": "无职等",
        "total": "合计",
        "totals": "合计",
        "all_funds": "全部经费",
        "no_fund": "未注明",
        "abolished": "{name}（撤销）",
        "note": "每行：单位本身的职位，不含其下属单位。",
        "note_by": "每行：{level}及其下属单位的职位；高于该层级或上级没有{level}的单位仅计本身。",
        "note_before": (
            "核定：较早版本；拟议：本版本。单位的核定职位为其所承接单位的职位；"
            "拆分的单位将职位计入其第一个部分。"
        ),
    },
}


def word(key: str, language: str | None) -> str:
    """The fixed word ``key`` in ``language`` (its base language, else English)."""
    return word_in(WORDS, key, language)
