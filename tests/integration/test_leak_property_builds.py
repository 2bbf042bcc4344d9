"""Issue #11's proof end to end: whole projects, built for real for both audiences.

Each example copies ``tests/fixtures/minimal``, enables the usual Markdown extensions in its
mkdocs.yml, and writes bodies from the grammar (``tests/leak_grammar.py``) into some of its
pages: ordinary pages, charter pages, a partner's page, a public review and the Start here page's
own text (the plugin renders all of them; the problem statement's first paragraph is shown on
the home and Start here pages too), with the image files the blocks show, named with their canaries. Then either the
public build fails with a located error (``file.md:line:col: error:``) and so does the internal
one (errors stop every build), or no canary is anywhere in the public site (any file's content,
a gzipped sitemap unpacked, any file's name) nor in the public build's log, while every canary is
somewhere in the internal site.
"""

from __future__ import annotations

import gzip
import logging
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, event, given, note
from hypothesis import strategies as st

from coalition_site import commands
from coalition_site.errors import CoalitionSiteError
from coalition_site.markup import USUAL_EXTENSIONS
from leak_grammar import Body, bodies, for_the_time_given, name_spaces, property_settings
from support import EPOCH, MINIMAL

LOCATED = re.compile(r"\.md:\d+:\d+: error:")
# A 1x1 transparent PNG: an attachment MkDocs copies like any other.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

# Where a body can go → how its images are reached from there. A page of the sample keeps its
# front matter (a charter page, a partner, a public review); a new one is an ordinary page.
PLACES = {
    "notes.md": "images/",
    "guides/meetings.md": "../images/",
    # The coalition's own text, shown inside the generated Start here page (and the problem
    # statement's first paragraph, below, on the home and Start here pages).
    "onboarding.md": "images/",
    "charter/problem-statement.md": "../images/",
    "charter/joint-demand.md": "../images/",
    "charter/steward-mandate.md": "../images/",
    "charter/conflict-protocol.md": "../images/",
    "partners/tenants-union.md": "../images/",
    "reviews/2026-10-14.md": "../images/",  # a public review
}


class Project:
    """The bodies written into a copy of the minimal project, by page."""

    def __init__(self, bodies: dict[str, Body], newlines: dict[str, str], review_dates: bool = False):
        self.bodies = bodies
        self.newlines = newlines
        self.review_dates = review_dates
        """publish_review_dates: the public dashboard shows the internal review's date, and
        nothing else of it."""
        self.root: Path | None = None

    def __repr__(self) -> str:  # what Hypothesis prints of a failing example: explain() has it all
        return f"Project(pages={list(self.bodies)}, review_dates={self.review_dates})"

    @property
    def canaries(self):
        return [canary for body in self.bodies.values() for canary in body.canaries]

    @property
    def images(self) -> list[str]:
        return [image for body in self.bodies.values() for image in body.images]

    def explain(self) -> str:
        return "\n".join(f"== content/{uri} (line endings {self.newlines[uri]!r}); body:\n{body.explain()}"
                         for uri, body in self.bodies.items())


@st.composite
def projects(draw) -> Project:
    names = draw(name_spaces)  # one set of names: canaries differ across the project's pages
    places = draw(st.lists(st.sampled_from(tuple(PLACES)), min_size=2, max_size=4, unique=True))
    # A near miss is refused, and the build with it: most projects have none, so that most
    # builds go through.
    near_misses = draw(st.sampled_from((False, False, False, True)))
    return Project(
        bodies={uri: draw(bodies(names=names, max_blocks=2, image_prefix=PLACES[uri], newlines=("\n",),
                                 near_misses=near_misses))
                for uri in places},
        newlines={uri: draw(st.sampled_from(("\n", "\n", "\r\n", "\r"))) for uri in places},
        review_dates=draw(st.booleans()))


def write(project: Project, root: Path) -> None:
    shutil.copytree(MINIMAL, root)
    config = yaml.safe_load((MINIMAL / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [extension if isinstance(extension, str) else {extension[0]: extension[1]}
                                     for extension in USUAL_EXTENSIONS]
    if project.review_dates:
        config["plugins"] = [{"coalition": {"publish_review_dates": True}} if plugin == "coalition" else plugin
                             for plugin in config["plugins"]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    content = root / "content"
    for uri, body in project.bodies.items():
        path = content / uri
        if path.exists():  # a charter file: its front matter, then the body
            front, _ = _split_front_matter(path.read_text(encoding="utf-8"))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            front = f"---\ntitle: {path.stem.title()}\n---\n"
        path.write_bytes((front + body.text).replace("\n", project.newlines[uri]).encode("utf-8"))
    (content / "images").mkdir(exist_ok=True)
    for image in project.images:
        (content / "images" / image).write_bytes(PNG)
    project.root = root


def _split_front_matter(text: str) -> tuple[str, str]:
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


class _Log(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def build(root: Path, audience: str) -> tuple[Path, str | None, list[str]]:
    """Build ``root`` for ``audience``: the site folder, the error's message if it failed, the log."""
    site = root / ("site" if audience == "public" else "site-internal")
    log = _Log()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(log)
    try:
        with pytest.MonkeyPatch.context() as patch:
            # `build` sets COALITION_AUDIENCE for MkDocs; keep it from leaking into other tests.
            patch.delenv("COALITION_AUDIENCE", raising=False)
            patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
            commands.build(root, audience=audience, site_dir=site)
    except CoalitionSiteError as exc:
        return site, str(exc), log.lines
    finally:
        logger.removeHandler(log)
    return site, None, log.lines


def site_contents(site: Path) -> dict[str, bytes]:
    """Every file of a site by its path, a gzipped file unpacked too (sitemap.xml.gz)."""
    contents: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")) if site.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            contents[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return contents


def found(canary: str, contents: dict[str, bytes]) -> list[str]:
    """The files whose name or content holds ``canary``."""
    needle = canary.encode()
    return [name for name, data in contents.items() if canary in name or needle in data]


# Without shrinking: each step builds two sites, and minutes of it would make a failing case
# hardly any smaller than the grammar's own (the markup tier shrinks the same bodies quickly).
@for_the_time_given()
@given(project=projects())
@property_settings(40, phases=[Phase.explicit, Phase.reuse, Phase.generate])
def test_a_public_build_publishes_no_internal_block_or_fails_located(project):
    note(project.explain())
    with tempfile.TemporaryDirectory(prefix="leak-property-") as folder:
        write(project, Path(folder) / "project")
        public_site, public_error, public_log = build(project.root, "public")
        public = site_contents(public_site)
        note(f"public build: {public_error or 'built'}")
        logged = [str(c) for c in project.canaries
                  if any(c.value in line for line in public_log + [public_error or ""])]
        assert not logged, f"the public build's log or error prints internal values: {logged}"
        leaked = {str(c): found(c.value, public) for c in project.canaries if found(c.value, public)}
        assert not leaked, f"the public site holds internal values (canary: files): {leaked}"
        internal_site, internal_error, _ = build(project.root, "internal")
        internal = site_contents(internal_site)

    note(f"internal build: {internal_error or 'built'}")
    if public_error:
        event("refused with an error")
        assert LOCATED.search(public_error), f"the public build failed without a located error:\n{public_error}"
        assert internal_error, "the public build failed with an error, the internal one did not"
        return
    assert not internal_error, f"the internal build failed, the public one did not:\n{internal_error}"
    missing = [str(c) for c in project.canaries if not found(c.value, internal)]
    assert not missing, f"the internal site does not show: {missing}"
