"""Under ``coalition-site serve``, a rebuild after an edit reuses what the edit did not change
(render/memo.py): the site it writes must be, byte for byte, the site a new server would build
from the edited charter, whatever kind of file was edited, for either audience."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import EPOCH, Sample, site_texts

SERVE_URL = "http://127.0.0.1:8000/"

# One edit of each kind of file: a review's prose and its fields, a partner, a charter page,
# the coalition's and the Logic map's YAML, an ordinary page; the prose edits bring a glossary
# term (linked where it first appears) and an internal block (never on the public site).
EDITS = [
    ("reviews/2026-11-11.md", "SECRET-REVIEW-NOTES the riders met the mayor alone.",
     "SECRET-REVIEW-NOTES the riders met the mayor alone.\n\nThe joint demand held: EDIT-ONE.\n\n"
     "!!! internal\n    INTERNAL-EDIT-TWO the riders' budget."),
    ("reviews/2026-11-11.md", "policy_progress: stalled", "policy_progress: advancing"),
    ("partners/tenants-union.md", "900 member households", "EDIT-THREE member households"),
    ("charter/joint-demand.md", "\n---\n", "\n---\nEDIT-FOUR: every stake counts.\n\n"),
    ("board-notes.md", "\n---\n", "\n---\nEDIT-FIVE, a tension named.\n\n"),
]


class _Server:
    """MkDocs' dev server's builds, in this process: mkdocs.yml loaded anew for each build, the
    plugin's memo kept for the session (MkDocs keeps the plugin's instance for the process: it is
    started and stopped around each build, so that no other test's build inherits serve's)."""

    def __init__(self, sample: Sample, site):
        self.config_file, self.site = str(sample.root / "mkdocs.yml"), str(site)
        self.memo = None

    def build(self) -> dict[str, str]:
        config = load_config(config_file=self.config_file, site_dir=self.site)
        plugin = config.plugins["coalition"]
        plugin.on_startup(command="serve", dirty=False)
        if self.memo is None:
            self.memo = plugin.memo  # a new session's
        plugin.memo = self.memo
        try:
            config.site_url = SERVE_URL
            build(config, serve_url=SERVE_URL)
        finally:
            plugin.on_shutdown()
        return site_texts(Path(config.site_dir))


def _edit(sample: Sample, src_uri: str, old: str, new: str) -> None:
    text = sample.read(src_uri)
    if old == "\n---\n":  # after the front matter's closing line
        head, body = text.split("\n---\n", 1)
        sample.write(src_uri, f"{head}\n---\n{new.removeprefix(old)}{body}")
    else:
        sample.edit(src_uri, old, new)


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_every_rebuild_is_the_site_a_new_server_builds(tmp_path, monkeypatch, audience):
    monkeypatch.setenv("COALITION_AUDIENCE", audience)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    sample = Sample.copy(tmp_path / "project")
    served = _Server(sample, tmp_path / "served")
    served.build()
    for number, (src_uri, old, new) in enumerate(EDITS):
        _edit(sample, src_uri, old, new)
        rebuilt = served.build()
        assert served.memo.hits > 0  # the rebuild did reuse pages the edit left alone
        expected = _Server(sample, tmp_path / f"fresh-{number}").build()  # a new server's
        assert rebuilt.keys() == expected.keys(), src_uri
        for path, text in expected.items():
            assert rebuilt[path] == text, f"{path} after editing {src_uri}"
        everything = "".join(rebuilt.values())
        assert ("INTERNAL-EDIT-TWO" in everything) == (audience == "internal")
        assert ("EDIT-ONE" in everything) == (audience == "internal")  # reviews are internal
        if number >= 3:  # the charter's joint demand is public
            assert "EDIT-FOUR" in rebuilt["charter/joint-demand/index.html"]
