"""Arabic's six plural forms (zero, one, two, few, many, other) as the catalog gives them:
the noun agrees with each count, and a count of one or two is said by the noun itself
("وظيفة واحدة", "وظيفتان"), as CLDR's Arabic units are."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from raci.render.chart.words import ChartWords
from raci.words import words_for

PO = Path(__file__).resolve().parents[2] / "src/raci/words/locale/ar/LC_MESSAGES/raci.po"


def _said(singular: str, plural: str, n: float) -> str:
    words = words_for("ar")
    return words.ngettext(singular, plural, n).format(n=words.number(n))


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 وظيفة"),  # zero
        (1, "وظيفة واحدة"),  # one
        (2, "وظيفتان"),  # two
        (3, "3 وظائف"),  # few: 3-10
        (5, "5 وظائف"),
        (11, "11 وظيفة"),  # many: 11-99
        (21, "21 وظيفة"),
        (100, "100 وظيفة"),  # other
        (101, "101 وظيفة"),
        (103, "103 وظائف"),  # few again: by the last two digits
        (2.5, "2.5 وظيفة"),  # a fraction takes the form of 100
    ],
)
def test_posts(n: float, expected: str) -> None:
    assert _said("{n} post", "{n} posts", n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "+0 وحدة أدناه"),
        (1, "+وحدة واحدة أدناه"),
        (2, "+وحدتان أدناه"),
        (3, "+3 وحدات أدناه"),
        (11, "+11 وحدة أدناه"),
        (100, "+100 وحدة أدناه"),
    ],
)
def test_units_below(n: int, expected: str) -> None:
    assert _said("+{n} unit below", "+{n} units below", n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "ناتج"), (1, "الناتج"), (2, "ناتجان"), (3, "نواتج"), (11, "ناتجًا"), (100, "ناتج")],
)
def test_a_count_of_deliverables_and_its_noun(n: int, expected: str) -> None:
    """The report's cards: a count, and under it the noun that agrees with it (a masculine
    noun takes the accusative from 11 to 99)."""
    assert words_for("ar").ngettext("Deliverable", "Deliverables", n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "كشوف المسؤوليات: UN-Habitat"),
        (1, "كشف المسؤوليات: UN-Habitat"),
        (2, "كشفا المسؤوليات: UN-Habitat"),
        (3, "كشوف المسؤوليات: UN-Habitat"),
        (11, "كشوف المسؤوليات: UN-Habitat"),
        (100, "كشوف المسؤوليات: UN-Habitat"),
    ],
)
def test_the_pages_of_responsibility_sheets(n: int, expected: str) -> None:
    text = words_for("ar").ngettext(
        "Responsibility sheet: {title}", "Responsibility sheets: {title}", n
    )
    assert text.format(title="UN-Habitat") == expected


def test_a_plural_message_asked_without_a_count_is_its_one_form() -> None:
    """A heading asks for a plural message's singular (``gettext("Unit")``)."""
    words = words_for("ar")
    assert words.gettext("Unit") == "الوحدة"
    assert words.gettext("Vacant post") == "وظيفة شاغرة"


def test_a_chart_box_counts_its_posts_and_those_filled() -> None:
    chart = ChartWords.for_lang("ar")
    assert chart.posts(1) == "وظيفة واحدة"
    assert chart.posts(2, filled=1) == "وظيفتان، المشغول منها 1"
    assert chart.posts(111, filled=109) == "111 وظيفة، المشغول منها 109"


def test_every_message_has_its_six_forms() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    wrong = [
        m.id
        for m in catalog
        if m.id
        and (
            m.fuzzy
            or not all(m.string if isinstance(m.string, tuple) else [m.string])
            or (isinstance(m.id, tuple) and len(m.string) != 6)
        )
    ]
    assert wrong == []
