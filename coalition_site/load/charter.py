"""Load a charter's content folder into a validated :class:`~coalition_site.model.Charter`.

Every problem in every file is collected in one run, never one per run: a steward fixing a
pull request sees the whole list at once.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import ProjectError
from ..markup import PRIVACY_CHECKS, MarkupReader, Reading, may_hold_markers
from ..model import KNOWN_PAGE_KEYS, Charter, Coalition, Logic, Page, Partner, Review
from ..model.base import ID_PATTERN, MarkdownFile
from ..model.layout import (AUTONOMY, CHARTER_FILES, COALITION, DATA_FILES, JOINT_DEMAND, LOGIC,
                            PARTNER_NAME, PROBLEM_STATEMENT, REQUIRED_FILES, REVIEW_FOLDERS,
                            REVIEW_NAME, REVIEWS_INDEXES, STEWARD_MANDATE)
from ..problems import Problem
from .file_cache import ReadingCache, pickled, unpickled
from .files import (SourceFile, and_list, misplaced_front_matter, read_text, scan_content,
                    split_front_matter)
from .history import check_history
from .privacy_markers import RULE as PRIVACY_RULE
from .privacy_markers import (PRIVACY_KEYS, block_syntax_in_text, block_syntax_message,
                              is_privacy_key, privacy_key_message, privacy_label,
                              privacy_label_message)
from .sources import Source, SourceIndex
from .unsafe_markup import MARKUP_CHECKS, find_unsafe_markup
from .validate import validate_model
from .yaml_source import SourceMap, YamlSourceError, parse_yaml

# `key: value` lines at the top of a body are front matter in the wrong place when one of their
# keys is one of these (lowercase): what a Markdown file of the charter, MkDocs or Material reads.
_MARKDOWN_MODELS: tuple[type[MarkdownFile], ...] = (Partner, Review,
                                                   *(m for _, m in CHARTER_FILES.values()))
FRONT_MATTER_KEYS = frozenset(
    {name.lower() for model in _MARKDOWN_MODELS for name in model.model_fields}
    | KNOWN_PAGE_KEYS | PRIVACY_KEYS)


@dataclass
class LoadResult:
    """The charter (``None`` when errors keep it from being assembled) and every problem."""

    charter: Charter | None
    problems: list[Problem] = field(default_factory=list)
    sources: SourceIndex = field(default_factory=SourceIndex)
    readings: dict[str, Reading] = field(default_factory=dict)
    """Each Markdown body as Markdown renders it for the partners, by ``src_uri``."""


MapFiles = Callable[[Callable[[tuple[SourceFile, str]], bytes], Sequence[tuple[SourceFile, str]]], list[bytes]]
"""``map_files(function, items)``: ``[function(item) for item in items]``, maybe on other cores."""


def load_charter(docs_dir: Path | str, project_dir: Path | str | None = None, *,
                 reader: MarkupReader | None = None, cache: ReadingCache | None = None,
                 map_files: MapFiles | None = None) -> LoadResult:
    """Read, parse and validate every file of ``docs_dir``.

    ``project_dir`` is what problem paths are relative to (the folder of ``mkdocs.yml``);
    ``reader`` reads the Markdown bodies with the site's extensions (the usual ones by default);
    ``cache`` holds each file's reading from an earlier check, by content (file_cache.py).
    ``map_files`` reads the files the cache does not hold, all at once (each file's reading is
    pure: on every core of the machine, say); else they are read one by one.
    Raises :class:`ProjectError` only when there is no content folder at all.
    """
    docs_dir = Path(docs_dir).resolve()
    project_dir = Path(project_dir).resolve() if project_dir else docs_dir.parent
    if not docs_dir.is_dir():
        raise ProjectError(f"the content folder '{docs_dir}' does not exist; create it, or run "
                           "'coalition-site new DIR' for a starter charter")
    files, problems = scan_content(docs_dir, project_dir)
    loader = _Loader(docs_dir, project_dir, problems, reader or MarkupReader(), cache)
    if map_files is not None:
        loader.read_ahead(files, map_files)
    for file in files:
        loader.load(file)
    charter = loader.assemble()
    return LoadResult(charter, sorted(set(loader.problems)), loader.sources, loader.readings)


def _id_meant(name: str) -> str | None:
    """The id a file name that is not one was meant to be (``Clean_Water Alliance`` ->
    ``clean-water-alliance``), or ``None`` when it is an id already or none can be told."""
    if re.match(ID_PATTERN, name):
        return name
    meant = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return meant if meant and re.match(ID_PATTERN, meant) else None


_CLOSER = re.compile(r"^---[ \t]*$", re.MULTILINE)


def _no_front_matter(file: SourceFile, text: str) -> Problem | None:
    """The one error for a charter file whose fields cannot be read because its front matter
    does not open on line 1 (``None`` for a file that needs no front matter)."""
    uri = file.src_uri
    if uri in CHARTER_FILES:
        model: type[MarkdownFile] = CHARTER_FILES[uri][1]
        what = "charter page"
    elif (match := PARTNER_NAME.match(uri)) and match.group(1) not in ("index", "README"):
        model, what = Partner, "partner file"
    elif REVIEW_NAME.match(uri):
        model, what = Review, "review"
    else:
        return None
    required = [info.alias or name for name, info in model.model_fields.items() if info.is_required()]
    if not required:
        return None
    closer = _CLOSER.search(text)
    fix = (f"add a line '---' above line 1 (the '---' on line {text.count(chr(10), 0, closer.start()) + 1} "
           "then closes it)" if closer else
           "add a line '---' above line 1 and another after the last key")
    keys_text = and_list([f"'{key}'" for key in required])
    return Problem(file.display, 1, 1, "error", f"line 1 must be '---': a {what} starts with its "
                   f"fields (such as {keys_text}) between two lines '---'; {fix}", "front-matter")


@dataclass
class FileReading:
    """What one file's text reads as before the charter is assembled: its YAML's data and
    where each field stands, its Markdown body and Markdown's reading of it, and the problems
    found so far. A function of the text, the file's path and the reader alone (what the
    cache of readings is keyed by, file_cache.py)."""

    problems: list[Problem] = field(default_factory=list)
    stop: bool = False
    """Nothing more of the file can be read (its front matter cannot be told)."""
    data: Any = None
    smap: SourceMap | None = None
    """``None`` when the YAML could not be read (its problem is in :attr:`problems`)."""
    body: str = ""
    body_line: int = 1
    reading: Reading | None = None
    """Markdown's reading of a Markdown file's body (``None`` for YAML files, and for Markdown
    files whose front matter stopped the reading)."""


def read_file(file: SourceFile, text: str, reader: MarkupReader) -> FileReading:
    """Split, parse and read one charter file's ``text`` (Markdown or YAML)."""
    if not file.src_uri.endswith(".md"):
        data, smap, problems = _parse(file, text)
        return FileReading(problems, data=data, smap=smap)
    front = split_front_matter(text)
    if front.text is None and text.split("\n", 1)[0].rstrip() == "---":
        # Unclosed, it would be read as Markdown: a `visibility: internal` in it ignored.
        return FileReading([Problem(
            file.display, 1, 1, "error", "the front matter that starts on line 1 is never "
            "closed; add a line '---' after its last key", "yaml")], stop=True)
    if front.text is None and (missing := _no_front_matter(file, text)):
        # Not one "'name' is missing" per field that is visibly there, below line 1.
        return FileReading([missing], stop=True)
    misplaced = misplaced_front_matter(front, keys=FRONT_MATTER_KEYS, path=file.display)
    if misplaced:
        # What the front matter says (its visibility above all) cannot be known: nothing
        # else of the file is read.
        return FileReading([misplaced], stop=True)
    # Without front matter, a missing field is reported at line 1, not below it.
    data, smap, problems = _parse(file, front.text or "", line_offset=0 if front.text is None else 1)
    body, body_line = front.body, front.body_line
    problems += find_unsafe_markup(body, path=file.display, body_line=body_line)
    # Markdown's own reading decides what is internal and what only looks like it.
    if may_hold_markers(body):
        reading = reader.read(body, audience="internal", path=file.display, body_line=body_line)
        problems += reading.problems
    else:
        reading = Reading(None)  # rendered when needed (an internal file's values)
    return FileReading(problems, data=data, smap=smap, body=body, body_line=body_line, reading=reading)


def _read_pickled(reader: MarkupReader, job: tuple[SourceFile, str]) -> bytes:
    """:func:`read_file`, pickled as the cache keeps it (in a worker process: the parent then
    neither builds nor pickles the reading itself). At module level, so that a worker finds it."""
    file, text = job
    return pickled(read_file(file, text, reader))


def _parse(file: SourceFile, text: str, line_offset: int = 0) -> tuple[Any, SourceMap | None, list[Problem]]:
    try:
        data, smap = parse_yaml(text, line_offset)
        return data, smap, []
    except YamlSourceError as exc:
        message = f"{exc.message}; {exc.fix}" if exc.fix else exc.message
        return None, None, [Problem(file.display, exc.line, exc.column, "error", message, "yaml")]


class _Loader:
    def __init__(self, docs_dir: Path, project_dir: Path, problems: list[Problem], reader: MarkupReader,
                 cache: ReadingCache | None = None):
        self.docs_dir, self.project_dir, self.problems = docs_dir, project_dir, problems
        self.reader, self.cache = reader, cache
        self.readings: dict[str, Reading] = {}
        self._texts: dict[str, tuple[str | None, list[Problem]]] = {}  # read_ahead's, by src_uri
        self._ahead: dict[str, tuple[str, bytes]] = {}  # read_ahead's readings: the text, pickled
        self._keys: dict[str, tuple[str, str]] = {}  # read_ahead's cache keys, with their text
        self.sources = SourceIndex()
        self.found: set[str] = set()
        self.items: dict[str, Any] = {}
        self.partners: dict[str, Partner] = {}
        self.reviews: list[Review] = []
        self.pages: dict[str, Page] = {}
        self.logic: Logic | None = None
        self.failed = False

    # -- reading ---------------------------------------------------------------------------
    def read_ahead(self, files: list[SourceFile], map_files: MapFiles) -> None:
        """Every file's text, and the readings the cache does not hold, made at once by
        ``map_files``; :meth:`load` then takes them (in the files' order, as ever)."""
        if not self.reader.picklable:
            return  # its extensions are objects: read here, one file at a time
        jobs: list[tuple[SourceFile, str]] = []
        for file in files:
            if not file.src_uri.endswith(".md") and file.src_uri not in DATA_FILES:
                continue
            text, problems = read_text(file)
            self._texts[file.src_uri] = (text, problems)
            if text is not None and not self._cached(file, text):
                jobs.append((file, text))
        if not jobs:
            return
        # Largest first: the files come in folder order, and a coalition's few large files
        # (its reviews, each naming every partner) would otherwise share one worker's last chunk.
        jobs.sort(key=lambda job: len(job[1]), reverse=True)
        try:
            blobs = map_files(functools.partial(_read_pickled, self.reader), jobs)
        except Exception:  # noqa: BLE001 - what fails there fails here too, and says so
            return
        for (file, text), blob in zip(jobs, blobs):
            self._ahead[file.src_uri] = (text, blob)

    def load(self, file: SourceFile) -> None:
        self.found.add(file.src_uri)
        if not file.src_uri.endswith(".md") and file.src_uri not in DATA_FILES:
            return  # other YAML files are neither read nor published
        ahead = self._texts.pop(file.src_uri, None)
        text, problems = ahead if ahead is not None else read_text(file)
        self.problems += problems
        if text is None:
            self.failed = True
            return
        read = self.read(file, text)
        self.problems += read.problems
        if read.reading is not None:
            self.readings[file.src_uri] = read.reading
        if read.stop or read.smap is None:
            self.failed = True
            return
        data = read.data
        self.sources[file.src_uri] = Source(file.display, read.smap)
        for loc in block_syntax_in_text(data):
            self.error(file.src_uri, loc, block_syntax_message(markdown_file=file.src_uri.endswith(".md")),
                       PRIVACY_RULE)
            self.failed = True
        if data is not None and not isinstance(data, dict):
            self.error(file.src_uri, (), "expected a set of 'key: value' lines at the top of this "
                       "file's YAML", "schema")
            self.failed = True
            return
        self.classify(file, data or {}, read.body, read.body_line)

    def read(self, file: SourceFile, text: str) -> FileReading:
        """What ``text`` reads as (:func:`read_file`), from the cache when it read the same,
        or as :meth:`read_ahead` read it."""
        ahead = self._ahead.pop(file.src_uri, None)
        key = self._key(file, text)
        if ahead is not None and ahead[0] == text:
            if key is not None and self.cache is not None:
                self.cache.put_pickled(key, ahead[1])
            return unpickled(ahead[1])
        if key is None or self.cache is None:
            return read_file(file, text, self.reader)
        found = self.cache.get(key)
        if found is None:
            found = read_file(file, text, self.reader)
            self.cache.put(key, found)
        return found

    def _cached(self, file: SourceFile, text: str) -> bool:
        key = self._key(file, text, keep=True)
        return key is not None and self.cache is not None and self.cache.holds(key)

    def _key(self, file: SourceFile, text: str, *, keep: bool = False) -> str | None:
        """The file's key in the cache (``None``: no cache for this reader); computed once for
        the text :meth:`read_ahead` read, which :meth:`load` then takes."""
        if self.cache is None or not self.cache.usable_with(self.reader):
            return None
        known = self._keys.pop(file.src_uri, None)
        if known is not None and known[0] is text:
            return known[1]
        key = self.cache.key(file.src_uri, file.display, text, self.cache.reader_key(self.reader))
        if keep:
            self._keys[file.src_uri] = (text, key)
        return key

    def validate(self, src_uri: str, model, data, body: str = "", body_line: int = 1):
        source = self.sources[src_uri]
        item, problems = validate_model(model, data, source.smap, source.display)
        self.problems += problems
        if item is None:
            self.failed = True
        elif hasattr(item, "attach"):
            item.attach(src_uri, body, body_line)
        return item

    def error(self, src_uri: str, loc: tuple, message: str, rule: str = "reference", *, value=False):
        self.problems.append(self.sources.problem(src_uri, loc, message, rule, value=value))

    def classify(self, file: SourceFile, data: dict, body: str, body_line: int) -> None:
        uri = file.src_uri
        if uri == COALITION:
            self.items["coalition"] = self.validate(uri, Coalition, data)
        elif uri == LOGIC:
            self.logic = self.validate(uri, Logic, data)
        elif uri in CHARTER_FILES:
            name, model = CHARTER_FILES[uri]
            self.items[name] = self.validate(uri, model, data, body, body_line)
        elif (match := PARTNER_NAME.match(uri)) and match.group(1) not in ("index", "README"):
            if not re.match(ID_PATTERN, match.group(1)):
                meant = _id_meant(match.group(1))
                fix = (f"rename it to '{meant}.md'" if meant else "rename the file using lowercase "
                       "letters, digits and single hyphens, like 'usw-1219.md'")
                self.problems.append(Problem(
                    file.display, 1, 1, "error",
                    f"the file name '{match.group(1)}' is not a valid partner id (a partner's id is "
                    f"its file name: lowercase letters, digits and single hyphens); {fix}", "schema"))
                self.failed = True
                return
            partner = self.validate(uri, Partner, data, body, body_line)
            if partner is not None:
                self.partners[partner.id] = partner
        elif uri in REVIEWS_INDEXES:
            self.load_page(file, data, body, body_line)  # the reviews section's own index page
        elif uri.split("/", 1)[0].lower() in REVIEW_FOLDERS and "/" in uri:
            self.load_review(file, data, body, body_line)
        else:
            self.load_page(file, data, body, body_line)

    def load_review(self, file: SourceFile, data: dict, body: str, body_line: int) -> None:
        folder, rest = file.src_uri.split("/", 1)
        if folder != "reviews" or "/" in rest:
            # A review filed anywhere else would be an ordinary page, public by default: what
            # is under reviews/ (or Reviews/, review/) is a review or an error.
            stem = rest.rsplit("/", 1)[-1].removesuffix(".md")
            fix = (f"move it to reviews/{stem}.md" if re.match(r"^\d{4}-\d{2}-\d{2}$", stem) else
                   f"name it by its meeting date and move it to reviews/ (reviews/YYYY-MM-DD.md), or "
                   f"move it out of '{folder}/' if it is not a review")
            self.problems.append(Problem(
                file.display, 1, 1, "error", f"a file under '{folder}/' is taken for a review, but a "
                f"review must stand directly in 'reviews/', named by its meeting date; {fix}", "file"))
            self.failed = True
            return
        match = REVIEW_NAME.match(file.src_uri)
        if not match:
            self.problems.append(Problem(
                file.display, 1, 1, "error",
                "a review's file name must be its meeting date, like 'reviews/2026-10-14.md'; "
                "rename the file", "schema"))
            self.failed = True
            return
        review = self.validate(file.src_uri, Review, data, body, body_line)
        if review is None:
            return
        if review.date.isoformat() != match.group(1):
            self.error(file.src_uri, ("date",),
                       f"'date' is {review.date.isoformat()} but the file is named "
                       f"{match.group(1)}.md; make them the same (the file name is the meeting date)",
                       "schema", value=True)
            self.failed = True
            return
        self.reviews.append(review)

    def load_page(self, file: SourceFile, data: dict, body: str, body_line: int) -> None:
        page = self.validate(file.src_uri, Page, data, body, body_line)
        if page is None:
            return
        # On an internal page such a label is only redundant; elsewhere it is a slip.
        labelled = set()
        for key, value in data.items() if page.visibility != "internal" else ():
            label = privacy_label(key, value)
            if label is not None:
                # Read as a marker by its author, a label for the theme: the page would be public.
                self.error(file.src_uri, (key,), privacy_label_message(key, label), PRIVACY_RULE)
                self.failed = True
                labelled.add(key)
        for key, value in (page.model_extra or {}).items():
            if key in KNOWN_PAGE_KEYS or key in labelled:  # one slip, one problem
                continue
            if is_privacy_key(key):
                # Read as a marker by its author, ignored by the site: the page would be public.
                value = self.sources[file.src_uri].smap.boolean_words.get((key,), value)
                self.error(file.src_uri, (key,), privacy_key_message(
                    key, value, has_visibility=True, internal=page.visibility != "public"), PRIVACY_RULE)
                self.failed = True
                continue
            close = difflib.get_close_matches(key, sorted(KNOWN_PAGE_KEYS), n=1, cutoff=0.75)
            if close and close[0] == "visibility":
                # A misspelt visibility would publish an internal page: that is never a warning.
                self.error(file.src_uri, (key,), f"unknown key '{key}'; did you mean 'visibility'? "
                           "(a misspelt visibility would publish this page)", "schema")
                self.failed = True
            else:
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.problems.append(self.sources.problem(
                    file.src_uri, (key,), f"unknown key '{key}' is not used by MkDocs, Material or "
                    f"coalition-site; {hint}remove it if it is a typo", "unknown-key", "warning"))
        self.pages[file.src_uri] = page

    # -- assembling ------------------------------------------------------------------------
    def assemble(self) -> Charter | None:
        for uri in REQUIRED_FILES:
            if uri not in self.found:
                display = (self.docs_dir / uri).relative_to(self.project_dir).as_posix() \
                    if self.docs_dir.is_relative_to(self.project_dir) else uri
                self.problems.append(Problem(
                    display, 1, 1, "error",
                    "this required file is missing; create it ('coalition-site new' writes a "
                    "starter charter with every required file)", "file"))
                self.failed = True
        if not self.failed and len(self.partners) < 2:
            self.problems.append(Problem(
                self._display("partners/"), 1, 1, "error",
                f"a coalition needs at least 2 partners, found {len(self.partners)}; add a file "
                "partners/<partner-id>.md for each partner organization", "file"))
        # A file named `Clean-Water-Alliance.md` is one error, its rename: the references to
        # 'clean-water-alliance' are right, and are not told to follow the wrong name.
        partner_ids = {_id_meant(m.group(1)) or m.group(1) for uri in self.found
                       if (m := PARTNER_NAME.match(uri)) and m.group(1) not in ("index", "README")}
        check_references(_Pieces(self.items, self.logic, self.reviews), partner_ids,
                         self.sources, self.problems)
        # Unsafe markup does not make the model invalid (the sanitiser removes it from every
        # page); whether it stops a build is the project's call, made in check.py.
        if self.failed or any(p.level == "error" and p.rule not in MARKUP_CHECKS
                              and p.rule not in PRIVACY_CHECKS for p in self.problems):
            return None
        return Charter(
            docs_dir=self.docs_dir, partners=dict(sorted(self.partners.items())),
            logic=self.logic or Logic(), reviews=sorted(self.reviews, key=lambda r: r.date),
            pages=self.pages, sources=self.sources, **self.items)

    def _display(self, src_uri: str) -> str:
        path = self.docs_dir / src_uri
        try:
            return path.relative_to(self.project_dir).as_posix() + ("/" if src_uri.endswith("/") else "")
        except ValueError:
            return src_uri


@dataclass
class _Pieces:
    """Whatever loaded, even when other files failed: references are checked all the same."""

    items: dict
    logic: Logic | None
    reviews: list[Review]

    def __getattr__(self, name):
        return self.__dict__["items"].get(name)


def check_references(charter, partners: set[str], sources: SourceIndex, problems: list[Problem]) -> None:
    """Every id that one file uses for another must exist: located errors where one does not.

    ``partners`` are the ids of the partner files found, valid or not, so that one broken
    partner file does not turn every mention of that partner into a second error.
    """
    conditions = {c.id for c in charter.logic.conditions} if charter.logic else None

    def unknown(src_uri, loc, partner_id, what="partner", known=partners, value=False):
        close = difflib.get_close_matches(partner_id, sorted(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"known {what}s: {', '.join(sorted(known))}" if known else f"no {what}s are defined")
        problems.append(sources.problem(
            src_uri, loc, f"'{partner_id}' is not a known {what} id; {hint}", "reference", value=value))

    def keys(src_uri, loc, mapping):
        for pid in mapping:
            if pid not in partners:
                unknown(src_uri, loc + (pid,), pid)

    def items(src_uri, loc, ids, known=partners, what="partner"):
        for index, pid in enumerate(ids):
            if pid not in known:
                unknown(src_uri, loc + (index,), pid, what, known, value=True)

    def duplicates(src_uri, loc, ids, what):
        seen = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                problems.append(sources.problem(
                    src_uri, loc + (index, "id"), f"the {what} id '{item_id}' is used twice; "
                    "give each one its own id", "reference", value=True))
            seen.add(item_id)

    if charter.coalition:
        check_history(charter.coalition, sources, problems)
    ps, jd = PROBLEM_STATEMENT, JOINT_DEMAND
    if charter.problem_statement:
        keys(ps, ("endorsements",), charter.problem_statement.endorsements)
    if demand := charter.joint_demand:
        keys(jd, ("endorsements",), demand.endorsements)
        duplicates(jd, ("asks",), [a.id for a in demand.asks], "ask")
        for index, ask in enumerate(demand.asks):
            keys(jd, ("asks", index, "benefits"), ask.benefits)
            if conditions is not None:
                items(jd, ("asks", index, "advances"), ask.advances, conditions, "condition")
    if charter.steward_mandate and isinstance(charter.steward_mandate.reports_to, list):
        items(STEWARD_MANDATE, ("reports_to",), charter.steward_mandate.reports_to)
    if charter.autonomy:
        keys(AUTONOMY, ("agreements",), charter.autonomy.agreements)

    logic = charter.logic
    if logic is None:
        conditions = set()
        logic = Logic()
    assert conditions is not None  # read from charter.logic above when there is one
    duplicates(LOGIC, ("conditions",), [c.id for c in logic.conditions], "condition")
    duplicates(LOGIC, ("tensions",), [t.id for t in logic.tensions], "tension")
    for index, condition in enumerate(logic.conditions):
        items(LOGIC, ("conditions", index, "partners"), condition.partners)
    for index, dep in enumerate(logic.dependencies):
        for end in ("from", "to"):
            cid = dep.from_ if end == "from" else dep.to
            if cid not in conditions:
                unknown(LOGIC, ("dependencies", index, end), cid, "condition", conditions, True)
    for index, tension in enumerate(logic.tensions):
        items(LOGIC, ("tensions", index, "between"), tension.between)

    for review in charter.reviews:
        items(review.src_uri, ("attended",), review.attended)
        keys(review.src_uri, ("alignment",), review.alignment)
    check_decisions(charter.reviews, partners, sources, problems, unknown)


def _shown_file(sources: SourceIndex, src_uri: str) -> str:
    source = sources.get(src_uri)
    return source.display if source is not None else src_uri


def check_decisions(reviews, partners: set[str], sources: SourceIndex, problems: list[Problem],
                    unknown) -> None:
    """A decision's owners are partners, its id is its own across every review, and what it
    supersedes is a decision id of some review (of any date: a register lists them all)."""
    first_use: dict[str, str] = {}
    for review in sorted(reviews, key=lambda r: r.date):
        for index, decision in enumerate(review.decisions):
            if decision.id is None:
                continue
            if decision.id in first_use:
                problems.append(sources.problem(
                    review.src_uri, ("decisions", index, "id"), f"the decision id '{decision.id}' is "
                    f"already used in {_shown_file(sources, first_use[decision.id])}; give each decision "
                    "its own id", "reference", value=True))
            else:
                first_use[decision.id] = review.src_uri
    for review in reviews:
        for index, decision in enumerate(review.decisions):
            loc = ("decisions", index)
            for at, pid in enumerate(decision.owner):
                if pid not in partners:
                    unknown(review.src_uri, loc + ("owner", at), pid, value=True)
            if decision.supersedes is None:
                continue
            if decision.supersedes == decision.id:
                problems.append(sources.problem(
                    review.src_uri, loc + ("supersedes",), "a decision cannot supersede itself; "
                    "write the id of the earlier decision it replaces", "reference", value=True))
            elif decision.supersedes not in first_use:
                if first_use:
                    unknown(review.src_uri, loc + ("supersedes",), decision.supersedes, "decision",
                            set(first_use), value=True)
                else:
                    problems.append(sources.problem(
                        review.src_uri, loc + ("supersedes",), f"'{decision.supersedes}' is not a "
                        "known decision id; no decision has an 'id:' yet: give the decision it "
                        "replaces one", "reference", value=True))

