"""`python -m build` gives an sdist and a wheel that `twine check` accepts, holding every file
the package reads at run time; the version is written once, in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import coalition_site

REPO = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    # Built from a copy of what a release holds, so that nothing is written into the source tree.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "coalition_site", source / "coalition_site",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


def test_build_gives_an_sdist_and_a_wheel_of_the_one_version(dist):
    assert sorted(p.name for p in dist.iterdir()) == [
        f"coalition_site-{VERSION}-py3-none-any.whl", f"coalition_site-{VERSION}.tar.gz"]
    assert coalition_site.__version__ == VERSION  # read from the installed metadata, not written twice


def test_twine_check_accepts_both(dist):
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2


NEEDED = [
    "coalition_site/py.typed",
    "coalition_site/assets/coalition.css",
    "coalition_site/templates/coalition/",
    "coalition_site/project/scaffold/project/mkdocs.yml",
    "coalition_site/project/scaffold/project/.gitignore",
    "coalition_site/project/scaffold/project/content/coalition.yml",
    "coalition_site/project/github/templates/workflows/charter-checks.yml",
    "coalition_site/project/github/templates/workflows/charter-consent.yml",
    "coalition_site/project/github/templates/workflows/charter-comment.yml",
    "coalition_site/project/github/templates/workflows/charter-publish.yml",
]


def test_the_wheel_holds_the_templates_assets_starter_project_and_kit(dist):
    names = zipfile.ZipFile(next(dist.glob("*.whl"))).namelist()
    missing = [n for n in NEEDED if not any(name.startswith(n) for name in names)]
    assert missing == []
    assert f"coalition_site-{VERSION}.dist-info/entry_points.txt" in names


def test_the_sdist_holds_them_too(dist):
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = [n.split("/", 1)[1] for n in sdist.getnames() if "/" in n]
    missing = [n for n in NEEDED if not any(name.startswith(n) for name in names)]
    assert missing == []
