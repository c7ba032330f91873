"""The fixed words of a restructuring in a language, from the catalog (:mod:`raci.words`):
the diff's text and Markdown, the before/after picture and the restructuring annex all
take theirs from here. Names from the model files are never translated here (level
names are, when the catalog knows them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.analysis.figures import NAMES
from raci.analysis.names import a_level, figure_name, level_name, role_name
from raci.schemes import Scheme
from raci.words import Words, words_for

if TYPE_CHECKING:
    from raci.restructure.diff import Diff


class ChangeWords:
    """The words a restructuring is told in, in one language."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.lang = words.language
        w = words
        #: The name of each group of changes (as the diff groups them), and of each part.
        self.groups = {
            "created": w.gettext("created"),
            "abolished": w.gettext("abolished"),
            "merged": w.gettext("merged"),
            "split": w.gettext("split"),
            "renamed": w.gettext("renamed"),
            "moved": w.gettext("moved"),
            "relevelled": w.gettext("relevelled"),
            "added": w.gettext("added"),
            "removed": w.gettext("removed"),
            "accountable": w.gettext("new Accountable"),
            "post_established": w.pgettext("post change", "established"),
            "post_abolished": w.pgettext("post change", "abolished"),
            "post_redeployed": w.pgettext("post change", "redeployed"),
            "post_reclassified": w.pgettext("post change", "reclassified"),
            "post_converted": w.pgettext("post change", "converted"),
            "units": w.gettext("Units"),
            "posts": w.gettext("Positions"),
            "post_changes": w.gettext("Post changes"),
            "deliverables": w.gettext("Deliverables"),
            "orphaned": w.gettext("Orphaned responsibilities"),
        }
        #: What each mark of the picture's key means.
        self.key_entries = {
            "new": w.gettext("new unit"),
            "merged": w.gettext("merged from several units"),
            "split": w.gettext("split from one unit"),
            "renamed": w.gettext("renamed"),
            "moved": w.gettext("moved to another parent"),
            "relevelled": w.gettext("another level"),
            "same": w.gettext("unchanged"),
            "abolished": w.gettext("abolished"),
        }

    @classmethod
    def for_lang(cls, lang: str | None) -> ChangeWords:
        """The words for ``lang`` (``zh``, ``zh-Hans``, ``zh_TW``...); English for a
        language the catalog does not have."""
        return cls(words_for(lang))

    @classmethod
    def of(cls, change: Diff, lang: str | None) -> ChangeWords:
        """The words ``change`` is told in: ``lang``'s, else those of NEW's language."""
        return cls.for_lang(lang or change.new.language)

    def gettext(self, message: str, **values: object) -> str:
        """``message`` in this language, its ``{fields}`` filled in."""
        text = self.words.gettext(message)
        return text.format(**values) if values else text

    def join(self, items: Sequence[str]) -> str:
        """``a``, ``a and b``, ``a, b and c`` (``a、b与c`` in Chinese)."""
        return self.words.joined(items)

    def count(self, section: str, group: str, n: float) -> str:
        """How many changes a group of a section holds: '2 created', '3 with a new
        Accountable'; one message per section and group, so that a language can make the
        count and its word agree with the noun changed (units, positions, deliverables, posts)."""
        w = self.words
        texts = {
            ("units", "created"): w.npgettext("units changed", "{n} created", "{n} created", n),
            ("units", "abolished"): w.npgettext(
                "units changed", "{n} abolished", "{n} abolished", n
            ),
            ("units", "merged"): w.npgettext("units changed", "{n} merged", "{n} merged", n),
            ("units", "split"): w.npgettext("units changed", "{n} split", "{n} split", n),
            ("units", "renamed"): w.npgettext("units changed", "{n} renamed", "{n} renamed", n),
            ("units", "moved"): w.npgettext("units changed", "{n} moved", "{n} moved", n),
            ("units", "relevelled"): w.npgettext(
                "units changed", "{n} relevelled", "{n} relevelled", n
            ),
            ("posts", "created"): w.npgettext("positions changed", "{n} created", "{n} created", n),
            ("posts", "abolished"): w.npgettext(
                "positions changed", "{n} abolished", "{n} abolished", n
            ),
            ("posts", "moved"): w.npgettext("positions changed", "{n} moved", "{n} moved", n),
            ("deliverables", "added"): w.npgettext(
                "deliverables changed", "{n} added", "{n} added", n
            ),
            ("deliverables", "removed"): w.npgettext(
                "deliverables changed", "{n} removed", "{n} removed", n
            ),
            ("deliverables", "accountable"): w.npgettext(
                "deliverables changed",
                "{n} with a new Accountable",
                "{n} with a new Accountable",
                n,
            ),
            ("post_changes", "post_established"): w.npgettext(
                "posts changed", "{n} established", "{n} established", n
            ),
            ("post_changes", "post_abolished"): w.npgettext(
                "posts changed", "{n} abolished", "{n} abolished", n
            ),
            ("post_changes", "post_redeployed"): w.npgettext(
                "posts changed", "{n} redeployed", "{n} redeployed", n
            ),
            ("post_changes", "post_reclassified"): w.npgettext(
                "posts changed", "{n} reclassified", "{n} reclassified", n
            ),
            ("post_changes", "post_converted"): w.npgettext(
                "posts changed", "{n} converted", "{n} converted", n
            ),
        }
        return texts[section, group].format(n=w.number(n))

    def counted(self, text: str, n: str) -> str:
        """A heading with its count in brackets: 'Units: created (2)'."""
        return self.words.aside(text, n)

    def level(self, name: str) -> str:
        """A level's name in this language, when the catalog knows it."""
        return level_name(name, self.lang)

    def a_level(self, name: str | None) -> str:
        """What a unit of level ``name`` is: 'a division', 'an office', 'a unit'."""
        return a_level(name, self.lang)

    def figure(self, key: str) -> str:
        """The name of a figure of :func:`raci.analysis.figures.structure`, or of a level's
        row (a level's name, or the row of units without one)."""
        return figure_name(key, self.lang) if key in NAMES else self.level(key)

    def role(self, scheme: Scheme, letter: str) -> str:
        """A role letter with its name: 'Consulted (C)', '咨询（C）'."""
        role = scheme.role(letter)
        if role is None or role.name == letter:
            return letter
        return self.words.aside(role_name(scheme, role, self.lang), letter)

    def orphaned_count(self, n: int) -> str:
        """The summary of the orphaned responsibilities."""
        text = self.words.ngettext(
            "{n} role whose holder is gone, with no successor",
            "{n} roles whose holder is gone, with no successor",
            n,
        )
        return text.format(n=self.words.number(n))

    def picture_title(self, name: str) -> str:
        """The title of a picture of the change: 'UN-Habitat: before and after'."""
        if not name:
            return self.words.gettext("Before and after")
        return self.gettext("{name}: before and after", name=name)

    @property
    def annex(self) -> str:
        """The title of the restructuring annex."""
        return self.words.gettext("Restructuring annex")

    def sides(self) -> tuple[str, str]:
        """The names of the two versions: before, after."""
        # Translators: the two versions of a restructuring, as headings.
        return self.words.gettext("Before"), self.words.gettext("After")

    def abolished_units(self, n: int) -> str:
        """The heading of the abolished units of a picture, with their count."""
        return self.words.aside(self.words.gettext("Abolished units"), self.words.number(n))
