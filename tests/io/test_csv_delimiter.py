"""CSV matrices by their delimiter: commas inside quoted names do not count."""

from __future__ import annotations

import pytest

import raci
from raci.io.tables.table import csv_delimiter

PARTIES = {
    "finance-budget-hr-and-admin": "Finance, Budget, HR, and Admin",
    "legal-policy-ethics": "Legal, Policy, Ethics",
    "board": "Board",
}


def _matrix(delimiter: str) -> str:
    rows = [
        ["Deliverable", '"Finance, Budget, HR, and Admin"', '"Legal, Policy, Ethics"', "Board"],
        ['"Budget, 2020, draft, v2"', "A", "R", "I"],
        ['"Audit, external, 2019, final"', "R", "A", "C"],
    ]
    return "".join(delimiter.join(row) + "\n" for row in rows)


@pytest.mark.parametrize("delimiter", [";", "|", "\t", ","])
def test_a_matrix_with_comma_rich_quoted_names_reads_by_its_delimiter(
    write, delimiter: str
) -> None:
    org = raci.load(write(_matrix(delimiter), "RACI.csv"))
    assert {k: p.name for k, p in org.parties.items()} == PARTIES
    assert [d.name for d in org.deliverables.values()] == [
        "Budget, 2020, draft, v2",
        "Audit, external, 2019, final",
    ]
    assert org.accountable("budget-2020-draft-v2").id == "finance-budget-hr-and-admin"
    assert sorted(org.assignments_of("board")) == [
        ("audit-external-2019-final", "C"),
        ("budget-2020-draft-v2", "I"),
    ]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        (_matrix(";"), ";"),
        (_matrix("|"), "|"),
        (_matrix("\t"), "\t"),
        ("Task\nBudget\nAudit\n", ","),  # one column: nothing to tell, a comma
        ('Task\n"Budget, 2020"\nAudit\n', ","),
        ("a;b\n", ";"),  # one line: the delimiter it uses
    ],
)
def test_the_delimiter(text: str, delimiter: str) -> None:
    assert csv_delimiter(text) == delimiter


def test_a_one_column_file_reads_as_one_column(write) -> None:
    """A matrix of deliverables alone: no parties, and the names keep their commas."""
    org = raci.load(write('Task\n"Budget, 2020"\nAudit\n', "list.csv"))
    assert dict(org.parties) == {}
    assert [d.name for d in org.deliverables.values()] == ["Budget, 2020", "Audit"]
