"""Per-post responsibility sheets: the book, and one module per output format."""
