"""Developer sessions: `nox -s tests lint typing examples docs bench catalogs`."""

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
    session.run("ruff", "check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")


@nox.session
def typing(session: nox.Session) -> None:
    """Mypy in strict mode on the package."""
    session.install("-e", ".[office]", "mypy", "types-PyYAML")
    session.run("mypy", "src")


@nox.session
def examples(session: nox.Session) -> None:
    """Validate and render every bundled example (the rendered files are committed)."""
    session.install("-e", ".")
    un = "examples/un-habitat-2020"
    session.run("raci", "validate", "--strict", f"{un}/org.yaml")
    session.run("raci", "validate", "examples/mistakes/org.yaml", success_codes=[1])
    session.run("raci", "chart", f"{un}/org.yaml", "-o", f"{un}/chart.svg")
    for lang in ("ar", "es", "fr", "ru", "zh"):  # the UN's other official languages
        session.run(
            "raci", "chart", f"{un}/org.yaml", "--lang", lang, "-o", f"{un}/chart.{lang}.svg"
        )
    session.run("raci", "chart", f"{un}/org.yaml", "-o", f"{un}/chart.mmd")
    session.run("raci", "matrix", f"{un}/org.yaml", "-o", f"{un}/matrix.md")
    session.run("raci", "report", f"{un}/org.yaml", "-o", f"{un}/report.html")
    session.run("raci", "validate", f"{un}/matrix.md")
    session.run("raci", "cascade", f"{un}/org.yaml", "-o", f"{un}/cascade.html")
    session.run("raci", "cascade", f"{un}/org.yaml", "--lang", "zh", "-o", f"{un}/cascade.zh.html")
    session.run("raci", "validate", "--strict", "examples/hr-export/workers.csv")
    session.run("raci", "validate", "examples/backstage/catalog.yaml")
    session.chdir("examples/restructuring")
    session.run("raci", "validate", "--strict", "after.yaml")
    for out in ("diff.txt", "diff.md", "change.svg"):
        session.run("raci", "diff", "before.yaml", "after.yaml", "-o", out)
    session.run(
        "raci", "diff", "before.yaml", "after.yaml", "--style", "side-by-side", "-o", "lineage.svg"
    )
    session.run("raci", "annex", "before.yaml", "after.yaml", "-o", "annex.docx")


#: The gettext catalog of the fixed words: the template and each language's .po and .mo.
CATALOG = "src/raci/words/locale"
#: The calls whose strings are messages (msgctxt first where there is one).
KEYWORDS = (
    "gettext",
    "ngettext:1,2",
    "npgettext:1c,2,3",
    "pgettext:1c,2",
    "pgettext_noop:1c,2",
    "say",
    "nsay:1,2",
)


@nox.session
def catalogs(session: nox.Session) -> None:
    """Extract the fixed words of the source into the catalog's template (raci.pot), bring
    each language's raci.po up to date with it (a changed English text comes back marked
    fuzzy, its old translation kept for a translator to check), and compile them into the
    raci.mo files the package ships. Commit all three (docs/translating.md)."""
    session.install("babel")
    pot = f"{CATALOG}/raci.pot"
    keywords = [f"--keyword={k}" for k in KEYWORDS]
    session.run(
        "pybabel", "extract", "--mapping-file=babel.cfg", "--no-default-keywords", *keywords,
        "--add-comments=Translators:", "--strip-comments", "--add-location=file",
        "--project=raci", "--copyright-holder=raci contributors", f"--output-file={pot}",
        "src/raci",
    )  # fmt: skip
    session.run(
        "pybabel", "update", f"--input-file={pot}", f"--output-dir={CATALOG}", "--domain=raci",
        "--ignore-obsolete", "--ignore-pot-creation-date",
    )  # fmt: skip
    session.run("pybabel", "compile", f"--directory={CATALOG}", "--domain=raci", "--statistics")


#: The docs build: warnings are errors (all reported, then it fails), every reference must
#: resolve, from a fresh environment. .ci/run runs the same command.
DOCS_BUILD = (
    "sphinx-build",
    "-E",
    "-W",
    "--keep-going",
    "-n",
    "-b",
    "html",
    "docs",
    "docs/_build/html",
)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into docs/_build/html, with nothing fetched from the
    network."""
    session.install("-e", ".[docs]")
    session.run(*DOCS_BUILD, *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Every command at scale, against the yardstick, in one table (docs/performance.md);
    `nox -s bench -- --sizes 10k,100k,1M` adds the million-assignment model."""
    session.install("-e", ".")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(name="print")
def print_(session: nox.Session) -> None:
    """Every printed output measured: pages, paper, smallest text, bytes per page
    (docs/performance.md); `nox -s print -- --only chart --keep out/`."""
    session.install("-e", ".")
    session.run("python", "benchmarks/bench_print.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Run every command on mutated inputs: `nox -s fuzz -- --minutes 10`."""
    session.install("-e", ".")
    session.run("python", "fuzz/run.py", *session.posargs)
