"""Files beside the Markdown: only kinds that cannot run code are published, plus what
mkdocs.yml names; ``check`` names every file it leaves out. A file the site's own nav links to
is published even when only internal content uses it otherwise."""

from __future__ import annotations

import posixpath

import pytest
from support import Sample, parse_html, run

from coalition_site.audience.leaks import internal_values, scan_site
from coalition_site.load.assets import is_published_asset
from coalition_site.load.charter import load_charter

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


# -- an attachment the site's own nav links to ----------------------------------------------------
NAV = """nav:
  - Home: index.md
  - Why are we allied?: onboarding.md
  - Board notes: board-notes.md
  - Annual report (PDF): reports/annual.pdf
  - Seating plan elsewhere: https://example.org/images/seating.png
"""
NAV_ENTRY = "  - Annual report (PDF): reports/annual.pdf\n"
NOT_FOUND = "is included in the 'nav' configuration, which is not found in the documentation files"


def nav_project(root, nav: str) -> Sample:
    """A project whose internal page links a PDF and shows an image, built for the public with
    ``nav``: an internal page's entry and a URL ending like the image's path, with or without
    an entry for the PDF."""
    sample = Sample.copy(root)
    for folder in ("reports", "images"):
        sample.path(folder).mkdir()
    sample.write_bytes("reports/annual.pdf", b"%PDF-1.4\nannual report\n")
    sample.write_bytes("images/seating.png", b"\x89PNG\r\n")
    sample.edit("board-notes.md", "SECRET-PAGE-TEXT internal board notes.",
                "SECRET-PAGE-TEXT internal board notes.\n\n[Annual report](reports/annual.pdf)\n\n"
                "![Seating](images/seating.png)")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + nav)
    sample.built = run("build", sample.root)
    assert sample.built.returncode == 0, sample.built.stderr  # its leak check passed, too
    return sample


@pytest.fixture(scope="module")
def nav_named(tmp_path_factory) -> Sample:
    return nav_project(tmp_path_factory.mktemp("nav-named") / "project", NAV)


@pytest.fixture(scope="module")
def nav_unnamed(tmp_path_factory) -> Sample:
    assert NAV_ENTRY in NAV
    return nav_project(tmp_path_factory.mktemp("nav-unnamed") / "project", NAV.replace(NAV_ENTRY, ""))


def test_an_attachment_the_public_nav_links_to_is_published(nav_named):
    site = nav_named.root / "site"
    assert (site / "reports" / "annual.pdf").read_bytes() == nav_named.path("reports/annual.pdf").read_bytes()
    assert not (site / "images" / "seating.png").exists()  # a URL in the nav names no file
    assert not (site / "board-notes").exists()
    assert "coalition: left 1 attachment out of the public site" in nav_named.built.stderr
    assert NOT_FOUND not in nav_named.built.stderr


def test_without_the_nav_entry_only_internal_content_uses_it_so_it_is_left_out(nav_unnamed):
    site = nav_unnamed.root / "site"
    assert not (site / "reports" / "annual.pdf").exists()
    assert not (site / "images" / "seating.png").exists()
    assert "coalition: left 2 attachments out of the public site" in nav_unnamed.built.stderr


def test_the_nav_link_to_the_attachment_works_from_every_page(nav_named):
    site = nav_named.root / "site"
    for page in ("index.html", "onboarding/index.html", "charter/joint-demand/index.html"):
        nav = parse_html((site / page).read_text(encoding="utf-8")).find("nav", cls="md-nav--primary")
        links = [a for a in nav.find_all("a") if a.text == "Annual report (PDF)"]
        assert len(links) == 1, page
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), links[0].attrs["href"]))
        assert target == "reports/annual.pdf", page
        assert (site / target).is_file()
        assert "Board notes" not in nav.text  # the internal page's entry left the public nav


def test_the_leak_check_would_name_the_attachment_were_it_internal(nav_named):
    # The build passed its leak check, which is given the attachments the build left out. Had
    # the nav-named PDF counted as internal, the same scan would have failed the build.
    charter = load_charter(nav_named.content, nav_named.root).charter
    values = internal_values(charter, internal_assets=["reports/annual.pdf"])
    assert [(leak.file, leak.source) for leak in scan_site(nav_named.root / "site", values)
            if leak.file == "reports/annual.pdf"] == [
        ("reports/annual.pdf", "content/reports/annual.pdf (an attachment only internal content uses)")]


# -- check and the build say when nav: publishes what only internal content uses ----------------
NAV_WARNING = ("mkdocs.yml:{line}:26: warning: nav: lists 'reports/annual.pdf', which only internal "
               "content links to, so the public site publishes it; if it is internal, take its entry "
               "out of nav: (internal pages still link to it), and if it is for everyone, link to it "
               "from a public page too [nav-publishes-attachment]")


def _nav_line(sample: Sample) -> int:
    lines = (sample.root / "mkdocs.yml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if "reports/annual.pdf" in line)


def test_check_warns_at_the_nav_entry_of_an_attachment_only_internal_content_uses(nav_named):
    checked = run("check", nav_named.root)
    assert checked.returncode == 0, checked.stderr  # a warning: the steward may mean it
    assert NAV_WARNING.format(line=_nav_line(nav_named)) in checked.stdout.splitlines()
    assert run("check", nav_named.root, "--strict").returncode == 1


def test_the_build_log_says_it_too(nav_named):
    assert ("WARNING -  coalition: mkdocs.yml: nav: lists 'reports/annual.pdf', which only internal "
            "content links to, so the public site publishes it") in nav_named.built.stderr


def test_no_warning_once_a_public_page_links_to_it_or_nav_leaves_it_out(nav_named, nav_unnamed, tmp_path):
    assert "nav-publishes-attachment" not in run("check", nav_unnamed.root).stdout
    sample = Sample.copy(tmp_path / "project")
    sample.path("reports").mkdir()
    for name in ("reports/annual.pdf", "board-notes.md"):
        sample.write_bytes(name, nav_named.path(name).read_bytes())
    (sample.root / "mkdocs.yml").write_text((nav_named.root / "mkdocs.yml").read_text())
    assert "nav-publishes-attachment" in run("check", sample.root).stdout
    sample.edit("onboarding.md", "Because rents and buses are one problem.",
                "Because rents and buses are one problem. See the [annual report](reports/annual.pdf).")
    assert "nav-publishes-attachment" not in run("check", sample.root).stdout
