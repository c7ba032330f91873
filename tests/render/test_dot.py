"""DOT text: labels escaped, wrapped and never empty, node names quoted, and what Graphviz
draws from them."""

from __future__ import annotations

import itertools
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pygraphviz
import pytest

from raci._text import display_width
from raci.render import engine
from raci.render.dot import esc, quote, shown, wrap, wrapped

SRC = Path(__file__).resolve().parents[2] / "src"
SVG = "{http://www.w3.org/2000/svg}"


def drawn(label: str) -> list[str]:
    """The texts of the SVG that Graphviz draws for one node with the HTML-like ``label``,
    with any Graphviz message turned into a failure."""
    source = f"digraph G {{ node [shape=plain]; box [label=<{label}>] }}"
    with warnings.catch_warnings():
        warnings.simplefilter("error", engine.GraphvizWarning)
        svg = engine.render(source, "svg", engine="dot")
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


class TestEsc:
    @pytest.mark.parametrize("seq", ["\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l"])
    def test_backslash_sequences_are_drawn_as_written(self, seq: str) -> None:
        assert esc(f"Agency {seq} x") == f"Agency \\{seq} x"
        assert drawn(f"<B>{esc(f'Agency {seq} x')}</B>") == [f"Agency {seq} x"]

    def test_a_trailing_backslash_stays(self) -> None:
        assert drawn(esc("ends with \\")) == ["ends with \\"]

    def test_control_characters_are_dropped_and_the_rest_kept(self) -> None:
        assert esc("Ctl\x01 \x7funit\x9f\x00") == "Ctl unit"
        label = esc("Ctl \x01unit")
        assert drawn(f"<B>{label}</B>") == ["Ctl unit"]

    def test_tab_and_newline_are_kept(self) -> None:
        assert esc("a\tb\nc") == "a\tb\nc"

    def test_bidi_overrides_and_isolates_are_dropped(self) -> None:
        # They would show the text in another order than it is stored (U+202E makes
        # "txt.exe" read "exe.txt"); Graphviz runs nothing, so dropping them is enough.
        text = "invoice\u202etxt.exe \u2066x\u2069 \u202ay\u202c"
        assert esc(text) == "invoicetxt.exe x y"
        assert drawn(esc(text)) == ["invoicetxt.exe x y"]

    def test_right_to_left_text_is_kept(self) -> None:
        assert esc("الأمانة العامة") == "الأمانة العامة"

    def test_quotes_and_markup(self) -> None:
        text = '"R&D" <b>it\'s</b> ]; x -> y'
        assert esc(text) == "&quot;R&amp;D&quot; &lt;b&gt;it&#x27;s&lt;/b&gt; ]; x -&gt; y"
        assert drawn(esc(text)) == [text]

    def test_label_closers_cannot_end_the_label(self) -> None:
        text = "</TD></TR></TABLE>> ]; evil [label=x"
        label = f"<TABLE><TR><TD>{esc(text)}</TD></TR></TABLE>"
        assert drawn(label) == [text]


class TestWrap:
    def test_latin_breaks_at_spaces(self) -> None:
        assert wrap("Office of the Executive Director", 16) == [
            "Office of the",
            "Executive",
            "Director",
        ]

    def test_cjk_breaks_between_characters_by_display_width(self) -> None:
        lines = wrap("执行主任办公室区域方案司", 8)
        assert lines == ["执行主任", "办公室区", "域方案司"]
        assert all(display_width(line) <= 8 for line in lines)

    def test_fullwidth_punctuation_stays_with_the_character_before_it(self) -> None:
        text = "人居署，执行主任办公室。区域方案司（内罗毕）！"
        lines = wrap(text, 6)
        assert "".join(lines) == text
        assert not any(line[0] in "，。）！" for line in lines)
        assert "署，" in "\n".join(lines)

    def test_a_word_longer_than_a_line_is_cut(self) -> None:
        assert wrap("Interdepartmental", 6) == ["Interd", "epartm", "ental"]

    def test_a_500_character_name_wraps_and_keeps_every_character(self) -> None:
        words = [f"w{i:02d}{'x' * (i % 9)}" for i in range(60)]
        name = " ".join(words)[:500]
        lines = wrap(name, 26)
        assert len(lines) > 10
        assert all(display_width(line) <= 26 for line in lines)
        assert " ".join(lines).split() == name.split()

    def test_a_500_character_word_is_cut_and_keeps_every_character(self) -> None:
        name = ("abcdefghij" * 25) + ("国" * 250)
        lines = wrap(name, 26)
        assert "".join(lines) == name
        assert all(display_width(line) <= 26 for line in lines)

    def test_empty_text_is_one_empty_line(self) -> None:
        assert wrap("", 10) == [""]


class TestWrapped:
    def test_lines_are_escaped_and_joined(self) -> None:
        assert wrapped("R&D <x> and \\N more", 8) == "R&amp;D &lt;x&gt;<BR/>and \\\\N<BR/>more"

    def test_another_line_break(self) -> None:
        br = '<BR ALIGN="LEFT"/>'
        assert wrapped("one two three", 7, br=br) == f"one two{br}three"

    def test_graphviz_draws_each_line(self) -> None:
        label = wrapped("Budget \\N plan for the year", 12)
        assert drawn(f"<B>{label}</B>") == [
            "Budget \\N",
            "plan for",
            "the year",
        ]


class TestShown:
    def test_visible_text_is_kept(self) -> None:
        assert shown("Ctl \x01 unit", "ctl") == "Ctl \x01 unit"

    @pytest.mark.parametrize("text", ["\x01\x02", "\u202e", " \x7f ", "", None])
    def test_text_that_would_not_show_gives_the_id(self, text: str | None) -> None:
        assert shown(text, "ops") == "ops"

    def test_without_an_id_control_characters_show_as_escapes(self) -> None:
        assert shown("\x01\x02") == "\\x01\\x02"
        assert shown("\x01", "\x02") == "\\x02"
        assert shown(None) == ""

    def test_graphviz_draws_the_fallback(self) -> None:
        label = esc(shown("\x01\x02", "ops"))
        assert drawn(f"<B>{label}</B>") == ["ops"]

    def test_an_empty_bold_label_is_what_graphviz_rejects(self) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            engine.render("digraph { n [label=<<B></B>>] }", "svg", engine="dot")
        said = [str(w.message) for w in caught if w.category is engine.GraphvizWarning]
        assert "Graphviz: syntax error in line 1" in said


class TestQuote:
    NAMES = ('a"b', "x\\", "\\", '"', 'a\\"b', "n:<i>", "}; evil -> x; {", "line\nbreak")

    def test_quotes_and_backslashes_are_escaped(self) -> None:
        assert quote('a"b\\') == '"a\\"b\\\\"'
        assert quote("plain") == '"plain"'

    def test_hostile_names_stay_one_node_each(self) -> None:
        nodes = "; ".join(f"{quote(n)} [label=x]" for n in self.NAMES)
        edges = "; ".join(f"{quote(a)} -> {quote(b)}" for a, b in itertools.pairwise(self.NAMES))
        graph = pygraphviz.AGraph(string=f"digraph {{ {nodes}; {edges} }}")
        assert graph.number_of_nodes() == len(self.NAMES)
        assert graph.number_of_edges() == len(self.NAMES) - 1
        assert "evil" not in graph.nodes()


def test_no_file_descriptor_is_redirected() -> None:
    """Graphviz's messages come through its error hook; nothing swaps stdout or stderr."""
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "dup2" in line
    ]
    assert found == []
