"""The page ``serve`` shows while the site cannot be built, in place of every page.

A steward editing the charter with ``coalition-site serve`` open sees each problem in the browser,
as ``check`` prints it, instead of a page that waits for a build that will not come; the page
reloads itself when a build ends (MkDocs' live-reload protocol), so fixing the file shows the
site again. Problems never carry an internal value (problems.py), so the page may show them to
whoever the site is served to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import jinja2

from ..problems import Problem
from .pages import TEMPLATES_DIR


@dataclass(frozen=True)
class _Line:
    where: str
    text: str


def serve_error_page(*, audience: str, site_name: str, problems: Iterable[Problem] = (),
                     message: str = "") -> str:
    """The page: each of ``problems`` located, or ``message`` (a build that failed otherwise)."""
    lines = [_Line(f"{p.path}:{p.line}:{p.column}", f"{p.level}: {p.message} [{p.rule}]") for p in problems]
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True)
    return environment.get_template("serve-error.html").render(
        audience=audience, site_name=site_name, problems=lines, message=message)
