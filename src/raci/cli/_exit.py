"""The exit status of every command (docs/cli.md)."""

from __future__ import annotations

#: Success; for ``raci validate``, no errors.
EXIT_OK = 0
#: ``raci validate`` found errors (or warnings, with ``--strict``).
EXIT_FINDINGS = 1
#: The input could not be read or parsed, or the command line is wrong.
EXIT_INPUT = 2
#: Interrupted (Ctrl-C).
EXIT_INTERRUPTED = 130
