"""Files beside the Markdown: only kinds that cannot run code are published, plus what
mkdocs.yml names; ``check`` names every file it leaves out."""

from __future__ import annotations

import pytest
from support import Sample, run

from coalition_site.load.assets import is_published_asset

LEFT_OUT = ("content/{name}:1:1: warning: this file is not published (a '{suffix}' file could run "
            "code in readers' browsers); use an image, a PDF or a Markdown page instead, or name it "
            "in mkdocs.yml (extra_css, extra_javascript, theme logo) if the steward means to "
            "publish it [unpublished-file]")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Sample:
    sample = Sample.copy(tmp_path_factory.mktemp("assets") / "project")
    sample.write("notes.html", "<script>alert('from a pull request')</script>")
    sample.write("partners/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    sample.write("steward.css", "body { color: teal }")
    sample.write_bytes("map.png", b"\x89PNG\r\n")
    sample.write_bytes("budget.pdf", b"%PDF-1.4\n")
    # An internal page shows two images: one mkdocs.yml names as the site's logo, one it does not.
    sample.write_bytes("logo.png", b"\x89PNG\r\n")
    sample.write_bytes("seating.png", b"\x89PNG\r\n")
    sample.edit("board-notes.md", "SECRET-PAGE-TEXT internal board notes.",
                "SECRET-PAGE-TEXT internal board notes.\n\n![Logo](logo.png) ![Seating](seating.png)")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("theme: {name: material}", "theme: {name: material, logo: logo.png}")
                      + "extra_css: [steward.css]\n")
    return sample


def test_check_names_each_file_left_out(sample):
    checked = run("check", sample.root)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[:2] == [
        LEFT_OUT.format(name="notes.html", suffix=".html"),
        LEFT_OUT.format(name="partners/logo.svg", suffix=".svg")]


def test_the_site_has_images_pdfs_and_named_files_only(sample):
    built = run("build", sample.root)
    assert built.returncode == 0, built.stderr
    site = sample.root / "site"
    assert (site / "map.png").is_file() and (site / "budget.pdf").is_file()
    assert (site / "steward.css").is_file()  # named by mkdocs.yml: the steward's own
    assert not (site / "notes.html").exists()
    assert not (site / "partners" / "logo.svg").exists()
    assert (site / "logo.png").is_file()  # named by mkdocs.yml, though only an internal page shows it
    assert not (site / "seating.png").exists()  # only an internal page shows it


@pytest.mark.parametrize("src_uri, named, published", [
    ("img/photo.JPG", (), True), ("a.html", (), False), ("a.js", (), False), ("a.js", ("a.js",), True),
    ("feed.xml", (), False), ("data/figures.csv", (), True)])
def test_which_files_are_published(src_uri, named, published):
    assert is_published_asset(src_uri, named) is published
