"""A large YAML file read without libyaml is noted, once, as a warning (a note on the
command line)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import raci
from raci.cli import main
from raci.exceptions import SlowParserWarning
from raci.io import _yaml

TEXT = "version: 1\nunits:\n  - id: top\n    name: Top\n"


class TestSlowParserNote:
    def test_large_file_without_libyaml_is_noted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The pure-Python parser on a file of the slow size warns."""
        monkeypatch.setattr(_yaml, "LIBYAML", False)
        monkeypatch.setattr(_yaml, "SLOW_SIZE", len(TEXT))
        with pytest.warns(SlowParserWarning, match="pure-Python parser"):
            raci.loads(TEXT)

    @pytest.mark.parametrize(("libyaml", "extra"), [(True, 0), (False, 1)])
    def test_libyaml_or_a_small_file_is_not(
        self, monkeypatch: pytest.MonkeyPatch, libyaml: bool, extra: int
    ) -> None:
        """libyaml, or a file below the slow size, says nothing."""
        monkeypatch.setattr(_yaml, "LIBYAML", libyaml)
        monkeypatch.setattr(_yaml, "SLOW_SIZE", len(TEXT) + extra)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            raci.loads(TEXT)

    def test_command_line_notes_it_once(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two large files on one command line: one line on stderr, `note: ...`."""
        monkeypatch.setattr(_yaml, "LIBYAML", False)
        monkeypatch.setattr(_yaml, "SLOW_SIZE", len(TEXT))
        path = tmp_path / "org.yaml"
        path.write_text(TEXT, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            with pytest.raises(SystemExit) as done:
                main(["validate", str(path), str(path)])
        assert done.value.code == 0
        err = capsys.readouterr().err
        assert err.count("note: reading a large YAML file") == 1
        assert err.count("\n") == 1
