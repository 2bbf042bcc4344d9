"""Large coalitions' sites for the tests: the benchmark's generated charter (benchmarks/
generate.py) at a small scale, built for real for the internal audience."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_site import commands
from support import benchmark_script

REGIONS = ["Pennsylvania", "Ohio", "West Virginia"]
generator = benchmark_script("generate")


def build_generated(root: Path, *, partners: int, years: int = 1, prune: bool = False, groups: bool = False) -> Path:
    generator.generate(root, partners=partners, years=years, conditions=5, prune=prune)
    if groups:  # every fourth partner is left without one: "Other partners"
        for index, path in enumerate(sorted((root / "content" / "partners").glob("*.md"))):
            if index % 4 != 3:
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("\nissue: ", f"\ngroup: {REGIONS[index % 3]}\nissue: ", 1),
                                encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("COALITION_AUDIENCE", raising=False)
        return commands.build(root, audience="internal", site_dir=root / "site")


def partner_pages(site: Path) -> dict[str, str]:
    return {p.parent.name: p.read_text(encoding="utf-8")
            for p in (site / "partners").glob("*/index.html") if p.parent.name != "groups"}
