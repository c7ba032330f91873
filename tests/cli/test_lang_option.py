"""`--lang` on every command that writes for people: the catalog's languages (and their
regions) only, the configuration's `lang` and then the model's language by default."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from raci.cli import cli
from raci.words import words_for

UN = str(EXAMPLES / "un-habitat-2020" / "org.yaml")
BEFORE = str(EXAMPLES / "restructuring" / "before.yaml")
AFTER = str(EXAMPLES / "restructuring" / "after.yaml")

#: Each command that writes for people, and what it is given.
COMMANDS = {
    "chart": ["chart", UN, "-o", "{out}/c.svg"],
    "matrix": ["matrix", UN],
    "cascade": ["cascade", UN, "--unit", "oed"],
    "stats": ["stats", UN],
    "report": ["report", UN, "-o", "{out}/r.html"],
    "diff": ["diff", BEFORE, AFTER],
    "staffing": ["staffing", AFTER, "--before", BEFORE],
    "annex": ["annex", BEFORE, AFTER, "-o", "{out}/a.docx"],
}


def run(args: list[str], out: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [a.format(out=out) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_language_is_a_usage_error_naming_those_there_are(
    command: str, tmp_path: Path
) -> None:
    code, out, err = run([*COMMANDS[command], "--lang", "de"], tmp_path)
    assert code == 2
    assert out == ""
    (line,) = [line for line in err.splitlines() if line.startswith("Error:")]
    assert line == (
        "Error: Invalid value for '--lang': unknown language 'de'; expected one of"
        " ar, en, es, fr, ru, zh, or one with a region (zh-TW)"
    )
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("command", ["matrix", "stats", "diff", "staffing"])
@pytest.mark.parametrize("tag", ["zh", "zh-TW", "zh_Hans", "ZH"])
def test_a_language_is_taken_with_its_region(command: str, tag: str, tmp_path: Path) -> None:
    code, out, _ = run([*COMMANDS[command], "--lang", tag], tmp_path)
    assert code == 0
    assert "：" in out  # the Chinese colon of the fixed words


@pytest.mark.parametrize("tag", ["fr-CA", "es-MX", "ru-RU", "ar-EG"])
def test_each_language_with_a_region_writes_its_own_words(tag: str, tmp_path: Path) -> None:
    code, out, _ = run([*COMMANDS["stats"], "--lang", tag], tmp_path)
    assert code == 0
    english = "Span of control: child units of each unit that has any."
    assert english not in out
    assert words_for(tag).gettext(english) in out


class TestDefaults:
    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        for source, name in ((UN, "org.yaml"), (BEFORE, "v1.yaml"), (AFTER, "v2.yaml")):
            shutil.copy(source, tmp_path / name)
        return tmp_path

    @pytest.mark.parametrize(
        ("args", "chinese"),
        [
            (["stats", "{out}/org.yaml"], "统计数据"),
            (["diff", "{out}/v1.yaml", "{out}/v2.yaml"], "机构调整"),
            (["staffing", "{out}/v2.yaml"], "人员编制"),
        ],
    )
    def test_the_configuration_then_the_command_line(
        self, folder: Path, args: list[str], chinese: str
    ) -> None:
        assert chinese not in run(args, folder)[1]
        (folder / "raci.toml").write_text('lang = "zh"\n', encoding="utf-8")
        assert chinese in run(args, folder)[1]
        assert chinese not in run([*args, "--lang", "en"], folder)[1]

    def test_the_annex_takes_the_configurations_language(self, folder: Path) -> None:
        from docx import Document

        (folder / "raci.toml").write_text('lang = "zh"\n', encoding="utf-8")
        code, _, _ = run(["annex", "{out}/v1.yaml", "{out}/v2.yaml", "-o", "{out}/a.docx"], folder)
        assert code == 0
        assert Document(str(folder / "a.docx")).core_properties.title == "机构调整附件"

    def test_the_models_language(self, folder: Path) -> None:
        model = folder / "org.yaml"
        text = model.read_text(encoding="utf-8")
        model.write_text(text.replace("  language: en\n", "  language: zh\n"), encoding="utf-8")
        code, out, _ = run(["stats", str(model)], folder)
        assert code == 0
        assert out.startswith("统计数据：")
        code, _, _ = run(["chart", str(model), "-o", "{out}/c.svg"], folder)
        assert code == 0
        assert ">图例<" in (folder / "c.svg").read_text(encoding="utf-8")

    def test_a_configuration_with_an_unknown_language_is_refused_at_its_place(
        self, folder: Path
    ) -> None:
        (folder / "raci.toml").write_text('lang = "de"\n', encoding="utf-8")
        code, _, err = run(["stats", "{out}/org.yaml"], folder)
        assert code == 2
        assert "raci.toml:1:1: `lang`: unknown language 'de'; expected one of ar, en" in err
