"""Developer sessions: `nox -s tests lint typing examples bench`."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typing", "examples"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: lint and formatting check."""
    session.install("ruff")
    session.run("ruff", "check", "src", "tests", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "noxfile.py")


@nox.session
def typing(session: nox.Session) -> None:
    """Mypy in strict mode on the package."""
    session.install("-e", ".", "mypy", "types-PyYAML")
    session.run("mypy", "src")


@nox.session
def examples(session: nox.Session) -> None:
    """Validate and render every bundled example (the rendered files are committed)."""
    session.install("-e", ".")
    un = "examples/un-habitat-2020"
    session.run("raci", "validate", "--strict", f"{un}/org.yaml")
    session.run("raci", "validate", "examples/mistakes/org.yaml", success_codes=[1])
    session.run("raci", "chart", f"{un}/org.yaml", "-o", f"{un}/chart.svg")
    session.run("raci", "chart", f"{un}/org.yaml", "--lang", "zh", "-o", f"{un}/chart.zh.svg")
    session.run("raci", "matrix", f"{un}/org.yaml", "-o", f"{un}/matrix.md")
    session.run("raci", "report", f"{un}/org.yaml", "-o", f"{un}/report.html")
    session.run("raci", "validate", f"{un}/matrix.md")


@nox.session
def bench(session: nox.Session) -> None:
    """Time load and validate on synthetic organizations."""
    session.install("-e", ".")
    session.run("python", "benchmarks/run.py", *session.posargs)
