"""What loading costs, in-process: the forms a loaded file can be stored or shipped in (pickle
or marshal, models or data), and one process against two workers per folder size.

    python bench/loading.py bench/corpus/n400 [more folders for the workers table]

Prints Markdown tables that run.py copies into docs/performance.md.
"""

from __future__ import annotations

import marshal
import pickle
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cspctl.models.registry import adapter, kind_of
from cspctl.records.loading import gc_paused
from cspctl.records.store import load_records


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = action()
    return time.process_time() - start, result


def main(root: Path) -> None:
    records = load_records(root, workers=1)
    loaded = list(records.all_loaded())
    docs = [(item.document.data, item.document.values, item.document.keys) for item in loaded]
    data = [item.document.data for item in loaded]
    models = [item.model for item in loaded]
    kinds = [kind_of(item.relative) or "" for item in loaded]
    rows: list[tuple[str, float, float, int]] = []
    with gc_paused():
        for name, items, dump, load in (
            ("documents (data + positions), pickle", docs, lambda x: pickle.dumps(x, 5), pickle.loads),
            ("documents (data + positions), marshal", docs, marshal.dumps, marshal.loads),
            ("data only, marshal", data, marshal.dumps, marshal.loads),
            ("pydantic models, pickle", models, lambda x: pickle.dumps(x, 5), pickle.loads),
        ):
            out, blobs = timed(lambda items=items, dump=dump: [dump(x) for x in items])
            back, _ = timed(lambda blobs=blobs, load=load: [load(b) for b in blobs])
            rows.append((name, out, back, sum(len(b) for b in blobs)))
        check, _ = timed(lambda: [adapter(k).validate_python(d) for k, d in zip(kinds, data, strict=True)])
    print(f"{len(loaded)} records from `{root.name}`; CPU seconds for all of them:\n")
    print("| form | write | read back | size |\n|---|---|---|---|")
    for name, out, back, size in rows:
        print(f"| {name} | {out:.3f} s | {back:.3f} s | {size / 1e6:.1f} MB |")
    print(f"| (rebuilding models: pydantic validation of the data) | – | {check:.3f} s | – |")


def workers(roots: list[Path], repeats: int = 3) -> None:
    """load_records wall time with one process and with two workers (the PARALLEL_BYTES choice)."""
    print("\n| folder | size | 1 process | 2 workers | 2 workers ÷ 1 |\n|---|---|---|---|---|")
    for root in roots:
        size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        walls: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(repeats):
            for count in (1, 2):
                start = time.perf_counter()
                load_records(root, workers=count)
                walls[count].append(time.perf_counter() - start)
        one, two = statistics.median(walls[1]), statistics.median(walls[2])
        print(f"| `{root.name}` | {size / 1e6:.1f} MB | {one:.2f} s | {two:.2f} s | {two / one:.2f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
    workers([Path(arg) for arg in sys.argv[1:]])
