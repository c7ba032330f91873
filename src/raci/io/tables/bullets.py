"""A list bullet before a row's name (`` - Receive the requirement``, ``• Plan``): written
to set the tasks off, no part of their names, and no indentation of an outline."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A bullet before a name, with the spaces around it: ``- ``, ``– ``, ``• ``, ``* ``,
#: and the arrows that set headings off (``▶ BRAND``).
_BULLET = re.compile(r"^\s*[-–—•◦▪‣*▶►▸▷]\s+(?=\S)")
#: A bullet some lists of bullets slip into (``_ RTM`` among `` - SRS``): one only there.
_STRAY = re.compile(r"^\s*_\s+(?=\S)")


def listed(names: Iterable[str]) -> bool:
    """Whether names are written as a list: two or more start with a bullet."""
    return sum(1 for name in names if _BULLET.match(name)) >= 2


def unbulleted(name: str, in_list: bool = False) -> str:
    """``name`` without the bullet before it and the spaces around that bullet; a ``_``
    counts as a bullet only ``in_list`` (among names written as a list)."""
    found = _BULLET.match(name) or (_STRAY.match(name) if in_list else None)
    return name[found.end() :] if found else name
