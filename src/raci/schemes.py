"""Responsibility schemes: RACI and its variants, and custom ones."""

from __future__ import annotations

import attrs

#: What a role means to the rules, whatever its letter in a scheme.
KINDS = ("accountable", "responsible", "consulted", "informed", "other")


@attrs.frozen
class Role:
    """One role of a scheme: its letter, name and how many parties may hold it per deliverable."""

    letter: str
    name: str
    min: int = 0
    max: int | None = None
    kind: str = "other"

    def admits(self, count: int) -> bool:
        """Whether ``count`` parties in this role respect its cardinality."""
        return count >= self.min and (self.max is None or count <= self.max)


@attrs.frozen(cache_hash=True)
class Scheme:
    """A named, ordered set of roles."""

    name: str
    roles: tuple[Role, ...]

    @property
    def letters(self) -> tuple[str, ...]:
        """The role letters in scheme order."""
        return tuple(r.letter for r in self.roles)

    def role(self, letter: str) -> Role | None:
        """The role with this letter, or None."""
        for r in self.roles:
            if r.letter == letter:
                return r
        return None

    def letter_of(self, kind: str) -> str | None:
        """The letter whose role has this kind ('accountable', 'responsible'...), or None."""
        for r in self.roles:
            if r.kind == kind:
                return r.letter
        return None

    def order(self, letters: set[str] | frozenset[str]) -> list[str]:
        """Letters sorted in scheme order; letters outside the scheme go last, alphabetically."""
        known = [r.letter for r in self.roles if r.letter in letters]
        return known + sorted(letters - set(known))


_R = Role("R", "Responsible", 1, None, "responsible")
_A = Role("A", "Accountable", 1, 1, "accountable")
_C = Role("C", "Consulted", 0, None, "consulted")
_I = Role("I", "Informed", 0, None, "informed")

BUILTIN_SCHEMES: dict[str, Scheme] = {
    "RACI": Scheme("RACI", (_R, _A, _C, _I)),
    "RASCI": Scheme("RASCI", (_R, _A, Role("S", "Support"), _C, _I)),
    "RACI-VS": Scheme("RACI-VS", (_R, _A, _C, _I, Role("V", "Verifier"), Role("S", "Signatory"))),
    "DACI": Scheme(
        "DACI",
        (
            Role("D", "Driver", 1, 1, "responsible"),
            Role("A", "Approver", 1, 1, "accountable"),
            Role("C", "Contributor", 0, None, "consulted"),
            Role("I", "Informed", 0, None, "informed"),
        ),
    ),
    "CAIRO": Scheme("CAIRO", (_R, _A, _C, _I, Role("O", "Out of the loop"))),
}

DEFAULT_SCHEME = BUILTIN_SCHEMES["RACI"]

#: The letters of every built-in scheme's roles (a cell of them may be role letters before
#: the scheme is known).
BUILTIN_LETTERS = frozenset(letter for s in BUILTIN_SCHEMES.values() for letter in s.letters)

#: Kinds assumed for the usual letters of a custom scheme that does not say.
DEFAULT_KINDS = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}


class UnknownSchemeError(ValueError):
    """A name that is no built-in scheme's."""


def scheme_named(name: str) -> Scheme:
    """The built-in scheme of that name, in any case (``rasci`` is RASCI)."""
    found = {key.casefold(): scheme for key, scheme in BUILTIN_SCHEMES.items()}
    scheme = found.get(name.strip().casefold())
    if scheme is None:
        from raci.lookup import as_clause, did_you_mean

        msg = f"unknown scheme {name!r}; expected one of {', '.join(BUILTIN_SCHEMES)}" + as_clause(
            did_you_mean(name.upper(), BUILTIN_SCHEMES)
        )
        raise UnknownSchemeError(msg)
    return scheme
