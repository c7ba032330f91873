"""Spanish counts take the form their number asks for (``n != 1``: only 1 is singular, 0
is plural), the noun agreeing in each form, and the language's punctuation joins words."""

from __future__ import annotations

import pytest

from raci.render.chart.words import ChartWords
from raci.restructure.words import ChangeWords
from raci.words import words_for

COUNTS = (0, 1, 2, 5, 11, 21, 101)

#: Real messages of the catalog, and their Spanish singular and plural.
MESSAGES = [
    (("{n} post", "{n} posts"), ("{n} puesto", "{n} puestos")),
    (
        ("+{n} unit below", "+{n} units below"),
        ("+{n} dependencia por debajo", "+{n} dependencias por debajo"),
    ),
    (
        ("Responsibility sheet: {title}", "Responsibility sheets: {title}"),
        ("Ficha de responsabilidades: {title}", "Fichas de responsabilidades: {title}"),
    ),
    (
        ("{n} more row appears as you scroll.", "{n} more rows appear as you scroll."),
        ("Aparece {n} fila más al desplazarse.", "Aparecen {n} filas más al desplazarse."),
    ),
    (("Vacant post", "Vacant posts"), ("Puesto vacante", "Puestos vacantes")),
]


@pytest.mark.parametrize(("english", "spanish"), MESSAGES)
@pytest.mark.parametrize("n", COUNTS)
def test_each_count_takes_its_form(
    english: tuple[str, str], spanish: tuple[str, str], n: int
) -> None:
    expected = spanish[0] if n == 1 else spanish[1]
    assert words_for("es").ngettext(*english, n) == expected


@pytest.mark.parametrize(
    ("n", "written"), [(1, "1 puesto"), (0, "0 puestos"), (1573, "1.573 puestos")]
)
def test_a_count_is_written_as_spanish_writes_it(n: int, written: str) -> None:
    words = words_for("es")
    assert words.ngettext("{n} post", "{n} posts", n).format(n=words.number(n)) == written


def test_a_fraction_takes_the_plural() -> None:
    assert words_for("es").ngettext("{n} post", "{n} posts", 1.5) == "{n} puestos"


@pytest.mark.parametrize(
    ("posts", "filled", "box"),
    [
        (111, 109, "111 puestos, 109 ocupados"),
        (1, 0, "1 puesto, 0 ocupados"),
        (2, 1, "2 puestos, 1 ocupado"),
    ],
)
def test_a_chart_box_counts_its_posts(posts: int, filled: int, box: str) -> None:
    assert ChartWords.for_lang("es-MX").posts(posts, filled) == box


@pytest.mark.parametrize(
    ("section", "group", "n", "said"),
    [
        ("units", "created", 1, "1 creada"),
        ("units", "created", 2, "2 creadas"),
        ("deliverables", "accountable", 5, "5 con cambio de quien rinde cuentas"),
    ],
)
def test_a_group_of_changes_counts_them(section: str, group: str, n: int, said: str) -> None:
    assert ChangeWords.for_lang("es").count(section, group, n) == said


def test_punctuation() -> None:
    w = words_for("es")
    assert (
        w.listed(["a", "b"]),
        w.listed(["a", "b"], clauses=True),
        w.joined(["a", "b", "c"]),
        w.labelled("Funciones", "R"),
        w.aside("Jefatura", "c-1"),
    ) == ("a, b", "a; b", "a, b y c", "Funciones: R", "Jefatura (c-1)")
