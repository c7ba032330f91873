"""A role written in two columns (a lead and a support Responsible, or two `role` columns
of a long sheet) is read from both: nobody's role is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

import raci
from helpers import write_table


def roles(org: raci.Organization, deliverable: str) -> list[tuple[str, str]]:
    return sorted((a.role, a.party) for a in org.deliverables[deliverable].assignments)


@pytest.mark.parametrize("suffix", [".md", ".csv", ".xlsx"])
def test_two_columns_of_one_role(tmp_path: Path, suffix: str) -> None:
    rows = [
        ["Task", "Responsible (lead)", "Responsible (support)", "Accountable"],
        ["Plan", "Ann", "Bob", "Carl"],
        ["Build", "Bob", "", "Carl"],
    ]
    org = raci.load(write_table(tmp_path, rows, suffix))
    assert roles(org, "plan") == [("A", "carl"), ("R", "ann"), ("R", "bob")]
    assert roles(org, "build") == [("A", "carl"), ("R", "bob")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_two_role_columns_of_a_long_sheet(tmp_path: Path, suffix: str) -> None:
    rows = [
        ["task", "person", "role", "role"],
        ["Plan", "Ann", "R", "A"],
        ["Plan", "Bob", "", "R"],
        ["Plan", "Carl", "C", ""],
    ]
    org = raci.load(write_table(tmp_path, rows, suffix))
    assert roles(org, "plan") == [("A", "ann"), ("C", "carl"), ("R", "ann"), ("R", "bob")]


def test_a_party_without_a_role_in_either_column_is_said(tmp_path: Path) -> None:
    rows = [["task", "person", "role", "role"], ["Plan", "Ann", "R", "A"], ["Plan", "Bob", "", ""]]
    org = raci.load(write_table(tmp_path, rows, ".csv"))
    found = [f for f in raci.validate(org) if f.rule == "unreadable-cell"]
    assert [(f.location.line, f.message) for f in found] == [
        (3, "this row gives a party but no role, so it is not read")
    ]
