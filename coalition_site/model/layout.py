"""The charter's files: where each one stands in the content folder, and what it is called.

The loader reads these files, the rules point at them, the site plans a page for each, the leak
check and the history read them again: every one of them takes the layout from here, so that it
is written once.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from .base import MarkdownFile
from .charter_pages import Autonomy, ConflictProtocol, JointDemand, ProblemStatement, StewardMandate

COALITION = "coalition.yml"
LOGIC = "logic.yml"
PROBLEM_STATEMENT = "charter/problem-statement.md"
JOINT_DEMAND = "charter/joint-demand.md"
STEWARD_MANDATE = "charter/steward-mandate.md"
AUTONOMY = "charter/autonomy.md"
CONFLICT_PROTOCOL = "charter/conflict-protocol.md"

CHARTER_FILES: dict[str, tuple[str, type[MarkdownFile]]] = {
    PROBLEM_STATEMENT: ("problem_statement", ProblemStatement),
    JOINT_DEMAND: ("joint_demand", JointDemand),
    STEWARD_MANDATE: ("steward_mandate", StewardMandate),
    AUTONOMY: ("autonomy", Autonomy),
    CONFLICT_PROTOCOL: ("conflict_protocol", ConflictProtocol),
}
"""The charter pages: ``src_uri`` → (the :class:`~coalition_site.model.Charter` attribute, model)."""
CHARTER_TITLES = {
    PROBLEM_STATEMENT: "The problem we share",
    JOINT_DEMAND: "Our joint demand",
    STEWARD_MANDATE: "Steward mandate",
    AUTONOMY: "Autonomy agreements",
    CONFLICT_PROTOCOL: "Conflict protocol",
}
"""The title of each charter page when its front matter gives none."""
REQUIRED_FILES = (COALITION, *CHARTER_FILES)
DATA_FILES = (COALITION, LOGIC)
"""The charter's YAML files; any other YAML file of the content folder is neither read nor published."""
ENDORSED_FILES = {PROBLEM_STATEMENT: "problem_statement", JOINT_DEMAND: "joint_demand"}
"""The charter pages partners endorse, with their :class:`~coalition_site.model.Charter` attribute."""

PARTNER_NAME = re.compile(r"^partners/([^/]+)\.md$")
"""A partner's file, named by its id (``partners/index.md`` and ``README.md`` are pages)."""
REVIEW_NAME = re.compile(r"^reviews/(\d{4}-\d{2}-\d{2})\.md$")
"""A review's file, named by its meeting date."""
REVIEW_FOLDERS = ("reviews", "review")
"""A first folder named so, in any case, holds reviews: a review or an error, never a page."""
REVIEWS_INDEXES = ("reviews/index.md", "reviews/README.md")
"""The reviews section's own index page (replacing the generated one), an ordinary page."""


def partner_uri(partner_id: str) -> str:
    """A partner's file, which is named by its id."""
    return f"partners/{partner_id}.md"


def review_uri(date: dt.date) -> str:
    """A review's file, which is named by its meeting date."""
    return f"reviews/{date.isoformat()}.md"


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10.0"`` → ``(1, 10, 0)``: versions compare as numbers, not as text."""
    return tuple(int(part) for part in version.split("."))


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The address of a page of the content folder, relative to the site's root, as MkDocs gives
    it: ``partners/usw-1219/`` (``partners/usw-1219.html`` without ``use_directory_urls``), and a
    folder's own address for its ``index.md`` or ``README.md``."""
    folder, filename = posixpath.split(src_uri)
    stem = filename.rsplit(".", 1)[0]
    if stem.lower() in ("index", "readme"):
        return f"{folder}/" if folder else ""
    stem = posixpath.join(folder, stem)
    return f"{stem}/" if use_directory_urls else f"{stem}.html"
