"""JSON Schemas of every record kind, generated from the models, for editors and other tools.

Editors that speak the YAML language server validate and complete as people type when a
record's first line names its schema:
`# yaml-language-server: $schema=../schemas/meeting.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from cspctl.models.registry import KINDS, adapter, kind_of

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind."""
    schema: dict[str, Any] = {"$schema": DIALECT, "$id": f"{kind}.schema.json"}
    schema.update(adapter(kind).json_schema())
    schema.setdefault("title", kind)
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in KINDS}


def schema_files() -> dict[str, str]:
    """The text of every `<kind>.schema.json` file, by file name, as `write_schemas` writes it."""
    return {f"{kind}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
            for kind, schema in all_schemas().items()}


def write_schemas(folder: Path) -> list[Path]:
    """Write `<kind>.schema.json` for every kind into `folder`; return the files written."""
    from cspctl.records.atomic import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        atomic_write(path, text)
        written.append(path)
    return written


def modeline(relative: PurePosixPath) -> str | None:
    """The yaml-language-server comment for a record at `relative` (None for non-records)."""
    kind = kind_of(relative)
    if kind is None:
        return None
    up = "../" * (len(relative.parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{kind}.schema.json"
