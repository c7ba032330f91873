"""Configuration files: ``[tool.raci]`` in ``pyproject.toml``, or ``raci.toml``, found
upwards from each input as ruff finds its own. They give what the command line does not:
the rules to select and ignore and their settings, the scheme of tables, the language and
paper of outputs. The command line wins over a model file's ``rules:``, which wins over
the configuration, which wins over the defaults.
"""

from raci.config.discovery import configuration_for, find_configuration
from raci.config.reading import KEYS, read_configuration
from raci.config.settings import Configuration

__all__ = [
    "KEYS",
    "Configuration",
    "configuration_for",
    "find_configuration",
    "read_configuration",
]
