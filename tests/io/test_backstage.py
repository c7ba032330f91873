"""Backstage catalogs read as organizations: Groups as units (their type the level),
Users as posts of the groups they belong to; other kinds skipped; references outside the
file and groups placed two ways said where they are written."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import raci
from helpers import column_of, line_of
from raci.cli import cli

SVG = "{http://www.w3.org/2000/svg}"

CATALOG = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: acme
  title: ACME
spec:
  type: organization
  profile:
    displayName: ACME Corporation
    email: info@acme.example
  children: [infrastructure, group:default/product]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: infrastructure
  description: Runs the platform
spec:
  type: business-unit
  parent: acme
  children: [sre, platform]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: product
  title: Product
spec:
  type: business-unit
  parent: group:acme
  children: [web]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: sre
spec:
  type: team
  profile:
    displayName: Site Reliability
  parent: infrastructure
  children: []
  members: [ada]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform
spec:
  type: team
  parent: infrastructure
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: web
spec:
  type: team
  parent: product
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
spec:
  profile:
    displayName: Ada Lovelace
    email: ada@acme.example
  memberOf: [platform]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: grace
spec:
  profile:
    displayName: Grace Hopper
  memberOf: [group:default/web]
"""

COMPONENTS = """\
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec: {type: service, owner: web, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec: {type: website, owner: web, lifecycle: production}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
spec: {owner: product}
"""


def chart_text(path: Path, *options: str) -> str:
    out = path.with_suffix(".svg")
    result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return "\n".join(t.text or "" for t in ET.parse(out).getroot().iter(f"{SVG}text"))


def validate(path: Path) -> list[tuple[str, str, int, int]]:
    return [
        (f.rule, f.message, f.location.line, f.location.column)
        for f in raci.validate_file(path)
        if f.rule.startswith("catalog")
    ]


class TestThreeLevels:
    def test_groups_users_and_levels(self, tmp_path: Path) -> None:
        path = tmp_path / "org.yaml"
        path.write_text(CATALOG, encoding="utf-8")
        org = raci.load(path)
        assert {u.id: (u.name, u.level, u.parent) for u in org.units.values()} == {
            "acme": ("ACME Corporation", "organization", None),
            "infrastructure": ("infrastructure", "business-unit", "acme"),
            "product": ("Product", "business-unit", "acme"),
            "sre": ("Site Reliability", "team", "infrastructure"),
            "platform": ("platform", "team", "infrastructure"),
            "web": ("web", "team", "product"),
        }
        assert org.levels.ranks == (("organization",), ("business-unit",), ("team",))
        assert org.name == "ACME Corporation"
        assert org.units["infrastructure"].attributes == {"description": "Runs the platform"}
        # Ada is a member of sre (its `members`) and of platform (her `memberOf`).
        assert {p.id: (p.name, p.unit) for p in org.positions.values()} == {
            "ada": ("Ada Lovelace", "platform"),
            "ada@sre": ("Ada Lovelace", "sre"),
            "grace": ("Grace Hopper", "web"),
        }
        assert org.positions["ada"].attributes == {"email": "ada@acme.example"}
        assert org.units["web"].location.line == line_of(CATALOG, "name: web") - 3
        assert raci.validate(org) == []
        shown = chart_text(path, "--positions")
        for name in ("ACME Corporation", "Site Reliability", "Ada Lovelace", "Grace Hopper"):
            assert name in shown
        for level in ("organization", "business-unit", "team"):
            assert level in shown  # the key names the levels

    def test_loads_reads_the_text(self) -> None:
        org = raci.loads(CATALOG, "yaml", file="org.yaml")
        assert org.root == "acme"
        assert org.layout == "catalog"

    def test_the_model_written_reads_back(self, tmp_path: Path) -> None:
        path = tmp_path / "org.yaml"
        path.write_text(CATALOG, encoding="utf-8")
        out = tmp_path / "model.yaml"
        raci.dump(raci.load(path), out)
        again = raci.load(out)
        assert again.units["sre"].parent == "infrastructure"
        assert again.positions["ada@sre"].unit == "sre"

    def test_import_writes_it_as_a_model(self, tmp_path: Path) -> None:
        path = tmp_path / "org.yaml"
        path.write_text(CATALOG, encoding="utf-8")
        out = tmp_path / "model.yaml"
        result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert raci.load(out).positions["grace"].unit == "web"
        again = CliRunner().invoke(cli, ["import", str(out), "-o", str(tmp_path / "x.yaml")])
        assert again.exit_code == 2
        assert "is a model file already" in again.output


class TestOtherKinds:
    def test_components_are_skipped_with_an_info(self, tmp_path: Path) -> None:
        text = CATALOG + COMPONENTS
        path = tmp_path / "catalog-info.yaml"
        path.write_text(text, encoding="utf-8")
        org = raci.load(path)
        assert len(org.units) == 6
        assert validate(path) == [
            (
                "catalog-reading",
                "2 Component entities (the first `payments`) are not read: raci reads Groups"
                " and Users",
                line_of(text, "name: payments") - 3,
                1,
            ),
            (
                "catalog-reading",
                "the System `shop` is not read: raci reads Groups and Users",
                line_of(text, "name: shop") - 3,
                1,
            ),
        ]
        assert "Site Reliability" in chart_text(path)

    def test_only_components_is_an_error(self, tmp_path: Path) -> None:
        path = tmp_path / "catalog-info.yaml"
        path.write_text(COMPONENTS, encoding="utf-8")
        with pytest.raises(raci.LoadError) as caught:
            raci.load(path)
        assert [str(f) for f in caught.value.findings] == [
            f"{path}:1:1: this Backstage catalog holds no Group (2 Component, 1 System); raci"
            " reads an organization from its Groups and Users"
        ]


DANGLING = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: payments}
spec:
  type: team
  parent: group:default/commerce
  children: []
  members: [kim, lee]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: {name: kim}
spec:
  memberOf: [payments, group:default/guild]
"""


class TestReferences:
    def test_a_dangling_parent_is_placed_at_the_top(self, tmp_path: Path) -> None:
        path = tmp_path / "team.yaml"
        path.write_text(DANGLING, encoding="utf-8")
        org = raci.load(path)
        assert org.units["payments"].parent is None
        assert list(org.positions) == ["kim"]
        assert validate(path) == [
            (
                "catalog-reading",
                "the parent `group:default/commerce` is not in this file, so `payments` is"
                " placed at the top",
                6,
                column_of(DANGLING, "group:default/commerce"),
            ),
            (
                "catalog-reading",
                "the member `lee` of `payments` is not in this file, so it is not listed",
                8,
                column_of(DANGLING, "lee]"),
            ),
            (
                "catalog-reading",
                "`kim` is a member of `group:default/guild`, which is not in this file",
                14,
                column_of(DANGLING, "group:default/guild"),
            ),
        ]
        assert "payments" in chart_text(path, "--positions")

    def test_parent_and_children_that_disagree(self, tmp_path: Path) -> None:
        text = textwrap.dedent("""\
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: top}
            spec: {type: organization, children: [a, b]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: a}
            spec: {type: team, parent: top, children: [b]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: b}
            spec: {type: team, parent: top, children: []}
        """)
        path = tmp_path / "org.yaml"
        path.write_text(text, encoding="utf-8")
        assert raci.load(path).units["b"].parent == "top"
        assert validate(path) == [
            (
                "catalog-mismatch",
                "`a` lists `b` among its children, but `b` names `top` as its parent; it is"
                " placed under `top`",
                9,
                text.splitlines()[8].index("[b]") + 2,
            )
        ]

    def test_children_alone_place_a_group(self, tmp_path: Path) -> None:
        text = textwrap.dedent("""\
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: top, namespace: Default}
            spec: {type: organization, children: ["group:default/a", "default/b"]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: A}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: b}
            spec: {type: team, children: []}
        """)
        org = raci.loads(text, "yaml", file="org.yaml")
        assert {u.id: u.parent for u in org.units.values()} == {
            "top": None,
            "A": "top",
            "b": "top",
        }


class TestBadInput:
    def test_every_problem_at_its_place(self, tmp_path: Path) -> None:
        text = textwrap.dedent("""\
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, parent: user:jdoe, children: []}
            ---
            - not an entity
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: jane doe}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {title: No name}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-b}
            spec: {type: team, children: team-a}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: [Group]
            metadata: {name: team-c}
        """)
        path = tmp_path / "org.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(raci.LoadError) as caught:
            raci.load(path)
        assert [(f.location.line, f.location.column, f.message) for f in caught.value.findings] == [
            (4, 28, "`user:jdoe` names a user, not a Group"),
            (6, 1, "this document is not a Backstage entity: it has no `apiVersion` and `kind`"),
            (10, 18, "`metadata.name` `jane doe` must not be empty or hold spaces"),
            (14, 1, "an entity needs `metadata.name`"),
            (19, 30, "`children` must be a list"),
            (22, 7, "`kind` must be a text"),
        ]
        result = CliRunner().invoke(cli, ["chart", str(path), "-o", str(tmp_path / "c.svg")])
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert f"{path}:4:28: `user:jdoe` names a user, not a Group" in result.output

    def test_a_group_twice_is_a_duplicate_id(self, tmp_path: Path) -> None:
        doc = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: a}\nspec: {}\n"
        path = tmp_path / "org.yaml"
        path.write_text(doc + "---\n" + doc, encoding="utf-8")
        [found] = [f for f in raci.validate_file(path) if f.rule == "duplicate-id"]
        assert found.location.line == 6

    def test_other_documents_keep_their_message(self, tmp_path: Path) -> None:
        path = tmp_path / "two.yaml"
        path.write_text("version: 1\n---\nversion: 1\n", encoding="utf-8")
        with pytest.raises(raci.LoadError, match="holds 2 YAML documents"):
            raci.load(path)
