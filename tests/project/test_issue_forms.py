"""Issue forms and the pull-request template: charter values are data, never YAML or Markdown."""

from __future__ import annotations

import re
from types import SimpleNamespace

import yaml
from hypothesis import given
from hypothesis import strategies as st

from coalition_site.project.github.forms import OPTION_LIMIT, issue_forms, pull_request_template

hostile = st.text(min_size=1, max_size=140) | st.sampled_from([
    "x\nbody:\n- type: input", "'; name: evil", "{a: b}", "- item", "&anchor *alias", "!!python/object x",
    "<script>alert(1)</script>", "@everyone", "[link](https://evil.example)", "# heading", "None"])


def _charter(names: list[str], asks: list[str]):
    partners = {f"p{i}": SimpleNamespace(id=f"p{i}", name=name, status="active", is_active=True)
                for i, name in enumerate(names)}
    demand = SimpleNamespace(asks=[SimpleNamespace(id=f"ask-{i}", ask=text) for i, text in enumerate(asks)])
    return SimpleNamespace(partners=partners, joint_demand=demand)


def _shown(ident: str, text: str) -> str:
    text = " ".join(text.split())
    return f"{ident}: {text[:OPTION_LIMIT - 1].rstrip()}…" if len(text) > OPTION_LIMIT else f"{ident}: {text}"


@given(st.lists(hostile, min_size=1, max_size=4), st.lists(hostile, min_size=1, max_size=3))
def test_names_and_asks_reach_the_dropdowns_as_written_and_change_nothing_else(names, asks):
    forms = issue_forms(_charter(names, asks), "content")
    partners = [_shown(f"p{i}", n) for i, n in enumerate(names)]
    for name, text in forms.items():
        form = yaml.safe_load(text)
        assert set(form) == {"name", "description", "title", "body"}
        kinds = [(item["type"], item.get("id")) for item in form["body"]]
        expected = {
            "step-back.yml": [("markdown", None), ("dropdown", "partner"), ("dropdown", "change"),
                              ("textarea", "scope"), ("input", "since"), ("textarea", "reason")],
            "monthly-review.yml": [("markdown", None), ("input", "date"), ("input", "facilitator"),
                                   ("dropdown", "attended"), ("dropdown", "policy_progress"),
                                   ("textarea", "notes")],
            "reword.yml": [("markdown", None), ("dropdown", "partner"), ("dropdown", "ask"),
                           ("dropdown", "what"), ("textarea", "wording"), ("textarea", "why")],
        }[name]
        assert kinds == expected
        options = {item["id"]: item["attributes"]["options"] for item in form["body"]
                   if item["type"] == "dropdown"}
        assert options.get("partner", options.get("attended")) == partners
        if name == "reword.yml":
            assert options["ask"] == [_shown(f"ask-{i}", a) for i, a in enumerate(asks)]


def test_a_charter_without_asks_asks_for_the_id_in_a_text_field():
    form = yaml.safe_load(issue_forms(_charter(["A"], []), "content")["reword.yml"])
    assert [item for item in form["body"] if item.get("id") == "ask"] == [
        {"type": "input", "id": "ask", "attributes": {"label": "The ask's id"}, "validations": {"required": True}}]


@given(st.lists(hostile, min_size=1, max_size=4))
def test_the_pull_request_template_has_one_inert_box_per_partner(names):
    text = pull_request_template(_charter(names, []), "content")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ") and "(`p" in line]
    assert len(boxes) == len(names)
    for line in boxes:
        assert "<" not in line and not re.search(r"@[A-Za-z0-9]", line)  # a mention: @ then a login
        assert "](" not in line.replace("\\](", "")
