"""What the test modules share: sample projects, the CLI, and reading built HTML.

``tests/`` is on ``sys.path`` (pytest puts the folder of the root ``conftest.py`` there), so test
modules import this as ``support``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner, Result

from coalition_site.cli import cli

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"

EPOCH = "1795000000"
"""``SOURCE_DATE_EPOCH`` of every build and check: 18 November 2026, when the samples are current."""
AS_OF = dt.date(2026, 11, 18)

# The console script installed beside this interpreter: the real `coalition-site` a user runs.
COALITION_SITE = str(Path(sys.executable).with_name("coalition-site"))
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))


class Sample:
    """A copy of a sample project, to edit before checking or building it."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"

    @classmethod
    def copy(cls, dest: Path, scenario: str = "minimal") -> "Sample":
        shutil.copytree(FIXTURES / scenario, dest, symlinks=True)
        return cls(dest)

    def path(self, src_uri: str) -> Path:
        return self.content / src_uri

    def read(self, src_uri: str) -> str:
        return self.path(src_uri).read_text(encoding="utf-8")

    def edit(self, src_uri: str, old: str, new: str) -> None:
        """Replace ``old`` (which must be in the file exactly once) by ``new``."""
        text = self.read(src_uri)
        assert text.count(old) == 1, f"{old!r} is not exactly once in {src_uri}"
        self.write(src_uri, text.replace(old, new))

    def write(self, src_uri: str, text: str) -> None:
        path = self.path(src_uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def write_bytes(self, src_uri: str, data: bytes) -> None:
        self.path(src_uri).write_bytes(data)

    def remove(self, src_uri: str) -> None:
        self.path(src_uri).unlink()


def env(**extra: str | None) -> dict[str, str]:
    """The environment of a CLI run: reproducible date, no audience leaking in from outside.

    ``extra`` adds variables; ``None`` removes one (``SOURCE_DATE_EPOCH=None``: today).
    """
    base = {k: v for k, v in os.environ.items() if k != "COALITION_AUDIENCE"}
    base.update(SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    for name, value in extra.items():
        if value is None:
            base.pop(name, None)
        else:
            base[name] = value
    return base


def invoke(*args: str, **extra_env: str) -> Result:
    """Run ``coalition-site ARGS`` in this process (fast; for commands that do not build)."""
    runner = CliRunner()
    return runner.invoke(cli, [str(a) for a in args], env={"COALITION_AUDIENCE": None,
                                                           "SOURCE_DATE_EPOCH": EPOCH, **extra_env},
                         prog_name="coalition-site")


def run(*args: str, cwd: Path | None = None, program: str = COALITION_SITE,
        **extra_env: str | None) -> subprocess.CompletedProcess:
    """Run the installed ``coalition-site`` (or ``mkdocs``) as a user would, in its own process."""
    return subprocess.run([program, *[str(a) for a in args]], cwd=cwd, env=env(**extra_env),
                          capture_output=True, text=True, timeout=120)


def site_texts(site: Path) -> dict[str, str]:
    """Every file of a built site (path relative to it → text, undecodable bytes replaced)."""
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(site.rglob("*")) if path.is_file()}


# -- reading HTML ---------------------------------------------------------------------------------
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


class Node:
    """An element of a parsed HTML page: enough to find elements and read their text."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None" = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, *, cls: str | None = None,
                 id: str | None = None, text: str | None = None) -> list["Node"]:
        return [node for node in self.iter() if node is not self
                and (tag is None or node.tag == tag)
                and (cls is None or cls in node.classes)
                and (id is None or node.attrs.get("id") == id)
                and (text is None or text in node.text)]

    def find(self, tag: str | None = None, **kwargs) -> "Node":
        found = self.find_all(tag, **kwargs)
        assert found, f"no <{tag or '*'}> with {kwargs} in <{self.tag}>: {self.text[:300]!r}"
        return found[0]

    @property
    def text(self) -> str:
        """The visible text, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in ("script", "style"):
                    walk(child)
                    if child.tag in ("br", "p", "li", "td", "th", "tr", "h1", "h2", "h3", "div", "dt", "dd"):
                        parts.append(" ")
        walk(self)
        return " ".join("".join(parts).split())

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:  # a stray end tag closes nothing
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def article(html: str) -> Node:
    """The page's content (Material's ``<article>``), without the navigation around it."""
    return parse_html(html).find("article", cls="md-content__inner")


def nav_titles(html: str) -> list[str]:
    """The titles of the primary navigation's entries, in order, as Material renders them
    (without the current page's table of contents, which Material nests inside it)."""
    nav = parse_html(html).find("nav", cls="md-nav--primary")
    for toc in nav.find_all("nav", cls="md-nav--secondary"):
        toc.children.clear()
    for toggle in nav.find_all("label"):
        if toggle.attrs.get("for") == "__toc":  # the current page's name again, to open its TOC
            toggle.children.clear()
    return [label.text for label in nav.find_all(cls="md-ellipsis")]


def load_problems(sample: Sample) -> list[str]:
    """Every format problem of a sample's charter, as ``check`` prints it."""
    from coalition_site.load.charter import load_charter

    return [str(p) for p in load_charter(sample.content, sample.root).problems]


def link(src_uri: str) -> str:
    """A page's address as the tests' site builds link to it: ``/partners/usw-1219/``."""
    return f"/{src_uri.removesuffix('.md')}/"


def build_of(sample: Sample, audience: str = "public", loader=None, features=None):
    """The :class:`~coalition_site.sitebuild.SiteBuild` of ``sample`` for ``audience``, as of
    :data:`AS_OF`, with the standard features unless ``features`` says otherwise."""
    from coalition_site.audience import for_audience
    from coalition_site.load.charter import load_charter
    from coalition_site.sitebuild import FEATURES, BuildOptions, SiteBuild

    charter = for_audience(load_charter(sample.content).charter, audience)
    return SiteBuild(charter, BuildOptions(today=AS_OF), loader,
                     features=FEATURES if features is None else features)


def benchmark_script(name: str):
    """``benchmarks/<name>.py`` as a module (the benchmarks are scripts, not a package), loaded
    once per test process."""
    import importlib.util

    module_name = f"benchmark_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    sys.path.insert(0, str(BENCHMARKS))  # run.py imports its sibling generate.py
    try:
        spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def copy_demo(project: Path) -> Path:
    """The repository's demo project (mkdocs.yml, content/ and theme/) copied to ``project``."""
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "theme", project / "theme")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project

