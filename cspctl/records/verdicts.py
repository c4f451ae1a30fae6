"""Verdicts kept between runs: the record files `fmt` found canonical, by content hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cspctl.records.cache import RACY_NS, UNREAD, Cache, key_exists
from cspctl.records.discovery import scan
from cspctl.records.yamlio.text import YamlError, read_bytes


class Verdicts:
    """The files `fmt` found canonical, by content hash, kept in the records folder's cache
    (`records.cache`): a file whose bytes have not changed since is not formatted again, so
    `fmt --check` of an unchanged folder reads no record. The verdict holds for the same
    bytes at the same path (the modeline depends on it) under the same cspctl code."""

    NAME = "fmt-canonical"

    def __init__(self, root: Path, chosen: list[Path] | None = None) -> None:
        """The verdicts for the whole folder, or only for the `chosen` files (`fmt FILE`:
        those alone are hashed, and the cache's index of the folder is left as it is)."""
        self.prefix = os.path.join(root, "")
        self.root = root
        self.chosen = chosen
        self.known: dict[str, str] = {}
        self.hashes: dict[str, str] = {}
        self.changed = False
        # Without a signing key there can be no verdicts yet; the key is made when they are
        # saved, after fmt's writes (so a record's write is the first thing fmt changes).
        self.cache = Cache(root) if key_exists() else None
        if self.cache is not None:
            stored = self.cache.result(self.NAME, self.cache.code_stamp)
            self.known = dict(stored) if isinstance(stored, dict) else {}
            self.hashes = self._hashes(self.cache)

    def _hashes(self, cache: Cache) -> dict[str, str]:
        if self.chosen is None:
            return {name: digest for name, (digest, _) in cache.hashes(scan(self.root)).items()
                    if not digest.startswith(UNREAD)}
        found = {}
        for path in self.chosen:
            digest = self._digest(cache, path)
            if digest is not None:
                found[self._relative(path)] = digest
        return found

    def _digest(self, cache: Cache, path: Path) -> str | None:
        """The content hash of one file: the index's when its stat is unchanged (and not racy)."""
        try:
            info = os.stat(path)
            entry = cache.files.get(self._relative(path))
            if entry is not None and entry[:2] == (info.st_mtime_ns, info.st_size) \
                    and info.st_mtime_ns < cache.written - RACY_NS:
                return entry[2]
            return hashlib.sha256(read_bytes(os.fspath(path), root=self.root)).hexdigest()
        except (OSError, YamlError):
            return None

    def _relative(self, path: Path) -> str:
        name = os.fspath(path)
        below = name[len(self.prefix):] if name.startswith(self.prefix) else os.path.relpath(name, self.root)
        return below.replace(os.sep, "/")

    def canonical(self, path: Path) -> bool:
        relative = self._relative(path)
        digest = self.hashes.get(relative)
        return digest is not None and self.known.get(relative) == digest

    def confirm(self, path: Path, text: str) -> None:
        """`text` (what the file at `path` holds, or now holds) is canonical."""
        self.known[self._relative(path)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.changed = True

    def save(self) -> None:
        cache = self.cache
        if cache is None:
            if not self.changed:
                return
            cache = Cache(self.root)  # the first verdicts: the signing key is made now
            self.hashes = self._hashes(cache)
        if self.changed:
            live = {name: digest for name, digest in self.known.items()
                    if name in self.hashes or self.chosen is not None}
            cache.store_result(self.NAME, cache.code_stamp, live)
        cache.save()
