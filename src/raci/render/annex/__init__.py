"""The restructuring annex (``raci annex``): one Word document, or the same as a PDF, with
a title page, contents, the summary of the change, the organigrams before and after, the
staffing table, the post changes and the responsibility matrix after the change."""
