"""The change as a Mermaid flowchart in a Markdown report (``raci diff --format markdown
--mermaid``): the new structure, each unit with the marks, colours, border and notes of
the change picture, the abolished units in a group of their own, and a key of the kinds
shown, in the report's language. When GitHub would not draw the whole structure, the units
that changed are drawn with those above them; when it would not draw even those, a
sentence says so instead."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from raci.findings import say
from raci.render.change.marks import KINDS, LOOKS, MOVED_LINE, Captions
from raci.render.chart.pages import depths
from raci.render.mermaid import (
    MermaidWarning,
    class_def,
    fenced,
    fits,
    front_matter,
    label,
    link_style,
    members,
    node_id,
    too_large,
)
from raci.restructure.diff import Diff

#: How a border style of the change picture is dashed.
DASHES = {"dotted": "2 2", "dashed": "6 3"}


def change_diagram(change: Diff, lang: str | None = None) -> str:
    """The change as Markdown for a report: a fenced ``mermaid`` block of the whole new
    structure, or of the units that changed and those above them (after a sentence saying
    so) when GitHub would not draw the whole, or a sentence saying the change is too large
    to draw; nothing when nothing changed. Warns with a
    :class:`~raci.render.mermaid.MermaidWarning` when it leaves units out."""
    if change.empty:
        return ""
    captions = Captions(change, lang)
    new = change.new
    order = list(dict.fromkeys([u for top in new.roots for u in depths(new, top)] + [*new.units]))
    text, edges = _flowchart(captions, order)
    if fits(text, edges):
        return fenced(text)
    whole = too_large(text, edges)
    changed = {u for u, kinds in captions.kinds.items() if kinds != ["same"]}
    for uid in list(changed):
        changed.update(new.ancestors(uid))
    if changed or change.units_removed:
        text, edges = _flowchart(captions, [u for u in order if u in changed])
        if fits(text, edges):
            # Translators: {size} says how large the diagram of the whole structure is.
            note = say(
                "the whole structure as a Mermaid diagram has {size}: only the units that"
                " changed are drawn, with those above them",
                size=whole,
            )
            warnings.warn(MermaidWarning(note), stacklevel=2)
            only = captions.words.gettext(
                "Only the units that changed are drawn, with the units above them: the whole"
                " structure is larger than GitHub draws as a diagram."
            )
            return f"{only}\n\n{fenced(text)}"
        # Translators: {size} says how large the diagram of the units that changed is.
        said = say(
            "the change as a Mermaid diagram has {size}, even with only the units that"
            " changed: the report says so instead of drawing it",
            size=too_large(text, edges),
        )
    else:
        # Translators: {size} says how large the diagram is.
        said = say(
            "the change as a Mermaid diagram has {size}: the report says so instead of drawing it",
            size=whole,
        )
    warnings.warn(MermaidWarning(said), stacklevel=2)
    # Translators: {command} is the command that draws the change as a picture.
    larger = captions.words.gettext(
        "The change is larger than GitHub draws as a diagram; {command} draws it as a picture.",
        command="`raci diff -o change.svg`",
    )
    return larger + "\n"


def _flowchart(captions: Captions, units: Sequence[str]) -> tuple[str, int]:
    """The flowchart of ``units`` of NEW (in tree order), the abolished units and the key;
    and how many lines it has."""
    change, words = captions.change, captions.words
    new = change.new
    shown = set(units)
    lines = [*front_matter(captions.title()), "flowchart TB"]
    classes: dict[str, list[str]] = {}
    for uid in units:
        kinds = captions.kinds[uid]
        text = label(_marked(kinds, captions.name(new, uid), captions.notes(uid)))
        lines.append(f"    {node_id(uid)}[{text}]")
        classes.setdefault(kinds[0], []).append(node_id(uid))
    reporting = [(p, c) for p in units for c in new.children(p) if c in shown]
    lines += [f"    {node_id(p)} --> {node_id(c)}" for p, c in reporting]
    removed = change.units_removed
    drawn = {k for uid in units for k in captions.kinds[uid]} | (
        {"abolished"} if removed else set()
    )
    keyed = [k for k in KINDS if k in drawn]
    # Unseen lines from a lowest unit to the groups put them under the tree, not beside
    # its top.
    level = {u: d for top in new.roots for u, d in depths(new, top).items()}
    lowest = max(units, key=lambda u: level.get(u, 0), default=None)
    groups = [node_id(e["unit"] or "", "o") for e in removed[:1]] + [f"key_{k}" for k in keyed[:1]]
    unseen = [f"    {node_id(lowest)} ~~~ {group}" for group in groups] if lowest else []
    lines += unseen
    if removed:
        heading = label([words.abolished_units(len(removed))])
        lines.append(f"    subgraph abolished [{heading}]")
        for e in removed:
            node = node_id(e["unit"] or "", "o")
            text = label(
                _marked(["abolished"], captions.name(change.old, e["unit"]), [captions.was(e)])
            )
            lines.append(f"        {node}[{text}]")
            classes.setdefault("abolished", []).append(node)
        lines.append("    end")
    if keyed:
        key = label([words.words.gettext("Key")])
        lines.append(f"    subgraph key [{key}]")
        for k in keyed:
            lines.append(f"        key_{k}[{label(_marked([k], words.key_entries[k], []))}]")
            classes.setdefault(k, []).append(f"key_{k}")
        lines.append("    end")
    for k in keyed:
        lines.append(class_def(k, _style(k)))
        lines += members(k, classes[k])
    if removed:
        frame = LOOKS["abolished"].line
        lines.append(f"    style abolished fill:#ffffff,stroke:{frame},stroke-dasharray:6 3")
    if keyed:
        lines.append(f"    style key fill:#ffffff,stroke:{LOOKS['same'].line}")
    moved = [i for i, (_, c) in enumerate(reporting) if "moved" in captions.kinds[c]]
    moved_line = {"stroke": MOVED_LINE["color"], "stroke-width": f"{MOVED_LINE['penwidth']}px"}
    lines += link_style(moved, moved_line)
    return "\n".join(lines) + "\n", len(reporting) + len(unseen)


def _marked(kinds: list[str], name: str, notes: list[str]) -> list[str]:
    """A box's lines: the marks of its kinds before its name, then its notes."""
    mark = " ".join(LOOKS[k].mark for k in kinds if LOOKS[k].mark)
    return [f"{mark} {name}" if mark else name, *notes]


def _style(kind: str) -> dict[str, str]:
    """A kind's box as CSS: the change picture's fill, border colour, width and dashes."""
    look = LOOKS[kind]
    style = {"fill": look.fill, "stroke": look.line, "stroke-width": f"{look.border}px"}
    if look.style in DASHES:
        style["stroke-dasharray"] = DASHES[look.style]
    return style
