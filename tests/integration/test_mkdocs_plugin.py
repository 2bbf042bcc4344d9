"""The ``coalition`` plugin under plain ``mkdocs build``: the audience from its config or the
environment, a site's ``custom_dir`` overriding a partial, and errors that stop the build."""

from __future__ import annotations

import shutil

import pytest

from support import FIXTURES, MKDOCS, Sample, article, run, site_texts


def mkdocs_build(root, *args, **env):
    return run("build", *args, cwd=root, program=MKDOCS, **env)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Sample:
    """The minimal sample built by plain `mkdocs build`: public by default, internal by env."""
    sample = Sample.copy(tmp_path_factory.mktemp("plain") / "project")
    for args, extra in (([], {}), (["--site-dir", "site-env"], {"COALITION_AUDIENCE": "internal"})):
        built = mkdocs_build(sample.root, *args, **extra)
        assert built.returncode == 0, built.stderr
    return sample


@pytest.fixture(scope="module")
def custom(tmp_path_factory):
    """The custom-theme sample (internal audience in its plugin config), next to the minimal one."""
    root = tmp_path_factory.mktemp("custom")
    shutil.copytree(FIXTURES / "minimal", root / "minimal")
    shutil.copytree(FIXTURES / "custom-theme", root / "custom-theme")
    built = mkdocs_build(root / "custom-theme")
    assert built.returncode == 0, built.stderr
    # An internal build aimed at the public site_dir goes to site-internal/ (output_dir.py).
    return site_texts(root / "custom-theme" / "site-internal")


def test_plain_mkdocs_build_makes_the_public_site(plain):
    site = site_texts(plain.root / "site")
    assert article(site["index.html"]).find("h1").text == "Riverside Tenants and Transit Alliance"
    assert "partners/tenants-union/index.html" in site
    assert "board-notes/index.html" not in site
    assert not [path for path, text in site.items() if "SECRET" in text]


def test_the_audience_can_come_from_the_environment(plain):
    site = site_texts(plain.root / "site-env")
    assert "board-notes/index.html" in site
    assert "SECRET-EMAIL-ana@example.org" in site["partners/tenants-union/index.html"]


def test_the_audience_can_come_from_the_plugin_config(custom):
    assert "reviews/2026-11-11/index.html" in custom
    assert "SECRET-STEWARD-NOTE" in custom["charter/steward-mandate/index.html"]


def test_a_partial_in_the_sites_custom_dir_is_used(custom):
    partner = article(custom["partners/tenants-union/index.html"])
    assert partner.find("h1", cls="custom-partner").text == "Riverside Tenants Union"
    assert partner.find("p", cls="custom-mark").text == "CUSTOM-PARTNER-TEMPLATE for tenants-union"
    assert "The union organizes tenants." in partner.text
    assert "Theory of change" not in partner.text  # the package's own partial was not used


def test_partials_not_overridden_are_the_packages(custom):
    assert article(custom["charter/joint-demand/index.html"]).find("table", cls="cs-matrix")


def test_charter_errors_stop_mkdocs_with_the_located_problem(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    sample.edit("coalition.yml", "tagline: Homes and buses, won together.", "tagline: yes")
    built = mkdocs_build(sample.root)
    assert built.returncode == 1
    assert ("content/coalition.yml:3:10: error: 'tagline': the bare word yes was read as the "
            "boolean true; if you meant the text, quote it: 'yes' [schema]") in built.stderr
    assert "coalition: the charter has 1 error; nothing was built:" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (sample.root / "site").exists()


def test_an_unknown_audience_in_the_environment_stops_the_build(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    built = mkdocs_build(sample.root, COALITION_AUDIENCE="everyone")
    assert built.returncode == 1
    assert ("coalition: COALITION_AUDIENCE='everyone' is not an audience; use 'public' or "
            "'internal'") in built.stderr


def test_warnings_are_logged_and_strict_mode_fails_on_them(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    built = mkdocs_build(sample.root, "--strict", SOURCE_DATE_EPOCH="1800000000")
    assert built.returncode == 1
    assert ("WARNING -  content/reviews/2026-11-11.md:2:7: warning: the next review was due on "
            "2026-12-12") in built.stderr
    assert "Aborted with 1 warnings in strict mode!" in built.stdout + built.stderr


def test_a_cache_dir_with_a_nul_is_refused_as_a_config_value_not_a_traceback(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    (sample.root / "mkdocs.yml").write_text(
        'site_name: X\ndocs_dir: content\nplugins:\n  - coalition:\n      cache_dir: "cache\\0dir"\n')
    built = run("build", cwd=sample.root)
    assert built.returncode == 1
    assert built.stderr == (
        "ERROR   -  Config value 'plugins': Plugin 'coalition' option 'cache_dir': a path cannot hold "
        "a NUL character; write the path of a folder, like '.cache/coalition'\n"
        "error: mkdocs.yml: aborted with a configuration error; the lines above say which values and "
        "why; nothing was built\n")
    assert not (sample.root / "site").exists()


def test_the_plugin_listed_twice_stops_the_build_before_anything_is_built(tmp_path):
    # MkDocs runs both entries (a public and an internal one here) and only warns.
    sample = Sample.copy(tmp_path / "project")
    (sample.root / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: content\nplugins:\n  - coalition\n  - coalition:\n      audience: internal\n")
    built = mkdocs_build(sample.root)
    assert built.returncode == 1
    assert ("coalition: mkdocs.yml: 'plugins' lists coalition 2 times; keep one entry (its options "
            "decide what check and build do)") in built.stderr
    assert not (sample.root / "site").exists()
