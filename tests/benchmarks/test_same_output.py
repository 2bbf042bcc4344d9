"""The second yardstick (benchmarks/same_output.py) is plain mkdocs-material showing what
coalition-site showed: the same pages, word for word, under the same navigation.

If it drifted (a page missing, a diagram file not copied, the plugin still loaded), its ratio
would measure something else; these tests build both sites of a small charter and compare.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import benchmark_script


generate = benchmark_script("generate")
same_output = benchmark_script("same_output")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The coalition site of a small generated charter, the twin's project, and its site."""
    work = tmp_path_factory.mktemp("same")
    generate.generate(work / "charter", partners=4, years=1, conditions=5)
    assert same_output.main([str(work / "charter" / "mkdocs.yml"), str(work / "twin")]) == 0
    for project, site in ((work / "charter", work / "coalition-site"), (work / "twin", work / "twin-site")):
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))
    return work / "coalition-site", work / "twin", work / "twin-site"


def _articles(site: Path) -> dict[str, str]:
    """Each page's article, whitespace aside (raw HTML blocks come out re-indented)."""
    return {str(page.relative_to(site)): re.sub(r"\s+", "", ARTICLE.search(page.read_text()).group(1))
            for page in site.rglob("index.html")}


def test_the_twin_is_a_plain_site_with_search_only(sites):
    _, twin, _ = sites
    config = yaml.safe_load((twin / "mkdocs.yml").read_text())
    assert config["plugins"] == ["search"]
    assert config["docs_dir"] == "docs"
    assert "assets/coalition/coalition.css" in config["extra_css"]


def test_every_page_shows_what_the_coalition_site_shows(sites):
    coalition, _, twin = sites
    theirs, ours = _articles(coalition), _articles(twin)
    assert len(ours) > 20
    assert theirs.keys() == ours.keys()
    different = [page for page in theirs if theirs[page] != ours[page]]
    assert different == []


def test_the_plugins_files_are_copied(sites):
    coalition, _, twin = sites
    made = {path.relative_to(coalition) for path in coalition.rglob("*.svg")}
    assert made  # the Coalition Logic diagrams' own files
    assert made <= {path.relative_to(twin) for path in twin.rglob("*.svg")}
    assert (twin / "assets" / "coalition" / "coalition.css").is_file()


def test_the_navigation_is_the_same(sites):
    coalition, _, twin = sites

    def nav(site: Path, page: str) -> list[str]:
        # Links to pages; the twin has no table of contents (#...) for generated pages.
        html = (site / page / "index.html").read_text()
        return [href for href in re.findall(r'<a href="([^"]+)" class="md-nav__link', html)
                if not href.startswith("#")]

    for page in ("reviews", "partners"):
        assert len(nav(coalition, page)) > 5
        assert nav(twin, page) == nav(coalition, page)
