"""What an org sheet's cells say of a person: a name split into first- and last-name
columns (d3-org-chart's `name` and `surname`, HR systems' `First Name` and `Last Name`),
and a name cell that says the post is vacant (`VACANT`, `TBD`, `Open position`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import attrs

from raci._text import quoted
from raci.cells import normalize_header
from raci.findings import Listed, Said, say
from raci.model import TITLE_ATTRIBUTES, Names, Position, Unit

#: The fields of a name's parts, in the order a given-name-first language joins them.
NAME_PARTS = ("given", "middle", "family")
#: Headers of each part (compared as :func:`raci.cells.normalize_header` leaves them).
PART_HEADERS: dict[str, frozenset[str]] = {
    "given": frozenset(
        {
            "firstname",
            "fname",
            "givenname",
            "forename",
            "christianname",
            "legalfirstname",
            "vorname",  # de
            "prénom",  # fr
            "prenom",
            "nombre",  # es
            "nombres",
            "nome",  # it, pt
            "primeironome",
            "jméno",  # cs
            "křestníjméno",
            "imię",  # pl
            "voornaam",  # nl
            "förnamn",  # sv
            "fornavn",  # da, no
            "etunimi",  # fi
            "keresztnév",  # hu
            "utónév",
            "tên",  # vi
            "имя",  # ru
            "名",  # zh, ja
            "名字",
            "이름",  # ko
        }
    ),
    "middle": frozenset({"middlename", "middleinitial", "secondname", "отчество", "patronymic"}),
    "family": frozenset(
        {
            "lastname",
            "lname",
            "surname",
            "familyname",
            "legallastname",
            "nachname",  # de
            "familienname",
            "nom",  # fr
            "nomdefamille",
            "apellido",  # es
            "apellidos",
            "cognome",  # it
            "sobrenome",  # pt
            "apelido",
            "příjmení",  # cs
            "nazwisko",  # pl
            "achternaam",  # nl
            "efternamn",  # sv
            "efternavn",  # da
            "etternavn",  # no
            "sukunimi",  # fi
            "vezetéknév",  # hu
            "családnév",
            "họ",  # vi
            "фамилия",  # ru
            "姓",  # zh, ja
            "姓氏",
            "氏",
            "성",  # ko
        }
    ),
}
#: Family-name headers of languages that write the family name first, with what joins it
#: to the given name: nothing in Chinese, Japanese and Korean, a space in Hungarian and
#: Vietnamese.
FAMILY_FIRST = {
    "姓": "",
    "姓氏": "",
    "氏": "",
    "성": "",
    "vezetéknév": " ",
    "családnév": " ",
    "họ": " ",
}
#: The header of a name column that, beside one half of a split name, is the other half
#: (`name` beside `surname` holds first names; beside `Vorname`, family names).
_HALF = "name"


@attrs.frozen
class NameColumns:
    """The columns a row's name is made of, in the order they join, and what joins them."""

    columns: tuple[int, ...]
    joiner: str

    def join(self, cells: Sequence[str]) -> str:
        """The name the row's cells make (the parts that are filled)."""
        parts = (cells[c] for c in self.columns if c < len(cells))
        return self.joiner.join(p for p in parts if p)


def part_columns(keys: Sequence[str], found: Mapping[str, int]) -> dict[str, int]:
    """The column of each part of a split name (``given``, ``middle``, ``family``) in a
    header row (``keys`` as normalized), beside the fields already ``found``; empty when
    the name is not split, or when a full-name column (`Display Name`) is there too. A
    column headed just `name` beside one half is the other half."""
    taken = set(found.values())
    parts: dict[str, int] = {}
    for field in NAME_PARTS:
        column = next(
            (c for c, k in enumerate(keys) if k in PART_HEADERS[field] and c not in taken), None
        )
        if column is not None:
            parts[field] = column
    if "given" not in parts and "family" not in parts:
        return {}
    name = found.get("name")
    if name is not None:
        if keys[name] != _HALF or ("given" in parts and "family" in parts):
            return {}
        parts["family" if "given" in parts else "given"] = name
    return parts


def name_columns(keys: Sequence[str], columns: Mapping[str, int]) -> NameColumns | None:
    """How the parts among ``columns`` (as :func:`part_columns` gives them) make a name:
    given, middle and family name with spaces, or the family name first in a language
    that writes it first (`姓` and `名`: no space)."""
    parts = {f: columns[f] for f in NAME_PARTS if f in columns}
    if not parts:
        return None
    family = parts.get("family")
    joiner = FAMILY_FIRST.get(keys[family]) if family is not None else None
    if joiner is None:
        return NameColumns(tuple(parts.values()), " ")
    order = ("family", "given", "middle")
    return NameColumns(tuple(parts[f] for f in order if f in parts), joiner)


def made_of(header: Sequence[str], naming: NameColumns, example: str) -> Said:
    """The note's words on the columns that make each row's name."""
    listed = [quoted(header[c]) for c in naming.columns]
    if len(listed) == 1:
        return say(
            "each row's name is its {column} column, the only part of a name there is",
            column=listed[0],
        )
    columns = Listed(tuple(listed[:-1]))
    if example:
        return say(
            "each row's name is made of the columns {columns} and {last} ({example})",
            columns=columns,
            last=listed[-1],
            example=quoted(example),
        )
    return say(
        "each row's name is made of the columns {columns} and {last}",
        columns=columns,
        last=listed[-1],
    )


#: What a name cell says when the post has no holder, compared without case, brackets
#: around the whole, or a number after it (`Vacant 2`, `TBH #3`).
VACANT_WORDS = frozenset(
    {
        "vacant",
        "vacancy",
        "vacant position",
        "vacant post",
        "vacant role",
        "position vacant",
        "post vacant",
        "open position",
        "open role",
        "open req",
        "open requisition",
        "open headcount",
        "tbd",
        "tbh",
        "tba",
        "to be hired",
        "to be determined",
        "to be appointed",
        "to be recruited",
        "to be named",
        "vacante",  # es, it
        "puesto vacante",
        "plaza vacante",
        "posto vacante",
        "vacant(e)",  # fr
        "poste vacant",
        "à pourvoir",
        "poste à pourvoir",
        "vakant",  # de
        "unbesetzt",
        "offene stelle",
        "vacature",  # nl
        "vaga",  # pt
        "neobsazeno",  # cs
        "volné místo",
        "wakat",  # pl
        "вакансия",  # ru
        "вакантно",
        "вакант",
        "空缺",  # zh
        "空缺职位",
        "空缺職位",
        "待招聘",
        "空席",  # ja
        "欠員",
    }
)
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">", "（": "）", "【": "】"}
_NUMBERED = re.compile(r"(.*?)\s*(?:#|no\.?|n°)?\s*\d*")


def says_vacant(text: str) -> bool:
    """Whether a name cell says that the post is vacant (:data:`VACANT_WORDS`)."""
    text = " ".join(text.split()).casefold()
    while len(text) > 2 and _BRACKETS.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    if text in VACANT_WORDS:
        return True
    found = _NUMBERED.fullmatch(text)
    return found is not None and found.group(1) in VACANT_WORDS


def vacant_post(unit: Unit, taken: Collection[str]) -> tuple[Unit, Position]:
    """A row that says its post is vacant, as a unit named by the row's title (else as
    the row names it) whose head is that post, vacant: ``<id>-post``, numbered when the
    id is ``taken``. The title is the post's, no longer the unit's attribute."""
    title = unit.title
    ident, n = f"{unit.id}-post", 2
    while ident in taken:
        ident, n = f"{unit.id}-post-{n}", n + 1
    names = Names.plain(title) if title else unit.names
    post = Position(ident, names, unit.id, vacant=True, location=unit.location)
    attributes = without_title(unit.attributes, title)
    return attrs.evolve(unit, names=names, head=ident, attributes=attributes), post


def without_title(attributes: Mapping[str, Any], title: str) -> dict[str, Any]:
    """A row's attributes but the job title column that gives ``title``."""
    return {
        k: v
        for k, v in attributes.items()
        if not (title and v == title and normalize_header(k) in TITLE_ATTRIBUTES)
    }
