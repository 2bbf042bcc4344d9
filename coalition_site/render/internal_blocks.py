"""A Markdown extension that drops ``!!! internal`` and ``??? internal`` blocks as Markdown
itself reads them.

:func:`coalition_site.audience.strip_internal_blocks` removes the blocks from the source
before rendering, reading the text line by line; Markdown's own reading can differ (a block
inside a quote, after a fence that is never closed ...). This extension is the second, exact
line: in a public build it removes every admonition or details element whose classes include
``internal`` from the parsed tree, before the table of contents or anything else sees it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def is_internal_block(element: etree.Element) -> bool:
    classes = (element.get("class") or "").split()
    return "internal" in classes and (element.tag == "details" or
                                      (element.tag == "div" and "admonition" in classes))


class _DropInternalBlocks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            previous = None
            for child in list(parent):
                if is_internal_block(child):
                    _keep_tail(parent, previous, child.tail)
                    parent.remove(child)
                else:
                    previous = child


def _keep_tail(parent: etree.Element, previous: etree.Element | None, tail: str | None) -> None:
    # Text after a removed element belongs to what stays; ElementTree keeps it on the element.
    if not tail:
        return
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


class InternalBlocksExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[InternalBlocksExtension()])``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        # Above 'inline' (20) and 'toc' (5): the blocks go before either reads the tree.
        md.treeprocessors.register(_DropInternalBlocks(md), "coalition_internal_blocks", 30)
