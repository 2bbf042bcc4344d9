"""Privacy markers that are not exactly one: reported at their line, never ignored.

coalition-site reads one privacy marker in YAML: ``visibility: internal`` (or ``public``), on a
Markdown file's front matter and on a tension. What a hurried partner may write instead
(``internal: true``, ``audience: internal``, ``visibility: private``) would otherwise be ignored
or merely warned about, and the page published; and an ``!!! internal`` block written in a YAML
text field is printed word for word. Each is an error that says what it was taken for and how
to write it. No level can turn these off: the error is the only thing between the slip and a
public page.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from .yaml_source import Path_

RULE = "privacy-marker"

# Keys that mean "keep this private" in plain words or to other site generators (Jekyll reads
# `published: false`). Compared lowercased, with '-' read as '_'.
PRIVACY_KEYS = frozenset({
    "internal", "internal_only", "audience", "private", "confidential", "hidden", "secret",
    "sensitive", "restricted", "privacy", "access", "public", "published", "publish", "visible",
    "partners_only", "members_only",
})

# An admonition or a pymdownx block opener (`!!! internal`, `??? note`, `/// details`) at the
# start of a line of text.
_BLOCK_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?|///)", re.MULTILINE)
_PLAIN_WORD = re.compile(r"^[\w-]{1,30}$")
# The words a privacy marker is written with, which say nothing private themselves.
_MARKER_WORDS = PRIVACY_KEYS | {"partners", "members", "staff", "board", "everyone", "none", "all",
                                "yes", "no", "on", "off", "true", "false"}


# Page keys whose values are labels (Material's tags and page status, a blog's categories): a
# label that says "private" reads as a marker to the one who wrote it, and keeps nothing off
# the public site. So does a draft: to other site generators a draft is not published.
LABEL_KEYS = {"tags": "tag", "categories": "category", "status": "page status", "keywords": "keyword"}
PRIVATE_LABELS = frozenset({
    "internal", "internal_only", "private", "confidential", "secret", "sensitive", "restricted",
    "hidden", "partners_only", "members_only", "staff_only", "not_public", "unpublished", "draft",
})


def privacy_label(key: Any, value: Any) -> str | None:
    """The label of ``key: value`` (a page's front matter) taken for a privacy marker: a tag,
    category or status that says "private", or a draft that is true; ``None`` if there is none."""
    if not isinstance(key, str):
        return None
    normal = key.strip().lower()
    if normal == "draft":
        return "true" if value is True else None
    if normal not in LABEL_KEYS:
        return None
    for label in value if isinstance(value, list) else [value]:
        if isinstance(label, str) and re.sub(r"[\s-]+", "_", label.strip().lower()) in PRIVATE_LABELS:
            return label.strip()
    return None


def privacy_label_message(key: str, label: str) -> str:
    """The error for a label of :func:`privacy_label`."""
    if label == "true":
        return (f"'{key}: true' is taken for a privacy marker, but coalition-site only reads "
                "'visibility: internal' (a draft is published like any page); write "
                "'visibility: internal' (or remove the key)")
    return (f"'{key}: {label}' is taken for a privacy marker, but coalition-site only reads "
            f"'visibility: internal' (a {LABEL_KEYS[key.strip().lower()]} keeps nothing off the "
            f"public site); write 'visibility: internal' (or remove '{label}' from '{key}')")


def is_privacy_key(key: str) -> bool:
    """Whether ``key`` is taken for a privacy marker that is not exactly ``visibility``."""
    normal = key.strip().lower().replace("-", "_")
    return normal in PRIVACY_KEYS or (normal == "visibility" and key != "visibility")


def privacy_key_message(key: str, value: Any, *, has_visibility: bool, internal: bool = False) -> str:
    """The error for ``key: value`` taken for a privacy marker; ``has_visibility`` says whether
    ``visibility:`` may be written where the key stands (a file's front matter, a tension),
    ``internal`` that the key stands in internal content (whose values are never printed)."""
    taken = (f"'{written(key, value, internal)}' is taken for a privacy marker, but coalition-site "
             "only reads 'visibility: internal'")
    if has_visibility:
        return f"{taken}; write 'visibility: internal' (or remove the key)"
    return (f"{taken}, and only in a page's front matter or on a tension: this part of the "
            "charter is always public; remove the key, and keep what is internal in an internal "
            "page or an '!!! internal' block")


def visibility_message(value: Any, *, internal: bool = False) -> str:
    """The error for a ``visibility`` whose value is not exactly ``public`` or ``internal``."""
    return (f"'{written('visibility', value, internal)}' is taken for a privacy marker, but "
            "coalition-site reads only 'visibility: internal' and 'visibility: public', spelt "
            "exactly so; write 'visibility: internal' to keep it off the public site")


def written(key: str, value: Any, internal: bool = False) -> str:
    """``key: value`` as the message quotes it. A value of more than a word is elided (it may be
    the very thing meant to stay private), and in internal content any word but a marker's."""
    if value is None or value == "":
        return f"{key}:"
    if isinstance(value, bool):
        return f"{key}: {'true' if value else 'false'}"
    if isinstance(value, str) and _PLAIN_WORD.match(value) and (
            not internal or value.lower().replace("-", "_") in _MARKER_WORDS):
        return f"{key}: {value}"
    return f"{key}: ..."


def block_syntax_in_text(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    """The path of every text value of parsed YAML with a line that opens an admonition or a
    block (``!!! internal``): fields are printed as plain text, so the block is not one."""
    if isinstance(data, str):
        if _has_block_opener(data):
            yield path
        return
    if isinstance(data, dict):
        items: Iterable[tuple[Any, Any]] = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    # Texts are tested here rather than each in a call of its own: a large charter's reviews
    # hold hundreds of thousands of values (every partner's attendance and alignment).
    for key, value in items:
        if isinstance(value, str):
            if _has_block_opener(value):
                yield path + (key,)
        elif isinstance(value, (dict, list)):
            yield from block_syntax_in_text(value, path + (key,))


def _has_block_opener(text: str) -> bool:
    # `in` first: most texts hold none of the three openers anywhere, and it is much faster.
    return ("!!!" in text or "???" in text or "///" in text) and _BLOCK_OPENER.search(text) is not None


def block_syntax_message(*, markdown_file: bool) -> str:
    fix = ("move the note into the page's text as an '!!! internal' block, or into an internal page"
           if markdown_file else
           "move the note into an internal page, or into a page's text as an '!!! internal' block")
    return ("internal blocks ('!!! internal') work only in a page's Markdown text, below the front "
            "matter; this field is printed word for word, so the block would be shown as text; "
            f"{fix}")
