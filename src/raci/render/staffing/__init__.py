"""The staffing table (:func:`raci.analysis.staffing.staffing`) as text, Markdown, JSON,
CSV, XLSX, LaTeX and DOCX: one layout (:mod:`.sheet`), one module per format."""
