"""The JSON Schema of the model file, for editors and other tools."""

from __future__ import annotations

from typing import Any

from raci.schemes import BUILTIN_SCHEMES, KINDS

_ID = {"type": "string", "pattern": r"^\S+$", "minLength": 1}
_IDS = {"oneOf": [{"$ref": "#/$defs/id"}, {"type": "array", "items": {"$ref": "#/$defs/id"}}]}


def _object(properties: dict[str, Any], required: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def model_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing version 1 of the model file."""
    name = {"$ref": "#/$defs/name"}
    ref = {"$ref": "#/$defs/id"}
    unit = _object(
        {
            "id": ref,
            "name": name,
            "level": {"type": "string"},
            "parent": ref,
            "head": ref,
            "staff": {"type": "boolean"},
            "headcount": {"type": "integer", "minimum": 0},
            "also_reports_to": _IDS,
            "formerly": _IDS,
            "attributes": {"type": "object"},
            "units": {"type": "array", "items": {"$ref": "#/$defs/unit"}},
        }
    )
    position = _object(
        {
            "id": ref,
            "title": name,
            "unit": ref,
            "grade": {"type": "string"},
            "holder": {"type": "string"},
            "vacant": {"type": "boolean"},
            "reports_to": {"oneOf": [ref, {"type": "null"}]},
            "attributes": {"type": "object"},
        },
        ("id", "unit"),
    )
    role = _object(
        {
            "letter": {"type": "string", "pattern": "^[A-Za-z]$"},
            "name": {"type": "string"},
            "min": {"type": "integer", "minimum": 0},
            "max": {"type": "integer", "minimum": 0},
            "kind": {"enum": list(KINDS)},
        },
        ("letter",),
    )
    deliverable = _object(
        {
            "id": ref,
            "name": name,
            "group": ref,
            "due": {"type": "string", "format": "date"},
            "raci": {
                "type": "object",
                "propertyNames": {"pattern": "^[A-Za-z]$"},
                "additionalProperties": _IDS,
            },
        }
    )
    rule_setting = {
        "oneOf": [
            {"enum": ["off", "on", "error", "warning", "info", False, True]},
            {"type": "object"},
        ]
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/raci-org/raci/schema/model-v1.json",
        "title": "raci model file",
        "description": "One organization at one point in time: units, positions, parties,"
        " deliverables and their RACI roles.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "organization": _object(
                {
                    "name": name,
                    "language": {"type": "string"},
                    "levels": {
                        "type": "array",
                        "items": {
                            "oneOf": [
                                {"type": "string"},
                                {"type": "array", "items": {"type": "string"}},
                            ]
                        },
                    },
                },
                (),
            ),
            "scheme": {
                "oneOf": [
                    {"enum": list(BUILTIN_SCHEMES)},
                    _object(
                        {"name": {"type": "string"}, "roles": {"type": "array", "items": role}},
                        ("roles",),
                    ),
                ]
            },
            "units": {"type": "array", "items": {"$ref": "#/$defs/unit"}},
            "positions": {"type": "array", "items": position},
            "external": {
                "type": "array",
                "items": _object({"id": ref, "name": name}),
            },
            "groups": {"type": "array", "items": _object({"id": ref, "name": name})},
            "deliverables": {"type": "array", "items": deliverable},
            "rules": {"type": "object", "additionalProperties": rule_setting},
        },
        "$defs": {
            "id": _ID,
            "name": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "minProperties": 1,
                    },
                ]
            },
            "unit": unit,
        },
    }
