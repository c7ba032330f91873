"""Text for Mermaid flowcharts as GitHub draws them in Markdown: node ids, labels (written
with Mermaid's entity codes), the title, class definitions, and the limits past which
GitHub draws no diagram."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping

from raci._text import strip_controls
from raci.findings import Said, nsay, number, say

#: Mermaid's own limits, which GitHub keeps: the most characters of a diagram's text and
#: the most lines (edges) it draws.
MAX_TEXT = 50_000
MAX_EDGES = 500

#: What a label cannot hold as it is, as Mermaid's entity codes: ``"`` ends the label,
#: ``#`` would start a code, ``<``, ``>`` and ``&`` are HTML there, ``%`` could make a
#: ``%%{init}%%`` directive (read anywhere in the text), a backtick starts Markdown text,
#: and ``:`` is how Mermaid cuts the last ``;`` off a line holding ``style ...:...#...;``.
#: U+FFFE and U+FFFF, which its YAML reader refuses, are left out.
_CODES = str.maketrans(
    {
        '"': "#quot;",
        "#": "#35;",
        "<": "#lt;",
        ">": "#gt;",
        "&": "#amp;",
        "%": "#37;",
        ":": "#58;",
        "`": "#96;",
        "\t": " ",
        "\ufffe": None,
        "\uffff": None,
    }
)
#: A title is shown as text once Mermaid has sanitised it as HTML, so ``<``, ``>`` and
#: ``&`` would show as entities there: their full-width forms stand in for them.
_TITLE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", "\ufffe": None, "\uffff": None})
_PLAIN = re.compile(r"[A-Za-z0-9]")
#: Ids whose node name would be longer than this are named by their hash.
_LONGEST_ID = 80


class MermaidWarning(UserWarning):
    """A Mermaid diagram is larger than GitHub draws."""


def node_id(ident: str, prefix: str = "u") -> str:
    """The Mermaid node of ``ident``: ``prefix``, ``_``, then the id with every character
    but an ASCII letter or digit written as ``_``, its hex code and ``_`` (``gsd-ops`` is
    ``u_gsd_2d_ops``), so that two ids never share a node, the same id always gets the
    same one and no id reads as a keyword (``end``); a very long id by its hash."""
    name = "".join(c if _PLAIN.fullmatch(c) else f"_{ord(c):x}_" for c in ident)
    if len(name) > _LONGEST_ID:
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{prefix}h_{digest[:24]}"
    return f"{prefix}_{name}"


def label(lines: Iterable[str]) -> str:
    """A node's label in double quotes: ``lines`` (each may hold line breaks of its own)
    one under another, joined by ``<br/>``; control characters dropped, the rest as
    Mermaid's entity codes where it would otherwise read them (``"`` is ``#quot;``)."""
    shown = [
        part.translate(_CODES)
        for line in lines
        for part in strip_controls(line).split("\n")
        if part.strip()
    ]
    return '"' + "<br/>".join(shown) + '"'


def front_matter(title: str) -> list[str]:
    """The lines that give a diagram its title: YAML front matter, the title on one line
    in double quotes; none for an empty title."""
    text = " ".join(strip_controls(title).translate(_TITLE).split())
    if not text:
        return []
    return ["---", f"title: {json.dumps(text, ensure_ascii=False)}", "---"]


def fenced(text: str) -> str:
    """``text`` as a Markdown block that GitHub draws as a diagram."""
    return f"```mermaid\n{text.rstrip()}\n```\n"


def class_def(name: str, style: Mapping[str, str]) -> str:
    """A ``classDef`` line: the class ``name`` and its CSS properties."""
    return f"    classDef {name} {','.join(f'{k}:{v}' for k, v in style.items())}"


def members(name: str, nodes: Iterable[str]) -> list[str]:
    """``class`` lines putting ``nodes`` in the class ``name``, a few dozen to a line."""
    nodes = list(nodes)
    return [f"    class {','.join(nodes[i : i + 40])} {name}" for i in range(0, len(nodes), 40)]


def link_style(indexes: Iterable[int | str], style: Mapping[str, str]) -> list[str]:
    """``linkStyle`` lines giving the lines (edges) numbered ``indexes`` (or ``default``:
    every line) ``style``."""
    found = list(indexes)
    css = ",".join(f"{k}:{v}" for k, v in style.items())
    return [
        f"    linkStyle {','.join(map(str, found[i : i + 40]))} {css}"
        for i in range(0, len(found), 40)
    ]


def size(text: str) -> int:
    """The length of ``text`` as Mermaid measures it (in UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def fits(text: str, edges: int) -> bool:
    """Whether GitHub draws a diagram of ``text`` with ``edges`` lines."""
    return size(text) <= MAX_TEXT and edges <= MAX_EDGES


def too_large(text: str, edges: int) -> Said:
    """What makes a diagram that GitHub does not draw (:func:`fits`) too large: its size
    against the limits it is over."""
    over = []
    if size(text) > MAX_TEXT:
        # Translators: {n} counts the characters of a diagram's text, {most} is the limit.
        over.append(
            nsay(
                "{n} character (GitHub draws at most {most})",
                "{n} characters (GitHub draws at most {most})",
                size(text),
                most=number(MAX_TEXT),
            ).with_fields(n=number(size(text)))
        )
    if edges > MAX_EDGES:
        # Translators: {n} counts the lines (edges) of a diagram, {most} is the limit.
        over.append(
            nsay(
                "{n} line (GitHub draws at most {most})",
                "{n} lines (GitHub draws at most {most})",
                edges,
                most=number(MAX_EDGES),
            ).with_fields(n=number(edges))
        )
    if len(over) == 1:
        return over[0]
    # Translators: {characters} and {lines} say how far a diagram is over each limit.
    return say("{characters} and {lines}", characters=over[0], lines=over[1])
