"""Reproducible builds: the same content and SOURCE_DATE_EPOCH give byte-identical sites.

Each build runs in its own process, from its own copy of the project, with its own hash seed:
whatever could differ between a pull request's preview and the base branch's (folders, set
ordering, clocks) differs here too. A preview diff then shows only what the change changed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import FIXTURES

EPOCH = 1767225600  # 2026-01-01T00:00:00Z
BUILD_BOTH = (
    "import sys; from coalition_site import commands\n"
    "for audience in ('public', 'internal'):\n"
    "    commands.build(sys.argv[1], audience=audience, site_dir=sys.argv[1] + '/out-' + audience)\n"
)


def build_copy(root: Path, seed: str) -> Path:
    shutil.copytree(FIXTURES / "minimal", root)
    config = root / "mkdocs.yml"
    # A site_url, so that the sitemap lists every page with its date.
    config.write_text(config.read_text() + "site_url: https://coalition.example.org/\n")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed,
           "NO_MKDOCS_2_WARNING": "1"}
    env.pop("COALITION_AUDIENCE", None)
    subprocess.run([sys.executable, "-c", BUILD_BOTH, str(root)], env=env, check=True,
                   capture_output=True)
    return root


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("reproducible")
    return build_copy(base / "first", "1"), build_copy(base / "second-copy", "2")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_two_builds_are_byte_identical(builds, audience):
    first, second = (files(root / f"out-{audience}") for root in builds)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len(first) > 20


def test_dates_come_from_source_date_epoch(builds):
    site = builds[0] / "out-public"
    sitemap = (site / "sitemap.xml").read_text()
    assert sitemap.count("<lastmod>2026-01-01</lastmod>") == sitemap.count("<url>") > 5
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == EPOCH  # the gzip header's mtime
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap


def test_a_plain_build_has_no_version_menu(builds):
    # versions.json exists only on a published branch; the menu would fetch it in vain.
    assert '"version": {"provider"' not in (builds[0] / "out-public" / "index.html").read_text()
