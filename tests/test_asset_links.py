"""Which attachments only internal content uses: links found in Markdown and HTML, resolved as
MkDocs resolves them, and the two sides (shown by a public page, mentioned by internal content)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coalition_site.asset_links import body_links, internal_only_assets, mentions, resolve
from coalition_site.audience import for_audience, strip_internal_blocks
from coalition_site.load.charter import load_charter
from coalition_site.render.plan import plan_site

MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


def shown(markdown: str, src_uri: str = "partners/alpha.md", **options) -> list[str]:
    return sorted(body_links(markdown, src_uri, **options).shown)


def internal(markdown: str, src_uri: str = "partners/alpha.md") -> list[str]:
    return sorted(body_links(markdown, src_uri).internal)


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


# -- what a public page shows ---------------------------------------------------------------------
def test_inline_images_and_links():
    assert shown('![Map](map.png) and [the budget](../files/budget.pdf "Budget 2026") and '
                 "[a page](../onboarding.md) and [x](https://example.org/y.png)") == [
        "files/budget.pdf", "onboarding.md", "partners/map.png"]


def test_an_image_inside_a_link_and_brackets_inside_a_link_text():
    assert shown("[![Logo](logo.png)](brochure.pdf) [a [nested] text](n.png)") == [
        "partners/brochure.pdf", "partners/logo.png", "partners/n.png"]


def test_destinations_with_parentheses_spaces_and_escapes():
    assert shown("![x](plan(2).png) ![y](<floor plan.png>) ![z](a\\_b.png) ![w](  spaced.png  )") == [
        "partners/a_b.png", "partners/floor plan.png", "partners/plan(2).png", "partners/spaced.png"]


def test_empty_and_odd_destinations_point_nowhere():
    text = "[a](<>) [b]() [c]( ) ![d](<>)\n\n[e]: <>\n\n[e] <img src=\"\"> <a href>"
    assert shown(text) == [] and mentions(text, "a.md") == set()


def test_reference_style_links_count_when_used():
    text = ("Full ![map][Site Map], collapsed [budget][], shortcut [logo].\n\n"
            "[site map]: maps/site.png\n"
            "[budget]: <files/budget 2026.pdf> \"Budget\"\n"
            "[LOGO]:\n    logo.png\n"
            "[unused]: unused.png\n"
            "[^1]: a footnote, not a link: footnote.png\n")
    assert shown(text) == ["partners/files/budget 2026.pdf", "partners/logo.png", "partners/maps/site.png"]


def test_an_inline_links_text_does_not_use_a_definition():
    assert shown("[plan](other.png)\n\n[plan]: plan.png\n") == ["partners/other.png"]


def test_raw_html_links_and_images():
    assert shown('<img src="photo.jpg" alt="x"> <a href=\'doc.pdf\'>doc</a> <IMG SRC=raw.png>\n'
                 '<a title="x" href="a&amp;b.pdf">ab</a>') == [
        "partners/a&b.pdf", "partners/doc.pdf", "partners/photo.jpg", "partners/raw.png"]


def test_html_the_sanitiser_removes_shows_nothing():
    text = ('<video src="clip.mp4" poster="poster.png"></video> <img srcset="big.png 2x">\n'
            "<!-- ![old](commented.png) -->\n<!--\n![old](multiline.png)\n-->\n")
    assert shown(text) == []
    assert sorted(mentions(text, "partners/alpha.md")) == [
        "partners/big.png", "partners/clip.mp4", "partners/commented.png", "partners/multiline.png",
        "partners/poster.png"]


@pytest.mark.parametrize("code", [
    "`![x](code.png)`",
    "`` a ` ![x](code.png) ``",
    "Some `inline\n![x](code.png)` code",
    "```\n![x](code.png)\n```",
    "```markdown\n[x]: code.png\n\n[x]\n```",
    "~~~~\n<img src=\"code.png\">\n```\n~~~~",
    "    ```\n    ![x](code.png)\n    ```",  # a fence in a list item or admonition
    "> ```\n> ![x](code.png)\n> ```",
    "```\n![x](code.png)",  # a fence never closed: might be code, so it shows nothing
])
def test_code_is_not_a_link(code):
    assert shown(f"Before ![ok](ok.png).\n\n{code}\n\nAfter.") == ["partners/ok.png"]


def test_inline_code_with_backticks_in_a_fence_line_is_not_a_fence():
    assert shown("```code``` ![x](after.png)") == ["partners/after.png"]


def test_escaped_brackets_make_no_link():
    assert shown("\\[not a link](a.png) and [not \\](b.png)\n\nx](c.png)") == []
    assert shown("[a link \\](b.png) after all](c.png)") == ["partners/c.png"]


# -- internal blocks --------------------------------------------------------------------------------
@pytest.mark.parametrize("opener", [
    '!!! internal', '??? internal', '???+ internal', '!!! internal "Steward\'s note"',
    '!!! note internal', '!!!internal', '!!! Internal',
])
def test_an_internal_block_shows_nothing_to_the_public(opener):
    text = f"Public ![a](public.png).\n\n{opener}\n    ![b](secret.png)\n\n    [c](secret.pdf)\n\nAfter."
    assert shown(text) == ["partners/public.png"]
    assert internal(text) == ["partners/secret.pdf", "partners/secret.png"]


@pytest.mark.parametrize("text", [
    "> !!! internal\n>     ![s](secret.png)\n\nEnd.",                     # inside a quote
    "```\n\n!!! internal\n    ![s](secret.png)\n\nEnd.",                    # after a fence never closed
    "  ```\n!!! internal\n    ![s](secret.png)\n  ```\n\nEnd.",              # between indented fences
    "!!! note\n\t!!! internal\n\t\t![s](secret.png)\n\n\tMore.",            # nested, with tabs
    "- item\n\n    !!! internal\n        ![s](secret.png)\n",                # in a list item
    '<div class="admonition internal" markdown>\n![s](secret.png)\n<div>x</div>\n</div>\n',
    '<details class="internal" markdown>\n<summary>x</summary>\n<img src="secret.png">\n</details>',
])
def test_whatever_might_be_an_internal_block_is_internal(text):
    assert shown(text) == []
    assert internal(text) == ["partners/secret.png"]


def test_text_after_an_internal_block_is_shown():
    text = ("!!! internal\n    ![s](secret.png)\n\n![p](public.png)\n\n"
            '<div class="internal">\n<img src="secret2.png">\n</div>\n<img src="public2.png">')
    assert shown(text) == ["partners/public.png", "partners/public2.png"]


def test_an_example_of_the_syntax_in_code_hides_no_more_than_itself():
    text = ('```html\n<div class="internal">\n```\n\n![p](public.png)\n\n'
            "```markdown\n!!! internal\n    ![s](example.png)\n```\n\n![q](public2.png)")
    assert shown(text) == ["partners/public.png", "partners/public2.png"]


def test_every_block_strip_internal_blocks_removes_is_internal_here_too():
    # The public page renders the body less what strip_internal_blocks() removed; whatever it
    # removed must never count as shown, whichever way the block is written.
    bodies = ["!!! internal\n    ![a](a.png)\n", "    ??? internal \"t\"\n        [b](b.pdf)\n",
              "Text\n!!! note internal\n    ![c](c.png)\n\n    more ![d](d.png)\nAfter"]
    for body in bodies:
        _kept, removed = strip_internal_blocks(body)
        in_blocks = set().union(*(mentions(block, "x.md") for block in removed))
        assert in_blocks and not in_blocks & body_links(body, "x.md").shown
        assert in_blocks <= body_links(body, "x.md").internal


def test_line_endings_do_not_matter():
    text = "Public ![p](p.png).\r\r!!! internal\r    ![s](s.png)\r\rEnd.\r"
    assert (shown(text), internal(text)) == (["partners/p.png"], ["partners/s.png"])


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
    return internal_only_assets(result.charter, public.pages, **options)


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
        "images/named-in-code.png",   # internal content names it, even as code
        "files/minutes.pdf",          # an internal review, through ../
        "partners/lease.png",         # an internal block of a public page
    }                                 # shared.png is shown by a public page; public-code.png by nothing


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
