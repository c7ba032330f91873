"""Russian plural forms: a count ending in 1 (but not 11) takes the first form, one
ending in 2-4 (but not 12-14) the second, any other the third, and each form's noun
agrees with its count."""

from __future__ import annotations

import pytest

from raci.words import words_for

#: Counts and the form each takes: one (1, 21, 101), few (2, 22), many (0, 5, 11...).
COUNTS = [0, 1, 2, 5, 11, 12, 14, 21, 22, 101, 111]


def _said(singular: str, plural: str, n: int, **values: object) -> str:
    words = words_for("ru")
    return words.ngettext(singular, plural, n).format(n=words.number(n), **values)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 должностей"),
        (1, "1 должность"),
        (2, "2 должности"),
        (5, "5 должностей"),
        (11, "11 должностей"),
        (12, "12 должностей"),
        (14, "14 должностей"),
        (21, "21 должность"),
        (22, "22 должности"),
        (101, "101 должность"),
        (111, "111 должностей"),
    ],
)
def test_posts(n: int, expected: str) -> None:
    assert _said("{n} post", "{n} posts", n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "+1 подразделение ниже"),
        (2, "+2 подразделения ниже"),
        (5, "+5 подразделений ниже"),
        (11, "+11 подразделений ниже"),
        (21, "+21 подразделение ниже"),
    ],
)
def test_units_below(n: int, expected: str) -> None:
    assert _said("+{n} unit below", "+{n} units below", n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "Ещё 1 строка появится при прокрутке."),
        (3, "Ещё 3 строки появятся при прокрутке."),
        (5, "Ещё 5 строк появится при прокрутке."),
        (11, "Ещё 11 строк появится при прокрутке."),
        (101, "Ещё 101 строка появится при прокрутке."),
    ],
)
def test_rows_left_in_the_report(n: int, expected: str) -> None:
    assert (
        _said("{n} more row appears as you scroll.", "{n} more rows appear as you scroll.", n)
        == expected
    )


@pytest.mark.parametrize(
    ("filled", "expected"),
    [
        (0, "111 должностей, заполнено 0"),
        (1, "111 должностей, заполнена 1"),
        (4, "111 должностей, заполнены 4"),
        (109, "111 должностей, заполнено 109"),
        (101, "111 должностей, заполнена 101"),
    ],
)
def test_posts_filled(filled: int, expected: str) -> None:
    posts = _said("{n} post", "{n} posts", 111)
    assert _said("{posts}, {n} filled", "{posts}, {n} filled", filled, posts=posts) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "Показано 1 из 1 результата"),
        (2, "Показано 1 из 2 результатов"),
        (21, "Показано 1 из 21 результата"),
        (29, "Показано 1 из 29 результатов"),
    ],
)
def test_the_matrix_filter_counts_the_total(n: int, expected: str) -> None:
    text = words_for("ru").ngettext(
        "{shown} of {total} deliverable shown", "{shown} of {total} deliverables shown", n
    )
    assert text.format(shown=1, total=n) == expected


@pytest.mark.parametrize("n", COUNTS)
def test_each_card_agrees_with_its_count(n: int) -> None:
    """The report's cards: a count, and under it the noun in the count's form."""
    words = words_for("ru")
    form = {1: 0, 21: 0, 101: 0, 2: 1, 22: 1}.get(n, 2)
    cards = {
        ("Unit", "Units"): ("Подразделение", "Подразделения", "Подразделений"),
        ("Vacant post", "Vacant posts"): (
            "Вакантная должность",
            "Вакантные должности",
            "Вакантных должностей",
        ),
        ("Error", "Errors"): ("Ошибка", "Ошибки", "Ошибок"),
    }
    for (singular, plural), forms in cards.items():
        assert words.ngettext(singular, plural, n) == forms[form]


def test_a_heading_takes_the_singular() -> None:
    """A heading or a key's entry asks for the text of a plural message without a count:
    the nominative singular."""
    words = words_for("ru")
    assert words.gettext("Deliverable") == "Результат"
    assert words.gettext("Vacant post") == "Вакантная должность"


@pytest.mark.parametrize(("n", "expected"), [(0.5, "0,5 должности"), (1.5, "1,5 должности")])
def test_a_fraction_takes_the_genitive_singular(n: float, expected: str) -> None:
    assert _said("{n} post", "{n} posts", n) == expected
