"""The plural forms the catalog gives a count: French takes the singular for 0 and 1
(``n > 1``), Russian three forms and Arabic six, each picked by its language's rule."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from raci.words import words_for

LOCALE = Path(__file__).resolve().parents[2] / "src" / "raci" / "words" / "locale"
COUNTS = (0, 1, 2, 5, 11, 21, 101)


def _mo(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "raci.mo"


def _form(language: str, n: int) -> int:
    """The index of the plural form the shipped catalog gives ``n``."""
    with _mo(language).open("rb") as f:
        return int(gettext.GNUTranslations(f).plural(n))


def _forms(language: str, singular: str) -> tuple[str, ...]:
    """The translated forms of a message in the shipped catalog; () when untranslated."""
    with _mo(language).open("rb") as f:
        message = read_mo(f).get(singular)
    if message is None or not isinstance(message.string, tuple) or not all(message.string):
        return ()
    return message.string


@pytest.mark.parametrize(
    ("singular", "plural", "one", "many"),
    [
        ("{n} post", "{n} posts", "{n} poste", "{n} postes"),
        ("Vacant post", "Vacant posts", "Poste vacant", "Postes vacants"),
        (
            "{posts}, {n} filled",
            "{posts}, {n} filled",
            "{posts}, {n} pourvu",
            "{posts}, {n} pourvus",
        ),
        ("+{n} unit below", "+{n} units below", "+{n} unité en dessous", "+{n} unités en dessous"),
        (
            "{n} more row appears as you scroll.",
            "{n} more rows appear as you scroll.",
            "{n} autre ligne apparaît lorsque vous faites défiler la page.",
            "{n} autres lignes apparaissent lorsque vous faites défiler la page.",
        ),
        (
            "{n} role whose holder is gone, with no successor",
            "{n} roles whose holder is gone, with no successor",
            "{n} rôle dont le détenteur n'existe plus, sans successeur",
            "{n} rôles dont le détenteur n'existe plus, sans successeur",
        ),
    ],
)
def test_french_takes_the_singular_for_zero_and_one(
    singular: str, plural: str, one: str, many: str
) -> None:
    words = words_for("fr")
    found = {n: words.ngettext(singular, plural, n) for n in COUNTS}
    assert found == {0: one, 1: one, 2: many, 5: many, 11: many, 21: many, 101: many}


def test_a_french_count_is_written_as_french_writes_it() -> None:
    words = words_for("fr")
    posts = words.ngettext("{n} post", "{n} posts", 1573).format(n=words.number(1573))
    assert posts == "1\u202f573 postes"
    filled = words.ngettext("{posts}, {n} filled", "{posts}, {n} filled", 0)
    assert filled.format(posts=posts, n=words.number(0)) == "1\u202f573 postes, 0 pourvu"


@pytest.mark.parametrize(
    ("n", "form"), [(0.5, "{n} poste"), (1.5, "{n} poste"), (2.5, "{n} postes")]
)
def test_a_fraction_takes_the_form_of_its_whole_part(n: float, form: str) -> None:
    assert words_for("fr").ngettext("{n} post", "{n} posts", n) == form


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", {0: 0, 1: 0, 2: 1, 5: 1, 11: 1, 21: 1, 101: 1}),
        # one, few, many: 1 and 21 take "one", 2 "few", 5 and 11 "many".
        ("ru", {1: 0, 2: 1, 5: 2, 11: 2, 21: 0}),
        # zero, one, two, few, many, other.
        ("ar", {0: 0, 1: 1, 2: 2, 3: 3, 11: 4, 100: 5}),
    ],
)
def test_each_count_takes_its_languages_form(language: str, expected: dict[int, int]) -> None:
    assert {n: _form(language, n) for n in expected} == expected
    forms = _forms(language, "{n} post")
    if forms:  # once the language is translated, ngettext gives that form
        words = words_for(language)
        found = {n: words.ngettext("{n} post", "{n} posts", n) for n in expected}
        assert found == {n: forms[i] for n, i in expected.items()}
