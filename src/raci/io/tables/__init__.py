"""Tables read from CSV, XLSX and Markdown, and the layouts (matrix, by role, long, org
sheets) that turn them into a model."""
