"""The fixed words of a chart (key, legend, posts, "vacant", page references, level
names), one table per language; role names are in :mod:`raci.render.languages`."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from raci.render.languages import base_language, level_name

#: English is the fallback for every word a language's table leaves out.
ENGLISH = {
    "posts_one": "1 post",
    "posts_many": "{n} posts",
    "below_one": "+1 unit below",
    "below_many": "+{n} units below",
    "below_one_person": "+1 person below",
    "below_many_people": "+{n} people below",
    "vacant": "vacant",
    "roles_on": "Roles on: {name}",
    "no_role": "no role",
    "outside": "Outside the chart: {parties}",
    "continued": "continued on page {page}",
    "continued_from": "from page {page}",
    "more_on": "more below on page {page}",
    "overview": "Overview",
    "posts_filled": "{posts}, {n} filled",
    "party_roles": "{name} ({letters})",
    "list": "; ",
    "figure": "Organization chart",
    "key": "Key",
    "reporting": "Reporting line",
    "dotted": "Also reports to (arrow: to whom)",
    "staff": "Staff office, beside the unit it serves",
    "vacant_post": "Vacant post",
    "colours": "Colour: one per division, lighter further down",
    "level_n": "Level {n}",
}

CHINESE = {
    "posts_one": "1 个职位",
    "posts_many": "{n} 个职位",
    "below_one": "下设 1 个单位",
    "below_many": "下设 {n} 个单位",
    "below_one_person": "下属 1 人",
    "below_many_people": "下属 {n} 人",
    "vacant": "空缺",
    "roles_on": "“{name}”的职责",
    "no_role": "无职责",
    "outside": "组织图以外：{parties}",
    "continued": "见第 {page} 页",
    "continued_from": "接第 {page} 页",
    "more_on": "其余下属见第 {page} 页",
    "overview": "总览",
    "posts_filled": "{posts}，已填补 {n} 个",
    "party_roles": "{name}（{letters}）",
    "list": "；",
    "figure": "组织结构图",
    "key": "图例",
    "reporting": "汇报关系",
    "dotted": "另向汇报（箭头指向汇报对象）",
    "staff": "幕僚单位，位于所服务单位旁",
    "vacant_post": "空缺职位",
    "colours": "颜色：每个司一种，越往下越浅",
    "level_n": "第 {n} 级",
}

TABLES: dict[str, dict[str, str]] = {"en": ENGLISH, "zh": CHINESE}


@attrs.frozen
class Words:
    """The words a chart prints besides names, in the chart's language."""

    table: dict[str, str] = attrs.field(factory=lambda: dict(ENGLISH))
    lang: str = "en"

    @classmethod
    def for_lang(cls, lang: str | None) -> Words:
        """The words for ``lang`` (``zh``, ``zh-Hans``, ``zh_TW``...); English when there is
        no table for it."""
        base = base_language(lang)
        return cls({**ENGLISH, **TABLES.get(base, ENGLISH)}, base)

    @property
    def vacant(self) -> str:
        """The word for a post without a holder."""
        return self.table["vacant"]

    @property
    def no_role(self) -> str:
        """The legend's word for a unit without a role."""
        return self.table["no_role"]

    def posts(self, n: float, filled: float | None = None) -> str:
        """A box's count: the posts of the unit and the units below it ('111 posts'), and
        how many of them are filled when some are not ('111 posts, 104 filled')."""
        posts = self.table["posts_one"] if n == 1 else self.table["posts_many"].format(n=f"{n:,}")
        if filled is None or filled == n:
            return posts
        return self.table["posts_filled"].format(posts=posts, n=f"{filled:,}")

    def word(self, key: str, **values: object) -> str:
        """The word ``key`` of the table (the key's entries, the figure's name...)."""
        return self.table[key].format(**values)

    def level(self, name: str | None, rank: int) -> str:
        """A level's name as the key shows it: the model's, translated where the table
        knows it; a level without a name by its rank from the top."""
        if not name:
            return self.word("level_n", n=rank + 1)
        return level_name(name, self.lang)

    def below(self, n: int, *, people: bool = False) -> str:
        """How many units (or, on a people sheet, people) a depth limit hides under a box."""
        if people:
            one, many = self.table["below_one_person"], self.table["below_many_people"]
        else:
            one, many = self.table["below_one"], self.table["below_many"]
        return one if n == 1 else many.format(n=n)

    def outside(self, parties: Sequence[str]) -> str:
        """The legend's line for parties outside the hierarchy."""
        return self.table["outside"].format(parties=self.table["list"].join(parties))

    def party_roles(self, name: str, letters: Sequence[str]) -> str:
        """A party and its letters ('Executive Board (I)')."""
        return self.table["party_roles"].format(name=name, letters=" ".join(letters))

    def roles_on(self, name: str) -> str:
        """The legend's heading."""
        return self.table["roles_on"].format(name=name)

    def continued(self, page: int) -> str:
        """Where a unit's subtree is drawn, on an overview page."""
        return self.table["continued"].format(page=page)

    def more_on(self, page: int) -> str:
        """Where the rest of a unit's children are drawn, when a page holds only some."""
        return self.table["more_on"].format(page=page)

    def continued_from(self, page: int) -> str:
        """The page a page's top unit is drawn on as well, with the units above it."""
        return self.table["continued_from"].format(page=page)
