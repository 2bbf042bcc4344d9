"""libyaml parses valid front matter faster; what a user sees must not change at all.

Every document below is parsed twice, through libyaml's fast path and through the Python
parser alone: the data, every line and column of the source map, and every error (message,
line, column, fix) must be the same.
"""

from __future__ import annotations

import pytest

from coalition_site.load import yaml_source
from coalition_site.load.yaml_source import YamlSourceError, parse_yaml

DOCUMENTS = {
    "mapping": "name: Riverside\nasks:\n  - id: a\n    ask: b\n    benefits: {x: y}\n",
    "dates": 'a: 2026-10-14\nb: 2026-1-5\nc: "2026-10-14"\nd: 2024-02-29\ne: 2026-02-30\n',
    "quoted date": "a: '2026-1-5'\n",
    "boolean words": "a: yes\nb: [on, Off]\nc: {d: no}\ne: true\n",
    "keys stay text": "no: 1\n2026: x\nnull: y\ntrue: z\n",
    "numbers": "a: 1\nb: 0.75\nc: 1e3\nd: .inf\ne: 0x1F\n",
    "block scalars": "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n",
    "unicode columns": "name: Café — ü\nlist: [é, ü, 'ö: x']\nnested: {é: {b: ü}}\n",
    "tab inside quotes": 'a: "x\ty"\n',
    "ampersand and star in text": "a: Food & Water *now*\nb: '&x *y'\n",
    "empty": "",
    "comment only": "# nothing\n",
    "list at top": "- 1\n- 2\n",
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "merge key": "base: {a: 1}\nc:\n  <<: {a: 1}\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "complex key": "? [a, b]\n: c\n",
    "tab indentation": "a:\n\t- b\n",
    "mapping in plain value": "a: b: c\n",
    "unclosed flow": "a: [1, 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "deeper than the fast path reads": "a: " + "[" * 60 + "]" * 60 + "\n",
    "explicit tags": "a: !!str 2024-01-01\nb: ! 12\nc: !!float 1\nd: !!binary aGVsbG8=\n",
    "a value that does not fit its tag": "a: !!int abc\n",
    "an unknown tag": "a: !foo x\n",
    "tagged keys": "!!str 1: v\n!!merge m: {a: 1}\n",
    "date and time": "a: 2024-01-01 10:00:00\nb: 2024-01-01t10:00:00Z\n",
    "nulls": "a: ~\nb:\nc: Null\n",
    "document end marker": "a: 1\n...\n",
    "bad value above a syntax error": "a: !!int abc\nb: [\n",
    "anchor below the first key": "a: x\nb: {c: &y 1}\n",
}


def parsed(text: str, line_offset: int):
    try:
        data, smap = parse_yaml(text, line_offset)
        smap.locate(())  # the positions, found now (the fast path finds them when first asked)
        return data, smap
    except YamlSourceError as exc:
        return ("error", exc.message, exc.line, exc.column, exc.fix)
    except RecursionError:
        return ("RecursionError",)


@pytest.mark.parametrize("line_offset", [0, 1])
@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_fast_path_reads_every_document_as_the_python_parser_does(text, line_offset, monkeypatch):
    fast = parsed(text, line_offset)
    monkeypatch.setattr(yaml_source, "_FastLoader", None)
    assert fast == parsed(text, line_offset)


def test_fast_path_is_taken_when_libyaml_is_there():
    # Without libyaml the project still works (the Python parser), only slower; this test
    # says which of the two the rest of the suite exercised.
    assert yaml_source._FastLoader is not None


def test_the_fast_path_finds_the_positions_only_when_asked_and_as_the_parser_does():
    text = DOCUMENTS["mapping"]
    data, smap = parse_yaml(text, 1)
    assert smap._source == (text, 1) and not smap._keys  # kept as text until a problem needs them
    assert smap.locate(("asks", 0, "ask"), value=True) == (5, 10)
    assert smap._source is None
    _, python = yaml_source._parse_python(text, 1)
    assert (smap.keys, smap.values) == (python.keys, python.values) and len(smap.keys) == 7
