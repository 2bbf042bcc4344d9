"""The pattern rules: a registry of small modules, yamllint-style.

The loader checks the charter *format* (a missing required field, a wrong type, an unknown id);
these rules check the *pattern* the charter is meant to follow (every partner benefits from every
ask, the steward reports to all partners, reviews are held on time ...). Each rule is a module
with an ``ID``, a ``DEFAULT`` level, a docstring that is its user documentation and a
``check(charter, today)`` generator of :class:`~coalition_site.rules.base.Finding`. This module
runs them, applies each rule's level and locates every finding at a line and column. A rule that
compares the charter with its past sets ``READS_GIT = True`` and is handed the git history of the
endorsed files as a third argument (read once per check, only when such a rule is on).

Rules read the charter as written: run them before any audience filtering, so that internal
fields and files (reviews, internal tensions) are checked too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from types import ModuleType
from typing import Literal, Mapping, cast

from ..errors import ConfigError
from ..load.endorsed_history import EndorsedHistory, endorsed_history
from ..load.privacy_markers import RULE as PRIVACY_MARKER
from ..load.sources import SourceIndex
from ..load.unsafe_markup import MARKUP_CHECKS
from ..load.validate import dotted
from ..markup import PRIVACY_CHECKS
from ..model import Charter
from ..model.layout import ENDORSED_FILES
from ..problems import Level, Problem
from . import (ask_benefits_every_partner, autonomy_agreement, conflict_protocol_complete,
               date_after_today, date_before_founding, demand_asks_count, demand_deadline,
               endorsed_by_every_partner, endorsed_text_unchanged, endorsement_current,
               endorsement_given,
               partner_in_logic_map, replaces_generated_page, review_due, review_held,
               stepped_back_explained, stepped_back_since, stepped_back_status, steward_in_term,
               steward_reports_to_all, steward_term_order, tension_resolution)
from .base import Finding

__all__ = ["CHECKS", "FIXED", "LEVELS", "RULES", "Finding", "apply_levels", "resolve_levels",
           "rules_reference", "run_rules"]

LEVELS = ("error", "warning", "off")
Setting = Literal["error", "warning", "off"]
"""A rule's level as a project sets it: a problem's level, or ``off``."""
"""The levels a rule can be set to; ``off`` disables it."""

# In the order a steward reads the charter: the demand, its endorsements, the steward, autonomy,
# conflicts, the partners, the logic map, the reviews; then, across the files, the dates of what
# has already happened and of what came after the founding; last, the site's own pages. The
# reference page follows this order.
RULES: dict[str, ModuleType] = {rule.ID: rule for rule in (
    demand_asks_count,
    ask_benefits_every_partner,
    demand_deadline,
    endorsed_by_every_partner,
    endorsement_current,
    endorsement_given,
    endorsed_text_unchanged,
    steward_reports_to_all,
    steward_in_term,
    steward_term_order,
    autonomy_agreement,
    conflict_protocol_complete,
    stepped_back_explained,
    stepped_back_status,
    stepped_back_since,
    partner_in_logic_map,
    tension_resolution,
    review_due,
    review_held,
    date_after_today,
    date_before_founding,
    replaces_generated_page,
)}

CHECKS: dict[str, Level] = {
    **MARKUP_CHECKS,  # unsafe-html, removed-html: markup a page's author would see vanish
    "unknown-key": "warning",  # a page's front matter names a key nothing reads
    "unpublished-file": "warning",  # a file of the content folder the site leaves out
    "unsafe-extension": "warning",  # mkdocs.yml lets a page read files or run code
    "nav-publishes-attachment": "warning",  # mkdocs.yml's nav publishes what only internal content uses
    "site-name": "warning",  # mkdocs.yml's site_name is not coalition.yml's name
}
"""Every other id a problem carries whose level a project sets as a rule's: id → default level.
Found while the files are read, or in mkdocs.yml, rather than by a rule module."""

_PRIVACY = ("it finds privacy markers that are not exactly one, which a public build would publish; "
            "fix the marker the check points at instead")
_FORMAT = ("it finds errors of the charter's format, which keep the charter from loading; fix the file "
           "the check points at instead")
_UNFILTERED = ("it finds a project that MkDocs would build without the coalition plugin, publishing "
               "every internal file; add the plugin instead")
FIXED: dict[str, str] = {
    **{rule_id: _PRIVACY for rule_id in (*PRIVACY_CHECKS, "front-matter", PRIVACY_MARKER)},
    **{rule_id: _FORMAT for rule_id in ("yaml", "schema", "file", "encoding", "reference")},
    "plugin-missing": _UNFILTERED,
}
"""The ids whose problems always stop a build: id → why, said when a project sets another level."""


def resolve_levels(levels: Mapping[str, str] | None = None) -> dict[str, Setting]:
    """Every rule id → its level: the rule's default, unless ``levels`` overrides it.

    Raises :class:`~coalition_site.errors.ConfigError` for an unknown rule id or level, so that a
    misspelt rule in a project's configuration is never silently ignored.
    """
    resolved: dict[str, Setting] = {
        **{rule_id: rule.DEFAULT for rule_id, rule in RULES.items()}, **CHECKS}
    for rule_id, level in (levels or {}).items():
        if level is False:
            # YAML 1.1, which mkdocs.yml is read with, turns a bare `off` into false.
            level = "off"
        if rule_id in FIXED and level != "error":
            raise ConfigError(f"rule '{rule_id}' cannot be set to {level!r}: {FIXED[rule_id]}")
        if rule_id not in resolved and rule_id not in FIXED:
            raise ConfigError(f"unknown rule id '{rule_id}'; known rules: "
                              f"{', '.join(sorted([*resolved, *FIXED]))}")
        if level not in LEVELS:
            raise ConfigError(f"rule '{rule_id}': unknown level {level!r}; use one of: "
                              f"{', '.join(LEVELS)}")
        resolved[rule_id] = cast(Setting, level)  # checked against LEVELS just above
    return resolved


def apply_levels(problems: list[Problem], levels: Mapping[str, str] | None) -> list[Problem]:
    """Problems of the checks that are not rule modules (:data:`CHECKS`) at the project's levels;
    those set ``off`` are left out."""
    resolved = resolve_levels(levels)
    adjusted = []
    for problem in problems:
        level = resolved.get(problem.rule, problem.level) if problem.rule in CHECKS else problem.level
        if level != "off":
            adjusted.append(dataclasses.replace(problem, level=level))
    return adjusted


def run_rules(charter: Charter, *, today: dt.date,
              levels: Mapping[str, str] | None = None) -> list[Problem]:
    """Run every rule not turned ``off`` on ``charter``; return the problems, sorted."""
    resolved = resolve_levels(levels)
    sources = charter.sources if isinstance(charter.sources, SourceIndex) \
        else SourceIndex(charter.sources or {})
    problems = set()
    history: list[EndorsedHistory | None] = []  # read at the first rule that needs it
    for rule_id, rule in RULES.items():
        level = resolved[rule_id]
        if level == "off":
            continue
        if getattr(rule, "READS_GIT", False):
            if not history:
                history.append(_endorsed_history(charter, today))
            findings = rule.check(charter, today, history[0])
        else:
            findings = rule.check(charter, today)
        for finding in findings:
            problems.add(_locate(sources, finding, rule_id, level))
    return sorted(problems)


def _endorsed_history(charter: Charter, today: dt.date) -> EndorsedHistory | None:
    revisions = {src_uri: set(getattr(charter, attr).endorsed_revisions.values())
                 for src_uri, attr in ENDORSED_FILES.items()}
    return endorsed_history(charter.docs_dir, revisions, today)


def _locate(sources: SourceIndex, finding: Finding, rule_id: str, level: Level) -> Problem:
    if finding.src_uri in sources:
        return sources.problem(finding.src_uri, finding.loc, finding.message, rule_id, level,
                               value=finding.value)
    # A file the charter does not have (an optional logic.yml not written yet): point at the top
    # of the file to create, with the same project-relative prefix as the files that exist.
    return Problem(_display(sources, finding.src_uri), 1, 1, level, finding.message, rule_id,
                   dotted(finding.loc))


def _display(sources: SourceIndex, src_uri: str) -> str:
    for known_uri, source in sources.items():
        if source.display.endswith(known_uri):
            return source.display[: len(source.display) - len(known_uri)] + src_uri
    return src_uri


def rules_reference() -> str:
    """The Markdown reference of every rule, from the rules' own docstrings (``docs/rules.md``)."""
    lines = [
        "# Pattern rules",
        "",
        "<!-- Generated from the rules' docstrings by `python -m coalition_site.rules > "
        "docs/rules.md`; do not edit by hand. -->",
        "",
        "Beyond the charter format, coalition-site checks the charter against the pattern it is",
        "meant to follow. Each finding names the file, line and column to change, what is wrong,",
        "how to fix it and the rule's id, for example:",
        "",
        "```text",
        "content/charter/steward-mandate.md:8:13: warning: 'reports_to' leaves out the active "
        "partner 'breathe'; add it, or write 'reports_to: all-partners' (the steward reports to "
        "all partners equally) [steward-reports-to-all]",
        "```",
        "",
        "Each rule has a default level: an `error` stops the build, a `warning` is reported (and",
        "stops a strict build). A project can set any rule to `error`, `warning` or `off` with the",
        "coalition plugin's `rules` option in `mkdocs.yml`:",
        "",
        "```yaml",
        "plugins:",
        "  - coalition:",
        "      rules:",
        "        review-due: error",
        "        tension-resolution: off",
        "```",
        "",
        "| Rule | Default level | Checks |",
        "|---|---|---|",
    ]
    for rule_id, rule in RULES.items():
        lines.append(f"| [`{rule_id}`](#{rule_id}) | {rule.DEFAULT} | {_summary(rule)} |")
    lines += [
        "",
        "Beyond the rules, these checks run while the files are read, or on `mkdocs.yml`, and their",
        "levels are set the same way:",
        "",
        "- `unsafe-html` (default: error): markup that would run code or embed another site",
        "  (`<script>`, `<iframe>`, `on...=` handlers, `javascript:` links);",
        "- `removed-html` (default: warning): other markup that the published page leaves out (the",
        "  published page never carries either, whatever their level);",
        "- `unknown-key` (default: warning): a key of a page's front matter that neither MkDocs,",
        "  Material nor coalition-site reads (a typo, most often);",
        "- `unpublished-file` (default: warning): a file of the content folder that the site leaves",
        "  out, because a file of its kind could run code in readers' browsers;",
        "- `unsafe-extension` (default: warning): a Markdown extension, a plugin or `hooks:` in",
        "  `mkdocs.yml` that lets a page read files of the repository or run code;",
        "- `nav-publishes-attachment` (default: warning): an attachment that `nav:` in `mkdocs.yml`",
        "  lists, so that the public site publishes it, although only internal content links to it;",
        "- `site-name` (default: warning): `site_name` in `mkdocs.yml` is neither the coalition's `name` nor its",
        "  `short_name` in `coalition.yml`, so the site's header and its pages name the coalition differently.",
        "",
        "These ids always stop a build; a project cannot set them to another level. The privacy",
        "checks: `internal-marker` (an internal block whose marker is not exactly `!!! internal`),",
        "`internal-html` (HTML marked internal, `class=\"internal\"` or `{ .internal }` after a",
        "paragraph, that is not an internal block: nothing removes it; write it as `!!! internal`),",
        "`front-matter` (front matter that does not start on line 1 with exactly `---`) and",
        "`privacy-marker` (`internal: true`, `visibility: private` or `!!! internal` in a YAML field:",
        "anything taken for a privacy marker that is not exactly `visibility: internal`): set to",
        "`off`, one would publish what its author meant to keep internal. The format's own errors,",
        "`yaml`, `schema`, `file`, `encoding` and `reference`, which keep the charter from loading.",
        "And `plugin-missing`: a `mkdocs.yml` with which MkDocs would build the site without the",
        "coalition plugin, publishing every internal file.",
    ]
    for rule_id, rule in RULES.items():
        lines += ["", f"## {rule_id}", "", f"Default level: **{rule.DEFAULT}**", "",
                  inspect.cleandoc(rule.__doc__ or "")]
    return "\n".join(lines) + "\n"


def _summary(rule: ModuleType) -> str:
    return inspect.cleandoc(rule.__doc__ or "").split("\n", 1)[0]
