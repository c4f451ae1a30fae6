"""Verdicts kept between runs: the record files `fmt` found canonical, by content hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cspctl.records.cache import UNREAD, Cache
from cspctl.records.discovery import scan


class Verdicts:
    """The files `fmt` found canonical, by content hash, kept in the records folder's cache
    (`records.cache`): a file whose bytes have not changed since is not formatted again, so
    `fmt --check` of an unchanged folder reads no record. The verdict holds for the same
    bytes at the same path (the modeline depends on it) under the same cspctl code."""

    NAME = "fmt-canonical"

    def __init__(self, root: Path) -> None:
        self.cache = Cache(root)
        self.prefix = os.path.join(root, "")
        self.root = root
        stored = self.cache.result(self.NAME, self.cache.code_stamp)
        self.known: dict[str, str] = dict(stored) if isinstance(stored, dict) else {}
        self.hashes = {name: digest for name, (digest, _) in self.cache.hashes(scan(root)).items()
                       if not digest.startswith(UNREAD)}
        self.changed = False

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
        if self.changed:
            live = {name: digest for name, digest in self.known.items() if name in self.hashes}
            self.cache.store_result(self.NAME, self.cache.code_stamp, live)
        self.cache.save()

