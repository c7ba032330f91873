"""Tables in raci's own words read back: the role names it writes in each of its languages
name the roles as column headers, and the matrices it writes read back to the same
assignments, their legend known as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import write_table
from raci.analysis.names import role_name
from raci.cli import cli
from raci.io.tables.role_headers import role_of_header
from raci.schemes import BUILTIN_SCHEMES
from raci.words import LANGUAGES

FORMATS = [".md", ".csv", ".xlsx"]
PARTIES = ["Ana", "Rui", "Li", "Omar", "Zoé", "Ivan"]


def _model(scheme: str) -> str:
    """A model of the scheme: three deliverables, each giving every role to a party."""
    letters = BUILTIN_SCHEMES[scheme].letters
    units = "".join(f"  - id: p{i}\n    name: {name}\n" for i, name in enumerate(PARTIES))
    rows = ""
    for d in range(3):
        rows += f"  - id: d{d}\n    name: Deliverable {d}\n    raci:\n"
        rows += "".join(f"      {x}: p{(d + j) % 6}\n" for j, x in enumerate(letters))
    head = f"version: 1\norganization: {{name: Org}}\nscheme: {scheme}\n"
    return f"{head}units:\n{units}deliverables:\n{rows}"


def _said(org: raci.Organization) -> list[tuple[str, str, str]]:
    """Each assignment as (deliverable's name, letter, party's name)."""
    names = {k: v.name for table in (org.units, org.external) for k, v in table.items()}
    return sorted(
        (org.deliverables[a.deliverable].name, a.role, names[a.party]) for a in org.assignments()
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scheme", list(BUILTIN_SCHEMES))
def test_catalog_names_are_headers_of_their_roles(scheme: str, language: str) -> None:
    roles = BUILTIN_SCHEMES[scheme]
    for role in roles.roles:
        assert role_of_header(role_name(roles, role, language), roles) == role


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scheme", list(BUILTIN_SCHEMES))
def test_roles_by_column_under_raci_role_names(
    tmp_path: Path, scheme: str, language: str, suffix: str
) -> None:
    """A table of roles by column headed by the names raci writes for them (``Redevable``,
    ``Rinde cuentas``, ``من يُستشار``) reads as those roles, in the scheme that has them."""
    roles = BUILTIN_SCHEMES[scheme]
    header = ["Deliverable", *(role_name(roles, r, language) for r in roles.roles)]
    rows = [
        [f"Deliverable {d}", *(PARTIES[(d + j) % 6] for j in range(len(roles.roles)))]
        for d in range(3)
    ]
    org = raci.load(write_table(tmp_path, [header, *rows], suffix))
    assert org.layout == "roles-by-column"
    assert org.scheme == roles
    assert _said(org) == sorted(
        (row[0], r.letter, party)
        for row in rows
        for r, party in zip(roles.roles, row[1:], strict=True)
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scheme", list(BUILTIN_SCHEMES))
def test_written_matrices_read_back(tmp_path: Path, scheme: str, language: str) -> None:
    """`raci matrix --lang L -o x.md|x.csv|x.xlsx` reads back, with its org and without, to
    the same assignments; the Markdown legend is skipped as a legend."""
    model = tmp_path / "org.yaml"
    model.write_text(_model(scheme), encoding="utf-8")
    org = raci.load(model)
    for suffix in FORMATS:
        sheet = tmp_path / f"matrix{suffix}"
        done = CliRunner().invoke(cli, ["matrix", str(model), "--lang", language, "-o", str(sheet)])
        assert done.exit_code == 0, done.output
        alone = raci.load(sheet)
        assert (alone.scheme.name, _said(alone)) == (scheme, _said(org))
        assert _said(raci.load(sheet, org=org)) == _said(org)
        skipped = [f.message for f in raci.validate(alone) if f.rule == "tables-read"]
        if suffix == ".md":
            assert skipped == ["table skipped: it explains the role letters (a legend)"]
