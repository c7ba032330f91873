"""Text safe to print on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters, and the bidirectional overrides that can make a
# terminal show text in another order than it is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters (but not tab and newline) shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)
