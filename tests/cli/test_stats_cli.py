"""`raci stats` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli

UN_HABITAT = str(EXAMPLES / "un-habitat-2020" / "org.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestStats:
    def test_json(self) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert (data["units"], data["positions"], data["deliverables"]) == (16, 20, 29)
        assert data["depth"] == 3
        assert data["vacant_posts"] == ["urban-safety-officer", "dir-rpd"]
        assert data["post_load"]["gender-fp"]["direct"] == {"R": 4, "C": 2, "I": 1}
        assert data["workload"]["ed"]["A"] == 9

    def test_text_is_the_default(self) -> None:
        code, out, _ = run("stats", UN_HABITAT)
        assert code == 0
        assert out.startswith("Figures: UN-Habitat\n\nStructure\n")
        assert "Load per post (busiest first)" in out

    def test_markdown(self) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", "markdown")
        assert code == 0
        assert out.startswith("# Figures: UN-Habitat\n\n## Structure\n\n| figure | value |")

    def test_bad_format_exits_2(self) -> None:
        code, _, err = run("stats", UN_HABITAT, "--format", "yaml")
        assert code == 2
        assert "'yaml' is not one of 'text', 'json', 'markdown'" in err

    def test_unreadable_input(self, tmp_path: Path) -> None:
        code, _, err = run("stats", str(tmp_path / "missing.yaml"))
        assert code == 2
        assert "Traceback" not in err
