"""The lines the commands print for people besides their outputs speak the command's
language: ``--lang``, else the configuration's, else the model's; English unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES, console_line
from raci.cli import cli
from raci.cli._notes import notice
from raci.findings import Finding, SourceLocation
from raci.render import engine
from raci.render.engine import FontWarning
from raci.render.reporters import REPORTERS

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
#: The English words of the console lines, none of which a line in another language keeps.
ENGLISH = re.compile(
    r"\b(wrote|warning|note|errors?|warnings|infos?|files?|units?|parties|check)\b"
)


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def _in_language(tmp_path: Path, language: str) -> Path:
    """The UN-Habitat example as a model whose ``language:`` is ``language``."""
    text = UN_HABITAT.read_text(encoding="utf-8").replace(
        "  language: en\n", f"  language: {language}\n", 1
    )
    model = tmp_path / "org.yaml"
    model.write_text(text, encoding="utf-8")
    return model


def _count_line(language: str | None, errors: int) -> str:
    """The closing line of ``raci validate``'s text for a file with ``errors`` errors."""
    found = [Finding.parse_error(SourceLocation("a.yaml", i + 1, 1), "bad") for i in range(errors)]
    text = REPORTERS["text"](languages={"a.yaml": language})({"a.yaml": found})
    return text.splitlines()[-1]


class TestValidateCountLine:
    @pytest.mark.parametrize(
        ("errors", "line"),
        [
            (1, "1 ошибка, 0 предупреждений, 0 примечаний (проверено: 1 файл)"),
            (2, "2 ошибки, 0 предупреждений, 0 примечаний (проверено: 1 файл)"),
            (5, "5 ошибок, 0 предупреждений, 0 примечаний (проверено: 1 файл)"),
            (11, "11 ошибок, 0 предупреждений, 0 примечаний (проверено: 1 файл)"),
            (21, "21 ошибка, 0 предупреждений, 0 примечаний (проверено: 1 файл)"),
        ],
    )
    def test_russian_plurals(self, errors: int, line: str) -> None:
        assert _count_line("ru", errors) == line

    def test_english_is_unchanged(self) -> None:
        assert _count_line(None, 2) == "2 errors, 0 warnings, 0 infos in 1 file"
        assert _count_line("de", 1) == "1 error, 0 warnings, 0 infos in 1 file"

    def test_files_in_two_languages_keep_english(self) -> None:
        found = [Finding.parse_error(SourceLocation("a.yaml", 1, 1), "bad")]
        reporter = REPORTERS["text"](languages={"a.yaml": "fr", "b.yaml": "zh"})
        assert reporter({"a.yaml": found, "b.yaml": []}).splitlines()[-1] == (
            "1 error, 0 warnings, 0 infos in 2 files"
        )

    def test_with_lang(self) -> None:
        mistakes = EXAMPLES / "mistakes" / "org.yaml"
        _, out, _ = run("validate", mistakes, "--lang", "fr")
        assert out.splitlines()[-1] == "8 erreurs, 6 avertissements, 3 remarques dans 1 fichier"
        _, out, _ = run("validate", mistakes)
        assert out.splitlines()[-1] == "8 errors, 6 warnings, 3 infos in 1 file"


class TestWrote:
    def test_with_lang(self, tmp_path: Path) -> None:
        out = tmp_path / "m.md"
        assert run("matrix", UN_HABITAT, "--lang", "ru", "-o", out)[2] == f"записан файл {out}\n"
        assert run("matrix", UN_HABITAT, "-o", out)[2] == f"wrote {out}\n"

    def test_the_models_language_without_lang(self, tmp_path: Path) -> None:
        model, out = _in_language(tmp_path, "fr"), tmp_path / "chart.dot"
        code, stdout, _ = run("chart", model, "--depth", "1", "-o", out)
        assert (code, stdout) == (0, f"écrit\N{NO-BREAK SPACE}: {out}\n")
        assert run("report", model, "-o", tmp_path / "r.html")[2] == (
            f"écrit\N{NO-BREAK SPACE}: {tmp_path / 'r.html'}\n"
        )

    def test_lang_wins_over_the_models_language(self, tmp_path: Path) -> None:
        model, out = _in_language(tmp_path, "fr"), tmp_path / "s.md"
        assert run("staffing", model, "--lang", "zh", "-o", out)[2] == f"已写入 {out}\n"

    def test_an_import_counts_in_the_language(self, tmp_path: Path) -> None:
        sheet = tmp_path / "raci.csv"
        sheet.write_text("Deliverable,Ann,Bob\nPlan,A,R\nBudget,R,A\n", encoding="utf-8")
        (tmp_path / "raci.toml").write_text('lang = "ru"\n', encoding="utf-8")
        out = tmp_path / "model.yaml"
        code, _, err = run("import", sheet, "-o", out)
        assert code == 0
        assert err == (
            f"записан файл {out}: 0 подразделений, 2 стороны, 2 результата;"
            f" проверьте его командой: raci validate {out}\n"
        )
        out.unlink()
        code, _, err = run("import", sheet, "-o", out, "--isolated")
        assert err == (
            f"wrote {out}: 0 units, 2 parties, 2 deliverables; check it with: raci validate {out}\n"
        )


class TestWarningsAndNotes:
    def test_a_note_of_the_reader(self, tmp_path: Path) -> None:
        sheet = tmp_path / "raci.csv"
        sheet.write_text("Project plan RACI\nTask,Ann,Bob\nPlan,A,R\n", encoding="utf-8")
        _, _, err = run("matrix", sheet, "--lang", "es", "-o", tmp_path / "m.md")
        first = err.splitlines()[0]
        assert first.startswith(f"nota: {sheet}:1:1: ")
        assert "`Project plan RACI`" in first
        assert not ENGLISH.search(first.replace("`Project plan RACI`", ""))
        _, _, err = run("matrix", sheet, "-o", tmp_path / "m.md")
        assert err.splitlines()[0].startswith(f"note: {sheet}:1:1: a title or note (1 cell")

    def test_the_commands_own_warning(self) -> None:
        visio = Path(__file__).resolve().parent.parent / "data" / "sheets" / "visio.csv"
        _, _, err = run("matrix", str(visio), "--lang", "ar")
        assert err.startswith(f"تحذير: لا يحتوي {visio} على أي ناتج")
        assert not ENGLISH.search(err.replace(str(visio), ""))

    def test_a_missing_font(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A warning made of a message to say is said in the console's language; its
        ``str`` (what a script sees) stays English."""
        monkeypatch.setattr(engine, "font_available", lambda script: False)
        (said,) = engine.missing_fonts(["人居署"])
        warning = FontWarning(said)
        assert str(warning).startswith("no font with Chinese, Japanese or Korean characters")
        assert notice(warning, FontWarning).startswith("warning: no font with Chinese")
        line = console_line(warning, "zh")
        assert line.startswith("警告：未安装含中文、日文或韩文字符的字体")
        assert "`apt-get install fonts-noto-cjk`" in line
        assert not ENGLISH.search(line)

    def test_a_warning_in_english_only_stays_english(self) -> None:
        assert console_line(UserWarning("Graphviz: x"), "ru") == "warning: Graphviz: x\n"
