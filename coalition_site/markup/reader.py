"""Reading a page's Markdown for an audience, with the site's own extensions.

The core (``check``, the leak values, the attachments only internal content uses) reads charter
Markdown through :class:`MarkupReader`: Python-Markdown with the extensions the site enables,
plus :class:`~coalition_site.markup.blocks.AudienceExtension`. The MkDocs plugin adds the same
extension to the site's own Markdown, so a build reads a page exactly as ``check`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import markdown

from ..errors import ProjectError
from ..problems import Problem
from .blocks import AudienceExtension, Finding

USUAL_EXTENSIONS: tuple[Any, ...] = (
    "toc", "tables", "fenced_code",  # what MkDocs always adds
    "admonition", "pymdownx.details", "footnotes", "abbr", "def_list", "attr_list", "md_in_html",
    "pymdownx.blocks.admonition", "pymdownx.blocks.details",
    ("pymdownx.tabbed", {"alternate_style": True}),
)
"""The extensions of a typical Material site, as the plugin's own tests and ``check`` without a
``mkdocs.yml`` assume them (names, or ``(name, config)`` pairs)."""

RULE = "internal-marker"
"""The rule id of this module's problems (``internal-html`` for an element given the class)."""
PRIVACY_CHECKS = (RULE, "internal-html")
"""Their ids: always errors, never turned off (what they find, a public build would publish)."""

# What each finding was taken for, and the fix. `{snippet}` is the opener as written.
MESSAGES = {
    "near-miss": ("'{snippet}' looks like an internal block, but '{word}' is not the marker "
                  "'internal', so the box would be published with everything in it; write "
                  "'!!! internal' to keep it off the public site, or give it another type (note, "
                  "tip ...) if it is meant for the public"),
    "title": ("'{snippet}' is titled like an internal block, but its type is not 'internal', so "
              "the box would be published with everything in it; write '!!! internal \"{word} ...\"' "
              "to keep it off the public site, or retitle it if it is meant for the public"),
    "unindented": ("the text right below '{snippet}' is not indented, so Markdown ends the "
                   "internal block before it and would publish it; indent every line of the note "
                   "by 4 spaces"),
    "unindented-after": ("a line right after the indented text of '{snippet}' is not indented, "
                         "and no blank line separates it, so Markdown ends the internal block above "
                         "it and would publish it; indent it by 4 spaces to keep it in the note, or "
                         "leave a blank line before it if it is meant for the public"),
    "no-body": ("'{snippet}' has no indented text below it, so a note written after it would be "
                "public; indent the note's lines by 4 spaces below the opener (a blank line "
                "between them is fine)"),
    "paragraph": ("'{snippet}' looks like an internal block, but Markdown reads it as an ordinary "
                  "paragraph, so it would be published; write the opener exactly as '!!! internal' "
                  "on a line of its own, with the note indented by 4 spaces below it"),
    "code": ("'{snippet}' is inside a code block, so it is shown as code, word for word, on the "
             "public site; end the code block before it, or write the marker inside a sentence "
             "(`!!! internal`) if you mean to show the syntax"),
    "raw-html": ("'{snippet}' is inside an HTML block, which Markdown does not read, so it would "
                 "be published word for word; close the HTML element before it, or add the "
                 "'markdown' attribute to the element"),
    "class": ("this element is marked internal in HTML, which nothing removes: a public build "
              "would publish it; write the block as '!!! internal' in Markdown instead"),
}


# What every marker and every imitation of one is written with: an opener's punctuation (`!!!`,
# `???`, `///`, and the loose ones a partner may type), GitHub's `[!`, or the word (`.internal`,
# `class="internal"`, `!!! internl` has `!!`). A text without any of them holds no marker, and
# `check` spares it a parse; the build parses every page anyway, with the same extension.
_MAYBE_MARKER = re.compile(r"[!?/:=%]{2}|\[!|intern", re.IGNORECASE)


def may_hold_markers(text: str) -> bool:
    """Whether ``text`` holds anything an internal block or an imitation of one is written with."""
    return _MAYBE_MARKER.search(text) is not None


@dataclass
class Reading:
    """One Markdown text, read for one audience."""

    html: str | None
    """The rendered HTML; ``None`` when the text was not rendered because it holds nothing a
    marker is written with (:func:`may_hold_markers`): then it has no internal block either."""
    problems: list[Problem] = field(default_factory=list)
    internal_blocks: int = 0
    """How many internal blocks the parser found (removed for the public)."""
    internal_lines: list[int] = field(default_factory=list)
    """The line of each internal block's opener, in the file."""
    toc_tokens: list = field(default_factory=list)


REQUIRED_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "pymdownx.details",
                       "attr_list", "md_in_html")
"""What every site reads charter prose with: MkDocs' own three, and what the plugin adds when a
site's mkdocs.yml leaves them out (so that the minimal mkdocs.yml is all a steward writes)."""


def site_extensions(extensions: Iterable[Any] = ()) -> list[Any]:
    """A site's ``markdown_extensions`` with :data:`REQUIRED_EXTENSIONS` added where missing."""
    found = list(extensions)
    names = {e for e in found if isinstance(e, str)}
    return found + [name for name in REQUIRED_EXTENSIONS if name not in names]


class MarkupReader:
    """Python-Markdown with a site's extensions, for either audience.

    ``extensions`` are names, ``(name, config)`` pairs or Extension instances, as MkDocs'
    ``markdown_extensions``; ``configs`` maps names to their options (``mdx_configs``).
    """

    def __init__(self, extensions: Iterable[Any] = USUAL_EXTENSIONS,
                 configs: dict[str, dict] | None = None):
        self.extensions: list[Any] = []
        self.configs: dict[str, dict] = dict(configs or {})
        for extension in extensions:
            if isinstance(extension, tuple):
                name, options = extension
                self.extensions.append(name)
                self.configs[name] = {**(options or {}), **self.configs.get(name, {})}
            elif not isinstance(extension, AudienceExtension):
                self.extensions.append(extension)
        self._instances: dict[str, tuple[markdown.Markdown, AudienceExtension]] = {}
        # What tells two readers apart (a check is reused only by a reader of the same kind).
        self.key = (tuple(e if isinstance(e, str) else type(e).__qualname__ for e in self.extensions),
                    repr(sorted(self.configs.items(), key=lambda item: str(item[0]))))

    @property
    def picklable(self) -> bool:
        """Whether this reader can be sent to another process (as its extensions' names and
        options; each process makes its own Markdown): its extensions are given by name."""
        return all(isinstance(extension, str) for extension in self.extensions)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_instances": {}}

    def _markdown(self, audience: str) -> tuple[markdown.Markdown, AudienceExtension]:
        if audience not in self._instances:
            extension = AudienceExtension(audience)
            try:
                md = markdown.Markdown(extensions=[*self.extensions, extension],
                                       extension_configs=self.configs)
            except (ImportError, AttributeError, TypeError, KeyError, ValueError) as exc:
                # A name in markdown_extensions that is not installed, or options it refuses:
                # MkDocs would refuse the site too.
                raise ProjectError(f"mkdocs.yml: markdown_extensions: an extension cannot be "
                                   f"loaded ({exc}); install it, or correct its name or options") from None
            self._instances[audience] = (md, extension)
        return self._instances[audience]

    def read(self, text: str, *, audience: str = "public", path: str = "", body_line: int = 1) -> Reading:
        """``text`` rendered for ``audience``, with a located problem for every marker that is
        not exactly one (``path`` and ``body_line`` say where the text stands)."""
        md, extension = self._markdown(audience)
        md.reset()
        html = md.convert(text)
        openers = Locator(text, body_line)
        lines = [openers.line_of(opener)[0] for opener in extension.openers]
        return Reading(html, findings_to_problems(extension.findings, Locator(text, body_line), path),
                       len(extension.openers), lines, list(getattr(md, "toc_tokens", [])))


class Locator:
    """Finds the line of a snippet the parser met, in the text it came from.

    Python-Markdown keeps no line numbers; the snippets are whole lines (or words) of the text,
    met in the order of the document, so each is looked for from where the last one of the same
    text was found.
    """

    def __init__(self, text: str, first_line: int = 1):
        self.lines = text.split("\n")
        self.first_line = first_line
        self._after: dict[str, int] = {}

    def line_of(self, snippet: str) -> tuple[int, int]:
        needle = snippet.strip().split("\n")[0].strip()
        start = self._after.get(needle, 0)
        for index in range(start, len(self.lines)):
            column = self.lines[index].find(needle) if needle else -1
            if column >= 0:
                self._after[needle] = index + 1
                return self.first_line + index, column + 1
        return self.first_line, 1  # not found as written (tabs expanded ...): the text's start


# An opener's title, and what follows a marker word on a line, may be the internal note itself:
# a problem (printed in build logs, which are often public) shows the marker, never the note.
_TITLE = re.compile(r'"[^"\n]*"')


def _shown(finding: Finding) -> str:
    line = " ".join(finding.snippet.split("\n")[0].split())
    if finding.kind == "paragraph" and finding.word:
        return line[:line.find(finding.word) + len(finding.word)] + (" ..." if not line.endswith(finding.word) else "")
    return _TITLE.sub('"..."', line)


def findings_to_problems(findings: Sequence[Finding], locator: Locator, path: str) -> list[Problem]:
    problems = []
    for finding in findings:
        line, column = locator.line_of(finding.snippet)
        snippet = _shown(finding)
        message = MESSAGES[finding.kind].format(snippet=snippet, word=finding.word)
        problems.append(Problem(path, line, column, "error", message,
                                "internal-html" if finding.kind == "class" else RULE))
    return sorted(set(problems))
