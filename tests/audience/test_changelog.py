"""`diff --audience public`: a changelog the public may read, with nothing internal in it.

The property test plants unique canaries in everything internal a revision can hold (an
``!!! internal`` block of a public partner's page and of a charter page, from the grammar of
``tests/leak_grammar.py``; a representative; an internal page, review, tension and partner; an
attachment only internal content shows) and compares two random revisions: no canary appears
in the public report, in either format, nor in the error that refuses a page whose internal
blocks Markdown cannot tell apart. The internal report shows what changed in them.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, note
from hypothesis import strategies as st

from coalition_site.audience.changelog import diff_for_audience
from coalition_site.errors import ProjectError
from coalition_site.load.charter import load_charter
from coalition_site.render.diff_report import render_diff
from coalition_site.render.inert import JOINER
from leak_grammar import Names, bodies, name_spaces, property_settings
from support import MINIMAL

PARTNER = "partners/tenants-union.md"
PROBLEM = "charter/problem-statement.md"


@st.composite
def revisions(draw, names: Names) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """A revision of the minimal charter: files to write over it, its attachments (path →
    content hash), and the canaries it holds in internal places."""
    canaries: list[str] = []

    def canary() -> str:
        value = names.canary()
        canaries.append(value)
        return value

    files: dict[str, str] = {}
    attachments: dict[str, str] = {}
    digest = st.sampled_from(["1111", "2222"])
    # (Both pages are in a folder: their images are at ../images/ from there.)
    partner_body = draw(bodies(names=names, near_misses=False, max_blocks=2, image_prefix="../images/"))
    problem_body = draw(bodies(names=names, near_misses=False, max_blocks=1, image_prefix="../images/"))
    for body in (partner_body, problem_body):
        canaries += [c.value for c in body.canaries]
        attachments.update({f"images/{image}": draw(digest) for image in body.images})
    files[PARTNER] = (
        "---\nname: Riverside Tenants Union\nissue: Housing\n"
        "theory_of_change: Tenants organized building by building can stop displacement.\n"
        f"constituency: {draw(st.sampled_from(['900 member households', '1,200 households']))}\n"
        "representatives:\n"
        f"  - name: {canary()}\n    role: {canary()}\n    email: {canary()}@example.org\n"
        f"    github: {draw(st.sampled_from(['anaruiz', 'ana-r']))}\n"
        f"---\n{partner_body.text}\n")
    files[PROBLEM] = ("---\ntitle: The problem we share\nendorsements:\n  tenants-union: 2025-01-15\n"
                      f"---\n{problem_body.text}\n")
    if draw(st.booleans()):
        image = f"images/{canary()}.png"
        attachments[image] = draw(digest)
        files["board-notes.md"] = (f"---\ntitle: {canary()}\nvisibility: internal\n---\n"
                                   f"{canary()} notes.\n\n![plan]({image})\n")
    else:
        files["board-notes.md"] = ""
    if draw(st.booleans()):
        files["partners/quiet-partner.md"] = (
            f"---\nname: {canary()}\nissue: {canary()}\ntheory_of_change: {canary()}\n"
            f"visibility: internal\n---\n{canary()}\n")
    files["reviews/2026-11-11.md"] = (
        f"---\ndate: 2026-11-11\nfacilitator: {canary()}\nattended: [tenants-union]\n"
        f"decisions: [{canary()}]\n---\n{canary()} the riders met the mayor.\n")
    tension = (f"  - id: secret-tension\n    between: [tenants-union, riders-alliance]\n"
               f"    about: {canary()}\n    status: {draw(st.sampled_from(['open', 'resolved']))}\n"
               f"    visibility: internal\n") if draw(st.booleans()) else ""
    files["logic.yml"] = (MINIMAL / "content" / "logic.yml").read_text(encoding="utf-8").split(
        "  - id: secret-tension")[0] + tension
    return files, attachments, canaries


def _charter(root: Path, files: dict[str, str]):
    shutil.copytree(MINIMAL, root)
    for src_uri, text in files.items():
        path = root / "content" / src_uri
        if text:
            path.write_text(text, encoding="utf-8")
        elif path.exists():
            path.unlink()
    result = load_charter(root / "content", root)
    assert result.charter is not None, [str(p) for p in result.problems if p.level == "error"]
    return result.charter


@given(names=name_spaces, data=st.data())
@property_settings(60)
def test_no_internal_value_reaches_a_public_changelog(names, data):
    old_files, old_attachments, old_canaries = data.draw(revisions(names), label="old")
    new_files, new_attachments, new_canaries = data.draw(revisions(names), label="new")
    canaries = old_canaries + new_canaries
    with tempfile.TemporaryDirectory() as tmp:
        old = _charter(Path(tmp) / "old", old_files)
        new = _charter(Path(tmp) / "new", new_files)
        try:
            diff = diff_for_audience(old, new, "public", old_files=old_attachments, new_files=new_attachments)
        except ProjectError as exc:
            shown = [c for c in canaries if c in str(exc)]
            assert not shown, f"the error shows {shown}: {exc}"
            return
        for fmt in ("text", "markdown"):
            report = render_diff(diff, fmt, "v1.0.0", "main").replace(JOINER, "")
            note(report)
            shown = [c for c in canaries if c in report]
            assert not shown, f"the public {fmt} report shows {shown}"
        internal = render_diff(diff_for_audience(old, new, "internal", old_files=old_attachments,
                                                 new_files=new_attachments), "text", "v1.0.0", "main")
        # The partners' report does show what changed in the internal places.
        assert old_canaries[-1] in internal or new_canaries[-1] in internal


def test_the_public_sees_the_public_text_of_a_page_and_only_public_files(tmp_path):
    old = _charter(tmp_path / "old", {})
    new = _charter(tmp_path / "new", {
        PARTNER: (MINIMAL / "content" / PARTNER).read_text(encoding="utf-8").replace(
            "The union organizes tenants.",
            "The union organizes tenants. It meets weekly.\n\n!!! internal\n    Dues are late.\n\n"
            "    ![ledger](../images/ledger.png)\n\n![map](../images/map.png)\n"),
        "board-notes.md": "---\nvisibility: internal\n---\nNew notes: ![plan](images/plan.png)\n"})
    files = {"images/ledger.png": "1", "images/map.png": "2", "images/plan.png": "3"}
    diff = diff_for_audience(old, new, "public", new_files=files)
    assert render_diff(diff, "text", "v1.0.0", "main").splitlines() == [
        "Charter changes from v1.0.0 to main",
        "",
        "Partners",
        "  ~ Riverside Tenants Union's page text edited",
        "      @@ -1 +1,4 @@",
        "       The union organizes tenants.",
        "      +It meets weekly.",
        "      +map",
        "      +../images/map.png",
        "",
        "Attachments",
        "  + file 'images/map.png' added",
        "",
        "2 changes.",
    ]
    internal = diff_for_audience(old, new, "internal", new_files=files)
    assert [c.describe()[1].text for c in internal.changes if c.section == "files"] == [
        "images/ledger.png", "images/map.png", "images/plan.png"]
