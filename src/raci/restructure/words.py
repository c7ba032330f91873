"""The fixed words of a restructuring, one table per language: the diff's text and
Markdown, the before/after picture and the restructuring annex all take theirs from
here. English fills any word a table lacks; names from the model files are never
translated here (level names are, when a table knows them)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from raci.analysis.figures import NAMES
from raci.analysis.names import figure_name, level_name, role_name
from raci.schemes import Scheme
from raci.words import base_language

ENGLISH = {
    # the readable forms
    "title": "Restructuring: {old} → {new}",
    "no_changes": "No changes: the two versions have the same units, posts and roles.",
    "units": "Units",
    "posts": "Positions",
    "deliverables": "Deliverables",
    "orphaned": "Orphaned responsibilities",
    "created": "created",
    "abolished": "abolished",
    "merged": "merged",
    "split": "split",
    "renamed": "renamed",
    "moved": "moved",
    "relevelled": "relevelled",
    "added": "added",
    "removed": "removed",
    "accountable": "new Accountable",
    "count": "{n} {group}",
    "count_accountable": "{n} with a new Accountable",
    "heading": "{section}: {group}",
    "counted": "{text} ({n})",
    "summary": "{section}: {counts}",
    "orphaned_one": "1 role whose holder is gone, with no successor",
    "orphaned_many": "{n} roles whose holder is gone, with no successor",
    "unit_where": "{name}, {where}",
    "under": "{what} under {parent}",
    "at_top": "{what} at the top",
    "a_unit": "a unit",
    "merges": "{name} merges {olds}",
    "split_into": "{old} is split into {news}",
    "is_now": "{old} is now {new}",
    "moved_line": "{name}: from under {old} to under {new}",
    "relevelled_line": "{name}: {old} → {new}",
    "post_in": "{name}, in {unit}",
    "post_moved": "{name}: from {old} to {new}",
    "post_changes": "Post changes",
    "post_established": "established",
    "post_abolished": "abolished",
    "post_redeployed": "redeployed",
    "post_reclassified": "reclassified",
    "post_converted": "converted",
    "posts_of": "{n} {grade}",
    "no_grade": "(no grade)",
    "posts_funded": "{posts} ({fund})",
    "posts_in": "{unit}: {posts}",
    "posts_redeployed": "{posts}: from {old} to {new}",
    "posts_reclassified": "{unit}: {posts} → {grade}",
    "posts_converted": "{unit}: {posts}, {old} → {new}",
    "post_named": "{line} ({name})",
    "posts_by_unit": "Posts by unit",
    "unit": "unit",
    "redeployed_in": "redeployed in",
    "redeployed_out": "redeployed out",
    "all_units": "Total (all units)",
    "accountable_line": "{work}: {old} → {new}",
    "orphaned_line": "{work}: {role}, held by {party}",
    "role": "{name} ({letter})",
    "with_id": "{name} ({id})",
    "none": "(none)",
    "top": "(top)",
    "and": " and ",
    "comma": ", ",
    "colon": ": ",
    "figures": "Figures",
    "before": "before",
    "after": "after",
    "change": "change",
    "min": "min",
    "median": "median",
    "max": "max",
    "figure_part": "{figure}, {part}",
    "not_compared": "Not compared",
    "problems": "Problems with `formerly`",
    # the picture
    "picture_title": "{name}: before and after",
    "picture_title_plain": "Before and after",
    "key": "Key",
    "key_new": "new unit",
    "key_renamed": "renamed",
    "key_merged": "merged from several units",
    "key_split": "split from one unit",
    "key_moved": "moved to another parent",
    "key_relevelled": "another level",
    "key_same": "unchanged",
    "key_abolished": "abolished",
    "note_new": "new",
    "formerly": "formerly {names}",
    "split_with": "split with {names}",
    "moved_from": "moved from under {name}",
    "was_now": "was {old}, now {new}",
    "abolished_units": "Abolished units ({n})",
    "was_under": "was under {name}",
    "was_top": "was the top",
    "old_side": "Before",
    "new_side": "After",
    # the diagram in a Markdown report
    "diagram_changed_only": (
        "Only the units that changed are drawn, with the units above them: the whole"
        " structure is larger than GitHub draws as a diagram."
    ),
    "diagram_too_large": (
        "The change is larger than GitHub draws as a diagram; {command} draws it as a picture."
    ),
    # the annex
    "annex": "Restructuring annex",
    "contents": "Contents",
    "summary_of": "Summary of the change",
    "organigrams": "Organigrams",
    "organigrams_note": (
        "Each organigram is numbered on its own pages: “{mark}” means page N of the same"
        " organigram."
    ),
    "grade": "grade",
    "position": "listed position",
    "from": "from",
    "to": "to",
    "no_establishment": "Neither version gives its establishment (the posts of its units).",
    "no_post_changes": "No posts change.",
    "no_deliverables": "The model has no deliverables.",
    "matrix_level": (
        "Each column is {what} with its posts and the units below it, whose roles count as its own."
    ),
    "matrix_part": "Parties {first}–{last} of {total}",
}

CHINESE = {
    "title": "机构调整：{old} → {new}",
    "no_changes": "没有变化：两个版本的单位、职位和职责相同。",
    "units": "单位",
    "posts": "已列职位",
    "deliverables": "交付成果",
    "orphaned": "无人承接的职责",
    "created": "新设",
    "abolished": "撤销",
    "merged": "合并",
    "split": "拆分",
    "renamed": "更名",
    "moved": "调整隶属",
    "relevelled": "调整级别",
    "added": "新增",
    "removed": "删除",
    "accountable": "更换批准方",
    "count": "{group} {n} 个",
    "count_accountable": "更换批准方 {n} 项",
    "heading": "{section}：{group}",
    "counted": "{text}（{n}）",
    "summary": "{section}：{counts}",
    "orphaned_one": "1 项职责的承担方已不存在，也无继任者",
    "orphaned_many": "{n} 项职责的承担方已不存在，也无继任者",
    "unit_where": "{name}，{where}",
    "under": "{parent}下属的{what}",
    "at_top": "最高一级的{what}",
    "a_unit": "单位",
    "merges": "{name}由{olds}合并而成",
    "split_into": "{old}拆分为{news}",
    "is_now": "{old}更名为{new}",
    "moved_line": "{name}：由{old}下属改为{new}下属",
    "relevelled_line": "{name}：{old} → {new}",
    "post_in": "{name}，属{unit}",
    "post_moved": "{name}：由{old}调至{new}",
    "post_changes": "职位变动",
    "post_established": "设立",
    "post_abolished": "裁撤",
    "post_redeployed": "调动",
    "post_reclassified": "改叙",
    "post_converted": "改划",
    "posts_of": "{grade} 职位 {n} 个",
    "no_grade": "（无职等）",
    "posts_funded": "{posts}（{fund}）",
    "posts_in": "{unit}：{posts}",
    "posts_redeployed": "{posts}：由{old}调至{new}",
    "posts_reclassified": "{unit}：{posts}改叙为 {grade}",
    "posts_converted": "{unit}：{posts}，由 {old} 改划为 {new}",
    "post_named": "{line}（{name}）",
    "posts_by_unit": "各单位职位",
    "unit": "单位",
    "redeployed_in": "调入",
    "redeployed_out": "调出",
    "all_units": "合计（所有单位）",
    "accountable_line": "{work}：{old} → {new}",
    "orphaned_line": "{work}：{role}，原由{party}承担",
    "role": "{name}（{letter}）",
    "with_id": "{name}（{id}）",
    "none": "（无）",
    "top": "（最高一级）",
    "and": "与",
    "comma": "、",
    "colon": "：",
    "figures": "数字",
    "before": "调整前",
    "after": "调整后",
    "change": "变化",
    "min": "最小",
    "median": "中位数",
    "max": "最大",
    "figure_part": "{figure}（{part}）",
    "not_compared": "未比较",
    "problems": "`formerly` 的问题",
    "picture_title": "{name}：调整前后",
    "picture_title_plain": "调整前后",
    "key": "图例",
    "key_new": "新设单位",
    "key_renamed": "更名",
    "key_merged": "由几个单位合并而成",
    "key_split": "由一个单位拆分而来",
    "key_moved": "调整隶属",
    "key_relevelled": "调整级别",
    "key_same": "未变",
    "key_abolished": "撤销",
    "note_new": "新设",
    "formerly": "原为{names}",
    "split_with": "与{names}由同一单位拆分",
    "moved_from": "原属{name}",
    "was_now": "由{old}改为{new}",
    "abolished_units": "撤销的单位（{n}）",
    "was_under": "原属{name}",
    "was_top": "原为最高一级",
    "old_side": "调整前",
    "new_side": "调整后",
    "diagram_changed_only": (
        "只画出有变化的单位及其上级单位：整个结构超出了 GitHub 能画出的图的大小。"
    ),
    "diagram_too_large": "变化超出了 GitHub 能画出的图的大小；{command} 可将其画成图片。",
    "annex": "机构调整附件",
    "contents": "目录",
    "summary_of": "调整概要",
    "organigrams": "组织结构图",
    "organigrams_note": "每幅组织结构图单独编页：“{mark}”指同一幅图的第 N 页。",
    "grade": "职等",
    "position": "所列职位",
    "from": "原",
    "to": "新",
    "no_establishment": "两个版本均未列出编制（各单位的员额）。",
    "no_post_changes": "没有员额变动。",
    "no_deliverables": "模型中没有交付成果。",
    "matrix_level": "每列为一个{what}及其职位和下属单位，其职责合并计入。",
    "matrix_part": "相关方第 {first}–{last} 个（共 {total} 个）",
}

TABLES: dict[str, dict[str, str]] = {"en": ENGLISH, "zh": CHINESE}


@attrs.frozen
class ChangeWords:
    """The words a restructuring is told in, in one language."""

    lang: str = "en"
    table: dict[str, str] = attrs.field(factory=lambda: dict(ENGLISH))

    @classmethod
    def for_lang(cls, lang: str | None) -> ChangeWords:
        """The words for ``lang`` (``zh``, ``zh-Hans``, ``zh_TW``...); English when there is
        no table for it."""
        base = base_language(lang)
        return cls(base, {**ENGLISH, **TABLES.get(base, {})})

    def __call__(self, key: str, **values: object) -> str:
        """The word or sentence ``key``, its ``{fields}`` filled in."""
        return self.table[key].format(**values)

    def join(self, items: Sequence[str]) -> str:
        """``a``, ``a and b``, ``a, b and c`` (``a、b与c`` in Chinese)."""
        if len(items) <= 2:
            return self.table["and"].join(items)
        return self.table["comma"].join(items[:-1]) + self.table["and"] + items[-1]

    def level(self, name: str) -> str:
        """A level's name in this language, when the table knows it."""
        return level_name(name, self.lang)

    def a_level(self, name: str | None) -> str:
        """What a unit of level ``name`` is: 'a division', 'an office', 'a unit'."""
        if not name:
            return self("a_unit")
        if self.lang != "en":
            return self.level(name)
        an = name[:1].lower() in "aeiou" and not name.lower().startswith(
            ("uni", "use", "eu", "one")
        )
        return f"{'an' if an else 'a'} {name}"

    def figure(self, key: str) -> str:
        """The name of a figure of :func:`raci.analysis.figures.structure`, or of a level's
        row (a level's name, or the row of units without one)."""
        return figure_name(key, self.lang) if key in NAMES else self.level(key)

    def role(self, scheme: Scheme, letter: str) -> str:
        """A role letter with its name: 'Consulted (C)', '咨询（C）'."""
        role = scheme.role(letter)
        if role is None or role.name == letter:
            return letter
        return self("role", name=role_name(scheme, role, self.lang), letter=letter)

    def orphaned_count(self, n: int) -> str:
        """The summary of the orphaned responsibilities."""
        return self("orphaned_one") if n == 1 else self("orphaned_many", n=n)
