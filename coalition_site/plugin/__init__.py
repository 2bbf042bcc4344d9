"""The MkDocs plugin ``coalition``: a thin adapter from MkDocs events to the core library.

plugin.py   the events, each delegating to the core (see its docstring for what each one does)
config.py   the plugin's options, as MkDocs validates them

MkDocs finds the plugin through the entry point ``coalition = "coalition_site.plugin:CoalitionPlugin"``.
"""

from .plugin import CoalitionPlugin

__all__ = ["CoalitionPlugin"]
