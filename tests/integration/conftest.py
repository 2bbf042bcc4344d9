"""Sample sites built for real (MkDocs, Material, the plugin and Graphviz), once per module."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coalition_site import commands

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def build_site(tmp_path_factory, fixture: str, audience: str) -> Path:
    """Copy ``tests/fixtures/<fixture>`` and build it for ``audience``; return the site folder."""
    project = tmp_path_factory.mktemp(f"{fixture}-{audience}") / fixture
    shutil.copytree(FIXTURES / fixture, project)
    with pytest.MonkeyPatch.context() as patch:
        # `build` sets COALITION_AUDIENCE for MkDocs; keep it from leaking into other tests.
        patch.delenv("COALITION_AUDIENCE", raising=False)
        return commands.build(project, audience=audience, site_dir=project / "site")


class Site:
    """A built site, read the way a test needs it."""

    def __init__(self, root: Path):
        self.root = root

    def page(self, url: str) -> str:
        return (self.root / url / "index.html").read_text(encoding="utf-8")

    def files(self):
        return [p for p in self.root.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".svg")]

    def containing(self, needle: str) -> list[str]:
        """Every published file (pages, search index, sitemap, diagrams' own files) that contains ``needle``."""
        return sorted(str(p.relative_to(self.root)) for p in self.files()
                      if needle in p.read_text(encoding="utf-8", errors="replace"))


def diagrams(html: str) -> list[str]:
    """The inline diagrams of a page."""
    return re.findall(r'<svg [^>]*class="cs-svg".*?</svg>', html, re.S)


class _Text(HTMLParser):
    def __init__(self, element_id: str | None, tag: str | None):
        super().__init__()
        self.element_id, self.tag = element_id, tag
        self.depth = 0
        self.parts: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif (self.element_id and attrs.get("id") == self.element_id) or (self.tag and tag == self.tag):
            self.depth = 1
            self.parts.append([])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts[-1].append(data)


def text_of(html: str, element_id: str | None = None, tag: str | None = None) -> list[str]:
    """The text of each element with that id (or tag), whitespace collapsed, as a reader sees it."""
    parser = _Text(element_id, tag)
    parser.feed(html)
    return [" ".join("".join(part).split()) for part in parser.parts]
