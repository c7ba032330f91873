"""Shared fixtures."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

# A font set given by a relative path (`FONTCONFIG_FILE=../x.conf python -m pytest`)
# would be looked up again from each folder a test runs a command in.
if os.environ.get("FONTCONFIG_FILE"):
    os.environ["FONTCONFIG_FILE"] = os.path.abspath(os.environ["FONTCONFIG_FILE"])
# Likewise a relative PYTHONPATH (`PYTHONPATH=src`): commands the tests run in other
# folders would otherwise load whichever raci is installed instead of the one under test.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        os.path.abspath(p) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p
    )


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(text: str, name: str = "org.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write
