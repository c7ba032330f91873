"""Sphinx configuration of the raci documentation.

Why Sphinx with MyST: the pages were already Markdown, and Sphinx alone offers both
autodoc (the API from docstrings) and sphinx-click (every command and option from the
click commands), so the reference pages are generated from the code, not copied.

The build needs no network: no intersphinx, and the furo theme ships its own assets.
`nox -s docs` builds it with warnings as errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from raci import __version__  # noqa: E402

project = "raci"
author = "raci contributors"
copyright = "raci contributors"
version = release = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_click",
    "raci_docs",
]

source_suffix = {".md": "markdown"}
# Command lines are shown as typed: `--post` must not become an en dash, nor quotes curl.
smartquotes = False
root_doc = "index"
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
suppress_warnings: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"raci {release}"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
nitpicky = True
# No intersphinx (the build stays offline), so names from the standard library and the
# libraries raci builds on cannot be linked; everything of raci's own must resolve.
nitpick_ignore_regex = [
    ("py:.*", r"(pathlib|os|collections|typing|datetime|enum|io|types|abc)\..*"),
    ("py:.*", r"(networkx|attrs|attr|click|graphviz|openpyxl|yaml)\..*"),
]
