"""The names of the figures, of the common levels and of the built-in schemes' roles in a
language, from the catalog (:mod:`raci.words`): every output takes them from here (the
stats, the diff and its pictures, the chart's key, matrices and sheets). A level the
catalog does not know, and a custom scheme's role, keep the file's own word."""

from __future__ import annotations

from raci.analysis.figures import NAMES
from raci.schemes import BUILTIN_SCHEMES, Role, Scheme
from raci.words import pgettext_noop, words_for

#: The levels the catalog names, in lower case: the default levels, the UN's and a few
#: other common ones, and the row of units without a level (``figures.NO_LEVEL``).
LEVELS = frozenset(
    {
        pgettext_noop("level", "organization"),
        pgettext_noop("level", "department"),
        pgettext_noop("level", "office"),
        pgettext_noop("level", "division"),
        pgettext_noop("level", "branch"),
        pgettext_noop("level", "service"),
        pgettext_noop("level", "section"),
        pgettext_noop("level", "unit"),
        pgettext_noop("level", "team"),
        pgettext_noop("level", "committee"),
        pgettext_noop("level", "task-force"),
        pgettext_noop("level", "task force"),
        pgettext_noop("level", "(no level)"),
    }
)

#: A unit of each level the catalog names, as a sentence puts it ("a division under..."),
#: in the context "a unit of the level": its article, gender and case are the
#: language's, where the bare level names of :data:`LEVELS` have none.
A_LEVEL = {
    "organization": pgettext_noop("a unit of the level", "an organization"),
    "department": pgettext_noop("a unit of the level", "a department"),
    "office": pgettext_noop("a unit of the level", "an office"),
    "division": pgettext_noop("a unit of the level", "a division"),
    "branch": pgettext_noop("a unit of the level", "a branch"),
    "service": pgettext_noop("a unit of the level", "a service"),
    "section": pgettext_noop("a unit of the level", "a section"),
    "unit": pgettext_noop("a unit of the level", "a unit"),
    "team": pgettext_noop("a unit of the level", "a team"),
    "committee": pgettext_noop("a unit of the level", "a committee"),
    "task-force": pgettext_noop("a unit of the level", "a task-force"),
    "task force": pgettext_noop("a unit of the level", "a task force"),
}

#: The role names of each built-in scheme, which the catalog holds in the context
#: "<scheme> role" (a test keeps them and :data:`raci.schemes.BUILTIN_SCHEMES` together).
ROLES = {
    "RACI": (
        pgettext_noop("RACI role", "Responsible"),
        pgettext_noop("RACI role", "Accountable"),
        pgettext_noop("RACI role", "Consulted"),
        pgettext_noop("RACI role", "Informed"),
    ),
    "RASCI": (
        pgettext_noop("RASCI role", "Responsible"),
        pgettext_noop("RASCI role", "Accountable"),
        pgettext_noop("RASCI role", "Support"),
        pgettext_noop("RASCI role", "Consulted"),
        pgettext_noop("RASCI role", "Informed"),
    ),
    "RACI-VS": (
        pgettext_noop("RACI-VS role", "Responsible"),
        pgettext_noop("RACI-VS role", "Accountable"),
        pgettext_noop("RACI-VS role", "Consulted"),
        pgettext_noop("RACI-VS role", "Informed"),
        pgettext_noop("RACI-VS role", "Verifier"),
        pgettext_noop("RACI-VS role", "Signatory"),
    ),
    "DACI": (
        pgettext_noop("DACI role", "Driver"),
        pgettext_noop("DACI role", "Approver"),
        pgettext_noop("DACI role", "Contributor"),
        pgettext_noop("DACI role", "Informed"),
    ),
    "CAIRO": (
        pgettext_noop("CAIRO role", "Responsible"),
        pgettext_noop("CAIRO role", "Accountable"),
        pgettext_noop("CAIRO role", "Consulted"),
        pgettext_noop("CAIRO role", "Informed"),
        pgettext_noop("CAIRO role", "Out of the loop"),
    ),
}


def level_name(level: str, language: str | None) -> str:
    """A level's name in ``language`` (the level in any case); the file's own word for a
    level the catalog does not name, or does not translate."""
    key = level.casefold()
    if key not in LEVELS:
        return level
    name = words_for(language).pgettext("level", key)
    return level if name == key else name


def a_level(level: str | None, language: str | None) -> str:
    """What a unit of ``level`` is, as a sentence puts it: 'a division', 'an office' (in
    French 'une division', 'un bureau'); 'a unit' without a level. English keeps the
    file's word after its article; another language the file's word for a level the
    catalog does not name."""
    words = words_for(language)
    if not level:
        return words.gettext("a unit")
    if words.language == "en":
        an = level[:1].lower() in "aeiou" and not level.lower().startswith(
            ("uni", "use", "eu", "one")
        )
        return f"{'an' if an else 'a'} {level}"
    key = level.casefold()
    if key not in A_LEVEL:
        return level
    return words.pgettext("a unit of the level", A_LEVEL[key])


def figure_name(key: str, language: str | None) -> str:
    """The name of a figure (``posts``, ``depth``...) in ``language``."""
    return words_for(language).pgettext("figure", NAMES[key])


def role_name(scheme: Scheme, role: Role, language: str | None) -> str:
    """A role's name in ``language``: translated for the built-in schemes only (a custom
    scheme's names are the file's own words)."""
    if BUILTIN_SCHEMES.get(scheme.name) != scheme or role.name not in ROLES[scheme.name]:
        return role.name
    context = f"{scheme.name} role"
    return words_for(language).pgettext(context, role.name)
