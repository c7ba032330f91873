"""Findings: the one record of "a problem at a place", whether a rule or a reader found it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Union

import attrs

from raci._text import counted
from raci.words import Words


class Severity(str, enum.Enum):
    """How much a finding matters; ``error`` fails validation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos."""
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(order=True)
class SourceLocation:
    """A place in an input file; line and column count from 1 (0 when unknown).

    ``cell`` names a spreadsheet cell (``Sheet1!D7``), shown instead of line and column.
    """

    file: str
    line: int = 0
    column: int = 0
    cell: str = attrs.field(default="", kw_only=True)
    #: In a text table (CSV, Markdown), ``column`` is the character column where the
    #: cell's text starts (as editors read ``file:line:column``); this is the cell's index.
    cell_column: int = attrs.field(default=0, kw_only=True, eq=False, order=False)

    @property
    def sheet_cell(self) -> tuple[str, str]:
        """A spreadsheet cell's sheet and name (``("RACI", "D7")``); empty elsewhere."""
        sheet, _, cell = self.cell.rpartition("!")
        return sheet, cell

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}!{self.cell}"
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Word:
    """A fixed word inside a message (a role's title, a level): ``english`` as it reads in
    English, ``said`` giving it in another language."""

    english: str
    said: Callable[[Words], str] = attrs.field(eq=False)

    def __str__(self) -> str:
        return self.english


def number(n: float, decimals: int | None = None) -> Word:
    """A count (perhaps a fraction) as a message writes it: '1,573' or '0.5' in English,
    as the language writes numbers in another; with ``decimals``, a measure rounded to
    exactly that many ('4.0' in English, '4,0' in French)."""
    if decimals is not None:
        rounded = round(n, decimals)
        return Word(f"{n:,.{decimals}f}", lambda words: words.number(rounded, decimals, fixed=True))
    shown = int(n) if float(n).is_integer() else n
    return Word(f"{shown:,}", lambda words: words.number(shown))


@attrs.frozen
class Listed:
    """A field that lists names (ids, letters): 'a, b' in English, in another language
    with its own commas (``Words.listed``)."""

    items: tuple[Field, ...]

    def __str__(self) -> str:
        return ", ".join(map(str, self.items))

    def said(self, words: Words) -> str:
        return words.listed(_field(item, words) for item in self.items)


@attrs.frozen
class Alternatives:
    """A field that gives choices: 'P-5 or P-4' (in another language its word for "or")."""

    items: tuple[str, ...]

    def __str__(self) -> str:
        return " or ".join(self.items)

    def said(self, words: Words) -> str:
        return words.pgettext("between alternatives", " or ").join(self.items)


#: What fills a field of a message: a name, id or letter (never translated), a count
#: (written as the language writes numbers), a fixed word or a list, or a message itself.
Field = Union[str, int, float, Word, Listed, Alternatives, "Said"]


@attrs.frozen
class Said:
    """A message in English with its fields, to be said in any language of the catalog:
    ``str()`` gives the English, :meth:`said` the words of a language. Made by :func:`say`
    and :func:`nsay`, whose literal English the catalog's extraction reads."""

    text: str
    fields: Mapping[str, Field] = attrs.field(factory=dict)
    #: The English plural form, for a message whose form goes with ``count``.
    plural: str = ""
    count: float = 0
    #: The English, worked out once (a hint is often given to many findings).
    _english: str | None = attrs.field(default=None, init=False, eq=False, repr=False)

    def with_fields(self, **fields: Field) -> Said:
        """This message with ``fields`` (for a message written once and filled in later)."""
        return attrs.evolve(self, fields={**self.fields, **fields})

    def __str__(self) -> str:
        english = self._english
        if english is None:
            text = self.plural if self.plural and self.count != 1 else self.text
            english = text.format_map(self.fields)  # each field formats as its str()
            object.__setattr__(self, "_english", english)  # frozen, but kept once made
        return english

    def said(self, words: Words) -> str:
        """The message in the language of ``words`` (English exactly as ``str()``)."""
        if words.language == "en":
            return str(self)
        if self.plural:
            text = words.ngettext(self.text, self.plural, self.count)
        else:
            text = words.gettext(self.text)
        return text.format_map({k: _field(v, words) for k, v in self.fields.items()})


def _field(value: Field, words: Words) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return words.number(value)
    return value.said(words)


def say(text: str, **fields: Field) -> Said:
    """A message of a finding: its English ``text`` (a literal, for the catalog) with
    ``{fields}``."""
    return Said(text, fields)


def nsay(singular: str, plural: str, n: float, **fields: Field) -> Said:
    """A message whose form goes with the count ``n`` (its field ``{n}``)."""
    return Said(singular, {"n": n, **fields}, plural, n)


def saying_of(message: str | Said, hint: str | Said = "") -> tuple[Said, Said | None] | None:
    """The message and hint to say in another language (a finding's ``saying``): None
    when the message is English only, and no hint when the hint is."""
    if not isinstance(message, Said):
        return None
    return message, hint if isinstance(hint, Said) else None


#: The rule name of a finding that a file could not be read (as flake8's E999).
PARSE_ERROR = "parse-error"


@attrs.frozen
class Finding:
    """One rule's verdict on one subject (a deliverable, unit, position or party), or a
    reason a file could not be read (rule :data:`PARSE_ERROR`, which has no code)."""

    rule: str
    severity: Severity
    subject: str
    message: str
    location: SourceLocation
    hint: str = ""
    code: str = ""
    #: The message and hint with their fields, to give them in another language
    #: (:meth:`said`); None for a finding whose words are English only.
    saying: tuple[Said, Said | None] | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False
    )

    @classmethod
    def parse_error(cls, location: SourceLocation, reason: str) -> Finding:
        """A file (or a part of it) that could not be read, at ``location``."""
        return cls(PARSE_ERROR, Severity.ERROR, location.file, reason, location)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def said(self, words: Words) -> tuple[str, str]:
        """The message and the hint in the language of ``words`` (in English those of a
        finding that has no other)."""
        if self.saying is None or words.language == "en":
            return self.message, self.hint
        message, hint = self.saying
        return message.said(words), hint.said(words) if hint is not None else self.hint

    @property
    def sort_key(self) -> tuple[str, int, str, int, str]:
        """Findings sort by file, line, rule (then column and subject, for stability)."""
        loc = self.location
        return (loc.file, loc.line, self.rule, loc.column, self.subject)

    def to_dict(self) -> dict[str, object]:
        """The JSON object of one finding (docs/rules.md, `validate --format json`); ``code``
        is the rule's code, as ``--select`` takes it, or None for a finding of no registered
        rule (``parse-error``); a finding at a spreadsheet cell also has its ``sheet`` and
        ``cell``."""
        data: dict[str, object] = {
            "rule": self.rule,
            "code": self.code or None,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "line": self.location.line,
            "column": self.location.column,
            **({"cell_column": self.location.cell_column} if self.location.cell_column else {}),
            "hint": self.hint,
        }
        if self.location.cell:
            data["sheet"], data["cell"] = self.location.sheet_cell
        return data


class Findings(list[Finding]):
    """The findings of a run: a list, shown in one line (``<3 findings: 1 error, 2
    warnings>``) rather than every finding with its place."""

    #: The ``language`` of the model they are about: the language a person reads them in
    #: unless told otherwise (``Finding.said``); None when no model was read.
    language: str | None = None

    def __repr__(self) -> str:
        counts = dict.fromkeys(Severity, 0)
        for f in self:
            counts[f.severity] += 1
        shown = [counted(n, s.value) for s, n in counts.items() if n]
        return f"<{counted(len(self), 'finding')}{': ' if shown else ''}{', '.join(shown)}>"

    def _repr_html_(self) -> str | None:
        """The findings as a notebook shows them: a table of severity, code, rule, place,
        message and hint."""
        from raci._display import html

        return html(self)
