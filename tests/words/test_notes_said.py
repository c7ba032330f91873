"""The notes a table's reader makes, in the reader's language: a note keeps its English
message and hint, and its finding says them in the language asked for (the report,
`raci validate --lang`), its fields (quoted texts, places, ids) as written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import untranslated_words, write_workbook
from raci.cli import cli
from raci.findings import Finding, SourceLocation, say
from raci.model import TableNote
from raci.words import words_for

LANGUAGES = ["zh", "es", "fr", "ru", "ar"]
#: The rules whose findings are a table reader's notes.
READERS = {
    "table-reading",
    "tables-read",
    "unreadable-cell",
    "duplicate-row",
    "duplicate-column",
    "names-split",
    "turned-table",
    "catalog-reading",
    "catalog-mismatch",
}
WHERE = SourceLocation("RACI.xlsx", cell="Sheet1!A1")

#: A workbook with a title above its table, a column of notes, a cell that is no role
#: letters, a deliverable named twice and a row that names none.
SHEET = [
    ["RACI chart of the library move", "", "", "", ""],
    ["", "", "", "", ""],
    ["Task", "Lead", "Team", "Board", "Notes"],
    ["Budget", "A", "R", "I", "Due in May, to be reviewed"],
    ["Audit", "A", "R", "XYZ", "Weekly, by the board"],
    ["Budget", "R", "A", "C", "Second look at the figures"],
    ["Plan", "A", "R", "C", "Drafted by the team"],
    ["", "A", "R", "C", ""],
]

#: A document of tables: a contact list, a legend, two tables under headings read as one
#: and a table that assigns no roles.
DOCUMENT = """\
# Plan

| Name | Phone | Email |
|------|-------|-------|
| Ann  |       |       |

| Code | Meaning     |
|------|-------------|
| R    | Responsible |

## Build

| Task   | Lead | Team |
|--------|------|------|
| Budget | A    | R    |

## Ship

| Task  | Lead | Team |
|-------|------|------|
| Audit | A    | R    |

| Item | Status |
|------|--------|
| Desk | done   |
"""

#: What the sheet's reader notes, in English, word for word.
SHEET_NOTES = [
    "a title or note (1 cell, starting `RACI chart of the library move`) is outside the"
    " table that starts at A3, so it is not read",
    "column `Notes` holds data about the deliverables, not roles, so it is set aside",
    "cannot read `XYZ` as roles; expected letters of RACI (R, A, C, I) such as `A`, `R/A` or `-`",
    "this row names `Budget` again (first at {folder}/RACI.xlsx!Sheet!A4); both rows are"
    " kept, this one as `budget-2`",
    "this row has cells but names no deliverable (cell A8 is empty), so it is not read",
]

#: Roles by column, a cell naming two parties at once.
ROLES = """\
| Task   | Responsible | Accountable |
|--------|-------------|-------------|
| Budget | Ann/Bo      | Ann         |
| Audit  | Bo          | Ann         |
"""

#: One assignment per row, with rows that lack a deliverable, a role or a party.
LONG = """\
Task,Who,Role
Budget,Ann,A
Budget,Bo,R
,Bo,C
Audit,Ann,A
Audit,Bo,
Audit,,R
"""

#: One assignment per row under a header that does not say so.
GUESSED = """\
Thing,Person,Letter
Budget,Ann,A
Budget,Bo,R
Audit,Ann,A
Audit,Bo,R
"""


#: A Backstage catalog that names groups and users it does not hold, a user in no group
#: and an entity of a kind raci does not read.
CATALOG = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: acme}
spec: {type: organization, children: [web, ghost], members: [nobody]}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: web}
spec: {type: team, parent: elsewhere}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: ann}
spec: {memberOf: [acme, missing]}
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: bo}
spec: {}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: site}
spec: {}
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("notes")
    (folder / "RACI.md").write_text(DOCUMENT, encoding="utf-8")
    (folder / "roles.md").write_text(ROLES, encoding="utf-8")
    (folder / "long.csv").write_text(LONG, encoding="utf-8")
    (folder / "guessed.csv").write_text(GUESSED, encoding="utf-8")
    (folder / "catalog-info.yaml").write_text(CATALOG, encoding="utf-8")
    return {
        "sheet": write_workbook(folder / "RACI.xlsx", SHEET),
        "document": folder / "RACI.md",
        "roles": folder / "roles.md",
        "long": folder / "long.csv",
        "guessed": folder / "guessed.csv",
        "catalog": folder / "catalog-info.yaml",
    }


def _notes(path: Path) -> list[Finding]:
    """The findings of the file's reader."""
    return [f for f in raci.validate_file(path) if f.rule in READERS]


def _report(path: Path, language: str) -> list[str]:
    """The messages and hints of the notes the report shows."""
    out = path.with_name(f"{path.stem}-{language}.html")
    result = CliRunner().invoke(cli, ["report", str(path), "--lang", language, "-o", str(out)])
    assert result.exit_code == 0, result.output
    items = re.findall(
        r'<li><code class="rule">([a-z-]+)</code>.*?<span class="msg">(.*?)</span>'
        r'.*?<span class="loc">[^<]*</span>(<div class="hint">.*?</div>)?</li>',
        out.read_text(encoding="utf-8"),
    )
    return [html.unescape(f"{m} {h}") for rule, m, h in items if rule in READERS]


def _shown(text: str, folder: Path) -> str:
    text = re.sub(r"<code>.*?</code>|`[^`]*`|<[^>]+>", " ", text)
    return re.sub(rf"{re.escape(str(folder))}\S*", " ", text)


class TestTableNote:
    def test_a_said_note_keeps_its_english(self) -> None:
        message = say("row {row} is read as a heading", row=3)
        hint = say("Write `{name}` in a row of its own.", name="Plan")
        note = TableNote("table-reading", "RACI.xlsx", message, WHERE, hint)
        assert note.message == "row 3 is read as a heading"
        assert note.hint == "Write `Plan` in a row of its own."
        assert note.saying == (message, hint)

    def test_what_it_says_is_no_part_of_it(self) -> None:
        said = TableNote("table-reading", "f", say("row {row}", row=3), WHERE, "Look.")
        plain = TableNote("table-reading", "f", "row 3", WHERE, "Look.")
        assert said == plain
        assert repr(said) == repr(plain)
        assert said.saying is not None
        assert said.saying[1] is None
        assert plain.saying is None


class TestTheNotes:
    def test_the_files_set_off_the_notes(self, files: dict[str, Path]) -> None:
        sheet = _notes(files["sheet"])
        assert {f.rule for f in sheet} == {"table-reading", "unreadable-cell", "duplicate-row"}
        folder = str(files["sheet"].parent)
        assert [f.message for f in sheet] == [m.format(folder=folder) for m in SHEET_NOTES]
        document = _notes(files["document"])
        assert [f.rule for f in document] == ["tables-read"] * 4
        roles = _notes(files["roles"])
        assert [f.message for f in roles] == [
            "`Ann/Bo` is read as 2 parties (`Ann`, `Bo`), as each part names a party elsewhere"
            " in the table"
        ]
        long = _notes(files["long"]) + _notes(files["guessed"])
        assert [f.message for f in long] == [
            "this row names no deliverable, so it is not read",
            "this row gives a party but no role, so it is not read",
            "this row gives a role but no party, so it is not read",
            "read as one assignment per row, as the cells show: the deliverable in `Thing`,"
            " the party in `Person`, the role letters in `Letter`",
        ]
        catalog = _notes(files["catalog"])
        assert [f.rule for f in catalog] == ["catalog-reading"] * 6
        assert catalog[-1].message == (
            "the Component `site` is not read: raci reads Groups and Users"
        )
        assert all(f.saying for f in sheet + document + roles + long + catalog)

    def test_in_english_a_note_says_its_message_and_hint(self, files: dict[str, Path]) -> None:
        for path in files.values():
            for f in _notes(path):
                assert f.saying is not None
                message, hint = f.saying
                assert f.said(words_for("en")) == (f.message, f.hint)
                assert str(message) == f.message
                assert (str(hint) if hint else "") == f.hint

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_report_says_no_english_word_of_the_notes(
        self, files: dict[str, Path], language: str
    ) -> None:
        for path in files.values():
            english = untranslated_words(_notes(path), language)
            assert "read" in english
            shown = _report(path, language)
            assert len(shown) == len(_notes(path))
            said = _shown(" ".join(shown), path.parent)
            left = sorted(w for w in english if re.search(rf"\b{w}\b", said, re.IGNORECASE))
            assert left == [], (path.name, left)

    def test_the_check_finds_english(self, files: dict[str, Path]) -> None:
        path = files["sheet"]
        said = _shown(" ".join(_report(path, "en")), path.parent)
        assert {"outside", "deliverables", "roles", "again"} <= set(re.findall(r"\w+", said))

    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("fr", "la colonne `Notes` contient des données sur les produits"),
            ("es", "esta fila vuelve a nombrar `Budget` (primero en "),
            ("ru", "2 таблицы прочитаны как одна (в строках 13, 19)"),
            ("ar", "يُقرأ `Ann/Bo` طرفين (`Ann`، `Bo`)"),
            ("zh", "读作每行一项分配：交付成果在 `Thing`、相关方在 `Person`"),
            ("es", "el padre `elsewhere` no está en este archivo, así que `web` se coloca"),
            ("zh", "无法将 `XYZ` 读作角色；应为 RACI 的字母（R、A、C、I）"),
        ],
    )
    def test_validate_says_the_notes_in_the_language(
        self, files: dict[str, Path], language: str, expected: str
    ) -> None:
        out = "".join(
            CliRunner().invoke(cli, ["validate", str(path), "--lang", language]).stdout
            for path in files.values()
        )
        assert expected in out
