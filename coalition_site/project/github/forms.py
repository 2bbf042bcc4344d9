"""The pull-request template and the issue forms, generated from the charter.

The issue forms (GitHub's issue-forms schema) are for what partners most often propose: stepping
back or back in, logging this month's review, rewording an ask or a stake. Their dropdowns list
the charter's real partner and ask ids. Names and asks come from files a pull request can change:
the forms are written by a YAML library, never pasted into YAML text, and the pull-request
template (Markdown) escapes them.
"""

from __future__ import annotations

import yaml

from ...model import Charter
from ...model.layout import COALITION, JOINT_DEMAND, PROBLEM_STATEMENT, partner_uri
from ...render.inert import escape_markdown

OPTION_LIMIT = 100
"""Characters of a name or an ask shown in a dropdown's option."""


def issue_forms(charter: Charter, docs_path: str) -> dict[str, str]:
    """File name (in ``.github/ISSUE_TEMPLATE/``) → the YAML of each issue form."""
    partners = [_option(p.id, p.name) for p in _sorted(charter) if p.status != "departed"]
    active = [_option(p.id, p.name) for p in _sorted(charter) if p.is_active]
    asks = [_option(a.id, a.ask) for a in charter.joint_demand.asks]
    forms = {
        "step-back.yml": _form(
            "Our organisation steps back, or steps back in",
            "Tell the coalition that your organisation steps back from part or all of the joint "
            "work, or comes back to it.",
            "Step back: ",
            [_markdown("The steward turns this into a change of your partner file "
                       f"(`{docs_path}/{partner_uri('<id>')}`: `status` and `stepped_back`), as a pull "
                       "request the partners review under the conflict protocol."),
             _choice("partner", "Our organisation", partners),
             _choice("change", "What changes", ["We step back", "We step back in (active again)"]),
             _text("scope", "What we step back from",
                   "An ask (by its id), a part of the work, or `everything`. Empty when stepping back in.",
                   required=False),
             _input("since", "From (date)", "YYYY-MM-DD"),
             _text("reason", "Why, in our own words", "Optional; partners will read it.", required=False)]),
        "monthly-review.yml": _form(
            "Log this month's review",
            "Record the monthly implementation-honesty review, for the steward to add to the charter.",
            "Review: ",
            [_markdown("The steward turns this into a file `reviews/<date>.md` of the content folder. "
                       "Reviews are internal unless they say `visibility: public`."),
             _input("date", "Meeting date", "YYYY-MM-DD"),
             _input("facilitator", "Who facilitated", "", required=False),
             _choice("attended", "Partners present", active, multiple=True, required=False),
             _choice("policy_progress", "Where the joint demand stands",
                     ["advancing", "stalled", "regressing", "won", "lost"], required=False),
             _text("notes", "What each partner did since the last review, and what it saw",
                   "Honest notes: what moved, what did not, signs of life or decay.")]),
        "reword.yml": _form(
            "Reword an ask, or our stake in it",
            "Propose new words for one of the joint demand's asks, or for your organisation's stake in it.",
            "Reword: ",
            [_markdown(f"The change goes into `{docs_path}/{JOINT_DEMAND}`. Rewording an ask needs "
                       "the partners' decision under the conflict protocol, and their endorsements "
                       "again."),
             _choice("partner", "Our organisation", partners),
             _choice("ask", "The ask", asks) if asks else _input("ask", "The ask's id", ""),
             _choice("what", "What to reword", ["The ask itself", "Our stake in it"]),
             _text("wording", "The new words", "As they should read in the charter."),
             _text("why", "Why", "Optional.", required=False)]),
    }
    return {name: yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)
            for name, form in forms.items()}


def pull_request_template(charter: Charter, docs_path: str) -> str:
    """The Markdown a new pull request opens with: the checklist, and a box per active partner."""
    lines = [
        "## What this pull request changes",
        "",
        "<!-- One or two sentences, in your own words. -->",
        "",
        "## Checklist",
        "",
        "- [ ] The **charter checks** pass (every problem is shown on its line, and all of them in "
        "the run's summary).",
        f"- [ ] If the charter's text changes, `charter.version` in `{docs_path}/{COALITION}` is raised.",
        "- [ ] The comment coalition-site posts below says who must decide; each of them has "
        "approved this pull request (one approval per organisation, by one of its representatives).",
        f"- [ ] Endorsements to renew (listed in that comment) have their new dates in "
        f"`{docs_path}/{PROBLEM_STATEMENT}` and `{docs_path}/{JOINT_DEMAND}`.",
        "- [ ] The **consent** check passes: the charter's conflict protocol is satisfied.",
        "",
        "## Endorsements",
        "",
        "Each partner ticks its own box once its representatives have read and approved the change:",
        "",
    ]
    active = [p for p in _sorted(charter) if p.is_active]
    lines += [f"- [ ] {escape_markdown(_one_line(p.name))} (`{p.id}`)" for p in active]
    if not active:
        lines.append("(The charter names no active partner yet.)")
    return "\n".join(lines) + "\n"


def _sorted(charter: Charter):
    return [charter.partners[pid] for pid in sorted(charter.partners)]


def _option(ident: str, text: str) -> str:
    text = _one_line(text)
    if len(text) > OPTION_LIMIT:
        text = text[:OPTION_LIMIT - 1].rstrip() + "…"
    return f"{ident}: {text}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _form(name: str, description: str, title: str, body: list[dict]) -> dict:
    return {"name": name, "description": description, "title": title, "body": body}


def _markdown(value: str) -> dict:
    return {"type": "markdown", "attributes": {"value": value}}


def _choice(ident: str, label: str, options: list[str], *, multiple: bool = False,
            required: bool = True) -> dict:
    if not options:  # GitHub refuses a dropdown without options: the id is typed in instead
        return _input(ident, label, "", required=required)
    attributes: dict = {"label": label, "options": options}
    if multiple:
        attributes["multiple"] = True
    return {"type": "dropdown", "id": ident, "attributes": attributes,
            "validations": {"required": required}}


def _input(ident: str, label: str, placeholder: str, *, required: bool = True) -> dict:
    attributes = {"label": label}
    if placeholder:
        attributes["placeholder"] = placeholder
    return {"type": "input", "id": ident, "attributes": attributes, "validations": {"required": required}}


def _text(ident: str, label: str, description: str, *, required: bool = True) -> dict:
    return {"type": "textarea", "id": ident, "attributes": {"label": label, "description": description},
            "validations": {"required": required}}
