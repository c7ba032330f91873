"""Findings reporters: GitHub annotations escape what would end a property or a line."""

from __future__ import annotations

from raci.findings import Finding, Severity, SourceLocation
from raci.render.reporters import GithubReporter


def test_github_annotation_escapes_properties_and_message() -> None:
    """A `,` or `:` in a property would start another property or the message; `%` and a
    line break are escaped everywhere, `%` first, so an escape is never escaped twice."""
    where = SourceLocation("plans,2020:v%1\nnew.yaml", 3, 7)
    finding = Finding(
        "odd,rule:name", Severity.WARNING, "a,b", "50% done, see: a\nb", where, "fix, it"
    )
    out = GithubReporter()({where.file: [finding]})
    assert out == (
        "::warning file=plans%2C2020%3Av%251%0Anew.yaml,line=3,col=7,"
        "title=odd%2Crule%3Aname::50%25 done, see: a%0Ab (fix, it)\n"
    )


def test_a_finding_without_a_line_has_only_file_and_title() -> None:
    finding = Finding.parse_error(SourceLocation("a,b.csv"), "not UTF-8")
    out = GithubReporter()({"a,b.csv": [finding]})
    assert out == "::error file=a%2Cb.csv,title=parse-error::not UTF-8\n"


def test_sarif_uris_are_percent_encoded() -> None:
    import json

    from raci.render.reporters import SarifReporter

    def uri(file: str) -> str:
        f = Finding("silo", Severity.INFO, "d", "m", SourceLocation(file, 1, 1), "")
        log = json.loads(SarifReporter()({file: [f]}))
        return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
            "uri"
        ]

    assert uri("a b#c%20d?.yaml") == "a%20b%23c%2520d%3F.yaml"
    assert uri("docs/RACI 表.md") == "docs/RACI%20%E8%A1%A8.md"
    assert uri("/tmp/x y.yaml") == "file:///tmp/x%20y.yaml"
