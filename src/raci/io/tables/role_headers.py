"""Which role a column header names: the role's name (in English, in every language of
raci's catalog, or in another common language), or its letter given in brackets or first
(``Verantwortlich (R)``, ``R (Verantwortlich)``)."""

from __future__ import annotations

import functools
import re
import unicodedata

from raci.model import Organization
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme
from raci.words import LANGUAGES, words_for

#: Other words for a role, by role letter, beside the names raci writes (the catalog's):
#: German, Spanish, French, Portuguese, Russian, Chinese and Japanese synonyms, compared
#: without case; "Contributor" is RACI's C, the one who is consulted and contributes.
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


def _plain(text: str) -> str:
    """``text`` in lower case without its marks: accents, Arabic vowel signs."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


_LETTER_OF = {_plain(word): letter for letter, words in TRANSLATIONS.items() for word in words}
#: Words of scripts written without spaces, found inside a header (``负责人``).
_UNSPACED = tuple(w for w in _LETTER_OF if w[0] >= "\u2e80")
_WORDS = re.compile(r"[^\W\d_]+")
#: A letter in brackets (``Verantwortlich (R)``), or first before a bracket or a dash
#: (``R (Verantwortlich)``, ``R - Verantwortlich``).
_GIVEN_LETTER = re.compile(r"[(\[]\s*([^\W\d_])\s*[)\]]|^\s*([^\W\d_])\s*[(\[:=–—-]")
#: A plural in brackets glued to its word: ``Member(s)``, ``Owner(s)``; not a letter.
_PLURAL = re.compile(r"(?<=[^\W\d_])\(s\)")


@functools.cache
def _names(role: Role) -> tuple[str, ...]:
    """What a role is called, as :func:`_plain` words: its name, and for a role of a
    built-in scheme the names raci's catalog gives it in each of its languages
    (``redevable``, ``rinde cuentas``, ``批准``)."""
    names = {" ".join(_WORDS.findall(_plain(role.name))): None}
    for scheme in BUILTIN_SCHEMES.values():
        if role in scheme.roles:
            context = f"{scheme.name} role"  # as the catalog holds them (analysis.names)
            for language in LANGUAGES:
                said = words_for(language).pgettext(context, role.name)
                names[" ".join(_WORDS.findall(_plain(said)))] = None
    return tuple(name for name in names if name)


def _names_in(role: Role, words: str, text: str) -> bool:
    """Whether one of the role's names is among ``words`` (or inside ``text``, for a
    name of a script written without spaces)."""
    return any(
        f" {name} " in f" {words} " or (name[0] >= "\u2e80" and name in text)
        for name in _names(role)
    )


@functools.cache
def _names_by_first_word() -> dict[str, tuple[str, ...]]:
    """The names of every built-in scheme's role, in every language of the catalog, by
    their first word (a name of a script written without spaces by its first sign)."""
    found: dict[str, dict[str, None]] = {}
    for role in dict.fromkeys(r for s in BUILTIN_SCHEMES.values() for r in s.roles):
        for name in _names(role):
            first = name[0] if name[0] >= "\u2e80" else name.split()[0]
            found.setdefault(first, {})[name] = None
    return {first: tuple(names) for first, names in found.items()}


def begins_with_role_name(text: str) -> bool:
    """Whether ``text`` starts with the name of a built-in scheme's role, in any of the
    catalog's languages: ``Responsible: does the work``, ``Redevable``."""
    plain = _plain(text)
    found = _WORDS.findall(plain)
    if not found:
        return False
    words = " ".join(found) + " "
    if found[0][0] >= "\u2e80":
        return any(plain.startswith(n) for n in _names_by_first_word().get(found[0][0], ()))
    return any(words.startswith(f"{n} ") for n in _names_by_first_word().get(found[0], ()))


@functools.cache
def _role_stems() -> frozenset[str]:
    """The first five letters of each word (of four letters or more) of the names of
    every built-in scheme's role, in every language of the catalog (``appro``)."""
    return frozenset(
        word[:5]
        for names in _names_by_first_word().values()
        for name in names
        for word in name.split()
        if len(word) >= 4 and word[0] < "\u2e80"
    )


def names_a_role(text: str) -> bool:
    """Whether ``text`` names a built-in scheme's role, or a word of it shares the stem of
    a role's name, in any of the catalog's languages: ``Responsible``, ``Review and
    Approve``; not ``AI System``."""
    plain = _plain(text)
    names = (n for first in _names_by_first_word().values() for n in first)
    if any(name[0] >= "\u2e80" and name in plain for name in names):
        return True
    return any(len(word) >= 4 and word[:5] in _role_stems() for word in _WORDS.findall(plain))


def role_named(text: str, scheme: Scheme) -> Role | None:
    """The role of ``scheme`` that ``text`` is the very name of, in any of the catalog's
    languages (``Accountable``, ``informed``, ``Redevable``); None for anything more
    (``Responsible Manager``)."""
    words = " ".join(_WORDS.findall(_plain(text)))
    return next((role for role in scheme.roles if words in _names(role)), None) if words else None


def role_of_header(text: str, scheme: Scheme) -> Role | None:
    """The role a column header names: ``Responsible``, ``R``, ``R (Responsible)``,
    ``Accountable party``, ``Responsable (R)``, ``Redevable``, ``Informiert``, any case;
    None when it names none of the scheme's roles."""
    plain = _plain(text)
    found = _WORDS.findall(plain)
    if not found:
        return None
    # Plurals name the role too: "Contributors", "Approvers".
    words = " ".join(found)
    singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found)
    for role in scheme.roles:
        if _names_in(role, words, plain) or _names_in(role, singular, plain):
            return role
    if len(words) == 1:
        return scheme.role(words.upper())
    given = _GIVEN_LETTER.search(_PLURAL.sub("", text))
    if given:
        return scheme.role((given.group(1) or given.group(2)).upper())
    letters = {_LETTER_OF[w] for w in found if w in _LETTER_OF}
    letters |= {_LETTER_OF[w] for w in _UNSPACED if w in plain}
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
