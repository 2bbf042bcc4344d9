"""Golden pages: every page of a small sample site, both audiences, compared with a snapshot.

Each snapshot (``tests/golden/<audience>/<page>.html``) holds what coalition-site decides on a
page: its ``<title>``, the navigation's titles, the table of contents and the article (Material's
``<article class="md-content__inner">``), normalised so that a diff reads well and only what
legitimately varies is scrubbed (see tests/golden/README.md for the rules and how to update).

The sites are built through the public API, ``coalition_site.commands.build``, and nothing else
of the package is imported: the snapshots are the proof that a reorganisation of the modules
changes no output, so they must not move with the modules.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coalition_site import commands

GOLDEN = Path(__file__).resolve().parent
FIXTURE = GOLDEN.parent / "fixtures" / "minimal"
UPDATE = os.environ.get("COALITION_UPDATE_GOLDEN") == "1"
HOW_TO_UPDATE = ("If the change is intended, update the snapshots on purpose with `make golden` "
                 "(or COALITION_UPDATE_GOLDEN=1 make test) and review `git diff tests/golden`.")

EPOCH = "1795000000"
"""``SOURCE_DATE_EPOCH`` of both builds: 18 November 2026, after the sample's two reviews (so the
vitality dashboard exists) and before the next one is due."""
BUILD_DATES = ("2026-11-18", "18 November 2026")
"""The build date as pages write it; the snapshots show ``{build date}`` instead."""

PUBLIC, INTERNAL = "public", "internal"
BOTH = (PUBLIC, INTERNAL)

PAGES: list[tuple[str, tuple[str, ...]]] = [
    # (URL, the audiences whose site has it): every page of the sample, one per kind at least.
    ("", BOTH),                                  # home
    ("charter/problem-statement/", BOTH),        # charter pages, one each
    ("charter/joint-demand/", BOTH),
    ("charter/steward-mandate/", BOTH),          # has a !!! internal block
    ("charter/autonomy/", BOTH),
    ("charter/conflict-protocol/", BOTH),
    ("history/", BOTH),                          # charter history (generated)
    ("partners/", BOTH),                         # the partners index
    ("partners/riders-alliance/", BOTH),         # a partner
    ("partners/tenants-union/", BOTH),           # a partner with representatives (internal fields)
    ("logic/", BOTH),                            # Coalition Logic, with an internal tension
    ("vitality/", BOTH),                         # the vitality dashboard (generated)
    ("reviews/", BOTH),                          # the reviews index
    ("decisions/", BOTH),                        # the decision register (generated)
    ("glossary/", BOTH),                         # the glossary (generated)
    ("reviews/2026-10-14/", BOTH),               # a public review
    ("reviews/2026-11-11/", (INTERNAL,)),        # an internal review
    ("onboarding/", BOTH),                       # Start here, with the coalition's own text inside
    ("onboarding/riders-alliance/", BOTH),       # a partner's staff page
    ("onboarding/tenants-union/", BOTH),         # one with representatives (internal)
    ("board-notes/", (INTERNAL,)),               # an internal page
]

CANARIES = {
    # Text of the sample that only the internal site may show, by where it comes from.
    "SECRET-PAGE-TEXT": "board-notes.md, an internal page",
    "SECRET-REVIEW-NOTES": "reviews/2026-11-11.md, an internal review",
    "SECRET-EMAIL": "a partner's representatives, internal by nature",
    "SECRET-STEWARD-NOTE": "the !!! internal block of the steward mandate",
    "CONFIDENTIAL-TENSION-TEXT": "the internal tension of logic.yml",
}


def golden_path(audience: str, url: str) -> Path:
    return GOLDEN / audience / f"{url.strip('/') or 'home'}.html"


# -- reading a page ---------------------------------------------------------------------------------
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: list[tuple[str, str | None]], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | Comment | str] = []

    @property
    def classes(self) -> list[str]:
        return (dict(self.attrs).get("class") or "").split()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find(self, tag: str, cls: str | None = None) -> Element | None:
        return next((e for e in self.iter() if e.tag == tag and (cls is None or cls in e.classes)),
                    None)

    def child_elements(self, tag: str) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element) and c.tag == tag]

    @property
    def text(self) -> str:
        parts: list[str] = []

        def walk(element: Element) -> None:
            for child in element.children:
                if isinstance(child, Element):
                    walk(child)
                elif not isinstance(child, Comment):
                    parts.append(child)
        walk(self)
        return " ".join("".join(parts).split())


class Comment(str):
    """An HTML comment's text (a ``str``, so tell it from text before treating it as text)."""


class _TreeBuilder(HTMLParser):
    """The page as a tree, comments kept (``<!--cs:not-searched-->`` marks are output too)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", [], None)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        element = self.current
        while element.parent is not None and element.tag != tag:
            element = element.parent
        if element.parent is not None:  # a stray end tag closes nothing
            self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def handle_comment(self, data):
        self.current.children.append(Comment(data))


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# -- normalising ------------------------------------------------------------------------------------
SVG_GEOMETRY = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy",
                "width", "height", "viewbox", "points", "d", "transform"}
"""Layout inside an SVG: Graphviz's (a system package, not pinned) and pygal's arithmetic. The
snapshot keeps every shape, its classes, colours, title and text, not where it is drawn."""


def scrub(value: str, *, attribute: str | None = None, in_svg: bool = False) -> str:
    """One attribute value or text, with what legitimately varies between builds replaced."""
    if in_svg and attribute in SVG_GEOMETRY:
        return "…"
    for date in BUILD_DATES:
        value = value.replace(date, "{build date}")
    if attribute is not None:
        if value.startswith(("__", "#__")):  # Material's generated ids: __tabbed_1_2, __code_0
            value = re.sub(r"\d+", "N", value)
        if attribute in ("href", "src", "srcset"):  # Material's asset hashes: main.6f8fc17f.min.css
            value = re.sub(r"\.[0-9a-f]{8,}(?=\.(?:min\.)?(?:css|js)\b)", ".HASH", value)
        if attribute == "style":  # a diagram's width, from Graphviz's layout
            value = re.sub(r"--cs-width: *[\d.]+px", "--cs-width: …px", value)
    else:  # a diagram's size in the "Open the diagram at full size" link, from Graphviz's layout
        value = re.sub(r"\b\d+ × \d+ pixels\b", "… × … pixels", value)
    return value


def start_tag(element: Element, in_svg: bool) -> str:
    attrs = "".join(
        f" {name}" if value is None
        else f' {name}="{escape(scrub(value, attribute=name, in_svg=in_svg), quote=True)}"'
        for name, value in sorted(element.attrs, key=lambda pair: pair[0]))
    return f"<{element.tag}{attrs}>"


def inline(node: Element | Comment | str, in_svg: bool) -> str:
    """``node`` on one line, whitespace kept: for the inside of ``<pre>``."""
    if isinstance(node, Comment):
        return f"<!--{node}-->"
    if isinstance(node, str):
        return escape(scrub(node), quote=False)
    in_svg = in_svg or node.tag == "svg"
    inner = "".join(inline(child, in_svg) for child in node.children)
    end = "" if node.tag in VOID else f"</{node.tag}>"
    return f"{start_tag(node, in_svg)}{inner}{end}"


def pretty(node: Element | Comment | str, depth: int = 0, in_svg: bool = False) -> list[str]:
    """``node`` one element per line, indented, attributes sorted, whitespace collapsed."""
    indent = "  " * depth
    if isinstance(node, Comment):
        return [f"{indent}<!--{node.strip()}-->"]
    if isinstance(node, str):
        text = " ".join(scrub(node).split())
        return [f"{indent}{escape(text, quote=False)}"] if text else []
    if node.tag == "pre":
        return [indent + inline(node, in_svg)]
    in_svg = in_svg or node.tag == "svg"
    start = start_tag(node, in_svg)
    if node.tag in VOID:
        return [indent + start]
    if node.tag == "style":  # a chart's stylesheet: one rule a line
        rules = [rule.strip() + "}" for rule in node.text.split("}") if rule.strip()]
        return [indent + start, *(f"{indent}  {escape(r, quote=False)}" for r in rules),
                f"{indent}</style>"]
    inner = [line for child in node.children for line in pretty(child, depth + 1, in_svg)]
    end = f"</{node.tag}>"
    if not inner:
        return [indent + start + end]
    if len(inner) == 1 and not any(isinstance(c, (Element, Comment)) for c in node.children):
        return [indent + start + inner[0].strip() + end]  # text only: <h1>Title</h1>
    return [indent + start, *inner, indent + end]


def outline(nav: Element | None, depth: int = 1) -> list[str]:
    """The titles of a Material navigation (or table of contents), nested as it nests them."""
    lines: list[str] = []
    for list_ in nav.child_elements("ul") if nav is not None else []:
        for item in list_.child_elements("li"):
            link = next((c for c in item.children if isinstance(c, Element)
                         and c.tag in ("a", "label")), None)
            title = link.find("span", "md-ellipsis") if link is not None else None
            lines.append("  " * depth + "- " + (title or link or item).text)
            for sub in item.child_elements("nav"):
                if "md-nav--secondary" not in sub.classes:  # the page's own TOC, shown apart
                    lines.extend(outline(sub, depth + 1))
    return lines


def snapshot(html: str) -> str:
    """What a golden file holds of a built page."""
    page = parse(html)
    title = page.find("title")
    toc = page.find("div", "md-sidebar--secondary")
    article = page.find("article", "md-content__inner")
    assert title is not None and article is not None, "not a page Material rendered"
    lines = [f"<title>{escape(scrub(title.text), quote=False)}</title>",
             "<nav>", *outline(page.find("nav", "md-nav--primary")), "</nav>",
             "<toc>", *outline(toc.find("nav", "md-nav--secondary") if toc else None), "</toc>",
             *pretty(article)]
    return "\n".join(lines) + "\n"


# -- the tests --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Both sites of the sample, built once for the module through the public API."""
    project = tmp_path_factory.mktemp("golden") / "project"
    shutil.copytree(FIXTURE, project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        # `build` sets COALITION_AUDIENCE for MkDocs; keep it from leaking into other tests.
        patch.delenv("COALITION_AUDIENCE", raising=False)
        return {audience: commands.build(project, audience=audience,
                                         site_dir=project / f"site-{audience}")
                for audience in BOTH}


CASES = [pytest.param(audience, url, id=f"{audience}:{url.strip('/') or 'home'}")
         for url, audiences in PAGES for audience in audiences]


@pytest.mark.parametrize(("audience", "url"), CASES)
def test_page_matches_its_golden(sites, audience, url):
    actual = snapshot((sites[audience] / url / "index.html").read_text(encoding="utf-8"))
    golden = golden_path(audience, url)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        name = golden.relative_to(GOLDEN.parent.parent).as_posix()
        diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                         f"{name} (golden)", f"{name} (built)", n=2, lineterm=""))
        shown = diff[:60] + ([f"... {len(diff) - 60} more lines"] if len(diff) > 60 else [])
        missing = "" if golden.exists() else f"{name} does not exist yet.\n"
        pytest.fail(f"{missing}/{url} ({audience}) differs from its golden page:\n"
                    + "\n".join(shown) + "\n" + HOW_TO_UPDATE, pytrace=False)


@pytest.mark.parametrize("audience", BOTH)
def test_every_page_of_the_site_has_a_golden(sites, audience):
    # A new kind of page (or a page that disappears) is noticed, not silently left out.
    folders = (path.parent.relative_to(sites[audience]) for path in sites[audience].rglob("index.html"))
    built = sorted("" if folder == Path(".") else f"{folder.as_posix()}/" for folder in folders)
    assert built == sorted(
        url for url, audiences in PAGES if audience in audiences)


@pytest.mark.parametrize("audience", BOTH)
def test_no_golden_file_is_left_over(audience):
    expected = {golden_path(audience, url) for url, audiences in PAGES if audience in audiences}
    stray = sorted(set((GOLDEN / audience).rglob("*.html")) - expected)
    if UPDATE:
        for path in stray:
            path.unlink()
        return
    assert [p.relative_to(GOLDEN).as_posix() for p in stray] == [], HOW_TO_UPDATE


def test_no_public_golden_holds_an_internal_canary():
    # Read from the committed snapshots, so that updating them cannot bless a leak unseen.
    def holding(audience: str, canary: str) -> list[str]:
        return sorted(path.relative_to(GOLDEN).as_posix()
                      for path in (GOLDEN / audience).rglob("*.html")
                      if canary in path.read_text(encoding="utf-8"))

    assert {canary: holding(PUBLIC, canary) for canary in CANARIES} == {c: [] for c in CANARIES}
    # ... and each canary is in the internal snapshots, or the guard would guard nothing.
    assert [f"{canary} ({source})" for canary, source in CANARIES.items()
            if not holding(INTERNAL, canary)] == []
