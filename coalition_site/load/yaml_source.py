"""Parse untrusted YAML into plain data plus a map from every field back to its line.

PyYAML's ``safe_load`` is safe from code execution but not from the rest of what a pull request
can bring: it accepts duplicate keys silently, expands aliases (the "billion laughs" bomb), turns
``no`` into ``False`` and forgets where each value stood. This module composes the node tree
itself so that it can refuse aliases, anchors and duplicate keys, and record the line and column
of every key and value: :class:`SourceMap` is what lets a pydantic error's ``loc`` point at the
line a steward has to change.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

Path_ = tuple  # a field's location: keys and list indexes, as pydantic's ``loc``

# YAML 1.1 reads these bare words as booleans; a steward writing `keeps_solo: no` meant text.
BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n"}
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
# What PyYAML's reader refuses in a file; an escape in a quoted value can still write it.
_INVISIBLE = yaml.reader.Reader.NON_PRINTABLE
_STR = "tag:yaml.org,2002:str"


class YamlSourceError(Exception):
    """A YAML file that cannot be read as data; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int, column: int, fix: str = ""):
        self.message, self.line, self.column, self.fix = message, line, column, fix
        super().__init__(message)


class SourceMap:
    """Where each field of a parsed YAML document stands in its file (1-based).

    ``keys`` and ``values`` map a field's path (keys and list indexes, as pydantic's ``loc``)
    to its line and column. A document read by libyaml's fast path keeps its text instead and
    finds them the first time they are asked for (``source``): they are wanted only where a
    problem is reported, and recording every field's place was a fifth of reading a large
    charter, and most of what each reading's copy in a worker's answer and the cache held.
    """

    def __init__(self, start: tuple[int, int] = (1, 1), keys: dict[Path_, tuple[int, int]] | None = None,
                 values: dict[Path_, tuple[int, int]] | None = None,
                 boolean_words: dict[Path_, str] | None = None, *, source: tuple[str, int] | None = None):
        self.start = start
        self._keys = {} if keys is None else keys
        self._values = {} if values is None else values
        self.boolean_words = {} if boolean_words is None else boolean_words
        """Fields whose value was a bare ``yes``/``no``/``on``/``off``, with the word as written
        (recorded as the document is read, whatever its path)."""
        self._source = source
        """The text and its line offset, until the positions are found (:meth:`_find`)."""

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        self._find()
        return self._keys

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        self._find()
        return self._values

    def _find(self) -> None:
        if self._source is not None:
            text, line_offset = self._source
            found = _positions(text, line_offset)
            self._keys, self._values, self._source = found._keys, found._values, None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceMap):
            return NotImplemented
        return (self.start, self.keys, self.values, self.boolean_words) == \
            (other.start, other.keys, other.values, other.boolean_words)

    def __repr__(self) -> str:
        return f"SourceMap(start={self.start!r}, {len(self.keys)} keys, {len(self.values)} values)"

    def locate(self, loc: Path_, *, value: bool = False) -> tuple[int, int]:
        """The position of ``loc``, or of its nearest ancestor that exists in the file.

        A missing field has no line of its own: it is reported at its parent's key, or at the
        start of the document, which is where it has to be added.
        """
        keys, values = self.keys, self.values
        loc = tuple(loc)
        while loc:
            if value and loc in values:
                return values[loc]
            if loc in keys:
                return keys[loc]
            loc = loc[:-1]
        return self.start


# libyaml's parser with the same (Python) resolver and constructor as SafeLoader, when PyYAML
# was built with it; see _parse_fast.
_FastLoader = getattr(yaml, "CSafeLoader", None)


class _ComposingLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases while composing nodes."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML's hook
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            assert mark is not None  # the parser marks every event; the stubs allow None
            raise YamlSourceError(
                f"the alias '*{event.anchor}' is not allowed",
                mark.line + 1,
                mark.column + 1,
                "write the value out in full (anchors and aliases are refused: they can hide "
                "content and expand into huge documents)",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlSourceError(
                f"the anchor '&{anchor}' is not allowed",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "remove the anchor and write each value out in full",
            )
        return super().compose_node(parent, index)


def parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, SourceMap]:
    """Parse one YAML document; return its data and its :class:`SourceMap`.

    ``line_offset`` is added to every line, for front matter that starts below line 1.
    Raises :class:`YamlSourceError` for anything that is not plain, unambiguous data.
    """
    if _FastLoader is not None:
        parsed = _parse_fast(text, line_offset)
        if parsed is not None:
            return parsed
    return _parse_python(text, line_offset)


def _parse_python(text: str, line_offset: int) -> tuple[Any, SourceMap]:
    """PyYAML's Python parser, composing the node tree: every document, and every error."""
    try:
        # PyYAML refuses control characters (an escape code pasted from a terminal ...) here,
        # when it reads the text in, before any parsing.
        loader = _ComposingLoader(text)
    except yaml.reader.ReaderError as exc:
        raise _unreadable_character(exc, text, line_offset) from None
    try:
        node = loader.get_single_node()
    except YamlSourceError as exc:
        exc.line += line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text, line_offset) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlSourceError(f"this is not valid YAML: {exc}", 1 + line_offset, 1) from None
    except RecursionError:
        # PyYAML parses recursively: a few hundred nested brackets would crash it.
        mark = loader.get_mark()
        raise _too_deep(mark.line + 1 + line_offset, mark.column + 1) from None
    finally:
        loader.dispose()
    smap = SourceMap(start=(1 + line_offset, 1))
    if node is None:
        return None, smap
    builder = _Builder(loader, smap, line_offset)
    try:
        return builder.build(node, ()), smap
    except RecursionError:
        raise _too_deep(1 + line_offset, 1) from None


def _unreadable_character(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> YamlSourceError:
    position = exc.position
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return YamlSourceError(f"the invisible character U+{exc.character:04X} is not allowed in YAML",
                           line + line_offset, column,
                           "delete it (it is invisible in most editors, and often comes with text "
                           "pasted from another program)")


def _too_deep(line: int, column: int) -> YamlSourceError:
    return YamlSourceError("the values are nested too deeply to be read", line, column,
                           "write them as a flat list or a few levels of 'key: value' lines")


def _parse_fast(text: str, line_offset: int) -> tuple[Any, SourceMap] | None:
    """Parse with libyaml when the text is plain data; ``None`` sends it to the Python parser.

    Composing the node tree in Python was most of the time ``check`` took on a large charter.
    libyaml parses the same events, with the same marks, many times faster, and the data is
    built from them directly: no node tree is composed at all (that cost as much again). Any
    YAML error, anchor, alias or other oddity falls back to the Python parser, which reports it
    exactly as before: only valid, alias-free, shallow documents take this path.
    """
    assert _FastLoader is not None  # called only when PyYAML has libyaml
    loader = _FastLoader(text)
    try:
        return _EventBuilder(loader, line_offset, source=text).document()
    except Exception:  # noqa: BLE001 - whatever it is, the Python parser meets it and says so
        # A YAML error, an oddity (_Fallback) or a value a constructor fails on: the data is
        # built as the events come, so this can happen before a syntax error further down,
        # which the Python parser (composing the whole document first) reports instead.
        return None
    finally:
        loader.dispose()


def syntax_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlSourceError:
    """A YAML syntax error as a located :class:`YamlSourceError`, with the likely fix."""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1) if mark else 1
    column = (mark.column + 1) if mark else 1
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = exc.problem or "this is not valid YAML"
    if exc.context and problem.startswith("but "):  # "but found another document" needs its start
        problem = f"{exc.context}, {problem}"
    if "\t" in source_line[: max(column, 1)] or "'\\t'" in problem:
        return YamlSourceError(
            "a tab character is used for indentation",
            line + line_offset,
            source_line.find("\t") + 1 or column,
            "indent with spaces, not tabs",
        )
    if "mapping values are not allowed" in problem:
        fix = "put quotes around a value that contains ': ', or check the indentation"
    elif "could not find expected ':'" in problem:
        fix = "check that each line reads 'key: value' and that the indentation lines up"
    else:
        fix = "check the indentation and quoting on this line and the one above"
    return YamlSourceError(f"YAML syntax error: {problem}", line + line_offset, column, fix)


def _positions(text: str, line_offset: int) -> SourceMap:
    """The positions of a document :func:`_parse_fast` read before, found as it found them."""
    if _FastLoader is None:  # only where a test took libyaml away since: the same positions
        return _parse_python(text, line_offset)[1]
    loader = _FastLoader(text)
    try:
        return _EventBuilder(loader, line_offset).document()[1]
    finally:
        loader.dispose()


class _Fallback(Exception):
    """A document the fast path does not read (an anchor, a key that is not text, nesting
    deeper than it reads ...): the Python parser reads it, and reports what is wrong with it."""


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, loader: _ComposingLoader, smap: SourceMap, line_offset: int):
        self.loader, self.smap, self.offset = loader, smap, line_offset

    def pos(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node, path: Path_) -> Any:
        self.smap.values[path] = self.pos(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.smap.keys[path + (index,)] = self.pos(item)
                items.append(self.build(item, path + (index,)))
            return items
        return self.scalar(node, path)

    def mapping(self, node, path: Path_) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = self.pos(key_node)
                raise YamlSourceError("a key must be a plain word", line, column,
                                      "write the key as text followed by ':'")
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, column = self.pos(key_node)
                raise YamlSourceError("the merge key '<<' is not allowed", line, column,
                                      "write every key out in full")
            # Keys are always text: ids such as `no` or `2026` must not become booleans or numbers.
            key = self.text(key_node)
            if key in result:
                line, column = self.pos(key_node)
                first = self.smap.keys[path + (key,)][0]
                raise YamlSourceError(
                    f"the key '{key}' appears twice (first on line {first})",
                    line, column, "keep one of them; YAML would silently drop the other",
                )
            self.smap.keys[path + (key,)] = self.pos(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node, path: Path_) -> Any:
        # A plain (unquoted) scalar's style is None from PyYAML's parser and '' from libyaml's.
        if node.tag == "tag:yaml.org,2002:timestamp" or (
            node.tag == "tag:yaml.org,2002:str" and not node.style and _DATE_LIKE.match(node.value)
        ):
            return self.timestamp(node)
        if node.tag == "tag:yaml.org,2002:str":
            return self.text(node)  # what SafeConstructor makes of it, without its dispatch per value
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            line, column = self.pos(node)
            # The problem alone: str(exc) adds PyYAML's own "in <unicode string>" lines.
            problem = getattr(exc, "problem", None) or str(exc)
            raise YamlSourceError(f"cannot read the value {node.value!r}: {problem}", line, column,
                                  "quote it if it is meant as text") from None
        except (ValueError, KeyError, IndexError):
            # An explicit tag (`!!int abc`, `!!bool maybe`, `!!int` before nothing) skips the
            # resolver, which only gives a tag to text that fits it; PyYAML's constructors then
            # fail with Python's errors.
            line, column = self.pos(node)
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlSourceError(f"the value {node.value!r} cannot be read as {tag}", line, column,
                                  f"remove '{tag}', or write a value of that kind") from None
        if isinstance(value, bool) and node.value.lower() in BOOLEAN_WORDS:
            self.smap.boolean_words[path] = node.value
        return value

    def text(self, node) -> str:
        """A key's or a value's text; an invisible character that YAML refuses written as it is
        is refused written as an escape too (``"\\x01"``): it would reach the site, where it
        breaks the diagrams and charts (XML cannot hold it)."""
        found = _INVISIBLE.search(node.value)
        if found:
            line, column = self.pos(node)
            raise YamlSourceError(
                f"the invisible character U+{ord(found.group()):04X} is not allowed in YAML, even "
                "written as an escape", line, column,
                "delete the escape (such as '\\x01', '\\e' or '\\u0001') from the quoted text")
        return node.value

    def timestamp(self, node) -> Any:
        match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", node.value)
        try:
            if match:
                return dt.date(*(int(part) for part in match.groups()))
            if not self.loader.timestamp_regexp.match(node.value):
                # `!!timestamp soon`: the tag was written, the resolver never saw the text.
                raise ValueError(node.value)
            return self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            line, column = self.pos(node)
            raise YamlSourceError(
                f"{node.value or 'an empty value'} is not a date that exists", line, column,
                "write a real calendar date as YYYY-MM-DD",
            ) from None


class _EventBuilder(_Builder):
    """Builds the data of one document from libyaml's events, as :class:`_Builder` builds it
    from the nodes libyaml composes of the same events, without composing them; raises
    :class:`_Fallback` for anything but plain data."""

    # Charter files nest a few levels; a document deeper than this takes the Python parser's
    # path, so that pathological nesting is handled (and reported) in one place.
    MAX_DEPTH = 50

    def __init__(self, loader, line_offset: int, *, source: str | None = None):
        """With ``source`` (the text being read), the positions are not recorded: the source
        map keeps the text, and finds them when asked (:class:`SourceMap`)."""
        smap = SourceMap(start=(1 + line_offset, 1),
                         source=(source, line_offset) if source is not None else None)
        super().__init__(loader, smap, line_offset)
        # Where positions go; None: not recorded now.
        self.keys: dict | None = None if source is not None else smap._keys
        self.values: dict | None = None if source is not None else smap._values
        self.next_event = loader.get_event
        # Text whose first character no implicit pattern starts with is text: the resolver
        # need not be asked (unless someone added patterns for every character, or by path).
        resolvers = loader.yaml_implicit_resolvers
        self.patterned = None if None in resolvers or loader.yaml_path_resolvers else resolvers

    def document(self) -> tuple[Any, SourceMap]:
        self.next_event()  # the stream's start
        data = None
        if type(self.next_event()) is not yaml.StreamEndEvent:  # else empty: no document at all
            data = self.build(self.next_event(), ())  # the event after the document's start
            self.next_event()  # the document's end
            if type(self.next_event()) is not yaml.StreamEndEvent:
                raise _Fallback  # another document: the Python parser says where
        return data, self.smap

    def build(self, event, path: Path_) -> Any:
        kind = type(event)
        if kind is yaml.AliasEvent or event.anchor is not None or len(path) > self.MAX_DEPTH:
            raise _Fallback
        mark = event.start_mark
        if self.values is not None:
            self.values[path] = (mark.line + 1 + self.offset, mark.column + 1)
        if kind is yaml.ScalarEvent:
            tag = self.tag(event)
            if tag == _STR and (event.style or not _DATE_LIKE.match(event.value)):
                return self.text(event)  # what scalar() makes of it, without a node
            return self.scalar(yaml.ScalarNode(tag, event.value, mark, event.end_mark, event.style), path)
        if kind is yaml.MappingStartEvent:
            return self.mapping_events(path)
        items: list[Any] = []
        keys, next_event = self.keys, self.next_event
        event = next_event()
        while type(event) is not yaml.SequenceEndEvent:
            item = path + (len(items),)
            if keys is not None:
                mark = event.start_mark
                keys[item] = (mark.line + 1 + self.offset, mark.column + 1)
            items.append(self.build(event, item))
            event = next_event()
        return items

    def mapping_events(self, path: Path_) -> dict:
        result: dict[str, Any] = {}
        keys, next_event = self.keys, self.next_event
        event = next_event()
        while type(event) is not yaml.MappingEndEvent:
            if type(event) is not yaml.ScalarEvent or event.anchor is not None \
                    or self.tag(event) == "tag:yaml.org,2002:merge":
                raise _Fallback
            key = self.text(event)
            if key in result:
                raise _Fallback
            # One tuple for the key's and the value's position: half the paths in memory.
            item = path + (key,)
            if keys is not None:
                mark = event.start_mark
                assert mark is not None  # the parser marks every event; the stubs allow None
                keys[item] = (mark.line + 1 + self.offset, mark.column + 1)
            result[key] = self.build(next_event(), item)
            event = next_event()
        return result

    def tag(self, event) -> str:
        """The tag of the node libyaml composes of a scalar's event (_compose_scalar_node)."""
        tag = event.tag
        if tag is not None and tag != "!":
            return tag
        if self.patterned is not None and not (event.implicit[0] and event.value[:1] in self.patterned):
            return _STR  # what the resolver would say
        return self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
