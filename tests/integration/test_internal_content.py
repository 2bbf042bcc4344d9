"""Internal content in every place the format allows it never reaches a public build, and the
internal build shows it. Built once per audience from ``tests/fixtures/internal-content``."""

from __future__ import annotations

import gzip

import pytest

from support import Sample, article, run, site_texts

# Marker → where it is written. Every marker must be absent from every file of the public site.
HIDDEN = {
    "HIDDEN-PARTNER-NAME": "the name of an internal partner (partners/hidden-partner.md)",
    "HIDDEN-BODY": "the body of an internal partner",
    "hidden-partner": "the id of an internal partner, used across the charter",
    "HIDDEN-STAKE": "an internal partner's benefit in the joint demand",
    "HIDDEN-AUTONOMY": "an internal partner's autonomy agreement",
    "HIDDEN-TENSION": "a tension that involves an internal partner",
    "REP-SECRET": "representatives (internal by nature)",
    "PAGE-SECRET": "an internal ordinary page",
    "REVIEW-SECRET": "an internal review (reviews are internal by default)",
    "TENSION-SECRET": "an internal tension",
    "AUTONOMY-FILE-SECRET": "an internal charter file (charter/autonomy.md), shown on partner pages",
    "BLOCK-PROBLEM": "!!! internal in the problem statement",
    "BLOCK-DEMAND": "??? internal in the joint demand",
    "BLOCK-STEWARD": "???+ internal with a title in the steward mandate",
    "BLOCK-CONFLICT": "!!! internal nested in a note in the conflict protocol",
    "BLOCK-PARTNER": "!!! internal in a partner's body",
    "BLOCK-REVIEW": "!!! internal in a public review",
    "BLOCK-PAGE": "!!! internal in an ordinary page",
    "BLOCK-TABS": "!!! internal nested with tab indentation",
    "BLOCK-CR": "!!! internal in a file with CR line endings",
    "PAGE-CR-SECRET": "an internal page with CR line endings",
    "BLOCK-QUOTE": "!!! internal inside a blockquote",
    "BLOCK-UNCLOSED-FENCE": "!!! internal after a ``` that is never closed (so not a fence)",
    "BLOCK-INDENTED-FENCE": "!!! internal between indented ``` lines (not a fence to Markdown)",
}
# Not shown by any page yet (the Coalition Logic page will show tensions).
NOT_YET_SHOWN = {"TENSION-SECRET", "HIDDEN-TENSION"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Sample:
    sample = Sample.copy(tmp_path_factory.mktemp("internal") / "project", "internal-content")
    # Files with old-Mac line endings, written here so that no editor or git setting rewrites them.
    sample.write_bytes("tricky/cr.md", b"---\rtitle: CR\r---\rLine endings.\r\r!!! internal\r"
                                       b"    BLOCK-CR behind carriage returns.\r\rEnd.\r")
    sample.write_bytes("cr-notes.md", b"---\rtitle: CR notes\rvisibility: internal\r---\r"
                                      b"PAGE-CR-SECRET in an internal page.\r")
    sample.logs = {}
    for audience in ("public", "internal"):
        built = run("build", "--audience", audience, cwd=sample.root)
        assert built.returncode == 0, built.stderr
        sample.logs[audience] = built.stderr
    return sample


@pytest.fixture(scope="module")
def public(project) -> dict[str, str]:
    return site_texts(project.root / "site")


@pytest.fixture(scope="module")
def internal(project) -> dict[str, str]:
    return site_texts(project.root / "site-internal")


@pytest.mark.parametrize("marker", HIDDEN)
def test_nothing_internal_is_in_any_file_of_the_public_site(public, marker):
    leaks = sorted(path for path, text in public.items() if marker in text)
    assert leaks == [], f"LEAK: {HIDDEN[marker]} ({marker}) is in the public site: {leaks}"


@pytest.mark.parametrize("marker", sorted(set(HIDDEN) - NOT_YET_SHOWN))
def test_the_internal_site_shows_it(internal, marker):
    assert any(marker in text for path, text in internal.items() if path.endswith(".html")), marker


def test_code_that_shows_the_syntax_is_kept_in_both_sites(public, internal):
    # In a sentence, as a code span; a code *block* holding the opener is refused (tests/markup/).
    for site in (public, internal):
        text = article(site["welcome/index.html"]).text
        assert "!!! internal on a line of its own" in text and "CODE-EXAMPLE stays visible" in text


def test_public_text_around_internal_blocks_is_kept(public):
    assert "Agreed by all." in article(public["charter/problem-statement/index.html"]).text
    conflict = article(public["charter/conflict-protocol/index.html"])
    assert conflict.find("div", cls="note").text == "How we disagree In the open. Always in the open."
    assert article(public["tricky/tabs/index.html"]).find("div", cls="note").text == (
        "Outer Public note. More public note.")


def test_the_public_site_has_only_the_public_partners(public):
    assert sorted(path for path in public if path.startswith("partners/")) == [
        "partners/alpha/index.html", "partners/beta/index.html", "partners/index.html"]
    demand = article(public["charter/joint-demand/index.html"])
    assert [row.text for row in demand.find("table", cls="cs-matrix").find("tbody").find_all("tr")] == [
        "Alpha Tenants Tenants get homes.", "Beta Riders Riders get service."]


def test_an_internal_charter_file_has_no_public_page(public, internal):
    assert "charter/autonomy/index.html" not in public
    assert "charter/autonomy/index.html" in internal


# -- attachments -------------------------------------------------------------------------------------
# Attachment → what uses it. Only internal content: the public site must not have it.
INTERNAL_ATTACHMENTS = {
    "images/internal-page.png": "an internal page (and a public page's code, which is no link)",
    "images/internal-block.png": "an !!! internal block of a public page",
    "images/internal-review.png": "an internal review, through ../",
    "images/quoted-block.png": "an !!! internal block inside a quote",
    "partners/hidden-logo.png": "an internal partner",
    "files/internal-minutes.pdf": "raw HTML in an internal page",
}
PUBLIC_ATTACHMENTS = {
    "images/shared.png": "an internal page and a public one (a reference-style image)",
    "images/unused.png": "nothing (files are public unless they say otherwise)",
}


@pytest.mark.parametrize("src_uri", INTERNAL_ATTACHMENTS)
def test_an_attachment_only_internal_content_uses_is_only_in_the_internal_site(project, src_uri):
    assert not (project.root / "site" / src_uri).exists(), \
        f"LEAK: {src_uri}, used by {INTERNAL_ATTACHMENTS[src_uri]}, is in the public site"
    assert (project.root / "site-internal" / src_uri).read_bytes() == project.path(src_uri).read_bytes()


@pytest.mark.parametrize("src_uri", PUBLIC_ATTACHMENTS)
def test_an_attachment_a_public_page_or_nothing_uses_is_in_both_sites(project, src_uri):
    for site in ("site", "site-internal"):
        assert (project.root / site / src_uri).read_bytes() == project.path(src_uri).read_bytes()


def test_the_public_sitemap_names_no_internal_attachment(project):
    site = project.root / "site"
    for sitemap in ((site / "sitemap.xml").read_text(encoding="utf-8"),
                    gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")):
        assert "<loc>" in sitemap
        assert not [uri for uri in INTERNAL_ATTACHMENTS if uri in sitemap]


def test_the_public_pages_show_the_attachments_they_use(public, internal):
    welcome = article(public["welcome/index.html"])
    assert [img.attrs["src"] for img in welcome.find_all("img")] == ["../images/shared.png"]
    notes = article(internal["notes/index.html"])
    assert [img.attrs["src"] for img in notes.find_all("img")] == [
        "../images/internal-page.png", "../images/shared.png"]


def test_the_public_build_says_what_it_left_out_and_links_to_nothing_missing(project):
    log = project.logs["public"]
    assert f"left {len(INTERNAL_ATTACHMENTS)} attachments out of the public site" in log
    assert "not found among documentation files" not in log  # no public page links to one
    assert "attachment" not in project.logs["internal"]
