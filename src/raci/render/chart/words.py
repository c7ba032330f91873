"""The fixed words of a chart (legend, posts, "vacant", page references), one table
per language; role names are in ``_languages``."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from raci.render.languages import base_language

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
}

TABLES: dict[str, dict[str, str]] = {"en": ENGLISH, "zh": CHINESE}


@attrs.frozen
class Words:
    """The words a chart prints besides names, in the chart's language."""

    table: dict[str, str] = attrs.field(factory=lambda: dict(ENGLISH))

    @classmethod
    def for_lang(cls, lang: str | None) -> Words:
        """The words for ``lang`` (``zh``, ``zh-Hans``, ``zh_TW``...); English when there is
        no table for it."""
        return cls({**ENGLISH, **TABLES.get(base_language(lang), ENGLISH)})

    @property
    def vacant(self) -> str:
        """The word for a post without a holder."""
        return self.table["vacant"]

    @property
    def no_role(self) -> str:
        """The legend's word for a unit without a role."""
        return self.table["no_role"]

    def posts(self, n: int) -> str:
        """A box's count: the posts of the unit and the units below it ('111 posts')."""
        return self.table["posts_one"] if n == 1 else self.table["posts_many"].format(n=f"{n:,}")

    def below(self, n: int, *, people: bool = False) -> str:
        """How many units (or, on a people sheet, people) a depth limit hides under a box."""
        if people:
            one, many = self.table["below_one_person"], self.table["below_many_people"]
        else:
            one, many = self.table["below_one"], self.table["below_many"]
        return one if n == 1 else many.format(n=n)

    def outside(self, parties: Sequence[str]) -> str:
        """The legend's line for parties outside the hierarchy."""
        return self.table["outside"].format(parties="; ".join(parties))

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
