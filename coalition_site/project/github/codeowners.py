"""``.github/CODEOWNERS``: who GitHub asks to review each file, from the partners' files.

Handles and paths come from files a pull request can change, so each is checked before it is
written: a handle must be a GitHub user name (which holds no space, ``#`` or line break, so it
cannot add a pattern or a line), and a path is written only when CODEOWNERS can say it
literally (spaces escaped; characters it cannot escape, such as ``[``, ``#`` or a line break,
leave the line out with a note).
"""

from __future__ import annotations

import re

from ...model import Charter
from ...model.base import ID_PATTERN
from ...model.layout import AUTONOMY, COALITION, LOGIC, partner_uri

GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
"""GitHub's user names: letters, digits and single hyphens between them, at most 39 characters."""
_SEGMENT = re.compile(r"^[A-Za-z0-9._ -]+$")
"""A path segment CODEOWNERS can say literally (a space is escaped)."""

HEADER = """\
# Who GitHub asks to review each file of the charter, from the partners' files (each
# representative's `github:` user name).
#
# CODEOWNERS routes reviews; it is not how the coalition decides:
# - several owners on one line means that ANY ONE of them may approve for GitHub, whichever
#   partner they belong to;
# - GitHub counts an owner only if they have write access to this repository;
# - the decision is the charter's: the "consent" check (`coalition-site consent`) applies the
#   conflict protocol, counting organisations, not people. Require that check in branch
#   protection (docs/github.md of coalition-site).
#
# Representatives are internal to the coalition. This file names them by their GitHub user
# names, which is fine only because this repository is private: keep it private.
"""


def codeowners(charter: Charter, docs_path: str) -> tuple[str, list[str]]:
    """The body of CODEOWNERS for ``charter``, whose content folder is ``docs_path`` (relative to
    the repository's root, ``content``); and notes on what was left out, to print."""
    notes: list[str] = []
    handles = {pid: _handles(partner, notes) for pid, partner in sorted(charter.partners.items())
               if re.match(ID_PATTERN, pid)}
    shared = _unique(h for pid, partner in sorted(charter.partners.items()) if partner.is_active
                     for h in handles.get(pid, []))
    lines = [HEADER]
    shared_paths = [f"{docs_path}/{COALITION}", f"{docs_path}/{LOGIC}",
                    f"{docs_path}/{AUTONOMY.split('/')[0]}/", f"{docs_path}/reviews/",
                    "mkdocs.yml", ".github/"]
    lines.append("# The coalition's shared files: every active partner's representatives.")
    if not shared:
        lines.append("# (No active partner's representative has a `github:` user name yet: add one to\n"
                     "# each partner's file and run `coalition-site github` again.)")
    for path in shared_paths:
        _line(lines, path, shared, notes)
    lines += ["", "# Each partner's own file: its own representatives (a departed partner's file:",
              "# the active partners')."]
    for pid, partner in sorted(charter.partners.items()):
        if pid not in handles:
            continue
        owners = shared if partner.status == "departed" else handles[pid]
        path = f"{docs_path}/{partner_uri(pid)}"
        if not owners:
            # By its id, which is checked, and not by its path, which holds the content folder's name.
            lines.append(f"# Partner '{pid}': no representative has a `github:` user name")
            continue
        _line(lines, path, owners, notes)
    return "\n".join(lines) + "\n", notes


def pattern(path: str) -> str | None:
    """``path`` (relative to the repository's root) as a CODEOWNERS pattern anchored at the root,
    or ``None`` when CODEOWNERS cannot say it literally."""
    folder = path.endswith("/")
    segments = path.rstrip("/").split("/")
    if not all(_SEGMENT.match(s) and s not in (".", "..") for s in segments):
        return None
    return "/" + "/".join(s.replace(" ", "\\ ") for s in segments) + ("/" if folder else "")


def _line(lines: list[str], path: str, owners: list[str], notes: list[str]) -> None:
    written = pattern(path)
    if written is None:
        notes.append(f"CODEOWNERS leaves out '{repr(path)[1:-1]}': its name holds a character "
                     "CODEOWNERS cannot say (only letters, digits, '.', '_', '-' and spaces can be)")
        return
    if owners:
        lines.append(f"{written} {' '.join('@' + h for h in owners)}")


def _handles(partner, notes: list[str]) -> list[str]:
    found = []
    for person in partner.representatives:
        if person.github is None:
            continue
        if GITHUB_LOGIN.match(person.github):
            found.append(person.github)
        else:
            notes.append(f"CODEOWNERS leaves out a representative of '{partner.id}': their `github:` "
                         "is not a GitHub user name (letters, digits and single hyphens, at most 39)")
    return _unique(found)


def _unique(handles) -> list[str]:
    seen: dict[str, str] = {}
    for handle in handles:
        seen.setdefault(handle.lower(), handle)  # GitHub's user names ignore case
    return list(seen.values())
