"""A contact list (``Role | Name | Phone | E-mail | Deputy``): columns of contact details,
not parties or roles, so a table of them left empty is no template of a matrix."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Words of a column of contact details, in the languages role names are read in,
#: compared without case (``E-mail`` gives ``mail``).
CONTACT_WORDS = frozenset(
    {
        "name",
        "phone",
        "telephone",
        "tel",
        "mobile",
        "cell",
        "mail",
        "email",
        "address",
        "contact",
        "substitute",
        "deputy",
        "backup",
        "nome",
        "telefone",
        "celular",
        "contato",
        "contacto",
        "endereço",
        "substituto",
        "suplente",
        "nombre",
        "teléfono",
        "telefono",
        "móvil",
        "correo",
        "dirección",
        "sustituto",
        "nom",
        "téléphone",
        "courriel",
        "adresse",
        "suppléant",
        "remplaçant",
        "telefon",
        "handy",
        "kontakt",
        "vertreter",
        "vertretung",
        "имя",
        "фио",
        "телефон",
        "почта",
        "адрес",
        "контакт",
        "заместитель",
        "姓名",
        "电话",
        "邮箱",
        "地址",
        "联系方式",
    }
)
_WORDS = re.compile(r"[^\W\d_]+")


def contact_columns(header: Sequence[str]) -> list[str]:
    """The header's cells past the first when each names a contact detail (``Nome``,
    ``Telefone``, ``E-mail``) and there are two or more; else none."""
    cells = [text.strip() for text in header[1:] if text.strip()]
    named = [text for text in cells if _contact(text)]
    return named if len(named) >= 2 and len(named) == len(cells) else []


def _contact(text: str) -> bool:
    words = _WORDS.findall(text.casefold())
    return any(w in CONTACT_WORDS for w in words) or "".join(words) in CONTACT_WORDS
