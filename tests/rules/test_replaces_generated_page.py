"""replaces-generated-page: a page of the content folder where the site writes its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_site.audience import for_audience
from coalition_site.load.charter import load_charter
from coalition_site.sitebuild import FEATURES, BuildOptions, SiteBuild
from coalition_site.rules.replaces_generated_page import GENERATED_PAGES, STAFF_PAGE
from support import AS_OF, article, invoke, run

DEMO = Path(__file__).resolve().parents[2]

ONLY = "replaces-generated-page"
REPLACES = ("content/{uri}:2:1: warning: this page replaces the generated {what}; rename it to keep "
            "both, or set rules: {{replaces-generated-page: off}} to replace it on purpose "
            "[replaces-generated-page]")
HOME = "home page (the coalition, its joint demand, its partners and charter)"


def _page(title: str = "Our own page") -> str:
    return f"---\ntitle: {title}\n---\nOUR-OWN-TEXT\n"


@pytest.mark.parametrize("uri, what", [
    ("index.md", HOME),
    ("partners/index.md", "partners page (every partner, with its issue and status)"),
    ("reviews/index.md", "reviews page (every review, by year)"),
    ("history.md", "charter history page (every version, and who endorsed it)"),
    ("history/index.md", "charter history page (every version, and who endorsed it)"),
    ("logic/index.md", "Coalition Logic page (the map of conditions, dependencies and tensions)"),
    ("vitality/index.md", "vitality dashboard (the reviews' signs of life and decay, over time)"),
])
def test_a_page_at_a_generated_page_is_a_warning_naming_what_it_replaces(project, uri, what):
    project.write(uri, _page())
    assert project.findings(only=ONLY) == [REPLACES.format(uri=uri, what=what)]


@pytest.mark.parametrize("uri, address, generated", [
    ("README.md", "/", "index.md"),
    ("partners.md", "/partners/", "partners/index.md"),
    ("partners/README.md", "/partners/", "partners/index.md"),
    ("logic.md", "/logic/", "logic/index.md"),
    ("history/README.md", "/history/", "history.md"),
])
def test_a_page_at_a_generated_page_s_address_is_a_warning_that_it_is_hidden(project, uri, address, generated):
    project.write(uri, _page())
    what = GENERATED_PAGES[generated]
    assert project.findings(only=ONLY) == [
        f"content/{uri}:2:1: warning: this page has the address of {what}, '{address}', which hides "
        f"it; rename it to keep both, or name it '{generated}' to replace that page on purpose "
        "[replaces-generated-page]"]


def test_other_pages_in_those_folders_are_no_finding(project):
    for uri in ("welcome.md", "logic/reading-the-map.md", "vitality/how-to-read.md", "home/index.md"):
        project.write(uri, _page())
    assert project.findings(only=ONLY) == []


def test_the_rule_can_be_turned_off_to_replace_a_page_on_purpose(project):
    project.write("index.md", _page())
    assert project.findings(levels={ONLY: "off"}) == []


def test_the_generated_pages_are_the_ones_the_site_generates(sample):
    # The table the rule reads is the site's: every page a full build generates, no more.
    sample.write("coalition.yml", sample.read("coalition.yml") + "history:\n  - version: 1.0.0\n")
    build = SiteBuild(for_audience(load_charter(sample.content).charter, "internal"), BuildOptions(today=AS_OF), features=FEATURES)
    staff_pages = {STAFF_PAGE.format(partner_id=pid) for pid in build.charter.partners}
    assert {uri for uri, page in build.plan.pages.items() if page.generated} == set(GENERATED_PAGES) | staff_pages


def test_a_page_written_for_a_partners_staff_replaces_the_generated_one(project):
    project.write("onboarding/tenants-union.md", _page())
    assert project.findings(only=ONLY) == [
        "content/onboarding/tenants-union.md:2:1: warning: this page replaces the generated page for new "
        "staff at Riverside Tenants Union (why it is allied with each partner); rename it to keep both, "
        "or set rules: {replaces-generated-page: off} to replace it on purpose [replaces-generated-page]"]


def test_the_coalitions_own_start_here_text_is_shown_inside_not_warned_of(project):
    for uri in ("onboarding.md", "onboarding/index.md"):
        project.write(uri, _page())
        assert project.findings(only=ONLY) == []
        (project.content / uri).unlink()


@pytest.mark.parametrize("uri, kind, title", [("logic/index.md", "logic", "Coalition logic"),
                                              ("vitality/index.md", "vitality", "Vitality")])
def test_a_features_page_written_by_the_coalition_replaces_it_in_its_place(sample, uri, kind, title):
    generated = SiteBuild(for_audience(load_charter(sample.content).charter, "public"), BuildOptions(today=AS_OF), features=FEATURES)
    assert generated.plan.pages[uri].kind == kind
    sample.write(uri, _page("Our own map"))
    build = SiteBuild(for_audience(load_charter(sample.content).charter, "public"), BuildOptions(today=AS_OF), features=FEATURES)
    assert (build.plan.pages[uri].kind, build.plan.pages[uri].title) == ("page", "Our own map")
    position = [next(iter(entry)) for entry in generated.plan.nav].index(title)
    assert build.plan.nav[position] == {"Our own map": uri}
    assert sum(entry == {"Our own map": uri} for entry in build.plan.nav) == 1


def test_check_and_build_warn_and_the_page_replaces_the_generated_one(sample):
    sample.write("index.md", _page("Welcome"))
    expected = REPLACES.format(uri="index.md", what=HOME)
    checked = invoke("check", sample.root)
    assert (checked.exit_code, checked.output) == (0, f"{expected}\ncontent: 1 warning\n")
    built = run("build", sample.root)
    assert built.returncode == 0 and expected in built.stderr
    assert "OUR-OWN-TEXT" in article((sample.root / "site" / "index.html").read_text()).text
    strict = invoke("check", "--strict", sample.root)
    assert strict.exit_code == 1


def test_the_demo_replaces_no_generated_page():
    checked = invoke("check", DEMO)
    assert (checked.exit_code, checked.output) == (0, "content: no problems\n")
