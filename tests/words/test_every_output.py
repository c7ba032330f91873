"""Every output raci writes for people, in a language of the catalog, says none of the
English fixed words the catalog translates into that language: each such English text
(its fields aside) must not appear as a whole word in the output, once the model's own
words (names, ids, grades, funds) are taken out. Each model's names are given in the
language checked (its Chinese names stand in), so that no English name, whole or cut
short, hides or mimics a fixed word.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import raci
from helpers import EXAMPLES, translated_messages
from raci.cli import cli

#: The catalog's languages but English.
LANGUAGES = ["zh", "es", "fr", "ru", "ar"]

#: What each output is, and the command that writes it ({un}: the UN-Habitat model;
#: {old}, {new}: the restructuring's versions; {mistakes}: a model full of findings;
#: {out}: the file written).
OUTPUTS = {
    "chart.svg": "chart {un} --positions -o {out}",
    "chart-depth.svg": "chart {un} --depth 1 -o {out}",
    "chart-highlight.svg": "chart {un} --highlight focal-points -o {out}",
    "chart-book.svg": "chart {un} --split-by division --paper A4 -o {out}",
    "chart.mmd": "chart {un} -o {out}",
    "chart.pptx": "chart {un} --paper A4 -o {out}",
    "chart.drawio": "chart {un} --paper A4 -o {out}",
    "matrix.txt": "matrix {un} -o {out}",
    "matrix.md": "matrix {un} -o {out}",
    "matrix.html": "matrix {un} -o {out}",
    "matrix.tex": "matrix {un} -o {out}",
    "matrix.xlsx": "matrix {un} -o {out}",
    "matrix-level.md": "matrix {un} --level division -o {out}",
    "cascade.md": "cascade {un} -o {out}",
    "cascade.html": "cascade {un} -o {out}",
    "cascade.xlsx": "cascade {un} -o {out}",
    "cascade.pdf": "cascade {un} --unit oed -o {out}",
    "stats.txt": "stats {un}",
    "stats.md": "stats {un} --format markdown",
    "report.html": "report {un} -o {out}",
    "report-findings.html": "report {mistakes} -o {out}",
    "diff.txt": "diff {old} {new} -o {out}",
    "diff.md": "diff {old} {new} --format markdown --mermaid",
    "diff.svg": "diff {old} {new} -o {out}",
    "diff-side.svg": "diff {old} {new} --style side-by-side -o {out}",
    "diff.pptx": "diff {old} {new} -o {out}",
    "diff.drawio": "diff {old} {new} -o {out}",
    "staffing.txt": "staffing {new} --before {old}",
    "staffing.md": "staffing {new} --before {old} -o {out}",
    "staffing-by.md": "staffing {new} --by division --fund -o {out}",
    "staffing.csv": "staffing {new} --before {old} -o {out}",
    "staffing.xlsx": "staffing {new} --before {old} -o {out}",
    "staffing.docx": "staffing {new} --before {old} -o {out}",
    "staffing.tex": "staffing {new} --before {old} -o {out}",
    "annex.docx": "annex {old} {new} -o {out}",
}

#: The parts of an Office file that hold its text (not its styles' or fonts' names).
_OFFICE_TEXT = re.compile(
    r"word/(document|header\d*|footer\d*)\.xml|docProps/core\.xml"
    r"|xl/(sharedStrings|worksheets/sheet\d+)\.xml|ppt/slides/slide\d+\.xml"
)
#: A matrix workbook's header names its columns by the keys raci reads back.
_READ_BACK_KEYS = {"id", "name", "group", "due"}
#: The commands of a LaTeX document whose argument is no text (a package, a label...).
_TEX_NAMES = (
    r"begin|end|usepackage|documentclass|setmainfont|setCJK\w*|label|pageref|ref"
    r"|errmessage"  # what pdflatex says when it cannot set the file, as raci's messages do
)


def _texts(data: bytes, tags: set[str]) -> str:
    """The text of the XML elements named ``tags`` (without their namespace)."""
    return " ".join(
        e.text or "" for e in ET.fromstring(data).iter() if e.tag.rpartition("}")[2] in tags
    )


def _html_text(text: str) -> str:
    """What a reader sees of a page: its text, titles and labels, and the words its
    script writes (from its data), not its style or code."""
    data = re.search(r'<script type="application/json" id="raci-data">(.*?)</script>', text)
    said = []
    if data:
        found = json.loads(data[1])
        words = found["words"]
        said = [v for v in words.values() if isinstance(v, str)]
        said += words["more_rows"]["forms"]
        said += [unit[2] for unit in found["units"].values()]  # their levels
    # Graphviz's titles name the drawing's nodes and lines: no reader sees them. A rule's
    # name is code, as `--select` takes it.
    text = re.sub(r"<(style|script|title)\b.*?</\1>", " ", text, flags=re.DOTALL)
    text = re.sub(r'<code class="rule">[^<]*</code>', " ", text)
    shown = re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', text)
    said = [re.sub(r"\{[a-z_]+\}", " ", text) for text in said]  # the fields the script fills
    return html.unescape(" ".join([re.sub(r"<[^>]+>", " ", text), *shown, *said]))


def _tex_text(text: str) -> str:
    """A LaTeX document without its comments, commands and their names' arguments."""
    text = re.sub(r"(?m)^%.*$", " ", text)
    text = re.sub(rf"\\({_TEX_NAMES})(\[[^]]*\])?\{{[^}}]*\}}", " ", text)
    return re.sub(r"\\[A-Za-z@]+", " ", text)


def _mermaid_text(text: str) -> str:
    """Mermaid as a reader sees it: the title and the labels, not the ids and classes."""
    labels = re.findall(r'"([^"]*)"', text) + re.findall(r"(?m)^title: (.*)$", text)
    return " ".join(label.replace("<br/>", " ") for label in labels)


def text_of(path: Path) -> str:
    """The text an output shows a reader."""
    suffix = path.suffix
    if suffix in (".docx", ".xlsx", ".pptx"):
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if _OFFICE_TEXT.fullmatch(n)]
            text = " ".join(_texts(z.read(n), {"t", "title"}) for n in names)
        if path.name.startswith("matrix"):
            text = re.sub(rf"\b({'|'.join(_READ_BACK_KEYS)})\b", " ", text)
        return text
    if suffix == ".pdf":
        return " ".join(page.extract_text() for page in PdfReader(path).pages)
    if suffix == ".drawio":
        values = (e.get("value", "") for e in ET.parse(path).iter())
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", v)) for v in values)
    text = path.read_text(encoding="utf-8")
    if suffix == ".svg":
        # Graphviz's titles name its nodes and lines: no reader sees them.
        return _texts(text.encode(), {"text", "tspan"})
    if suffix == ".mmd":
        return _mermaid_text(text)
    if suffix == ".html":
        return _html_text(text)
    if suffix == ".tex":
        return _tex_text(text)
    return re.sub(r"```mermaid\n.*?```", lambda m: _mermaid_text(m[0]), text, flags=re.DOTALL)


def _model_words(*orgs: raci.Organization) -> set[str]:
    """The words of the models: names in every language, ids, holders, grades, funds."""
    found: set[str] = set()
    for org in orgs:
        found.update(org.names.texts.values())
        for table in (org.units, org.positions, org.external, org.groups, org.deliverables):
            for ident, thing in table.items():
                found.add(ident)
                found.update(thing.names.texts.values())
        for position in org.positions.values():
            found.update(filter(None, (position.holder, position.grade)))
        for unit in org.units.values():
            for line in unit.posts or ():
                found.update(filter(None, (line.grade, line.fund)))
    return {w for w in found if w}


#: One language's entry in a name given by language: `, fr: 'Division, Service'`.
_ENTRY = r", {language}: (?:'[^']*'|\"[^\"]*\"|[^,}}]*)"


def named_in(language: str, model: str) -> str:
    """The model with every name's Chinese text as its name in ``language`` too, so that
    no English name (whole, wrapped or cut short) is left in an output to hide or mimic a
    fixed word: what English remains is raci's own."""
    if language == "zh":
        return model
    model = re.sub(_ENTRY.format(language=language), "", model)
    return re.sub(r", zh: ([^,}]*)", rf", zh: \1, {language}: \1", model)


def _fixed_texts(language: str) -> list[str]:
    """The pieces of English between the fields of each text the catalog translates
    into ``language``, those with a word in them."""
    messages = translated_messages(language)
    said = " ".join(translated for _, translated in messages)
    pieces = {
        piece.strip(" \t,.;:()[]")
        for english, _ in messages
        for piece in re.split(r"\{[a-z_]+\}", english)
    }
    return sorted(
        piece
        for piece in pieces
        if re.search(r"[A-Za-z]{2}", piece)
        # not a word the language spells as English does ("total" in Spanish)
        and not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", said, re.I)
    )


@pytest.fixture(scope="module", params=LANGUAGES)
def outputs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    """Every output in the language, as the text a reader sees, the models' words taken
    out."""
    language = request.param
    folder = tmp_path_factory.mktemp(f"outputs-{language}")
    un, old, new = folder / "v0.yaml", folder / "v1.yaml", folder / "v2.yaml"
    mistakes = folder / "m.yaml"
    for source, copy in (
        ("un-habitat-2020/org.yaml", un),
        ("restructuring/before.yaml", old),
        ("restructuring/after.yaml", new),
        ("mistakes/org.yaml", mistakes),
    ):
        copy.write_text(named_in(language, (EXAMPLES / source).read_text("utf-8")), "utf-8")
    # The folder too: outputs name their input files.
    models = (raci.load(un), raci.load(old), raci.load(new), raci.load(mistakes))
    found = {str(folder), *_model_words(*models)}
    words = sorted(found, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    names = re.compile(rf"(?<![A-Za-z0-9_])({alternatives})(?![A-Za-z0-9_])")
    texts = {}
    for name, command in OUTPUTS.items():
        out = folder / name
        args = command.format(un=un, old=old, new=new, mistakes=mistakes, out=out).split()
        result = CliRunner().invoke(cli, [*args, "--lang", language])
        assert result.exit_code == 0, (name, result.output)
        if "-o" not in args:
            out.write_text(result.stdout, encoding="utf-8")
        # A book of pages is a file a page: chart-book-1.svg, chart-book-2.svg...
        files = [out] if out.exists() else sorted(folder.glob(f"{out.stem}-*{out.suffix}"))
        assert files, name
        texts[name] = names.sub(" ", " ".join(text_of(f) for f in files))
    return language, texts


@pytest.mark.parametrize("output", OUTPUTS)
def test_no_english_fixed_word(outputs: tuple[str, dict[str, str]], output: str) -> None:
    language, texts = outputs
    text = texts[output]
    assert text.strip()
    said = [
        piece
        for piece in _fixed_texts(language)
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text, re.IGNORECASE)
    ]
    assert said == []


def test_the_check_finds_english_words(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<p title="Vacant post">x</p><style>.value{}</style>', encoding="utf-8")
    text = text_of(page)
    assert "Vacant post" in text
    assert "value" not in text
    found = [p for p in _fixed_texts("zh") if re.search(rf"\b{re.escape(p)}\b", text, re.I)]
    assert "Vacant post" in found
