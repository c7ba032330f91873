"""Rules about how a Backstage catalog was read: entities skipped, references to groups
and users outside the file, and groups that two entities place apart."""

from __future__ import annotations

from collections.abc import Iterator

from raci.findings import Finding, Severity
from raci.rules.registry import Context, rule
from raci.rules.tables import reader_notes

_CATALOG = """\
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: acme}
    spec: {type: organization, children: [web]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: web}
    spec: {type: team, parent: acme, children: [data]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: data}
    spec: {type: team, parent: acme, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: payments}
    spec: {type: service, owner: web}
"""


@rule(
    "catalog-reading",
    "C101",
    Severity.INFO,
    "How a Backstage catalog was read: entities of other kinds than Group and User"
    " skipped, a group whose parent is not in the file placed at the top, members and"
    " groups named but not in the file.",
    example=_CATALOG,
    example_file="catalog-info.yaml",
    fix="Nothing to fix when the file holds the part of the organization you meant; else"
    " add the groups and users it names to it.",
)
def catalog_reading(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)


@rule(
    "catalog-mismatch",
    "C102",
    Severity.WARNING,
    "A Backstage group is listed among the `spec.children` of a group other than its"
    " `spec.parent`; raci follows `spec.parent`.",
    example=_CATALOG,
    example_file="catalog-info.yaml",
    fix="Make the group's `spec.parent` and its parent's `spec.children` agree.",
)
def catalog_mismatch(ctx: Context) -> Iterator[Finding]:
    yield from reader_notes(ctx)
