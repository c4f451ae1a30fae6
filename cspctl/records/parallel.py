"""Loading a large records folder in worker processes.

Workers parse (the expensive part: libyaml plus cspctl's builder) and send each document's data
back packed (`packing.pack`: marshal bytes, which also become its cache entry); the parent
validates, which costs it about what unpickling shipped models would, and finds positions in
the file itself for the few documents with a finding.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from cspctl.records.loading import FileLoad, gc_paused, load_file, parse_file, validate

PARALLEL_BYTES = 8_000_000
"""Above this many bytes of YAML to parse, files load in worker processes; below it, starting
them costs more than they save (measured in docs/performance.md)."""
CHUNK = 24

Job = tuple[Path, PurePosixPath, str, "bytes | None"]
"""A file to load: its path, its path below the records folder, how it is shown, its bytes."""


def load_many(jobs: list[Job], exact: bool, workers: int | None) -> Iterator[FileLoad]:
    """Load files in order; in worker processes when the folder is large enough to gain.

    `workers` None decides by size and by whether a core is free; 1 loads here; 2 or more
    forces a pool (the tests use that to compare both paths)."""
    if workers is None:
        workers = 2 if _bytes_above(jobs, PARALLEL_BYTES) and _cores() >= 2 else 1
    if workers <= 1 or len(jobs) < 2:
        for path, relative, shown, raw in jobs:
            yield load_file(path, relative, shown, exact=exact, raw=raw)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from cspctl.records.packing import unpack

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        for chunk, packed in zip(chunks, pool.map(_parse_chunk, chunks, [exact] * len(chunks)),
                                 strict=True):
            for (path, _, shown, _), blob in zip(chunk, packed, strict=True):
                kind, document, problems = unpack(blob, shown, path)
                loaded = (FileLoad(kind, problems=problems) if kind is None or document is None
                          else validate(kind, document, shown))
                loaded.packed = blob
                yield loaded


def _parse_chunk(jobs: list[Job], exact: bool) -> list[bytes]:
    """In a worker: parse files and send them back packed."""
    from cspctl.records.packing import pack

    with gc_paused():
        return [pack(parsed.kind, parsed.document, parsed.problems)
                for parsed in (parse_file(*job[:3], exact=exact, raw=job[3]) for job in jobs)]


def _bytes_above(jobs: list[Job], limit: int) -> bool:
    size = 0
    for path, _, _, raw in jobs:
        if raw is not None:
            size += len(raw)
        else:
            try:
                size += path.stat().st_size
            except OSError:
                pass
        if size > limit:
            return True
    return False


def _cores() -> int:
    """Cores this process may run on (a container or CI runner may allow fewer than the machine
    has). Not the load average: it counts cspctl's own last run for a minute afterwards. With
    results travelling as data only, two workers on a machine with one core kept busy loaded
    4,000 meetings in 8.4 and 7.5 s against 10.9 and 6.9 s for one process (measured), and on
    an idle machine they save a fifth to a third of the time (bench/loading.py)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
