"""Proving that a public build holds nothing internal: the internal values, and a scan for them.

Audience filtering (:mod:`coalition_site.audience`) removes internal content before anything
renders. This module checks the result from the other side, after the build: it lists every
value that only the internal audience may see, by comparing the charter as written with the
charter the public sees, then looks for each one in every file of the built site (pages, the
search index, the sitemap and its ``.gz``, ``404.html``, copied assets). A template override, a
hook or a plugin that smuggles a value past the filter is caught here, whatever the path.

What counts as one value:

- a whole field: a representative's name, email or GitHub handle, a tension's ``about``, a
  review's decision, an internal page's title;
- each sentence of Markdown prose (internal pages, internal reviews, ``!!! internal`` blocks), as
  Markdown renders it for the partners (:mod:`coalition_site.markup`): an internal file's whole
  text, and of a public file what its internal rendering shows and its public rendering does
  not (its internal blocks, with the footnotes, links and abbreviations they define);
- the address of each internal page (its built ``index.html`` must not exist);
- each attachment that only internal content uses (:mod:`.attachments`): its
  copy must not exist. Its name is not looked for in the files' text: a name is not the file,
  and a public page may well show it as code.

Short common words would be found everywhere, so text shorter than 12 characters is left out,
except emails (always), GitHub handles (4 characters or more) and names and titles of two words
or more (6 characters or more), which are matched as whole words. A value that also appears
in what the public may see (a representative who is also the public steward) is not internal.

Matching ignores case, runs of whitespace, HTML escaping and typographic quotes and dashes; it
finds verbatim copies, not paraphrases, truncations or encodings (see docs/publishing.md).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import ahocorasick_rs
from pydantic import BaseModel

from ..markup import MarkupReader, Reading, text_fragments
from ..model import Charter
from ..model.base import MarkdownFile
from ..model.layout import CHARTER_FILES, COALITION, LOGIC, page_url
from .attachments import internal_reading, rendered_html
from .filter import for_audience

MIN_TEXT = 12
"""Shorter text is too common to be told apart from the site's own words."""
MIN_PROSE = 20
"""A sentence of Markdown prose must be at least this long to count as distinctive."""
MIN_NAME = 6
MIN_HANDLE = 4

# Fields whose values identify someone or something even when short.
_NAME_FIELDS = {"name", "title", "facilitator", "mediator"}
_HANDLE_FIELDS = {"github"}
_EMAIL_FIELDS = {"email"}
# Ids and enumerated values (`usw-1219`, `stepped-back`, `all-partners`) are the site's own
# vocabulary: CSS classes and anchors use them, so they would be found in every build.
_ID_LIKE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class InternalValue:
    """A piece of text that only the internal audience may see, and where it was written."""

    text: str
    """The value as written in the charter."""
    source: str
    """Where it comes from: ``content/partners/usw-1219.md:14 (representatives.0.email)``."""
    whole_word: bool = False
    """Match only where it stands as whole words (short names and handles)."""
    page: str | None = None
    """For an internal page or attachment: its built file (``board-notes/index.html``,
    ``images/floor-plan.png``), which must not exist."""


@dataclass(frozen=True)
class Leak:
    """An internal value found in a file of a built site."""

    file: str
    """The file, relative to the site folder, with forward slashes."""
    value: str
    source: str
    """Where the value was written (:attr:`InternalValue.source`)."""

    def __str__(self) -> str:
        # The value itself is left out: build logs are often public, and printing it would
        # leak it a second time. The source says where to look.
        return f"{self.file}: holds {self.source}"


# -- normalising text -----------------------------------------------------------------------------
_TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u2026": "...",
}
# A regex finds the few such characters of a page in C; str.translate would look up every
# character of every built page in the table (five times slower: most of a public build's scan).
_TYPOGRAPHIC = re.compile("[" + "".join(_TYPOGRAPHY) + "]")
_TAG = re.compile(r"<[^<>]*>")


def normalise(text: str) -> str:
    """Text as the scan compares it: typography folded, whitespace collapsed, case folded."""
    text = _TYPOGRAPHIC.sub(lambda match: _TYPOGRAPHY[match.group()], text)
    return " ".join(text.split()).casefold()  # str.split: the whitespace of `\s+`, faster


def _haystacks(raw: str) -> tuple[str, str]:
    """Two views of a built file: with its markup (attribute values, URLs) and as plain text
    (so that a value broken up by ``<em>`` or highlighting spans is still found)."""
    return normalise(html.unescape(raw)), normalise(html.unescape(_TAG.sub("", raw)))


# -- the internal values of a charter -------------------------------------------------------------
@dataclass(frozen=True)
class _Text:
    src_uri: str
    loc: tuple
    field: str
    text: str
    prose: bool = False
    line: int | None = None


def internal_values(charter: Charter, *, public_pages: Iterable[str] | None = None,
                    use_directory_urls: bool = True,
                    public_texts: Iterable[str] = (),
                    internal_assets: Iterable[str] = (),
                    reader: MarkupReader | None = None,
                    readings: Mapping[str, Reading] | None = None,
                    public_prose: Iterable[str] | None = None,
                    public: Charter | None = None) -> list[InternalValue]:
    """Every value of the unfiltered ``charter`` that the public audience may not see.

    ``public_pages`` are the ``src_uri`` of every page the public site builds, generated ones
    included (default: the public charter's own files); an internal file at the same address
    as one of them is not reported as built. ``public_texts`` are other public words of the
    site (its name, its description): a value found in them is not internal.
    ``internal_assets`` are the attachments the public build leaves out because only internal
    content uses them (:func:`.attachments.internal_only_assets`); their copies must not exist.
    ``reader`` reads the bodies (the site's Markdown extensions; the usual ones by default) and
    ``readings`` are the internal readings ``check`` already made. ``public_prose`` is the text
    of the public pages as the build rendered them; by default the public bodies are rendered
    here with ``reader``. ``public`` is the charter filtered for the public, when it is at hand
    already (the public build's own).
    """
    reader = reader or MarkupReader()
    if public is None:
        public = for_audience(charter, "public")
    # The public charter's texts are the charter's own texts again, and a large charter repeats
    # short values thousands of times (every review's alignment): each is normalised once.
    norm = functools.lru_cache(maxsize=None)(normalise)
    corpus_parts = [normalise(t) for t in public_texts]
    public_uris: set[str] = set()
    for src_uri, model in _documents(public):
        if isinstance(model, MarkdownFile) and src_uri in CHARTER_FILES \
                and model.visibility == "internal":
            continue  # the plan leaves an internal charter page out: nothing of it is public
        public_uris.add(src_uri)
        corpus_parts.extend(norm(t.text) for t in _texts(src_uri, model))
        if public_prose is None and isinstance(model, MarkdownFile) and model.body:
            public_html = rendered_html(reader.read(model.body, audience="public"))
            corpus_parts.extend(normalise(f) for f in text_fragments(public_html))
    corpus_parts.extend(normalise(text) for text in public_prose or ())
    built = set(public_uris if public_pages is None else public_pages)
    addresses = {page_url(uri, use_directory_urls) for uri in built}
    corpus_parts.extend(normalise(a) for a in addresses)
    corpus = "\n".join(corpus_parts)

    candidates: list[InternalValue] = []
    pages: list[InternalValue] = []
    for src_uri, model in _documents(charter):
        address = page_url(src_uri, use_directory_urls)
        if src_uri.endswith(".md") and src_uri not in public_uris and address not in addresses:
            pages.append(InternalValue(
                address, f"{_display(charter, src_uri)} (an internal page)",
                page=_built_file(address, use_directory_urls)))
        texts = list(_texts(src_uri, model))
        if getattr(model, "body", ""):
            texts += _prose(model, public=src_uri in public_uris, reader=reader, readings=readings)
        for text in texts:
            value = _candidate(charter, text, norm(text.text))
            if value is not None:
                candidates.append(value)
    attachments = [InternalValue("", f"{_display(charter, uri)} (an attachment only internal "
                                     "content uses)", page=uri) for uri in sorted(set(internal_assets))]
    return _not_public(pages, corpus) + attachments + _not_public(candidates, corpus)


def _prose(model, *, public: bool, reader: MarkupReader,
           readings: Mapping[str, Reading] | None) -> list[_Text]:
    """The internal sentences of a file's body, each located at the internal block (or the
    line of the file) it most likely comes from."""
    internal = internal_reading(model, reader, readings, rendered=not public)
    if public and not internal.internal_blocks:
        return []  # nothing of its body is internal
    internal = internal_reading(model, reader, readings)
    fragments = text_fragments(rendered_html(internal))
    if public:
        shown = set(text_fragments(rendered_html(reader.read(model.body, audience="public"))))
        fragments = [f for f in fragments if f not in shown]
    lines = model.body.split("\n")
    texts = []
    for fragment in dict.fromkeys(fragments):
        line = _line_of(fragment, lines, model.body_line, internal.internal_lines if public else [])
        texts.append(_Text(model.src_uri, (), "", fragment, prose=True, line=line))
    return texts


def _line_of(fragment: str, lines: list[str], first_line: int, blocks: list[int]) -> int:
    """The line of the body where ``fragment`` (rendered text) most likely stands: where its
    first words are written, else the first internal block's opener (rendering moves text: a
    footnote's to the page's end), else the body's first line."""
    words = " ".join(fragment.split()[:3])
    index = next((i for i, line in enumerate(lines) if words and words in line), None)
    if index is None:
        return blocks[0] if blocks else first_line
    return first_line + index


_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def site_words(template_files: Iterable[Path | str] = ()) -> list[str]:
    """The site's own sentences: the signs of life and decay, status labels, the glossary, and
    the text of ``template_files`` (Jinja partials). Pass them as ``public_texts``: an internal
    note that quotes one of them word for word is not a leak when the site prints it anyway."""
    from ..model import SIGNS_OF_DECAY, SIGNS_OF_LIFE
    from ..render.glossary import glossary_words
    from ..render.pages import STATUS_LABELS

    words = [*SIGNS_OF_LIFE.values(), *SIGNS_OF_DECAY.values(), *STATUS_LABELS.values(),
             *glossary_words()]
    for path in template_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        words.extend(line.strip() for line in _TAG.sub("\n", _JINJA.sub("\n", text)).split("\n")
                     if line.strip())
    return words


def _documents(charter: Charter) -> Iterator[tuple[str, BaseModel]]:
    yield COALITION, charter.coalition
    for item in charter.charter_pages:
        yield item.src_uri, item
    for partner in charter.partners.values():
        yield partner.src_uri, partner
    yield LOGIC, charter.logic
    for review in charter.reviews:
        yield review.src_uri, review
    for uri, page in charter.pages.items():
        yield uri, page


def _texts(src_uri: str, model: BaseModel) -> Iterator[_Text]:
    for loc, value in _fields(model, ()):
        field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        yield _Text(src_uri, loc, field, value)


def _fields(value, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _fields(getattr(value, name), loc + (info.alias or name,))
        for name, extra in (value.model_extra or {}).items():
            yield from _fields(extra, loc + (name,))
    elif isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _fields(item, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _fields(item, loc + (index,))


def _candidate(charter: Charter, text: _Text, norm: str) -> InternalValue | None:
    """``text`` as a value to look for, or ``None`` when it is too short or too common to tell
    a leak by; ``norm`` is the text normalised."""
    key = text.field.lower()
    whole_word = False
    if text.prose:
        if len(norm) < MIN_PROSE:
            return None
    elif key in _EMAIL_FIELDS and "@" in norm:
        pass
    elif key in _HANDLE_FIELDS:
        if len(norm) < MIN_HANDLE:
            return None
        whole_word = len(norm) < MIN_TEXT
    elif _ID_LIKE.match(text.text):
        return None
    elif key in _NAME_FIELDS and len(norm) < MIN_TEXT:
        if len(norm) < MIN_NAME or " " not in norm:
            return None
        whole_word = True
    elif len(norm) < MIN_TEXT:
        return None
    return InternalValue(text.text, _source(charter, text), whole_word)


def _not_public(candidates: list[InternalValue], corpus: str) -> list[InternalValue]:
    """The candidates, less those that also appear in the public corpus, one per text.

    An internal page stays (its built file must not exist) but its address is only looked
    for in the files' text when it is distinctive and no public page's address contains it.
    """
    unique: dict[str, InternalValue] = {}
    for value in candidates:
        unique.setdefault(value.page or normalise(value.text), value)
    keys = [normalise(v.text) for v in unique.values()]
    public: set[str] = set()
    if corpus and any(keys):
        automaton = matcher([k for k in keys if k], store_patterns=True)
        public = set(automaton.find_matches_as_strings(corpus, overlapping=True))
    kept = []
    for key, value in zip(keys, unique.values()):
        if value.page is not None:
            if key in public or len(key) < MIN_TEXT:
                value = InternalValue("", value.source, page=value.page)
            kept.append(value)
        elif key not in public:
            kept.append(value)
    return kept


def matcher(patterns: list[str], **options) -> ahocorasick_rs.AhoCorasick:
    """An Aho-Corasick automaton of ``patterns``, built in time linear in their length.

    For a few patterns the library would choose a DFA, whose construction follows every failure
    link of every state: a long repetitive value (a line of 20,000 'z', or 'abab...') took
    minutes to compile. The contiguous NFA is what it chooses for many patterns anyway.
    """
    return ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA,
                                      **options)


def _display(charter: Charter, src_uri: str) -> str:
    sources = charter.sources or {}
    source = sources.get(src_uri)
    if source is not None:
        return source.display
    # An attachment was never loaded: its path is shown the way the loaded files' paths are.
    for uri, known in sources.items():
        if known.display.endswith(uri):
            return known.display[:len(known.display) - len(uri)] + src_uri
    return src_uri


def _source(charter: Charter, text: _Text) -> str:
    display = _display(charter, text.src_uri)
    if text.prose:
        return f"{display}:{text.line} (text)"
    source = charter.sources.get(text.src_uri) if charter.sources else None
    where = display
    if source is not None:
        line, _column = source.smap.locate(text.loc, value=True)
        where = f"{display}:{line}"
    return f"{where} ({'.'.join(str(p) for p in text.loc)})"


def _built_file(address: str, use_directory_urls: bool) -> str:
    if address.endswith("/") or not address:
        return f"{address}index.html"
    return address


# -- scanning a built site ------------------------------------------------------------------------
# Files that cannot hold text the scan could read; anything else is read, whatever its name.
_BINARY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf",
           ".otf", ".eot", ".mp3", ".mp4", ".webm", ".zip"}
_MAX_GZIP = 64 * 1024 * 1024


class LeakScanner:
    """The internal values compiled once, to scan any number of files in one pass each."""

    def __init__(self, values: Iterable[InternalValue], *, token: str | None = None):
        self.values = list(values)
        self.pages = {v.page: v for v in self.values if v.page}
        self._keys = [normalise(v.text) for v in self.values]
        indexed = [i for i, key in enumerate(self._keys) if key]
        self._index = indexed
        self._matcher = matcher([self._keys[i] for i in indexed]) if indexed else None
        self._token = token or os.urandom(16).hex()

    def __reduce__(self):
        # Sent to a worker process (scan_site's ``map_files``) as its values, which each process
        # compiles once (_compiled); the automaton itself cannot be pickled.
        return _compiled, (self._token, self.values)

    def scan_text(self, raw: str) -> list[InternalValue]:
        """The values found in ``raw`` (HTML, XML, JSON or any text)."""
        return [self.values[index] for index in self.found_in(raw)]

    def found_in(self, raw: str) -> list[int]:
        """The indexes in :attr:`values` of the values found in ``raw``, each once."""
        if self._matcher is None:
            return []
        found: dict[int, None] = {}
        for haystack in _haystacks(raw):
            for pattern, start, end in self._matcher.find_matches_as_indexes(haystack, overlapping=True):
                index = self._index[pattern]
                if self.values[index].whole_word and not _stands_alone(haystack, start, end):
                    continue
                found.setdefault(index)
        return list(found)


_COMPILED: dict[str, LeakScanner] = {}


def _compiled(token: str, values: list[InternalValue]) -> LeakScanner:
    """The scanner of ``values``, compiled once in this process (a worker is sent it again with
    every batch of files)."""
    if token not in _COMPILED:
        _COMPILED.clear()  # one build's values at a time
        _COMPILED[token] = LeakScanner(values, token=token)
    return _COMPILED[token]


def _stands_alone(haystack: str, start: int, end: int) -> bool:
    before = haystack[start - 1] if start > 0 else " "
    after = haystack[end] if end < len(haystack) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")


class ScanAhead:
    """Pages scanned as the build makes them, a batch at a time, before they are written:
    :func:`scan_site` then reads a page again only to make sure it is still those bytes.

    ``submit(function, items)`` starts ``[function(item) for item in items]`` (in a worker) and
    returns what waits for the list (``None``: the work was not done, and the page is scanned at
    the end). Of a page, only a digest of its bytes is kept here, never its text.
    """

    def __init__(self, scanner: LeakScanner,
                 submit: Callable[[Callable[[bytes], list[int]], Sequence[bytes]], Callable[[], list[list[int]] | None]],
                 batch: int):
        self.scanner = scanner
        self._scan = functools.partial(_scan_html, scanner)
        self._submit = submit
        self._batch = batch
        self._waiting: list[tuple[str, bytes]] = []
        self._scanned: dict[str, tuple[bytes, Callable[[], list[list[int]] | None], int]] = {}

    def add(self, file: str, text: str) -> None:
        """A page of the site (``file``: its path in the site, ``.html``) as it will be written
        (encoded as MkDocs writes it)."""
        if not file.lower().endswith(".html"):
            return  # read as the scan reads that kind of file, at the end
        self._waiting.append((file, text.encode("utf-8", errors="xmlcharrefreplace")))
        if len(self._waiting) >= self._batch:
            self._send()

    def _send(self) -> None:
        waiting, self._waiting = self._waiting, []
        found = self._submit(self._scan, [data for _, data in waiting])
        for index, (file, data) in enumerate(waiting):
            self._scanned[file] = (hashlib.blake2b(data).digest(), found, index)

    def found(self, file: str, path: Path) -> list[int] | None:
        """What the scan found in ``file``, if it was scanned ahead as the bytes ``path`` holds
        now (else ``None``); a file not scanned ahead is not read here."""
        scanned = self._scanned.get(file)
        if scanned is None or scanned[0] != hashlib.blake2b(path.read_bytes()).digest():
            return None
        found = scanned[1]()  # None: the workers stopped, and the page is scanned again
        return None if found is None else found[scanned[2]]


def _scan_html(scanner: LeakScanner, data: bytes) -> list[int]:
    # As scan_site reads an HTML file: its bytes decoded, nothing else.
    return scanner.found_in(data.decode("utf-8", errors="replace"))


def scan_site(site_dir: Path | str, values: Iterable[InternalValue] | LeakScanner, *,
              unchanged: Mapping[str, Path | str] | None = None,
              map_files: Callable[[Callable[[str], list[int]], Sequence[str]], list[list[int]]] | None = None,
              ahead: ScanAhead | None = None) -> list[Leak]:
    """Every internal value found in every file of ``site_dir``, sorted by file.

    ``unchanged`` maps built files (relative paths) to the files of an installed theme they were
    copied from: one still identical to its source holds nothing from the charter and is skipped.
    ``map_files`` reads the files: ``map_files(function, paths)`` must equal ``[function(p) for p in paths]``
    (the default), and may run it in other processes (a large build's workers). A page that
    ``ahead`` scanned, and that is still the bytes it scanned, is not scanned again.
    """
    scanner = values if isinstance(values, LeakScanner) else LeakScanner(values)
    site_dir = Path(site_dir)
    unchanged = unchanged or {}
    files: list[tuple[str, Leak | None, str | None]] = []  # a file, the page it must not be, its text
    for found_path in sorted(_walk(site_dir)):
        rel = found_path.relative_to(site_dir).as_posix()
        built = None
        if rel in scanner.pages:
            value = scanner.pages[rel]
            built = Leak(rel, value.text or rel, value.source)  # rel: the value's page
        read = not (found_path.suffix.lower() in _BINARY or _same_file(found_path, unchanged.get(rel)))
        files.append((rel, built, str(found_path) if read else None))
    early: dict[str, list[int]] = {}
    if ahead is not None and ahead.scanner is scanner:  # (its findings index this scanner's values)
        for rel, _, path in files:
            if path is not None and (found := ahead.found(rel, Path(path))) is not None:
                early[rel] = found
    scan = functools.partial(_scan_file, scanner)
    found_now = iter((map_files or _map_here)(
        scan, [path for rel, _, path in files if path is not None and rel not in early]))
    leaks: list[Leak] = []
    for rel, built, path in files:
        if built is not None:
            leaks.append(built)
        if path is None:
            continue
        for index in early[rel] if rel in early else next(found_now):
            value = scanner.values[index]
            leaks.append(Leak(rel, value.text, value.source))
    return leaks


def _map_here(function: Callable[[str], list[int]], items: Sequence[str]) -> list[list[int]]:
    return [function(item) for item in items]


def _scan_file(scanner: LeakScanner, path: str) -> list[int]:
    """The values found in one built file, as indexes into the scanner's values (a worker sends
    them back; at module level so that it can)."""
    return scanner.found_in(_read(Path(path)))


def _walk(root: Path) -> Iterator[Path]:
    # Hidden files too: a web server may well serve them.
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_file():
                yield path


def _same_file(path: Path, source: Path | str | None) -> bool:
    if source is None:
        return False
    try:
        source = Path(source)
        return path.stat().st_size == source.stat().st_size and path.read_bytes() == source.read_bytes()
    except OSError:
        return False


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            with gzip.open(path) as handle:
                data = handle.read(_MAX_GZIP)
        except (OSError, EOFError):
            pass  # not gzip after all: scan the bytes as they are
        inner = path.with_suffix("").suffix.lower()
    else:
        inner = path.suffix.lower()
    text = data.decode("utf-8", errors="replace")
    if inner == ".json":
        try:
            return "\n".join(_json_strings(json.loads(text)))
        except ValueError:
            pass
    return text


def _json_strings(data) -> Iterator[str]:
    # Each string separately, unescaped: the search index stores "\u00e9" and "\"" escaped.
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _json_strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_strings(item)
