"""A pull request's reviews, as GitHub's REST API returns them.

``GET /repos/{owner}/{repo}/pulls/{number}/reviews`` gives a JSON array of reviews; ``gh api
--paginate`` prints one array a page, one after the other, and ``gh api --paginate --slurp``
wraps the pages in one more array. All three are read here. Only what the consent check needs is
kept (who, what, when, on which commit); GitHub's other keys are ignored, since it adds some over
time. The file is untrusted like everything a pull request touches: a malformed one is an error
naming the file, the review and the field, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, StringConstraints, ValidationError

from ..errors import ProjectError, os_reason

ReviewState = Literal["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]
STATES: tuple[str, ...] = ReviewState.__args__  # type: ignore[attr-defined]
MAX_BYTES = 50_000_000
"""A pull request with tens of thousands of reviews is still far below this."""

# GitHub's logins: letters, digits and single hyphens; apps end in "[bot]".
Login = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")]
CommitId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")]


class ReviewsFileError(ProjectError):
    """The --reviews file cannot be read: a usage error (exit 2), since the workflow wrote it."""

    exit_code = 2


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ReviewUser(_Lenient):
    login: Login


class PullRequestReview(_Lenient):
    """One review: ``user`` is ``None`` for an account deleted since (GitHub's "ghost")."""

    user: ReviewUser | None
    state: ReviewState
    submitted_at: AwareDatetime | None = None
    """Absent on a review still PENDING (not submitted)."""
    commit_id: CommitId | None = None
    """The commit the review was given on; old reviews may have none."""

    @property
    def login(self) -> str | None:
        return self.user.login if self.user else None

    @property
    def when(self) -> dt.datetime | None:
        return self.submitted_at.astimezone(dt.timezone.utc) if self.submitted_at else None


def read_reviews(path: Path | str) -> list[PullRequestReview]:
    """Every review of the file at ``path``, in the order GitHub listed them."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReviewsFileError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB; this is not a "
                                   "pull request's reviews")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReviewsFileError(f"{path}: not UTF-8 text; pass the JSON that 'gh api "
                               "repos/OWNER/REPO/pulls/NUMBER/reviews' prints") from None
    except OSError as exc:
        raise ReviewsFileError(f"cannot read the reviews file '{path}': {os_reason(exc)}") from None
    return parse_reviews(text, str(path))


def parse_reviews(text: str, name: str) -> list[PullRequestReview]:
    items: list[Any] = []
    for value in _json_values(text, name):
        if isinstance(value, dict):
            said = value.get("message")
            hint = f" (GitHub said: {str(said)[:200]!r})" if isinstance(said, str) else ""
            raise ReviewsFileError(f"{name}: holds a JSON object, not a list of reviews{hint}; pass "
                                   "what 'gh api repos/OWNER/REPO/pulls/NUMBER/reviews' prints")
        if not isinstance(value, list):
            raise ReviewsFileError(f"{name}: holds {type(value).__name__} {json.dumps(value)[:40]}, "
                                   "not a list of reviews")
        # `gh api --paginate --slurp`: an array of pages, each an array of reviews.
        for item in value:
            items.extend(item if isinstance(item, list) else [item])
    reviews = []
    for number, item in enumerate(items, 1):
        try:
            reviews.append(PullRequestReview.model_validate(item))
        except ValidationError as exc:
            raise ReviewsFileError(f"{name}: review {number}: {_first_error(exc)}") from None
    return reviews


def _json_values(text: str, name: str) -> list[Any]:
    """The JSON values of ``text``, one after the other (what ``gh api --paginate`` prints)."""
    decoder = json.JSONDecoder()
    values, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            break
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise ReviewsFileError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}; "
                                   "pass what 'gh api repos/OWNER/REPO/pulls/NUMBER/reviews' "
                                   "prints") from None
        values.append(value)
    if not values:
        raise ReviewsFileError(f"{name}: empty; a pull request without reviews is '[]'")
    return values


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return f"'{where}' is missing"
    if error["type"] == "literal_error":
        return f"'{where}' is {json.dumps(error['input'])[:60]}; GitHub's states are {', '.join(STATES)}"
    if error["type"] == "string_pattern_mismatch":
        what = "a commit id (40 hexadecimal digits)" if where == "commit_id" else "a GitHub login"
        return f"'{where}' is {json.dumps(error['input'])[:60]}, not {what}"
    if where:
        return f"'{where}': {error['msg'][:1].lower()}{error['msg'][1:]}"
    return f"{error['msg'][:1].lower()}{error['msg'][1:]}"
