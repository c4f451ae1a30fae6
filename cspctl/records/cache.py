"""The lint cache: what loading each file gave, keyed by the file's content hash, and whole
results (such as lint's findings) keyed by the tree they were computed from.

It lives in a git-ignored `.cspctl-cache/` folder beside the records folder: a small index
(file stats, content hashes and whole results) and one SQLite file of per-file entries. A warm
run stats every file (`(mtime_ns, size)` unchanged means the stored content hash still holds,
as git's index does), so when nothing changed it reads the index and no record at all.

Why SQLite for the entries: a large folder has thousands of files, and creating a file costs
about half a millisecond on the disks measured, far more than parsing one; one database
written in one transaction does not. It is in the standard library, and a damaged database
is simply deleted and rebuilt.

Why not pickle: a cache folder could arrive with a checkout, and unpickling runs code. Entries
are `marshal`led plain data (see `packing`), models are rebuilt by validation, and every index
and entry carries a keyed BLAKE2 tag whose key lives in the user's cache folder, never in the
repository: a planted or corrupted entry fails the check and is ignored.

Entries are dropped when cspctl's version, the models' JSON schema, or cspctl's own source
(loader and checks) change.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cspctl import __version__
from cspctl.problem import Problem
from cspctl.records.packing import pack, unpack
from cspctl.records.yamlio.read import Document
from cspctl.records.yamlio.text import YamlError, read_bytes

FORMAT = 1
UNREAD = "unread:"
"""How `hashes` marks a file that cannot be read (see `yamlio.text.read_bytes`)."""
FOLDER = ".cspctl-cache"
TAG = 16
RACY_NS = 3_000_000_000
"""A file modified this close to the index being written may change again within the same
mtime tick; its hash is recomputed rather than trusted (git's "racy clean" rule)."""

_PACKAGE = Path(__file__).resolve().parent.parent  # cspctl/
_LOADER_SOURCES = ("records/yamlio/text.py", "records/yamlio/compose.py", "records/yamlio/build.py",
                   "records/yamlio/read.py", "records/schema_errors.py", "records/field_places.py",
                   "records/loading.py", "records/store.py", "records/cache.py", "records/packing.py",
                   "problem.py")


def cache_folder(root: Path) -> Path:
    """Where the cache of records folder `root` lives: beside it, one subfolder per folder."""
    resolved = root.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    return resolved.parent / FOLDER / f"{resolved.name}-{digest}"


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cspctl" / "cache.key"


def _user_key() -> bytes | None:
    """The per-user secret that signs cache files; created on first use, None if impossible."""
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        temp = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.replace(temp, path)
        return key
    except OSError:
        return None


def _stamp(paths: Iterable[Path]) -> str:
    """A cheap fingerprint of source files: names, sizes and modification times."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(_PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def schema_hash() -> str:
    """A hash of every record kind's JSON Schema (imports the models: only on a stamp change)."""
    import json

    import pydantic

    from cspctl.models.registry import KINDS, adapter

    digest = hashlib.sha256(pydantic.VERSION.encode())
    for kind in KINDS:
        digest.update(json.dumps(adapter(kind).json_schema(), sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Cache:
    """The cache of one records folder. Every failure to read or write it is silent: the cache
    only ever saves time, it never changes an answer or stops a command."""

    def __init__(self, root: Path, *, folder: Path | None = None, version: str = __version__,
                 schema: str | None = None, key: bytes | None = None, borrowed: bool = False) -> None:
        self.root = root
        self.borrowed = borrowed
        """Consulting another folder's cache (`folder`) for the files of `root`, such as a git
        revision exported to a scratch folder: its entries (keyed by content) are read and
        added to, but its index of file stats is neither trusted nor written, and nothing is
        pruned from it."""
        self.folder = folder or cache_folder(root)
        self.key = key if key is not None else _user_key()
        self._version = version
        self._schema = schema
        self.loader_stamp = _stamp(_PACKAGE / name for name in _LOADER_SOURCES)
        self.code_stamp = _stamp(_PACKAGE.rglob("*.py"))
        self.models_stamp = _stamp((_PACKAGE / "models").glob("*.py"))
        self.files: dict[str, tuple[int, int, str]] = {}
        self.results: dict[str, tuple[str, Any]] = {}
        self.schema = ""
        self.dirty = False
        self.hits = 0
        self.misses = 0
        self._pending: list[tuple[str, bytes]] = []
        self._db: Any = None
        self._db_failed = False
        self._last: tuple[list[Any], dict[str, tuple[str, bytes | None]]] | None = None
        self._open()

    # -- signed files -------------------------------------------------------------------

    def _sign(self, payload: bytes) -> bytes:
        assert self.key is not None
        return hashlib.blake2b(payload, key=self.key, digest_size=TAG).digest()

    def _read(self, path: Path) -> bytes | None:
        try:
            return self._verified(path.read_bytes())
        except OSError:
            return None

    def _verified(self, blob: bytes) -> bytes | None:
        """The payload of a signed blob, or None when the tag is not ours."""
        if self.key is None or len(blob) <= TAG:
            return None
        payload = blob[TAG:]
        return payload if blob[:TAG] == self._sign(payload) else None

    def _make_folder(self) -> None:
        """The cache folder, ignored by git wherever it lands: `.cspctl-cache/.gitignore`
        holds `*`, so `git status` never shows it and `git add -A` never commits it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            temp = ignore.with_name(f".gitignore.{os.getpid()}.tmp")
            temp.write_text("# cspctl's lint cache: never commit it\n*\n", encoding="utf-8")
            os.replace(temp, ignore)

    def _write(self, path: Path, payload: bytes) -> None:
        if self.key is None:
            return
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self._make_folder()
            temp.write_bytes(self._sign(payload) + payload)
            os.replace(temp, path)
        except OSError:
            temp.unlink(missing_ok=True)

    # -- the index ----------------------------------------------------------------------

    def _open(self) -> None:
        index: dict[str, Any] = {}
        blob = self._read(self.folder / "index")
        if blob is not None:
            try:
                loaded = marshal.loads(blob)
                index = loaded if isinstance(loaded, dict) and loaded.get("format") == FORMAT else {}
            except (ValueError, EOFError, TypeError):
                index = {}
        if self._schema is not None:
            self.schema = self._schema
        elif self.key is None:
            self.schema = ""  # no key, no cache: nothing is read or written, so no need to know
        elif index.get("models") == self.models_stamp and index.get("schema"):
            self.schema = str(index["schema"])
        else:
            self.schema = schema_hash()
        same = (index.get("version"), index.get("schema"), index.get("loader")) == (
            self._version, self.schema, self.loader_stamp)
        self.written = int(index.get("written", 0)) if same else 0
        self.files = dict(index.get("files", {})) if same and not self.borrowed else {}
        self.results = dict(index.get("results", {})) if same and index.get("code") == self.code_stamp else {}
        self.dirty = not same or index.get("code") != self.code_stamp
        generation = hashlib.sha256(f"{self._version}\0{self.schema}\0{self.loader_stamp}".encode())
        self.entries = self.folder / f"files-{generation.hexdigest()[:16]}.sqlite"
        if not same:
            self._drop_other_generations()

    def _drop_other_generations(self) -> None:
        """Entries written under another version, schema or loader are never read again."""
        import shutil

        try:
            for old in self.folder.glob("files-*"):
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)  # entries as files (cspctl 0.1.0)
                elif not old.name.startswith(self.entries.name):
                    old.unlink(missing_ok=True)
        except OSError:
            pass

    def save(self) -> None:
        """Write the entries put since the last save, then the index (only when something changed)."""
        if self._pending:
            self._store_entries()
        if not self.dirty or self.borrowed:
            return
        self.written = time.time_ns()
        index = {"format": FORMAT, "version": self._version, "schema": self.schema,
                 "models": self.models_stamp, "loader": self.loader_stamp, "code": self.code_stamp,
                 "written": self.written, "files": self.files, "results": self.results}
        self._write(self.folder / "index", marshal.dumps(index))
        self.dirty = False

    # -- content hashes -----------------------------------------------------------------

    def hashes(self, files: Iterable[str | Path | tuple[str, int, int]]) -> dict[str, tuple[str, bytes | None]]:
        """Each file's content hash, by path relative to the root, trusting unchanged stats.

        `files` are paths, or `(path, mtime_ns, size)` as `store.scan` found them (not stat'ed
        again). Files read to hash them come back with their bytes, so they need not be read twice.
        """
        files = list(files)
        if self._last is not None and self._last[0] == files:
            return self._last[1]  # lint hashed the folder a moment ago; the loader asks again
        found: dict[str, tuple[str, bytes | None]] = {}
        known = self.files
        fresh: dict[str, tuple[int, int, str]] = {}
        cutoff = self.written - RACY_NS
        prefix = os.path.join(self.root, "")
        for item in files:
            if isinstance(item, tuple):
                name, mtime, size = item
            else:
                name = os.fspath(item)
                try:
                    info = os.stat(name)
                except OSError:
                    continue
                mtime, size = info.st_mtime_ns, info.st_size
            if size < 0:
                continue  # could not be stat'ed: the loader reports it
            relative = (name[len(prefix):] if name.startswith(prefix)
                        else os.path.relpath(name, self.root)).replace(os.sep, "/")
            entry = known.get(relative)
            unchanged = entry is not None and entry[0] == mtime and entry[1] == size
            if unchanged and mtime < cutoff:
                found[relative] = (entry[2], None)  # type: ignore[index]
                fresh[relative] = entry  # type: ignore[assignment]
                continue
            if unchanged:
                self.dirty = True  # rewriting the index makes the entry trustworthy next time
            try:
                raw = read_bytes(name, root=self.root)  # the loader reports what is refused
            except YamlError as exc:
                # Not cached (the loader reads it again, and says why), but part of the tree:
                # a FIFO or a link out added to a clean folder must not get its cached result.
                found[relative] = (f"{UNREAD}{mtime}:{size}:{exc.message}", None)
                continue
            digest = hashlib.sha256(raw).hexdigest()
            found[relative] = (digest, raw)
            fresh[relative] = (mtime, size, digest)
        if fresh != known:
            self.files = fresh
            self.dirty = True
        self._last = (files, found)
        return found

    # -- per-file entries ---------------------------------------------------------------

    def _database(self) -> Any:
        """The entries database (opened on first use), or None when there is none to be had."""
        if self._db is None and self.key is not None and not self._db_failed:
            import sqlite3

            for attempt in range(2):
                try:
                    self._make_folder()
                    db = sqlite3.connect(self.entries, timeout=2.0)
                    db.execute("PRAGMA synchronous = OFF")  # a cache: a torn write is a miss, not a loss
                    db.execute("CREATE TABLE IF NOT EXISTS entries (name TEXT PRIMARY KEY, blob BLOB NOT NULL)")
                    self._db = db
                    break
                except (sqlite3.Error, OSError):
                    if attempt == 0:
                        self._discard_database()  # damaged or not a database: start again
            self._db_failed = self._db is None
        return self._db

    def _discard_database(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(f"{self.entries}{suffix}")
            except OSError:
                pass

    def get(self, name: str, shown: str, source: Path) -> tuple[str | None, Document | None, list[Problem]] | None:
        """The stored load result `name` (content hash and record kind) of the file at `source`,
        or None."""
        import sqlite3

        db = self._database()
        row = None
        if db is not None:
            try:
                row = db.execute("SELECT blob FROM entries WHERE name = ?", (name,)).fetchone()
            except sqlite3.Error:
                self._discard_database()
                self._db_failed = True
        payload = self._verified(row[0]) if row is not None and isinstance(row[0], bytes) else None
        if payload is None:
            self.misses += 1
            return None
        try:
            result = unpack(payload, shown, source)
        except (ValueError, EOFError, TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, name: str, kind: str | None, document: Document | None,
            problems: Iterable[Problem], *, packed: bytes | None = None) -> None:
        """Keep a load result (`packed` when it is already: as it came from a worker); it is
        written, with the others, by `save`."""
        if self.key is None:
            return
        try:
            blob = packed if packed is not None else pack(kind, document, problems)
        except ValueError:  # a value marshal cannot hold: simply not cached
            return
        self._pending.append((name, self._sign(blob) + blob))

    def _store_entries(self) -> None:
        """Write pending entries in one transaction and forget those no file has any more."""
        import sqlite3

        pending, self._pending = self._pending, []
        db = self._database()
        if db is None:
            return
        live = {entry[2] for entry in self.files.values()}
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", pending)
                if self.borrowed:
                    return
                stale = [(name,) for (name,) in db.execute("SELECT name FROM entries")
                         if name.split("-", 1)[0] not in live]
                db.executemany("DELETE FROM entries WHERE name = ?", stale)
        except sqlite3.Error:
            self._discard_database()  # locked by another run, or damaged: it only costs time

    # -- whole results ------------------------------------------------------------------

    def tree_key(self, name: str, hashes: dict[str, tuple[str, bytes | None]]) -> str:
        """What a whole result depends on: every file's content, where it is shown from, and
        cspctl's code."""
        digest = hashlib.sha256(f"{name}\0{os.getcwd()}\0{self.root}\0{self.code_stamp}\n".encode())
        for relative in sorted(hashes):
            digest.update(f"{relative}\0{hashes[relative][0]}\n".encode())
        return digest.hexdigest()

    def result(self, name: str, key: str) -> Any | None:
        stored = self.results.get(name)
        return stored[1] if stored is not None and stored[0] == key else None

    def store_result(self, name: str, key: str, value: Any) -> None:
        self.results[name] = (key, value)
        self.dirty = True
