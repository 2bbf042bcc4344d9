"""Validate parsed YAML against a model and turn pydantic's errors into located problems.

Pydantic says *what* is wrong and at which ``loc`` (``('asks', 0, 'benefits', 'breathe')``);
the :class:`~coalition_site.load.yaml_source.SourceMap` says on which line that ``loc`` stands.
Messages name the field by its key and say how to fix it, for people who do not read Python.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..model.base import ID_PATTERN, is_internal_by_nature
from ..problems import Problem
from .privacy_markers import RULE as PRIVACY_RULE
from .privacy_markers import is_privacy_key, privacy_key_message, visibility_message
from .yaml_source import SourceMap

M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], data: Any, smap: SourceMap, display: str,
                   ) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; on failure return every error as a :class:`Problem`."""
    if data is None:
        data = {}
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = _one_branch_per_union([_read_loc(error, data) for error in exc.errors()], data)
        errors = _typos_for_missing(model, errors)
        problems = [_problem(model, error, smap, display, data) for error in errors]
        return None, sorted(set(problems))


def _read_loc(error: ErrorDetails, data: Any) -> dict:
    """``error`` with its ``loc`` told apart: the keys and indexes written in the file
    (``written``), and where the first form of a union is named (``branch_at``).

    Pydantic's ``loc`` mixes the two: ``('reports_to', 'list[constrained-str]', 0)`` names the
    list form of ``reports_to``, and ``[key]`` ends the loc of a bad key. A key in a file may
    hold a '[' too (``trust[1]:``), so the data written decides what is a key, not the text.
    """
    loc, tags = error["loc"], []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and "[" in part:
            tags.append(index)
        else:
            current = None  # a missing or unknown key: nothing is written below it
    branch_at = next((i for i in tags if loc[i] != "[key]"), None)
    return {**error, "written": tuple(part for i, part in enumerate(loc) if i not in tags),
            "branch_at": branch_at, "tags": tags}


def _one_branch_per_union(errors: list[dict], data: Any) -> list[dict]:
    """Keep, for a field that may take several forms, only the errors of the form written.

    Pydantic reports a union's failure once per branch (`reports_to: everyone` is neither
    'all-partners' nor a list); a steward should read about the form they wrote, so a list
    written gets the list's errors and a word written gets the word's.
    """
    kept = []
    for error in errors:
        loc, branch_at = error["loc"], error["branch_at"]
        if branch_at is None:
            kept.append(error)
            continue
        written = _value_at(data, [part for i, part in enumerate(loc[:branch_at]) if i not in error["tags"]])
        matches = _branch_matches(loc[branch_at], written)
        # The errors of the other forms of the same field.
        siblings = [e for e in errors
                    if e["branch_at"] == branch_at and e["loc"][:branch_at] == loc[:branch_at]]
        if matches or not any(_branch_matches(e["loc"][branch_at], written) for e in siblings):
            dropped_list = any(e["loc"][branch_at].startswith("list[") for e in siblings if e is not error)
            if error["type"] == "literal_error" and dropped_list:
                # The other form was a list: name it too, or the steward is told only half.
                error = {**error, "ctx": {**error["ctx"], "expected": error["ctx"]["expected"] + ", or a list"}}
            kept.append(error)
    return kept


def _typos_for_missing(model: type[BaseModel], errors: list[dict]) -> list[dict]:
    """One error for one typo: a key written ``theory_of_chang:`` is both unknown and the reason
    ``theory_of_change`` is missing, so the missing field is told as the unknown key's fix."""
    missing = {e["written"]: e for e in errors if e["type"] == "missing"}
    meant: dict[tuple, str] = {}
    claimed: set[tuple] = set()  # two typos of one field: the closer one only is taken for it
    for error in errors:
        if error["type"] != "extra_forbidden" or not error["written"]:
            continue
        parent, key = error["written"][:-1], error["written"][-1]
        absent = [k for k in _known_keys(model, parent) if (*parent, k) in missing]
        close = difflib.get_close_matches(str(key), absent, n=1, cutoff=0.6)
        if close and (*parent, close[0]) not in claimed:
            meant[error["written"]] = close[0]
            claimed.add((*parent, close[0]))
    return [{**e, "meant": meant[e["written"]]} if e["written"] in meant else e
            for e in errors if not (e["type"] == "missing" and e["written"] in claimed)]


def _branch_matches(branch: str, written: Any) -> bool:
    return (branch.startswith("list[") == isinstance(written, list)) and \
        (branch.startswith("dict[") == isinstance(written, dict))


def _value_at(data: Any, path: list) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def dotted(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def _field_name(loc: tuple) -> str:
    keys = [part for part in loc if isinstance(part, str)]
    return keys[-1] if keys else "the file"


def _known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a mapping at ``loc`` accepts, for 'did you mean' suggestions."""
    fields = getattr(_model_at(model, loc), "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _model_at(model: type[BaseModel], loc: tuple) -> Any:
    """The model of the mapping at ``loc`` (``None`` when no model describes it)."""
    current: Any = model
    keyed = False  # the next part is a key of a mapping field (a partner id), not a field
    for part in loc:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        info = _field_info(current, part)
        if info is None:
            return None
        current, keyed = _inner_model(info.annotation), _is_mapping(info.annotation)
    return current


def _field_info(model: Any, key: str):
    fields = getattr(model, "model_fields", {})
    return fields.get(key) or next((f for f in fields.values() if f.alias == key), None)


def _internal(model: type[BaseModel], loc: tuple, data: Any) -> bool:
    """Whether what stands at ``loc`` is internal, so that no message may print it: under a
    field internal by nature (``representatives``), or in a file or an item (a tension) whose
    ``visibility`` is not exactly ``public``."""
    current: Any = model
    node = data
    keyed = False  # the next part is a key of a mapping field (a partner id), not a field
    for part in (*loc, None):
        fields = getattr(current, "model_fields", {})
        if not keyed and isinstance(node, dict) and "visibility" in fields \
                and node.get("visibility", fields["visibility"].default) != "public":
            return True
        if part is None:
            return False
        node = node[part] if isinstance(node, (dict, list)) and _holds(node, part) else None
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        info = _field_info(current, part)
        if info is None:
            return False  # an unknown key: no model says what is below it
        if is_internal_by_nature(info):
            return True
        current, keyed = _inner_model(info.annotation), _is_mapping(info.annotation)
    return False


def _holds(node: dict | list, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def _is_mapping(annotation: Any) -> bool:
    """Whether a field holds a mapping (``dict[Id, Agreement]``), whose keys are data."""
    origin = get_origin(annotation)
    if origin in (dict, list):
        return origin is dict
    return any(_is_mapping(arg) for arg in get_args(annotation))  # Optional, a union, Annotated


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _problem(model: type[BaseModel], error: dict, smap: SourceMap, display: str, data: Any) -> Problem:
    written = error["written"]
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    # A bad key (``[key]``) is pointed at where the key is written, not at its value.
    line, column = smap.locate(written, value=kind not in ("missing", "extra_forbidden")
                               and error["loc"][-1:] != ("[key]",))
    # Nothing internal is printed, not even what was wrong with it: build logs are public.
    internal = _internal(model, written, data)
    loc = _unprinted_keys(written) if internal else written
    field = _field_name(loc)
    shown = "the value written" if internal else _shown(value)
    kind_shown = _kind(value) if internal else _shown(value)

    # `visibility: no` is quoted as written, not as the boolean YAML made of it.
    privacy = _privacy_marker(model, written, kind, smap.boolean_words.get(written, value), internal)
    if privacy:
        message = privacy
    elif kind == "missing":
        parent = f" under '{_field_name(loc[:-1])}'" if len(loc) > 1 else ""
        message = f"'{field}' is missing{parent}; add '{field}:' with a value (it is required)"
    elif kind == "extra_forbidden":
        known = _known_keys(model, written[:-1])
        close = [error["meant"]] if "meant" in error else \
            difflib.get_close_matches(str(written[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"the keys allowed here are: {', '.join(known)}" if known else "remove it")
        key = f"key '{loc[-1]}'" if loc[-1] == written[-1] else "key (not printed: it is internal)"
        # The one typo that also left a required field missing says so.
        required = "it is required; " if "meant" in error else ""
        message = f"unknown {key}; {hint} ({required}unknown keys are refused so a typo is never ignored)"
        line, column = smap.locate(written)
    elif written in smap.boolean_words and kind in ("string_type", "literal_error", "string_pattern_mismatch"):
        word = smap.boolean_words[written]  # yes, no, on or off: nothing to keep private
        message = (f"'{field}': the bare word {word} was read as the boolean "
                   f"{'true' if value else 'false'}; if you meant the text, quote it: '{word}'")
    elif kind == "literal_error":
        message = f"'{field}': {shown} is not allowed; use {ctx.get('expected', 'one of the listed values')}"
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        message = (f"'{field}': {shown} is not a valid id; use lowercase letters, digits "
                   "and single hyphens, like 'usw-1219'")
    elif kind == "string_pattern_mismatch":
        message = f"'{field}': {shown} is not in the expected form; {_PATTERN_HINTS.get(field, 'check the value')}"
    elif kind in ("string_type", "string_too_short") and value in (None, ""):
        message = f"'{field}' is empty; write a value after '{field}:'"
    elif kind == "string_type" and field in _PATTERN_HINTS:  # `version: 1.2` is a number to YAML
        message = f"'{field}': {shown} is not in the expected form; {_PATTERN_HINTS[field]}"
        if field == "revision" and isinstance(value, (int, float)):
            # A commit abbreviated to digits alone (1234567) is a number to YAML.
            message += " (quoted when it is digits alone: '1234567')"
    elif kind == "string_type" and isinstance(value, bytes):
        message = f"'{field}': expected text, got binary data; remove the '!!binary' tag and write the text"
    elif kind == "string_type":
        # Quoting turns a number, a date or a bare word into text; a list or mapping is not a slip.
        quote = "" if isinstance(value, (list, dict)) else (
            "; put it in quotes" if internal else f"; put it in quotes: '{value}'")
        message = f"'{field}': expected text, got {kind_shown}{quote}"
    elif kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        message = f"'{field}': expected a date, got {kind_shown}; write it as YYYY-MM-DD, without quotes"
    elif kind == "bool_type":
        message = f"'{field}': expected true or false, got {kind_shown}"
    elif kind in ("int_type", "float_type", "int_from_float"):
        number = "a whole number" if kind.startswith("int") else "a number"
        message = f"'{field}': expected {number}, got {kind_shown}; write it without quotes"
    elif kind in ("dict_type", "model_type"):
        message = f"'{field}': expected a set of 'key: value' lines, got {kind_shown}"
    elif kind == "list_type":
        message = f"'{field}': expected a list (lines starting with '- ', or [a, b]), got {kind_shown}"
    elif kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        message = f"'{field}': {error['msg'][0].lower()}{error['msg'][1:]}".replace(" after validation", "")
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        message = f"'{field}': {shown} is out of range; it {error['msg'].removeprefix('Input ')}"
    else:
        message = f"'{field}': {error['msg']}"
    if internal and not privacy and kind not in ("missing", "extra_forbidden"):
        message += " (the value is internal, so it is never printed)"
    return Problem(display, line, column, "error", message, PRIVACY_RULE if privacy else "schema",
                   dotted(loc))


def _privacy_marker(model: type[BaseModel], loc: tuple, kind: str, value: Any,
                    internal: bool) -> str | None:
    """The message for a privacy marker that is not exactly one, if the error is about one: a
    key taken for ``visibility`` (``internal: true``), or a visibility that is not exactly
    ``public`` or ``internal``."""
    if not loc or not isinstance(loc[-1], str):
        return None
    holder = _model_at(model, loc[:-1])
    has_visibility = "visibility" in getattr(holder, "model_fields", {})
    if kind == "extra_forbidden" and (is_privacy_key(loc[-1]) or loc[-1] == "visibility"):
        return privacy_key_message(loc[-1], value, has_visibility=has_visibility, internal=internal)
    if loc[-1] == "visibility" and has_visibility and kind != "missing":
        return visibility_message(value, internal=internal)
    return None


# A key that could be a field's name: any other key written under an internal field (an email
# address written as a key ...) is not printed either.
_FIELD_LIKE = re.compile(r"^[a-z0-9_-]{1,40}$")


def _unprinted_keys(loc: tuple) -> tuple:
    return tuple(part if isinstance(part, int) or _FIELD_LIKE.match(part) else "?" for part in loc)


def _kind(value: Any) -> str:
    """What kind of value was written, without the value."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, str):
        return "text"
    return _shown(value) if isinstance(value, (list, dict)) else "a value of another kind"


_PATTERN_HINTS = {
    "version": "write a semantic version such as 1.2.0",
    "website": "write a full address starting with https://",
    "email": "write an address such as name@example.org",
    "github": "write the GitHub user name without '@'",
    "revision": "write the commit the partner endorsed as 'git log --oneline' shows it: 7 to 64 "
                "characters of 0-9 and a-f, such as 1a2b3c4",
}


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    return str(value)
