"""A large build on every core is the build in one process, byte for byte.

Past a few hundred pages the plugin forks workers (parallel.py): the glossary's terms
are linked in them while the pages render, and a public build's files are scanned in them for
internal values. Here the demo coalition is built as such a site would be (the threshold lowered,
small batches, two workers) and in one process, both audiences, with a hook that changes pages
after the plugin rendered them (what is linked must be the page as the hook left it) and, for the
public build, plants an internal value (the scan in the workers must find it as the scan here).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import EPOCH, copy_demo

BUILD = textwrap.dedent("""
    import sys
    from coalition_site import commands
    from coalition_site.errors import CoalitionSiteError
    from coalition_site.plugin import plugin
    from coalition_site import parallel
    root, audience, site, on_every_core = sys.argv[1:]
    if on_every_core == "yes":
        parallel.cores = lambda: 2  # whatever the machine running the tests has
        plugin.MIN_ITEMS, plugin.BEGIN_BATCH = 1, 3
        started = []
        start = parallel.Workers.start
        def spy(self):
            start(self)
            started.append(self.started)
        parallel.Workers.start = spy
    else:
        parallel.can_fork = lambda: False
    try:
        commands.build(root, audience=audience, site_dir=site)
    except CoalitionSiteError as exc:
        print(f"failed: {exc}")
    if on_every_core == "yes":
        assert started == [True], started
""")

HOOK = textwrap.dedent("""
    from mkdocs.plugins import event_priority

    @event_priority(-50)  # after the coalition plugin's partial
    def on_page_content(html, page, config, files):
        if page.file.src_uri == "faq.md":
            return html + "<p>A note added late about our joint demand and its stewards.</p>"
        if page.file.src_uri == "charter/conflict-protocol.md" and config.extra.get("plant"):
            return html + "<p>" + config.extra["plant"] + "</p>"
        return html
""")


def build(project: Path, audience: str, every_core: bool) -> tuple[dict[str, bytes], str]:
    site = project.parent / f"site-{audience}-{'workers' if every_core else 'here'}"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("COALITION_AUDIENCE", None)
    done = subprocess.run([sys.executable, "-c", BUILD, str(project), audience, str(site),
                           "yes" if every_core else "no"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = {p.relative_to(site).as_posix(): p.read_bytes()
             for p in sorted(site.rglob("*")) if p.is_file()} if site.exists() else {}
    return files, done.stdout + done.stderr  # the log's ERROR says what the failure was


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_demo(tmp_path_factory.mktemp("parallel") / "project")
    (project / "late_hook.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks: [late_hook.py]\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_the_site_built_on_every_core_is_the_site_built_here(project, audience):
    on_every_core, _ = build(project, audience, True)
    here, _ = build(project, audience, False)
    assert len(on_every_core) > 50
    assert on_every_core == here
    faq = on_every_core["faq/index.html"].decode()
    assert "A note added late about our" in faq  # the hook's page, as the hook left it


def test_a_value_planted_after_the_plugin_is_found_by_the_scan_on_every_core(project, tmp_path):
    from coalition_site.audience.leaks import internal_values
    from coalition_site.load.charter import load_charter

    charter = load_charter(project / "content", project).charter
    secret = next(v.text for v in internal_values(charter) if len(v.text) > 20 and "\n" not in v.text)
    planted = tmp_path / "project"
    copy_demo(planted)
    (planted / "late_hook.py").write_text(HOOK, encoding="utf-8")
    config = planted / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + f"\nhooks: [late_hook.py]\nextra:\n  plant: {secret!r}\n", encoding="utf-8")
    files, failure = build(planted, "public", True)
    assert files == {}
    assert "failed: the build failed" in failure
    assert "coalition: the public build holds 2 internal values; nothing was published." in failure
    source = re.search(r"  charter/conflict-protocol/index.html: holds (\S+) \(text\)\n", failure).group(1)
    assert f"  search/search_index.json: holds {source} (text)\n" in failure
    assert secret not in failure


def test_a_first_check_of_a_large_charter_on_every_core_says_what_a_check_here_says(tmp_path):
    # 200 files or more without a cached reading are read by workers (load_charter's
    # map_files): what `coalition-site check` prints, errors and all, is what it prints when
    # every reading comes from the cache, and what a check in one process finds.
    from coalition_site.load.charter import load_charter
    from support import benchmark_script

    root = tmp_path / "project"
    benchmark_script("generate").generate(root, partners=220, years=1, conditions=5, prune=False)
    partners = sorted((root / "content" / "partners").glob("*.md"))
    for index, path in enumerate(partners[:40]):
        broken = ["status: asleep", "!!! internl", "<div class=\"internal\">\nx\n</div>", "issue: ["][index % 4]
        path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", f"\n---\n{broken}\n", 1)
                        if index % 4 > 0 else path.read_text(encoding="utf-8").replace("\nissue: ", f"\n{broken}\nissue: ", 1),
                        encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("COALITION_AUDIENCE", None)
    checks = [subprocess.run([str(Path(sys.executable).with_name("coalition-site")), "check", str(root)],
                             env=env, capture_output=True, text=True, timeout=300) for _ in range(2)]
    assert checks[0].returncode == checks[1].returncode == 1
    assert checks[0].stdout == checks[1].stdout and checks[0].stderr == checks[1].stderr
    here = load_charter(root / "content", root).problems
    assert len(here) >= 20
    for problem in here:
        assert str(problem).split(": ", 1)[1] in checks[0].stdout + checks[0].stderr
