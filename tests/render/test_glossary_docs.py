"""The documentation's glossary is the sites' glossary, word for word."""

from __future__ import annotations

from pathlib import Path

from coalition_site.render.glossary import TERMS, glossary_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


def test_docs_glossary_is_generated_from_the_sites_definitions():
    assert DOCS.read_text(encoding="utf-8") == glossary_markdown(), (
        "docs/glossary.md is out of date; regenerate it with "
        "`python -m coalition_site.render.glossary > docs/glossary.md`")


def test_every_term_and_sign_has_its_anchor_and_words():
    text = glossary_markdown()
    for term in TERMS:
        assert f"## {term.word} {{#{term.anchor}}}\n\n{term.definition}\n" in text
        for sign, words in term.signs:
            assert f"- **{words}** (`{sign}`)" in text
