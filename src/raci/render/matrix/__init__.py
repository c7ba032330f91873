"""Responsibility matrices: the table, and one module per output format."""
