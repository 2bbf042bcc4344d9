"""Each charter file's reading, kept by content: a file whose bytes did not change since the
last check is not parsed or read by Markdown again.

At two thousand partners a check is mostly YAML (libyaml's events for ~260,000 values) and
Markdown (Python-Markdown reading every body that holds an internal block), file by file, and a
steward's second check changes a few files of two thousand. A file's reading
(:class:`~coalition_site.load.charter.FileReading`: its data, where each field stands,
Markdown's reading of its body and the problems found) depends only on its text, its path, the
Markdown extensions and this code: that is the key, a SHA-256 of all of them, never a file's
name or date. An edited file, or a file read with other extensions or by another version of
coalition-site, is read anew; the answer is the same whether it came from the cache or not.

Two homes, never the project's folder (a pull request could plant entries there, and an entry
is a pickle, which can run code when read):

- in memory, for ``coalition-site serve``'s rebuilds (the plugin keeps one for the session);
- on disk, for ``coalition-site check`` and ``build``: one file per content folder in the
  user's private cache folder (``user_cache.py``: 0700, owned by the user, else no cache),
  never a ``cache_dir`` a mkdocs.yml names. It holds the entries the last check used, nothing
  older; the file of a content folder that no check has read for 30 days is removed.

Every hit is unpickled anew, so no two checks share a mutable value, and only the classes a
reading is made of may be unpickled.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..markup import MarkupReader
    from .charter import FileReading

FORMAT = 1
"""Bumped when an entry's shape changes (entries of another format are never read)."""
KEEP_DAYS = 30
"""A content folder's file that no check has read or written for this long is removed."""

# What a reading is made of: ours, and what YAML's safe constructor makes besides the builtins.
_ALLOWED = {
    ("coalition_site.load.charter", "FileReading"), ("coalition_site.load.yaml_source", "SourceMap"),
    ("coalition_site.markup.reader", "Reading"), ("coalition_site.problems", "Problem"),
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"),
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytes"),
}


class _Refused(Exception):
    """An entry names a class a reading is not made of: not read (and read anew)."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise _Refused(f"{module}.{name}")
        return super().find_class(module, name)


def _code_fingerprint() -> str:
    """What the readings depend on besides the files: this package's code (each module's size
    and modification time) and the versions of Python, PyYAML and Python-Markdown."""
    import markdown
    import yaml

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {yaml.__version__} {markdown.__version__} "
                            f"{getattr(yaml, '__with_libyaml__', False)}".encode())
    for path in sorted(package.rglob("*.py")):
        info = path.stat()
        digest.update(f"{path.relative_to(package)} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _packages_fingerprint(extensions: list) -> str:
    """The modules each extension's top-level package is, as installed (where, size, when)."""
    found = []
    for top in sorted({name.split(".")[0] for name in extensions if isinstance(name, str)}):
        try:
            spec = importlib.util.find_spec(top)
            origin = spec.origin if spec is not None else None
            info = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            info, origin = None, None
        found.append(f"{top} {origin} {info.st_size if info else ''} {info.st_mtime_ns if info else ''}")
    return "; ".join(found)


class ReadingCache:
    """Files' readings by content, in memory (``folder`` ``None``) or in ``folder`` (one file
    for the content folder ``name``s)."""

    def __init__(self, folder: Path | None = None, name: str = ""):
        self.file = folder / f"readings-{hashlib.sha256(name.encode()).hexdigest()[:32]}.pickle" \
            if folder is not None else None
        self._fingerprint = _code_fingerprint()
        self._kept: dict[str, bytes] | None = None if self.file is not None else {}
        self._used: dict[str, bytes] = {}
        self._changed = False
        self._readers: dict[tuple, str] = {}
        self.hits = 0
        """Files whose reading came from the cache, since the last :meth:`new_check`."""

    def usable_with(self, reader: MarkupReader) -> bool:
        """Whether ``reader``'s kind is told by its key: extensions given by name (an instance
        is known by its class only, not its options, so a reading by it is never kept)."""
        return all(isinstance(extension, str) for extension in reader.extensions)

    def reader_key(self, reader: MarkupReader) -> str:
        """What tells ``reader``'s readings apart: its extensions and their options, and the
        code of the packages they come from (an upgraded pymdownx may read a block otherwise)."""
        found = self._readers.get(reader.key)
        if found is None:
            found = self._readers[reader.key] = f"{reader.key!r} {_packages_fingerprint(reader.extensions)}"
        return found

    def key(self, *parts: str | tuple) -> str:
        digest = hashlib.sha256(self._fingerprint.encode())
        for part in parts:
            data = (part if isinstance(part, str) else repr(part)).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big"))  # parts cannot run into each other
            digest.update(data)
        return digest.hexdigest()

    def holds(self, key: str) -> bool:
        """Whether :meth:`get` may find ``key`` (it may still refuse a damaged entry)."""
        return key in self._used or key in self._stored()

    def get(self, key: str) -> FileReading | None:
        blob = self._used.get(key) or self._stored().get(key)
        if blob is None:
            return None
        try:
            found = _Unpickler(io.BytesIO(blob)).load()
        except Exception:  # noqa: BLE001 - a damaged or refused entry is read anew, never trusted
            return None
        self._used[key] = blob
        self.hits += 1
        return found

    def put(self, key: str, reading: FileReading) -> None:
        self.put_pickled(key, pickled(reading))

    def put_pickled(self, key: str, blob: bytes) -> None:
        """:meth:`put` of a reading already pickled (:func:`pickled`: by a worker process)."""
        self._used[key] = blob
        self._changed = True

    def new_check(self) -> None:
        """Start another check (serve's next rebuild): what the last one used is kept."""
        if self.file is None:
            self._kept, self._used = self._used, {}
        self._changed, self.hits = False, 0

    def save(self) -> None:
        """Write the entries this check used to the cache file (when any was new or any old one
        went unused), and forget the files of content folders no check has read for
        :data:`KEEP_DAYS`; a cache that cannot be written is simply not written."""
        if self.file is None or self._kept is None:  # nothing read: the check was reused
            return
        self._forget_old()
        if not self._changed and len(self._used) == len(self._kept):
            try:
                os.utime(self.file)  # read, so still in use
            except OSError:
                pass
            return
        try:
            with tempfile.NamedTemporaryFile("wb", dir=self.file.parent, prefix=".readings-",
                                             delete=False) as out:
                pickle.dump((FORMAT, self._fingerprint, self._used), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(out.name, self.file)
        except OSError:
            try:
                os.unlink(out.name)
            except (OSError, UnboundLocalError):
                pass

    def _forget_old(self) -> None:
        # A folder checked once (a pull request's checkout, a deleted project) would otherwise
        # keep its file, tens of megabytes for a large charter, for ever.
        assert self.file is not None
        oldest = time.time() - KEEP_DAYS * 24 * 3600
        for other in self.file.parent.glob("readings-*.pickle"):
            try:
                if other != self.file and other.stat().st_mtime < oldest:
                    other.unlink()
            except OSError:
                pass

    def _stored(self) -> dict[str, bytes]:
        if self._kept is None:
            self._kept = {}
            assert self.file is not None
            try:
                with self.file.open("rb") as stored:
                    # The outer layer is builtins only (a tuple, a dict of bytes).
                    form, fingerprint, entries = _Unpickler(stored).load()
            except Exception:  # noqa: BLE001 - absent, damaged or another version's: none kept
                return self._kept
            if form == FORMAT and fingerprint == self._fingerprint and isinstance(entries, dict):
                self._kept = entries
        return self._kept


def pickled(reading: FileReading) -> bytes:
    """A reading as the cache keeps it."""
    return pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)


def unpickled(blob: bytes) -> FileReading:
    """A reading from :func:`pickled`; only the classes a reading is made of are accepted."""
    return _Unpickler(io.BytesIO(blob)).load()
