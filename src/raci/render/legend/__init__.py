"""The role legend as each kind of output draws it, all from one list of rows
(:func:`raci.render.palette.legend`)."""
