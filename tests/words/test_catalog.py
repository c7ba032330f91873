"""The one catalog of fixed words: its template holds every message the source uses, each
language's .po holds the template's messages with that language's plural forms, and each
shipped .mo is the compile of its .po."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

import raci
from raci.analysis.names import ROLES, level_name, role_name
from raci.render.figures_text import render_figures
from raci.schemes import BUILTIN_SCHEMES
from raci.words import LANGUAGES, UnknownLanguageError, base_language, language_named, words_for

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "raci" / "words" / "locale"
#: Fields such as ``{name}`` are filled in; what is left are the fixed words.
FIELD = re.compile(r"\{[a-z_]+\}")
#: A piece of code in a text (`positions:`), which keeps its ASCII punctuation.
CODE = re.compile(r"`[^`]*`")


def _noxfile_keywords() -> dict[str, tuple[object, ...] | None]:
    """The keywords `nox -s catalogs` extracts with, in Babel's form."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    found = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "KEYWORDS"
    )
    keywords: dict[str, tuple[object, ...] | None] = {}
    for spec in ast.literal_eval(found):
        name, _, args = spec.partition(":")
        keywords[name] = (
            tuple((int(a[:-1]), "c") if a.endswith("c") else int(a) for a in args.split(","))
            if args
            else None
        )
    return keywords


def _key(message_id: str | tuple[str, ...], context: str | None) -> tuple[str | None, str]:
    return context, message_id if isinstance(message_id, str) else message_id[0]


def _read_po(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _messages(catalog: Catalog) -> dict[tuple[str | None, str], object]:
    return {_key(m.id, m.context): m.id for m in catalog if m.id}


def _translations(catalog: Catalog) -> dict[tuple[str | None, str], object]:
    return {_key(m.id, m.context): m.string for m in catalog if m.id}


def _po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "raci.po"


class TestTemplate:
    def test_it_holds_every_message_of_the_source_and_no_other(self) -> None:
        with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
            method_map, options_map = parse_mapping_cfg(f)
        found = {
            _key(message, context): message
            for _file, _line, message, _comments, context in extract_from_dir(
                str(ROOT / "src" / "raci"),
                method_map,
                options_map,
                keywords=_noxfile_keywords(),
            )
        }
        template = _messages(_read_po(LOCALE / "raci.pot"))
        missing = sorted(set(found) - set(template), key=str)
        stale = sorted(set(template) - set(found), key=str)
        assert (missing, stale) == ([], []), "run `nox -s catalogs`"
        assert found == template  # the plural forms' English too

    def test_no_message_hides_in_an_f_string(self) -> None:
        """Extraction reads an f-string as one token (before Python 3.12): a call inside
        it would never reach the catalog."""
        calls = {name.partition(":")[0] for name in _noxfile_keywords()}
        hidden = []
        for path in sorted((ROOT / "src" / "raci").rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    hidden += [
                        f"{path.name}:{call.lineno}"
                        for call in ast.walk(node)
                        if isinstance(call, ast.Call)
                        and getattr(call.func, "attr", getattr(call.func, "id", "")) in calls
                    ]
        assert hidden == []

    def test_a_message_missing_from_it_is_caught(self, tmp_path: Path) -> None:
        source = tmp_path / "new.py"
        source.write_text('words.gettext("A word nobody has translated")\n', encoding="utf-8")
        found = {m[2] for m in extract_from_dir(str(tmp_path), keywords=_noxfile_keywords())}
        assert found == {"A word nobody has translated"}
        assert "A word nobody has translated" not in {m.id for m in _read_po(LOCALE / "raci.pot")}


class TestLanguages:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_po_holds_the_templates_messages(self, language: str) -> None:
        assert _messages(_read_po(_po(language))) == _messages(_read_po(LOCALE / "raci.pot"))

    @pytest.mark.parametrize(
        ("language", "forms", "expression"),
        [
            ("ar", 6, None),
            ("en", 2, "(n != 1)"),
            ("es", 2, "(n != 1)"),
            ("fr", 2, "(n > 1)"),
            ("ru", 3, None),
            ("zh", 1, "0"),
        ],
    )
    def test_plural_forms(self, language: str, forms: int, expression: str | None) -> None:
        catalog = _read_po(_po(language))
        assert catalog.num_plurals == forms
        if expression:
            assert catalog.plural_expr == expression

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_mo_is_the_compile_of_its_po(self, language: str) -> None:
        compiled = io.BytesIO()
        write_mo(compiled, _read_po(_po(language)))
        compiled.seek(0)
        with (_po(language).with_suffix(".mo")).open("rb") as shipped:
            assert _translations(read_mo(shipped)) == _translations(read_mo(compiled)), (
                "run `nox -s catalogs`"
            )

    def test_chinese_translates_every_message(self) -> None:
        untranslated = [
            key
            for m in _read_po(_po("zh"))
            if m.id
            for key in [_key(m.id, m.context)]
            if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string])
        ]
        assert untranslated == []

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_translations_keep_the_fields(self, language: str) -> None:
        wrong = []
        for m in _read_po(_po(language)):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            fields = {f for i in ids for f in FIELD.findall(i)}
            wrong += [(m.id, s) for s in strings if s and set(FIELD.findall(s)) - fields]
            if len(ids) == 1:
                wrong += [(m.id, s) for s in strings if s and set(FIELD.findall(s)) != fields]
        assert wrong == []

    def test_chinese_uses_full_width_punctuation(self) -> None:
        wrong = [
            s
            for m in _read_po(_po("zh"))
            if m.id
            for s in (m.string if isinstance(m.string, tuple) else (m.string,))
            if re.search(r"[,;:()]", CODE.sub("", FIELD.sub("", s)))
        ]
        assert wrong == []


class TestWords:
    @pytest.mark.parametrize(
        ("tag", "base"),
        [("zh_TW", "zh"), ("zh-Hans", "zh"), ("FR-ca", "fr"), ("de", "en"), (None, "en")],
    )
    def test_base_language(self, tag: str | None, base: str) -> None:
        assert base_language(tag) == base
        assert words_for(tag).language == base

    def test_a_language_the_catalog_lacks_is_refused_naming_those_it_has(self) -> None:
        assert language_named("zh-TW") == "zh-TW"
        with pytest.raises(UnknownLanguageError, match="'de'; expected one of ar, en, es, fr"):
            language_named("de")
        for wrong in ("", " ", "zh TW"):
            with pytest.raises(UnknownLanguageError):
                language_named(wrong)

    def test_untranslated_words_stay_english(self) -> None:
        assert words_for("fr").gettext("A word nobody translated") == "A word nobody translated"
        assert words_for("ar").ngettext("{n} new word", "{n} new words", 3) == "{n} new words"

    @pytest.mark.parametrize(
        ("language", "written"),
        [
            ("en", "1,573"),
            ("zh", "1,573"),
            ("fr", "1\u202f573"),
            ("ru", "1\xa0573"),
            ("es", "1.573"),
            ("ar", "1,573"),
        ],
    )
    def test_numbers(self, language: str, written: str) -> None:
        words = words_for(language)
        assert words.number(1573) == written
        assert words.number(1573.0) == written

    @pytest.mark.parametrize(
        ("language", "value", "written"),
        [
            ("en", 2.5, "2.5"),
            ("fr", 2.5, "2,5"),
            ("fr", 2.0, "2"),
            ("ru", 2.0, "2"),
            ("es", 2.004, "2"),
            ("es", 1.256, "1,26"),
            ("ar", 1.25, "1.25"),
        ],
    )
    def test_decimals_as_needed(self, language: str, value: float, written: str) -> None:
        assert words_for(language).number(value, 2) == written

    def test_up_to_three_decimals_by_default(self) -> None:
        assert words_for("en").number(0.125) == "0.125"
        assert words_for("en").number(0.1254) == "0.125"

    def test_a_fraction_takes_the_plural(self) -> None:
        assert words_for("en").ngettext("{n} post", "{n} posts", 1.5) == "{n} posts"
        assert words_for("en").ngettext("{n} post", "{n} posts", 1.0) == "{n} post"

    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("en", ("a, b", "a; b", "a, b and c", "Roles: R", "Chief (c-1)")),
            ("zh", ("a、b", "a；b", "a、b与c", "Roles：R", "Chief（c-1）")),
        ],
    )
    def test_punctuation(self, language: str, expected: tuple[str, ...]) -> None:
        w = words_for(language)
        assert (
            w.listed(["a", "b"]),
            w.listed(["a", "b"], clauses=True),
            w.joined(["a", "b", "c"]),
            w.labelled("Roles", "R"),
            w.aside("Chief", "c-1"),
        ) == expected


class TestNames:
    def test_every_role_of_a_built_in_scheme_is_in_the_catalog(self) -> None:
        assert {n: tuple(r.name for r in s.roles) for n, s in BUILTIN_SCHEMES.items()} == ROLES

    def test_roles_are_named_per_scheme(self) -> None:
        daci = BUILTIN_SCHEMES["DACI"]
        assert [role_name(daci, r, "zh") for r in daci.roles] == ["推动", "审批", "贡献", "知会"]

    def test_a_level_keeps_the_files_word_unless_translated(self) -> None:
        assert level_name("Division", "zh") == "司"
        assert level_name("Division", "en") == "Division"
        assert level_name("Division", "fr") == "Division"


class TestNumbersInOutputs:
    """A count people read is written as their language writes it; JSON keeps numbers."""

    @pytest.fixture
    def figures(self) -> dict[str, object]:
        org = raci.load(ROOT / "examples" / "un-habitat-2020" / "org.yaml")
        return {**raci.stats(org), "assignments": 1573}

    @pytest.mark.parametrize(
        ("language", "written"), [("en", "1,573"), ("fr", "1\u202f573"), ("es", "1.573")]
    )
    def test_stats(self, figures: dict[str, object], language: str, written: str) -> None:
        text = render_figures(figures, "text", lang=language)
        label = words_for(language).gettext("assignments")
        assert re.search(rf"{re.escape(label)} +{re.escape(written)}\n", text)
        assert '"assignments": 1573' in render_figures(figures, "json", lang=language)
