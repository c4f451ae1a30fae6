"""The manifest of a publication: which files went out, their SHA-256, and where they came from.

`manifest.json` sits beside the files it lists. It names the records commit the papers were
rendered from, so anyone can check a file against it (`cspctl verify`) and render it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cspctl.errors import CspError

NAME = "manifest.json"
FORMAT_VERSION = 1


@dataclass
class Entry:
    path: str
    document: str
    format: str
    sha256: str
    bytes: int


@dataclass
class Manifest:
    meeting: dt.date
    published_at: str
    records_commit: str
    records_folder: str
    cspctl: str
    supplement: int = 0
    deadline: dt.date | None = None
    late_working_days: int = 0
    files: list[Entry] = field(default_factory=list)

    def as_json(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT_VERSION, "meeting": self.meeting.isoformat(),
            "published_at": self.published_at, "records_commit": self.records_commit,
            "records_folder": self.records_folder, "cspctl": self.cspctl,
            "supplement": self.supplement,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "late_working_days": self.late_working_days,
            "files": [vars(entry) for entry in self.files],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def entry(self, name: str) -> Entry | None:
        return next((e for e in self.files if e.path == name), None)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: Path) -> Manifest:
    """A manifest file, or a user error naming what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(
            dt.date.fromisoformat(data["meeting"]), str(data["published_at"]),
            str(data["records_commit"]), str(data["records_folder"]), str(data["cspctl"]),
            int(data.get("supplement", 0)),
            dt.date.fromisoformat(data["deadline"]) if data.get("deadline") else None,
            int(data.get("late_working_days", 0)),
            [Entry(str(f["path"]), str(f["document"]), str(f["format"]), str(f["sha256"]), int(f["bytes"]))
             for f in data["files"]],
        )
    except FileNotFoundError:
        raise CspError(f"no {NAME} beside {path.parent}: not a folder cspctl publish wrote") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CspError(f"{path}: not a readable publication manifest ({type(exc).__name__})") from None
