"""The rule registry and the engine that runs the rules.

A rule is a function taking a :class:`Context` and yielding findings, registered with
:func:`rule` under a name and a short code; its settings are declared as
:class:`Option` values, each with the check its values must pass.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from raci import progress
from raci._gc import no_cyclic_gc
from raci.exceptions import LoadError
from raci.findings import Finding, Findings, Said, Severity, SourceLocation, saying_of
from raci.lookup import as_clause, did_you_mean
from raci.model import Organization, require_organization

_CODE = re.compile(r"[A-Z][0-9]{3}")


class OptionCheck(Protocol):
    """Checks one option value; returns why it is wrong ('must be ... (got ...)') or None."""

    def __call__(self, org: Organization, value: Any) -> str | None: ...


class ExtraCheck(Protocol):
    """Checks an option the rule does not declare by name (``key: value``); returns why it
    is wrong, or None."""

    def __call__(self, org: Organization, key: Any, value: Any) -> str | None: ...


@attrs.frozen
class Option:
    """One setting of a rule: its default, the check every value must pass, and what it
    means (for the rule reference)."""

    default: Any
    check: OptionCheck
    about: str = ""


_T = TypeVar("_T")


@attrs.frozen
class Context:
    """What a rule sees: the organization, its options, and a way to make findings."""

    org: Organization
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]
    #: What the rules of one run work out from the organization, shared among them.
    shared: dict[Callable[[Organization], Any], Any] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def derived(self, make: Callable[[Organization], _T]) -> _T:
        """``make(org)``, worked out once for all the rules of this run."""
        found = self.shared.get(make)
        if found is None:
            found = self.shared[make] = make(self.org)
        return found

    def finding(
        self, subject: str, message: str | Said, location: SourceLocation, hint: str | Said = ""
    ) -> Finding:
        """A finding of this rule at its configured severity; a message (and hint) made
        with :func:`raci.findings.say` can be given in any language (:meth:`Finding.said`)."""
        return Finding(
            self.rule.name,
            self.severity,
            subject,
            str(message),
            location,
            str(hint),
            self.rule.code,
            saying=saying_of(message, hint),
        )


Check = Callable[[Context], Iterable[Finding]]


@attrs.frozen
class Rule:
    """A registered rule: name, short code, default severity and its options.

    ``extra`` checks options whose names the rule does not declare (role letters, for a
    rule tuned per role); without it such names are unknown options. ``example`` is a small
    file (named ``example_file``) that makes the rule fire, and ``fix`` says how to fix what
    it reports: the rule reference shows both, and the tests check that the example fires.
    """

    name: str
    code: str
    severity: Severity
    check: Check
    summary: str
    options: Mapping[str, Option] = attrs.field(factory=dict)
    extra: ExtraCheck | None = None
    example: str = ""
    example_file: str = "org.yaml"
    fix: str = ""
    #: Whether the rule runs unless a file or ``--select`` says otherwise.
    on_by_default: bool = True

    @property
    def defaults(self) -> dict[str, Any]:
        """The default value of each declared option."""
        return {k: o.default for k, o in self.options.items()}


RULES: dict[str, Rule] = {}


def rule(
    name: str,
    code: str,
    severity: Severity,
    summary: str,
    options: Mapping[str, Option] | None = None,
    extra: ExtraCheck | None = None,
    *,
    example: str = "",
    example_file: str = "org.yaml",
    fix: str = "",
    on_by_default: bool = True,
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule; a taken name or code, or a code not
    shaped like ``M101``, is refused at once. ``example``, ``example_file`` and ``fix``
    document the rule (see :class:`Rule`)."""
    if not _CODE.fullmatch(code):
        msg = f"rule code must be a capital letter and three digits, like M101 (got {code!r})"
        raise ValueError(msg)
    taken = [r.name for r in RULES.values() if r.name == name or r.code == code]
    if taken:
        msg = f"rule {name!r} ({code}) clashes with the registered rule {taken[0]!r}"
        raise ValueError(msg)

    def register(check: Check) -> Check:
        RULES[name] = Rule(
            name,
            code,
            severity,
            check,
            summary,
            dict(options or {}),
            extra,
            example=textwrap.dedent(example).lstrip("\n"),
            example_file=example_file,
            fix=fix,
            on_by_default=on_by_default,
        )
        return check

    return register


def _matches(r: Rule, token: str) -> int:
    """How specifically ``token`` names the rule: 0 when not at all (longest prefix wins)."""
    token = token.strip()
    if not token:
        return 0
    if token == r.name or token.upper() == r.code:
        return 1000
    if r.code.startswith(token.upper()):
        return len(token)
    if token.upper() == "ALL":
        return 1
    return 0


def _named(r: Rule, tokens: Sequence[str]) -> bool:
    """Whether ``--select`` names the rule itself (by name or code): that turns on a rule
    that is off by default."""
    return any(_matches(r, t) == 1000 for t in tokens)


def unknown_selectors(tokens: Sequence[str]) -> list[str]:
    """The --select/--ignore tokens that name no rule."""
    return [t for t in tokens if t.strip() and not any(_matches(r, t) for r in RULES.values())]


def selected(r: Rule, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    """Whether --select/--ignore leave the rule on; the more specific match decides."""
    chosen = max((_matches(r, t) for t in select), default=0) if select else 1
    dropped = max((_matches(r, t) for t in ignore or ()), default=0)
    return chosen > dropped


def check_selectors(value: Sequence[str] | None, what: str) -> list[str]:
    """``value`` as a list of rule names or codes; TypeError for what is not a list of
    strings, ValueError naming the tokens that name no rule (and the closest rule)."""
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(t, str) for t in value):
        msg = f"{what} must be a list of rule names or codes (got {value!r})"
        raise TypeError(msg)
    unknown = unknown_selectors(value)
    if unknown:
        names = [*RULES, *(r.code for r in RULES.values())]
        hint = did_you_mean(unknown[0], names)
        msg = f"no rule is named {', '.join(map(repr, unknown))}" + as_clause(hint)
        raise ValueError(msg)
    return list(value)


@attrs.frozen
class Setting:
    """A rule as a file sets it: on or off, its severity, its options."""

    enabled: bool
    severity: Severity
    options: Mapping[str, Any]


_SEVERITIES = ", ".join(s.value for s in Severity)


def _setting(org: Organization, r: Rule, value: Any) -> Setting | str:
    """Apply a file's setting for one rule (`off`, `on`, a severity, or a mapping of options);
    the reason it is wrong when it is."""
    default = Setting(True, r.severity, r.defaults)
    if value is False or value == "off":
        return attrs.evolve(default, enabled=False)
    if value is True or value == "on":
        return default
    if value is None:
        return attrs.evolve(default, enabled=r.on_by_default)
    if isinstance(value, str):
        if value in {s.value for s in Severity}:
            return attrs.evolve(default, severity=Severity(value))
        return (
            f"rule `{r.name}` setting must be off, on, {_SEVERITIES} or a mapping of options"
            f" (got {value!r})"
        )
    if not isinstance(value, dict):
        return f"rule `{r.name}` setting must be a mapping (got {value!r})"
    options = r.defaults
    severity = r.severity
    for key, option in value.items():
        if key == "severity":
            if option not in {s.value for s in Severity}:
                return f"`severity` of rule `{r.name}` must be {_SEVERITIES} (got {option!r})"
            severity = Severity(option)
        elif key == "enabled":
            if not isinstance(option, bool):
                return f"`enabled` of rule `{r.name}` must be true or false (got {option!r})"
            if not option:
                return attrs.evolve(default, enabled=False)
        elif key in r.options:
            why = r.options[key].check(org, option)
            if why is not None:
                return f"option `{key}` of rule `{r.name}` {why}"
            options[key] = option
        elif r.extra is not None:
            why = r.extra(org, key, option)
            if why is not None:
                return f"{r.name}: {why}"
            options[key] = option
        else:
            hint = did_you_mean(str(key), [*r.options, "severity", "enabled"])
            return f"rule `{r.name}` has no option `{key}`" + as_clause(hint)
    return Setting(True, severity, options)


def resolve(org: Organization) -> tuple[dict[str, Setting], list[Finding]]:
    """Every registered rule as the file sets it, and a finding for each bad setting, in
    file order (the rule then keeps its defaults)."""
    problems = []
    for name, setting in org.rule_settings.items():
        if name not in RULES:
            reason = f"unknown rule `{name}`" + as_clause(did_you_mean(name, RULES))
            problems.append(Finding.parse_error(setting.location, reason))
    settings: dict[str, Setting] = {}
    for r in RULES.values():
        settings[r.name] = Setting(r.on_by_default, r.severity, r.defaults)
        given = org.rule_settings.get(r.name)
        if given is None:
            continue
        found = _setting(org, r, given.value)
        if isinstance(found, str):
            problems.append(Finding.parse_error(given.location, found))
        else:
            settings[r.name] = found
    problems.sort(key=lambda f: f.sort_key)
    return settings, problems


def check_settings(org: Organization) -> list[Finding]:
    """A finding for each bad rule setting of the file (unknown rule, option or value)."""
    return resolve(org)[1]


def validate(
    org: Organization,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Findings:
    """Run the rules on the organization; findings sorted by file, line, rule.

    ``select``/``ignore`` take rule names or code prefixes (``M1``); one that names no
    rule is a ValueError. A rule setting of the organization's file (``rules:``) that names
    no rule or option, or a value its check refuses, raises :class:`raci.LoadError` with a
    finding at the setting's place.
    """
    require_organization(org, "validate")
    chosen, dropped = check_selectors(select, "select"), check_selectors(ignore, "ignore")
    settings, problems = resolve(org)
    if problems:
        raise LoadError(problems)
    shared: dict[Callable[[Organization], Any], Any] = {}
    plan = [
        Context(org, r, s.severity, s.options, shared)
        for r, s in ((RULES[name], s) for name, s in settings.items())
        if (s.enabled or _named(r, chosen)) and selected(r, chosen or None, dropped)
    ]
    with no_cyclic_gc():
        rules = progress.each("checking the rules", plan, "rules")
        findings = [f for ctx in rules for f in ctx.rule.check(ctx)]
    findings.sort(key=lambda f: f.sort_key)
    found = Findings(findings)
    found.language = org.language
    return found


def iter_rules() -> Iterator[Rule]:
    """The registered rules, by code."""
    return iter(sorted(RULES.values(), key=lambda r: r.code))
