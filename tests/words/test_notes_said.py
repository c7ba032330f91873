"""The notes a table's reader makes, in the reader's language: a note keeps its English
message and hint, and its finding says them in the language asked for."""

from __future__ import annotations

from raci.findings import SourceLocation, say
from raci.model import TableNote

WHERE = SourceLocation("RACI.xlsx", cell="Sheet1!A1")


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
