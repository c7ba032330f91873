"""`raci stats`: the structure's figures and who carries the work."""

from __future__ import annotations

import click

from raci.analysis.figures import stats
from raci.cli._common import configuration, echo, handle_errors, load_source
from raci.cli._config import config_options
from raci.cli._options import lang_option, scheme_option, sheet_option
from raci.render.figures_text import FORMATS, render_figures


@click.command(
    "stats",
    epilog="""\b
Examples:
  raci stats org.yaml
  raci stats org.yaml --format json
  raci stats org.yaml --format markdown > figures.md
  raci stats org.yaml --lang zh
  raci stats org.yaml --ids""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="A readable table; JSON (one object: counts, depth, units by level, span of"
    " control, headcount, each party's workload by role, post load); or Markdown for a paper.",
)
@lang_option("names and headings")
@click.option(
    "--ids",
    is_flag=True,
    help="Show units, posts, parties and groups by id instead of by name (JSON always does).",
)
@scheme_option
@sheet_option
@config_options
@handle_errors
def command(
    file: str, fmt: str, lang: str | None, ids: bool, scheme: str | None, sheet: str | None
) -> None:
    """Print the figures: units, positions listed, posts (filled and vacant), depth, units
    by level, span of control (and the unusually narrow or wide), the posts of each unit
    with those below it, the workload of each party, who carries the most A and R,
    deliverables per group, vacant posts and each post's load (direct and inherited)."""
    model = load_source(file, scheme=scheme, sheet=sheet)
    lang = lang or configuration(file).lang
    title = model.names.get(lang)
    echo(render_figures(stats(model), fmt, title, org=model, lang=lang, ids=ids), nl=False)
