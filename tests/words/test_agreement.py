"""Counts and level names put into sentences: each sentence a message of its own, so that
a language can make its words agree (gender, number, case, articles)."""

from __future__ import annotations

import pytest

from raci.restructure.words import ChangeWords


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
