"""Role marks as people type them, brought to plain letters: full-width forms, letters
borrowed from Cyrillic or Greek keyboards that look like Latin ones, and the Chinese and
Japanese signs put between two letters (``R、A``, ``R和A``)."""

from __future__ import annotations

import unicodedata

#: Cyrillic and Greek capitals (and the Cyrillic small letters) drawn like Latin letters.
_LOOK_ALIKES = str.maketrans(
    "АВСЕНКМОРТХУасеорхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "ABCEHKMOPTXYaceopxyABEZHIKMNOPTYX",
)
#: The Cyrillic Er, drawn like P and said like R.
_ER = frozenset("Рр")
#: Signs between letters in Chinese and Japanese cells: enumeration comma, "and", "or".
_CJK_JOINS = str.maketrans(dict.fromkeys("、和及与與或・", " "))


def plain_marks(text: str, *, er_is_r: bool = True) -> str:
    """``text`` with full-width forms folded (NFKC), CJK joins as spaces, and look-alike
    Cyrillic or Greek letters as Latin ones when a word is made only of them. A Cyrillic
    ``Р`` becomes ``R`` (how it is said) unless ``er_is_r`` is false (a scheme with a P)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    text = text.translate(_CJK_JOINS)
    return " ".join(_word(word, er_is_r) for word in text.split(" "))


def _word(word: str, er_is_r: bool) -> str:
    """One word with its look-alike letters made Latin, if that leaves only Latin letters."""
    if word.isascii():
        return word
    if er_is_r:
        word = "".join("R" if ch == "Р" else "r" if ch == "р" else ch for ch in word)
    latin = word.translate(_LOOK_ALIKES)
    return latin if latin.isascii() else word
