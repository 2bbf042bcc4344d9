"""Each file's reading kept by content (load/file_cache.py): a check through the cache says
exactly what a check without it says, whatever was edited since, and the cache never trusts
what it did not write."""

from __future__ import annotations

import io
import os
import pickle
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_site.load.charter import load_charter, read_file
from coalition_site.load.file_cache import ReadingCache
from coalition_site.load.files import SourceFile
from coalition_site.markup import MarkupReader
from support import Sample, invoke

REVIEW = "reviews/2026-11-11.md"

# Edits a steward makes to a review: its prose, an internal block (well or badly written), its
# fields (valid, invalid, or YAML that does not parse).
_LINES = st.sampled_from([
    "The joint demand held.", "!!! internal", "    A note for the partners.", "!!! internl",
    "!!!internal", "", "policy_progress: advancing", "policy_progress: [", "facilitator: 7",
    "<div class=\"internal\">x</div>", "```", "alignment: {tenants-union: aligned}",
])


def _outcome(result):
    return (result.problems, {uri: (r.html, r.problems, r.internal_blocks, r.internal_lines)
                              for uri, r in result.readings.items()},
            result.charter)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=st.lists(_LINES, max_size=3), body=st.lists(_LINES, max_size=5))
def test_a_check_through_the_cache_says_what_a_check_without_it_says(tmp_path_factory, front, body):
    sample = Sample.copy(tmp_path_factory.mktemp("cache") / "project")
    cache = ReadingCache(tmp_path_factory.mktemp("user"), "content")
    assert _outcome(load_charter(sample.content, sample.root, cache=cache)) == \
        _outcome(load_charter(sample.content, sample.root))
    cache.save()
    head, rest = sample.read(REVIEW).split("\n---\n", 1)
    sample.write(REVIEW, "\n".join([head, *front, "---", *body, rest]))
    for _ in range(2):  # the edited file read anew, then from the cache; the others from it
        cache = ReadingCache(cache.file.parent, "content")
        cached = load_charter(sample.content, sample.root, cache=cache)
        assert cache.hits >= len(list(sample.content.rglob("*.md"))) - 1
        assert _outcome(cached) == _outcome(load_charter(sample.content, sample.root))
        cache.save()


class _Planted:
    def __reduce__(self):
        return (os.system, ("touch planted",))


def test_an_entry_that_names_anything_else_than_a_reading_is_not_unpickled(tmp_path):
    cache = ReadingCache()
    file = SourceFile("coalition.yml", tmp_path / "coalition.yml", "content/coalition.yml")
    key = cache.key("coalition.yml", "content/coalition.yml", "name: x\n", cache.reader_key(MarkupReader()))
    cache._used[key] = pickle.dumps(_Planted())
    assert cache.get(key) is None  # read anew, nothing run
    assert not (tmp_path / "planted").exists() and not os.path.exists("planted")
    reading = read_file(file, "name: x\n", MarkupReader())
    cache.put(key, reading)
    assert cache.get(key) == reading


def test_check_keeps_the_readings_in_the_users_private_folder_never_the_projects(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    sample = Sample.copy(tmp_path / "project")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins: [search, coalition]",
                                                 "plugins: [search, {coalition: {cache_dir: .cache}}]"))
    sample.edit(REVIEW, "policy_progress: stalled", "policy_progress: stuck")
    first = invoke("check", sample.root)
    second = invoke("check", sample.root)  # from the cache
    assert first.exit_code == second.exit_code == 1
    assert first.output == second.output
    assert "content/reviews/2026-11-11.md:5:18: error: " in second.output
    kept = list((tmp_path / "user-cache" / "coalition-site").glob("readings-*.pickle"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0
    assert not (sample.root / ".cache").exists()


def test_a_damaged_cache_file_is_read_as_none(tmp_path):
    cache = ReadingCache(tmp_path, "content")
    cache.file.write_bytes(b"not a pickle")
    assert cache.get(cache.key("x")) is None
    assert pickle.load(io.BytesIO(pickle.dumps(1))) == 1  # (the module still works)


def test_a_reading_by_other_extensions_or_another_version_of_them_is_another_entry(monkeypatch):
    cache = ReadingCache()
    usual, fewer = MarkupReader(), MarkupReader(["toc", "admonition"])
    assert cache.reader_key(usual) != cache.reader_key(fewer)
    installed = cache.reader_key(usual)
    assert "pymdownx " in installed  # where pymdownx is installed, and when
    import coalition_site.load.file_cache as file_cache

    upgraded = ReadingCache()
    monkeypatch.setattr(file_cache.os, "stat", lambda path: os.stat_result((0,) * 7 + (1, 2, 3)))
    assert upgraded.reader_key(usual) != installed


def _elsewhere(function, items):
    """``map_files`` as another process runs it: the function and each item pickled there, the
    results pickled back."""
    function = pickle.loads(pickle.dumps(function))
    return [pickle.loads(pickle.dumps(function(pickle.loads(pickle.dumps(item))))) for item in items]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=st.lists(_LINES, max_size=3), body=st.lists(_LINES, max_size=5), cached=st.booleans())
def test_files_read_all_at_once_elsewhere_say_what_files_read_here_say(tmp_path_factory, front, body, cached):
    sample = Sample.copy(tmp_path_factory.mktemp("ahead") / "project")
    head, rest = sample.read(REVIEW).split("\n---\n", 1)
    sample.write(REVIEW, "\n".join([head, *front, "---", *body, rest]))
    cache = ReadingCache(tmp_path_factory.mktemp("user"), "content") if cached else None
    if cache is not None:  # some of the readings from the cache, the others read ahead
        load_charter(sample.content, sample.root, cache=cache)
        cache.save()
        sample.write("partners/tenants-union.md", sample.read("partners/tenants-union.md") + "\nMore.\n")
        cache = ReadingCache(cache.file.parent, "content")
    ahead = load_charter(sample.content, sample.root, cache=cache, map_files=_elsewhere)
    assert _outcome(ahead) == _outcome(load_charter(sample.content, sample.root))
    if cache is not None:
        cache.save()
        again = ReadingCache(cache.file.parent, "content")
        assert _outcome(load_charter(sample.content, sample.root, cache=again)) == _outcome(ahead)
        assert again.hits >= len(list(sample.content.rglob("*.md")))  # every file from the cache


def test_a_reader_of_extension_objects_reads_here(tmp_path):
    from markdown.extensions.toc import TocExtension

    sample = Sample.copy(tmp_path / "project")
    sent = []
    result = load_charter(sample.content, sample.root, reader=MarkupReader([TocExtension()]),
                          map_files=lambda function, items: sent.append(items) or [])
    assert sent == [] and result.charter is not None


def test_the_readings_of_a_folder_no_check_read_for_a_month_are_removed(tmp_path):
    sample = Sample.copy(tmp_path / "project")
    user = tmp_path / "user"
    user.mkdir()
    month_ago, week_ago = time.time() - 31 * 24 * 3600, time.time() - 7 * 24 * 3600
    for name, when in (("readings-gone.pickle", month_ago), ("readings-recent.pickle", week_ago),
                       ("diagrams-not-ours.svg", month_ago)):
        (user / name).write_bytes(b"x")
        os.utime(user / name, (when, when))
    cache = ReadingCache(user, "content")
    load_charter(sample.content, sample.root, cache=cache)
    cache.save()
    assert sorted(p.name for p in user.iterdir()) == sorted(
        [cache.file.name, "readings-recent.pickle", "diagrams-not-ours.svg"])
    # Checked again, unchanged: not written, but marked as read (a month later it is still kept).
    os.utime(cache.file, (month_ago, month_ago))
    again = ReadingCache(user, "content")
    load_charter(sample.content, sample.root, cache=again)
    again.save()
    assert again.hits > 0 and cache.file.stat().st_mtime > week_ago
