"""A :class:`~coalition_site.analysis.consent.ConsentReport` as text, Markdown or JSON.

The Markdown is the pull request's one self-updating comment: its first line is the marker the
workflow finds the comment by. What partners wrote (names, scopes, file names) is untrusted: control
characters are dropped everywhere, and in Markdown it is made inert, so that it cannot format,
link, mention anyone or reference an issue. The report shows GitHub logins (visible on the pull
request anyway) but never a representative's name or email.
"""

from __future__ import annotations

import json
import re
from typing import Iterable

from ..analysis.consent import ConsentReport, Decision, ReviewLine, when
from ..analysis.diff import Id, Name, Part, Quote

FORMATS = ("text", "markdown", "json")
MARKER = "<!-- coalition-site:pull-request-report -->"
"""The first line of the pull request comment, by which the workflow finds it to update it."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ZWSP = "\u200b"
# What GitHub turns into links or notifications in a comment's plain text; a zero-width space
# inside each keeps the words readable and inert.
_AUTOLINKS = [
    # No word boundary: GitHub's rules for where a link may start vary; refuse it anywhere.
    (re.compile(r"(?i)(https?|ftp|mailto|www)([:.])"), rf"\1{_ZWSP}\2"),  # URLs, www.
    (re.compile(r"@"), f"@{_ZWSP}"),  # @mentions, @org/team, emails
    (re.compile(r"#(?=\w)"), f"#{_ZWSP}"),  # #123, owner/repo#123
    (re.compile(r"(?i)(gh)-(?=\d)"), rf"\1{_ZWSP}-"),  # GH-123
]
STATE_WORDS = {"APPROVED": "approved", "CHANGES_REQUESTED": "asked for changes",
               "COMMENTED": "commented", "DISMISSED": "dismissed", "PENDING": "pending"}


def render_consent(report: ConsentReport, fmt: str, base: str, head: str,
                   diff_markdown: str | None = None) -> str:
    """``report`` of the change from ``base`` to ``head`` (revision labels) in ``fmt``; the
    Markdown comment ends with ``diff_markdown``, the charter diff of the same change."""
    if fmt == "text":
        return render_text(report, base, head)
    if fmt == "markdown":
        return render_markdown(report, base, head, diff_markdown)
    if fmt == "json":
        return render_json(report, base, head)
    raise ValueError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")


def clean(text: str) -> str:
    return " ".join(_CONTROL.sub("", text).split())


def inert(text: str) -> str:
    """Charter text as Markdown that shows it as written: no formatting, HTML, links, mentions
    or references."""
    text = _MD_SPECIAL.sub(r"\\\1", clean(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for pattern, replacement in _AUTOLINKS:
        text = pattern.sub(replacement, text)
    return text


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
def render_text(report: ConsentReport, base: str, head: str) -> str:
    span = f"from {clean(base)} to {clean(head)}"
    if not report.decisions and not report.outside:
        return f"Nothing changed {span}; no consent is needed."
    lines = [f"Consent {span}: {verdict(report)}"]
    for decision in report.decisions:
        lines += ["", f"{_text(title(decision))}: {', '.join(clean(f) for f in decision.files)}",
                  f"  {rule_words(decision)}"]
        if decision.kind == "shared":
            lines += [f"  {_text(note)}" for note in report.rule_notes]
        lines.append(f"  {'reached' if decision.reached else 'not yet'}: {_text(decision.summary())}")
    if report.outside:
        lines += ["", f"Outside the charter: {', '.join(clean(f) for f in report.outside)}",
                  f"  {OUTSIDE}"]
    if report.reviews:
        lines += ["", "Reviews"] + [f"  {_review_text(line)}" for line in report.reviews]
    return "\n".join(lines)


def _text(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(f"'{clean(part.text)}'")
        elif isinstance(part, Quote):
            out.append(f'"{clean(part.text)}"')
        elif isinstance(part, Name):
            out.append(clean(part.text))
        else:
            out.append(part)
    return "".join(out)


def _review_text(line: ReviewLine) -> str:
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
    span = f"from {_code(base)} to {_code(head)}"
    lines = [MARKER]
    if not report.decisions and not report.outside:
        lines.append(f"### Consent: nothing changed {span}; no consent is needed")
    else:
        lines.append(f"### Consent {span}: {verdict(report)}")
    for decision in report.decisions:
        lines += ["", f"#### {_md(title(decision))}: {'reached' if decision.reached else 'not yet'}",
                  "", f"Files: {', '.join(_code(f) for f in decision.files)}  ",
                  f"{rule_words(decision)[:1].upper()}{rule_words(decision)[1:]}.  "]
        if decision.kind == "shared":
            lines += [f"{_md(note)}.  " for note in report.rule_notes]
        summary = _md(decision.summary())
        lines.append(f"{summary[:1].upper()}{summary[1:]}.")
    if report.outside:
        lines += ["", "#### Outside the charter", "",
                  f"Files: {', '.join(_code(f) for f in report.outside)}  ",
                  f"{OUTSIDE[:1].upper()}{OUTSIDE[1:]}."]
    if report.reviews:
        lines += ["", "#### Reviews", ""] + [f"- {_review_markdown(line)}" for line in report.reviews]
    if diff_markdown:
        lines += ["", diff_markdown]
    return "\n".join(lines)


def _md(parts: Iterable[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Id):
            out.append(_code(part.text))
        elif isinstance(part, Quote):
            out.append(f"“{inert(part.text)}”")
        elif isinstance(part, Name):
            out.append(f"**{inert(part.text)}**")
        else:
            out.append(part)
    return "".join(out)


def _review_markdown(line: ReviewLine) -> str:
    who = _code(line.review.login) if line.review.login else "a deleted account"
    if line.partners:
        who += f" ({', '.join(f'**{inert(n)}**' for n in line.partners)})"
    return who + _review_tail(line)


def _code(text: str) -> str:
    """A code span (GitHub links nothing inside one), its fence longer than any backticks in it."""
    text = clean(text)
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


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
            "summary": _text(d.summary()),
            "counted": [{"partner": p.partner_id, "name": p.name, "standing": p.standing,
                         "stale_file": p.stale_file,
                         "notice_ends": p.notice_ends.isoformat() if p.notice_ends else None}
                        for p in d.counted],
            "notes": [_text(note) for note in (report.rule_notes if d.kind == "shared" else []) + d.notes],
        } for d in report.decisions],
        "outside": report.outside,
        "reviews": [{"login": line.review.login, "state": line.review.state,
                     "submitted_at": line.review.when.isoformat() if line.review.when else None,
                     "commit_id": line.review.commit_id, "partners": list(line.partners),
                     "counted": line.counted, "why": line.why or None}
                    for line in report.reviews],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
