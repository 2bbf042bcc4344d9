"""``coalition-site build`` (and ``mkdocs build``) deletes only what a build made: the folder it is
pointed at (``--site-dir``, or ``site_dir:`` in mkdocs.yml, which a pull request can change) is
replaced only when an earlier build left its marker there, and some places never are."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_site.project.output_dir import MARKER, MARKER_TEXT

from support import MKDOCS, Sample, run

ELSEWHERE = "build somewhere else with --site-dir (or site_dir in mkdocs.yml)"
OLD_SITE_HINT = ("A site built by an earlier coalition-site has no '.coalition-site' file: if this "
                 "is one, delete the folder yourself, once")


@pytest.fixture
def home(tmp_path) -> Path:
    """A home folder with a project in it, and a folder of someone's files beside it."""
    home = tmp_path / "ana"
    Sample.copy(home / "coalition")
    notes = home / "notes"
    (notes / ".ssh").mkdir(parents=True)
    (notes / ".ssh" / "id_ed25519").write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\n\x00\xff\n")
    (notes / ".ssh" / "known_hosts").write_text("github.com ssh-ed25519 AAAA\n")
    (notes / ".bashrc").write_text("export EDITOR=nano\n")
    (notes / ".profile").write_text("")
    for n in range(10):
        (notes / f"note-{n:02}.txt").write_text(f"note {n}\n")
    return home


def build(project: Path, *args, home: Path, program: str | None = None, **env):
    if program is None:
        return run("build", *args, cwd=project, HOME=str(home), **env)
    return run("build", "--quiet", *args, cwd=project, program=program, HOME=str(home), **env)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder``, dotfiles included: a file's bytes, ``None`` for a folder."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def set_site_dir(project: Path, site_dir: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"site_dir: {site_dir}\n")


# -- a folder of someone's files ----------------------------------------------------------------------
def test_a_folder_of_someones_files_is_refused_and_kept_byte_for_byte(home):
    notes = home / "notes"
    before = snapshot(notes)
    built = build(home / "coalition", "--site-dir", notes, home=home)
    assert built.returncode == 1
    assert built.stderr.splitlines()[-2:] == [
        f"ERROR   -  coalition: '{notes}' holds 13 files and folders that coalition-site did not "
        f"build (.bashrc, .profile, .ssh, ...); remove them or {ELSEWHERE}. {OLD_SITE_HINT}",
        "error: the build failed; the ERROR above says why"]
    assert snapshot(notes) == before
    assert sorted(p.name for p in home.iterdir()) == ["coalition", "notes"]  # no staging folder


def test_mkdocs_build_refuses_it_too(home):
    notes = home / "notes"
    before = snapshot(notes)
    set_site_dir(home / "coalition", str(notes))
    built = build(home / "coalition", home=home, program=MKDOCS)
    assert built.returncode == 1
    assert (f"ERROR   -  coalition: '{notes}' holds 13 files and folders that coalition-site did not "
            "build (.bashrc, .profile, .ssh, ...)") in built.stderr
    assert snapshot(notes) == before


def test_a_site_an_earlier_version_built_is_refused_once(home):
    # Before markers existed: not guessed at. The user deletes it, and builds go on from there.
    project = home / "coalition"
    (project / "site" / "partners").mkdir(parents=True)
    (project / "site" / "index.html").write_text("<p>built by coalition-site 0.1</p>")
    built = build(project, home=home)
    assert built.returncode == 1
    assert (f"'{project / 'site'}' holds 2 files and folders that coalition-site did not build "
            f"(index.html, partners); remove them or {ELSEWHERE}. {OLD_SITE_HINT}") in built.stderr
    assert (project / "site" / "index.html").read_text() == "<p>built by coalition-site 0.1</p>"


# -- places that are never a site's folder ------------------------------------------------------------
def refused(home: Path, site_dir, message: str, *, via: str = "--site-dir") -> None:
    """A build pointed at ``site_dir`` (on the command line or in mkdocs.yml) fails at once with
    ``message`` alone, and nothing in the home folder changes."""
    project = home / "coalition"
    if via == "--site-dir":
        args = ["--site-dir", site_dir]
    else:
        set_site_dir(project, site_dir)
        args = []
    before = snapshot(home)
    built = build(project, *args, home=home)
    assert (built.returncode, built.stdout, built.stderr) == (1, "", f"error: {message}\n")
    assert snapshot(home) == before


@pytest.mark.parametrize("via", ["--site-dir", "mkdocs.yml"])
def test_the_home_folder_is_refused(home, via):
    refused(home, str(home), f"'{home}' is your home folder: a build there would replace all your "
                             f"files; {ELSEWHERE}", via=via)


def test_the_root_of_the_file_system_is_refused(home):
    refused(home, "/", f"'/' is the root of the file system: a build there would replace every file "
                       f"on this computer; {ELSEWHERE}")


@pytest.mark.parametrize("via", ["--site-dir", "mkdocs.yml"])
def test_the_project_folder_is_refused(home, via):
    project = home / "coalition"
    refused(home, ".", f"'{project}' is the project folder (it holds mkdocs.yml): a build there "
                       f"would replace the project; {ELSEWHERE}", via=via)


def test_a_folder_that_holds_the_project_is_refused(home):
    (home / "work").mkdir()
    (home / "coalition").rename(home / "work" / "coalition")
    (home / "coalition").symlink_to(home / "work" / "coalition")  # `build` runs in home/coalition
    refused(home, "..", f"'{home / 'work'}' holds the project folder '{home / 'work' / 'coalition'}': "
                        f"a build there would replace the project; {ELSEWHERE}")


@pytest.mark.parametrize("via", ["--site-dir", "mkdocs.yml"])
def test_the_content_folder_is_refused(home, via):
    content = home / "coalition" / "content"
    refused(home, "content", f"'{content}' is the content folder (docs_dir): a build there would "
                             f"replace the charter; {ELSEWHERE}", via=via)


@pytest.mark.parametrize("via", ["--site-dir", "mkdocs.yml"])
def test_the_repositorys_history_is_refused(home, via):
    # `site_dir: .git` in a pull request destroyed the repository's history.
    git = home / "coalition" / ".git"
    (git / "objects" / "ab").mkdir(parents=True)
    (git / "objects" / "ab" / "cdef").write_bytes(b"x\x01\x00")
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    refused(home, ".git", f"'{git}' is a version control folder: a build there would replace the "
                          f"repository's history; {ELSEWHERE}", via=via)


def test_a_folder_inside_the_repositorys_history_is_refused(home):
    git = home / "coalition" / ".git"
    (git / "refs").mkdir(parents=True)
    refused(home, ".git/refs/site", f"'{git / 'refs' / 'site'}' is inside the version control "
                                    f"folder '{git}': a build there would damage the repository's "
                                    f"history; {ELSEWHERE}")


# -- what a build leaves --------------------------------------------------------------------------------
@pytest.mark.parametrize("audience, folder", [("public", "site"), ("internal", "site-internal")])
def test_every_built_site_holds_the_marker_and_the_next_build_replaces_it(home, audience, folder):
    project = home / "coalition"
    first = build(project, "--audience", audience, home=home)
    assert first.returncode == 0, first.stderr
    site = project / folder
    assert (site / MARKER).read_text() == MARKER_TEXT
    (site / "stale.html").write_text("a page the charter no longer has")
    (site / ".well-known").mkdir()
    again = build(project, "--audience", audience, home=home)
    assert again.returncode == 0, again.stderr
    assert (site / MARKER).read_text() == MARKER_TEXT
    assert not (site / "stale.html").exists() and not (site / ".well-known").exists()
    assert not [p.name for p in project.iterdir() if p.name.startswith(f".{folder}.")]


def test_a_gh_pages_checkout_keeps_its_git_and_takes_the_site(home):
    project = home / "coalition"
    checkout = home / "gh-pages"
    checkout.mkdir()
    (checkout / ".git").write_text("gitdir: /home/ana/coalition/.git/worktrees/gh-pages\n")
    for _ in range(2):
        built = build(project, "--site-dir", checkout, home=home)
        assert built.returncode == 0, built.stderr
    assert (checkout / ".git").read_text() == "gitdir: /home/ana/coalition/.git/worktrees/gh-pages\n"
    assert (checkout / MARKER).is_file() and (checkout / "index.html").is_file()
