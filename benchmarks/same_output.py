"""Write a second yardstick: plain mkdocs-material given the pages coalition-site made.

    python benchmarks/same_output.py MKDOCS_YML OUT_DIR

The first yardstick (``generate.py``'s ``plain/``) is the issue's: plain mkdocs-material building
the same Markdown pages. It lacks everything coalition-site shows from the charter's data (stake
matrices, alignment tables, diagrams, the dashboard), so its ratio mixes two costs: making that
content, and Material rendering, indexing and writing more of it.

This one separates them. It builds the coalition site once, in this process, and records what
the plugin hands the theme: every page's title, description and HTML content, the navigation,
the stylesheets and every file the plugin adds (the diagrams' ``.svg`` files, the stylesheet).
It writes them as a plain project, ``OUT_DIR/mkdocs.yml`` and ``OUT_DIR/docs/``: each page a
Markdown file holding that HTML (Python-Markdown passes raw HTML blocks through), the same
``nav:``, theme, features and extensions, and ``plugins: [search]`` only. A plain build of it
renders, indexes and writes the same pages as the coalition build; the ratio between the two is
what coalition-site itself costs: its imports, the check, drawing, and the partials.

What the twin does not have, so that its build is if anything cheaper than coalition-site's
share of the work: the tables of contents of generated pages (Python-Markdown's ``toc`` does not
read headings inside raw HTML), the plugin's template overrides, and its lightened search text
(the twin's search plugin reads the whole HTML; plugin/search_skip.py gives it less).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page

# The keys of the coalition project's mkdocs.yml that the twin keeps as they are.
KEPT = ("site_name", "site_url", "theme", "markdown_extensions", "extra")


class Recorder:
    """A plugin of one build that keeps what the theme is given. Registered after every other
    plugin, so it sees each page as the coalition plugin finished it."""

    def __init__(self) -> None:
        self.nav: list = []
        self.pages: dict[str, tuple[dict, str]] = {}
        self.files: dict[str, bytes] = {}
        self.extra_css: list[str] = []

    def on_files(self, files, *, config):
        docs = Path(config.docs_dir).resolve()
        for file in files:
            if file.is_documentation_page():
                continue
            # What the plugin made (diagrams, its stylesheet) or kept from the charter's folder
            # (attachments); the theme's own files come with the theme.
            if file.generated_by or (file.abs_src_path and docs in Path(file.abs_src_path).parents):
                self.files[file.src_uri] = file.content_bytes
        return files

    def on_nav(self, nav, *, config, files):
        self.nav = [_nav_entry(item) for item in nav.items]
        self.extra_css = [str(css) for css in config.extra_css]
        return nav

    def on_post_page(self, output, /, *, page: Page, config):
        meta = {"title": page.title}
        if page.meta.get("description"):
            meta["description"] = page.meta["description"]
        self.pages[page.file.src_uri] = (meta, page.content or "")
        return output


def _nav_entry(item):
    if isinstance(item, Section):
        return {item.title: [_nav_entry(child) for child in item.children]}
    if isinstance(item, Link):
        return {item.title: item.url}
    if item.title is None:
        return item.file.src_uri
    return {item.title: item.file.src_uri}


def record(config_file: Path) -> tuple[dict, Recorder]:
    """Build the coalition site once (into a throw-away folder) and keep what it gave the theme."""
    recorder = Recorder()
    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        config.plugins["same-output-recorder"] = recorder  # registers its on_* events, last
        build(config)
    with open(config_file, encoding="utf-8") as source:
        project = yaml.safe_load(source)
    return project, recorder


def write_twin(project: dict, recorder: Recorder, out_dir: Path) -> int:
    """Write the plain project into ``out_dir`` (emptied first); return its number of pages."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    docs = out_dir / "docs"
    for uri, (meta, html) in recorder.pages.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(f"---\n{front}---\n\n{html}\n", encoding="utf-8")
    for uri, content in recorder.files.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    config = {key: project[key] for key in KEPT if key in project}
    config.update(docs_dir="docs", nav=recorder.nav, extra_css=recorder.extra_css, plugins=["search"])
    (out_dir / "mkdocs.yml").write_text(
        "# Plain mkdocs-material given the pages coalition-site made: the second yardstick.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    return len(recorder.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config_file", type=Path, metavar="MKDOCS_YML")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    pages = write_twin(*record(args.config_file), args.out_dir)
    print(f"{args.out_dir}: {pages} pages as the coalition plugin rendered them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
