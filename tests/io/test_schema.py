"""The JSON Schema and the loader read the model file alike, both from the field table."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

import raci
from helpers import EXAMPLES, ROOT
from raci.io.fields import OBJECTS
from raci.io.schema import model_schema

jsonschema = pytest.importorskip("jsonschema")

VALIDATOR = jsonschema.Draft202012Validator(
    model_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
U = {"units": [{"id": "a"}]}


def loads_json(doc: Any) -> bool:
    """Whether the loader reads the document (rule findings aside)."""
    try:
        raci.loads(json.dumps(doc), "json")
    except raci.LoadError:
        return False
    return True


def with_units(**top: Any) -> dict[str, Any]:
    return {**U, **top}


def role(**fields: Any) -> dict[str, Any]:
    return {"scheme": {"name": "X", "roles": [{"letter": "A", **fields}]}, **U}


VALID: dict[str, Any] = {
    "minimal": U,
    "every key": {
        "version": 1,
        "organization": {"name": {"en": "O", "zh": "组织"}, "language": "en", "levels": ["o"]},
        "scheme": "RASCI",
        "units": [
            {
                "id": "a",
                "name": "A",
                "level": "o",
                "head": "p",
                "staff": False,
                "headcount": 3,
                "also_reports_to": ["b"],
                "formerly": "old",
                "attributes": {"office": "Nairobi"},
                "units": [{"id": "c", "parent": "a"}],
            },
            {"id": "b", "parent": "a", "posts": [{"grade": "P-4", "count": 0.5, "fund": "XB"}]},
        ],
        "grades": {"D": ["D-1"], "P": ["P-4", "P-3"]},
        "positions": [
            {
                "id": "p",
                "title": "Head",
                "unit": "a",
                "grade": "D-1",
                "holder": "Jo",
                "vacant": True,
                "reports_to": None,
                "attributes": {},
            }
        ],
        "external": [{"id": "x", "name": "X"}],
        "groups": [{"id": "g", "name": "G"}],
        "deliverables": [
            {
                "id": "d",
                "name": "D",
                "group": "g",
                "due": "2020-03-31",
                "raci": {"A": "p", "R": ["a"], "C": [], "I": None},
            }
        ],
        "rules": {"overloaded": {"max_accountable": 3}, "silo": "off"},
    },
    "integer ids": {"units": [{"id": 2020}, {"id": 2021, "parent": 2020}]},
    "null means not given": {
        "organization": None,
        "scheme": None,
        "units": [{"id": "a", "name": None, "head": None, "staff": None, "formerly": None}],
        "positions": None,
        "rules": None,
    },
    "numbers as text": {"units": [{"id": "a", "name": 2020, "level": 3}]},
    "scheme in any case": with_units(scheme="daci"),
    "levels of equal rank": with_units(organization={"levels": ["o", ["d", "s"], "u"]}),
    "custom scheme": role(name="Approve", min=1, max=1, kind="accountable"),
    "establishment by grade": {"units": [{"id": "a", "posts": {"D-1": 1, "P-4": 2.5, "GS": 0}}]},
    "a grade alone": {"units": [{"id": "a"}], "grades": {"P": "P-4"}},
}

INVALID: dict[str, Any] = {
    "empty file": None,
    "not a mapping": [U],
    "unknown top-level key": {"unit": [{"id": "a"}]},
    "unknown unit key": {"units": [{"id": "a", "parnet": "b"}]},
    "unknown position key": with_units(positions=[{"id": "p", "unit": "a", "tilte": "T"}]),
    "unknown role key": role(knd="accountable"),
    "units not a list": {"units": {"id": "a"}},
    "headcount not a number": {"units": [{"id": "a", "headcount": "many"}]},
    "negative headcount": {"units": [{"id": "a", "headcount": -1}]},
    "staff not a flag": {"units": [{"id": "a", "staff": "yes"}]},
    "name a list": {"units": [{"id": "a", "name": ["A"]}]},
    "empty name": {"units": [{"id": "a", "name": " "}]},
    "due not a date": with_units(deliverables=[{"id": "d", "due": "someday"}]),
    "attributes not a mapping": {"units": [{"id": "a", "attributes": 3}]},
    "raci not a mapping": with_units(deliverables=[{"id": "d", "raci": ["a"]}]),
    "party a fraction": with_units(deliverables=[{"id": "d", "raci": {"A": [1.5]}}]),
    "fractional id": {"units": [{"id": 1.5}]},
    "true as an id": {"units": [{"id": True}]},
    "empty id": {"units": [{"id": ""}]},
    "id with a space": {"units": [{"id": "a b"}]},
    "null unit id": {"units": [{"id": None}]},
    "null position id": with_units(positions=[{"id": None, "unit": "a"}]),
    "null position unit": with_units(positions=[{"id": "p", "unit": None}]),
    "null external id": with_units(external=[{"id": None}]),
    "null group id": with_units(groups=[{"id": None}]),
    "null deliverable id": with_units(deliverables=[{"id": None}]),
    "unit without id": {"units": [{"name": "A"}]},
    "position without unit": with_units(positions=[{"id": "p"}]),
    "deliverable without id": with_units(deliverables=[{"name": "D"}]),
    "no levels": with_units(organization={"levels": []}),
    "levels a string": with_units(organization={"levels": "o"}),
    "a level a number": with_units(organization={"levels": ["o", 2]}),
    "a level of equal rank a number": with_units(organization={"levels": [["o", 2]]}),
    "a level twice": with_units(organization={"levels": ["o", "o"]}),
    "unknown scheme": with_units(scheme="RACY"),
    "custom scheme without roles": with_units(scheme={"name": "X"}),
    "custom scheme with no role": with_units(scheme={"name": "X", "roles": []}),
    "role without letter": with_units(scheme={"roles": [{"name": "A"}]}),
    "role letter of two letters": role(letter="AB"),
    "role letter a digit": role(letter="1"),
    "unknown role kind": role(kind="boss"),
    "negative role minimum": role(min=-1),
    "version 2": with_units(version=2),
    "version true": with_units(version=True),
    "version as text": with_units(version="1"),
    "version null": with_units(version=None),
    "negative posts": {"units": [{"id": "a", "posts": {"P-4": -1}}]},
    "posts a number": {"units": [{"id": "a", "posts": 3}]},
    "posts count as text": {"units": [{"id": "a", "posts": {"P-4": "two"}}]},
    "post without grade": {"units": [{"id": "a", "posts": [{"count": 1}]}]},
    "unknown post key": {"units": [{"id": "a", "posts": [{"grade": "P-4", "fnd": "RB"}]}]},
    "grades a list": with_units(grades=["P-4"]),
    "grades empty": with_units(grades={}),
    "a grade a list of lists": with_units(grades={"P": [["P-4"]]}),
}


class TestSchemaAndLoaderAgree:
    """A document the schema accepts loads, and one it rejects does not."""

    @pytest.mark.parametrize("doc", VALID.values(), ids=VALID.keys())
    def test_valid(self, doc: Any) -> None:
        assert list(VALIDATOR.iter_errors(doc)) == []
        assert loads_json(doc)

    @pytest.mark.parametrize("doc", INVALID.values(), ids=INVALID.keys())
    def test_invalid(self, doc: Any) -> None:
        assert list(VALIDATOR.iter_errors(doc)) != []
        assert not loads_json(doc)

    @pytest.mark.parametrize(
        "path", sorted(EXAMPLES.glob("*/org.yaml")), ids=lambda p: p.parent.name
    )
    def test_examples(self, path) -> None:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        assert list(VALIDATOR.iter_errors(data)) == []
        assert raci.load(path).units


def keys_in(data: Any) -> set[str]:
    """Every mapping key anywhere in parsed data."""
    if isinstance(data, dict):
        return set(data).union(*(keys_in(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(keys_in(v) for v in data))
    return set()


def test_the_valid_documents_use_every_key() -> None:
    """So that a key added to the table is shown to load."""
    used = keys_in(VALID["every key"]) | keys_in(VALID["custom scheme"])
    assert {key for shape in OBJECTS.values() for key in shape.keys} <= used


class TestSchemaFromTheTable:
    """The schema lists exactly the table's keys, each with a description."""

    def test_is_a_valid_schema(self) -> None:
        jsonschema.Draft202012Validator.check_schema(model_schema())

    @pytest.mark.parametrize("name", OBJECTS)
    def test_keys_and_descriptions(self, name: str) -> None:
        schema = model_schema()
        obj = schema if name == "file" else schema["$defs"][name]
        shape = OBJECTS[name]
        assert list(obj["properties"]) == list(shape.keys)
        assert obj["required"] == list(shape.required)
        assert obj["additionalProperties"] is False
        assert obj["description"] == shape.about
        for field in shape.fields:
            assert obj["properties"][field.key]["description"] == field.about


def section(doc: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading."""
    m = re.search(rf"^#+ {re.escape(heading)}\n(.*?)(?=^#|\Z)", doc, re.M | re.S)
    assert m, f"no section {heading!r} in docs/format.md"
    return m.group(1)


SECTIONS = {
    "file": "Top level",
    "organization": "Organization",
    "scheme": "Custom schemes",
    "role": "Roles of a custom scheme",
    "unit": "Units",
    "position": "Positions",
    "external": "External parties",
    "group": "Groups",
    "deliverable": "Deliverables",
    "post": "Establishments",
}


@pytest.mark.parametrize("name", OBJECTS)
def test_every_key_is_documented(name: str) -> None:
    """Each key of the table has a row in its object's table in docs/format.md."""
    text = section((ROOT / "docs" / "format.md").read_text(encoding="utf-8"), SECTIONS[name])
    documented = set(re.findall(r"^\| `([\w-]+)` \|", text, re.M))
    assert set(OBJECTS[name].keys) <= documented
