"""Issue #11's proof at the markup level: no internal block, wherever Markdown finds it, shows
anything of itself to the public; or the page is refused with an error located in it.

The bodies come from the grammar in ``tests/leak_grammar.py`` (its docstring describes it;
``test_leak_grammar.py`` checks it against plain Python-Markdown). For every body: either the
public reading has an error located in the body, and so has the internal reading (errors stop
every build); or no canary is in the public HTML nor in its table of contents, while every
canary is in the internal HTML (so that nothing passes by dropping everything). Either way no
problem's message prints a canary: problems go to logs that anyone may read.
"""

from __future__ import annotations

import json

from hypothesis import event, given, note
from hypothesis import strategies as st

from coalition_site.markup import USUAL_EXTENSIONS, MarkupReader
from leak_grammar import Body, bodies, for_the_time_given, property_settings

PATH = "content/charter/problem-statement.md"
READER = MarkupReader(extensions=USUAL_EXTENSIONS)


def _describe(body: Body) -> None:
    note(body.explain())
    for block in body.blocks:  # shown by --hypothesis-show-statistics
        event("opener: " + block.opener.split("\n")[0].split('"')[0].strip())
        for container in block.containers:
            event(f"container: {container}")


@for_the_time_given()
@given(body=bodies(), body_line=st.sampled_from([1, 1, 6, 20]))
@property_settings(2000)
def test_a_public_reading_shows_no_internal_block_or_fails_located(body, body_line):
    _describe(body)
    public = READER.read(body.text, audience="public", path=PATH, body_line=body_line)
    internal = READER.read(body.text, audience="internal", path=PATH, body_line=body_line)
    lines = body.text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1

    logged = [f"{problem} <- {c}" for problem in public.problems + internal.problems
              for c in body.canaries if c.value in str(problem)]
    assert not logged, "a problem prints an internal value:\n" + "\n".join(logged)

    errors = [p for p in public.problems if p.level == "error"]
    internal_errors = [p for p in internal.problems if p.level == "error"]
    note(f"public problems: {[str(p) for p in public.problems]}")
    if errors:
        event("refused with an error")
        unlocated = [str(p) for p in errors
                     if p.path != PATH or not body_line <= p.line < body_line + lines or p.column < 1]
        assert not unlocated, (f"errors not located in the body (lines {body_line}-"
                               f"{body_line + lines - 1} of {PATH}): {unlocated}")
        assert internal_errors, f"the public reading refuses the body, the internal one does not: {errors}"
        return
    assert not internal_errors, f"the internal reading refuses the body, the public one does not: {internal_errors}"

    shown = public.html + json.dumps(public.toc_tokens, default=str)
    leaked = [str(c) for c in body.canaries if c.value in shown]
    assert not leaked, f"the public reading shows internal text: {leaked}\n{public.html}"
    missing = [str(c) for c in body.canaries if c.value not in internal.html]
    assert not missing, f"the internal reading does not show: {missing}\n{internal.html}"
