"""The fixed words of a chart (key, legend, post counts, "vacant", page references, level
names) in its language, from the catalog (:mod:`raci.words`); role names are in
:mod:`raci.analysis.names`."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from raci.analysis.names import level_name
from raci.words import Words, words_for


@attrs.frozen
class ChartWords:
    """The words a chart prints besides names, in the chart's language."""

    words: Words

    @classmethod
    def for_lang(cls, lang: str | None) -> ChartWords:
        """The words for ``lang`` (``zh``, ``zh-Hans``, ``zh_TW``...); English for a
        language the catalog does not have."""
        return cls(words_for(lang))

    @property
    def vacant(self) -> str:
        """The word for a post without a holder."""
        # Translators: in place of a post's holder.
        return self.words.gettext("vacant")

    @property
    def no_role(self) -> str:
        """The legend's word for a unit without a role."""
        return self.words.gettext("no role")

    @property
    def figure(self) -> str:
        """What the chart is, in its running header."""
        return self.words.gettext("Organization chart")

    def posts(self, n: float, filled: float | None = None) -> str:
        """A box's count: the posts of the unit and the units below it ('111 posts'), and
        how many of them are filled when some are not ('111 posts, 104 filled')."""
        w = self.words
        posts = w.ngettext("{n} post", "{n} posts", n).format(n=w.number(n))
        if filled is None or filled == n:
            return posts
        # Translators: {posts} is the count of posts ("111 posts"), {n} those filled.
        filled_text = w.ngettext("{posts}, {n} filled", "{posts}, {n} filled", filled)
        return filled_text.format(posts=posts, n=w.number(filled))

    def level(self, name: str | None, rank: int) -> str:
        """A level's name as the key shows it: the model's, translated where the catalog
        knows it; a level without a name by its rank from the top."""
        if not name:
            return self.words.gettext("Level {n}").format(n=self.words.number(rank + 1))
        return level_name(name, self.words.language)

    def below(self, n: int, *, people: bool = False) -> str:
        """How many units (or, on a people sheet, people) a depth limit hides under a box."""
        w = self.words
        if people:
            text = w.ngettext("+{n} person below", "+{n} people below", n)
        else:
            text = w.ngettext("+{n} unit below", "+{n} units below", n)
        return text.format(n=w.number(n))

    def outside(self, parties: Sequence[str]) -> str:
        """The legend's line for parties outside the hierarchy."""
        listed = self.words.listed(parties, clauses=True)
        return self.words.gettext("Outside the chart: {parties}").format(parties=listed)

    def party_roles(self, name: str, letters: Sequence[str]) -> str:
        """A party and its letters ('Executive Board (I)')."""
        return self.words.aside(name, " ".join(letters))

    def roles_on(self, name: str) -> str:
        """The legend's heading: the deliverable whose roles the chart shows."""
        return self.words.gettext("Roles on: {name}").format(name=name)

    def _page(self, page: int | str) -> str:
        return page if isinstance(page, str) else self.words.number(page)

    def continued(self, page: int | str) -> str:
        """Where a unit's subtree is drawn, on an overview page."""
        return self.words.gettext("continued on page {page}").format(page=self._page(page))

    def more_on(self, page: int) -> str:
        """Where the rest of a unit's children are drawn, when a page holds only some."""
        return self.words.gettext("more below on page {page}").format(page=self._page(page))

    def continued_from(self, page: int) -> str:
        """The page a page's top unit is drawn on as well, with the units above it."""
        return self.words.gettext("from page {page}").format(page=self._page(page))
