"""One table of level and figure names in each language, and every output takes it."""

from __future__ import annotations

import pytest

from raci.analysis.names import LEVELS, figure_name, level_name
from raci.render.chart.words import ChartWords
from raci.restructure.words import ChangeWords

#: The common levels in Chinese.
CHINESE = {
    "organization": "组织",
    "department": "部",
    "office": "办公室",
    "division": "司",
    "branch": "处",
    "service": "事务处",
    "section": "科",
    "unit": "股",
    "team": "团队",
    "committee": "委员会",
    "task-force": "工作队",
    "task force": "工作队",
    "(no level)": "（无层级）",
}


@pytest.mark.parametrize("level", sorted(CHINESE))
def test_the_chart_and_the_diff_name_a_level_alike(level: str) -> None:
    expected = CHINESE[level]
    assert level_name(level, "zh-Hans") == expected
    assert ChartWords.for_lang("zh").level(level, 0) == expected
    assert ChangeWords.for_lang("zh_CN").level(level) == expected


def test_unknown_levels_and_languages_keep_the_files_word() -> None:
    assert level_name("Directorate", "zh") == "Directorate"
    assert level_name("Division", "zh") == "司"
    assert level_name("division", "de") == "division"
    assert figure_name("posts", "zh") == "职位"
    assert figure_name("posts", "de") == "posts"


@pytest.mark.parametrize("language", ["ar", "es", "fr", "ru", "zh"])
def test_each_level_has_its_own_name_in_each_language(language: str) -> None:
    """Two levels of one chart or one table of figures must not read alike (French once
    named both the branch and the service "service")."""
    levels = sorted(LEVELS - {"task force"})  # the same level as "task-force"
    names = [level_name(level, language) for level in levels]
    assert len(set(names)) == len(names), dict(zip(levels, names, strict=True))
    assert level_name("branch", "fr") == "service"  # United Nations French for a branch
