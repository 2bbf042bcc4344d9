"""Reading mkdocs.yml as data: MkDocs' own tags and INHERIT understood, code never run.

Each refusal is checked with its exact message and with a canary: a file that the refused tag
would have created had it run.
"""

from __future__ import annotations

import functools

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from coalition_site.errors import ProjectError
from coalition_site.project.mkdocs_yaml import (FACTORIES, FUNCTIONS, Location, RelativePath,
                                                read_mkdocs_yaml)

LISTED = ("docs/publishing.md lists the few functions of Material and PyMdown Extensions that "
          "mkdocs.yml may name")


def read(tmp_path, text: str, name: str = "mkdocs.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_mkdocs_yaml(path, tmp_path)


def refusal(tmp_path, text: str, name: str = "mkdocs.yml") -> str:
    with pytest.raises(ProjectError) as caught:
        read(tmp_path, text, name)
    return str(caught.value)


def runs_code(where: str, tag: str, file: str = "mkdocs.yml") -> str:
    return f"{where}: the tag '{tag}' runs Python code while {file} is read; remove it ({LISTED})"


# -- plain data, and where each key stands --------------------------------------------------------
def test_the_data_and_where_each_key_and_list_item_stands(tmp_path):
    config = read(tmp_path, "site_name: X\nplugins:\n  - search\n  - coalition:\n      audience: internal\n")
    assert config.data == {"site_name": "X", "plugins": ["search", {"coalition": {"audience": "internal"}}]}
    assert config.file == "mkdocs.yml"
    assert config.where("plugins") == Location("mkdocs.yml", 2, 1)
    assert config.where("plugins", 1) == Location("mkdocs.yml", 4, 5)
    assert config.where("plugins", 1, "coalition", "audience") == Location("mkdocs.yml", 5, 7)
    assert config.where("nav") is None


def test_an_empty_file_is_an_empty_config(tmp_path):
    assert read(tmp_path, "# nothing yet\n").data == {}


def test_an_alias_that_holds_itself_is_read_not_walked_forever(tmp_path):
    config = read(tmp_path, "extra: &loop [1, *loop]\n")
    assert config.data["extra"][1] is config.data["extra"]


def test_values_nested_too_deeply_are_an_error_not_a_crash(tmp_path):
    assert refusal(tmp_path, "extra: " + "[" * 5000 + "]" * 5000 + "\n") == (
        "mkdocs.yml: the values are nested too deeply to be read; write them as a few levels of "
        "'key: value' lines")


# -- tags that would run code are refused, where they stand, before anything is made -------------
@pytest.mark.parametrize("text, where, tag", [
    ('extra:\n  x: !!python/object/apply:os.system ["touch {canary}"]\n', "2:6",
     "!!python/object/apply:os.system"),
    ('extra: [1, {x: !!python/object/new:os.system ["touch {canary}"]}]\n', "1:16",
     "!!python/object/new:os.system"),
    ("extra: !!python/object:os.PathLike {}\n", "1:8", "!!python/object:os.PathLike"),
    ("extra: !!python/module:os\n", "1:8", "!!python/module:os"),
    # as a key, in a list of lists, and through the ways YAML has of spelling a tag
    ('? !!python/object/apply:os.system ["touch {canary}"]\n: 1\n', "1:3",
     "!!python/object/apply:os.system"),
    ('extra: [[[!!python/object/apply:os.system ["touch {canary}"]]]]\n', "1:11",
     "!!python/object/apply:os.system"),
    ('extra: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {canary}"]\n', "1:8",
     "!!python/object/apply:os.system"),
    ('%TAG !py! tag:yaml.org,2002:python/object/apply:\n---\nextra: !py!os.system ["touch {canary}"]\n',
     "3:8", "!!python/object/apply:os.system"),
    # the code an allowed function would be handed, one level down
    ('x: !!python/object/apply:pymdownx.slugs.slugify\n  kwds:\n    case: !!python/object/apply:os.system '
     '["touch {canary}"]\n', "3:11", "!!python/object/apply:os.system"),
])
def test_a_tag_that_runs_code_is_refused_at_its_line_and_never_runs(tmp_path, text, where, tag):
    canary = tmp_path / "canary"
    assert refusal(tmp_path, text.replace("{canary}", str(canary))) == runs_code(f"mkdocs.yml:{where}", tag)
    assert not canary.exists()


@pytest.mark.parametrize("name", [
    "os.system",
    "pymdownx.superfences",  # a module, not one of its functions
    "material.extensions.emoji.twemoji.__globals__",
    "subprocess.getoutput",
])
def test_a_function_outside_the_allowlist_is_refused(tmp_path, name):
    text = f"markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: x\n" \
           f"          format: !!python/name:{name}\n"
    assert refusal(tmp_path, text) == (
        f"mkdocs.yml:5:19: the tag '!!python/name:{name}' hands MkDocs the Python function "
        f"'{name}', which an extension then calls (a fence's 'format:' is called with the fence's "
        f"text); remove it ({LISTED})")


@pytest.mark.parametrize("tag", ["!include", "!!binary_file", "!!python/tuple", "!Env",
                                 "!<tag:example.org,2024:x>"])
def test_any_other_tag_is_refused(tmp_path, tag):
    shown = tag[2:-1] if tag.startswith("!<") else tag
    assert refusal(tmp_path, f"site_name: X\nextra: {tag} [a]\n") == (
        f"mkdocs.yml:2:8: the tag '{shown}' is not one mkdocs.yml may hold (MkDocs' own !ENV and "
        "!relative are); remove it")


def test_yamls_own_tags_are_plain_data(tmp_path):
    text = "a: !!str 1\nb: !!int '2'\nc: !!set {x}\nd: ! 3\ne: !!timestamp 2026-01-01\n"
    assert read(tmp_path, text).data == yaml_load(text)


# -- the functions Material's documentation names --------------------------------------------------
@pytest.mark.parametrize("name", FUNCTIONS)
def test_an_allowlisted_function_is_the_function_itself(tmp_path, name):
    module, _, function = name.rpartition(".")
    value = read(tmp_path, f"x: !!python/name:{name}\n").data["x"]
    assert value is getattr(__import__(module, fromlist=[function]), function)


def test_an_allowlisted_function_takes_no_value(tmp_path):
    assert refusal(tmp_path, "x: !!python/name:pymdownx.superfences.fence_code_format [a]\n") == (
        "mkdocs.yml:1:4: '!!python/name:pymdownx.superfences.fence_code_format' takes no value; "
        "write only the tag: 'emoji_index: !!python/name:material.extensions.emoji.twemoji'")


@pytest.mark.parametrize("name, kwds", [
    ("pymdownx.slugs.slugify", "{case: lower}"),
    ("pymdownx.slugs.slugify", "{case: lower, percent_encode: true, normalize: NFD}"),
    ("pymdownx.arithmatex.arithmatex_fenced_format", "{mode: generic, tag: pre}"),
    ("pymdownx.arithmatex.arithmatex_inline_format", "{mode: mathjax, preview: true}"),
])
def test_an_allowlisted_factory_is_called_as_mkdocs_calls_it(tmp_path, name, kwds):
    text = f"x: !!python/object/apply:{name} {{kwds: {kwds}}}\n"
    ours = read(tmp_path, text).data["x"]
    theirs = yaml_load(text)["x"]  # MkDocs' own (full) loader: safe on this text
    assert isinstance(ours, functools.partial)
    assert (ours.func, ours.args, ours.keywords) == (theirs.func, theirs.args, theirs.keywords)


@pytest.mark.parametrize("value", [
    "{kwds: {case: lower}, state: {x: 1}}",
    "{args: [lower]}",
    "{kwds: {case: lower, evil: 1}}",
    "{kwds: {case: [lower]}}",
    "{kwds: [lower]}",
    "[lower]",
    "''",
])
def test_an_allowlisted_factory_takes_keyword_arguments_only(tmp_path, value):
    assert refusal(tmp_path, f"x: !!python/object/apply:pymdownx.slugs.slugify {value}\n") == (
        "mkdocs.yml:1:4: '!!python/object/apply:pymdownx.slugs.slugify' takes only 'kwds', with "
        "case, percent_encode or normalize; write it like '!!python/object/apply:"
        "pymdownx.slugs.slugify {kwds: {case: ...}}'")


def test_the_allowlist_names_only_functions_that_exist():
    for name in (*FUNCTIONS, *FACTORIES):
        module, _, function = name.rpartition(".")
        assert callable(getattr(__import__(module, fromlist=[function]), function)), name


# -- !ENV and !relative, as MkDocs reads them ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "a: !ENV SITE_URL\n",
    "a: !ENV UNSET_VARIABLE\n",
    "a: !ENV [UNSET_VARIABLE, SITE_URL]\n",
    "a: !ENV [UNSET_VARIABLE, 'https://example.org']\n",
    "a: !ENV [UNSET_VARIABLE, 8]\n",
    "a: !ENV [UNSET_VARIABLE, [1, 2]]\n",
    "a: !ENV BOOLEAN\n",
    "a: !ENV [BOOLEAN, false]\n",
    "a: !ENV [NUMBER]\n",
    "a: !ENV []\n",
])
def test_env_is_read_as_mkdocs_reads_it(tmp_path, monkeypatch, text):
    monkeypatch.setenv("SITE_URL", "https://coalition.example.org")
    monkeypatch.setenv("BOOLEAN", "true")
    monkeypatch.setenv("NUMBER", "42")
    monkeypatch.delenv("UNSET_VARIABLE", raising=False)
    assert read(tmp_path, text).data == yaml_load(text)


def test_env_never_turns_a_variable_into_code(tmp_path, monkeypatch):
    canary = tmp_path / "canary"
    monkeypatch.setenv("SITE_URL", f'!!python/object/apply:os.system ["touch {canary}"]')
    assert read(tmp_path, "site_url: !ENV SITE_URL\n").data["site_url"].startswith("!!python")
    assert not canary.exists()


def test_env_takes_no_mapping(tmp_path):
    assert refusal(tmp_path, "site_url: !ENV {name: SITE_URL}\n") == (
        "mkdocs.yml:1:11: '!ENV' takes the name of an environment variable, or a list of names "
        "with a default last; write it like '!ENV [SITE_URL, https://example.org]'")


@pytest.mark.parametrize("value, read_as", [
    ("", RelativePath("page")),
    ("$config_dir", RelativePath("config_dir")),
    ("$config_dir/snippets", RelativePath("config_dir", "snippets")),
    ("$docs_dir/includes/parts", RelativePath("docs_dir", "includes/parts")),
])
def test_relative_is_read_as_mkdocs_reads_it(tmp_path, value, read_as):
    text = f"markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative {value}\n"
    assert read(tmp_path, text).data["markdown_extensions"][0]["pymdownx.snippets"]["base_path"] == read_as


@pytest.mark.parametrize("value, message", [
    ("$site_dir", "'!relative $site_dir' names a folder MkDocs does not know; write '!relative "
                  "$config_dir' or '!relative $docs_dir', followed by a path if need be "
                  "('$config_dir/snippets')"),
    ("snippets", "'!relative' alone means the folder of the page being built and takes no path "
                 "('snippets'); write '!relative $config_dir/snippets' or '!relative $docs_dir/snippets'"),
    ("[$config_dir]", "'!relative' takes no list or mapping; write '!relative', '!relative "
                      "$config_dir' or '!relative $docs_dir'"),
])
def test_relative_refuses_what_mkdocs_refuses(tmp_path, value, message):
    assert refusal(tmp_path, f"base_path: !relative {value}\n") == f"mkdocs.yml:1:12: {message}"


# -- INHERIT -------------------------------------------------------------------------------------------
def test_inherit_merges_the_parent_then_the_child_as_mkdocs_does(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "base.yml").write_text(
        "site_name: Base\ntheme:\n  name: material\n  features: [navigation.top]\nplugins: [search]\n")
    text = ("INHERIT: config/base.yml\nsite_name: Child\ntheme:\n  custom_dir: theme\n"
            "plugins: [search, coalition]\n")
    config = read(tmp_path, text)
    with (tmp_path / "mkdocs.yml").open("rb") as handle:
        assert config.data == yaml_load(handle)
    assert config.data == {"site_name": "Child", "plugins": ["search", "coalition"],
                           "theme": {"name": "material", "features": ["navigation.top"],
                                     "custom_dir": "theme"}}
    assert config.where("site_name") == Location("mkdocs.yml", 2, 1)
    assert config.where("theme", "name") == Location("config/base.yml", 3, 3)


def test_inherit_is_followed_from_the_folder_of_the_file_that_names_it(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "base.yml").write_text("INHERIT: common.yml\nsite_name: Base\n")
    (tmp_path / "config" / "common.yml").write_text("site_url: https://example.org\n")
    assert read(tmp_path, "INHERIT: config/base.yml\n").data == {
        "site_name": "Base", "site_url": "https://example.org"}


def test_a_tag_in_the_parent_is_refused_at_its_line_in_the_parent(tmp_path):
    canary = tmp_path / "canary"
    (tmp_path / "base.yml").write_text(
        f'site_name: X\nextra: !!python/object/apply:os.system ["touch {canary}"]\n')
    assert refusal(tmp_path, "INHERIT: base.yml\n") == runs_code(
        "base.yml:2:8", "!!python/object/apply:os.system", "base.yml")
    assert not canary.exists()


@pytest.mark.parametrize("files, message", [
    ({"mkdocs.yml": "INHERIT: base.yml\n"},
     "mkdocs.yml:1:1: 'INHERIT: base.yml' names no file (looked for '{tmp}/base.yml'); give the path "
     "of the file this one builds on, from the folder of mkdocs.yml"),
    ({"mkdocs.yml": "INHERIT: [base.yml]\n"},
     "mkdocs.yml:1:1: 'INHERIT' must name the file this one builds on, like 'INHERIT: base.yml'"),
    ({"mkdocs.yml": "INHERIT: mkdocs.yml\n"},
     "mkdocs.yml:1:1: 'INHERIT: mkdocs.yml' makes a loop (mkdocs.yml builds on itself through "
     "it); remove it from one of the files"),
    ({"mkdocs.yml": "INHERIT: base.yml\n", "base.yml": "site_name: X\nINHERIT: mkdocs.yml\n"},
     "base.yml:2:1: 'INHERIT: mkdocs.yml' makes a loop (base.yml builds on itself through it); "
     "remove it from one of the files"),
    ({"mkdocs.yml": "INHERIT: base.yml\n", "base.yml": "- a list\n"},
     "base.yml must be a set of 'key: value' lines"),
    ({"mkdocs.yml": "INHERIT: base.yml\n", "base.yml": "site_name: [x\n"},
     "base.yml:2:1: YAML syntax error: expected ',' or ']', but got '<stream end>'; check the "
     "indentation and quoting on this line and the one above"),
])
def test_an_inherit_mkdocs_cannot_follow_is_named(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(ProjectError) as caught:
        read_mkdocs_yaml(tmp_path / "mkdocs.yml", tmp_path)
    assert str(caught.value) == message.replace("{tmp}", str(tmp_path))


# -- the property: no tag outside the allowlist is ever read, wherever it stands ------------------
_YAML = "tag:yaml.org,2002:"
_WORD = st.builds(str.__add__, st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                  st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", max_size=8))
_DOTTED = st.sampled_from(["os.system", "subprocess.getoutput", "builtins.exec", "shutil.rmtree",
                           *FUNCTIONS, *FACTORIES]) | st.lists(_WORD, min_size=1, max_size=3).map(".".join)
_ALLOWED = {*(f"{_YAML}python/name:{name}" for name in FUNCTIONS),
            *(f"{_YAML}python/object/apply:{name}" for name in FACTORIES)}
REFUSED_TAGS = st.one_of(
    st.builds(lambda kind, name: f"{_YAML}python/{kind}:{name}",
              st.sampled_from(["object/apply", "object/new", "object", "module", "name"]), _DOTTED),
    _WORD.filter(lambda word: word not in ("ENV", "relative")).map(lambda word: "!" + word),
    _WORD.filter(lambda word: word not in {"str", "int", "float", "bool", "null", "binary", "timestamp",
                                            "omap", "pairs", "set", "seq", "map"})
         .map(lambda word: _YAML + word),
    _WORD.map(lambda word: f"tag:example.org,2024:{word}"),
).filter(lambda tag: tag not in _ALLOWED)


def _shown(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


@st.composite
def documents(draw, canary: str):
    """A mkdocs.yml as a node tree, nested a few levels, with refused tags on some of its nodes
    (values and keys, scalars and collections, block and flow style)."""
    def tagged(node):
        tag = draw(st.none() | st.none() | REFUSED_TAGS)
        if tag is None:
            return node
        if tag.startswith(f"{_YAML}python/object/"):
            # what would run, were it read: a command that leaves the canary behind
            return yaml.SequenceNode(tag, [yaml.ScalarNode(_YAML + "str", f"touch {canary}")],
                                     flow_style=draw(st.booleans()))
        node.tag = tag
        return node

    def scalar():
        return tagged(yaml.ScalarNode(_YAML + "str", draw(_WORD)))

    def collection(depth):
        items = draw(st.integers(0 if depth else 1, 3))
        flow = draw(st.booleans()) if depth else False
        if depth and draw(st.booleans()):
            return tagged(yaml.SequenceNode(_YAML + "seq", [value(depth + 1) for _ in range(items)],
                                            flow_style=flow))
        keys = draw(st.lists(_WORD, min_size=items, max_size=items, unique=True))
        pairs = [(tagged(yaml.ScalarNode(_YAML + "str", key)), value(depth + 1)) for key in keys]
        node = yaml.MappingNode(_YAML + "map", pairs, flow_style=flow)
        return tagged(node) if depth else node  # mkdocs.yml itself: a mapping

    def value(depth):
        return collection(depth) if depth < 4 and draw(st.booleans()) else scalar()

    return collection(0)


def _tags(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [node.tag] + [t for key, value in node.value for t in _tags(key) + _tags(value)]
    if isinstance(node, yaml.SequenceNode):
        return [node.tag] + [t for item in node.value for t in _tags(item)]
    return [node.tag]


@settings(max_examples=200, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_tag_outside_the_allowlist_is_refused_at_its_place_and_nothing_runs(tmp_path, data):
    canary = tmp_path / "canary"
    tree = data.draw(documents(str(canary)))
    text = yaml.serialize(tree, Dumper=yaml.SafeDumper)
    refused = [tag for tag in _tags(tree) if not tag.startswith(_YAML) or "python/" in tag
               or tag[len(_YAML):] not in ("str", "seq", "map")]
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    if not refused:
        assert read_mkdocs_yaml(tmp_path / "mkdocs.yml", tmp_path).data == yaml.safe_load(text)
        return
    # The first tag of the text, as the parser meets it, is the one named.
    first = next(event for event in yaml.parse(text, Loader=yaml.BaseLoader)
                 if getattr(event, "tag", None) in refused)
    with pytest.raises(ProjectError) as caught:
        read_mkdocs_yaml(tmp_path / "mkdocs.yml", tmp_path)
    assert str(caught.value).startswith(
        f"mkdocs.yml:{first.start_mark.line + 1}:{first.start_mark.column + 1}: the tag "
        f"'{_shown(first.tag)}' ")
    assert not canary.exists()
