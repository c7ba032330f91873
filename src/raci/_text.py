"""Plain-text facts every output needs: control characters, display width, the scripts
that need fonts of their own (CJK, Arabic, Hebrew)."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

# C0 and C1 control characters (but tab and newline), the line and paragraph separators,
# and the bidirectional overrides and isolates that can make a terminal or viewer show
# text in another order than it is stored.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL_IN_TEXT = re.compile(f"[{_CONTROLS}]")
#: The same with tab and newline: what one line of output must not hold.
_CONTROL = re.compile(f"[\t\n{_CONTROLS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
#: The letters of the scripts that only some fonts have, by the name :func:`scripts` gives.
SCRIPTS = {
    "cjk": _CJK,
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"),
    "hebrew": re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]"),
}
#: Every C0 and C1 control character: each is shown as one U+FFFD when measured.
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    # C0 as in Python (\x1b); the rest as \u escapes, which JSON reads back too (JSON
    # output never carries a raw C0 character, but may carry the others).
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}")


#: Of those, what an ASCII text can hold: C0 but tab and newline, and DEL, as bytes.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
#: The slice of a long text checked at once (small enough to stay in the processor's cache).
_SLICE = 1 << 18


def _plain_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII without a control character but tab and newline: checked a
    slice at a time as bytes, four times as fast as the regular expression (a report of
    150,000 findings)."""
    if not text.isascii():
        return False
    for at in range(0, len(text), _SLICE):
        part = text[at : at + _SLICE].encode("ascii")
        if len(part.translate(None, _ASCII_CONTROLS)) != len(part):
            return False
    return True


def printable(text: str) -> str:
    """``text`` with control characters (but tab and newline) escaped visibly: ``\\x1b``,
    ``\\u202e``. For a text of several lines; :func:`one_line` for a line."""
    return text if _plain_ascii(text) else _CONTROL_IN_TEXT.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` with every control character, tab and newline among them, escaped
    visibly (``\\n``): what a name or a message becomes on a line of output, so that it
    cannot start a line of its own (a CI workflow command) or steer a terminal."""
    return _CONTROL.sub(_escape, text)


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline are kept)."""
    return _CONTROL_IN_TEXT.sub("", text)


@functools.cache
def _wcswidth() -> Callable[[str], int]:
    """wcwidth's string measure, imported when first needed (the import takes 30 ms, which
    a command that prints only ASCII need not pay)."""
    from wcwidth import wcswidth

    return wcswidth


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (or in a monospaced cell): wide (CJK, fullwidth)
    characters take two, an emoji sequence joined by ZWJ or made wide by VS16 two, combining
    marks and conjoining Hangul vowels and finals none; a control character counts as the one
    U+FFFD it is shown as."""
    if text.isascii():
        return len(text)
    measure = _wcswidth()
    width = measure(text)
    return width if width >= 0 else measure(_ANY_CONTROL.sub("\ufffd", text))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean characters."""
    return _CJK.search(text) is not None


def scripts(text: str) -> set[str]:
    """The scripts of :data:`SCRIPTS` that ``text`` holds letters of (``{"arabic"}``)."""
    return {name for name, letters in SCRIPTS.items() if letters.search(text)}


#: Texts quoted in messages are cut to this many characters.
QUOTE_LIMIT = 60


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut with ``…`` to at most ``limit`` characters."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def quoted(text: str) -> str:
    """A cell's or a key's text for a message: in backticks, on one line, cut short."""
    return f"`{shorten(text)}`"


def escape_html(text: str) -> str:
    """Text safe in HTML content and attributes: markup escaped, control characters
    (terminal escape sequences among them) dropped."""
    return html.escape(strip_controls(text), quote=True)


def counted(n: float, word: str, many: str = "") -> str:
    """``1 post``, ``1,573 posts``, ``0.5 posts``, ``2 parties`` (with ``many``): a count
    and an English noun."""
    shown = int(n) if float(n).is_integer() else n
    return f"{shown:,} {word if shown == 1 else many or word + 's'}"
