"""The self-contained HTML report: the page, its assets and its words."""
