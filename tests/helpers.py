"""Helpers the tests share."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import click
from click.testing import CliRunner

import raci
from raci.cli._notes import notice
from raci.findings import Listed, Said

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: A UN regional commission named in Arabic (its language) and English, before and after a
#: restructuring: the model of the right-to-left outputs.
ARABIC = ROOT / "tests" / "data" / "arabic"


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line of ``text`` that contains ``needle``."""
    for i, line in enumerate(textwrap.dedent(text).lstrip("\n").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str) -> int:
    """The 1-based column where ``needle`` starts on its line."""
    lines = textwrap.dedent(text).lstrip("\n").splitlines()
    return lines[line_of(text, needle) - 1].index(needle) + 1


def loads(text: str, fmt: str = "yaml") -> raci.Organization:
    """Load dedented model text."""
    return raci.loads(textwrap.dedent(text).lstrip("\n"), fmt, file="org." + fmt)


def write_table(tmp_path: Path, rows: list[list[str]], suffix: str) -> Path:
    """The rows as a Markdown pipe table, a CSV file or an XLSX workbook."""
    path = tmp_path / f"table{suffix}"
    if suffix == ".md":
        lines = ["# Who does what", ""]
        lines.append("| " + " | ".join(rows[0]) + " |")
        lines.append("|" + "---|" * len(rows[0]))
        lines += ["| " + " | ".join(c.replace("\n", "<br>") for c in r) + " |" for r in rows[1:]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        import csv

        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for r in rows:
            book.active.append(r)
        book.save(path)
    return path


def write_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    merges: tuple[str, ...] = (),
    fonts: dict[int, tuple[bool, int]] | None = None,
) -> Path:
    """A workbook of one sheet holding ``rows`` from A1 (an empty text is an empty cell),
    with the ranges merged; with ``fonts``, every cell in 11 pt but the rows given (by
    number) in their own font (bold, size)."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    for number, row in enumerate(rows, start=1):
        book.active.append([c if c != "" else None for c in row])
        if fonts is not None:
            bold, size = fonts.get(number, (False, 11))
            for cell in book.active[number]:
                cell.font = Font(bold=bold, size=size)
    for merge in merges:
        book.active.merge_cells(merge)
    book.save(path)
    return path


def rows_read(org: raci.Organization) -> set[int]:
    """The lines or rows of a file that something of ``org`` was read from."""
    places = [d.location for d in org.deliverables.values()]
    places += [a.location for d in org.deliverables.values() for a in d.assignments]
    places += [g.location for g in org.groups.values()]
    places += [u.location for u in org.units.values()]
    places += [p.location for p in org.positions.values()]
    return {p.line for p in places}


def workbook_rows(path: Path) -> tuple[raci.Organization, set[int], set[int]]:
    """A workbook's model, its rows that hold something, and the rows something of the
    model was read from or a finding is said at: for the every-row-read-or-reported count."""
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    filled = {row[0].row for row in sheet.iter_rows() if any(c.value for c in row)}
    org = raci.load(path)
    reported = {f.location.line for f in raci.validate(org) if f.location.file == str(path)}
    return org, filled, rows_read(org) | reported


def pdflatex(
    path: Path, runs: int = 1, engine: str = "pdflatex", timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """pdflatex (or ``engine``, such as lualatex) run ``runs`` times on ``path`` in its
    folder (twice for page references); the last run's result, its PDF beside ``path``."""
    for _ in range(runs):
        done = subprocess.run(
            [engine, "-interaction=nonstopmode", "-halt-on-error", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    return done


def benchmark(name: str) -> ModuleType:
    """The module ``name`` of benchmarks/ (scripts, not a package), imported."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


#: The statements the Mermaid writers emit, one a line: front matter, the diagram's type,
#: a node, a line between nodes, a group's start and end, classes and styles.
MERMAID_NODE = re.compile(r'^ +(\w+)(\(\[|\[|\()"([^"]*)"(\]\)|\]|\))$')
MERMAID_LINE = re.compile(r"^ +(\w+) (-->|-\.->|~~~) (\w+)$")
MERMAID_OTHER = re.compile(
    r'^(---|title: "(?:[^"\\]|\\.)*"|flowchart TB| +end| +direction LR'
    r'| +subgraph \w+ \["[^"]*"\]| +classDef \w+ [\w#:,. -]+| +class [\w,]+ \w+'
    r"| +linkStyle (?:default|[\d,]+) [\w#:,. -]+| +style \w+ [\w#:,. -]+)$"
)


def mermaid_text(label: str) -> str:
    """A Mermaid label as Mermaid shows it: entity codes decoded, ``<br/>`` a line break."""
    import html

    def code(m: re.Match[str]) -> str:
        return html.unescape(f"&#{m[1]};" if m[1].isdigit() else f"&{m[1]};")

    return re.sub(r"#(\w+);", code, label.replace("<br/>", "\n"))


def mermaid_parts(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """The nodes (id: label as shown) and lines (from, arrow, to) of Mermaid text; every
    line must be a statement the writers emit, so a name that broke out of its label
    fails here."""
    nodes: dict[str, str] = {}
    lines: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if m := MERMAID_NODE.match(line):
            assert m[1] not in nodes, line
            nodes[m[1]] = mermaid_text(m[3])
        elif m := MERMAID_LINE.match(line):
            lines.append((m[1], m[2], m[3]))
        else:
            assert MERMAID_OTHER.match(line), line
    return nodes, lines


def mermaid_blocks(markdown: str) -> list[str]:
    """The text of each ```mermaid block of a Markdown text."""
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.M | re.S)


def mmdc(tmp_path: Path, diagrams: list[str]) -> list[str]:
    """Each diagram drawn by mermaid-cli as SVG (one Chromium for all): skips the test
    without ``mmdc`` and a Chromium; fails when mermaid-cli cannot parse one."""
    import json
    import shutil

    import pytest

    tool = shutil.which("mmdc")
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    if tool is None or browser is None:
        pytest.skip("mermaid-cli (mmdc) and Chromium are not installed")
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": browser, "args": ["--no-sandbox"]}))
    source = tmp_path / "diagrams.md"
    source.write_text("".join(f"```mermaid\n{d}```\n\n" for d in diagrams), encoding="utf-8")
    done = subprocess.run(
        [tool, "-q", "-p", str(config), "-i", str(source), "-o", str(tmp_path / "drawn.md")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [
        (tmp_path / f"drawn-{i}.svg").read_text(encoding="utf-8")
        for i in range(1, len(diagrams) + 1)
    ]


def svg_labels(svg: str) -> str:
    """The text of an SVG drawn by Mermaid: its labels (HTML in ``foreignObject``) and its
    other text, one piece a line."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    found = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("foreignObject", "text"):
            found.append("".join(element.itertext()))
    return "\n".join(found)


def translated_messages(language: str) -> list[tuple[str, str]]:
    """The English texts (both forms of a plural) that the catalog translates into
    ``language``, each with its translations (joined)."""
    from babel.messages.pofile import read_po

    po = ROOT / "src" / "raci" / "words" / "locale" / language / "LC_MESSAGES" / "raci.po"
    with po.open("rb") as f:
        catalog = read_po(f)
    texts: list[tuple[str, str]] = []
    for m in catalog:
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.id and not m.fuzzy and all(strings):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            texts += [(text, " ".join(strings)) for text in ids]
    return texts


def english_words(language: str = "zh") -> set[str]:
    """Every English word of three letters or more in the texts the catalog translates
    into ``language`` (their ``{fields}`` aside), but those the translation keeps too
    (a command, raci's name)."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]+\}", " ", text)))

    return {
        w
        for text, translated in translated_messages(language)
        for w in words(text) - words(translated)
    }


def placed_text(sheet: Any) -> list[tuple[str, float, float]]:
    """The pieces of text of a PDF page (pypdf's), each with where it starts (x, y in
    points)."""
    placed: list[tuple[str, float, float]] = []

    def seen(text: str, cm: Any, tm: Any, *_: Any) -> None:
        if text.strip():
            placed.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    sheet.extract_text(visitor_text=seen)
    return placed


def findings_of(org: raci.Organization, rule: str) -> list[raci.Finding]:
    """The findings of ``rule`` on ``org``."""
    return [f for f in raci.validate(org) if f.rule == rule]


def roles_of(org: raci.Organization) -> dict[str, list[tuple[str, str]]]:
    """Each deliverable's id and its (role, party) pairs, in order."""
    return {d.id: [(a.role, a.party) for a in d.assignments] for d in org.deliverables.values()}


def groups_of(org: raci.Organization) -> dict[str, str | None]:
    """Each deliverable's id and the name of its group."""
    return {d.id: org.groups[d.group].name if d.group else None for d in org.deliverables.values()}


#: The marks pdftotext wraps text read right to left in (embeddings and their end).
_BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))


def printed_lines(path: Path) -> list[str]:
    """The lines of the PDF LibreOffice prints of ``path`` (a Word document or a workbook),
    as ``pdftotext -layout`` sets them out: each word where it stands on the page."""
    folder = path.parent
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = path.with_suffix(".pdf")
    assert pdf.exists(), f"LibreOffice printed no PDF: {done.stdout}{done.stderr}"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    ).stdout
    return [line.translate(_BIDI_MARKS) for line in text.splitlines()]


def untranslated_words(said: Iterable[raci.Finding | Said], language: str) -> set[str]:
    """The English words of the messages (those of findings: their messages and hints;
    and of the messages in their fields), fields and code aside, that the language's own
    words of those messages do not write too (a file name, `raci`): what must not show in
    an output in ``language``."""
    from raci.words import words_for

    def found(text: str) -> set[str]:
        return set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]+\}|`[^`]*`", " ", text)))

    words = words_for(language)
    english: set[str] = set()
    translated: set[str] = set()
    stack: list[object] = [
        s
        for item in said
        for s in (item.saying or () if isinstance(item, raci.Finding) else (item,))
        if s is not None
    ]
    while stack:
        message = stack.pop()
        if isinstance(message, Listed):
            stack.extend(message.items)
        if not isinstance(message, Said):
            continue
        stack.extend(message.fields.values())
        english |= found(message.text) | found(message.plural)
        if message.plural:
            forms = {words.ngettext(message.text, message.plural, n) for n in (0, 1, 2, 5, 11, 100)}
        else:
            forms = {words.gettext(message.text)}
        translated |= set().union(*map(found, forms))
    return english - translated


def code_of(said: Said) -> list[str]:
    """The text fields of a message and of the messages in its fields (ids, options,
    commands: never translated), longest first."""
    stack: list[object] = [said]
    code: set[str] = set()
    while stack:
        field = stack.pop()
        if isinstance(field, str):
            code.add(field)
        elif isinstance(field, Listed):
            stack.extend(field.items)
        elif isinstance(field, Said):
            stack.extend(field.fields.values())
    return sorted(code, key=len, reverse=True)


@click.command()
@click.option("--lang")
@click.pass_obj
def _noticed(warning: Warning, lang: str | None) -> None:
    """A stand-in command that prints the notice of the warning it is given."""
    click.echo(notice(warning, type(warning)))


def console_line(warning: Warning, lang: str | None = None) -> str:
    """The line a command run with ``--lang`` prints on stderr for ``warning``."""
    args = ["--lang", lang] if lang else []
    result = CliRunner().invoke(_noticed, args, obj=warning)
    assert result.exit_code == 0, result.output
    return result.output
