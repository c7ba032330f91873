"""Which role a column header names: the role's name (in English or another common
language), or its letter given in brackets or first (``Verantwortlich (R)``,
``R (Verantwortlich)``)."""

from __future__ import annotations

import re

from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme

#: Role names in other languages, by role letter (German, Spanish, French, Portuguese,
#: Russian, Chinese, Japanese), compared without case; "Contributor" is RACI's C, the
#: one who is consulted and contributes.
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "R": (
        "verantwortlich",
        "durchführungsverantwortlich",
        "responsable",
        "réalisateur",
        "realisateur",
        "ejecutor",
        "responsável",
        "responsavel",
        "executor",
        "исполнитель",
        "负责",
        "負責",
        "执行",
        "実行責任者",
    ),
    "A": (
        "rechenschaftspflichtig",
        "genehmigend",
        "aprobador",
        "approbateur",
        "aprovador",
        "autoridade",
        "ответственный",
        "утверждающий",
        "批准",
        "审批",
        "説明責任者",
        "承認",
    ),
    "C": (
        "contributor",
        "contribuinte",
        "contribuidor",
        "contributeur",
        "konsultiert",
        "consultado",
        "consulté",
        "consulte",
        "консультант",
        "консультирует",
        "консультируемый",
        "咨询",
        "協議",
        "相談",
    ),
    "I": (
        "informiert",
        "informado",
        "informé",
        "informe",
        "информируемый",
        "информирует",
        "知会",
        "告知",
        "通知",
        "報告",
    ),
    "S": (
        "unterstützend",
        "unterstützt",
        "apoyo",
        "soporte",
        "soutien",
        "apoio",
        "suporte",
        "поддержка",
        "支持",
        "支援",
    ),
}
_LETTER_OF = {word: letter for letter, words in TRANSLATIONS.items() for word in words}
#: Words of scripts written without spaces, found inside a header (``负责人``).
_UNSPACED = tuple(w for w in _LETTER_OF if w[0] >= "\u2e80")
_WORDS = re.compile(r"[^\W\d_]+")
#: A letter in brackets (``Verantwortlich (R)``), or first before a bracket or a dash
#: (``R (Verantwortlich)``, ``R - Verantwortlich``).
_GIVEN_LETTER = re.compile(r"[(\[]\s*([^\W\d_])\s*[)\]]|^\s*([^\W\d_])\s*[(\[:=–—-]")
#: A plural in brackets glued to its word: ``Member(s)``, ``Owner(s)``; not a letter.
_PLURAL = re.compile(r"(?<=[^\W\d_])\(s\)")


def role_of_header(text: str, scheme: Scheme) -> Role | None:
    """The role a column header names: ``Responsible``, ``R``, ``R (Responsible)``,
    ``Accountable party``, ``Responsable (R)``, ``Informiert``, any case; None when it
    names none of the scheme's roles."""
    found = _WORDS.findall(text.casefold())
    if not found:
        return None
    # Plurals name the role too: "Contributors", "Approvers".
    words = " ".join(found)
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found)
    for role in scheme.roles:
        name = f" {role.name.casefold()} "
        if name in f" {words} " or name in f" {singular} ":
            return role
    if len(words) == 1:
        return scheme.role(words.upper())
    given = _GIVEN_LETTER.search(_PLURAL.sub("", text))
    if given:
        return scheme.role((given.group(1) or given.group(2)).upper())
    letters = {_LETTER_OF[w] for w in found if w in _LETTER_OF}
    letters |= {_LETTER_OF[w] for w in _UNSPACED if w in text}
    return scheme.role(letters.pop()) if len(letters) == 1 else None


def scheme_of_headers(headers: list[str], org: Organization | None) -> tuple[Scheme, int]:
    """The scheme whose roles the headers name (the org's, else the first built-in scheme
    that names the most of them), and how many headers name a role."""
    candidates = [org.scheme] if org is not None else list(BUILTIN_SCHEMES.values())
    best, count = candidates[0], -1
    for scheme in candidates:
        n = sum(1 for h in headers if role_of_header(h, scheme) is not None)
        if n > count:
            best, count = scheme, n
    return best, max(count, 0)
