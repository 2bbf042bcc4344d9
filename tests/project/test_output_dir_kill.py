"""A build killed at any moment of its swap leaves a whole site at the path, old or new, and
loses no version control; the next build cleans up after it (output_dir.py).

Each build runs in a process of its own that kills itself (SIGKILL: no cleanup, no ``finally``)
at a chosen point of the real code: the test patches output_dir's functions in that process
only, from a small script; production code has no hook for it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from coalition_site.project.output_dir import MARKER, MARKER_TEXT, StagedOutput

from support import EPOCH, Sample, env

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kills itself with SIGKILL")

# Builds in processes of their own, killed at POINT: `during-build` (files half written),
# `before-exchange` (version control already moved into the new folder), `after-exchange`,
# `removal` (before the K-th file or folder of the old site is removed), `rename` (after the K-th
# rename of the swap), `between-renames` (where the exchange is missing: the old site renamed
# aside, the new one not yet in); `none`: not killed. A small server forks one process per build (fast, and from a process with no threads
# of its own); each patches output_dir in itself only.
SERVER = r"""
import json, os, sys
from coalition_site.project import output_dir

def build(target, point, k, exchange, pages):
    def die():
        os.kill(os.getpid(), 9)

    real_exchange, real_unlink, real_rmdir, real_rename = output_dir._exchange, os.unlink, os.rmdir, os.rename
    removals = []

    def counted(remove):
        def removing(*args, **kwargs):
            removals.append(args)
            if len(removals) == k:
                die()
            return remove(*args, **kwargs)
        return removing

    def exchange_then_maybe_die(a, b):
        if point == "before-exchange":
            die()
        done = real_exchange(a, b)
        if point == "after-exchange":
            die()
        if point == "removal":
            os.unlink, os.rmdir = counted(real_unlink), counted(real_rmdir)
        return done

    renames = []

    def rename_then_maybe_die(a, b):
        real_rename(a, b)
        renames.append(b)
        if point == "between-renames" and ".old-" in os.fspath(b) or point == "rename" and len(renames) == k:
            die()

    output_dir._exchange = exchange_then_maybe_die
    if exchange == "missing":
        output_dir._renameat2 = None
    staged = output_dir.StagedOutput(target)
    for page, text in pages.items():
        (staged.path / page).parent.mkdir(parents=True, exist_ok=True)
        (staged.path / page).write_text(text)
        if point == "during-build":
            die()
    os.rename = rename_then_maybe_die  # the renames of the swap: none but version control's
    staged.commit()

for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            build(**json.loads(line))
        except BaseException:
            import traceback
            traceback.print_exc()
            os._exit(3)
        os._exit(0)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""

PAGES = ["index.html", "404.html", "sitemap.xml", "about/index.html", "partners/a/index.html",
         "partners/b/index.html", "assets/site.css", "assets/img/logo.png", "search/index.json"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """``builds(target, pages, point, k=0, exchange="present")``: run one build in a process of
    its own; its exit status (0, or -SIGKILL)."""
    errors = tmp_path_factory.mktemp("server") / "stderr"
    with errors.open("w") as stderr, subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr, text=True) as server:
        def run(target: Path, pages: dict[str, str], point: str, k: int = 0,
                exchange: str = "present") -> int:
            request = dict(target=str(target), point=point, k=k, exchange=exchange, pages=pages)
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            status = int(server.stdout.readline() or "99")
            assert status in (0, -signal.SIGKILL), errors.read_text()
            return status

        yield run
        server.stdin.close()


def site(version: str, pages: list[str]) -> dict[str, str]:
    return {page: f"{version} {page}" for page in pages}


def published(target: Path) -> dict[str, bytes]:
    """The site at ``target``: its files but version control's."""
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in sorted(target.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(target).parts}


def whole(pages: dict[str, str]) -> dict[str, bytes]:
    return {**{page: text.encode() for page, text in pages.items()}, MARKER: MARKER_TEXT.encode()}


def in_process(target: Path, pages: dict[str, str]) -> None:
    staged = StagedOutput(target)
    for page, text in pages.items():
        (staged.path / page).parent.mkdir(parents=True, exist_ok=True)
        (staged.path / page).write_text(text)
    staged.commit()


def first_build(target: Path, pages: dict[str, str], with_git: bool) -> None:
    in_process(target, pages)
    if with_git:  # a gh-pages checkout
        (target / ".git" / "refs").mkdir(parents=True)
        (target / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")


KILL_POINTS = st.one_of(
    st.tuples(st.sampled_from(["during-build", "before-exchange", "after-exchange", "none"]), st.just(0)),
    st.tuples(st.just("rename"), st.integers(min_value=1, max_value=3)),
    st.tuples(st.just("removal"), st.integers(min_value=1, max_value=16)))


@settings(max_examples=100, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(kill=KILL_POINTS, with_git=st.booleans(),
       old_pages=st.lists(st.sampled_from(PAGES), min_size=1, max_size=6, unique=True),
       new_pages=st.lists(st.sampled_from(PAGES), min_size=1, max_size=6, unique=True))
def test_a_build_killed_at_any_point_of_the_swap_leaves_a_whole_site(tmp_path_factory, builds, kill,
                                                                     with_git, old_pages, new_pages):
    if not sys.platform.startswith("linux"):
        pytest.skip("the exchange in one step is Linux's")
    point, k = kill
    target = tmp_path_factory.mktemp("kill") / "site"
    old, new = site("old", old_pages), site("new", new_pages)
    first_build(target, old, with_git)

    builds(target, new, point, k)
    # At the path, at once: a whole site, the old one or the new one.
    assert published(target) in (whole(old), whole(new))

    # The next build cleans up: version control back in place, no leftovers beside the site.
    third = site("third", ["index.html"])
    in_process(target, third)
    assert published(target) == whole(third)
    if with_git:
        assert (target / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["site"]


@pytest.mark.parametrize("point", ["between-renames", "during-build", "none"])
def test_where_the_exchange_is_missing_the_next_build_puts_the_old_site_back(tmp_path, builds, point):
    # Two renames, so for an instant there is no site at the path; killed right there, the
    # old site waits beside it, and the next build, whether it fails or not, starts by putting
    # it back, and the version control folder with it.
    target = tmp_path / "site"
    old, new = site("old", ["index.html", "about/index.html"]), site("new", ["index.html"])
    first_build(target, old, with_git=True)
    builds(target, new, point, exchange="missing")
    staged = StagedOutput(target)
    staged.discard()  # the next build failed
    assert published(target) in (whole(old), whole(new))
    assert (target / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# -- the same through the real command -------------------------------------------------------------
COMMAND = r"""
import os, sys
from coalition_site import commands
from coalition_site.project import output_dir

real = output_dir._exchange
def exchange(a, b):
    if sys.argv[2] == "before-exchange":
        os.kill(os.getpid(), 9)
    real(a, b)
    os.kill(os.getpid(), 9)
output_dir._exchange = exchange
commands.build(sys.argv[1])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the exchange in one step is Linux's")
@pytest.mark.parametrize("point, expected", [("before-exchange", "old"), ("after-exchange", "new")])
def test_coalition_site_build_killed_at_the_swap_leaves_a_whole_site(tmp_path, monkeypatch, point, expected):
    from coalition_site import commands

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # the killed build's date too
    monkeypatch.delenv("COALITION_AUDIENCE", raising=False)
    sample = Sample.copy(tmp_path / "project")
    site = commands.build(sample.root)
    built = {"old": published(site)}
    sample.write("onboarding.md", sample.read("onboarding.md") + "\nA sentence of the new build.\n")
    built["new"] = published(commands.build(sample.root, site_dir=tmp_path / "new"))
    assert built["old"] != built["new"] and built["old"][MARKER] == MARKER_TEXT.encode()

    killed = subprocess.run([sys.executable, "-c", COMMAND, str(sample.root), point],
                            capture_output=True, text=True, env=env(), timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert published(site) == built[expected]
    assert commands.build(sample.root) == site  # and the next build cleans up
    assert published(site) == built["new"]
    assert not [p.name for p in sample.root.iterdir() if p.name.startswith(".site.")]
