"""How large the sheets of one file may grow, by format, checked before anything is written.

Every post lists all its unit and the units above it hold, so a small model can ask for
millions of lines: a unit of 3,000 posts with a role on each of 3,000 deliverables gives
9 million. The roles are counted before any sheet is made, the characters once the
sheets are made and before any is written; past either bound the command stops with a
message that says how to ask for fewer sheets. Within them a file is written in seconds.
"""

from __future__ import annotations

from typing import NamedTuple

from raci.exceptions import OutputError

__all__ = ["LIMITS", "Limits", "check_characters", "check_roles"]


class Limits(NamedTuple):
    """The most one file of a format holds: sheets (one per post), roles (each held
    directly or inherited, on each post's sheet) and characters
    (:meth:`~raci.render.cascade.book.Book.characters`)."""

    name: str
    posts: int
    roles: int
    characters: int


#: Per format. Text is written at about a microsecond a line, so its bounds keep the file
#: (and the memory that makes it) to a few hundred megabytes; openpyxl takes about 80 µs a
#: row; Graphviz about 8 ms a PDF page, each post starting a page, about 15 lines a page.
LIMITS = {
    "md": Limits("Markdown", 100_000, 500_000, 128_000_000),
    "csv": Limits("CSV", 100_000, 500_000, 128_000_000),
    "html": Limits("HTML", 100_000, 500_000, 128_000_000),
    "xlsx": Limits("XLSX", 100_000, 40_000, 16_000_000),
    "pdf": Limits("PDF", 300, 6_000, 600_000),
}

_ASK = "choose the posts with --post, or the posts of a unit with --unit"


def check_roles(roles: int, posts: int, format: str) -> None:
    """OutputError when the sheets of ``posts`` posts would be more sheets, or list more
    roles, than a file of ``format`` holds."""
    name, most_posts, most, _ = LIMITS[format]
    if posts > most_posts:
        msg = (
            f"the sheets of {posts:,} posts are more than the {most_posts:,} raci writes in"
            f" one {name} file; {_ASK}"
        )
        raise OutputError(msg)
    if roles > most:
        msg = (
            f"the sheets of {posts:,} posts would list {roles:,} roles (each post lists every"
            f" role of its unit and the units above it), more than the {most:,} raci writes"
            f" in one {name} file; {_ASK}"
        )
        raise OutputError(msg)


def check_characters(characters: int, posts: int, format: str) -> None:
    """OutputError when the sheets of ``posts`` posts would take more characters than a
    file of ``format`` holds."""
    name, _, _, most = LIMITS[format]
    if characters > most:
        msg = (
            f"the sheets of {posts:,} posts would take about {characters:,} characters (names"
            f" repeated on every sheet), more than the {most:,} raci writes in one {name}"
            f" file; {_ASK}"
        )
        raise OutputError(msg)
