"""Editable figures: a chart's pages, as Graphviz lays them out, written as shapes and
connectors that office tools edit (PowerPoint slides, draw.io diagrams)."""
