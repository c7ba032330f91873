"""The punctuation that joins fixed words to names is the language's, from the catalog."""

from __future__ import annotations

import re

import pytest
from tests.helpers import EXAMPLES

import raci
from raci.render.chart.orgchart import chart_sources

EXAMPLE = EXAMPLES / "un-habitat-2020" / "org.yaml"


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "</B>: Executive Director<"),
        ("fr", "</B>\xa0: Executive Director<"),
        ("zh", "</B>：执行主任<"),
    ],
)
def test_a_highlighted_box_labels_its_posts_roles(language: str, label: str) -> None:
    (source,) = chart_sources(
        raci.load(EXAMPLE), lang=language, highlight="fs-2019", positions=False
    )
    assert label in source


def test_a_matrix_columns_tooltip_notes_its_id_in_the_languages_brackets() -> None:
    html = str(raci.render_matrix(raci.load(EXAMPLE), format="html", lang="zh"))
    titles = re.findall(r'<th class="v" scope="col" title="([^"]*)"', html)
    assert titles
    assert all(t.endswith("）") and "（" in t for t in titles)
