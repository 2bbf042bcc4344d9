"""The kit's refresh never loses what a steward wrote: a property over any edit of any file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from coalition_site.project.github.kit import KitFile, survey, write_kit

GENERATED = KitFile(".github/CODEOWNERS", "# owners\n/content/ @ana\n")
NEWER = KitFile(".github/CODEOWNERS", "# owners\n/content/ @ana @bo\n")


@given(st.text(max_size=200), st.sampled_from([GENERATED, NEWER]))
def test_a_file_anyone_changed_is_never_overwritten_without_force(edited, generation):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_kit(root, survey(root, [GENERATED]))
        path = root / GENERATED.path
        path.write_bytes(edited.encode("utf-8", "surrogatepass"))
        before = path.read_bytes()
        [status] = survey(root, [generation])
        lines = write_kit(root, [status])
        unchanged_by_hand = before.replace(b"\r\n", b"\n") == GENERATED.text.encode()
        if path.read_bytes() != before:
            # Only a file exactly as coalition-site wrote it is refreshed, and it says so.
            assert unchanged_by_hand and lines == [f"updated {GENERATED.path}"]
            assert path.read_text(encoding="utf-8") == generation.text
        else:
            assert status.state in ("current", "edited", "edited-stale", "foreign")
            assert lines == [] if status.state == "current" else lines[0].startswith(f"kept {GENERATED.path}")


def test_a_file_checked_out_with_windows_line_endings_is_current():
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_kit(root, survey(root, [GENERATED]))
        path = root / GENERATED.path
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        assert [s.state for s in survey(root, [GENERATED])] == ["current"]
