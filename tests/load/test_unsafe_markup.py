"""``check`` reports unsafe markup in Markdown bodies at its line, before a reviewer has to."""

from __future__ import annotations

import io
import shutil

import pytest

from coalition_site import commands
from coalition_site.errors import CharterError
from coalition_site.load.unsafe_markup import find_unsafe_markup
from support import FIXTURES

MINIMAL = FIXTURES / "minimal"
SCRIPT = "<script> runs code in every reader's browser; remove it (the published page leaves it out)"
ONCLICK = ("the onclick attribute runs code in readers' browsers; remove it (the published page "
           "leaves it out)")
STYLE = ("style attributes are removed from the published page (they can disguise or hide "
         "content); remove it and use Markdown formatting")
JAVASCRIPT = "a javascript: link runs code when a reader follows it; link to an https:// address instead"
DATA = ("a data: URL is removed from the published page; put the file in the content folder and "
        "link to it instead")


def found(body: str, body_line: int = 1) -> list[str]:
    return [str(p) for p in find_unsafe_markup(body, path="content/page.md", body_line=body_line)]


@pytest.mark.parametrize("body, expected", [
    ("Hello <script>alert(1)</script>", [f"content/page.md:1:7: error: {SCRIPT} [unsafe-html]"]),
    ('<iframe src="https://x.example"></iframe>', [
        "content/page.md:1:1: error: <iframe> embeds another site into the page; remove it (the "
        "published page leaves it out) [unsafe-html]"]),
    ('Text\n\n<a href="#" onclick="go()">x</a>', [f"content/page.md:3:13: error: {ONCLICK} [unsafe-html]"]),
    ('<p style="color:red">x</p>', [f"content/page.md:1:4: error: {STYLE} [unsafe-html]"]),
    ('<a\n  href="java&#115;cript:alert(1)">y</a>', [f"content/page.md:2:3: error: {JAVASCRIPT} [unsafe-html]"]),
    ("[x](javascript:alert(1))", [f"content/page.md:1:5: error: {JAVASCRIPT} [unsafe-html]"]),
    ("[x]( JavaScript:alert(1) )", [f"content/page.md:1:6: error: {JAVASCRIPT} [unsafe-html]"]),
    ("![x](data:image/png;base64,AAAA)", [f"content/page.md:1:6: error: {DATA} [unsafe-html]"]),
    ("[ref]: javascript:alert(2)", [f"content/page.md:1:8: error: {JAVASCRIPT} [unsafe-html]"]),
    ('## Title { #t onclick="x()" }', [f"content/page.md:1:15: error: {ONCLICK} [unsafe-html]"]),
    ("<video src=clip.mp4></video>", [
        "content/page.md:1:1: warning: <video> is not among the HTML elements charter pages may "
        "use, and the published page leaves it out; use Markdown instead, or remove it [removed-html]"]),
    ('<input type="text">', [
        "content/page.md:1:1: warning: <input> is not among the HTML elements charter pages may "
        "use, and the published page leaves it out; use Markdown instead, or remove it [removed-html]"]),
])
def test_unsafe_markup_is_reported_where_it_stands(body, expected):
    assert found(body) == expected


@pytest.mark.parametrize("body", [
    "```html\n<script>alert(1)</script>\n```",
    "~~~\n<iframe></iframe>\n~~~",
    "Use `<script>` for code, and ``<a onclick=x>`` too.",
    "An escaped \\<script> tag.",
    "Links: <https://example.org>, <mail@example.org>, [site](https://example.org).",
    '<div class="grid" markdown>\n**bold** <span class="x">y</span> <br>\n</div>',
    "<!-- <script>alert(1)</script> -->",
    "A { .class #id } attribute list and {: .note } here; a title=\"style\" word.",
    "A backtick ` alone\n\nthen <b>bold</b> in the next paragraph.",
])
def test_code_comments_autolinks_and_allowed_html_are_fine(body):
    assert found(body) == []


def test_an_unclosed_code_span_does_not_hide_the_next_paragraph():
    assert found("A stray ` backtick.\n\n<script>x</script> and a ` later.") == [
        f"content/page.md:3:1: error: {SCRIPT} [unsafe-html]"]


def test_lines_count_from_where_the_body_starts():
    assert found("Intro.\n<script>x</script>", body_line=6) == [
        f"content/page.md:7:1: error: {SCRIPT} [unsafe-html]"]


def test_check_reports_it_with_the_file_line_and_rule(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    partner = project / "content" / "partners" / "riders-alliance.md"
    partner.write_text(partner.read_text() + '\n<img src="logo.png" onerror="steal()">\n')
    out = io.StringIO()
    assert commands.check(project, out=out) == 1
    assert out.getvalue().splitlines() == [
        "content/partners/riders-alliance.md:10:21: error: the onerror attribute runs code in "
        "readers' browsers; remove it (the published page leaves it out) [unsafe-html]",
        "content: 1 error",
    ]


# -- unsafe-html: hosts of the builder's own network ----------------------------------------------
PRIVATE_HOST = ("this URL's host is {}, not a public one: with Material's privacy plugin the build "
                "would fetch it from the builder's own network and publish the answer; use a public "
                "https:// address, or put the file in the content folder")


@pytest.mark.parametrize("body, where, what", [
    ("![plan](http://10.0.0.5/x.png)", "1:9", "a private network address"),
    ('Text\n\n<img alt="a"\n  src="http://127.0.0.1:8080/secret">', "4:3",
     "an address of the builder's own machine"),
    ("[meta]: http://169.254.169.254/latest/meta-data/", "1:9",
     "a link-local address (where cloud metadata services answer)"),
    ("See <http://printer.local/status>.", "1:6", "a name of the local network"),
    ('<img srcset="a.png 1x, http://2130706433/b.png 2x">', "1:6",
     "an address of the builder's own machine"),
    ('<img src="http://&#49;27.0.0.1/x.png">', "1:6", "an address of the builder's own machine"),
    ("[router](//192.168.1.1/)", "1:10", "a private network address"),
    ('![x](logo.png){ src="http://[::1]/x.png" }', "1:17", "an address of the builder's own machine"),
])
def test_a_url_on_the_builders_own_network_is_unsafe(body, where, what):
    assert found(body) == [f"content/page.md:{where}: error: {PRIVATE_HOST.format(what)} [unsafe-html]"]


@pytest.mark.parametrize("body", [
    "![plan](https://example.org/x.png)",
    "`![plan](http://10.0.0.5/x.png)`",
    "```\n<img src=\"http://127.0.0.1/\">\n```",
    "[home](/index.md) and [here](#top)",
])
def test_public_hosts_relative_links_and_code_are_fine(body):
    assert found(body) == []


def test_check_reports_a_private_address_in_a_page_at_its_line(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    page = project / "content" / "onboarding.md"
    page.write_text(page.read_text() + "\n![Floor plan](http://10.0.0.5/x.png)\n")
    out = io.StringIO()
    assert commands.check(project, out=out) == 1
    assert out.getvalue().splitlines() == [
        f"content/onboarding.md:6:15: error: {PRIVATE_HOST.format('a private network address')} "
        "[unsafe-html]",
        "content: 1 error",
    ]
