"""Running Graphviz: in-process through pygraphviz, else a ``dot`` executable; CJK fonts."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from raci.exceptions import OutputError

FORMATS = ("svg", "png", "pdf")

#: Families tried in order; the CJK ones first so that Chinese, Japanese and Korean
#: labels get real glyphs, then common Latin families, then the generic one.
CJK_FAMILIES = {
    "ja": ("Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic"),
    "ko": ("Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"),
    "zh-hant": ("Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"),
    "zh": ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"),
}
LATIN_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif")

#: Font files that carry CJK glyphs, for machines without ``fc-list``.
_CJK_FILE = re.compile(
    r"noto\w*cjk|sourcehan|source-han|wqy|wenquanyi|droidsansfallback|uming|ukai|"
    r"pingfang|hiragino|msyh|simsun|simhei|yahei|malgun|meiryo|yugoth",
    re.IGNORECASE,
)
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
_CJK_CHAR = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
#: Lines the bundled fontconfig prints about a newer system configuration it cannot parse.
_NOISE = re.compile(r"^Fontconfig (warning|error):")
_TOO_LARGE = re.compile(r"too large for cairo-renderer bitmaps\. Scaling by ([\d.]+)")
_LOCK = threading.Lock()
#: PNG at print resolution: a chart as wide as A4 in landscape stays sharp.
_ARGS = {"png": "-Gdpi=150"}


class FontWarning(UserWarning):
    """The chart needs glyphs that no installed font has."""


CJK_FONT_HINT = (
    "no font with Chinese, Japanese or Korean characters is installed, so such labels"
    " will show as empty boxes in PNG and PDF (SVG keeps the text); install one, e.g."
    " `apt-get install fonts-noto-cjk` on Debian or Ubuntu,"
    " `dnf install google-noto-sans-cjk-fonts` on Fedora"
)


def font_families(lang: str | None) -> str:
    """A comma-separated font list: the CJK families for ``lang`` (Simplified Chinese unless
    it is Japanese, Korean or Traditional Chinese), the other Noto CJK cuts, then Latin."""
    key = (lang or "").lower().replace("_", "-")
    if key in ("zh-tw", "zh-hk", "zh-mo"):
        key = "zh-hant"
    first = CJK_FAMILIES.get(key) or CJK_FAMILIES.get(key.split("-")[0]) or CJK_FAMILIES["zh"]
    others = [fams[0] for fams in CJK_FAMILIES.values()]
    return ", ".join(dict.fromkeys([*first, *others, *LATIN_FAMILIES]))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean characters."""
    return _CJK_CHAR.search(text) is not None


@functools.cache
def cjk_font_available() -> bool:
    """Whether a font with CJK glyphs is installed (asks fontconfig, else looks at font files)."""
    fc_list = shutil.which("fc-list")
    if fc_list:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            found = subprocess.run(
                [fc_list, ":lang=zh", "family"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            return bool(found.stdout.strip())
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir() and any(_CJK_FILE.search(p.name) for p in root.rglob("*")):
            return True
    return False


def render(dot: str, fmt: str) -> bytes:
    """The DOT text laid out by ``dot`` and rendered as ``fmt`` (svg, png or pdf)."""
    if fmt not in FORMATS:
        msg = f"cannot render {fmt!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    try:
        import pygraphviz
    except ImportError:
        return _render_with_executable(dot, fmt)
    with _LOCK, _quiet_fontconfig():
        try:
            graph = pygraphviz.AGraph(string=dot)
            data = graph.draw(format=fmt, prog="dot", args=_ARGS.get(fmt, ""))
        except (ValueError, pygraphviz.DotError) as exc:
            msg = f"Graphviz could not render the chart: {exc}"
            raise OutputError(msg) from None
    if not isinstance(data, bytes):  # pragma: no cover
        msg = "Graphviz returned no output"
        raise OutputError(msg)
    return data


def _render_with_executable(dot: str, fmt: str) -> bytes:
    exe = shutil.which("dot")
    if exe is None:
        msg = (
            "Graphviz is not available: install pygraphviz (`pip install pygraphviz`)"
            " or Graphviz itself (the `dot` program)"
        )
        raise OutputError(msg)
    done = subprocess.run(
        [exe, f"-T{fmt}", *_ARGS.get(fmt, "").split()],
        input=dot.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    _pass_on(done.stderr.decode("utf-8", "replace"))
    if done.returncode != 0:
        msg = f"Graphviz `dot` failed with exit code {done.returncode}"
        raise OutputError(msg)
    return done.stdout


@contextlib.contextmanager
def _quiet_fontconfig() -> Iterator[None]:
    """Capture what Graphviz writes to file descriptor 2 and pass on all but fontconfig noise."""
    sys.stderr.flush()
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            _pass_on(sink.read().decode("utf-8", "replace"))


def _pass_on(captured: str) -> None:
    """Print what Graphviz said, except fontconfig's noise, in words a user can act on."""
    lines = []
    for line in captured.splitlines():
        if not line.strip() or _NOISE.match(line):
            continue
        scaled = _TOO_LARGE.search(line)
        if scaled:
            line = (
                "warning: the chart is too large for a PNG at full size and was scaled by"
                f" {float(scaled.group(1)):.2f}; SVG and PDF keep it sharp, and --root,"
                " --depth or --split-by make it smaller"
            )
        lines.append(line)
    if lines:
        print("\n".join(lines), file=sys.stderr)


def merge_pdfs(pages: Sequence[bytes]) -> bytes:
    """One PDF with the pages of every PDF in ``pages``, in order."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pages:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
