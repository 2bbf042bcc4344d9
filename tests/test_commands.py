"""Where ``coalition-site build`` puts each audience's site, and library use of the commands."""

from __future__ import annotations

import subprocess
import sys

from support import Sample, env, run, site_texts


def test_the_internal_audience_from_the_environment_builds_into_site_internal(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    built = run("build", cwd=sample.root, COALITION_AUDIENCE="internal")
    assert (built.returncode, built.stdout) == (0, f"Built the site in {sample.root / 'site-internal'}\n")
    assert not (sample.root / "site").exists()


def test_the_internal_audience_from_mkdocs_yml_builds_into_site_internal(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    (sample.root / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: content\ntheme: {name: material}\nplugins:\n"
        "  - coalition:\n      audience: internal\n")
    built = run("build", cwd=sample.root)
    assert (built.returncode, built.stdout) == (0, f"Built the site in {sample.root / 'site-internal'}\n")
    assert "board-notes/index.html" in site_texts(sample.root / "site-internal")


def test_site_dir_is_where_the_user_says(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    built = run("build", "--site-dir", tmp_path / "out", cwd=sample.root)
    assert (built.returncode, built.stdout) == (0, f"Built the site in {tmp_path / 'out'}\n")
    assert (tmp_path / "out" / "index.html").is_file()


def test_an_internal_build_does_not_turn_the_next_build_internal(tmp_path):
    # A program (a CI script, the serve command's rebuilds) may build twice in one process.
    sample = Sample.copy(tmp_path / "project")
    code = ("import sys; from coalition_site import commands; "
            "commands.build(sys.argv[1], audience='internal'); print(commands.build(sys.argv[1]))")
    out = subprocess.run([sys.executable, "-c", code, str(sample.root)], capture_output=True,
                         text=True, env=env(), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{sample.root / 'site'}\n", (
        "BUG: commands.build(audience=...) leaves COALITION_AUDIENCE set in os.environ, so the next "
        "build in the same process is internal too")
    assert not [path for path, text in site_texts(sample.root / "site").items() if "SECRET" in text]


def test_the_build_command_reads_the_charter_once(tmp_path, monkeypatch):
    # It checks before MkDocs starts (to print located problems), and the plugin's own check
    # reuses that result instead of reading and validating every file again.
    from coalition_site import check, commands

    sample = Sample.copy(tmp_path / "project")
    loads = []
    real = check.load_charter
    monkeypatch.setattr(check, "load_charter",
                        lambda *args, **kwargs: loads.append(args) or real(*args, **kwargs))
    commands.build(sample.root)
    assert len(loads) == 1 and (sample.root / "site" / "index.html").is_file()
    commands.build(sample.root)  # and only for its own build: the next one checks anew
    assert len(loads) == 2
