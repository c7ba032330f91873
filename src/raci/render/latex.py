"""What every LaTeX output shares: escaping, and the standalone document around a table
(fonts for pdflatex, xelatex and lualatex, CJK when needed, a language read right to left
through LuaLaTeX and babel, paper, a running header and numbered pages)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from raci._text import has_cjk, strip_controls
from raci.render.printing import page_number_pieces
from raci.words import is_rtl, primary_language

__all__ = ["MARGIN_CM", "beyond_pdflatex", "row_start", "tex_document", "tex_escape", "upright"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    # In braces, so that a cell starting with "[" is no optional argument of the "\\"
    # that ends the row before it ("\\[80cm]").
    "[": "{[}",
    "]": "{]}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _SPECIAL))
#: Characters no standard TeX font has: emoji and pictographs, dingbats, variation
#: selectors, joiners, private use.
_NO_GLYPH = re.compile(
    "[\u200b-\u200d\u2060\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff\ufe00-\ufe0f"
    "\U0001f000-\U0001ffff\U000e0000-\U000e007f]"
)
#: The page margins, in centimetres.
MARGIN_CM = 1.5
#: The label on the last page, whose page number is the number of pages.
_LAST_PAGE = "raci-last-page"


def tex_escape(text: str) -> str:
    """Text safe in LaTeX: every special character written as a command, on one line,
    without control characters or characters no TeX font can set (emoji)."""
    text = " ".join(_NO_GLYPH.sub("", strip_controls(text)).split())
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


def row_start(text: str) -> str:
    """An escaped first cell of a row, which must not start with ``*`` either (after
    ``\\`` it would be the starred form)."""
    return "{}" + text if text.startswith("*") else text


def _page_number(language: str | None) -> str:
    """The page number ("Page 3 of 20", in ``language``) as LaTeX, counting the pages."""
    counters = {"{n}": r"\thepage{}", "{total}": rf"\pageref{{{_LAST_PAGE}}}"}
    out = []
    for piece in page_number_pieces(language):
        if piece in counters:
            out.append(counters[piece])
        else:
            # Spaces around the words stay: they part the words from the numbers.
            lead = " " if piece[:1].isspace() else ""
            tail = " " if piece[-1:].isspace() else ""
            out.append(lead + tex_escape(piece) + tail)
    return "".join(out)


#: Text pdflatex sets with its T1 fonts: Latin letters (Latin-1 and Latin Extended-A),
#: and common punctuation; CJK goes through the CJK package.
_PDFLATEX = re.compile(r"[\x00-\u017f\u2010-\u2027\u2030-\u205e\u20ac]")
#: Fonts LuaLaTeX falls back to, each where it is installed, for scripts the main font
#: lacks.
_FALLBACKS = (
    "Noto Sans CJK SC",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Hebrew",
    "Noto Sans Thai",
    "DejaVu Sans",
)


#: The fonts that set a language read right to left, the first installed taken (Debian:
#: fonts-noto-core, fonts-dejavu-core), and babel's name for the language; others are
#: named by their tag and set in the Arabic fonts.
_ARABIC_FONTS = ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans")
_RTL = {
    "ar": ("arabic", _ARABIC_FONTS),
    "fa": ("persian", _ARABIC_FONTS),
    "ur": ("urdu", ("Noto Nastaliq Urdu", *_ARABIC_FONTS)),
    "he": ("hebrew", ("Noto Serif Hebrew", "Noto Sans Hebrew", "DejaVu Sans")),
}


def beyond_pdflatex(texts: Iterable[str]) -> str:
    """The first character of ``texts`` that pdflatex cannot set (Cyrillic, Greek,
    Arabic, Devanagari, Vietnamese, combining marks, ∑...), or ''."""
    for text in texts:
        for ch in tex_escape(text):
            if not _PDFLATEX.match(ch) and not has_cjk(ch):
                return ch
    return ""


def _fallbacks() -> list[str]:
    """The fonts LuaLaTeX falls back to (``racifallback``), each where it is installed."""
    fallbacks = "".join(
        rf"\IfFontExistsTF{{{font}}}{{\edef\racifallbacks{{\racifallbacks"
        rf' "{font}:mode=harf;",}}}}{{}}'
        for font in _FALLBACKS
    )
    return [
        r"\def\racifallbacks{}",
        r"\ifLuaTeX",
        "  " + fallbacks,
        r"  \directlua{luaotfload.add_fallback('racifallback', {\racifallbacks})}",
    ]


def _right_to_left(language: str) -> list[str]:
    """The head of a document in a language read right to left: LuaLaTeX and babel, which
    set it right to left (``bidi=basic``; its Latin words left to right, in a Latin font),
    in the first installed font of its script; other engines stop with a message naming
    lualatex, and a missing font with one naming the package that has it."""
    tag = primary_language(language)
    name, fonts = _RTL.get(tag, (tag, _ARABIC_FONTS))
    engine = (
        "This document is read right to left: compile it with lualatex (Debian: texlive-luatex)"
    )
    locale = (
        f"This document needs babel's {name} (babel-{tag}.ini):"
        " install a newer babel (Debian: texlive-latex-base)"
    )
    missing = f"No font for {name} is installed: install one (Debian: fonts-noto-core)"
    chosen = rf"\errmessage{{{missing}}}"
    for font in reversed(fonts):
        chosen = (
            rf"\IfFontExistsTF{{{font}}}{{\babelfont[{name}]{{rm}}"
            rf"[Renderer=HarfBuzz,RawFeature={{fallback=racifallback}}]{{{font}}}}}{{{chosen}}}"
        )
    return [
        r"\documentclass[10pt]{article}",
        f"% {engine}, and a font for {name} ({', '.join(fonts)}; Debian: fonts-noto-core).",
        r"\usepackage{iftex}",
        r"\ifLuaTeX\else\errmessage{" + engine + r"}\fi",
        r"\usepackage{fontspec}",
        *_fallbacks(),
        r"\fi",
        rf"\IfFileExists{{babel-{tag}.ini}}{{}}{{\errmessage{{{locale}}}}}",
        r"\usepackage[bidi=basic]{babel}",
        rf"\babelprovide[import={tag},main]{{{name}}}",
        r"\babelprovide[import,onchar=ids fonts]{english}",
        r"\IfFontExistsTF{DejaVu Serif}"
        r"{\babelfont{rm}[RawFeature={fallback=racifallback}]{DejaVu Serif}}{}",
        chosen,
    ]


def upright(box: str, *, rtl: bool = False) -> str:
    """``box`` (LaTeX) turned to read upwards; in a document read right to left, turned
    left to right (babel mirrors a rotated box otherwise)."""
    turned = rf"\rotatebox{{90}}{{{box}}}"
    return rf"\babelsublr{{{turned}}}" if rtl else turned


def _unicode_engine(first: str) -> list[str]:
    """The head of a document that needs lualatex or xelatex: pdflatex stops with a
    message naming them; the others set a main font with the scripts, LuaLaTeX falling
    back to installed fonts for what it lacks."""
    name = unicodedata.name(first, f"U+{ord(first):04X}").title()
    message = (
        f"This document has text pdflatex cannot set ({name}): compile it with lualatex or xelatex"
    )
    return [
        r"\documentclass[10pt]{article}",
        f"% {message}.",
        r"\usepackage{iftex}",
        r"\ifPDFTeX\errmessage{" + message + r"}\fi",
        r"\usepackage{fontspec}",
        *_fallbacks(),
        r"  \IfFontExistsTF{DejaVu Serif}"
        r"{\setmainfont{DejaVu Serif}[RawFeature={fallback=racifallback}]}"
        r"{\setmainfont{Latin Modern Roman}[RawFeature={fallback=racifallback}]}",
        r"\else",
        r"  \IfFontExistsTF{DejaVu Serif}{\setmainfont{DejaVu Serif}}{}",
        r"\fi",
    ]


def tex_document(
    body: Sequence[str],
    *,
    paper: str,
    header: tuple[str, str],
    language: str | None,
    texts: Iterable[str],
    preamble: Sequence[str] = (),
) -> str:
    """A standalone document (pdflatex, xelatex or lualatex; CJK text through the CJK
    package, xeCJK or luatexja; a ``language`` read right to left through lualatex)
    holding ``body``, on ``paper`` (geometry's options, such as ``a4paper,landscape``),
    each page headed by ``header`` (left and right, plain text; right and left read
    right to left) and numbered "Page 3 of 20" (run LaTeX twice for the total).
    ``texts`` are the plain texts the body shows, to tell whether it needs CJK fonts;
    ``preamble`` lines come after the packages."""
    left, right = header
    shown = [*texts, left, right, "".join(page_number_pieces(language))]
    rtl = is_rtl(language)
    first = "" if rtl else beyond_pdflatex(shown)
    cjk = not rtl and not first and any(has_cjk(t) for t in shown)
    if rtl:
        out = _right_to_left(language or "")
    elif first:
        out = _unicode_engine(first)
    else:
        out = [
            r"\documentclass[10pt]{article}",
            "% Compile with pdflatex, xelatex or lualatex (twice, for the page count).",
            r"\usepackage{iftex}",
            r"\ifPDFTeX",
            r"  \usepackage[T1]{fontenc}",
            r"  \usepackage[utf8]{inputenc}",
        ]
    if cjk:
        out += [r"  \usepackage{CJKutf8}", r"\else\ifXeTeX", r"  \usepackage{xeCJK}"]
        out += [r"\else", r"  \usepackage{luatexja}", r"\fi\fi"]
    elif not first and not rtl:
        out.append(r"\fi")
    out += [
        rf"\usepackage[{paper},margin={MARGIN_CM}cm,includehead,includefoot,headheight=14pt]"
        r"{geometry}",
        r"\usepackage{booktabs,longtable,graphicx,array,fancyhdr}",
        *preamble,
        r"\pagestyle{fancy}",
        r"\fancyhf{}",
        r"\lhead{\small " + tex_escape(left) + "}",
        r"\rhead{\small " + tex_escape(right) + "}",
        r"\cfoot{\small " + _page_number(language) + "}",
        r"\begin{document}",
    ]
    if cjk:
        out.append(r"\ifPDFTeX\begin{CJK}{UTF8}{gbsn}\fi")
    out += [*body, rf"\label{{{_LAST_PAGE}}}"]
    if cjk:
        out.append(r"\ifPDFTeX\end{CJK}\fi")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
