"""Running Graphviz: the engine bundled in the ``pygraphviz`` wheel, in-process, else a
``dot`` program through the ``graphviz`` package; fonts for the scripts of the labels
(CJK, Arabic, Hebrew), and what to install when a script has none; the frame of a
drawing on paper.

Two bindings, one job each: the ``graphviz`` package *builds* DOT text (and runs a
Graphviz executable when one is all there is); the ``pygraphviz`` wheel's bundled
engine *renders* that text in-process, with nothing but pip. Neither redirects the
host process's file descriptors: Graphviz's own messages are caught through its error
hook and reported with :func:`warnings.warn` as a :class:`GraphvizWarning`, and the
bundled fontconfig is given the system's configuration directly, so that it does not
scan (and complain about) a template folder it cannot parse.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import re
import shutil
import subprocess
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from raci._signals import interruptible
from raci._text import scripts
from raci.exceptions import OutputError
from raci.findings import Said, say

FORMATS = ("svg", "png", "pdf")

#: Families tried in order; the CJK ones first so that Chinese, Japanese and Korean
#: labels get real glyphs, then those of the other scripts a drawing's text holds, then
#: common Latin families, then the generic one.
CJK_FAMILIES = {
    "ja": ("Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic"),
    "ko": ("Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"),
    "zh-hant": ("Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"),
    "zh": ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"),
}
#: The families of the scripts (:data:`raci._text.SCRIPTS`) the Latin families may lack,
#: named only in a drawing whose text holds their letters.
SCRIPT_FAMILIES = {
    "arabic": ("Noto Naskh Arabic", "Noto Sans Arabic"),
    "hebrew": ("Noto Sans Hebrew",),
}
#: A CJK family that comes on many Linux machines, after the Noto and system ones.
CJK_FALLBACK = "WenQuanYi Micro Hei"
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Arial")


@attrs.frozen
class _ScriptFonts:
    """How to tell whether a script's letters have a font: the language fontconfig lists
    its fonts under, a pattern of the names of font files that have them (for machines
    without ``fc-list``); and what a message calls the letters and where to get a font."""

    language: str
    files: re.Pattern[str]
    letters: Said
    install: Said


def _install(debian: str, fedora: str) -> Said:
    """Where to get a font: the Debian and the Fedora package."""
    apt, dnf = f"`apt-get install {debian}`", f"`dnf install {fedora}`"
    # Translators: {apt} and {dnf} are the commands that install a font package, kept.
    return say("{apt} on Debian or Ubuntu, {dnf} on Fedora", apt=apt, dnf=dnf)


_FONTS = {
    "cjk": _ScriptFonts(
        "zh",
        re.compile(
            r"noto\w*cjk|sourcehan|source-han|wqy|wenquanyi|droidsansfallback|uming|ukai|"
            r"pingfang|hiragino|msyh|simsun|simhei|yahei|malgun|meiryo|yugoth",
            re.IGNORECASE,
        ),
        say("Chinese, Japanese or Korean characters"),
        _install("fonts-noto-cjk", "google-noto-sans-cjk-fonts"),
    ),
    "arabic": _ScriptFonts(
        "ar",
        re.compile(r"arab|naskh|kufi|nastaliq|amiri|dejavusans|tahoma", re.IGNORECASE),
        say("Arabic letters"),
        _install("fonts-noto-core", "google-noto-sans-arabic-fonts"),
    ),
    "hebrew": _ScriptFonts(
        "he",
        re.compile(r"hebrew|dejavusans|tahoma", re.IGNORECASE),
        say("Hebrew letters"),
        _install("fonts-noto-core", "google-noto-sans-hebrew-fonts"),
    ),
}
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
#: One render at a time: Graphviz's error hook and fontconfig state are process-wide.
_LOCK = threading.Lock()
#: The layout engine that takes every position (and edge route) from the DOT text.
PINNED = "nop2"
#: The side of the two invisible points that give a drawing on paper its frame (points).
CORNER = 0.72


class FontWarning(UserWarning):
    """The chart needs glyphs that no installed font has."""


class GraphvizWarning(UserWarning):
    """Something Graphviz itself reported while laying out or rendering a chart."""


def font_families(lang: str | None, text: str = "") -> str:
    """A comma-separated font list, the families of the language's own script first (a
    viewer draws each letter from the first family that has it): for a CJK language its
    CJK families (Simplified Chinese unless it is Japanese, Korean or Traditional
    Chinese), the other Noto CJK cuts, the families of each other script whose letters
    ``text`` holds (Arabic, Hebrew), then Latin; for any other language those of the
    scripts ``text`` holds, then Latin, then CJK (for names in it)."""
    key = (lang or "").lower().replace("_", "-")
    if key in ("zh-tw", "zh-hk", "zh-mo"):
        key = "zh-hant"
    own = CJK_FAMILIES.get(key) or CJK_FAMILIES.get(key.split("-")[0])
    others = [fams[0] for fams in CJK_FAMILIES.values()]
    held = scripts(text) if text else set()
    more = [family for name, fams in SCRIPT_FAMILIES.items() if name in held for family in fams]
    if own:
        order = [*own, *others, *more, CJK_FALLBACK, *LATIN_FAMILIES]
    else:
        order = [*more, *LATIN_FAMILIES, *CJK_FAMILIES["zh"], *others, CJK_FALLBACK]
    return ", ".join(dict.fromkeys([*order, "sans-serif"]))


@functools.cache
def font_available(script: str) -> bool:
    """Whether a font with the letters of ``script`` (``cjk``, ``arabic``, ``hebrew``) is
    installed (asks fontconfig, else looks at font files)."""
    fonts = _FONTS[script]
    fc_list = shutil.which("fc-list")
    if fc_list:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            found = subprocess.run(
                [fc_list, f":lang={fonts.language}", "family"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            return bool(found.stdout.strip())
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir() and any(fonts.files.search(p.name) for p in root.rglob("*")):
            return True
    return False


def missing_fonts(texts: Iterable[str]) -> list[Said]:
    """What to tell the user about each script whose letters ``texts`` hold and no
    installed font has (PNG and PDF would draw them as empty boxes): the package to
    install."""
    held: set[str] = set()
    for text in texts:
        held |= scripts(text)
    return [
        say(
            "no font with {letters} is installed, so such labels will show as empty boxes"
            " in PNG and PDF (SVG keeps the text); install one, e.g. {install}",
            letters=fonts.letters,
            install=fonts.install,
        )
        for name, fonts in _FONTS.items()
        if name in held and not font_available(name)
    ]


def render(dot: str, fmt: str, *, engine: str = PINNED, dpi: float | None = None) -> bytes:
    """The DOT text laid out by ``engine`` (by default it keeps the positions the nodes
    and edges carry) and drawn as ``fmt`` (svg, png or pdf), a PNG at ``dpi``."""
    if fmt not in FORMATS:
        msg = f"cannot render {fmt!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    if dpi is not None:
        dot = f"{dot.rstrip().removesuffix('}')}\tdpi={dpi:g}\n}}\n"
    return _run(dot, (fmt,), engine)[0]


def inline_svg(svg: str) -> str:
    """Graphviz's SVG ready to sit inside HTML: no XML prolog, DOCTYPE or comments, and
    nothing that could run (Graphviz writes no script, but make sure)."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<(script|foreignObject)\b.*?</\1\s*>", "", svg, flags=re.DOTALL | re.I)
    svg = re.sub(r"\son[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*')", "", svg, flags=re.I)
    return svg.replace("<svg ", '<svg role="img" ', 1).strip()


def laid_out(dot: str) -> tuple[bytes, bytes]:
    """The DOT text (every node pinned) laid out once and written twice: as Graphviz's JSON
    without drawing operations (``json0``: each node's place, size and attributes, each
    line's route) and as SVG (how each node is drawn)."""
    data, svg = _run(dot, ("json0", "svg"), PINNED)
    return data, svg


def corners(width: float, height: float) -> list[tuple[float, float]]:
    """Where two invisible points of side :data:`CORNER` go so that what a drawing's nodes
    cover is exactly ``width`` × ``height``: given a ``size`` (which it takes in whole
    points), Graphviz scales what the nodes cover to it."""
    half = CORNER / 2
    return [(half, half), (width - half, height - half)]


def measure(dot: str) -> dict[str, tuple[float, float]]:
    """The width and height, in points, that Graphviz gives each node of ``dot`` (whose
    nodes carry a ``pos``); names as in the DOT text, unquoted."""
    plain = _run(dot, ("plain",), PINNED)[0].decode("utf-8")
    sizes: dict[str, tuple[float, float]] = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            name, _x, _y, width, height = _plain_fields(line[5:], 5)
            sizes[name] = (float(width) * 72.0, float(height) * 72.0)
    return sizes


def _plain_fields(text: str, count: int) -> list[str]:
    """The first ``count`` fields of a line of Graphviz's plain output (names may be quoted)."""
    fields: list[str] = []
    rest = text
    while len(fields) < count:
        rest = rest.lstrip(" ")
        if rest.startswith('"'):
            end = 1
            while rest[end] != '"':
                end += 2 if rest[end] == "\\" else 1
            fields.append(rest[1:end].replace('\\"', '"').replace("\\\\", "\\"))
            rest = rest[end + 1 :]
        else:
            head, _, rest = rest.partition(" ")
            fields.append(head)
    return fields


def _run(dot: str, fmts: Sequence[str], engine: str) -> list[bytes]:
    """The DOT text laid out once by ``engine`` and rendered in each of ``fmts``."""
    try:
        import pygraphviz
        from pygraphviz import graphviz as gv
    except ImportError:
        return [_render_with_executable(dot, fmt, engine) for fmt in fmts]
    with _LOCK, _graphviz_messages():
        _system_fonts_quietly()
        try:
            graph = pygraphviz.AGraph(string=dot)
        except (ValueError, pygraphviz.DotError) as exc:
            msg = f"Graphviz could not read the chart: {exc}"
            raise OutputError(msg) from None
        context = gv.gvContextWithBuiltins()
        rendered: list[tuple[str, int, object]] = []
        try:
            with interruptible():
                placed = gv.gvLayout(context, graph.handle, engine.encode()) == 0
                if placed:
                    for fmt in fmts:
                        rendered.append(
                            (fmt, *gv.gvRenderData(context, graph.handle, fmt.encode()))
                        )
                    gv.gvFreeLayout(context, graph.handle)
            if not placed:
                msg = "Graphviz could not lay out the chart"
                raise OutputError(msg)
        finally:
            gv.gvFreeContext(context)
    out = []
    for fmt, error, data in rendered:
        if error or not isinstance(data, bytes):
            msg = f"Graphviz could not render the chart as {fmt}"
            raise OutputError(msg)
        out.append(data)
    return out


def _render_with_executable(dot: str, fmt: str, engine: str) -> bytes:
    """Render with a Graphviz program on the PATH, through the ``graphviz`` package."""
    import graphviz

    pinned = engine == PINNED
    try:
        data: bytes = graphviz.pipe(
            "neato" if pinned else engine,
            fmt,
            dot.encode("utf-8"),
            neato_no_op=2 if pinned else None,
            quiet=True,
        )
        return data
    except graphviz.ExecutableNotFound:
        msg = (
            "Graphviz is not available: install pygraphviz (`pip install pygraphviz`)"
            " or Graphviz itself (the `dot` program)"
        )
        raise OutputError(msg) from None
    except graphviz.CalledProcessError as exc:
        said = (exc.stderr or b"").decode("utf-8", "replace").strip() if exc.stderr else ""
        msg = f"Graphviz failed with exit code {exc.returncode}" + (f": {said}" if said else "")
        raise OutputError(msg) from None


# -- the bundled engine's libraries -----------------------------------------------

_ERROR_HOOK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p)


@functools.cache
def _bundled(prefix: str) -> ctypes.CDLL | None:
    """A library the pygraphviz wheel bundles (already loaded by it), or None."""
    try:
        import pygraphviz
    except ImportError:
        return None
    here = Path(pygraphviz.__file__).parent
    for folder in (here.parent / "pygraphviz.libs", here / ".dylibs"):
        for file in sorted(folder.glob(f"{prefix}*")) if folder.is_dir() else []:
            with contextlib.suppress(OSError):
                return ctypes.CDLL(str(file))
    return None


@functools.cache
def _system_fonts_quietly() -> bool:
    """Give the bundled fontconfig the configuration it would load by itself (the file
    FONTCONFIG_FILE names, else the system's fonts.conf), without the scan of fontconfig's
    template folder that makes an older bundled copy print warnings about a newer
    system's files. Returns whether that worked; when not, fontconfig starts as usual."""
    lib = _bundled("libfontconfig")
    if lib is None:
        return False
    try:
        lib.FcConfigCreate.restype = ctypes.c_void_p
        lib.FcConfigParseAndLoad.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.FcConfigSetCurrent.argtypes = [ctypes.c_void_p]
        lib.FcConfigDestroy.argtypes = [ctypes.c_void_p]
        config = lib.FcConfigCreate()
        if not config:
            return False
        if not lib.FcConfigParseAndLoad(config, None, 1) or not lib.FcConfigSetCurrent(config):
            lib.FcConfigDestroy(config)
            return False
    except AttributeError:
        return False
    return True


@contextlib.contextmanager
def _graphviz_messages() -> Iterator[None]:
    """Catch what Graphviz reports through its error hook and pass it on as warnings."""
    lib = _bundled("libcgraph")
    if lib is None:
        yield
        return
    pieces: list[str] = []

    def hook(message: bytes | None) -> int:
        pieces.append((message or b"").decode("utf-8", "replace"))
        return 0

    callback = _ERROR_HOOK(hook)
    lib.agseterrf.restype = ctypes.c_void_p
    lib.agseterrf.argtypes = [ctypes.c_void_p]
    previous = lib.agseterrf(ctypes.cast(callback, ctypes.c_void_p))
    try:
        yield
    finally:
        lib.agseterrf(previous)
        for line in "".join(pieces).splitlines():
            line = re.sub(r"^(Warning|Error): ", "", line.strip())
            if line:
                warnings.warn(f"Graphviz: {line}", GraphvizWarning, stacklevel=4)
