"""The fixed words raci writes for people, in every language it speaks: one gettext
catalog (``locale/<language>/LC_MESSAGES/raci.po``, shipped compiled as ``raci.mo``) and
each language's way of writing numbers (Babel).

A renderer takes its :class:`Words` from :func:`words_for` and every fixed word from them:
:meth:`~Words.gettext`, :meth:`~Words.ngettext` where a count meets a noun
(:meth:`~Words.npgettext` in a context), :meth:`~Words.pgettext` where one English word
has several meanings, and :meth:`~Words.number` for a count people read. The msgids are
the English texts; a word a catalog leaves untranslated stays in English. Names from a
model are never translated here. :func:`is_rtl` (and :attr:`Words.rtl`) says whether a
language is written right to left: every renderer asks it, and lays its output out
mirrored.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Iterable, Sequence
from importlib.resources import files

__all__ = [
    "LANGUAGES",
    "RTL_LANGUAGES",
    "UnknownLanguageError",
    "Words",
    "base_language",
    "is_rtl",
    "language_named",
    "pgettext_noop",
    "primary_language",
    "words_for",
]

#: The languages of the catalog: their words, plural forms and numbers.
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
#: The languages written right to left (Arabic, Hebrew, Persian, Urdu...); of the
#: catalog's, Arabic.
RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
#: The catalog's name: ``raci.po``, ``raci.mo``, ``raci.pot``.
DOMAIN = "raci"
#: The whole count whose plural form a count with a fraction takes (gettext's forms are
#: for whole numbers; CLDR says which a fraction takes): Russian's of 2 ("1,5 поста",
#: the genitive singular); else that of 100, Arabic's "other" and every other
#: language's plural. French goes by the whole part instead (0,5 and 1,5 take the singular).
_FRACTION = {"ru": 2}


class UnknownLanguageError(ValueError):
    """A language tag whose language the catalog does not have."""


def primary_language(tag: str | None) -> str:
    """The language of a tag without its region or script, lower case: ``zh`` for
    ``zh_TW``; ``en`` for None."""
    return (tag or "en").strip().replace("_", "-").split("-")[0].lower()


def base_language(tag: str | None) -> str:
    """The catalog's language of a tag: ``zh`` for ``zh_TW`` or ``zh-Hans``; ``en`` for
    None and for a language the catalog does not have."""
    primary = primary_language(tag)
    return primary if primary in LANGUAGES else "en"


def is_rtl(tag: str | None) -> bool:
    """Whether the language of ``tag`` (``ar``, ``ar-EG``, ``fa_IR``...) is written right to
    left: its outputs are then laid out mirrored."""
    return primary_language(tag) in RTL_LANGUAGES


def language_named(tag: str) -> str:
    """``tag`` as given when its language is one of :data:`LANGUAGES` (``zh-Hans``, ``fr``);
    raises :class:`UnknownLanguageError` naming them otherwise."""
    text = tag.strip()
    if not text or primary_language(text) not in LANGUAGES or any(c.isspace() for c in text):
        expected = ", ".join(LANGUAGES)
        msg = f"unknown language {tag!r}; expected one of {expected}, or one with a region (zh-TW)"
        raise UnknownLanguageError(msg)
    return text


def pgettext_noop(context: str, message: str) -> str:
    """``message`` unchanged: marks an English word kept as data (a level's or a figure's
    name) for the catalog, in ``context``; it is translated where it is shown."""
    return message


class Words:
    """The fixed words of one language, and its numbers."""

    def __init__(
        self, language: str, catalog: gettext.NullTranslations, *, rtl: bool = False
    ) -> None:
        #: One of :data:`LANGUAGES`.
        self.language = language
        #: Whether the language asked for is written right to left (:func:`is_rtl`): a
        #: language the catalog lacks (Hebrew) takes English words, and keeps its direction.
        self.rtl = rtl
        self._catalog = catalog

    def __repr__(self) -> str:
        return f"Words({self.language!r}{', rtl=True' if self.rtl else ''})"

    def gettext(self, message: str) -> str:
        """``message`` (its English text) in this language."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        """The form of a message that goes with the count ``n``."""
        return self._catalog.ngettext(singular, plural, _whole(n, self.language))

    def npgettext(self, context: str, singular: str, plural: str, n: float) -> str:
        """The form of a message, as meant in ``context``, that goes with the count ``n``."""
        return self._catalog.npgettext(context, singular, plural, _whole(n, self.language))

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in this language, as meant in ``context``."""
        return self._catalog.pgettext(context, message)

    def number(self, value: float, decimals: int = 3, *, fixed: bool = False) -> str:
        """``value`` as people of this language write it: '1,573' in English, '1 573'
        in French (a narrow no-break space, as CLDR has it); with as many decimals as it
        needs, at most ``decimals`` ('2.5', '2,5', '2' for 2.0), or exactly that many when
        ``fixed`` ('2,0')."""
        if isinstance(value, int) and self.language in ("en", "zh"):
            return f"{value:,}"  # what Babel writes, without its cost per cell
        from babel.numbers import format_decimal

        pattern = "#,##0." + ("0" if fixed else "#") * decimals if decimals else "#,##0"
        return format_decimal(value, format=pattern, locale=self.language)

    @property
    def digit_group(self) -> str:
        """What separates the groups of three digits of a number: ',' in English."""
        from babel.numbers import get_group_symbol

        return get_group_symbol(self.language)

    # -- punctuation -----------------------------------------------------------

    def listed(self, items: Iterable[str], *, clauses: bool = False) -> str:
        """``items`` one after the other: 'a, b, c' ('a、b、c'), or as ``clauses``:
        'a; b' ('a；b')."""
        if clauses:
            return self.pgettext("between clauses", "; ").join(items)
        return self.pgettext("between the items of a list", ", ").join(items)

    def joined(self, items: Sequence[str]) -> str:
        """'a', 'a and b', 'a, b and c' ('a、b与c')."""
        last = self.pgettext("before the last item of a list", " and ")
        if len(items) <= 2:
            return last.join(items)
        return self.listed(items[:-1]) + last + items[-1]

    def colon(self) -> str:
        """What follows a label: ': ' ('：')."""
        return self.pgettext("after a label", ": ")

    def labelled(self, label: str, text: str) -> str:
        """``text`` after its ``label``: 'Roles: R, A' ('角色：R、A')."""
        return label + self.colon() + text

    def aside(self, text: str, note: str) -> str:
        """``text`` with ``note`` in brackets after it: 'Chief (chief-1)' ('处长（chief-1）')."""
        return self.pgettext("a note in brackets", "{text} ({note})").format(text=text, note=note)


def _whole(n: float, language: str) -> int:
    """A count of ``language`` as gettext's plural forms take it."""
    if n == int(n) or language == "fr":
        return int(n)
    return _FRACTION.get(language, 100)


@functools.cache
def _catalog(language: str) -> gettext.GNUTranslations:
    mo = files(__name__) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    return gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))


@functools.cache
def _words(language: str, rtl: bool) -> Words:
    return Words(language, _catalog(language), rtl=rtl)


def words_for(tag: str | None) -> Words:
    """The words of the language of ``tag`` (``zh``, ``zh-Hans``, ``zh_TW``...); English
    for None and for a language the catalog does not have. Their :attr:`~Words.rtl` is
    that of ``tag``'s language."""
    return _words(base_language(tag), is_rtl(tag))
