"""The fixed words of the cascade sheets in each language they speak. Names from the model
file are never translated here."""

from __future__ import annotations

from raci.render.languages import base_language

#: Every fixed word of a sheet, by language; English is the fallback for a missing word.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Responsibility sheets: {title}",
        "one-title": "Responsibility sheet: {title}",
        "contents": "Contents",
        "posts": "{n} posts",
        "post": "Post",
        "holder": "Holder",
        "vacant": "vacant",
        "unnamed": "not named",
        "grade": "Grade",
        "unit": "Unit",
        "reports": "Reports to",
        "nobody": "nobody above",
        "direct": "Held directly",
        "inherited": "Through its unit and the units above",
        "group": "Group",
        "deliverable": "Deliverable",
        "name": "Name",
        "role": "Role",
        "roles": "Roles",
        "through": "Through",
        "due": "Due",
        "source": "Source",
        "division": "Division",
        "nothing": "Nothing.",
        "no-inherited": "Nothing comes through its units.",
        "legend": "Roles:",
        "d": "direct",
        "i": "inherited",
        "running": "Responsibility sheets",
        "continued": "{title} (continued)",
    },
    "zh": {
        "title": "职责清单：{title}",
        "one-title": "职责清单：{title}",
        "contents": "目录",
        "posts": "{n} 个职位",
        "post": "职位",
        "holder": "任职者",
        "vacant": "空缺",
        "unnamed": "未指定",
        "grade": "职级",
        "unit": "单位",
        "reports": "汇报对象",
        "nobody": "无上级",
        "direct": "直接承担",
        "inherited": "经由所在单位及上级单位承担",
        "group": "类别",
        "deliverable": "交付成果",
        "name": "名称",
        "role": "角色",
        "roles": "角色",
        "through": "经由",
        "due": "截止日期",
        "source": "来源",
        "division": "司",
        "nothing": "无。",
        "no-inherited": "所在单位及上级单位无职责。",
        "legend": "角色：",
        "d": "直接",
        "i": "经由单位",
        "running": "职责清单",
        "continued": "{title}（续）",
    },
}


def word(key: str, language: str | None) -> str:
    """The fixed word ``key`` in ``language`` (its base language, else English)."""
    return WORDS.get(base_language(language), {}).get(key) or WORDS["en"][key]
