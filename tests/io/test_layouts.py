"""RACI tables and org sheets as people keep them: by role, long, org paths, and tables
that are none of the layouts; each in Markdown, CSV and XLSX where it applies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import raci
from helpers import loads, write_table
from raci.cli import cli

ORG = """
version: 1
units:
  - id: hq
    name: Headquarters
    units:
      - {id: fin, name: Finance Division}
      - {id: ops, name: Operations}
positions:
  - {id: cfo, title: Chief Financial Officer, unit: fin}
"""


def assignments(org: raci.Organization) -> list[tuple[str, str, str]]:
    return sorted((a.deliverable, a.role, a.party) for a in org.assignments())


FORMATS = [".md", ".csv", ".xlsx"]


class TestRolesByColumn:
    """Names under role columns: the most common RACI table in project READMEs."""

    ROWS: ClassVar[list[list[str]]] = [
        ["Task", "Responsible", "Accountable", "Consulted", "Informed"],
        ["Kick-off", "Alice, Bob", "Carol", "", "Team"],
        ["Review", "Bob and Dan", "Carol", "Eve; Frank", "—"],
        ["Release", "Dan / Eve & Alice", "Carol", "N/A", "Team\nCarol"],
    ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_names_become_parties(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, self.ROWS, suffix))
        assert org.layout == "roles-by-column"
        assert org.scheme.name == "RACI"
        assert list(org.external) == ["alice", "bob", "carol", "team", "dan", "eve", "frank"]
        assert org.external["alice"].name == "Alice"
        assert assignments(org) == sorted(
            [
                ("kick-off", "R", "alice"),
                ("kick-off", "R", "bob"),
                ("kick-off", "A", "carol"),
                ("kick-off", "I", "team"),
                ("review", "R", "bob"),
                ("review", "R", "dan"),
                ("review", "A", "carol"),
                ("review", "C", "eve"),
                ("review", "C", "frank"),
                ("release", "R", "dan"),
                ("release", "R", "eve"),
                ("release", "R", "alice"),
                ("release", "A", "carol"),
                ("release", "I", "team"),
                ("release", "I", "carol"),
            ]
        )
        assert raci.validate(org) == [] or all(
            f.rule not in ("single-accountable", "responsible-present") for f in raci.validate(org)
        )

    @pytest.mark.parametrize(
        "header",
        [
            ["Task", "R (Responsible)", "A (Accountable)", "C (Consulted)", "I (Informed)"],
            ["Activity", "responsible", "ACCOUNTABLE", "Consulted (C)", "informed"],
            ["Tasks", "R", "A", "C", "I"],
        ],
    )
    def test_header_spellings(self, tmp_path: Path, header: list[str]) -> None:
        rows = [header, ["Plan", "Ann", "Bo", "", ""]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert assignments(org) == [("plan", "A", "bo"), ("plan", "R", "ann")]

    def test_daci_is_told_from_the_role_names(self, tmp_path: Path) -> None:
        rows = [["Decision", "Driver", "Approver", "Contributors", "Informed"]]
        rows.append(["Pricing", "Ann", "Bo", "Cy", "All"])
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert org.scheme.name == "DACI"
        assert assignments(org) == [
            ("pricing", "A", "bo"),
            ("pricing", "C", "cy"),
            ("pricing", "D", "ann"),
            ("pricing", "I", "all"),
        ]

    def test_notes_in_brackets_and_markup_are_dropped(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text(
            "| Activity | Responsible | Accountable | Consulted | Informed |\n"
            "|---|---|---|---|---|\n"
            "| [Onboarding](docs/onboard.md) | Contributor (draft) + editor (review)"
            " | **Steward** | `Legal` | Operator &amp; Public |\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert list(org.deliverables) == ["onboarding"]
        assert org.deliverables["onboarding"].name == "Onboarding"
        # `+` and `&` join names unless each side names a party elsewhere.
        assert [p.name for p in org.external.values()] == [
            "Contributor + editor",
            "Steward",
            "Legal",
            "Operator & Public",
        ]

    def test_names_resolve_against_an_org(self, tmp_path: Path) -> None:
        rows = [["Task", "Responsible", "Accountable"], ["Budget", "finance division", "CFO"]]
        rows[1][2] = "Chief Financial Officer"
        org = raci.load(write_table(tmp_path, rows, ".csv"), org=loads(ORG))
        assert assignments(org) == [("budget", "A", "cfo"), ("budget", "R", "fin")]
        rows[1][1] = "Finance Divison"
        with pytest.raises(raci.LoadError) as info:
            raci.load(write_table(tmp_path, rows, ".csv"), org=loads(ORG))
        assert info.value.reason == (
            "name `Finance Divison` is not the id or name of any party of org.yaml;"
            " did you mean `Finance Division`?"
        )
        assert (info.value.line, info.value.column) == (2, 8)  # where `Finance Divison` starts

    def test_empty_template_reads_as_deliverables_without_roles(self, tmp_path: Path) -> None:
        rows = [["Activity", "Responsible", "Accountable", "Consulted", "Informed"]]
        rows += [["Model changes", "", "", "", ""], ["Incident response", "", "", "", ""]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert list(org.deliverables) == ["model-changes", "incident-response"]
        rules = {f.rule for f in raci.validate(org)}
        assert {"single-accountable", "responsible-present"} <= rules

    def test_a_matrix_whose_parties_are_called_like_roles_stays_a_matrix(
        self, tmp_path: Path
    ) -> None:
        rows = [["Task", "Support", "Driver", "Ops"], ["Patch", "R", "A", "I"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert org.layout == "matrix"
        assert assignments(org) == [
            ("patch", "A", "driver"),
            ("patch", "I", "ops"),
            ("patch", "R", "support"),
        ]


class TestLong:
    """One assignment per row, as databases and BI tools export."""

    ROWS: ClassVar[list[list[str]]] = [
        ["Task", "Person", "Role"],
        ["Kick-off", "Alice", "A"],
        ["Kick-off", "Bob", "Responsible"],
        ["Review", "Smith, Jane", "R/A"],
        ["Review", "Bob", "c"],
    ]

    @pytest.mark.parametrize("suffix", FORMATS)
    def test_rows_are_assignments(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(write_table(tmp_path, self.ROWS, suffix))
        assert org.layout == "long"
        assert list(org.deliverables) == ["kick-off", "review"]
        assert assignments(org) == [
            ("kick-off", "A", "alice"),
            ("kick-off", "R", "bob"),
            ("review", "A", "smith-jane"),
            ("review", "C", "bob"),
            ("review", "R", "smith-jane"),
        ]

    @pytest.mark.parametrize(
        "header",
        [
            ["deliverable", "party", "raci"],
            ["Activity", "Owner", "Letter"],
            ["work_item", "assignee", "RACI role"],
        ],
    )
    def test_column_aliases(self, tmp_path: Path, header: list[str]) -> None:
        org = raci.load(write_table(tmp_path, [header, ["Plan", "Ann", "A"]], ".csv"))
        assert assignments(org) == [("plan", "A", "ann")]

    def test_a_bad_role_is_located(self, tmp_path: Path) -> None:
        rows = [*self.ROWS, ["Review", "Dan", "maybe"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [bad] = [f for f in raci.validate(org) if f.rule == "unreadable-cell"]
        assert (bad.location.line, bad.location.column, bad.location.cell_column) == (6, 12, 3)
        assert bad.message.startswith("cannot read `maybe` as a role")
        assert "review" in org.deliverables  # the rest of the table is read


class TestOrgPaths:
    """Org sheets whose hierarchy is a path, as HR systems export."""

    def test_a_path_column(self, tmp_path: Path) -> None:
        path = tmp_path / "agencies.csv"
        path.write_text(
            "Path,Phone\n"
            "Dept A/Agency X/Office of the Director,1\n"
            "Dept A/Agency Y/Office of the Director,2\n"
            "Dept B/Office of the Director,3\n"
            "Dept A/Agency X,4\n",
            encoding="utf-8",
        )
        org = raci.load(path)
        assert org.layout == "org-paths"
        assert list(org.units) == [
            "agencies",
            "dept-a",
            "agency-x",
            "agency-x.office-of-the-director",
            "agency-y",
            "agency-y.office-of-the-director",
            "dept-b",
            "dept-b.office-of-the-director",
        ]
        assert org.root == "agencies"
        assert org.units["agency-y.office-of-the-director"].parent == "agency-y"
        assert org.units["agency-x"].attributes == {"Phone": "4"}
        assert org.units["agency-x"].location.line == 5
        assert org.units["dept-a"].name == "Dept A"
        assert [f.rule for f in raci.validate(org)] == []

    def test_level_columns_and_an_id_column(self, tmp_path: Path) -> None:
        rows = [
            ["Unit ID", "Level 1", "Level 2", "Level 3"],
            ["G1", "Government", "Health", ""],
            ["G2", "Government", "Health", "Office of the Director"],
            ["G3", "Government", "Transport", "Office of the Director"],
        ]
        org = raci.load(write_table(tmp_path, [["id", *rows[0][1:]], *rows[1:]], ".xlsx"))
        assert list(org.units) == ["government", "G1", "G2", "transport", "G3"]
        assert org.units["G2"].parent == "G1"
        assert org.units["G3"].parent == "transport"
        assert org.root == "government"

    def test_the_separator_can_be_given(self, tmp_path: Path) -> None:
        path = tmp_path / "org.csv"
        path.write_text(
            "Hierarchy\nHQ > Finance/Budget\nHQ > Finance/Budget > Payroll\n", encoding="utf-8"
        )
        org = raci.load(path)
        assert [u.name for u in org.units.values()] == ["HQ", "Finance/Budget", "Payroll"]
        org = raci.load(path, path_separator="/")
        assert [u.name for u in org.units.values()] == [
            "HQ > Finance",
            "Budget",
            "Budget > Payroll",
        ]
        result = CliRunner().invoke(
            cli, ["import", str(path), "--path-separator", " > ", "-o", str(tmp_path / "o.yaml")]
        )
        assert result.exit_code == 0, result.output
        assert "name: Finance/Budget" in (tmp_path / "o.yaml").read_text()


class TestNoLayout:
    def test_one_message_naming_the_columns(self, tmp_path: Path) -> None:
        path = tmp_path / "agencies.csv"
        lines = ["Agency,Website,Phone"] + [
            f"Agency {i},https://agency{i}.example,555-{i:04d}" for i in range(2675)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(raci.LoadError) as info:
            raci.load(path)
        assert len(info.value.findings) == 1
        reason = info.value.reason
        assert "columns found: `Agency`, `Website`, `Phone`" in reason
        assert "roles by column" in reason
        assert "one assignment per row" in reason
        assert len(reason) < 700
        result = CliRunner().invoke(cli, ["validate", str(path)])
        assert result.exit_code == 2
        assert result.output.count("parse-error") == 1

    def test_a_long_cell_is_cut_in_messages(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "A", "R"], ["Ship", "x" * 5000, "R"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [bad] = [f for f in raci.validate(org) if f.rule == "unreadable-cell"]
        assert len(bad.message) < 300
        assert "xxx…`" in bad.message


class TestStrayCells:
    @pytest.mark.parametrize("suffix", [".md", ".csv"])
    def test_a_cell_beyond_the_header_is_a_warning(self, tmp_path: Path, suffix: str) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "A", "R", "oops"]]
        org = raci.load(write_table(tmp_path, rows, suffix))
        assert assignments(org) == [("plan", "A", "ann"), ("plan", "R", "bo")]
        [finding] = [f for f in raci.validate(org) if f.rule == "stray-cell"]
        assert finding.severity is raci.Severity.WARNING
        assert finding.message == (
            "cell `oops` is beyond the header's last column (the header has 3 columns),"
            " so it is not read"
        )
        assert finding.location.cell_column == 4
        assert finding.location.column == (18 if suffix == ".md" else 10)
        line = 5 if suffix == ".md" else 2
        assert finding.location.line == line

    def test_fewer_cells_are_fine(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        assert org.stray_cells == ()


class TestIdsAndLocations:
    def test_ids_from_names_are_lower_case_slugs(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Budget", "A", "R"], ["Project charter", "R/A", ""]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        assert list(org.deliverables) == ["budget", "project-charter"]
        assert list(org.external) == ["ann", "bo"]

    def test_annotations_point_at_the_cells_character_column(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text("| Task | Ann | Bo |\n|---|---|---|\n| Plan | R | A/C |\n| Ship | R | |\n")
        result = CliRunner().invoke(cli, ["validate", str(path), "--format", "github"])
        lines = [ln for ln in result.output.splitlines() if "single-accountable" in ln]
        assert len(lines) == 1
        assert "line=4,col=3" in lines[0]  # the character column of `Ship`
        sarif = CliRunner().invoke(cli, ["validate", str(path), "--format", "sarif"])
        results = json.loads(sarif.output)["runs"][0]["results"]
        redundant = [r for r in results if r["ruleId"] == "silo"]
        assert redundant == [] or redundant[0]["locations"]
        text = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
        [ship] = [
            f for f in json.loads(text.output)["files"][0]["findings"] if f["subject"] == "ship"
        ][:1]
        assert (ship["line"], ship["column"], ship["cell_column"]) == (4, 3, 1)

    def test_character_column_of_a_cell(self, tmp_path: Path) -> None:
        path = tmp_path / "RACI.md"
        path.write_text("| Task | Ann | Bo |\n|---|---|---|\n| Plan | R | A, A |\n")
        org = raci.load(path)
        [a, _] = [x for x in org.assignments() if x.role == "A"] * 2
        assert (a.location.line, a.location.column, a.location.cell_column) == (3, 14, 3)
        csv_path = tmp_path / "m.csv"
        csv_path.write_text('Task,Ann,Bo\nPlan,"R",  A\n')
        org = raci.load(csv_path)
        cols = {x.party: x.location.column for x in org.assignments()}
        assert cols == {"ann": 7, "bo": 12}

    def test_hints_speak_the_tables_language(self, tmp_path: Path) -> None:
        rows = [["Task", "Ann", "Bo"], ["Plan", "R", "R"], ["Ship", "A/R", "A"]]
        org = raci.load(write_table(tmp_path, rows, ".md"))
        hints = {f.subject: f.hint for f in raci.validate(org) if f.rule == "single-accountable"}
        assert hints == {
            "plan": "Put `A` in exactly one cell of this row.",
            "ship": "Put `A` in exactly one cell of this row; make the others `R` or `C`.",
        }
        rows = [["Task", "Responsible", "Accountable"], ["Plan", "Ann", "Bo, Cy"]]
        org = raci.load(write_table(tmp_path, rows, ".csv"))
        [finding] = [f for f in raci.validate(org) if f.rule == "single-accountable"]
        assert finding.hint == (
            "Keep one party in the Accountable column of this row; move the others to"
            " Responsible or Consulted."
        )


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("layout", ["roles", "long"])
def test_import_then_export_keeps_the_assignments(tmp_path: Path, suffix: str, layout: str) -> None:
    rows = TestRolesByColumn.ROWS if layout == "roles" else TestLong.ROWS
    source = write_table(tmp_path, rows, suffix)
    model = tmp_path / "model.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(model)])
    assert result.exit_code == 0, result.output
    first = raci.load(model)
    assert assignments(first) == assignments(raci.load(source))
    for out in ("again.csv", "again.xlsx", "again.md"):
        raci.render_matrix(first, tmp_path / out)
        assert assignments(raci.load(tmp_path / out, org=first)) == assignments(first)


def test_an_exported_matrix_with_parties_called_parent_reads_back(tmp_path: Path) -> None:
    org = loads(
        """
        units: [{id: hq}, {id: parent, parent: hq}, {id: manager, parent: hq}]
        deliverables:
          - {id: a, raci: {A: parent, R: manager}}
          - {id: b, raci: {A: manager, R: hq}}
        """
    )
    for suffix in (".csv", ".xlsx"):
        raci.render_matrix(org, tmp_path / f"m{suffix}")
        back = raci.load(tmp_path / f"m{suffix}", org=org)
        assert assignments(back) == assignments(org)
