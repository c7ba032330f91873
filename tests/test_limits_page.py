"""docs/limits.md says the bounds raci applies: every number it gives is the constant in
the code, and every bound on what raci reads is on it."""

from __future__ import annotations

import ast
import importlib
import re

import pytest

from helpers import ROOT
from raci.exceptions import OutputError
from raci.io import most_assignments
from raci.render.cascade.limits import LIMITS, check_characters, check_roles

PAGE = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
#: A row of a table of constants: | `module.NAME` | 16,777,216 (16 MB) | what it bounds |
CONSTANT_ROW = re.compile(r"^\| `(raci(?:\.\w+)+)\.(\w+)` \| ([\d,]+)\b", re.MULTILINE)
#: Names that size a layout rather than bound work: widths of text columns, heading rows.
LAYOUT = {"MAX_HEADER_WIDTH", "MAX_LABEL_WIDTH", "MAX_GROUP_ROWS"}


def _constants() -> list[tuple[str, str, int]]:
    return [(m, name, int(value.replace(",", ""))) for m, name, value in CONSTANT_ROW.findall(PAGE)]


def test_the_page_is_in_the_docs() -> None:
    assert "\nlimits\n" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("module", "name", "value"), _constants())
def test_each_number_is_the_constant(module: str, name: str, value: int) -> None:
    assert getattr(importlib.import_module(module), name) == value


def test_every_bound_of_the_code_is_on_the_page() -> None:
    """Each module-level MAX_, MOST_ or LEAST_ constant of the package (layout sizes
    aside) is a row of the page (under the module that defines it, or one that gives it
    to the public)."""
    named = {name for _, name, _ in _constants()}
    found = set()
    for path in (ROOT / "src" / "raci").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT / "src").with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                names = target.elts if isinstance(target, ast.Tuple) else [target]
                for n in names:
                    if isinstance(n, ast.Name) and re.match(r"(MAX|MOST|LEAST)_", n.id):
                        found.add((module, n.id))
    assert len(found) > 10
    missing = {(m, n) for m, n in found if n not in LAYOUT and n not in named}
    assert not missing, f"bounds not on docs/limits.md: {sorted(missing)}"


def test_the_cascade_table_is_the_limits() -> None:
    rows = re.findall(r"^\| (\w+) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \|$", PAGE, re.MULTILINE)
    shown = {name: tuple(int(n.replace(",", "")) for n in numbers) for name, *numbers in rows}
    assert shown == {x.name: (x.posts, x.roles, x.characters) for x in LIMITS.values()}


def test_the_roles_a_text_gives() -> None:
    assert "1,000,000 plus half the text's characters" in PAGE
    assert (most_assignments(0), most_assignments(1_000)) == (1_000_000, 1_000_500)


@pytest.mark.parametrize(
    ("check", "count", "posts"),
    [(check_roles, 9_000_000, 3_000), (check_characters, 960_007_560, 400)],
)
def test_the_cascade_messages_are_the_ones_shown(check, count: int, posts: int) -> None:
    with pytest.raises(OutputError) as info:
        check(count, posts, "html")
    assert f"\nerror: {info.value}\n" in PAGE
