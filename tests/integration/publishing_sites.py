"""Sample sites for the publishing tests: the minimal charter with a scenario laid over it."""

from __future__ import annotations

import contextlib
import html.parser
import logging
import os
import shutil
from pathlib import Path

from coalition_site import commands
from coalition_site.errors import CoalitionSiteError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def make_project(root: Path, scenario: str | None = None) -> Path:
    """A copy of ``fixtures/minimal`` in ``root``, with ``fixtures/<scenario>`` laid over it."""
    shutil.copytree(FIXTURES / "minimal", root)
    if scenario is not None:
        shutil.copytree(FIXTURES / scenario, root, dirs_exist_ok=True)
    return root


def build(project: Path, audience: str = "public", **options) -> Path:
    """Build ``project`` for ``audience`` with the real command; return the site folder."""
    return commands.build(project, audience=audience, **options)


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def failed_build(project: Path, audience: str = "public", **options) -> str:
    """Build ``project``, which must fail; return what the failure printed (MkDocs logs a
    plugin's error, then raises a bare "Aborted with a BuildError!")."""
    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        build(project, audience, **options)
    except CoalitionSiteError as exc:
        return "\n".join(errors.messages + [str(exc)])
    finally:
        logger.removeHandler(errors)
    raise AssertionError("the build succeeded")


def mkdocs_build(project: Path, audience: str = "public", **config) -> Path:
    """Build as a plain ``mkdocs build`` would (no coalition-site command in between)."""
    from mkdocs.commands.build import build as run
    from mkdocs.config import load_config

    with _environment(COALITION_AUDIENCE=audience):
        loaded = load_config(config_file=str(project / "mkdocs.yml"), **config)
        run(loaded)
    return Path(loaded.site_dir)


@contextlib.contextmanager
def _environment(**variables: str):
    """``variables`` set in the environment within, as a shell sets them for ``mkdocs build``."""
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, hidden ones too, by relative path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


class Elements(html.parser.HTMLParser):
    """Every element of a page as ``(tag, attributes)``, and the text inside each ``<script>``."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.titles: list[str] = []
        self._open: str | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open = tag if tag in ("script", "title") else None
        if tag == "script":
            self.scripts.append("")
        if tag == "title":
            self.titles.append("")

    def handle_data(self, data):
        if self._open == "script":
            self.scripts[-1] += data
        elif self._open == "title":
            self.titles[-1] += data

    def handle_endtag(self, tag):
        self._open = None
