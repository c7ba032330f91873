"""Counts and level names put into sentences: each sentence a message of its own, so that
a language can make its words agree (gender, number, case, articles)."""

from __future__ import annotations

import pytest

import raci
from helpers import loads
from raci.render.notebook.change import too_large
from raci.render.notebook.chart import cut_chart
from raci.restructure.words import ChangeWords
from raci.words import words_for


class TestChangeCounts:
    @pytest.mark.parametrize(
        ("language", "section", "group", "n", "written"),
        [
            ("en", "units", "created", 2, "2 created"),
            ("en", "deliverables", "accountable", 1, "1 with a new Accountable"),
            ("fr", "units", "created", 2, "2 créées"),  # une unité
            ("fr", "posts", "created", 2, "2 créés"),  # un poste
            ("fr", "posts", "created", 1, "1 créé"),
            ("es", "units", "abolished", 3, "3 suprimidas"),  # una dependencia
            ("es", "post_changes", "post_redeployed", 3, "3 redistribuidos"),  # un puesto
            ("ru", "units", "created", 1, "1 создано"),  # подразделение
            ("ru", "posts", "created", 1, "1 создана"),  # должность
            ("ru", "deliverables", "added", 1, "1 добавлен"),  # результат
            ("ru", "deliverables", "added", 3, "3 добавлены"),
        ],
    )
    def test_the_count_agrees_with_what_changed(
        self, language: str, section: str, group: str, n: int, written: str
    ) -> None:
        assert ChangeWords.for_lang(language).count(section, group, n) == written


class TestALevel:
    @pytest.mark.parametrize(
        ("language", "level", "written"),
        [
            ("en", "division", "a division"),
            ("en", "office", "an office"),
            ("en", "Bureau", "a Bureau"),  # English keeps the file's word
            ("en", None, "a unit"),
            ("fr", "Division", "une division"),
            ("fr", "office", "un bureau"),
            ("fr", "branch", "un service"),
            ("es", "office", "una oficina"),
            ("es", "department", "un departamento"),
            ("ru", "division", "отдел"),
            ("fr", "bureau", "bureau"),  # a level the catalog does not name
        ],
    )
    def test_a_unit_of_a_level_takes_its_article(
        self, language: str, level: str | None, written: str
    ) -> None:
        assert ChangeWords.for_lang(language).a_level(level) == written

    def test_a_relevelled_unit_says_so_with_articles(self) -> None:
        w = ChangeWords.for_lang("fr")
        text = w.gettext("was {old}, now {new}", old=w.a_level("branch"), new=w.a_level("division"))
        assert text == "précédemment un service, désormais une division"


class TestNotebookCounts:
    """The notebook's sentences of what it leaves out: each count with its noun in the form
    that goes with it."""

    @pytest.mark.parametrize(
        ("language", "total", "written"),
        [
            ("en", 61, "60 of 61 parties shown;"),
            ("ru", 61, "Показаны 60 из 61 стороны;"),  # 61: the form of 1
            ("ru", 62, "Показаны 60 из 62 сторон;"),
            ("fr", 62, "60 parties sur 62 affichées ;"),
            ("es", 62, "Se muestran 60 de 62 partes;"),
            ("ar", 61, "عُرض 60 من أصل 61 طرفًا؛"),  # 11 to 99: the singular, accusative
            ("ar", 103, "عُرض 60 من أصل 103 أطراف؛"),  # 3 to 10 (of a hundred): the plural
            ("zh", 62, "显示 62 个相关方中的 60 个；"),
        ],
    )
    def test_parties_shown(self, language: str, total: int, written: str) -> None:
        parties = [f"p{i}" for i in range(total - 1)]
        lines = ["units:", "  - {id: top, name: Top}"]
        lines += [f"  - {{id: {p}, parent: top, name: Party {p}}}" for p in parties]
        lines.append("deliverables:")
        lines += [f"  - {{id: d{p}, name: Work {p}, raci: {{A: top, R: {p}}}}}" for p in parties]
        shown = raci.matrix(loads("\n".join(lines) + "\n"), lang=language)
        assert shown.table.language == language
        assert written in shown._repr_markdown_()

    @pytest.mark.parametrize(
        ("language", "total", "written"),
        [
            ("en", 85, "The top 3 of 4 levels: 21 of 85 units. Draw a part with "),
            ("ru", 85, "Верхние 3 из 4 уровней: 21 из 85 подразделений. Постройте "),
            ("ru", 81, "Верхние 3 из 4 уровней: 21 из 81 подразделения. Постройте "),
            ("fr", 85, "Les 3 premiers niveaux sur 4 : 21 unités sur 85. Dessinez-en "),
            ("es", 85, "Los 3 niveles superiores de 4: 21 de 85 dependencias. Dibuje "),
            (
                "ar",
                85,
                "المستويات العليا المعروضة: 3 من أصل 4 مستويات؛ والمعروض 21 من أصل 85 وحدة. ",
            ),
            ("zh", 85, "显示 4 级中的前 3 级：85 个单位中的 21 个。用 "),
        ],
    )
    def test_a_chart_cut_to_its_top_levels(self, language: str, total: int, written: str) -> None:
        assert cut_chart(words_for(language), 3, 4, 21, total).startswith(written)

    @pytest.mark.parametrize(
        ("language", "units", "written"),
        [
            ("en", 103, "The picture of this change has 103 units, more than"),
            ("ru", 101, "На схеме этого изменения 101 подразделение — больше"),
            ("ru", 103, "На схеме этого изменения 103 подразделения — больше"),
            ("ru", 111, "На схеме этого изменения 111 подразделений — больше"),
            ("fr", 103, "L'image de ces changements compte 103 unités, plus"),
            ("es", 103, "La imagen de este cambio tiene 103 dependencias, más"),
            ("ar", 103, "في صورة هذا التغيير 103 وحدات، وهذا أكثر"),
            ("ar", 111, "في صورة هذا التغيير 111 وحدة، وهذا أكثر"),
        ],
    )
    def test_a_change_too_large_to_picture(self, language: str, units: int, written: str) -> None:
        assert too_large(words_for(language), units).startswith(written)
