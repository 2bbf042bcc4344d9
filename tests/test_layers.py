"""Every import points down the layers: a module never imports from a layer above its own.

The layers, from the bottom (a layer may import any layer below it, and itself):

errors, problems   the exception tree and the located problem: everything reports with them;
parallel           a pure step on every core of the machine, when that is safe
model              the format: pydantic models, the charter's layout, the JSON Schema
markup             the one reader of partners' Markdown and HTML (reads no model)
load               untrusted files -> Charter, located problems
rules              the pattern rules, and the registry of every problem id
analysis           pure computations over a charter
render             HTML and SVG from the model and the analyses
audience           what the public may see, and the proof: reads the plan of the public site
                   and the words the partials print, so it sits above render
sitebuild          one build of a site, the features it is passed
check              the core verb: load, validate, run the rules (its result filters the
                   charter for the public once: above audience)
project            the project folder and its mkdocs.yml, shared by both fronts
plugin             the MkDocs adapter
cli, commands      the command line (the package's ``__init__``, the public API, sits here too)

Imports inside functions count as much as those at the top of a module; so do those only a
type checker reads (``if TYPE_CHECKING:``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import coalition_site

PACKAGE = Path(coalition_site.__file__).resolve().parent
LAYERS = [
    {"errors", "problems", "parallel"},
    {"model"},
    {"markup"},
    {"load"},
    {"rules"},
    {"analysis"},
    {"render"},
    {"audience"},
    {"sitebuild"},
    {"check"},
    {"project"},
    {"plugin"},
    {"cli", "commands", "__init__"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}
# Not modules: what the package ships beside its code.
DATA = {"templates", "assets"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if "scaffold" in parts and "project" in parts[parts.index("scaffold") + 1:]:
            continue  # the starter project's files (none are Python today)
        found[".".join(parts)] = path
    return found


def _room(module: str) -> str:
    """The top-level name a module belongs to: ``load`` for ``load.charter``."""
    return module.split(".")[0]


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported module relative to the package) for every import of the package's own."""
    package = module.split(".")[:-1]  # `load.charter` is in `load`, and so is `load.__init__`
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [".".join(target)] if node.module else [".".join([*target, a.name]) for a in node.names]
                found += [(node.lineno, name) for name in names]
            elif node.module and node.module.split(".")[0] == "coalition_site":
                found.append((node.lineno, node.module.removeprefix("coalition_site").lstrip(".")))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.removeprefix("coalition_site").lstrip("."))
                      for a in node.names if a.name.split(".")[0] == "coalition_site"]
    return found


def test_every_top_level_module_and_package_has_a_layer():
    rooms = {_room(module) for module in _modules()} | {p.name for p in PACKAGE.iterdir() if p.is_dir()
                                                         and not p.name.startswith("__")}
    assert rooms - DATA == set(LEVEL)


def test_no_module_imports_from_a_layer_above_its_own():
    upward = []
    for module, path in _modules().items():
        own = LEVEL[_room(module)]
        for line, imported in _imports(module, path):
            room = _room(imported) if imported else "__init__"
            if LEVEL[room] > own:
                upward.append(f"{path.relative_to(PACKAGE)}:{line}: {_room(module)} imports {imported}")
    assert upward == []


def test_only_the_plugin_imports_mkdocs_as_it_loads():
    # The core is a library without MkDocs; the command line imports it inside the functions
    # that build, and the plugin is the one adapter to it.
    loaded = []
    for module, path in _modules().items():
        if _room(module) == "plugin":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            loaded += [f"{module}: {name}" for name in names if name.split(".")[0] in ("mkdocs", "material")]
    assert loaded == []


def test_the_root_holds_the_verbs_and_the_vocabulary_only():
    # And the one tool every layer may use, which knows nothing of charters: running a pure
    # step on every core (a check's files, a large build's pages).
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == [
        "__init__.py", "check.py", "cli.py", "commands.py", "errors.py", "parallel.py", "problems.py"]


def test_test_modules_have_names_of_their_own():
    # Most test folders are not packages: pytest imports each test module by its file name, so
    # two of one name (tests/plugin/test_config.py, tests/project/test_config.py) cannot both run.
    tests = Path(__file__).resolve().parent
    names = [path.name for path in tests.rglob("test_*.py") if "fixtures" not in path.parts]
    assert sorted({name for name in names if names.count(name) > 1}) == []
