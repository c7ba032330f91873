"""The bundled examples are tests too."""

from __future__ import annotations

import re

import attrs

import raci
from helpers import EXAMPLES, ROOT, svg_labels

UN_HABITAT = EXAMPLES / "un-habitat-2020" / "org.yaml"
#: The United Nations' languages the UN-Habitat example names its top in, besides en and zh.
MORE_LANGUAGES = {"ar", "es", "fr", "ru"}
#: What org.yaml says of a name no UN-Habitat document gave.
NOT_UN_HABITAT = "UN style, not found in a UN-Habitat document"


def test_un_habitat_example_is_clean() -> None:
    org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
    assert raci.validate(org) == []
    divisions = [u for u in org.units.values() if u.level == "division"]
    assert len(divisions) == 3
    assert all(u.names.get("zh") != u.names.get("en") for u in org.units.values())
    assert [u.id for u in org.units.values() if u.staff]
    assert len(org.deliverables) >= 15


def test_mistakes_example_gives_the_documented_findings() -> None:
    org = raci.load(EXAMPLES / "mistakes" / "org.yaml")
    found = [(f.rule, f.subject, f.location.line) for f in raci.validate(org)]
    assert found == [
        ("idle-unit", "ieu", 45),
        ("level-order", "upb", 100),
        ("multiple-roots", "nylo", 112),
        ("hierarchy-cycle", "restructuring-wg", 117),
        ("overloaded", "ed", 125),
        ("duplicate-id", "budget-officer", 142),
        ("single-accountable", "hq-restructuring", 248),
        ("unknown-reference", "lateral-reassignment", 259),
        ("too-many-consulted", "global-presence-paper", 269),
        ("vacant-accountable", "rpd-tor", 276),
        ("accountable-outside-chain", "rpd-tor", 277),
        ("role-cardinality", "wpb-2021", 286),
        ("redundant-roles", "cb-strategy", 308),
        ("responsible-present", "cb-action-plan", 315),
        ("unknown-role", "gender-marker-review", 325),
        ("not-cascaded", "gender-policy-plan", 333),
        ("silo", "url-webinars", 341),
    ]


def test_examples_survive_a_dump_and_load(tmp_path) -> None:
    for name in ("un-habitat-2020/org.yaml", "mistakes/org.yaml"):
        org = raci.load(EXAMPLES / name)
        for suffix in (".yaml", ".json"):
            copy = tmp_path / f"copy{suffix}"
            raci.dump(org, copy)
            again = raci.load(copy)
            # A duplicated definition cannot be written twice; only the first survives.
            assert again == attrs.evolve(org, duplicates=())
            # JSON places findings by object, so only their order within a line may differ.
            assert sorted((f.rule, f.subject) for f in raci.validate(again)) == sorted(
                (f.rule, f.subject) for f in raci.validate(org) if f.rule != "duplicate-id"
            )


def test_rendered_matrix_is_up_to_date() -> None:
    """`nox -s examples` renders matrix.md; the committed copy matches the model."""
    org = raci.load(EXAMPLES / "un-habitat-2020" / "org.yaml")
    committed = (EXAMPLES / "un-habitat-2020" / "matrix.md").read_text(encoding="utf-8")
    assert raci.render_matrix(org, format="md") == committed


def test_un_habitat_names_its_top_in_the_six_languages_of_the_un() -> None:
    org = raci.load(UN_HABITAT)
    top = ["unh", "oed", "erski", "gsd", "rpd", "board", "member-states"]
    for names in [org.names, *(org.parties[pid].names for pid in top)]:
        assert set(names.texts) == {"en", "zh", *MORE_LANGUAGES}
        assert len(set(names.texts.values())) == len(names.texts)


def test_a_chart_in_french_draws_the_french_names() -> None:
    drawn = svg_labels(raci.render_chart(raci.load(UN_HABITAT), depth=1, lang="fr"))
    drawn = " ".join(drawn.split())
    assert "Programme des Nations Unies pour les établissements humains (ONU-Habitat)" in drawn
    assert "Bureau du Directeur exécutif" in drawn
    assert "Division des solutions globales" in drawn
    assert "United Nations Human Settlements Programme" not in drawn
    assert "Office of the Executive Director" not in drawn
    assert "Director, Global Solutions Division" in drawn  # a post's title has no French yet


def _cited_names() -> dict[tuple[str, str], tuple[str, str]]:
    """The tutorial's table of the example's names: (party, language) to (name, source);
    the organization's own name under the party ``organization``."""
    tutorial = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    section = tutorial.split("## Where the example's names come from", 1)[1].split("\n## ")[0]
    cited = {}
    party = ""
    for row in re.findall(r"^\|(.*?)\| (ar|es|fr|ru) \| (.+?) \| (.+?) \|$", section, re.M):
        if row[0].strip():
            party = re.findall(r"`([^`.]+)[`.]", row[0])[0]
        cited[party, row[1]] = (row[2], row[3])
    return cited


def _marked_languages() -> dict[str, set[str]]:
    """The languages org.yaml marks as not found in a UN-Habitat document, by party."""
    marked: dict[str, set[str]] = {}
    party = ""
    for line in UN_HABITAT.read_text(encoding="utf-8").splitlines():
        if start := re.match(r"\s*(?:- )?id: (\S+)|(organization):", line):
            party = start[1] or start[2]
        if mark := re.match(rf"\s*# ([a-z, ]+): {NOT_UN_HABITAT}$", line):
            marked[party] = set(mark[1].split(", "))
    return marked


def test_the_tutorial_cites_each_name_in_the_other_languages_as_the_example_has_it() -> None:
    org = raci.load(UN_HABITAT)
    named = {
        (pid, lang): text
        for pid, names in [("organization", org.names)]
        + [(pid, party.names) for pid, party in org.parties.items() if hasattr(party, "names")]
        for lang, text in names.texts.items()
        if lang in MORE_LANGUAGES
    }
    cited = _cited_names()
    assert {key: name for key, (name, _) in cited.items()} == named
    # UN-Habitat's own documents are D1 to D5, D14 and D15; any other source is marked
    # in org.yaml.
    own = {f"D{n}" for n in (1, 2, 3, 4, 5, 14, 15)}
    not_un_habitat: dict[str, set[str]] = {}
    for (pid, lang), (_, source) in cited.items():
        if (first := re.match(r"D\d+", source)) is None or first[0] not in own:
            not_un_habitat.setdefault(pid, set()).add(lang)
    assert _marked_languages() == not_un_habitat
