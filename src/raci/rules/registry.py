"""The rule registry, per-file rule settings, and the engine that runs the rules."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from raci._gc import no_cyclic_gc
from raci.exceptions import LoadError
from raci.findings import Finding, Severity, SourceLocation
from raci.model import Organization, RuleSetting


@attrs.frozen
class Context:
    """What a rule sees: the organization, its options, and a way to make findings."""

    org: Organization
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]

    def finding(
        self, subject: str, message: str, location: SourceLocation, hint: str = ""
    ) -> Finding:
        """A finding of this rule at its configured severity."""
        return Finding(
            self.rule.name, self.severity, subject, message, location, hint, self.rule.code
        )


Check = Callable[[Context], Iterable[Finding]]
OptionCheck = Callable[[Organization, Mapping[str, Any], SourceLocation], list[Finding]]


@attrs.frozen
class Rule:
    """A registered rule: name, short code, default severity, defaults of its options."""

    name: str
    code: str
    severity: Severity
    check: Check
    summary: str
    defaults: Mapping[str, Any] = attrs.field(factory=dict)
    check_options: OptionCheck | None = None


RULES: dict[str, Rule] = {}


def rule(
    name: str,
    code: str,
    severity: Severity,
    summary: str,
    defaults: Mapping[str, Any] | None = None,
    check_options: OptionCheck | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule."""

    def register(check: Check) -> Check:
        RULES[name] = Rule(
            name, code, severity, check, summary, dict(defaults or {}), check_options
        )
        return check

    return register


def _problem(where: SourceLocation, reason: str) -> Finding:
    return Finding.parse_error(where, reason)


def _suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


@attrs.frozen
class _Resolved:
    enabled: bool
    severity: Severity
    options: Mapping[str, Any]


def _resolve(
    org: Organization, r: Rule, setting: RuleSetting | None, problems: list[Finding]
) -> _Resolved:
    """Apply a file's setting for one rule: `off`, `on`, a severity, or options."""
    resolved = _Resolved(True, r.severity, dict(r.defaults))
    if setting is None:
        return resolved
    value, where = setting.value, setting.location
    if value is False or value == "off":
        return attrs.evolve(resolved, enabled=False)
    if value is True or value == "on" or value is None:
        return resolved
    if isinstance(value, str):
        try:
            return attrs.evolve(resolved, severity=Severity(value))
        except ValueError:
            problems.append(
                _problem(
                    where,
                    f"rule `{r.name}` setting must be off, on, error, warning, info or a mapping"
                    f" of options (got {value!r})",
                )
            )
            return resolved
    if not isinstance(value, dict):
        problems.append(
            _problem(where, f"rule `{r.name}` setting must be a mapping (got {value!r})")
        )
        return resolved
    options = dict(r.defaults)
    severity = r.severity
    for key, option in value.items():
        if key == "severity":
            try:
                severity = Severity(option)
            except ValueError:
                problems.append(
                    _problem(where, f"`severity` of rule `{r.name}` must be error, warning or info")
                )
        elif key == "enabled":
            if option is False:
                return attrs.evolve(resolved, enabled=False)
        elif r.check_options is None and key not in r.defaults:
            known = [*r.defaults, "severity", "enabled"]
            problems.append(
                _problem(
                    where, f"rule `{r.name}` has no option `{key}`" + _suggest(str(key), known)
                )
            )
        elif r.check_options is None and (
            isinstance(option, bool) or not isinstance(option, int) or option < 0
        ):
            problems.append(
                _problem(
                    where,
                    f"option `{key}` of rule `{r.name}` must be a whole number (got {option!r})",
                )
            )
        else:
            options[key] = option
    if r.check_options is not None:
        problems.extend(r.check_options(org, options, where))
    return _Resolved(True, severity, options)


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


def unknown_selectors(tokens: Sequence[str]) -> list[str]:
    """The --select/--ignore tokens that name no rule."""
    return [t for t in tokens if t.strip() and not any(_matches(r, t) for r in RULES.values())]


def selected(r: Rule, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    """Whether --select/--ignore leave the rule on; the more specific match decides."""
    chosen = max((_matches(r, t) for t in select), default=0) if select else 1
    dropped = max((_matches(r, t) for t in ignore or ()), default=0)
    return chosen > dropped


def validate(
    org: Organization,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Run the rules on the organization; findings sorted by file, line, rule.

    ``select``/``ignore`` take rule names or code prefixes (``M1``). Bad rule
    settings in the file raise :class:`raci.LoadError`.
    """
    problems: list[Finding] = []
    for name, setting in org.rule_settings.items():
        if name not in RULES:
            problems.append(
                _problem(setting.location, f"unknown rule `{name}`" + _suggest(name, RULES))
            )
    plan = []
    for r in RULES.values():
        resolved = _resolve(org, r, org.rule_settings.get(r.name), problems)
        if resolved.enabled and selected(r, select, ignore):
            plan.append(Context(org, r, resolved.severity, resolved.options))
    if problems:
        raise LoadError(problems)
    with no_cyclic_gc():
        findings = [f for ctx in plan for f in ctx.rule.check(ctx)]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def iter_rules() -> Iterator[Rule]:
    """The registered rules, by code."""
    return iter(sorted(RULES.values(), key=lambda r: r.code))
