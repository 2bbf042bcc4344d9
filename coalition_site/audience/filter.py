"""Filtering a charter for an audience, before anything renders.

A public build does not *hide* internal content, it never has it: internal files, internal
tensions and internal-by-nature fields (``representatives``) are removed from the model here, so
no template, search index or sitemap can ever see them. References to a partner whose file is
internal are removed too, or its id would leak through other pages.

``!!! internal`` blocks stay in the bodies: only Markdown's own parser can tell where one begins
and ends, so the public build removes them while it parses (:mod:`coalition_site.markup`).
"""

from __future__ import annotations

from ..model import Audience, Charter
from ..model.layout import CHARTER_FILES

AUDIENCES: tuple[Audience, ...] = ("public", "internal")
CHARTER_ATTRIBUTES = {model: attribute for attribute, model in CHARTER_FILES.values()}

def for_audience(charter: Charter, audience: Audience) -> Charter:
    """The charter as ``audience`` may see it (``internal`` sees everything)."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; use 'public' or 'internal'")
    if audience == "internal":
        return charter.replace(audience="internal")

    hidden = {pid for pid, p in charter.partners.items() if p.visibility == "internal"}
    visible = lambda ids: [i for i in ids if i not in hidden]  # noqa: E731
    visible_keys = lambda mapping: {k: v for k, v in mapping.items() if k not in hidden}  # noqa: E731

    def update(item, **fields):
        copy = item.model_copy()
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
    reviews = [update(r, attended=visible(r.attended), alignment=visible_keys(r.alignment),
                      decisions=[d.model_copy(update={"owner": visible(d.owner)}) for d in r.decisions])
               for r in charter.reviews if r.visibility == "public"]
    public = charter.replace(
        audience="public",
        partners=partners,
        problem_statement=update(charter.problem_statement,
                                 endorsements=visible_keys(charter.problem_statement.endorsements)),
        joint_demand=update(demand, asks=asks, endorsements=visible_keys(demand.endorsements)),
        steward_mandate=update(steward, reports_to=reports_to),
        autonomy=update(charter.autonomy, agreements=visible_keys(charter.autonomy.agreements)),
        conflict_protocol=charter.conflict_protocol,
        logic=logic,
        reviews=reviews,
        pages={uri: p for uri, p in charter.pages.items() if p.visibility == "public"},
    )
    # An internal charter page is left out of the site, but other pages read its fields (each
    # partner's page lists the joint demand's asks): the public sees an empty one instead.
    return public.replace(**{
        CHARTER_ATTRIBUTES[type(item)]: _emptied(item)
        for item in public.charter_pages if item.visibility == "internal"})


def with_review_dates(public: Charter, charter: Charter) -> Charter:
    """The ``public`` charter, told the dates of all the reviews of ``charter`` (the charter as
    written): what a coalition that sets ``publish_review_dates`` lets the public know of its
    internal reviews. Their dates only: how many were held and when, so that the public
    dashboard can draw the rhythm of the meetings; never what a review says, who came, or its
    page."""
    if public.audience != "public":
        raise ValueError("review dates are given to a charter filtered for the public")
    return public.replace(review_dates=tuple(sorted(review.date for review in charter.reviews)))


def _emptied(item):
    empty = type(item).model_validate({"visibility": "internal"})
    empty.attach(item.src_uri, "", item.body_line)
    return empty
