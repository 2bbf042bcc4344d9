"""The names ``import coalition_site`` offers, and the promise that the core needs no MkDocs."""

from __future__ import annotations

import subprocess
import sys

import coalition_site

PUBLIC = [
    "BuildOptions", "Charter", "CharterError", "CheckResult", "CoalitionSiteError", "LoadResult",
    "Problem", "ProjectError", "RenderError", "SiteBuild", "check_charter", "for_audience",
    "format_problems", "load_charter", "MarkupReader", "__version__",
]


def test_the_public_names_are_pinned():
    # Changing this list is a change of the library's API: do it on purpose, with a changelog entry.
    assert sorted(coalition_site.__all__) == sorted(PUBLIC)


def test_every_public_name_exists_and_is_documented():
    for name in PUBLIC:
        obj = getattr(coalition_site, name)
        if name == "__version__":
            assert obj.count(".") >= 2
            continue
        doc = obj.__doc__ or ""
        assert doc.strip() and not doc.startswith(f"{name}("), f"{name} has no docstring of its own"


def test_the_errors_share_one_base_class():
    for name in ("CharterError", "ProjectError", "RenderError"):
        assert issubclass(getattr(coalition_site, name), coalition_site.CoalitionSiteError)


def test_no_module_raises_the_base_error_itself():
    # Each error is one of the subclasses, which say what kind of failure it is.
    import ast
    from pathlib import Path

    package = Path(coalition_site.__file__).parent
    raised = [f"{path.relative_to(package)}:{node.lineno}" for path in package.rglob("*.py")
              for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
              and getattr(node.exc.func, "id", None) == "CoalitionSiteError"]
    assert raised == []


def test_the_core_and_the_cli_import_no_mkdocs():
    # MkDocs is imported only when a site is built or served: checking a charter never needs it.
    code = ("import sys, coalition_site, coalition_site.check, coalition_site.sitebuild, "
            "coalition_site.model.schema, coalition_site.project.scaffold, coalition_site.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_checking_imports_no_renderer():
    # Rendering (Jinja, Graphviz, pygal) is imported when a build needs it: `coalition-site
    # check` starts faster without it. The plugin imports it as MkDocs loads the plugin.
    code = ("import sys, coalition_site, coalition_site.check, coalition_site.cli; "
            "print(sorted(m for m in ('pygal', 'graphviz', 'coalition_site.sitebuild') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"
    code = "import sys, coalition_site.plugin; print('pygal' in sys.modules, 'graphviz' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "True True\n"


def test_the_public_site_build_still_builds_every_feature(sample):
    # SiteBuild of coalition_site.sitebuild composes the features it is passed; the public name
    # keeps building them all, as code written against the library expects.
    from coalition_site import SiteBuild, for_audience, load_charter

    charter = for_audience(load_charter(sample.content).charter, "internal")
    pages = SiteBuild(charter).plan.pages
    assert {"logic/index.md", "vitality/index.md"} <= set(pages)
