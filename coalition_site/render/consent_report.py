"""A :class:`~coalition_site.analysis.consent.ConsentReport` as text, Markdown or JSON.

The Markdown is the pull request's one self-updating comment: its first line is the marker the
workflow finds the comment by. What partners wrote (names, scopes, file names) is untrusted: control
characters are dropped everywhere, and in Markdown it is made inert (:mod:`.inert`), so that it cannot format,
link, mention anyone or reference an issue. The report shows GitHub logins (visible on the pull
request anyway) but never a representative's name or email.
"""

from __future__ import annotations

import json

from ..analysis.consent import ConsentReport, Decision, ReviewLine, when
from ..analysis.diff import Name, Part
from .inert import clean, code_span, escape_markdown, markdown_line, text_line

FORMATS = ("text", "markdown", "json")
MARKER = "<!-- coalition-site:pull-request-report -->"
"""The first line of the pull request comment, by which the workflow finds it to update it."""

STATE_WORDS = {"APPROVED": "approved", "CHANGES_REQUESTED": "asked for changes",
               "COMMENTED": "commented", "DISMISSED": "dismissed", "PENDING": "pending"}


def render_consent(report: ConsentReport, fmt: str, base: str, head: str,
                   diff_markdown: str | None = None) -> str:
    """``report`` of the change from ``base`` to ``head`` (revision labels) in ``fmt``; the
    Markdown comment ends with ``diff_markdown``, the charter diff of the same change."""
    if fmt == "text":
        return rendertext_line(report, base, head)
    if fmt == "markdown":
        return render_markdown(report, base, head, diff_markdown)
    if fmt == "json":
        return render_json(report, base, head)
    raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")


def verdict(report: ConsentReport) -> str:
    return "reached" if report.reached else "not yet"


def title(decision: Decision) -> tuple[Part, ...]:
    if decision.kind == "shared":
        return ("Shared texts",)
    if decision.kind == "partner":
        return (Name(decision.counted[0].name), "'s own page")
    return ("Other pages",)


def rule_words(decision: Decision) -> str:
    protocol = "as the conflict protocol says before this change"
    if decision.rule == "owner":
        return "decided by the partner alone"
    if decision.rule == "any-partner":
        return "decided by one approval from any counted partner, with no objection"
    if decision.rule == "supermajority":
        return f"decided by a supermajority of {decision.threshold:g}, {protocol}"
    if decision.rule == "majority":
        return f"decided by a majority, {protocol}"
    return f"decided by {decision.rule}, {protocol}"


OUTSIDE = "not part of the charter, so not decided here: it needs the repository's usual review"


# -- text ----------------------------------------------------------------------------------------
def rendertext_line(report: ConsentReport, base: str, head: str) -> str:
    span = f"from {clean(base)} to {clean(head)}"
    if not report.decisions and not report.outside:
        return f"Nothing changed {span}; no consent is needed."
    lines = [f"Consent {span}: {verdict(report)}"]
    for decision in report.decisions:
        lines += ["", f"{text_line(title(decision))}: {', '.join(clean(f) for f in decision.files)}",
                  f"  {rule_words(decision)}"]
        if decision.kind == "shared":
            lines += [f"  {text_line(note)}" for note in report.rule_notes]
        lines.append(f"  {'reached' if decision.reached else 'not yet'}: {text_line(decision.summary())}")
    if report.outside:
        lines += ["", f"Outside the charter: {', '.join(clean(f) for f in report.outside)}",
                  f"  {OUTSIDE}"]
    if report.reviews:
        lines += ["", "Reviews"] + [f"  {_reviewtext_line(line)}" for line in report.reviews]
    return "\n".join(lines)


def _reviewtext_line(line: ReviewLine) -> str:
    who = line.review.login or "a deleted account"
    if line.partners:
        who += f" ({', '.join(clean(n) for n in line.partners)})"
    return who + _review_tail(line)


def _review_tail(line: ReviewLine) -> str:
    review = line.review
    at = f", {when(review.when)}" if review.when else ""
    tail = f": {STATE_WORDS[review.state]}{at}"
    if line.counted:
        return tail
    return tail + (f"; not counted: {line.why}" if line.why else "; not counted")


# -- Markdown ------------------------------------------------------------------------------------
def render_markdown(report: ConsentReport, base: str, head: str, diff_markdown: str | None) -> str:
    span = f"from {code_span(base)} to {code_span(head)}"
    lines = [MARKER]
    if not report.decisions and not report.outside:
        lines.append(f"### Consent: nothing changed {span}; no consent is needed")
    else:
        lines.append(f"### Consent {span}: {verdict(report)}")
    for decision in report.decisions:
        lines += ["", f"#### {markdown_line(title(decision))}: {'reached' if decision.reached else 'not yet'}",
                  "", f"Files: {', '.join(code_span(f) for f in decision.files)}  ",
                  f"{rule_words(decision)[:1].upper()}{rule_words(decision)[1:]}.  "]
        if decision.kind == "shared":
            lines += [f"{markdown_line(note)}.  " for note in report.rule_notes]
        summary = markdown_line(decision.summary())
        lines.append(f"{summary[:1].upper()}{summary[1:]}.")
    if report.outside:
        lines += ["", "#### Outside the charter", "",
                  f"Files: {', '.join(code_span(f) for f in report.outside)}  ",
                  f"{OUTSIDE[:1].upper()}{OUTSIDE[1:]}."]
    if report.reviews:
        lines += ["", "#### Reviews", ""] + [f"- {_review_markdown(line)}" for line in report.reviews]
    if diff_markdown:
        lines += ["", diff_markdown]
    return "\n".join(lines)


def _review_markdown(line: ReviewLine) -> str:
    who = code_span(line.review.login) if line.review.login else "a deleted account"
    if line.partners:
        who += f" ({', '.join(f'**{escape_markdown(n)}**' for n in line.partners)})"
    return who + _review_tail(line)


# -- JSON ----------------------------------------------------------------------------------------
def render_json(report: ConsentReport, base: str, head: str) -> str:
    data = {
        "base": base,
        "head": head,
        "reached": report.reached,
        "decisions": [{
            "kind": d.kind,
            "files": d.files,
            "rule": d.rule,
            "threshold": d.threshold,
            "partner": d.owner,
            "reached": d.reached,
            "summary": text_line(d.summary()),
            "counted": [{"partner": p.partner_id, "name": p.name, "standing": p.standing,
                         "stale_file": p.stale_file,
                         "notice_ends": p.notice_ends.isoformat() if p.notice_ends else None}
                        for p in d.counted],
            "notes": [text_line(note) for note in (report.rule_notes if d.kind == "shared" else []) + d.notes],
        } for d in report.decisions],
        "outside": report.outside,
        "reviews": [{"login": line.review.login, "state": line.review.state,
                     "submitted_at": line.review.when.isoformat() if line.review.when else None,
                     "commit_id": line.review.commit_id, "partners": list(line.partners),
                     "counted": line.counted, "why": line.why or None}
                    for line in report.reviews],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
