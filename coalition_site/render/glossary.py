"""The pattern's words as the site uses them: the glossary's terms, in the pattern's own words.

Each term has an anchor on the glossary page (``glossary/#joint-demand``) and the phrases that
stand for it in a page's text (:mod:`.term_links` links the first one of each page). The
definitions are short and plain, for a new staff member; they quote "Coalition Building Across
Issues" where it says it best. The eight signs are listed under their kind, by their words
(:data:`coalition_site.model.SIGNS_OF_LIFE`), each with its id as its anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import SIGNS_OF_DECAY, SIGNS_OF_LIFE


@dataclass(frozen=True)
class Term:
    anchor: str
    """Its anchor on the glossary page: ``joint-demand``."""
    word: str
    """The term as the glossary heads it."""
    definition: str
    phrases: tuple[str, ...]
    """Regular expressions of what stands for it in a page's text, matched case-insensitively
    between word boundaries (a space matches any run of whitespace: Markdown keeps the line
    breaks of a paragraph); the glossary links the first one a page shows."""
    signs: tuple[tuple[str, str], ...] = ()
    """For the signs of life and decay: each sign's id and words."""


_PLURAL = "s?"

TERMS: tuple[Term, ...] = (
    Term("joint-demand", "Joint demand",
         "The coalition's one policy ask (or two or three tightly linked asks) that, if won, shifts "
         "power in the way all partners actually need. Not separate demands bundled together: one "
         "win that benefits everyone differently but really. Every partner endorses it.",
         (r"joint demands?",)),
    Term("ask", "Ask",
         "One of the joint demand's policy asks: what the coalition asks a decision-maker (the "
         "city council, an agency) to do. Each ask says what each partner stands to gain from it.",
         # "ask" is also a verb ("other groups ask to join"): the noun only, after a determiner.
         (r"asks", r"(?<=\ban\s)ask", r"(?<=\bthe\s)ask", r"(?<=\beach\s)ask", r"(?<=\bone\s)ask",
          r"(?<=\bevery\s)ask", r"(?<=\bthis\s)ask")),
    Term("stake", "Stake",
         "What a partner stands to gain from an ask, in its own words: why its members care. The "
         "stakes side by side show that the demand is joint, not one partner's demand with "
         "signatures.",
         (r"stakes?",)),
    Term("condition", "Condition",
         "A condition for change in the Coalition Logic map: something one partner's theory of "
         "change needs to be true (\"labor has power\", \"communities control local "
         "decisions\"). The map shows where each issue's conditions depend on the others'.",
         (r"conditions?",)),
    Term("requires-strengthens", "Requires, strengthens",
         "The two kinds of dependency between conditions in the Coalition Logic map. A condition "
         "that requires another cannot be met without it (\"climate action requires a just "
         "transition\"); one that strengthens another makes it easier to win, though it could be "
         "won alone.",
         (r"requires", r"strengthens")),
    Term("tension", "Tension",
         "A place where partners' positions pull apart (one partner's wage floor and another's "
         "affordability target). The pattern says: don't paper over conflicts; name them, "
         "document them, and decide whether they are dealbreakers or solvable through sequencing "
         "or joint problem-solving.",
         (r"tensions?",)),
    Term("steward", "Steward",
         "The person (or two or three) with real authority to keep the shared analysis alive. They "
         "don't run the coalition; they protect its cognitive coherence, attend the partners' "
         "major strategy meetings, and report to all partners equally, not to a lead "
         "organization.",
         (r"stewards?",)),
    Term("step-back", "Step back",
         "A partner may always step back: from one decision, from one ask, from field work, or "
         "from the coalition, under its autonomy agreement. Stepping back is said openly and is "
         "not a betrayal; the coalition has to make sense for everyone.",
         (r"(?:step|steps|stepped|stepping)(?: |-)back",)),
    Term("implementation-honesty-review", "Implementation-honesty review",
         "The monthly meeting of the stewards and any partner leads who can attend. Not to "
         "celebrate activity but to assess: are we actually moving the policy? Is each partner's "
         "day-to-day work still aligned with the coalition's strategy, or drifting back to "
         "single-issue campaigns? Are we learning together?",
         (r"implementation(?: |-)honesty reviews?", r"implementation honesty")),
    Term("signs-of-life", "Signs of life",
         "What a living coalition shows. The pattern names four; a review records those it saw "
         "that month.",
         (r"signs? of life",), tuple(SIGNS_OF_LIFE.items())),
    Term("signs-of-decay", "Signs of decay",
         "What a decaying coalition shows. The pattern names four; a review records those it saw "
         "that month. The second and third call for a replant.",
         (r"signs? of decay",), tuple(SIGNS_OF_DECAY.items())),
    Term("replant", "Replant",
         "What to do when the steward role lapses or partners begin side deals: call a reset "
         "meeting and ask directly whether the coalition is still real. If yes, recommit: a "
         "steward, continuity, the shared logic resurfaced. If no, dissolve it: holding a dead "
         "coalition is worse than having none.",
         (r"replant(?:s|ed|ing)?", r"reset meetings?")),
    Term("ritual", "Ritual",
         "The decay of a coalition that still meets but no longer works: groups show up, reaffirm "
         "alignment, and do nothing differently. The structure exists but doesn't circulate "
         "energy. A coalition whose reviews decide nothing and move nothing is drifting toward "
         "ritualism.",
         (r"ritual(?:s|ism|ized)?",)),
)
"""The glossary, in the order it is read: the charter's words, then the coalition's life."""


def glossary_words() -> list[str]:
    """The glossary's own sentences, which every site prints (for the leak check's corpus)."""
    return [text for term in TERMS for text in (term.word, term.definition)]


def glossary_markdown() -> str:
    """The glossary as a page of the documentation (``docs/glossary.md``): the same words the
    sites define, so that the documentation and the sites never disagree.

    ``python -m coalition_site.render.glossary > docs/glossary.md`` writes it.
    """
    lines = ["# Glossary", "",
             "The words of the pattern coalition-site serves, as every coalition site defines them on",
             "its own `glossary/` page and links them from the first place each appears on a page.",
             "This page is generated from the same definitions (`coalition_site/render/glossary.py`).",
             ""]
    for term in TERMS:
        lines += [f"## {term.word} {{#{term.anchor}}}", "", term.definition, ""]
        lines += [f"- **{words}** (`{sign}`)" for sign, words in term.signs]
        if term.signs:
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(glossary_markdown(), end="")
