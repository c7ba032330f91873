"""Build-time pages and figures for the raci documentation.

When the build starts, this writes ``docs/_generated/`` (git-ignored): the rule reference,
made from the rule registry, and the files the tutorial and the how-to guides show (charts,
matrices, the report, cascade sheets, the restructuring diff), made by running raci itself
on the bundled examples. So the site always shows what this version of raci does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from click.testing import CliRunner

from raci.cli import cli
from raci.rules import iter_rules
from raci.rules.registry import Rule

if TYPE_CHECKING:  # Sphinx is needed to build, not to make the pages (the tests do that)
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
DOCS = Path(__file__).resolve().parent.parent
ROOT = DOCS.parent
OUT = DOCS / "_generated"

# (file under _generated/, raci arguments), run in a folder laid out as the tutorial's
# (the UN-Habitat model as un-habitat.yaml, the restructuring's two files, the HR export
# and the Backstage catalog beside it), so
# that what the pages show is what the reader's commands write.
UNH = "un-habitat.yaml"
OLD, NEW = "before.yaml", "after.yaml"
#: The HR export and the Backstage catalog of the how-to guides, as their pages name them.
WORKERS, CATALOG = "workers.csv", "catalog.yaml"
#: The model in Arabic that the page on right-to-left outputs has the reader save.
ESCWA = "escwa.yaml"
FIGURES: list[tuple[str, list[str]]] = [
    ("chart.svg", ["chart", UNH, "--depth", "2"]),
    ("chart-full.svg", ["chart", UNH]),
    ("chart.zh.svg", ["chart", UNH, "--depth", "2", "--lang", "zh"]),
    ("matrix.md", ["matrix", UNH, "--level", "division"]),
    ("matrix.html", ["matrix", UNH]),
    ("report.html", ["report", UNH]),
    ("cascade.md", ["cascade", UNH, "--post", "gender-fp"]),
    ("cascade.html", ["cascade", UNH]),
    ("diff.md", ["diff", OLD, NEW]),
    ("change.svg", ["diff", OLD, NEW]),
    ("lineage.svg", ["diff", OLD, NEW, "--style", "side-by-side"]),
    ("hr-people.svg", ["chart", WORKERS]),
    ("hr-units.svg", ["chart", WORKERS, "--group-by", "department"]),
    ("catalog.svg", ["chart", CATALOG, "--positions"]),
    ("chart.ar.svg", ["chart", ESCWA]),
]


def _write(path: Path, data: bytes) -> None:
    """Write only what changed, so that Sphinx rebuilds only the pages that need it."""
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def make_figures(out: Path) -> None:
    """Run raci on the examples and keep what it writes."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "examples" / "un-habitat-2020" / "org.yaml", work / UNH)
        for name in (OLD, NEW):
            shutil.copy(ROOT / "examples" / "restructuring" / name, work / name)
        shutil.copy(ROOT / "examples" / "hr-export" / WORKERS, work / WORKERS)
        shutil.copy(ROOT / "examples" / "backstage" / CATALOG, work / CATALOG)
        model = caption_block(DOCS / "howto" / "arabic.md", ESCWA)
        (work / ESCWA).write_text(model, encoding="utf-8")
        for name, args in FIGURES:
            target = work / name
            code, output = _invoke([*args, "-o", name], work)
            if code != 0 or not target.exists():
                msg = f"raci {' '.join(args)} failed ({code}): {output}"
                raise RuntimeError(msg)
            _write(out / name, target.read_bytes())


def caption_block(page: Path, name: str) -> str:
    """The text of the code block captioned ``name`` on a page: a file the reader saves."""
    text = page.read_text(encoding="utf-8")
    found = re.search(
        rf"^```{{code-block}} [\w-]+\n:caption: {re.escape(name)}\n\n(.*?)^```$",
        text,
        re.M | re.S,
    )
    if found is None:
        msg = f"{page}: no code block captioned {name}"
        raise RuntimeError(msg)
    return found.group(1)


def make_paper_pages(out: Path) -> None:
    """The A4 pages of the 2,000-unit guide, from the script on that page."""
    page = DOCS / "howto" / "print-large-organization.md"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "make_org.py").write_text(caption_block(page, "make_org.py"), encoding="utf-8")
        subprocess.run([sys.executable, "make_org.py"], cwd=work, check=True, capture_output=True)
        args = ["chart", "agency.csv", "--paper", "A4", "--split-by", "division"]
        code, output = _invoke([*args, "-o", "agency.svg"], work)
        if code != 0:
            msg = f"raci {' '.join(args)} failed ({code}): {output}"
            raise RuntimeError(msg)
        _write(out / "a4-overview.svg", (work / "agency-01.svg").read_bytes())
        _write(out / "a4-division.svg", (work / "agency-02.svg").read_bytes())


def _invoke(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run raci with ``cwd`` as the current folder."""
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, args, prog_name="raci", catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.exit_code, result.output


def example_output(r: Rule) -> str:
    """What ``raci validate`` prints for the rule's example, run where the example is."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / r.example_file).write_text(r.example, encoding="utf-8")
        return _invoke(["validate", r.example_file], Path(tmp))[1]


def _fence(text: str, lang: str) -> str:
    ticks = "````" if "```" in text else "```"
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}\n"


def rule_section(r: Rule) -> str:
    """One rule's section of the reference."""
    parts = [
        f"(rule-{r.name})=\n## `{r.name}` ({r.code})\n",
        f"**Severity:** {r.severity.value}. **Meaning:** {r.summary}\n",
    ]
    rows = [
        "| setting | default | meaning |",
        "|---|---|---|",
        f"| `severity` | `{r.severity.value}` | `error`, `warning` or `info` |",
        "| `enabled` | `true` | `false` (or `{name}: off`) turns the rule off |".replace(
            "{name}", r.name
        ),
    ]
    rows += [f"| `{key}` | `{o.default}` | {o.about} |" for key, o in r.options.items()]
    parts.append("**Settings** (under `rules:` in the file):\n\n" + "\n".join(rows) + "\n")
    if r.extra is not None and type(r.extra).__doc__:
        extra = " ".join(type(r.extra).__doc__.split())
        parts.append(f"Also: {extra.replace('``', '`')}\n")
    if r.example:
        lang = "markdown" if r.example_file.endswith(".md") else "yaml"
        parts.append(f"**Example** (`{r.example_file}`):\n\n" + _fence(r.example, lang))
        parts.append(
            f"`raci validate {r.example_file}` prints:\n\n" + _fence(example_output(r), "text")
        )
    if r.fix:
        parts.append(f"**How to fix it:** {r.fix}\n")
    return "\n".join(parts)


def rules_page() -> str:
    """The rule reference: every registered rule, by code."""
    head = "<!-- Generated from the rule registry by docs/_ext/raci_docs.py; do not edit. -->\n\n"
    return head + "\n".join(rule_section(r) for r in iter_rules())


def generate(app: Sphinx) -> None:
    """Write docs/_generated/ before Sphinx reads the pages."""
    from sphinx.util import logging

    logging.getLogger(__name__).info("raci: generating the rule reference and the figures")
    _write(OUT / "rules.md", rules_page().encode())
    make_figures(OUT)
    make_paper_pages(OUT)


def resolve_short_name(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    """Link a bare Python name in a docstring (``:class:`ChartWarning```, written in the
    module that defines it but shown on the page of ``raci``) to the one documented
    object of that name."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    domain = env.get_domain("py")
    found = [
        name
        for name, entry in domain.objects.items()
        if name.rsplit(".", 1)[-1] == target and not entry.aliased
    ]
    if len(found) != 1 or found[0] == target:
        return None
    node["reftarget"] = found[0]
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], found[0], node, contnode
    )


def setup(app: Sphinx) -> dict[str, Any]:
    from pygments.lexers.special import TextLexer

    app.connect("builder-inited", generate)
    app.connect("missing-reference", resolve_short_name)
    # The format pages show CSV files; Pygments has no CSV lexer, and they read fine plain.
    app.add_lexer("csv", TextLexer)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
