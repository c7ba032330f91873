"""One table of level and figure names in each language, and every output takes it."""

from __future__ import annotations

import pytest

from raci.analysis.names import LEVEL_NAMES, figure_name, level_name
from raci.render.chart.words import Words
from raci.restructure.words import ChangeWords


@pytest.mark.parametrize("level", sorted(LEVEL_NAMES["zh"]))
def test_the_chart_and_the_diff_name_a_level_alike(level: str) -> None:
    expected = LEVEL_NAMES["zh"][level]
    assert level_name(level, "zh-Hans") == expected
    assert Words.for_lang("zh").level(level, 0) == expected
    assert ChangeWords.for_lang("zh_CN").level(level) == expected


def test_unknown_levels_and_languages_keep_the_files_word() -> None:
    assert level_name("Directorate", "zh") == "Directorate"
    assert level_name("Division", "zh") == "司"
    assert level_name("division", "fr") == "division"
    assert figure_name("posts", "zh") == "职位"
    assert figure_name("posts", "fr") == "posts"
