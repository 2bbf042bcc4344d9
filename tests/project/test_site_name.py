"""Rule `site-name`: mkdocs.yml's `site_name` and coalition.yml's `name` say the same."""

from __future__ import annotations

import io

from coalition_site import commands
from support import Sample

WARNING = ("mkdocs.yml:1:1: warning: 'site_name' is 'Riverside Alliance' but coalition.yml's 'name' "
           "is 'Riverside Tenants and Transit Alliance' and its 'short_name' 'RTTA'; make them the "
           "same, so that the site's header and its pages name the coalition alike (or set "
           "'site-name: off' under the plugin's 'rules' if the site is meant to have another name) "
           "[site-name]")


def _check(sample: Sample) -> tuple[int, str]:
    out = io.StringIO()
    return commands.check(sample.root, out=out), out.getvalue()


def _site_name(sample: Sample, name: str) -> None:
    config = sample.root / "mkdocs.yml"
    lines = config.read_text().split("\n")
    assert lines[0].startswith("site_name: ")
    config.write_text("\n".join([f"site_name: {name}", *lines[1:]]))


def test_names_that_disagree_are_a_warning_at_site_name(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    _site_name(sample, "Riverside Alliance")
    assert _check(sample) == (0, f"{WARNING}\ncontent: 1 warning\n")


def test_the_full_name_or_the_short_name_is_the_same_name(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    for name in ("Riverside Tenants and Transit Alliance", "RTTA", "Riverside  Tenants and Transit Alliance"):
        _site_name(sample, name)
        assert _check(sample) == (0, "content: no problems\n")


def test_the_rule_can_be_turned_off(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    _site_name(sample, "Riverside Alliance")
    config = sample.root / "mkdocs.yml"
    text = config.read_text()
    assert "plugins: [search, coalition]\n" in text
    config.write_text(text.replace("plugins: [search, coalition]\n",
                                   "plugins:\n  - search\n  - coalition:\n      rules: {site-name: off}\n"))
    assert _check(sample) == (0, "content: no problems\n")
