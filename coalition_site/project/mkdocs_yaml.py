"""Read ``mkdocs.yml`` as data, never as code.

MkDocs reads ``mkdocs.yml`` with PyYAML's full loader: ``!!python/object/apply:os.system [...]``
in it runs while the file is read, before any plugin (ours included) has a say, and mkdocs.yml
comes by pull request like the charter. This reader is PyYAML's ``SafeLoader`` taught what MkDocs
itself adds (``!ENV``, ``!relative``, ``INHERIT:``) and the few Python functions that Material's
and PyMdown Extensions' documentation tell sites to name. Every other tag is refused at its line
while the file is parsed, before a single value is made. coalition-site's commands read
mkdocs.yml this way first, so that MkDocs' own read only ever sees a file that has passed.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mergedeep  # MkDocs' own merge of an INHERIT parent and its child (a dependency of MkDocs)
import yaml
import yaml_env_tag  # MkDocs' own !ENV (the pyyaml-env-tag package, a dependency of MkDocs)

from ..errors import ProjectError
from ..load.yaml_source import syntax_error

# What Material's documentation (icons and emojis, diagrams, content tabs) and PyMdown
# Extensions' (emoji, superfences, arithmatex, slugs) tell a site to write; nothing else.
# A `!!python/name:` hands MkDocs a function that an extension later calls (a fence's `format:`
# is called with the fence's text), so the list names functions, not modules.
FUNCTIONS = (
    "material.extensions.emoji.twemoji",
    "material.extensions.emoji.to_svg",
    "pymdownx.emoji.emojione",
    "pymdownx.emoji.gemoji",
    "pymdownx.emoji.twemoji",
    "pymdownx.emoji.to_svg",
    "pymdownx.emoji.to_png",
    "pymdownx.emoji.to_svg_sprite",
    "pymdownx.emoji.to_png_sprite",
    "pymdownx.emoji.to_alt",
    "pymdownx.superfences.fence_code_format",
    "pymdownx.superfences.fence_div_format",
    "pymdownx.arithmatex.arithmatex_inline_format",
    "pymdownx.arithmatex.arithmatex_fenced_format",
)
# `!!python/object/apply:` calls a function while the file is read: allowed for these factories
# only, with keyword arguments only (`{kwds: {case: lower}}`), each a plain value.
FACTORIES = {
    "pymdownx.slugs.slugify": ("case", "percent_encode", "normalize"),
    "pymdownx.arithmatex.arithmatex_inline_format": ("mode", "tag", "preview"),
    "pymdownx.arithmatex.arithmatex_fenced_format": ("mode", "tag", "preview"),
}
_YAML = "tag:yaml.org,2002:"
NAME_TAG = _YAML + "python/name:"
APPLY_TAG = _YAML + "python/object/apply:"
# The tags that make a Python object, each a way of running code (importing a module runs it).
_RUNS_CODE = tuple(_YAML + "python/" + kind for kind in ("object", "module"))
_LISTED = ("docs/publishing.md lists the few functions of Material and PyMdown Extensions that "
           "mkdocs.yml may name")


@dataclass(frozen=True)
class Location:
    """Where a key stands: the file (relative to the project) and its 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class RelativePath:
    """MkDocs' ``!relative`` path, which MkDocs itself resolves later, page by page: ``base`` is
    ``page`` (the folder of the page being built), ``config_dir`` or ``docs_dir``."""

    base: str
    suffix: str = ""


@dataclass
class MkDocsYaml:
    """``mkdocs.yml`` as MkDocs will read it (its ``INHERIT`` parent merged in), and where each
    key of it stands."""

    data: dict
    file: str
    """The file's name, relative to the project (``mkdocs.yml``)."""
    keys: dict[tuple, Location] = field(default_factory=dict)
    """Each key (and list item) by its path, ``("plugins", 1, "coalition")``; a key written in
    both files stands where the child writes it."""

    def where(self, *path) -> Location | None:
        return self.keys.get(tuple(path))


class _Refused(yaml.MarkedYAMLError):
    """A value of the file that is refused: ``problem`` says what and why, ``fix`` what to write."""

    def __init__(self, problem: str, mark, fix: str):
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


class _Loader(yaml.SafeLoader):
    """PyYAML's pure-Python parser (MkDocs' own) that makes plain data and MkDocs' tags only."""

    file = "mkdocs.yml"

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML's hook
        # Every node's tag is seen here, keys and nested values included, before any value
        # is made: a refused tag stops the read before its constructor could run.
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in self.yaml_constructors:
            raise _refused_tag(tag, event.start_mark, self.file)
        return super().compose_node(parent, index)


def _refused_tag(tag: str, mark, file: str) -> _Refused:
    shown = "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
    if tag.startswith(NAME_TAG):
        return _Refused(f"the tag '{shown}' hands MkDocs the Python function "
                        f"'{tag[len(NAME_TAG):]}', which an extension then calls (a fence's "
                        "'format:' is called with the fence's text)", mark, f"remove it ({_LISTED})")
    if tag.startswith(_RUNS_CODE):
        return _Refused(f"the tag '{shown}' runs Python code while {file} is read", mark,
                        f"remove it ({_LISTED})")
    return _Refused(f"the tag '{shown}' is not one {file} may hold (MkDocs' own !ENV and "
                    "!relative are)", mark, "remove it")


def _construct_env(loader: _Loader, node: yaml.Node) -> Any:
    if not isinstance(node, (yaml.ScalarNode, yaml.SequenceNode)):
        raise _Refused("'!ENV' takes the name of an environment variable, or a list of names with "
                       "a default last", node.start_mark, "write it like '!ENV [SITE_URL, "
                       "https://example.org]'")
    return yaml_env_tag.construct_env_tag(loader, node)


def _construct_relative(loader: _Loader, node: yaml.Node) -> RelativePath:
    # As mkdocs.utils.yaml reads it: nothing (the page's folder), or $config_dir or $docs_dir
    # and a path under it.
    if not isinstance(node, yaml.ScalarNode):
        raise _Refused("'!relative' takes no list or mapping", node.start_mark,
                       "write '!relative', '!relative $config_dir' or '!relative $docs_dir'")
    value = loader.construct_scalar(node) or ""
    prefix, _, suffix = value.partition("/")
    if prefix in ("$config_dir", "$docs_dir"):
        return RelativePath(prefix[1:], suffix)
    if prefix.startswith("$"):
        raise _Refused(f"'!relative {value}' names a folder MkDocs does not know", node.start_mark,
                       "write '!relative $config_dir' or '!relative $docs_dir', followed by a "
                       "path if need be ('$config_dir/snippets')")
    if value:
        raise _Refused(f"'!relative' alone means the folder of the page being built and takes "
                       f"no path ('{value}')", node.start_mark,
                       f"write '!relative $config_dir/{value}' or '!relative $docs_dir/{value}'")
    return RelativePath("page")


def _construct_function(loader: _Loader, node: yaml.Node):
    name = node.tag[len(NAME_TAG):]
    if not isinstance(node, yaml.ScalarNode) or node.value:
        raise _Refused(f"'!!python/name:{name}' takes no value", node.start_mark,
                       f"write only the tag: 'emoji_index: !!python/name:{FUNCTIONS[0]}'")
    return _function(name, node.start_mark)


def _construct_factory(loader: _Loader, node: yaml.Node):
    name = node.tag[len(APPLY_TAG):]
    allowed = FACTORIES[name]
    shape = (f"'!!python/object/apply:{name}' takes only 'kwds', with "
             f"{', '.join(allowed[:-1])} or {allowed[-1]}")
    fix = f"write it like '!!python/object/apply:{name} {{kwds: {{{allowed[0]}: ...}}}}'"
    if not isinstance(node, yaml.MappingNode):
        raise _Refused(shape, node.start_mark, fix)
    value = loader.construct_mapping(node, deep=True)
    kwds = value.get("kwds", {})
    if set(value) - {"kwds"} or not isinstance(kwds, dict) or set(kwds) - set(allowed) or any(
            isinstance(v, (dict, list)) for v in kwds.values()):
        raise _Refused(shape, node.start_mark, fix)
    return _function(name, node.start_mark)(**kwds)  # what PyYAML's apply does for MkDocs


def _function(dotted: str, mark):
    """The function ``dotted`` names, imported as PyYAML imports it for MkDocs."""
    module_name, _, name = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError):
        raise _Refused(f"'{dotted}' cannot be imported", mark,
                       "install mkdocs-material (which brings pymdown-extensions), or remove the "
                       "tag") from None


_Loader.add_constructor("!ENV", _construct_env)
_Loader.add_constructor("!relative", _construct_relative)
for _name in FUNCTIONS:
    _Loader.add_constructor(NAME_TAG + _name, _construct_function)
for _name in FACTORIES:
    _Loader.add_constructor(APPLY_TAG + _name, _construct_factory)


def read_mkdocs_yaml(path: Path | str, root: Path | str | None = None) -> MkDocsYaml:
    """Read ``mkdocs.yml`` (and the file it inherits from) as MkDocs reads it, without running
    anything; raise :class:`~coalition_site.errors.ProjectError`, located, for what cannot be read.

    ``root`` is the folder file names are given from (by default, the folder of ``path``).
    """
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    return _read(path, root, ())


def _read(path: Path, root: Path, children: tuple[Path, ...]) -> MkDocsYaml:
    shown = _display(path, root)
    data, keys = _load(path, shown)
    if "INHERIT" not in data:
        return MkDocsYaml(data, shown, keys)
    at = keys[("INHERIT",)]
    name = data.pop("INHERIT")
    if not isinstance(name, str) or not name or "\x00" in name:
        raise ProjectError(f"{at}: 'INHERIT' must name the file this one builds on, like "
                           "'INHERIT: base.yml'")
    # Where MkDocs looks: from the folder of the file that names it.
    parent = Path(os.path.normpath(os.path.join(os.path.dirname(path), name)))
    if parent in (path, *children):
        raise ProjectError(f"{at}: 'INHERIT: {name}' makes a loop ({shown} builds on itself "
                           "through it); remove it from one of the files")
    if not parent.is_file():
        raise ProjectError(f"{at}: 'INHERIT: {name}' names no file (looked for '{parent}'); "
                           "give the path of the file this one builds on, from the folder of "
                           f"{Path(shown).name}")
    base = _read(parent, root, (*children, path))
    # The child's keys win, as in MkDocs, which merges the child into its parent.
    return MkDocsYaml(mergedeep.merge(base.data, data), shown, {**base.keys, **keys})


def _load(path: Path, shown: str) -> tuple[dict, dict[tuple, Location]]:
    try:
        source = path.read_bytes()  # as MkDocs opens it: PyYAML finds the encoding
    except OSError as exc:
        raise ProjectError(f"{shown} cannot be read: {(exc.strerror or str(exc)).lower()}") from None
    loader = None
    try:
        loader = _Loader(source)
        loader.file = Path(shown).name
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _Refused as exc:
        mark = exc.problem_mark
        assert mark is not None  # every _Refused is raised with the mark of what it refuses
        raise ProjectError(f"{shown}:{mark.line + 1}:{mark.column + 1}: {exc.problem}; "
                           f"{exc.fix}") from None
    except yaml.MarkedYAMLError as exc:
        text = source.decode("utf-8", errors="replace")
        error = syntax_error(exc, text, 0)
        raise ProjectError(f"{shown}:{error.line}:{error.column}: {error.message}; "
                           f"{error.fix}") from None
    except RecursionError:
        raise ProjectError(f"{shown}: the values are nested too deeply to be read; write them "
                           "as a few levels of 'key: value' lines") from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # an undecodable byte, `!!int x` ...
        raise ProjectError(f"{shown} cannot be read: {' '.join(str(exc).split())}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ProjectError(f"{shown} must be a set of 'key: value' lines")
    keys: dict[tuple, Location] = {}
    assert node is not None  # no node, no data: returned just above
    _locate(node, (), shown, keys)
    return data, keys


def _locate(node: yaml.Node, path: tuple, shown: str, keys: dict[tuple, Location]) -> None:
    """Record where each key and list item under ``node`` stands (plain mappings and lists:
    what a tag makes has no keys of the file's own)."""
    stack, seen = [(node, path)], set()
    while stack:  # not recursive: as deep as PyYAML could compose it
        node, path = stack.pop()
        if id(node) in seen:
            continue  # an alias: located where its anchor stands (and never walked twice)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and node.tag == _YAML + "map":
            pairs = [(key.value, key, value) for key, value in node.value
                     if isinstance(key, yaml.ScalarNode)]
        elif isinstance(node, yaml.SequenceNode) and node.tag == _YAML + "seq":
            pairs = [(index, item, item) for index, item in enumerate(node.value)]
        else:
            continue
        for name, key, value in pairs:
            mark = key.start_mark
            keys[(*path, name)] = Location(shown, mark.line + 1, mark.column + 1)
            stack.append((value, (*path, name)))


def _display(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive (Windows)
        return str(path)
