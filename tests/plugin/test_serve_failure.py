"""Under serve, a rebuild that fails for a reason other than the charter's errors (a leak found,
a template's error) shows it in the browser too, instead of leaving every request waiting."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.exceptions import Abort, PluginError

from coalition_site.plugin import CoalitionPlugin


def _serve(tmp_path, failure):
    (tmp_path / "partners").mkdir()
    (tmp_path / "partners" / "old.html").write_text("an earlier build's page")

    def rebuild():
        raise failure

    server = SimpleNamespace(builder=rebuild, root=str(tmp_path))
    plugin = CoalitionPlugin()
    plugin.audience = "internal"
    returned = plugin.on_serve(server, config=SimpleNamespace(site_name="Riverside"), builder=rebuild)
    assert returned is server
    server.builder()  # does not raise: MkDocs' server would then keep requests waiting
    return sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))


def test_a_failed_rebuild_leaves_only_the_page_that_says_why(tmp_path):
    assert _serve(tmp_path, PluginError("coalition: the public build holds 1 internal value")) == [
        "404.html", "index.html"]
    page = (tmp_path / "index.html").read_text()
    assert "<h1>The internal site could not be built</h1>" in page
    assert "<pre>coalition: the public build holds 1 internal value</pre>" in page
    assert (tmp_path / "404.html").read_text() == page


def test_strict_mode_aborting_is_shown_too(tmp_path):
    _serve(tmp_path, Abort("Aborted with 1 warnings in strict mode!"))
    assert "<pre>Aborted with 1 warnings in strict mode!</pre>" in (tmp_path / "index.html").read_text()


def test_what_the_failure_says_is_escaped(tmp_path):
    _serve(tmp_path, PluginError("<script>alert(1)</script>"))
    page = (tmp_path / "index.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
