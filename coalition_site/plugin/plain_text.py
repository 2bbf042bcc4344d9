"""Making charter text safe for templates that do not escape it: MkDocs' and Material's own.

Our partials autoescape. MkDocs' theme environment does not: Material prints ``page.meta.title``
inside ``<title>``, ``page.meta.description`` inside an attribute and each navigation title as
it is. A partner's name or a page title such as ``</title><script>…`` would run in every
reader's browser. So every value that reaches those templates is made plain text first:

- ``&``, ``"`` and ``'`` are escaped, which is right both in text and in attributes;
- ``<`` and ``>`` become the look-alike ``‹`` and ``›``. Escaping them is not enough: some of
  Material's templates pass titles through ``striptags``, which unescapes ``&lt;`` back to
  ``<``; a character that is not ``<`` cannot be turned back into one.
"""

from __future__ import annotations

from typing import Any

_TEXT = str.maketrans({"&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "\u2039", ">": "\u203a"})
# Front matter whose value is a name from a fixed set (a template, an icon, a status): anything
# else in it is refused rather than escaped, because it ends up in a file name or a class.
_TOKENS = {"template", "icon", "status"}
_TOKEN_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")


def plain_text(value: str) -> str:
    """``value`` as text that is safe in HTML text and in a quoted attribute, escaped once."""
    return str(value).translate(_TEXT)


def safe_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Page front matter with every string made plain text (see the module's docstring).

    Token-like keys (``template``, ``icon``, ``status``) keep their value only when it is a
    plain name; lists and mappings are made safe item by item; numbers and booleans pass.
    """
    safe: dict[str, Any] = {}
    for key, value in meta.items():
        if key in _TOKENS:
            if isinstance(value, str) and value and set(value) <= _TOKEN_CHARS and ".." not in value:
                safe[key] = value
            continue
        safe[key] = _safe_value(value)
    return safe


def _safe_value(value: Any) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {plain_text(str(k)): _safe_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe_value(v) for v in value]
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return plain_text(str(value))  # dates and the like: their text, made safe


def plain_nav(nav: list) -> list:
    """A MkDocs ``nav`` whose titles are plain text; the paths are left as they are."""

    def entry(item):
        if isinstance(item, dict):
            return {plain_text(str(title)): (plain_nav(target) if isinstance(target, list) else target)
                    for title, target in item.items()}
        return item

    return [entry(item) for item in nav]
