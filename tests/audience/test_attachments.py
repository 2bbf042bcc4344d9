"""Which attachments only internal content uses: the links of Markdown's own renderings, resolved
as MkDocs resolves them, on both sides (used by internal content, shown by a public page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.audience.attachments import internal_only_assets, internal_uses
from coalition_site.load.charter import load_charter
from coalition_site.markup import MarkupReader, resolve
from coalition_site.render.plan import plan_site

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
READER = MarkupReader()


# -- resolving a link like MkDocs ------------------------------------------------------------------
@pytest.mark.parametrize("url, target", [
    ("map.png", "partners/map.png"),
    ("./map.png", "partners/map.png"),
    ("../images/map.png", "images/map.png"),
    ("img/../map.png", "partners/map.png"),
    ("my%20plan.pdf", "partners/my plan.pdf"),
    ("budget.pdf#page=2", "partners/budget.pdf"),
    ("budget.pdf?download=1", "partners/budget.pdf"),
    ("budget.pdf?v=1#top", "partners/budget.pdf"),
    ("<my plan.pdf>", "partners/my plan.pdf"),
    ("a&amp;b.png", "partners/a&b.png"),
    ("../../secret.png", None),  # out of the content folder
    ("../../content/x.png", None),
    ("..", None),
    ("https://example.org/map.png", None),
    ("http://example.org/map.png", None),
    ("//cdn.example.org/map.png", None),
    ("mailto:steward@example.org", None),
    ("tel:+15551234", None),
    ("data:image/png;base64,AAAA", None),
    ("javascript:alert(1)", None),
    ("#section", None),
    ("?tab=2", None),
    ("", None),
    (".", None),
    ("http://[broken/x.png", None),
    ("/images/map.png", None),  # MkDocs leaves a link from the site's root as it is
])
def test_a_link_resolves_from_the_folder_of_its_file(url, target):
    assert resolve(url, "partners/alpha.md") == target


def test_a_link_from_the_sites_root_resolves_in_the_content_folder_when_mkdocs_does():
    assert resolve("/images/map.png", "partners/alpha.md", root_relative=True) == "images/map.png"
    assert resolve("/../x.png", "partners/alpha.md", root_relative=True) is None
    assert resolve("map.png", "index.md") == "map.png"


# -- the two sides, as Markdown renders them ---------------------------------------------------------
def test_an_internal_block_uses_what_its_internal_rendering_shows_and_its_public_one_does_not(project):
    append(project, "partners/tenants-union.md",
           "\n![shared](../images/shared.png)\n\n> !!! internal\n>     ![shared](../images/shared.png)"
           " ![plan][p]\n\n[p]: ../images/plan.png\n")
    result = load_charter(project / "content", project)
    public = plan_site(for_audience(result.charter, "public")).pages
    assert internal_uses(result.charter, public, READER, readings=result.readings) >= {"images/plan.png"}
    assert "images/shared.png" not in internal_uses(result.charter, public, READER, readings=result.readings)


# -- the charter: which attachments only internal content uses ---------------------------------------
@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    return root


def append(root: Path, src_uri: str, text: str) -> None:
    path = root / "content" / src_uri
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def only_internal(root: Path, **options) -> set[str]:
    result = load_charter(root / "content", root)
    assert result.charter is not None, result.problems
    public = plan_site(for_audience(result.charter, "public"))
    return internal_only_assets(result.charter, public.pages, READER, readings=result.readings, **options)


def test_what_only_internal_content_uses(project):
    append(project, "board-notes.md", "\n![plan](images/plan.png) ![shared](images/shared.png)\n"
                                      "Code: `![x](images/named-in-code.png)`\n")
    append(project, "reviews/2026-11-11.md", "\n[minutes](../files/minutes.pdf)\n")
    append(project, "partners/tenants-union.md",
           "\n![shared](../images/shared.png)\n\n!!! internal\n    ![lease](lease.png)\n\n"
           "Shown as code: `![p](../images/plan.png)`\n")
    append(project, "onboarding.md", "\n```\n![x](images/public-code.png)\n```\n")
    assert only_internal(project) == {
        "images/plan.png",            # an internal page (and code on a public page: not a link)
        "files/minutes.pdf",          # an internal review, through ../
        "partners/lease.png",         # an internal block of a public page
    }   # shared.png is shown by a public page; public-code.png and named-in-code.png by nothing
        # (code shows a path as text: the rendered page neither links to the file nor loads it)


def test_a_public_review_shows_and_an_internal_charter_page_does_not(project):
    append(project, "reviews/2026-10-14.md", "\n![chart](chart.png)\n")
    append(project, "charter/autonomy.md", "\n![chart](../reviews/chart.png) ![org](../org.png)\n")
    autonomy = project / "content" / "charter" / "autonomy.md"
    autonomy.write_text(autonomy.read_text().replace("---\n", "---\nvisibility: internal\n", 1))
    assert only_internal(project) == {"org.png"}


def test_a_file_shown_outside_the_bodies_is_public(project):
    # The plugin passes what the public build's nav (mkdocs.yml) links to.
    append(project, "board-notes.md", "\n[Annual report](reports/annual.pdf) ![plan](images/plan.png)\n")
    assert only_internal(project) == {"reports/annual.pdf", "images/plan.png"}
    assert only_internal(project, also_shown=["reports/annual.pdf"]) == {"images/plan.png"}
    # Pages, files nothing internal uses and other names change nothing.
    assert only_internal(project, also_shown=iter(["board-notes.md", "reports/other.pdf", "annual.pdf"])) \
        == {"reports/annual.pdf", "images/plan.png"}
