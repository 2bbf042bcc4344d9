"""Issue #11's internal blocks, end to end through the command a steward runs.

Each case once broke the promise with `check` and `build` green: an internal block that the old
line-based stripper missed while Markdown still parsed it, something the block defined
(a footnote, a reference, an abbreviation, an image by reference) left on the public page, or a
marker one character off. Now Markdown's own parser removes every block it reads (the first
group: both builds pass, the public site holds no canary, the internal one holds each), and a
marker that is not exactly one stops `check` and both builds with a located error (the second).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from support import Sample, run, site_texts

EXTENSIONS = """markdown_extensions:
  - admonition
  - pymdownx.details
  - footnotes
  - abbr
  - def_list
  - attr_list
  - md_in_html
  - pymdownx.blocks.admonition
  - pymdownx.blocks.details
  - pymdownx.tabbed: {alternate_style: true}
"""

# Each page holds one way of writing an internal block that once leaked; each canary is unique.
REMOVED = {
    "in-a-quote.md": "> Quoted public text.\n>\n> !!! internal\n>     CANARY-QUOTE the fund.\n",
    "in-a-definition.md": "Fund\n:   !!! internal\n        CANARY-DEFINITION the fund.\n",
    "after-an-indented-fence.md": "  ```\n!!! internal\n    CANARY-INDENTED-FENCE the fund.\n\n  ```\n",
    "after-a-rejected-info-string.md": "``` foo bar\n!!! internal\n    CANARY-INFO-STRING the fund.\n\n```\n",
    "after-an-unclosed-fence.md": "```\n\n!!! internal\n    CANARY-UNCLOSED the fund.\n",
    "pymdownx-admonition.md": "/// admonition | Board\n    type: internal\n\nCANARY-BLOCKS-ADMONITION the fund.\n///\n",
    "pymdownx-details.md": "/// details | Board\n    type: internal\n\nCANARY-BLOCKS-DETAILS the fund.\n///\n",
    "a-quoted-footnote.md": ("Public text with a note[^1].\n\n> !!! internal\n>     Uses it[^1].\n>\n"
                             ">     [^1]: CANARY-FOOTNOTE the fund.\n"),
    "a-quoted-reference.md": ("See [the plan][plan].\n\n> !!! internal\n>     [The plan][plan].\n>\n"
                              '>     [plan]: https://example.org/CANARY-REFERENCE-URL "CANARY-REFERENCE-TITLE"\n'),
    "a-quoted-abbreviation.md": ("The CLT meets.\n\n> !!! internal\n>     The CLT votes.\n>\n"
                                 ">     *[CLT]: CANARY-ABBREVIATION land trust\n"),
    "an-image-by-reference.md": ("Public text.\n\n!!! internal\n    ![Plan][fp]\n\n"
                                 "[fp]: ../images/canary-floor-plan.png\n"),
    "a-heading.md": "## Public heading\n\n!!! internal\n    ## CANARY-HEADING the fund\n\n    Text.\n",
}
CANARIES = ["CANARY-QUOTE", "CANARY-DEFINITION", "CANARY-INDENTED-FENCE", "CANARY-INFO-STRING",
            "CANARY-UNCLOSED", "CANARY-BLOCKS-ADMONITION", "CANARY-BLOCKS-DETAILS", "CANARY-FOOTNOTE",
            "CANARY-REFERENCE-URL", "CANARY-REFERENCE-TITLE", "CANARY-ABBREVIATION", "canary-floor-plan",
            "CANARY-HEADING"]


def _project(tmp_path: Path) -> Sample:
    sample = Sample.copy(tmp_path / "project")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + EXTENSIONS)
    for name, body in REMOVED.items():
        sample.write(f"cases/{name}", f"---\ntitle: {name[:-3]}\n---\n{body}")
    (sample.content / "images").mkdir()
    sample.write_bytes("images/canary-floor-plan.png", b"\x89PNG\r\n\x1a\n")
    return sample


def _everything(site: Path) -> str:
    """Every file's path and text, the sitemap's .gz unpacked: what anyone could fetch."""
    texts = site_texts(site)
    parts = [*texts, *texts.values()]
    for gz in site.rglob("*.gz"):
        parts.append(gzip.decompress(gz.read_bytes()).decode("utf-8", errors="replace"))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    sample = _project(tmp_path_factory.mktemp("fail-closed"))
    public = run("build", cwd=sample.root)
    internal = run("build", "--audience", "internal", cwd=sample.root)
    return sample, public, internal


def test_both_builds_pass(sites):
    _, public, internal = sites
    assert (public.returncode, internal.returncode) == (0, 0), public.stderr + internal.stderr


@pytest.mark.parametrize("canary", CANARIES)
def test_no_canary_reaches_any_file_of_the_public_site(sites, canary):
    sample, _, _ = sites
    assert canary not in _everything(sample.root / "site")


@pytest.mark.parametrize("canary", CANARIES)
def test_every_canary_is_in_the_internal_site(sites, canary):
    sample, _, _ = sites
    assert canary in _everything(sample.root / "site-internal")


def test_the_public_pages_keep_their_public_text(sites):
    sample, _, _ = sites
    site = site_texts(sample.root / "site")
    assert "Quoted public text." in site["cases/in-a-quote/index.html"]
    assert "Public heading" in site["cases/a-heading/index.html"]


# -- markers one character off: located errors, exit 1, nothing built -------------------------
OFF_BY_ONE = {
    "!!! internal\nThe fund moves to Housing Now.\n": (
        1, "the text right below '!!! internal' is not indented, so Markdown ends the internal "
           "block before it and would publish it; indent every line of the note by 4 spaces"),
    "!!! internl\n    The fund moves to Housing Now.\n": (
        1, "'!!! internl' looks like an internal block, but 'internl' is not the marker "
           "'internal', so the box would be published with everything in it; write '!!! internal' "
           "to keep it off the public site, or give it another type (note, tip ...) if it is "
           "meant for the public"),
    '!!! private "Internal note"\n    The fund moves to Housing Now.\n': (
        1, "'!!! private \"...\"' looks like an internal block, but 'private' is not the marker "
           "'internal', so the box would be published with everything in it; write '!!! internal' "
           "to keep it off the public site, or give it another type (note, tip ...) if it is "
           "meant for the public"),
}


@pytest.mark.parametrize("body", list(OFF_BY_ONE))
def test_a_marker_one_character_off_stops_check_and_both_builds(tmp_path, body):
    sample = Sample.copy(tmp_path / "project")
    sample.write("fund.md", f"---\ntitle: Fund\n---\nPublic.\n\n{body}")
    offset, message = OFF_BY_ONE[body]
    line = f"content/fund.md:{5 + offset}:1: error: {message} [internal-marker]"
    checked = run("check", cwd=sample.root)
    assert checked.returncode == 1 and line in checked.stdout.splitlines()
    for audience in ("public", "internal"):
        built = run("build", "--audience", audience, cwd=sample.root)
        assert built.returncode == 1 and line in built.stderr
        assert "Housing Now" not in built.stderr + built.stdout  # the note is never printed
    assert not (sample.root / "site").exists() and not (sample.root / "site-internal").exists()
