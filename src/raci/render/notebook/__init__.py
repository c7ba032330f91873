"""What a notebook (Jupyter, and any front end that asks objects for ``_repr_html_``) shows
of raci's objects: an organization's chart, a diff's summary and picture, findings and
figures as tables (:mod:`raci.render.notebook.shown`), and the matrix as an object of its
own (:func:`raci.matrix`)."""
