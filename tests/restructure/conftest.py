"""The restructuring example, copied under names that are no English words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import raci
from helpers import EXAMPLES


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> raci.Diff:
    """The diff of the restructuring example, its files named ``v1.yaml`` and ``v2.yaml``
    in the current folder."""
    for name, copy in (("before.yaml", "v1.yaml"), ("after.yaml", "v2.yaml")):
        shutil.copy(EXAMPLES / "restructuring" / name, tmp_path / copy)
    monkeypatch.chdir(tmp_path)
    return raci.diff(raci.load("v1.yaml"), raci.load("v2.yaml"))
