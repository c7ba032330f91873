"""Reading responsibility matrices kept as CSV, XLSX and Markdown tables."""

from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import raci
from helpers import loads
from raci.cells import guard_formula, unguard_formula
from raci.io.tables.markdown import cell_text, markdown_tables
from raci.io.tables.raci_sheet import ALL_ROLES
from raci.io.tables.table import parse_roles
from raci.schemes import BUILTIN_SCHEMES

DATA = Path(__file__).resolve().parent.parent / "data" / "sheets"
RACI = BUILTIN_SCHEMES["RACI"]

ORG = """
version: 1
units:
  - id: hq
    name: {en: Headquarters, zh: 总部}
    units:
      - {id: fin, name: Finance Division}
      - {id: ops, name: Operations}
positions:
  - {id: cfo, title: Chief Financial Officer, unit: fin}
  - {id: clerk-ops, title: Clerk, unit: ops}
  - {id: clerk-fin, title: Clerk, unit: fin}
external:
  - {id: board, name: Executive Board}
groups:
  - {id: money, name: Money matters}
deliverables:
  - id: budget
    name: {en: Annual budget, zh: 年度预算}
    group: money
    raci: {A: cfo, R: fin}
"""


def assignments(org: raci.Organization) -> list[tuple[str, str, str]]:
    return sorted((a.deliverable, a.role, a.party) for a in org.assignments())


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


class TestParseRoles:
    """Every way people type role letters in a cell."""

    @pytest.mark.parametrize(
        ("text", "letters"),
        [
            ("A", ("A",)),
            ("R", ("R",)),
            ("A/R", ("A", "R")),
            ("R / A", ("R", "A")),
            ("A,R", ("A", "R")),
            ("A, R", ("A", "R")),
            ("AR", ("A", "R")),
            ("r/a", ("R", "A")),
            ("  c  ", ("C",)),
            ("A; I", ("A", "I")),
            ("R+C", ("R", "C")),
            ("-", ()),
            ("–", ()),
            ("", ()),
            ("   ", ()),
            ("n/a", ()),
            ("A/A", ("A",)),
        ],
    )
    def test_spellings(self, text: str, letters: tuple[str, ...]) -> None:
        """Separators, case and spaces do not matter; blanks and dashes are no role."""
        assert parse_roles(text, RACI) == letters

    def test_unknown_single_letter_is_kept(self) -> None:
        """A single letter outside the scheme is a role the rules will report."""
        assert parse_roles("x", RACI) == ("X",)
        assert parse_roles("S", RACI) == ("S",)

    @pytest.mark.parametrize("text", ["yes", "Lead", "1", "R?", "A/owner"])
    def test_words_are_not_roles(self, text: str) -> None:
        """Words and numbers are not read as letters."""
        assert parse_roles(text, RACI) is None

    def test_a_run_of_letters_is_of_one_scheme(self) -> None:
        """Before the scheme is known, capitals run together are letters only when one
        built-in scheme has them all: ``CODIR`` (a committee) mixes DACI's D and CAIRO's O."""
        assert parse_roles("CODIR (J+3)", ALL_ROLES) is None
        assert parse_roles("CODIR", ALL_ROLES) is None
        assert parse_roles("RASCI", ALL_ROLES) == ("R", "A", "S", "C", "I")
        assert parse_roles("CAIRO", ALL_ROLES) == ("C", "A", "I", "R", "O")
        assert parse_roles("AR", ALL_ROLES) == ("A", "R")

    def test_an_escalation_table_beside_a_matrix_is_skipped(self, tmp_path: Path) -> None:
        """A table of who to escalate to (``CODIR (décision)`` in its cells) under the
        matrix of a document adds no deliverables."""
        text = (
            "## Matrice\n\n| Tâche | Chef | CODIR |\n|---|---|---|\n| Budget | R | A |\n\n"
            "## Escalade\n\n| Problème | Niveau 1 | Niveau 2 |\n|---|---|---|\n"
            "| Bug critique | Chef Projet (immédiat) | CODIR (J+3) |\n"
            "| Retard | - | CODIR (décision) |\n"
        )
        path = tmp_path / "gouvernance.md"
        path.write_text(text, encoding="utf-8")
        org = raci.load(path)
        assert [d.name for d in org.deliverables.values()] == ["Budget"]

    def test_scheme_letters(self) -> None:
        """Letters of the scheme in use are known, in any case."""
        assert parse_roles("s/r", BUILTIN_SCHEMES["RASCI"]) == ("S", "R")
        assert parse_roles("DA", BUILTIN_SCHEMES["DACI"]) == ("D", "A")


class TestFormulaGuard:
    """The `'` that exports put before formula-like text comes off again on reading."""

    @pytest.mark.parametrize(
        ("text", "guarded"),
        [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+44 20 7946", "'+44 20 7946"),
            ("-minus", "'-minus"),
            ("@handle", "'@handle"),
            ("\tTab", "'\tTab"),
            ("\rReturn", "'\rReturn"),
            ("'quoted", "''quoted"),
            ("plain = fine", "plain = fine"),
            ("", ""),
        ],
    )
    def test_guard(self, text: str, guarded: str) -> None:
        """Formula starts and a leading apostrophe get the prefix; other text is left alone."""
        assert guard_formula(text) == guarded
        assert unguard_formula(guarded) == text

    def test_hand_typed_apostrophe_is_kept(self) -> None:
        """An apostrophe that guards nothing is part of the text."""
        assert unguard_formula("'s-Hertogenbosch") == "'s-Hertogenbosch"

    @given(st.text())
    def test_round_trip(self, text: str) -> None:
        """Unguarding undoes guarding, whatever the text."""
        assert unguard_formula(guard_formula(text)) == text


class TestCsvWithoutOrg:
    """A matrix alone: header cells become parties, rows deliverables."""

    def test_cell_spellings(self) -> None:
        """Semicolon-separated, every spelling of the letters, ids from the first column."""
        org = raci.load(DATA / "cell-spellings.csv")
        assert list(org.external) == ["owner", "lead", "helper", "watcher"]
        got = {
            d.id: {p: "".join(d.roles_of(p)) for p in org.external}
            for d in org.deliverables.values()
        }
        assert got == {
            "plain": {"owner": "A", "lead": "R", "helper": "", "watcher": ""},
            "slash-spaced": {"owner": "RA", "lead": "R", "helper": "", "watcher": "I"},
            "slash": {"owner": "RA", "lead": "", "helper": "C", "watcher": ""},
            "comma": {"owner": "RA", "lead": "", "helper": "", "watcher": "I"},
            "joined": {"owner": "RA", "lead": "C", "helper": "", "watcher": ""},
            "lower": {"owner": "RA", "lead": "", "helper": "", "watcher": ""},
            "dash": {"owner": "", "lead": "A", "helper": "R", "watcher": ""},
        }

    def test_names_become_parties_with_ids(self, tmp_path: Path) -> None:
        """A header or row name with spaces gets an id made from it; the name is kept."""
        path = tmp_path / "m.csv"
        path.write_text(" Task ,Executive Board , Finance\nPrepare the budget,I,A/R\n")
        org = raci.load(path)
        assert {p.id: p.name for p in org.external.values()} == {
            "executive-board": "Executive Board",
            "finance": "Finance",
        }
        (d,) = org.deliverables.values()
        assert (d.id, d.name) == ("prepare-the-budget", "Prepare the budget")
        assert [(a.role, a.party) for a in d.assignments] == [
            ("R", "finance"),
            ("A", "finance"),
            ("I", "executive-board"),
        ]
        assert str(d.assignments[0].location) == f"{path}:2:22"  # where `A/R` starts

    def test_name_group_and_due_columns(self, tmp_path: Path) -> None:
        """Optional columns name, group and due fill in the deliverable."""
        path = tmp_path / "m.csv"
        path.write_text(
            "id,Name,GROUP,due,ed,board\n"
            "fs-2019,2019 financial statements,Finance,2020-03-31,A/R,I\n"
            "audit,Audit,Finance,,A/R,\n"
        )
        org = raci.load(path)
        fs = org.deliverables["fs-2019"]
        assert fs.name == "2019 financial statements"
        assert str(fs.due) == "2020-03-31"
        assert fs.group == "finance" == org.deliverables["audit"].group
        assert list(org.groups) == ["finance"]
        assert list(org.external) == ["ed", "board"]

    def test_group_heading_rows(self, tmp_path: Path) -> None:
        """Without a group column, a row with only its first cell filled is a group heading."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann,Bo\nPlanning,,\nplan,A,R\nDelivery,,\nship,R,A\n")
        org = raci.load(path)
        assert {g.id: g.name for g in org.groups.values()} == {
            "planning": "Planning",
            "delivery": "Delivery",
        }
        assert [d.group for d in org.deliverables.values()] == ["planning", "delivery"]

    def test_scheme_is_inferred_from_letters(self, tmp_path: Path) -> None:
        """Letters beyond RACI pick the built-in scheme that has them."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann,Bo,Cy\nplan,A,R,S\n")
        assert raci.load(path).scheme.name == "RASCI"

    def test_errors_name_the_cell(self, tmp_path: Path) -> None:
        """Every unreadable cell is a finding at file:row:character column; the rest is read."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann,Bo,Cy\nplan,A,R,\nship,A,owner,yes\n,A,,\n")
        org = raci.load(path)
        assert list(org.deliverables) == ["plan", "ship"]
        found = [f for f in raci.validate(org) if f.rule == "unreadable-cell"]
        assert [f"{f.location}: {f.message}" for f in found] == [
            f"{path}:3:8: cannot read `owner` as roles; expected letters of RACI (R, A, C, I)"
            " such as `A`, `R/A` or `-`",
            f"{path}:3:14: cannot read `yes` as roles; expected letters of RACI (R, A, C, I)"
            " such as `A`, `R/A` or `-`",
            f"{path}:4:1: this row has cells but names no deliverable (cell A4 is empty), so"
            " it is not read",
        ]

    def test_quoted_cells_spanning_lines(self, tmp_path: Path) -> None:
        """A quoted cell over two lines does not shift the row numbers after it."""
        path = tmp_path / "m.csv"
        path.write_text('Task,Ann\n"two\nlines",A\nlast,bad cell\n')
        [bad] = [f for f in raci.validate(raci.load(path)) if f.rule == "unreadable-cell"]
        assert (bad.location.line, bad.location.column) == (4, 6)

    def test_repeated_row_is_a_duplicate(self, tmp_path: Path) -> None:
        """A deliverable listed twice is kept twice and reported where the user wrote it."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann\nplan,A\nplan ,R\n")
        org = raci.load(path)
        assert list(org.deliverables) == ["plan", "plan-2"]
        [dup] = [f for f in raci.validate(org) if f.rule == "duplicate-row"]
        assert (dup.location.line, dup.subject) == (3, "plan-2")
        assert dup.message == (
            f"this row names `plan` again (first at {path}:2:1); both rows are kept, this one"
            " as `plan-2`"
        )
        assert "duplicate-id" not in {f.rule for f in raci.validate(org)}

    def test_matrix_alone_validates(self, tmp_path: Path) -> None:
        """The rules run on a matrix file: here, two Accountables on the second row."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Ann,Bo\nplan,A,R\nship,A,A/R\n")
        found = [f for f in raci.validate(raci.load(path)) if f.rule == "single-accountable"]
        assert [(f.subject, f.location.file, f.location.line) for f in found] == [
            ("ship", str(path), 3)
        ]


class TestCsvWithOrg:
    """Header cells resolve to the org's parties by id or name."""

    def test_ids_and_names(self, tmp_path: Path) -> None:
        """Ids, names in any language and case, and stray spaces all resolve."""
        path = tmp_path / "m.csv"
        path.write_text(
            "Deliverable, chief financial officer ,FIN,总部,board\n"
            "Annual budget,A,R,I,\n"
            "New thing,,A/R,,C\n"
        )
        org = raci.load(path, org=loads(ORG))
        assert assignments(org) == [
            ("budget", "A", "cfo"),
            ("budget", "I", "hq"),
            ("budget", "R", "fin"),
            ("new-thing", "A", "fin"),
            ("new-thing", "C", "board"),
            ("new-thing", "R", "fin"),
        ]
        budget = org.deliverables["budget"]
        assert budget.names.texts == {"en": "Annual budget", "zh": "年度预算"}
        assert budget.group == "money"
        assert set(org.units) == {"hq", "fin", "ops"}

    def test_unknown_and_ambiguous_headers(self, tmp_path: Path) -> None:
        """A header that names no party, or two, is an error at its cell."""
        path = tmp_path / "m.csv"
        path.write_text("Task,Finanse Division,Clerk,cfo,CFO\nplan,A,R,C,I\n")
        with pytest.raises(raci.LoadError) as info:
            raci.load(path, org=loads(ORG))
        reasons = [str(p) for p in info.value.findings]
        assert reasons[0].startswith(f"{path}:1:6: column header `Finanse Division` is not")
        assert "did you mean `Finance Division`?" in reasons[0]
        assert reasons[1] == (
            f"{path}:1:23: column header `Clerk` names 2 parties (clerk-ops, clerk-fin);"
            " write the id instead"
        )
        assert reasons[2] == f"{path}:1:33: party `cfo` has a second column (the first at D1)"


class TestXlsx:
    """Workbooks: the first sheet or a named one; errors name the cell."""

    def test_first_sheet_with_title_rows(self, tmp_path: Path) -> None:
        """Title rows above the header are skipped; numbers and blanks are read as text."""
        path = write_xlsx(
            tmp_path / "m.xlsx",
            [
                ["RACI of the finance team"],
                [],
                ["Task", "Ann", "Bo", None],
                ["plan", "A", " r ", None],
                [2021, "A/R", None, None],
            ],
        )
        org = raci.load(path)
        assert list(org.external) == ["ann", "bo"]
        assert assignments(org) == [
            ("2021", "A", "ann"),
            ("2021", "R", "ann"),
            ("plan", "A", "ann"),
            ("plan", "R", "bo"),
        ]
        assert str(org.deliverables["plan"].assignments[0].location) == f"{path}!Sheet1!C4"

    def test_error_location_names_sheet_and_cell(self, tmp_path: Path) -> None:
        """`matrix.xlsx!Sheet1!D7: reason`, with line and column kept as numbers."""
        rows: list[list[object]] = [["Task", "Ann", "Bo", "Cy"]]
        rows += [[f"t{i}", "A", "R", None] for i in range(5)]
        rows.append(["t5", "A", "R", "maybe"])
        path = write_xlsx(tmp_path / "matrix.xlsx", rows)
        [problem] = [f for f in raci.validate(raci.load(path)) if f.rule == "unreadable-cell"]
        assert f"{problem.location}: {problem.message}".startswith(
            f"{path}!Sheet1!D7: cannot read `maybe` as roles"
        )
        assert (problem.location.file, problem.location.line, problem.location.column) == (
            str(path),
            7,
            4,
        )
        assert problem.location.cell == "Sheet1!D7"

    def test_named_sheet(self, tmp_path: Path) -> None:
        """--sheet chooses another sheet; an unknown name lists the sheets."""
        book = openpyxl.Workbook()
        book.active.title = "Notes"
        book.active.append(["nothing here"])
        ws = book.create_sheet("RACI")
        ws.append(["Task", "Ann"])
        ws.append(["plan", "A/R"])
        path = tmp_path / "m.xlsx"
        book.save(path)
        assert assignments(raci.load(path, sheet="RACI")) == [
            ("plan", "A", "ann"),
            ("plan", "R", "ann"),
        ]
        with pytest.raises(
            raci.LoadError,
            match="no sheet named `Other`; the workbook's sheets are `Notes`, `RACI`",
        ):
            raci.load(path, sheet="Other")

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        """A broken file is a LoadError, not a traceback."""
        path = tmp_path / "m.xlsx"
        path.write_text("not a zip")
        with pytest.raises(raci.LoadError, match="not a readable XLSX workbook"):
            raci.load(path)


class TestMarkdown:
    """Pipe tables in documents; the legend table is not the matrix."""

    def test_legend_table_first(self) -> None:
        """The matrix is found after a legend; bold rows are groups; escapes are undone."""
        path = DATA / "legend-first.md"
        found = raci.validate(raci.load(path))
        [problem] = [f for f in found if f.rule == "unreadable-cell"]
        assert f"{problem.location}: {problem.message}" == (
            f"{path}:21:55: cannot read `yes` as roles; expected letters of RACI (R, A, C, I)"
            " such as `A`, `R/A` or `-`"
        )
        [skipped] = [f for f in found if f.rule == "tables-read"]
        assert skipped.message == "table skipped: it explains the role letters (a legend)"

    def test_legend_table_first_reads(self, tmp_path: Path) -> None:
        """Without the bad cell the file is a model with its groups and parties."""
        text = (DATA / "legend-first.md").read_text().replace("| yes |", "|     |")
        path = tmp_path / "RACI.md"
        path.write_text(text)
        org = raci.load(path)
        assert [p.name for p in org.external.values()] == [
            "Product owner",
            "Dev team",
            "QA",
            "Support | Ops",
        ]
        assert [g.name for g in org.groups.values()] == ["Release", "Incidents"]
        triage = org.deliverables["triage-incidents"]
        assert [(a.role, a.party) for a in triage.assignments] == [
            ("R", "qa"),
            ("R", "support-ops"),
            ("A", "support-ops"),
            ("C", "dev-team"),
            ("I", "product-owner"),
        ]
        assert triage.group == "incidents"

    def test_legend_with_letters_in_cells(self, tmp_path: Path) -> None:
        """A legend that has the letters in its cells loses to a small matrix all the same."""
        path = tmp_path / "RACI.md"
        path.write_text(
            "| Role | Letter |\n|---|---|\n| Responsible | R |\n| Accountable | A |\n"
            "| Consulted | C |\n\n"
            "| Task | Ann | Bo |\n|---|---|---|\n| plan | A | R |\n"
        )
        assert assignments(raci.load(path)) == [("plan", "A", "ann"), ("plan", "R", "bo")]

    def test_one_table_per_section(self, tmp_path: Path) -> None:
        """Tables with the same columns under several headings read as one, grouped."""
        path = tmp_path / "RACI.md"
        path.write_text(
            "# RACI\n\n## Finance ##\n\n| Task | Ann | Bo |\n|---|---|---|\n| budget | A | R |\n"
            "\n## Operations\n\nSome words.\n\n| Task | Ann | Bo |\n|---|---|---|\n"
            "| ship | R | A |\n| audit | A/R | bad |\n"
        )
        [bad] = [f for f in raci.validate(raci.load(path)) if f.rule == "unreadable-cell"]
        assert f"{bad.location}: {bad.message}".endswith(
            "RACI.md:16:17: cannot read `bad` as roles; expected letters of RACI (R, A, C, I)"
            " such as `A`, `R/A` or `-`"
        )
        path.write_text(path.read_text().replace("| bad |", "| C |"))
        org = raci.load(path)
        assert {d.id: d.group for d in org.deliverables.values()} == {
            "budget": "finance",
            "ship": "operations",
            "audit": "operations",
        }
        assert org.groups["finance"].location.line == 3

    def test_sections_with_other_columns(self, tmp_path: Path) -> None:
        """Tables with different columns are all read; a party in two is one party."""
        path = tmp_path / "RACI.md"
        path.write_text(
            "| Task | Ann |\n|---|---|\n| a | R |\n\n"
            "| Task | Bo | Ann |\n|---|---|---|\n| b | A | R |\n"
        )
        org = raci.load(path)
        assert list(org.deliverables) == ["a", "b"]
        assert list(org.external) == ["ann", "bo"]

    def test_no_table(self, tmp_path: Path) -> None:
        """A document without a table is a clear error."""
        path = tmp_path / "RACI.md"
        path.write_text("# Nothing\n\nJust words | and a pipe.\n")
        with pytest.raises(raci.LoadError, match="no table found"):
            raci.load(path)

    def test_tables_in_code_fences_are_skipped(self) -> None:
        """A table shown as code is not a table."""
        text = "```\n| a | b |\n|---|---|\n| x | A |\n```\n\n| c | d |\n|---|---|\n| y | R |\n"
        tables = markdown_tables(text, "x.md")
        assert len(tables) == 1
        assert tables[0].rows[0] == (7, ("c", "d"))

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("**Bold**", "Bold"),
            ("*em*", "em"),
            ("`R`", "R"),
            (r"a \| b", "a | b"),
            (r"back\\slash", "back\\slash"),
            (r"\*literal\*", "*literal*"),
            (r"**ends in backslash\\**", "ends in backslash\\"),
            (r"\**not bold\**", "**not bold**"),
            ("two<br>lines", "two\nlines"),
            (r"\<br\>", "<br>"),
        ],
    )
    def test_cell_text(self, raw: str, text: str) -> None:
        """Emphasis around the whole cell goes; escapes are undone."""
        assert cell_text(raw) == text

    def test_with_org(self, tmp_path: Path) -> None:
        """Rows and columns named by name resolve against the org."""
        path = tmp_path / "RACI.md"
        path.write_text(
            textwrap.dedent(
                """\
                | Deliverable | Finance Division | cfo |
                |---|---|---|
                | Annual budget | R | A |
                """
            )
        )
        org = raci.load(path, org=loads(ORG))
        assert assignments(org) == [("budget", "A", "cfo"), ("budget", "R", "fin")]
