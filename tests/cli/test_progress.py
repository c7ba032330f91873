"""Long work says how far it has got: on a terminal, one line on stderr rewritten in place;
piped, nothing at all. The library reports its steps to whoever asks for them."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import raci
import raci.progress
from helpers import EXAMPLES
from raci.cli import _progress, main
from raci.cli._progress import TerminalLine, how_far
from raci.render.cascade.sheets import render_cascade

Step = tuple[str, int, int, str]


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _steps(call: object) -> list[Step]:
    """The steps reported while ``call`` runs."""
    steps: list[Step] = []
    with raci.progress.reporting(lambda *step: steps.append(step)):
        call()  # type: ignore[operator]
    return steps


def _agency(tmp_path: Path, divisions: int = 6) -> Path:
    """An org sheet of a top unit, ``divisions`` divisions, 4 branches in each and 4
    sections in each branch."""
    rows = ["id,name,parent", "top,The Agency,"]
    for d in range(divisions):
        rows.append(f"d{d},Division {d},top")
        for b in range(4):
            rows.append(f"d{d}b{b},Branch {d}.{b},d{d}")
            rows += [f"d{d}b{b}s{s},Section {d}.{b}.{s},d{d}b{b}" for s in range(4)]
    path = tmp_path / "agency.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class TestTheLine:
    def test_nothing_in_the_first_second_then_at_most_five_a_second(self) -> None:
        clock, out = Clock(), FakeTerminal()
        line = TerminalLine(out, clock)
        line("drawing the chart", 1, 40, "pages")
        assert out.getvalue() == ""
        clock.now += _progress.DELAY
        line("drawing the chart", 12, 40, "pages")
        assert out.getvalue() == "\rdrawing the chart: 12 of 40 pages"
        clock.now += _progress.INTERVAL / 2
        line("drawing the chart", 13, 40, "pages")
        assert out.getvalue().count("\r") == 1
        clock.now += _progress.INTERVAL
        line("drawing the chart", 14, 40, "pages")
        assert out.getvalue().endswith("\rdrawing the chart: 14 of 40 pages")

    def test_cleared_when_the_work_is_done(self) -> None:
        clock, out = Clock(), FakeTerminal()
        line = TerminalLine(out, clock)
        clock.now += _progress.DELAY
        line("writing the cascade sheets", 1_200, 50_000, "posts")
        shown = "writing the cascade sheets: 1,200 of 50,000 posts"
        line("writing the cascade sheets", 50_000, 50_000, "posts")
        assert out.getvalue() == f"\r{shown}\r{' ' * len(shown)}\r"
        line.clear()  # nothing left to clear
        assert out.getvalue().count("\r") == 3

    def test_a_shorter_line_covers_a_longer_one(self) -> None:
        clock, out = Clock(), FakeTerminal()
        line = TerminalLine(out, clock)
        clock.now += _progress.DELAY
        line("building the model", 10_000, 150_000, "deliverables")
        clock.now += _progress.INTERVAL
        line("checking the rules", 3, 30, "rules")
        last = out.getvalue().rsplit("\r", 1)[1]
        assert last.rstrip() == "checking the rules: 3 of 30 rules"
        assert len(last) == len("building the model: 10,000 of 150,000 deliverables")

    def test_no_wider_than_the_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("COLUMNS", "30")
        clock, out = Clock(), FakeTerminal()
        line = TerminalLine(out, clock)
        clock.now += _progress.DELAY
        line("parsing 人居署的组织模型文件.yaml\x1b[2J", 5, 10, "")
        assert out.getvalue() == "\rparsing 人居署的组织模型文件."  # 29 columns
        clock.now += _progress.INTERVAL
        line("parsing a.yaml\x1b[2J", 5, 10, "")  # a name's escape sequence is shown escaped
        assert out.getvalue().rsplit("\r", 1)[1].rstrip() == "parsing a.yaml\\x1b[2J: 50%"

    def test_a_part_with_no_meaning_to_a_reader_as_a_percentage(self) -> None:
        assert how_far("parsing org.yaml", 450, 1000, "") == "parsing org.yaml: 45%"
        assert how_far("reading org.yaml", 0, 0, "") == "reading org.yaml: 0%"


class TestTheLibrarySaysHowFar:
    def test_a_chart_book(self, tmp_path: Path) -> None:
        org = raci.load(_agency(tmp_path))
        out = tmp_path / "book.pdf"
        steps = _steps(lambda: raci.render_chart(org, out, paper="A4", split_by="auto"))
        planned = [s for s in steps if s[0] == "planning the chart's pages"]
        assert planned[-1] == ("planning the chart's pages", 127, 127, "units")
        assert [d for _, d, _, _ in planned] == sorted(d for _, d, _, _ in planned)
        drawn = [s[1:] for s in steps if s[0] == "drawing the chart"]
        pages = drawn[-1][1]
        assert pages > 1
        assert drawn == [(i, pages, "pages") for i in range(pages + 1)]
        assert ("laying out the chart", pages, pages, "pages") in steps

    def test_cascade_sheets(self, tmp_path: Path) -> None:
        org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
        steps = _steps(lambda: render_cascade(org, tmp_path / "sheets.xlsx"))
        posts = len(org.positions)
        written = [s[1:] for s in steps if s[0] == "writing the cascade sheets"]
        assert written == [(i, posts, "posts") for i in range(posts + 1)]
        assert ("gathering the cascade sheets", posts, posts, "posts") in steps

    def test_a_yaml_model_and_its_rules(self) -> None:
        text = (EXAMPLES / "un-habitat-2020" / "org.yaml").read_text(encoding="utf-8")
        steps = _steps(lambda: raci.validate(raci.loads(text, file="org.yaml")))
        parsed = [s for s in steps if s[0] == "parsing org.yaml"]
        assert parsed[-1] == ("parsing org.yaml", len(text), len(text), "")
        assert ("reading org.yaml", len(text), len(text), "") in steps
        rules = [s for s in steps if s[0] == "checking the rules"]
        assert rules[-1][1:] == (rules[-1][2], rules[-1][2], "rules")
        assert rules[-1][2] > 10

    def test_a_long_list_is_built_a_part_at_a_time(self) -> None:
        deliverables = [{"id": f"d{i}", "raci": {"A": "u", "R": "u"}} for i in range(25_000)]
        text = json.dumps({"units": [{"id": "u"}], "deliverables": deliverables})
        steps = _steps(lambda: raci.loads(text, "json"))
        assert steps == [
            ("building the model", done, 25_000, "deliverables")
            for done in (0, 10_000, 20_000, 25_000)
        ]

    def test_nothing_asked_nothing_told(self) -> None:
        raci.progress.step("drawing the chart", 1, 2, "pages")  # no callback: no effect
        assert list(raci.progress.each("x", [1, 2], "things")) == [1, 2]


class TestTheCommandLine:
    @pytest.fixture
    def at_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No wait before the line shows, and every step shown."""
        monkeypatch.setattr(_progress, "DELAY", 0.0)
        monkeypatch.setattr(_progress, "INTERVAL", 0.0)

    def _run(self, monkeypatch: pytest.MonkeyPatch, stderr: io.StringIO, *args: str) -> str:
        monkeypatch.setattr(sys, "stderr", stderr)
        with pytest.raises(SystemExit) as done:
            main(list(args))
        assert done.value.code == 0
        return stderr.getvalue()

    @pytest.mark.usefixtures("at_once")
    def test_a_terminal_sees_how_far_the_book_is(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        sheet, out = _agency(tmp_path), tmp_path / "book.pdf"
        args = ("chart", str(sheet), "--paper", "A4", "--split-by", "auto", "-o", str(out))
        shown = self._run(monkeypatch, FakeTerminal(), *args)
        lines = [line.strip() for line in shown.split("\r") if line.strip()]
        assert "drawing the chart: 0 of" in shown
        assert any(line.startswith("planning the chart's pages: ") for line in lines)
        # Every line was blanked once its work was done: nothing is left on the terminal.
        assert shown.endswith("\r")
        assert shown.rsplit("\r", 2)[1].strip() == ""

    @pytest.mark.usefixtures("at_once")
    def test_piped_nothing_more(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        sheet, out = _agency(tmp_path), tmp_path / "book.pdf"
        args = ("chart", str(sheet), "--paper", "A4", "--split-by", "auto", "-o", str(out))
        assert self._run(monkeypatch, io.StringIO(), *args) == ""
        assert out.read_bytes().startswith(b"%PDF")

    @pytest.mark.usefixtures("at_once")
    def test_validate_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        model = EXAMPLES / "un-habitat-2020" / "org.yaml"
        shown = self._run(monkeypatch, FakeTerminal(), "validate", str(model))
        assert f"\rparsing {model}: " in shown
        assert "\rchecking the rules: " in shown
        assert shown.rsplit("\r", 2)[1].strip() == ""

    @pytest.mark.usefixtures("at_once")
    def test_a_warning_starts_on_a_clean_line(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        sheet, out = _agency(tmp_path, divisions=12), tmp_path / "chart.pdf"
        args = ("chart", str(sheet), "--paper", "A5", "-o", str(out))
        before, warning = self._run(monkeypatch, FakeTerminal(), *args).split("warning: ", 1)
        assert before.endswith("\r")  # the progress line was blanked first
        assert warning.startswith("on A5 paper the chart is scaled to")
