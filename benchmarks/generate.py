"""Write a large synthetic charter, and its plain mkdocs-material twin, for benchmarking.

    python benchmarks/generate.py OUT_DIR --partners 50 --years 10 --conditions 40

writes, deterministically (the same arguments and ``--seed`` give the same bytes):

``OUT_DIR/mkdocs.yml`` + ``OUT_DIR/content/``
    a complete coalition-site project that ``coalition-site check`` passes with no problem:
    the five charter pages, one file per partner, a Coalition Logic map, one review a month for
    ``--years`` years, and a few ordinary pages, with prose of realistic length (a partner page
    or a review is 200-400 words, as in the example charter).
``OUT_DIR/plain/mkdocs.yml`` + ``OUT_DIR/plain/docs/``
    the same Markdown pages for a plain mkdocs-material build: the same bodies, front matter cut
    down to ``title``/``description``, a Markdown page where coalition-site generates one (home,
    partners, reviews), the same theme, features, Markdown extensions and navigation shape, and
    ``plugins: [search]`` only. It is the yardstick ``run.py`` measures the plugin against.

The scale knobs are the three of the format that grow with a coalition's size and age:
partners, years of monthly reviews and Coalition Logic conditions. ``--groups N`` puts the
partners in N regional nodes (their ``group``), in blocks of neighbours, and draws most of a
condition's partners and dependencies from its own node, as a network of regional nodes would;
without it (the default) no partner has a group and the charter is the same as before.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The last review of every generated charter, and the "as of" date its builds use: fixed, so
# that the output never depends on the day the benchmark runs.
LAST_REVIEW = dt.date(2026, 11, 11)
BUILD_DATE = dt.date(2026, 11, 24)

# What the benchmark builds by default: the internal site, which has every page (reviews are
# internal by default, so the public site of the same charter leaves three in four out).
AUDIENCES = ("internal", "public")
# Marks a folder as this script's output, so that it only ever empties its own folders.
MARKER = ".generated-charter"

# Both builds use the same Markdown extensions, listed explicitly rather than left to the
# plugin to add, so that the two sites parse the same Markdown the same way.
MARKDOWN_EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "md_in_html", "tables",
                       "toc"]
# What the scaffold and the demo site enable: navigation.prune renders only the open branch of
# the navigation into each page, which keeps large sites near-linear to build.
THEME_FEATURES = ["navigation.indexes", "navigation.prune", "navigation.top", "search.suggest"]

PLACES = ["Riverside", "Hilltop", "Eastgate", "Millbrook", "Northfield", "Harbor", "Southside",
          "Westbrook", "Lakeview", "Oakdale", "Fairmount", "Greenway", "Brookline", "Clearwater",
          "Stonebridge", "Maplewood", "Cedar Point", "Ironton", "Elmhurst", "Kingsford"]
KINDS = [("Tenants Union", "Housing"), ("Transit Riders Alliance", "Public transit"),
         ("Clean Air Council", "Air quality"), ("Workers Center", "Labor rights"),
         ("Interfaith Network", "Faith and justice"), ("Food Cooperative", "Food access"),
         ("Youth Collective", "Youth organizing"), ("Immigrant Rights Project", "Immigrant rights"),
         ("Disability Justice League", "Disability rights"), ("Nurses Association", "Public health"),
         ("Teachers Local", "Public schools"), ("Water Protectors", "Clean water"),
         ("Small Business Guild", "Local economy"), ("Seniors Council", "Elder care"),
         ("Land Trust", "Community land")]
FIRST_NAMES = ["Maria", "James", "Aisha", "Tomas", "Lena", "Dev", "Grace", "Omar", "Rosa",
               "Kwame", "Hana", "Pavel", "Ines", "Marcus", "Yuki", "Fatima", "Sean", "Nadia"]
LAST_NAMES = ["Chen", "Okafor", "Nowak", "Garcia", "Reyes", "Kowalczyk", "Haddad", "Murphy",
              "Tanaka", "Mensah", "Silva", "Petrov", "Ahmed", "Lindqvist", "Dubois", "Park"]
CONDITION_THEMES = ["clean air", "affordable homes", "union jobs", "reliable buses",
                    "safe streets", "healthy food", "good schools", "clean water",
                    "immigrant safety", "community control of land", "public investment",
                    "accessible services", "care for elders", "youth leadership",
                    "worker standards", "civic voice", "local ownership", "public health",
                    "climate resilience", "fair wages"]
REGIONS = ["Allegheny", "Blue Ridge", "Cumberland", "Delaware Valley", "Erie Shore", "Finger Lakes",
           "Great Plains", "Hudson Valley", "Iron Range", "Jersey Shore", "Kanawha", "Lehigh Valley",
           "Mohawk", "Niagara", "Ozark", "Piedmont", "Quad Cities", "Red River", "Susquehanna",
           "Tidewater"]
CROSS_GROUP = 0.1
"""With --groups: the share of dependencies drawn to a condition of any node, not the condition's own."""
CONDITION_FRAMES = ["{} in every neighbourhood", "{} won and kept", "{} that residents decide",
                    "{} for the families who need it most", "{} paid for by public money",
                    "{} written into county law"]

# Sentences of the kind the example charter is written in. Placeholders are filled from the
# charter itself, so that pages name real partners and places and their words vary.
SENTENCES = [
    "{partner} brought the question to the table after three months of door-knocking in {place}.",
    "The steward asked each partner whether its daily work still served the joint demand.",
    "Nobody pretended the answer was simple, and the notes say so.",
    "{partner} reported that {number} members turned out to the hearing on {month}.",
    "The county's budget office has not yet published the figures it promised in {month}.",
    "Our members in {place} have waited {number} years for the county to keep its word.",
    "We agreed to say out loud where we disagree, rather than let it fester in side conversations.",
    "The joint demand only holds if every partner can point to what it wins for its own members.",
    "{partner} has carried most of the field work this season, and the others said so.",
    "A shared fact sheet went out to {number} congregations and union halls before the vote.",
    "The land survey in {place} found {number} vacant parcels held by the county for more than a decade.",
    "Trust is built in the small things: returning calls, sharing data, showing up when it is not your fight.",
    "{partner} will draft the testimony and circulate it to every partner a week before the hearing.",
    "Partners who stepped back from field work kept their seat and their say, as the autonomy agreement promises.",
    "Council staff have started to use our language about a transition that is done by the valley, not to it.",
    "The reset question was asked plainly: is this coalition still real? Every director answered.",
    "We lost the first vote by {number} to {number2}, and learned more from losing it than from any win.",
    "Resources crossed partner lines again: {partner} lent two organizers to the canvass in {place}.",
    "The minutes of the meeting in {month} record the disagreement in each partner's own words.",
    "A new group from {place} asked to observe the next review, which the steward welcomed.",
    "The data agreement covers aggregate counts only; no partner shares a family's details.",
    "Every ask was tested against the same question: does it mean something to each of us?",
    "The campaign calendar now runs through {month}, with a check-in at every monthly review.",
    "{partner} said plainly that its members were tired, and that the coalition should plan for it.",
    "The press release was drafted jointly, and no partner's logo came first.",
]

CONFIDENTIAL = ["In confidence", "Off the record", "Between the partners only", "Not for minutes"]

OPENINGS = {
    "problem-statement": "We share one problem, though each of us meets it from a different side.",
    "joint-demand": "We make one demand of linked asks, not a bundle of separate demands.",
    "steward-mandate": "The coalition has one steward, chosen from none of the partner organizations.",
    "autonomy": "No partner gave up its mission to join this coalition, and none is asked to.",
    "conflict-protocol": "We expected to disagree, and we do; this is how we decide when we do.",
}


@dataclass
class PartnerSpec:
    id: str
    name: str
    issue: str
    place: str
    joined: dt.date
    status: str = "active"
    visibility: str = "public"
    group: str | None = None


@dataclass
class Charter:
    """What the generator decided, shared by the coalition project and its plain twin."""

    name: str
    partners: list[PartnerSpec]
    reviews: list[dt.date]
    conditions: list[tuple[str, str]]
    audience: str = "internal"
    files: dict[str, str] = field(default_factory=dict)
    """The coalition project's content, by path under ``content/``."""
    internal_blocks: dict[str, str] = field(default_factory=dict)
    """The ``!!! internal`` block in a file's body, by path: what a public build leaves out."""
    plain: dict[str, str] = field(default_factory=dict)
    """The plain twin's pages, by path under ``docs/``."""


class Writer:
    """Deterministic prose and front matter, from one seeded random generator.

    Inside ``with writer.confidential():`` it writes internal text, which must never coincide
    with public text: the plugin's leak check would rightly find it in a public build. So
    internal sentences open with words public ones never use, and public sentences name only
    public partners.
    """

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.partners: list[PartnerSpec] = []
        self.internal = False

    @contextlib.contextmanager
    def confidential(self, internal: bool = True):
        saved, self.internal = self.internal, internal or self.internal
        try:
            yield
        finally:
            self.internal = saved

    def sentence(self) -> str:
        template = self.rng.choice(SENTENCES)
        named = [p for p in self.partners if self.internal or p.visibility == "public"]
        partner = self.rng.choice(named).name if named else "A partner"
        month = dt.date(2020 + self.rng.randrange(7), self.rng.randrange(1, 13), 1)
        text = template.format(partner=partner, place=self.rng.choice(PLACES),
                               month=f"{month:%B %Y}", number=self.rng.randrange(3, 400),
                               number2=self.rng.randrange(3, 12))
        if self.internal:
            return f"{self.rng.choice(CONFIDENTIAL)}, {text[0].lower()}{text[1:]}"
        return text

    def sentence_about(self, partner: PartnerSpec) -> str:
        """A sentence in a field keyed by ``partner``: internal when the partner is."""
        with self.confidential(partner.visibility == "internal"):
            return self.sentence()

    def paragraph(self, sentences: int) -> str:
        text = " ".join(self.sentence() for _ in range(sentences))
        # Internal prose stays on one line: the leak check reads Markdown line by line, and a
        # line break after "Off the record," would leave the rest of the line looking public.
        return text if self.internal else _wrap(text)

    def prose(self, words: int, *, links: list[tuple[str, str]] = (), heading_every: int = 0) -> str:
        """Paragraphs of about ``words`` words, with ``links`` woven in as Markdown links."""
        paragraphs: list[str] = []
        count = 0
        while count < words:
            if heading_every and paragraphs and len(paragraphs) % heading_every == 0:
                theme = self.rng.choice(CONDITION_THEMES).capitalize()
                paragraphs.append(f"## {theme}: where we really stand" if self.internal else f"## {theme}")
            paragraph = self.paragraph(self.rng.randrange(3, 6))
            count += len(paragraph.split())
            paragraphs.append(paragraph)
        for text, target in links:
            index = self.rng.randrange(len(paragraphs))
            if paragraphs[index].startswith("#"):
                index = (index + 1) % len(paragraphs)
            see = f"{self.rng.choice(CONFIDENTIAL)}, see" if self.internal else "See"
            paragraphs[index] += f" {see} [{text}]({target})."
        return "\n\n".join(paragraphs) + "\n"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def generate(out_dir: Path, *, partners: int = 50, years: int = 10, conditions: int = 40,
             seed: int = 1, prune: bool = True, audience: str = "internal", groups: int = 0) -> Charter:
    """Write the coalition project and its plain twin into ``out_dir`` (emptied first).

    ``prune=False`` leaves Material's ``navigation.prune`` out of both sites, to show what it
    saves. ``audience`` is the site built: ``internal`` (every page) or ``public`` (the
    published site, which the plugin also scans for leaks); the plain twin has that site's pages.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"--audience must be one of {', '.join(AUDIENCES)}")
    if partners < 2:
        raise ValueError("a coalition needs at least 2 partners")
    if conditions < 1 or years < 1:
        raise ValueError("--years and --conditions must be at least 1")
    if groups < 0 or groups > partners:
        raise ValueError("--groups must be between 0 and the number of partners")
    _clear(out_dir)
    writer = Writer(seed)
    charter = _plan(writer, partners, years, conditions)
    for index, spec in enumerate(charter.partners if groups else ()):
        # Blocks of neighbours: partner i is in node i * groups // partners.
        number = index * groups // partners
        spec.group = REGIONS[number % len(REGIONS)] + (f" {number // len(REGIONS) + 1}" if number >= len(REGIONS) else "")
    charter.audience = audience
    _write_content(writer, charter)
    _write_plain(writer, charter)

    for path, text in charter.files.items():
        _write(out_dir / "content" / path, text)
    for path, text in charter.plain.items():
        _write(out_dir / "plain" / "docs" / path, text)
    features = [f for f in THEME_FEATURES if prune or f != "navigation.prune"]
    _write(out_dir / "mkdocs.yml", _mkdocs_yml(charter, features, plain=False))
    _write(out_dir / "plain" / "mkdocs.yml", _mkdocs_yml(charter, features, plain=True))
    return charter


# -- deciding what the charter holds ---------------------------------------------------------
def _plan(writer: Writer, partners: int, years: int, conditions: int) -> Charter:
    rng = writer.rng
    specs: list[PartnerSpec] = []
    used: set[str] = set()
    founded = LAST_REVIEW.replace(year=LAST_REVIEW.year - years) - dt.timedelta(days=60)
    for index in range(partners):
        kind, issue = KINDS[index % len(KINDS)]
        place = PLACES[(index // len(KINDS) + index) % len(PLACES)]
        name = f"{place} {kind}"
        slug = _slug(name)
        if slug in used:
            name, slug = f"{name} {index}", f"{slug}-{index}"
        used.add(slug)
        joined = founded + dt.timedelta(days=rng.randrange(0, 365 * years))
        if index == 0:
            # A founding partner: the coalition is founded the day it joins, before every review
            # and every other date of the charter (`date-before-founding`).
            joined = founded
        status = "active"
        # A few partners have stepped back or left, as in any coalition that lasts ten years.
        if index % 17 == 5:
            status = "stepped-back"
        elif index % 23 == 11:
            status = "departed"
        specs.append(PartnerSpec(slug, name, issue, place, joined, status,
                                 "internal" if index % 29 == 13 else "public"))
    writer.partners = specs

    # The second Wednesday of each month, the last one on LAST_REVIEW.
    reviews = []
    for back in range(years * 12 - 1, -1, -1):
        month = (LAST_REVIEW.year * 12 + LAST_REVIEW.month - 1) - back
        first = dt.date(month // 12, month % 12 + 1, 1)
        reviews.append(first + dt.timedelta(days=(2 - first.weekday()) % 7 + 7))
    assert reviews[-1] == LAST_REVIEW

    labels = []
    for index in range(conditions):
        theme = CONDITION_THEMES[index % len(CONDITION_THEMES)]
        frame = CONDITION_FRAMES[(index // len(CONDITION_THEMES)) % len(CONDITION_FRAMES)]
        label = frame.format(theme).capitalize()
        if index >= len(CONDITION_THEMES) * len(CONDITION_FRAMES):
            label = f"{label} ({index})"
        labels.append((_slug(label), label))
    return Charter(f"{PLACES[0]} Common Ground Coalition", specs, reviews, labels)


# -- the coalition project ---------------------------------------------------------------------
def _write_content(writer: Writer, charter: Charter) -> None:
    rng = writer.rng
    partners = charter.partners
    current = [p for p in partners if p.status != "departed"]
    ratified = dt.date(LAST_REVIEW.year, 2, 10)
    founded = min(p.joined for p in partners)
    files = charter.files

    files["coalition.yml"] = _yaml({
        "name": charter.name,
        "short_name": "CGC",
        "tagline": "Homes, air, jobs and buses, won together.",
        "founded": founded,
        "charter": {"version": "1.2.0", "ratified": ratified},
        "review_cadence_days": 31,
        "commons_assessment": {"resilience": 3.0, "autonomy": 3.5, "trust": 3.0},
    })

    endorsements = {p.id: ratified + dt.timedelta(days=rng.randrange(0, 6)) for p in current}
    files["charter/problem-statement.md"] = _markdown({
        "title": "The problem we share",
        "description": "Why our partners wrote one problem statement together.",
        "endorsements": endorsements,
    }, OPENINGS["problem-statement"] + "\n\n" + writer.prose(450))

    asks = []
    for number, (ask_id, text) in enumerate([
            ("homes-and-air", "Retire the county's worst polluting sites and put the land in a community land trust."),
            ("transition-jobs", "Guarantee every displaced worker a union job at equal pay and seniority."),
            ("buses-that-come", "Restore every bus route cut since 2019, on a fifteen-minute schedule.")]):
        asks.append({
            "id": ask_id, "ask": text,
            "measure": writer.sentence(),
            "advances": [cid for cid, _ in charter.conditions[number::7][:3]],
            "benefits": {p.id: writer.sentence_about(p) for p in current},
        })
    files["charter/joint-demand.md"] = _markdown({
        "title": "Our joint demand",
        "description": "One demand of three linked asks, to the county council.",
        "target": "The county council",
        "deadline": dt.date(LAST_REVIEW.year + 1, 6, 30),
        "status": "campaigning",
        "asks": asks,
        "endorsements": endorsements,
    }, OPENINGS["joint-demand"] + "\n\n" + writer.prose(500))

    files["charter/steward-mandate.md"] = _markdown({
        "title": "The steward's mandate",
        "description": "Who tends the coalition between campaigns, and what they may do.",
        "stewards": [{"name": writer.person(), "affiliation": "independent",
                      # Three years in office, or since the founding of a younger coalition.
                      "since": max(LAST_REVIEW.replace(year=LAST_REVIEW.year - 3, month=4, day=1),
                                   founded),
                      "term_ends": LAST_REVIEW.replace(year=LAST_REVIEW.year + 1, month=3, day=31),
                      "commitment": 0.5}],
        "reports_to": "all-partners",
        "authority": [writer.sentence() for _ in range(6)],
    }, OPENINGS["steward-mandate"] + "\n\n" + writer.prose(400))

    files["charter/autonomy.md"] = _markdown({
        "title": "Autonomy agreements",
        "description": "What each partner keeps as its own, and how it may step back.",
        "agreements": {p.id: {"may_step_back": True, "notice_days": rng.choice([3, 7, 14, 30]),
                              "keeps_solo": writer.sentence_about(p)} for p in current},
    }, OPENINGS["autonomy"] + "\n\n" + writer.prose(320))

    files["charter/conflict-protocol.md"] = _markdown({
        "title": "How we decide when we disagree",
        "description": "The conflict protocol, adopted at the founding.",
        "adopted": founded + dt.timedelta(days=45),
        "decision_rule": "supermajority",
        "threshold": 0.75,
        "fallback": "step-back",
        "steps": [writer.sentence() for _ in range(5)],
        "mediator": "Three Rivers Mediation Center",
    }, OPENINGS["conflict-protocol"] + "\n\n" + writer.prose(380)
        + _internal_block(charter, "charter/conflict-protocol.md", "Internal note", writer))

    for index, partner in enumerate(partners):
        with writer.confidential(partner.visibility == "internal"):
            front = {
                "name": partner.name, "issue": partner.issue,
                "theory_of_change": " ".join(writer.sentence() for _ in range(2)),
                "constituency": f"{rng.randrange(200, 9000):,} members in {partner.place}",
                "joined": partner.joined,
                "website": f"https://{partner.id}.example.org",
                "status": partner.status,
            }
            if partner.status == "stepped-back":
                # Never before it joined (`stepped-back-since`): a partner that joined late steps
                # back a fortnight after (a new object: YAML would write the same one as an alias).
                since = max(partner.joined + dt.timedelta(days=14),
                            LAST_REVIEW - dt.timedelta(days=rng.randrange(30, 300)))
                front["stepped_back"] = {"since": since,
                                         "scope": "field work on the land-trust ask",
                                         "reason": writer.sentence()}
            if partner.group:
                front["group"] = partner.group
            if partner.visibility == "internal":
                front["visibility"] = "internal"
            front["representatives"] = [
                {"name": person, "role": role, "email": f"{_slug(person)}@{partner.id}.example.org",
                 "github": _slug(person)}
                for person, role in ((writer.person(), "Director"), (writer.person(), "Lead organizer"))]
            body = writer.prose(300, links=[("the autonomy agreements", "../charter/autonomy.md")])
            if index % 3 == 0:
                body += _internal_block(charter, f"partners/{partner.id}.md", "Internal note", writer)
        files[f"partners/{partner.id}.md"] = _markdown(front, body)

    files["logic.yml"] = _yaml(_logic(writer, charter))

    for number, date in enumerate(charter.reviews):
        public = number % 4 == 0  # reviews are internal unless they say otherwise
        with writer.confidential(not public):
            files[f"reviews/{date.isoformat()}.md"] = _review(writer, charter, number, date, public)

    # A few ordinary pages, as every charter has: onboarding, an FAQ, notes for staff.
    files["onboarding.md"] = _markdown(
        {"title": "Welcome to the coalition", "description": "Where a new staff member starts."},
        writer.prose(500, heading_every=3,
                     links=[("the joint demand", "charter/joint-demand.md"),
                            ("the conflict protocol", "charter/conflict-protocol.md")]))
    files["faq.md"] = _markdown(
        {"title": "Frequently asked questions"},
        "\n\n".join(f"## {writer.sentence().rstrip('.')}?\n\n{writer.paragraph(3)}" for _ in range(8)) + "\n")
    with writer.confidential():
        files["strategy-notes.md"] = _markdown(
            {"title": "Strategy notes", "visibility": "internal"}, writer.prose(300, heading_every=2))
    # Not history.md: that is the charter history page coalition-site writes itself.
    files["our-story.md"] = _markdown({"title": "Our story"}, writer.prose(600, heading_every=4))
    # Not glossary.md: that is the glossary of the pattern's words coalition-site writes itself.
    files["our-words.md"] = _markdown(
        {"title": "Our own words"},
        "| Term | Meaning |\n|---|---|\n" + "\n".join(
            f"| {theme.capitalize()} | {writer.sentence()} |" for theme in CONDITION_THEMES) + "\n")


def _review(writer: Writer, charter: Charter, number: int, date: dt.date, public: bool) -> str:
    rng = writer.rng
    active = [p for p in charter.partners if p.status == "active"]
    attended = [p for p in active if rng.random() < 0.9] or active[:1]
    front: dict = {"date": date}
    if public:
        front["visibility"] = "public"
    front.update({
        "facilitator": writer.person(),
        "attended": [p.id for p in attended],
        "policy_progress": rng.choice(["advancing", "advancing", "stalled", "regressing"]),
        "alignment": {p.id: rng.choice(["aligned", "aligned", "aligned", "drifting",
                                        "solo-by-agreement"]) for p in attended},
        "signs_of_life": rng.sample(["shared-language", "resource-flow", "new-members",
                                     "conflict-resolved"], rng.randrange(0, 3)),
        "signs_of_decay": rng.sample(["communications-only", "steward-lapse", "side-deals",
                                      "vague-demand"], rng.choice([0, 0, 0, 1])),
        "scores": {"resilience": round(rng.uniform(2.0, 4.5), 1),
                   "autonomy": round(rng.uniform(2.0, 4.5), 1),
                   "trust": round(rng.uniform(2.0, 4.5), 1)},
        "decisions": [writer.sentence() for _ in range(rng.randrange(1, 4))],
    })
    linkable = [p for p in attended if not public or p.visibility == "public"]
    named = rng.sample(linkable, min(2, len(linkable)))
    body = writer.prose(230, links=[(p.name, f"../partners/{p.id}.md") for p in named])
    if number % 5 == 2:
        body += _internal_block(charter, f"reviews/{date.isoformat()}.md",
                                "Not for the public record", writer)
    return _markdown(front, body)


def _internal_block(charter: Charter, path: str, title: str, writer: Writer) -> str:
    with writer.confidential():
        text = writer.paragraph(3)
    block = f'\n!!! internal "{title}"\n' + _indent(text) + "\n"
    charter.internal_blocks[path] = block
    return block


def _logic(writer: Writer, charter: Charter) -> dict:
    rng = writer.rng
    ids = [cid for cid, _ in charter.conditions]
    mapped = [p for p in charter.partners if p.status != "departed"]
    grouped = any(p.group for p in mapped)
    # With groups, a condition belongs to the node of its first partner, and draws its other
    # partners and most of its dependencies from that node.
    nodes: dict[str | None, list[PartnerSpec]] = {}
    for partner in mapped:
        nodes.setdefault(partner.group, []).append(partner)
    home: list[str | None] = []
    conditions = []
    for index, (cid, label) in enumerate(charter.conditions):
        # Every partner that has not left is on at least one condition (partner-in-logic-map).
        first = mapped[index::len(ids)]
        members = {p.id for p in first}
        pool = nodes[first[0].group] if grouped and first else mapped
        home.append(first[0].group if grouped and first else None)
        members.update(p.id for p in rng.sample(pool, min(len(pool), rng.randrange(1, 3))))
        entry = {"id": cid, "label": label, "partners": sorted(members)}
        if index % 4 == 0:
            entry["description"] = writer.sentence()
        conditions.append(entry)
    by_home: dict[str | None, list[str]] = {}
    for cid, group in zip(ids, home):
        by_home.setdefault(group, []).append(cid)
    dependencies = []
    for index, cid in enumerate(ids):
        if len(ids) < 2:
            break
        for _ in range(rng.choice([1, 1, 2])):
            if grouped and rng.random() >= CROSS_GROUP and len(by_home[home[index]]) > 1:
                near = by_home[home[index]]
                to = rng.choice([other for other in near if other != cid])
            else:
                to = rng.choice(ids[:index] + ids[index + 1:])
            dependencies.append({"from": cid, "to": to,
                                 "kind": rng.choice(["requires", "requires", "strengthens"]),
                                 "why": writer.sentence()})
    tensions = []
    for index in range(max(1, len(ids) // 4)):
        between = rng.sample(mapped, min(len(mapped), rng.choice([2, 2, 3])))
        status = rng.choice(["open", "sequenced", "resolved", "open"])
        internal = index % 3 == 2
        # A tension with an internal partner is left out of the public site all the same.
        with writer.confidential(internal or any(p.visibility == "internal" for p in between)):
            tension = {"id": f"tension-{index + 1}", "between": [p.id for p in between],
                       "about": writer.sentence(), "status": status}
            if status != "open":
                tension["resolution"] = writer.sentence()
        if internal:
            tension["visibility"] = "internal"
        tensions.append(tension)
    return {"conditions": conditions, "dependencies": dependencies, "tensions": tensions}


# -- the plain twin --------------------------------------------------------------------------------
def _write_plain(writer: Writer, charter: Charter) -> None:
    """The same pages as plain Markdown: bodies kept, charter fields of the front matter dropped.

    For the public site, only what it publishes: no internal file, no ``!!! internal`` block.
    """
    plain = charter.plain
    public = charter.audience == "public"
    partners = [p for p in charter.partners if not public or p.visibility == "public"]
    for path, text in charter.files.items():
        if not path.endswith(".md"):
            continue
        front, body = _split(text)
        if public:
            default = "internal" if path.startswith("reviews/") else "public"
            if front.get("visibility", default) == "internal":
                continue
            body = body.replace(charter.internal_blocks.get(path, "\0"), "")
        title = front.get("title") or front.get("name")
        if "date" in front and path.startswith("reviews/"):
            title = f"{front['date'].day} {front['date']:%B %Y}"
        kept = {key: front[key] for key in ("description",) if key in front}
        plain[path] = _markdown({"title": title, **kept} if title else kept, body)
    # Where coalition-site generates a page, the plain site has a Markdown page of the same list.
    plain["index.md"] = _markdown({"title": "Home"}, f"# {charter.name}\n\n" + "\n".join(
        f"- [{p.name}](partners/{p.id}.md): {p.issue}" for p in partners) + "\n")
    plain["partners/index.md"] = _markdown({"title": "Partners"}, "| Partner | Issue |\n|---|---|\n" + "\n".join(
        f"| [{p.name}]({p.id}.md) | {p.issue} |" for p in partners) + "\n")
    plain["reviews/index.md"] = _markdown({"title": "Reviews"}, "\n".join(
        f"- [{d.isoformat()}]({d.isoformat()}.md)" for d in reversed(charter.reviews)
        if f"reviews/{d.isoformat()}.md" in plain) + "\n")


def _plain_nav(charter: Charter) -> list:
    """The navigation coalition-site generates, in the same shape (reviews grouped by year)."""
    def title(path: str) -> str:
        return _split(charter.plain[path])[0]["title"]

    charter_pages = ["problem-statement", "joint-demand", "steward-mandate", "autonomy",
                     "conflict-protocol"]
    ordinary = sorted(path for path in charter.plain if "/" not in path and path != "index.md")
    years: dict[int, list] = {}
    for date in reversed(charter.reviews):
        if f"reviews/{date.isoformat()}.md" not in charter.plain:
            continue
        years.setdefault(date.year, []).append(
            {f"{date.day} {date:%B %Y}": f"reviews/{date.isoformat()}.md"})
    return [
        {"Home": "index.md"},
        {"Charter": [{title(f"charter/{name}.md"): f"charter/{name}.md"} for name in charter_pages]},
        {"Partners": ["partners/index.md"] + [
            {p.name: f"partners/{p.id}.md"} for p in sorted(charter.partners, key=lambda p: p.name.lower())
            if f"partners/{p.id}.md" in charter.plain]},
        {"Reviews": ["reviews/index.md"] + [{str(year): entries} for year, entries in years.items()]},
    ] + [{title(path): path} for path in ordinary]


def _mkdocs_yml(charter: Charter, features: list[str], *, plain: bool) -> str:
    config: dict = {
        "site_name": charter.name,
        "docs_dir": "docs" if plain else "content",
        "theme": {"name": "material", "features": features},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
    }
    if plain:
        config["plugins"] = ["search"]
        config["nav"] = _plain_nav(charter)
    else:
        # The diagram cache in the project (not the user's own folder), where run.py clears it
        # before each build and a benchmark never fills the user's cache.
        config["plugins"] = ["search", {"coalition": {"audience": charter.audience,
                                                      "build_date": BUILD_DATE.isoformat(),
                                                      "cache_dir": ".cache/coalition"}}]
    header = ("# A plain mkdocs-material site of the same pages: the yardstick.\n" if plain else
              "# A synthetic charter written by benchmarks/generate.py.\n")
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


# -- text helpers ------------------------------------------------------------------------------------
def _yaml(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _markdown(front: dict, body: str) -> str:
    return f"---\n{_yaml(front)}---\n{body}"


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _wrap(text: str, width: int = 96) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.split("\n"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _clear(out_dir: Path) -> None:
    """Empty ``out_dir`` if this script wrote it; refuse any other folder that has files."""
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / MARKER).is_file():
            raise ValueError(f"'{out_dir}' is not empty and was not written by this script; "
                             "give a new or empty folder")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("written by benchmarks/generate.py; safe to delete\n")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--partners", type=int, default=50)
    parser.add_argument("--years", type=int, default=10, help="years of monthly reviews")
    parser.add_argument("--conditions", type=int, default=40, help="Coalition Logic conditions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-prune", action="store_true",
                        help="leave Material's navigation.prune out of both sites")
    parser.add_argument("--audience", choices=AUDIENCES, default="internal",
                        help="the site to build and compare (default: internal, every page)")
    parser.add_argument("--groups", type=int, default=0,
                        help="put the partners in this many regional nodes (their `group`; default: none)")
    args = parser.parse_args(argv)
    try:
        charter = generate(args.out_dir, partners=args.partners, years=args.years,
                           conditions=args.conditions, seed=args.seed, prune=not args.no_prune,
                           audience=args.audience, groups=args.groups)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"{args.out_dir}: {len(charter.files)} charter files, {len(charter.plain)} plain pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
