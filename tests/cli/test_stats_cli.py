"""`raci stats` from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


class TestNamesAndLanguage:
    """Text and Markdown name things in the model's (or the chosen) language; ids on asking;
    the JSON keys by id whatever the options."""

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_names_by_default(self, fmt: str) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", fmt)
        assert code == 0
        assert "External Relations, Strategy, Knowledge and Innovation Division" in out
        assert "Director, Global Solutions Division" in out
        assert "Agenda item 4: 2021 work programme and budget" in out
        assert not re.search(r"\b(erski|dir-gsd|gender-fp|urban-safety-officer)\b", out)

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_ids_on_asking(self, fmt: str) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", fmt, "--ids")
        assert code == 0
        for uid in ("erski", "dir-gsd", "gender-fp", "urban-safety-officer"):
            assert re.search(rf"(^|\| ){re.escape(uid)}\b", out, re.MULTILINE), uid
        assert "Director, Global Solutions Division" not in out

    def test_text_in_chinese(self) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--lang", "zh")
        assert code == 0
        assert out.startswith("统计数据：人居署\n\n结构\n")
        assert re.search(r"^管理幅度（平均） +2\.5$", out, re.MULTILINE)
        assert re.search(r"^全球解决方案司 +窄 +2$", out, re.MULTILINE)
        assert "\n空缺职位\n职位\n" in out

    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_chinese_has_no_english_word_nor_half_width_punctuation(self, fmt: str) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", fmt, "--lang", "zh")
        assert code == 0
        # Role letters (R1 A9) are the scheme's letters, the same in every language.
        assert re.findall(r"[A-Za-z]{2,}", out) == []
        rules = re.compile(r"^\|(-+:?\|)+$", re.MULTILINE)  # Markdown's |---|--:|
        assert re.findall(r"[;:(),]", rules.sub("", out)) == []

    def test_markdown_in_chinese(self) -> None:
        code, out, _ = run("stats", UN_HABITAT, "--format", "markdown", "--lang", "zh")
        assert code == 0
        assert out.startswith("# 统计数据：人居署\n\n## 结构\n\n| 项目 | 数值 |")
        assert "| A | 全球解决方案司司长 | 5 |" in out

    def test_json_keeps_ids(self) -> None:
        _, plain, _ = run("stats", UN_HABITAT, "--format", "json")
        code, chinese, _ = run("stats", UN_HABITAT, "--format", "json", "--lang", "zh")
        assert code == 0
        assert chinese == plain
        assert "erski" in json.loads(chinese)["headcount"]
