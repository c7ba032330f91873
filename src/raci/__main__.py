"""`python -m raci` runs the command line."""

from raci.cli import main

main(prog_name="raci")
