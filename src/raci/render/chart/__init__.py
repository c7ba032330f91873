"""Org charts: the layout, the pages of a book, the style of boxes and lines, and the words."""
