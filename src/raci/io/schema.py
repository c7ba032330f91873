"""The JSON Schema of the model file, made from the field table for editors and other tools.

It accepts exactly what the loader reads (a `null` value means "not given", ids may
be whole numbers, scheme names any case), so an editor flags what ``raci`` rejects.
"""

from __future__ import annotations

from typing import Any

from raci.io.fields import OBJECTS, Field, Kind, Shape
from raci.schemes import BUILTIN_SCHEMES, KINDS

_NOT_BLANK = r"\S"
_ID_PATTERN = r"^\s*\S+\s*$"


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _any_case(word: str) -> str:
    """A regular expression matching ``word`` in any case (JSON Schema has no flags)."""
    # `-` stays unescaped: `\-` is a syntax error in the Unicode regexes editors use.
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.isalpha() else c if c.isdigit() or c == "-" else "\\" + c
        for c in word
    )


def _builtin_schemes() -> list[dict[str, Any]]:
    """A built-in scheme's name as written, or in any case (as the loader reads it)."""
    names = "|".join(_any_case(name) for name in BUILTIN_SCHEMES)
    any_case = {"type": "string", "pattern": rf"^\s*(?:{names})\s*$"}
    return [{"enum": list(BUILTIN_SCHEMES)}, any_case]


_TEXT = {"type": ["string", "number"]}
_RULE_SETTING = {
    "anyOf": [
        {"enum": ["off", "on", "error", "warning", "info", False, True, None]},
        {"type": "object"},
    ]
}

#: The schema of each kind of value that needs no object name.
_KINDS: dict[Kind, dict[str, Any]] = {
    Kind.VERSION: {"const": 1},
    Kind.ID: _ref("id"),
    Kind.IDS: _ref("ids"),
    Kind.NAME: _ref("name"),
    Kind.TEXT: _TEXT,
    Kind.LETTER: {"type": "string", "pattern": r"^\s*[A-Za-z]\s*$"},
    Kind.ROLE_KIND: {"enum": list(KINDS)},
    Kind.FLAG: {"type": "boolean"},
    Kind.COUNT: {"type": "integer", "minimum": 0},
    Kind.NUMBER: {"type": "number", "minimum": 0},
    Kind.DATE: {"type": "string", "format": "date"},
    Kind.MAPPING: {"type": "object"},
    Kind.LEVELS: {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {"anyOf": [_ref("level"), {"type": "array", "items": _ref("level")}]},
    },
    Kind.RACI: {
        "type": "object",
        "propertyNames": {"pattern": _NOT_BLANK},
        "additionalProperties": {"anyOf": [_ref("ids"), {"type": "null"}]},
    },
    Kind.RULES: {"type": "object", "additionalProperties": _RULE_SETTING},
    Kind.POSTS: {
        "anyOf": [
            {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
            {"type": "array", "items": _ref("post")},
        ]
    },
    Kind.GRADES: {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": {
            "anyOf": [_TEXT, {"type": "array", "minItems": 1, "items": _TEXT}]
        },
    },
}


def _value(field: Field) -> dict[str, Any]:
    """The schema of a field's value, null allowed where the loader reads it as absent."""
    if field.kind is Kind.OBJECT:
        value = _ref(str(field.of))
    elif field.kind is Kind.SCHEME:
        value = {"anyOf": [*_builtin_schemes(), _ref(str(field.of))]}
    elif field.kind is Kind.LIST:
        value = {"type": "array", "items": _ref(str(field.of))}
        if field.required:
            value["minItems"] = 1
    else:
        value = dict(_KINDS[field.kind])
    if not field.required and field.kind is not Kind.VERSION:
        choices = value["anyOf"] if list(value) == ["anyOf"] else [value]
        value = {"anyOf": [*choices, {"type": "null"}]}
    return {"description": field.about, **value}


def _object(shape: Shape) -> dict[str, Any]:
    return {
        "type": "object",
        "description": shape.about,
        "properties": {f.key: _value(f) for f in shape.fields},
        "required": list(shape.required),
        "additionalProperties": False,
    }


def model_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing version 1 of the model file."""
    top = _object(OBJECTS["file"])
    defs: dict[str, Any] = {
        "id": {
            "description": Kind.ID.value,
            "anyOf": [{"type": "string", "pattern": _ID_PATTERN}, {"type": "integer"}],
        },
        "ids": {
            "description": Kind.IDS.value,
            "anyOf": [_ref("id"), {"type": "array", "items": _ref("id")}],
        },
        "name": {
            "description": Kind.NAME.value,
            "anyOf": [
                {"type": "string", "pattern": _NOT_BLANK},
                {"type": "number"},
                {
                    "type": "object",
                    "propertyNames": {"pattern": _NOT_BLANK},
                    "additionalProperties": {
                        "anyOf": [{"type": "string", "pattern": _NOT_BLANK}, {"type": "number"}]
                    },
                    "minProperties": 1,
                },
            ],
        },
        "level": {"description": "A level name.", "type": "string", "pattern": _NOT_BLANK},
    }
    defs.update({name: _object(shape) for name, shape in OBJECTS.items() if name != "file"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:raci:model-file:v1",
        "title": "raci model file",
        **top,
        "$defs": defs,
    }
