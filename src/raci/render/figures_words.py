"""The fixed words of the ``raci stats`` tables in each language they speak; the names of
the figures and of the default levels are in ``languages``. Names from the model file are
never translated here."""

from __future__ import annotations

from raci.render.languages import word_in

#: Every fixed word of the figures' tables, by language; English is the fallback.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Figures: {title}",
        "heading": "Figures",
        "structure": "Structure",
        "figure": "figure",
        "value": "value",
        "external": "external parties",
        "assignments": "assignments",
        "span_stat": "{figure}, {stat}",
        "min": "min",
        "median": "median",
        "max": "max",
        "mean": "mean",
        "span_note": "Span of control: child units of each unit that has any.",
        "by_level": "Units by level",
        "level": "level",
        "units": "units",
        "spans": "Unusual spans (1-2 or 15+ child units)",
        "unit": "unit",
        "span": "span",
        "children": "child units",
        "narrow": "narrow",
        "wide": "wide",
        "headcount": "Posts by unit (the unit and everything below it)",
        "posts_note": (
            "A unit's posts: its `headcount` (listed positions included), else its listed"
            " positions; vacant: those marked `vacant`."
        ),
        "most": "Who carries the most {a} and {r}",
        "role": "role",
        "party": "party",
        "deliverables": "deliverables",
        "per_group": "Deliverables per group",
        "group": "group",
        "no_group": "(no group)",
        "workload": "Workload per party",
        "roles": "roles",
        "post_load": "Load per post (busiest first)",
        "post": "post",
        "direct": "direct",
        "inherited": "inherited",
        "load_note": "Inherited: through the post's unit and the units above it.",
        "more_posts": " The {n} less busy posts are in the JSON (--format json).",
        "vacant_posts": "Vacant posts",
        "same_name": "{name} ({id})",
    },
    "zh": {
        "title": "统计数据：{title}",
        "heading": "统计数据",
        "structure": "结构",
        "figure": "项目",
        "value": "数值",
        "external": "外部相关方",
        "assignments": "职责分配",
        "span_stat": "{figure}（{stat}）",
        "min": "最小",
        "median": "中位数",
        "max": "最大",
        "mean": "平均",
        "span_note": "管理幅度：每个设有下属单位的单位所辖的下属单位数。",
        "by_level": "各层级单位数",
        "level": "层级",
        "units": "单位数",
        "spans": "管理幅度异常的单位（下设 1–2 个或 15 个以上单位）",
        "unit": "单位",
        "span": "幅度",
        "children": "下属单位数",
        "narrow": "窄",
        "wide": "宽",
        "headcount": "各单位职位数（含其下属单位）",
        "posts_note": (
            "单位的职位数：取其编制人数（含已列职位），否则取已列职位数；空缺职位：标为空缺的职位。"
        ),
        "most": "承担 {a} 和 {r} 最多的相关方",
        "role": "角色",
        "party": "相关方",
        "deliverables": "交付成果数",
        "per_group": "各类别交付成果数",
        "group": "类别",
        "no_group": "（无类别）",
        "workload": "各相关方工作量",
        "roles": "角色",
        "post_load": "各职位职责（最繁重者在前）",
        "post": "职位",
        "direct": "直接",
        "inherited": "经由单位",
        "load_note": "经由单位：通过职位所在单位及其上级单位承担的职责。",
        "more_posts": "其余 {n} 个职位见 JSON 输出（--format json）。",
        "vacant_posts": "空缺职位",
        "same_name": "{name}（{id}）",
    },
}


def word(key: str, language: str | None) -> str:
    """The fixed word ``key`` in ``language`` (its base language, else English)."""
    return word_in(WORDS, key, language)
