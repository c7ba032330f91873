"""Columns of a matrix that hold data about the deliverables rather than a party's roles:
notes, descriptions, status, dates, effort in days. They are set aside, and said."""

from __future__ import annotations

import re
from collections.abc import Sequence

from raci.cells import normalize_header
from raci.io.tables.table import is_blank, parse_roles
from raci.schemes import Scheme

#: Headers of such columns (as :func:`normalize_header` leaves them), in the languages of
#: the tables people write.
DATA_HEADERS = frozenset(
    {
        # English
        "notes", "note", "comments", "comment", "remarks", "remark", "description",
        "details", "status", "priority", "effort", "estimate", "hours", "days", "duration",
        "cost", "budget", "phase", "stage", "start", "end", "deadline", "date", "progress",
        "%complete", "frequency", "link", "reference", "tool", "tools", "output", "outputs",
        # German, Spanish, French, Portuguese
        "bemerkung", "bemerkungen", "kommentar", "beschreibung", "frist", "aufwand",
        "notas", "comentarios", "descripción", "estado", "plazo", "prioridad", "fecha",
        "commentaires", "remarques", "statut", "échéance", "priorité",
        "observações", "descrição", "prazo", "prioridade",
        # Russian, Chinese, Japanese
        "примечание", "примечания", "комментарий", "описание", "статус", "срок", "сроки",
        "备注", "说明", "状态", "期限", "描述", "优先级", "工作量", "备考", "状況",
    }
)  # fmt: skip
#: A header naming a quantity: ``Effort (days)``, ``Hours``, ``Cost, $``.
_QUANTITY_HEAD = re.compile(r"^(?:effort|estimate|hours|days|cost|budget|duration)\b", re.I)
#: A cell holding a number, a date, a percentage or a duration: ``3``, ``2.5 d``, ``40%``,
#: ``2026-03-01``, ``12/03``, ``4h``.
_QUANTITY = re.compile(
    r"^[\d\s.,:/%+-]*\d[\d\s.,:/%+-]*(?:h|hrs?|hours?|d|days?|w|wks?|weeks?|m|pts?)?$", re.I
)

#: A count of each role letter, as a summary beside the roles writes it: ``6R, 1A, 0C, 0I``.
_LETTER_COUNTS = re.compile(r"^\d+\s*[^\W\d_](?:\s*[,;/]\s*\d+\s*[^\W\d_])+$")


def is_quantity(text: str) -> bool:
    """Whether a cell holds a number, a date, a percentage, a duration or a count of each
    role letter (``6R, 1A, 0C, 0I``): never a name, never roles."""
    text = text.strip()
    return bool(_QUANTITY.match(text) or _LETTER_COUNTS.match(text))


def holds_numbers(cells: Sequence[str]) -> bool:
    """Whether cells hold numbers only (:func:`is_quantity`), one at least, blanks aside."""
    filled = [c for c in cells if not is_blank(c)]
    return bool(filled) and all(map(is_quantity, filled))


#: The longest text read as a mark someone meant as a role (``OK``, ``X?``); longer text
#: in a column where nothing reads as roles is a note.
_LONGEST_MARK = 3


def is_data_column(header: str, cells: Sequence[str], scheme: Scheme) -> bool:
    """Whether a column headed ``header`` holds data, not roles: none of its ``cells``
    reads as role letters, and its header says so (``Notes``, ``Status``, ``Effort``),
    or every filled cell is a number, a date or a duration, or (two or more cells) two in
    three are words longer than a mark (a note, a basis: ``first draft``, ``Căn cứ``)."""
    filled = [c.strip() for c in cells if not is_blank(c)]
    if not filled or any(parse_roles(c, scheme) for c in filled):
        return False
    key = normalize_header(header)
    if key in DATA_HEADERS or _QUANTITY_HEAD.match(header.strip()):
        return True
    if holds_numbers(filled):
        return True
    words = sum(len(c) > _LONGEST_MARK for c in filled)
    return len(filled) > 1 and words * 3 >= len(filled) * 2
