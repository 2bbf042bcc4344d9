"""``coalition-site schema``: one JSON Schema per file kind, generated from the models."""

from __future__ import annotations

import json

import pytest

from coalition_site.errors import ProjectError
from coalition_site.model.schema import write_schemas
from support import invoke

KINDS = ["autonomy", "coalition", "conflict-protocol", "joint-demand", "logic", "page", "partner",
         "problem-statement", "review", "steward-mandate"]


@pytest.fixture(scope="module")
def schemas(tmp_path_factory):
    target = tmp_path_factory.mktemp("schemas")
    written = write_schemas(target)
    return target, written, {p.name.removesuffix(".schema.json"): json.loads(p.read_text()) for p in written}


def test_one_valid_json_schema_per_file_kind(schemas):
    target, written, loaded = schemas
    assert sorted(loaded) == KINDS
    assert sorted(p.name for p in target.iterdir()) == [f"{k}.schema.json" for k in KINDS]
    for schema in loaded.values():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["type"] == "object"


def test_the_titles_say_which_file_each_schema_is_for(schemas):
    loaded = schemas[2]
    assert loaded["coalition"]["title"] == "coalition-site: coalition.yml"
    assert loaded["partner"]["title"] == "coalition-site: front matter of partners/<partner-id>.md"


def test_charter_files_forbid_unknown_keys_at_every_level(schemas):
    loaded = schemas[2]
    for kind in KINDS:
        if kind != "page":
            assert loaded[kind]["additionalProperties"] is False, kind
        for name, definition in loaded[kind].get("$defs", {}).items():
            assert definition["additionalProperties"] is False, f"{kind}: {name}"


def test_ordinary_pages_allow_mkdocs_front_matter(schemas):
    page = schemas[2]["page"]
    assert page.get("additionalProperties", True) is not False
    assert page["properties"]["visibility"]["enum"] == ["public", "internal"]


def test_fields_carry_their_descriptions_and_requirements(schemas):
    loaded = schemas[2]
    partner = loaded["partner"]
    assert partner["required"] == ["name", "issue", "theory_of_change"]
    assert partner["properties"]["theory_of_change"]["description"] == (
        "The partner's theory of change, in its own words.")
    assert "INTERNAL BY NATURE" in partner["properties"]["representatives"]["description"]
    assert loaded["coalition"]["required"] == ["name", "charter"]
    assert loaded["review"]["properties"]["visibility"]["default"] == "internal"
    assert loaded["review"]["properties"]["date"]["format"] == "date"


def test_a_decision_is_a_plain_line_or_a_mapping_with_its_register_fields(schemas):
    review = schemas[2]["review"]
    assert review["properties"]["decisions"]["items"]["anyOf"] == [
        {"type": "string", "minLength": 1, "maxLength": 20_000}, {"$ref": "#/$defs/Decision"}]
    decision = review["$defs"]["Decision"]
    assert decision["required"] == ["text"]
    assert list(decision["properties"]) == ["text", "id", "status", "owner", "supersedes"]
    assert decision["properties"]["status"]["anyOf"][0]["enum"] == ["open", "done", "dropped"]


def test_keys_are_named_as_written_in_files(schemas):
    dependency = schemas[2]["logic"]["$defs"]["Dependency"]
    assert "from" in dependency["properties"] and "from_" not in dependency["properties"]
    assert dependency["properties"]["kind"]["enum"] == ["requires", "strengthens"]


def test_schemas_are_regenerated_over_their_own_files(schemas):
    target, written, _ = schemas
    assert write_schemas(target) == written


def test_a_foreign_file_is_never_overwritten(tmp_path):
    (tmp_path / "review.schema.json").write_text("{}")
    with pytest.raises(ProjectError) as caught:
        write_schemas(tmp_path)
    assert str(caught.value) == (f"'{tmp_path / 'review.schema.json'}' exists and was not written by "
                                 "coalition-site; move it away or choose another folder")
    assert (tmp_path / "review.schema.json").read_text() == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["review.schema.json"]  # nothing else written


def test_a_folder_that_cannot_be_made_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "notes.md").write_text("mine\n")
    result = invoke("schema", tmp_path / "notes.md" / "schemas")
    assert (result.exit_code, result.output) == (
        1, f"error: cannot write the schemas into '{tmp_path / 'notes.md' / 'schemas'}': part of the "
           "path is a file, not a folder; choose another folder\n")
    assert (tmp_path / "notes.md").read_text() == "mine\n"


def test_an_endorsement_is_a_date_or_a_date_with_the_revision_endorsed(schemas):
    for kind in ("problem-statement", "joint-demand"):
        loaded = schemas[2][kind]
        [forms] = loaded["properties"]["endorsements"]["patternProperties"].values()
        assert forms["oneOf"] == [{"format": "date", "type": "string"},
                                  {"$ref": "#/$defs/Endorsement"}]
        long_form = loaded["$defs"]["Endorsement"]
        assert long_form["required"] == ["date", "revision"]
        assert long_form["properties"]["revision"]["pattern"] == "^[0-9a-f]{7,64}$"
