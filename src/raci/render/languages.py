"""What every renderer's words share: the base language of a code (``zh`` for ``zh_TW``)
and the names of the built-in schemes' roles in each language, one table for charts,
matrices and responsibility sheets alike."""

from __future__ import annotations

from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: Names of the roles of the built-in schemes, by language, keyed by the English name.
ROLE_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "Responsible": "负责",
        "Accountable": "批准",
        "Consulted": "咨询",
        "Informed": "知会",
        "Support": "支持",
        "Verifier": "核实",
        "Signatory": "签署",
        "Driver": "推动",
        "Approver": "审批",
        "Contributor": "贡献",
        "Out of the loop": "不参与",
    },
}


def base_language(language: str | None) -> str:
    """The language without its region or script, lower case; ``en`` for none."""
    return (language or "en").replace("_", "-").split("-")[0].lower()


def role_name(scheme: Scheme, role: Role, language: str | None) -> str:
    """A role's name in ``language``: translated for the built-in schemes only (a custom
    scheme's names are the file's own words)."""
    if BUILTIN_SCHEMES.get(scheme.name) != scheme:
        return role.name
    return ROLE_NAMES.get(base_language(language), {}).get(role.name, role.name)
