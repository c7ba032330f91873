"""Findings in the reader's language: every rule that a model or a table can set off,
in the report and in `raci validate --lang`, says no English fixed word of the rules'
messages and hints in Arabic, Spanish, French, Russian or Chinese (their fields aside:
names, ids, letters, code, places). In English, and in every machine format, the
findings say exactly what they said before their words could be translated."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import raci
from helpers import untranslated_words
from raci.cli import cli
from raci.findings import Finding
from raci.rules import iter_rules
from raci.words import words_for

LANGUAGES = ["zh", "es", "fr", "ru", "ar"]

#: A model written to set off every rule a model file can: each rule at least once, the
#: hints' variants (a closest id, more posts than a hint names, roles carried over).
MODEL = """\
organization:
  levels: [office, division, section, unit]
units:
  - id: hq
    level: office
    head: vac
    posts: {D-2: 1, P-4: 1}
    units:
      - {id: ops, level: division, head: chef}
      - {id: fin, level: division, head: x3, posts: {P-6: 1, P-3: 1}}
      - id: sec9
        level: section
        head: sh
        units: [{id: dv2, level: division}, {id: sx0, level: section}]
      - {id: arc, level: section, posts: {GS: 2}, units: [{id: arc2}]}
      - {id: tiny, level: unit, posts: {GS: 1}}
      - {id: kopi, formerly: [ops]}
      - {id: nuevo, formerly: [viejo, nuevo]}
      - {id: ops, level: section}
      - {id: "zw\\u200b"}
      - {id: lat, also_reports_to: [lat]}
  - id: aux
  - {id: cy1, parent: cy2}
  - {id: cy2, parent: cy1}
positions:
  - {id: chef, unit: ops, grade: P-3}
  - {id: ana, unit: ops, grade: P-4}
  - {id: ana2, unit: ops, grade: P-4}
  - {id: vac, unit: hq, vacant: true, grade: D-2}
  - {id: x1, unit: hq, grade: P-4}
  - {id: x2, unit: hq, grade: P-4}
  - {id: x3, unit: fin, grade: Q-9}
  - {id: sh, unit: sec9, grade: P-4}
  - {id: stray2, unit: ops, reports_to: ops}
  - {id: stray, unit: nowhere, reports_to: ghost}
  - {id: loop1, unit: ops, reports_to: loop2}
  - {id: loop2, unit: ops, reports_to: loop1}
external:
  - {id: e1}
  - {id: e2}
  - {id: e3}
deliverables:
  - {id: d1, raci: {A: [hq, fin], R: ops, I: [e1]}}
  - {id: d2, raci: {A: hq, I: [e1]}}
  - {id: d3, raci: {A: hq, R: [ops, fin], I: [e1]}}
  - {id: d4, raci: {A: hq, R: hq, I: [e1], X: [e1], r: [e2]}}
  - {id: d5, raci: {A: fin, R: sec9, C: [e1, e2, e3]}}
  - {id: d6, raci: {A: hq, R: hq, C: [e1], I: [e1]}}
  - {id: d7, raci: {A: hq, R: hq}}
  - {id: d8, raci: {A: vac, R: hq, I: [e1]}}
  - {id: d9, raci: {A: ops, R: ops, I: [e1, gost, ana3]}}
  - {id: d11, raci: {A: [hq, viejo], R: hq, I: [e1]}}
  - {id: d10, raci: {A: hq, R: viejo, I: [e1]}, group: nogroup}
rules:
  level-norms: on
  overloaded: {max_accountable: 2}
  too-many-consulted: {max: 2}
  role-cardinality: {R: {max: 1}}
"""

#: A matrix in Markdown: a stray cell, and the hints that say where a matrix's roles go.
TABLE = """\
| Task   | Lead | Team | Board |
|--------|------|------|-------|
| Budget | A    | R    | I     | C |
| Audit  |      | R    | I     |
| Plan   | A    | A    | R     |
| Report | A    |      | I     |
| Review | A/I  | R    | C     |
"""

#: The rules whose messages a file's reader writes (out of this check's scope).
READERS = {
    "unreadable-cell",
    "duplicate-row",
    "duplicate-column",
    "tables-read",
    "names-split",
    "turned-table",
    "table-reading",
    "catalog-reading",
    "catalog-mismatch",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("said")
    (folder / "org.yaml").write_text(MODEL, encoding="utf-8")
    (folder / "RACI.md").write_text(TABLE, encoding="utf-8")
    return {"model": folder / "org.yaml", "table": folder / "RACI.md"}


def _findings(path: Path) -> list[Finding]:
    return list(raci.validate_file(path))


def _shown(text: str, folder: Path) -> str:
    """What is left of a message once its fields of code and ids (in backticks or
    ``<code>``) and the places in the test's folder are taken out."""
    text = re.sub(r"<code>.*?</code>|`[^`]*`", " ", text)
    return re.sub(rf"{re.escape(str(folder))}\S*", " ", text)


def _validate(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["validate", str(path), *args])
    assert result.exit_code == 1, result.output
    return result.stdout


def _text_messages(out: str) -> list[str]:
    """The messages and hints of `validate`'s text format, those of the readers aside."""
    said = []
    rule = ""
    for line in out.splitlines()[:-1]:
        found = re.match(r"^\S+: (?:error|warning|info) ([a-z-]+): (.*)$", line)
        if found:
            rule = found[1]
            text = found[2]
        else:
            assert line.startswith("    "), line
            text = line
        if rule not in READERS:
            said.append(text)
    return said


def _report_messages(path: Path, language: str) -> list[str]:
    """The messages and hints the report shows, those of the readers aside."""
    out = path.with_name(f"{path.stem}-{language}.html")
    result = CliRunner().invoke(cli, ["report", str(path), "--lang", language, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    items = re.findall(
        r'<li><code class="rule">([a-z-]+)</code>.*?<span class="msg">(.*?)</span>'
        r'.*?<span class="loc">[^<]*</span>(<div class="hint">.*?</div>)?</li>',
        page,
    )
    assert items
    return [html.unescape(f"{m} {h}") for rule, m, h in items if rule not in READERS]


class TestEveryRule:
    def test_the_model_and_the_table_set_off_every_rule_of_their_own(
        self, files: dict[str, Path]
    ) -> None:
        fired = {f.rule for path in files.values() for f in _findings(path)}
        assert fired == {r.name for r in iter_rules()} - READERS

    def test_every_rules_finding_can_be_said(self, files: dict[str, Path]) -> None:
        for path in files.values():
            assert all(f.saying for f in _findings(path) if f.rule not in READERS)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_validate_says_no_english_fixed_word(
        self, files: dict[str, Path], language: str
    ) -> None:
        for path in files.values():
            english = untranslated_words(_findings(path), language)
            assert len(english) > 20
            out = _validate(path, "--lang", language)
            said = _shown(" ".join(_text_messages(out)), path.parent)
            left = sorted(w for w in english if re.search(rf"\b{w}\b", said, re.IGNORECASE))
            assert left == [], (path.name, left)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_report_says_no_english_fixed_word(
        self, files: dict[str, Path], language: str
    ) -> None:
        for path in files.values():
            english = untranslated_words(_findings(path), language)
            said = _shown(" ".join(_report_messages(path, language)), path.parent)
            left = sorted(w for w in english if re.search(rf"\b{w}\b", said, re.IGNORECASE))
            assert left == [], (path.name, left)

    def test_the_check_finds_english(self, files: dict[str, Path]) -> None:
        path = files["model"]
        english = untranslated_words(_findings(path), "zh")
        said = _shown(" ".join(_text_messages(_validate(path, "--lang", "en"))), path.parent)
        assert {"deliverable", "parties", "cycle", "norm"} <= {
            w for w in english if re.search(rf"\b{w}\b", said)
        }


class TestEnglish:
    def test_validate_in_english_says_the_findings_messages(self, files: dict[str, Path]) -> None:
        for path in files.values():
            findings = _findings(path)
            out = _validate(path, "--lang", "en")
            assert _validate(path) == out
            lines = [
                f"{f.location}: {f.severity.value} {f.rule}: {f.message}"
                + (f"\n    hint: {f.hint}" if f.hint else "")
                for f in findings
            ]
            assert out.splitlines()[:-1] == "\n".join(lines).splitlines()

    @pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
    def test_the_machine_formats_keep_english(
        self, files: dict[str, Path], output_format: str
    ) -> None:
        path = files["model"]
        english = _validate(path, "--format", output_format)
        assert _validate(path, "--format", output_format, "--lang", "zh") == english

    def test_the_json_is_the_findings(self, files: dict[str, Path]) -> None:
        path = files["model"]
        data = json.loads(_validate(path, "--format", "json", "--lang", "fr"))
        assert data["files"][0]["findings"] == [f.to_dict() for f in _findings(path)]

    def test_the_english_report_says_the_findings_messages(self, files: dict[str, Path]) -> None:
        path = files["table"]
        shown = [re.sub(r"<[^>]+>", "", s) for s in _report_messages(path, "en")]
        said = [
            f"{f.message} Hint: {f.hint}".replace("`", "")
            for f in _findings(path)
            if f.rule not in READERS
        ]
        assert sorted(shown) == sorted(said)


class TestFinding:
    def test_what_it_says_is_no_part_of_it(self, files: dict[str, Path]) -> None:
        finding = _findings(files["model"])[0]
        plain = attrs.evolve(finding, saying=None)
        assert finding == plain
        assert hash(finding) == hash(plain)
        assert repr(finding) == repr(plain)
        assert finding.to_dict() == plain.to_dict()
        assert plain.said(words_for("zh")) == (plain.message, plain.hint)

    def test_in_english_it_is_its_message_and_hint(self, files: dict[str, Path]) -> None:
        for f in _findings(files["model"]):
            assert f.said(words_for("en")) == (f.message, f.hint)
            if f.saying:
                message, hint = f.saying
                assert str(message) == f.message
                assert (str(hint) if hint else "") == f.hint

    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("ru", "в организации 2 подразделения верхнего уровня (`hq` — первое)"),
            ("fr", "l'organisation a donc 2 unités au sommet (`hq` est la première)"),
            ("ar", "فللمنظمة وحدتان عُليَيان (أولاهما `hq`)"),
            ("zh", "因此该组织有 2 个顶层单位（第一个是 `hq`）"),
        ],
    )
    def test_counts_take_the_languages_plural(
        self, files: dict[str, Path], language: str, expected: str
    ) -> None:
        [finding] = [f for f in _findings(files["model"]) if f.rule == "multiple-roots"]
        assert expected in finding.said(words_for(language))[0]

    def test_role_titles_and_levels_are_the_catalogs(self, files: dict[str, Path]) -> None:
        said = {f.subject: f.said(words_for("es"))[0] for f in _findings(files["model"])}
        assert "no tiene ninguna parte con el rol Responsable (R)" in said["d2"]
        assert "es una división bajo `sec9`, una sección" in said["dv2"]
