"""Filtering a charter for an audience, before anything renders.

A public build does not *hide* internal content, it never has it: internal files, internal
tensions, internal-by-nature fields (``representatives``) and ``!!! internal`` blocks are removed
from the model here, so no template, search index or sitemap can ever see them. References to a
partner whose file is internal are removed too, or its id would leak through other pages.
"""

from __future__ import annotations

import re

from .model import Audience, Autonomy, Charter, ConflictProtocol, JointDemand, ProblemStatement, StewardMandate

AUDIENCES: tuple[Audience, ...] = ("public", "internal")
CHARTER_ATTRIBUTES = {ProblemStatement: "problem_statement", JointDemand: "joint_demand",
                      StewardMandate: "steward_mandate", Autonomy: "autonomy",
                      ConflictProtocol: "conflict_protocol"}

# An admonition opener as Python-Markdown reads it: `!!!`, `???` or `???+`, then its classes.
_ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<classes>[\w\- ]+?)(?:[ \t]+".*")?[ \t]*$')
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def strip_internal_blocks(markdown: str) -> tuple[str, list[str]]:
    """Remove every ``!!! internal`` / ``??? internal`` block; return the text and what was removed.

    A block is its opener plus every following line that is blank or indented deeper than the
    opener, as Python-Markdown's admonition extension reads it. Openers inside fenced code are
    left alone (they are code, not blocks).
    """
    # Python-Markdown reads a lone CR as a line break too: split the same way, or a whole
    # CR-only file would be one "line" whose internal blocks are never seen.
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[str] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fence_match = _FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            kept.append(line)
            index += 1
            continue
        if fence_match:
            fence = fence_match.group(1)
        match = _ADMONITION.match(line)
        if match and "internal" in match.group("classes").lower().split():
            depth = len(match.group("indent").expandtabs(4))
            block = [line]
            index += 1
            while index < len(lines):
                nxt = lines[index]
                # Tabs count as 4 columns, as Python-Markdown expands them, not as 1.
                if nxt.strip() and len(nxt.expandtabs(4)) - len(nxt.expandtabs(4).lstrip()) <= depth:
                    break
                block.append(nxt)
                index += 1
            removed.append("\n".join(block))
            continue
        kept.append(line)
        index += 1
    return "\n".join(kept), removed


def for_audience(charter: Charter, audience: Audience) -> Charter:
    """The charter as ``audience`` may see it (``internal`` sees everything)."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; use 'public' or 'internal'")
    if audience == "internal":
        return charter.replace(audience="internal")

    hidden = {pid for pid, p in charter.partners.items() if p.visibility == "internal"}
    visible = lambda ids: [i for i in ids if i not in hidden]  # noqa: E731
    visible_keys = lambda mapping: {k: v for k, v in mapping.items() if k not in hidden}  # noqa: E731

    def public_body(item):
        return item.with_body(strip_internal_blocks(item.body)[0])

    def update(item, **fields):
        copy = public_body(item)
        for name, value in fields.items():
            setattr(copy, name, value)
        return copy

    partners = {pid: update(p, representatives=[]) for pid, p in charter.partners.items() if pid not in hidden}
    demand = charter.joint_demand
    asks = [ask.model_copy(update={"benefits": visible_keys(ask.benefits)}) for ask in demand.asks]
    steward = charter.steward_mandate
    reports_to = steward.reports_to if isinstance(steward.reports_to, str) else visible(steward.reports_to)
    logic = charter.logic.model_copy(update={
        "conditions": [c.model_copy(update={"partners": visible(c.partners)}) for c in charter.logic.conditions],
        "tensions": [t for t in charter.logic.tensions
                     if t.visibility == "public" and not hidden.intersection(t.between)],
    })
    reviews = [update(r, attended=visible(r.attended), alignment=visible_keys(r.alignment))
               for r in charter.reviews if r.visibility == "public"]
    public = charter.replace(
        audience="public",
        partners=partners,
        problem_statement=update(charter.problem_statement,
                                 endorsements=visible_keys(charter.problem_statement.endorsements)),
        joint_demand=update(demand, asks=asks, endorsements=visible_keys(demand.endorsements)),
        steward_mandate=update(steward, reports_to=reports_to),
        autonomy=update(charter.autonomy, agreements=visible_keys(charter.autonomy.agreements)),
        conflict_protocol=public_body(charter.conflict_protocol),
        logic=logic,
        reviews=reviews,
        pages={uri: public_body(p) for uri, p in charter.pages.items() if p.visibility == "public"},
    )
    # An internal charter page is left out of the site, but other pages read its fields (each
    # partner's page lists the joint demand's asks): the public sees an empty one instead.
    return public.replace(**{
        CHARTER_ATTRIBUTES[type(item)]: _emptied(item)
        for item in public.charter_pages if item.visibility == "internal"})


def _emptied(item):
    empty = type(item).model_validate({"visibility": "internal"})
    empty.attach(item.src_uri, "", item.body_line)
    return empty


def is_visible(item, audience: Audience) -> bool:
    return audience == "internal" or getattr(item, "visibility", "public") == "public"
