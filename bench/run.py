"""`make bench`: time cspctl against its peers, side by side in one run, and write the results
to docs/performance.md.

    python bench/run.py                # corpora of 40, 400 and 4,000 meetings, start-up timings
                                       # (~15 min on 2 cores: the peers take minutes on 4,000)
    python bench/run.py --quick        # 40 and 400 only (or BENCH_QUICK=1; about 3 min)

Every tool runs as a fresh process (what a user waits for), timed with time.perf_counter, in
shuffled order within each round; a tool that takes less than SPAN seconds runs several times
in its round and the round keeps the median. We report medians and the median of the
per-round ratios, so drift on a shared machine hits both sides of a ratio alike. Nothing here
is an assertion.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
CORPORA = HERE / "corpus"
REPORT = REPO / "docs" / "performance.md"
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

RELAXED = "extends: relaxed\nrules:\n  line-length: disable\n"


def timed(cmd: Sequence[str | Path], cwd: Path = REPO) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user+sys of the process and its children) and exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


SPAN = 20.0
"""Seconds each tool is timed for in a round: a tool faster than that runs several times and
the round keeps the median (at most `REPEATS` runs). A peer taking minutes averages over the
machine's ups and downs within its one run; a command taking a second or less would otherwise
catch one dip or spike of a shared machine whole (timeit's autorange, for the same reason)."""
REPEATS = 9


def autorange(cmd: Sequence[str | Path]) -> tuple[float, float, int]:
    """`timed`, repeated until `SPAN` seconds or `REPEATS` runs: the median wall, median CPU
    and the worst exit code."""
    runs = [timed(cmd)]
    while sum(r[0] for r in runs) < SPAN and len(runs) < REPEATS:
        runs.append(timed(cmd))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def corpus(meetings: int) -> tuple[Path, dict[str, int]]:
    """The records folder for `meetings`, generated unless an identical one is there."""
    out = CORPORA / f"n{meetings}"
    stamp = out.parent / f"n{meetings}.json"
    source = hashlib.sha256((HERE / "gen_corpus.py").read_bytes()).hexdigest()
    if stamp.is_file() and out.is_dir():
        saved = json.loads(stamp.read_text())
        if saved.get("source") == source:
            return out, saved
    start = time.perf_counter()
    counts = generate(meetings, out)
    counts["source"] = source  # type: ignore[assignment]
    stamp.write_text(json.dumps(counts))
    print(f"  generated {out.relative_to(REPO)} in {time.perf_counter() - start:.1f} s", flush=True)
    return out, counts


def exported_schemas() -> Path:
    """The JSON Schemas `cspctl schema` exports (one per record kind), for check-jsonschema."""
    folder = CORPORA / "schemas"
    subprocess.run([BIN / "cspctl", "schema", "--output", folder], check=True, capture_output=True)
    return folder


def check_jsonschema(root: Path, schemas: Path) -> list[str]:
    """One shell script running check-jsonschema on every record file, each kind with its own
    schema: the same files cspctl lint reads (check-jsonschema takes one schema a run)."""
    from cspctl.models.registry import kind_of
    from cspctl.records.discovery import discover

    by_kind: dict[str, list[str]] = {}
    for path in discover(root):
        kind = kind_of(PurePosixPath(path.relative_to(root).as_posix()))
        if kind is not None:
            by_kind.setdefault(kind, []).append(str(path))
    runs = [shlex.join([str(BIN / "check-jsonschema"), "--schemafile", str(schemas / f"{kind}.schema.json"),
                        *files]) for kind, files in sorted(by_kind.items())]
    script = CORPORA / f"check-jsonschema-{root.name}.sh"  # too long for one `sh -c` argument
    script.write_text("\n".join(runs) + "\n")
    return ["sh", str(script)]


def lint_errors(root: Path) -> int:
    done = subprocess.run([BIN / "cspctl", "--records", root, "lint", "--no-cache", "--format", "json"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    return sum(1 for p in json.loads(done.stdout or "[]") if p["level"] == "error")


class Table:
    """Timings per tool over rounds, and per-round ratios."""

    def __init__(self) -> None:
        self.walls: dict[str, list[float]] = {}
        self.cpus: dict[str, list[float]] = {}
        self.codes: dict[str, set[int]] = {}

    def add(self, name: str, wall: float, cpu: float, code: int) -> None:
        self.walls.setdefault(name, []).append(wall)
        self.cpus.setdefault(name, []).append(cpu)
        self.codes.setdefault(name, set()).add(code)

    def median(self, name: str) -> float:
        return statistics.median(self.walls[name])

    def ratio(self, slow: str, fast: str) -> float:
        """Median of per-round ratios slow/fast."""
        pairs = zip(self.walls[slow], self.walls[fast], strict=False)
        return statistics.median(s / f for s, f in pairs)


def bench_corpus(meetings: int, rounds: int, schemas: Path, relaxed: Path) -> tuple[Table, dict[str, int]]:
    root, counts = corpus(meetings)
    errors = lint_errors(root)
    print(f"  {root.relative_to(REPO)}: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB, "
          f"{errors} lint errors", flush=True)
    counts["errors"] = errors
    meetings_files = sorted((root / "meetings").glob("*.yaml"))
    changing = meetings_files[len(meetings_files) // 2]
    original = changing.read_bytes()
    cspctl = [BIN / "cspctl", "--records", root, "lint"]
    table = Table()
    from cspctl.records.cache import cache_folder

    shutil.rmtree(cache_folder(root), ignore_errors=True)  # an earlier run's cache: start empty
    first = timed(cspctl)
    table.add("lint, first run (fills cache)", *first)
    table.add("cspctl fmt --check, first run (fills verdicts)",
              *timed([BIN / "cspctl", "--records", root, "fmt", "--check"]))
    reads = read_commands(root, changing)
    tools = {
        "cspctl lint (cold, --no-cache)": [*cspctl, "--no-cache"],
        "cspctl lint (warm, nothing changed)": cspctl,
        "check-jsonschema": check_jsonschema(root, schemas),
        "yamllint -c relaxed": [BIN / "yamllint", "-c", relaxed, root],
    }
    try:
        for index in range(rounds):
            order = list(tools)
            random.shuffle(order)
            for name in order:
                table.add(name, *autorange(tools[name]))
            order = list(reads)
            random.shuffle(order)
            for name in order:
                table.add(name, *few(reads[name]))
            changing.write_bytes(original + f"# bench round {index}\n".encode())
            table.add("cspctl lint (warm, one file changed)", *timed(cspctl))
            changing.write_bytes(original)
            timed(cspctl)  # back to the unchanged state for the next round's warm run
            print(f"  round {index + 1}/{rounds}: " + ", ".join(
                f"{name.split(' (')[0] if 'lint' not in name else name} {table.walls[name][-1]:.2f}s"
                for name in tools), flush=True)
    finally:
        changing.write_bytes(original)
    return table, counts


READS = ("render agenda", "actions --overdue", "status", "chase", "calendar", "fmt --check",
         "fmt of one file")


def read_commands(root: Path, changing: Path) -> dict[str, list[str | Path]]:
    """The everyday commands, on the corpus: one document, the action log, the calendar.
    `--as-of` is fixed so every size answers about the same day."""
    last = sorted((root / "meetings").glob("*.yaml"))[-1].stem
    run = [BIN / "cspctl", "--records", root]
    chase_to = CORPORA / f"chase-{root.name}"
    return {
        "render agenda": [*run, "render", "agenda", last],
        "actions --overdue": [*run, "actions", "--overdue", "--as-of", "2026-01-01"],
        "status": [*run, "status", last, "--as-of", "2025-09-01"],
        "chase": [*run, "chase", "--as-of", "2026-01-01", "--output", chase_to],
        "calendar": [*run, "calendar"],
        "fmt --check": [*run, "fmt", "--check"],
        "fmt of one file": [*run, "fmt", changing],
    }


def few(cmd: Sequence[str | Path], span: float = 4.0, most: int = 3) -> tuple[float, float, int]:
    """`autorange` with a shorter span: read commands run in every round at every size."""
    runs = [timed(cmd)]
    while sum(r[0] for r in runs) < span and len(runs) < most:
        runs.append(timed(cmd))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def bench_startup(runs: int) -> Table:
    """Everyday commands on the bundled records against a bare interpreter."""
    records = REPO / "records"
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "cspctl --help": [BIN / "cspctl", "--help"],
        "cspctl --help (TYPER_USE_RICH=0)": ["env", "TYPER_USE_RICH=0", BIN / "cspctl", "--help"],
        "cspctl actions --overdue": [BIN / "cspctl", "--records", records, "actions", "--overdue"],
        "cspctl render agenda 2022-03-30": [BIN / "cspctl", "--records", records, "render", "agenda",
                                            "2022-03-30"],
    }
    table = Table()
    for name in commands:
        timed(commands[name])  # warm the page cache and the lint cache alike
    for _ in range(runs):
        order = list(commands)
        random.shuffle(order)
        for name in order:
            table.add(name, *timed(commands[name]))
    return table


def machine() -> list[str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for package in ("cspctl", "pydantic", "PyYAML", "check-jsonschema", "yamllint", "ruamel.yaml",
                    "ruamel.yaml.clib"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:
            versions.append(f"{package} not installed")
    return [f"- CPU: {model}, `nproc` = {os.cpu_count()}",
            f"- Python {platform.python_version()} ({platform.python_implementation()}), "
            f"{platform.system()} {platform.release()}",
            f"- Packages: {', '.join(versions)}",
            "- Load average when the run started / ended: {load_start} / {load_end} "
            "(above the core count, other work shared the machine and walls are noisier)"]


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark cspctl against its peers.")
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1",
                        help="leave out the 4,000-meeting corpus (the peers take minutes on it)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per corpus (default 3)")
    parser.add_argument("--large-rounds", type=int, default=2,
                        help="rounds for 4,000 meetings (default 2: the peers take minutes each)")
    parser.add_argument("--runs", type=int, default=15, help="runs per start-up command (default 15)")
    parser.add_argument("--sizes", default="", help="comma-separated meeting counts (overrides)")
    args = parser.parse_args()
    began = time.perf_counter()
    load_start = os.getloadavg()[0]
    CORPORA.mkdir(parents=True, exist_ok=True)
    schemas = exported_schemas()
    relaxed = CORPORA / "relaxed.yaml"
    relaxed.write_text(RELAXED)
    sizes = [int(s) for s in args.sizes.split(",") if s] or ([40, 400] if args.quick else [40, 400, 4000])
    results: list[tuple[int, Table, dict[str, int]]] = []
    for meetings in sizes:
        print(f"corpus of {meetings} meetings", flush=True)
        rounds = args.rounds if meetings < 4000 else min(args.rounds, args.large_rounds)
        table, counts = bench_corpus(meetings, rounds, schemas, relaxed)
        results.append((meetings, table, counts))
    print("start-up on the bundled records", flush=True)
    startup = bench_startup(args.runs)
    print("loading in-process: storage forms, one process against two", flush=True)
    # The storage table on the 400-meeting folder (or the first), the workers table on all.
    folders = sorted((str(CORPORA / f"n{m}") for m in sizes), key=lambda f: not f.endswith("n400"))
    loading = subprocess.run([sys.executable, HERE / "loading.py", *folders], capture_output=True,
                             text=True, check=False, cwd=REPO).stdout
    lines = render(results, startup, args)
    lines += [(HERE / "steps.md").read_text().strip(), ""]
    lines += ["## Loading, in-process (bench/loading.py)", "",
                    "The forms a loaded file can be stored or shipped in, and `load_records` with one",
                    "process against two workers (what `PARALLEL_BYTES` in cspctl/records/parallel.py decides).", "",
                    loading.strip(), ""]
    took = time.perf_counter() - began
    text = "\n".join(lines).replace("{load_start}", f"{load_start:.2f}").replace(
        "{load_end}", f"{os.getloadavg()[0]:.2f}").replace("{took}", f"{took / 60:.1f} min")
    REPORT.write_text(text)
    print(text)
    print(f"\nwrote {REPORT.relative_to(REPO)} ({took / 60:.1f} min)")


def render(results: list[tuple[int, Table, dict[str, int]]], startup: Table,
           args: argparse.Namespace) -> list[str]:
    today = dt.date.today().isoformat()
    lines = ["# Performance", "",
             f"Generated by `make bench` (`bench/run.py`) on {today}; the run took {{took}}. Do not edit by",
             "hand: run `make bench` (`BENCH_QUICK=1` leaves out the 4,000-meeting corpus) and commit the result.",
             "Each tool is a fresh process timed by wall clock; medians over rounds, ratios are the median",
             "of per-round ratios (paired), so they carry across machines better than the seconds do.", "",
             "## Machine", "", *machine(), ""]
    for meetings, table, counts in results:
        cold = "cspctl lint (cold, --no-cache)"
        warm = "cspctl lint (warm, nothing changed)"
        lines += [f"## {meetings:,} meetings: {counts['files']:,} files, {counts['bytes'] / 1e6:.1f} MB "
                  f"({counts['errors']} lint errors)", "",
                  f"{len(table.walls[cold])} rounds; in each, a tool faster than {SPAN:.0f} s runs "
                  f"until {SPAN:.0f} s (at most {REPEATS} times) and counts its median.", "",
                  "| tool | median wall | median CPU | rounds |", "|---|---|---|---|"]
        for name in table.walls:
            lines.append(f"| {name} | {fmt(table.median(name))} | "
                         f"{fmt(statistics.median(table.cpus[name]))} | {len(table.walls[name])} |")
        one = table.median(cold) / table.median("cspctl lint (warm, one file changed)")
        lines += ["", "| ratio (paired medians) | value |", "|---|---|",
                  f"| check-jsonschema ÷ cspctl lint cold | "
                  f"{table.ratio('check-jsonschema', cold):.1f}x |",
                  f"| yamllint ÷ cspctl lint cold | {table.ratio('yamllint -c relaxed', cold):.1f}x |",
                  f"| cspctl lint warm ÷ cold | 1/{table.ratio(cold, warm):.0f} |",
                  f"| cspctl lint one file changed ÷ cold (medians) | 1/{one:.1f} |", ""]
    base = "python -c pass"
    lines += ["## Start-up: everyday commands on the bundled records (`records/`)", "",
              f"{args.runs} runs each, shuffled.", "",
              "| command | median wall | × `python -c pass` | exit codes |", "|---|---|---|---|"]
    for name in startup.walls:
        codes = ",".join(str(c) for c in sorted(startup.codes[name]))
        note = "" if startup.codes[name] <= {0, 1} else " (failed: not measured)"
        lines.append(f"| {name} | {fmt(startup.median(name))} | "
                     f"{startup.ratio(name, base):.1f}x | {codes}{note} |")
    lines += ["", *targets(results, startup), ""]
    return lines


def targets(results: list[tuple[int, Table, dict[str, int]]], startup: Table) -> list[str]:
    """The issue's targets, as ratios measured in this run, on the largest corpus measured."""
    meetings, table, _ = results[-1]
    cold = "cspctl lint (cold, --no-cache)"
    rows = [
        (f"cold lint ≥ 25x faster than check-jsonschema ({meetings:,} meetings)",
         table.ratio("check-jsonschema", cold), 25.0, True),
        (f"cold lint ≥ 30x faster than yamllint ({meetings:,} meetings)",
         table.ratio("yamllint -c relaxed", cold), 30.0, True),
        (f"warm lint < 1/20 of cold ({meetings:,} meetings; value is cold ÷ warm)",
         table.ratio(cold, "cspctl lint (warm, nothing changed)"), 20.0, True),
        ("`cspctl --help` within 8x of `python -c pass`",
         startup.ratio("cspctl --help", "python -c pass"), 8.0, False),
        ("`cspctl actions --overdue` within 12x of `python -c pass`",
         startup.ratio("cspctl actions --overdue", "python -c pass"), 12.0, False),
        ("`cspctl render agenda` within 12x of `python -c pass`",
         startup.ratio("cspctl render agenda 2022-03-30", "python -c pass"), 12.0, False),
    ]
    smallest = results[0][1]
    for name in READS[:-2]:
        if name in table.walls and name in smallest.walls:
            rows.append((f"`{name}` at {meetings:,} meetings ≤ 3x its time at {results[0][0]:,}",
                         table.median(name) / smallest.median(name), 3.0, False))
    rows += [
        (f"lint one file changed ≤ 3x nothing changed ({meetings:,} meetings)",
         table.median("cspctl lint (warm, one file changed)")
         / table.median("cspctl lint (warm, nothing changed)"), 3.0, False),
        (f"`fmt --check` ≤ 2x cold lint ({meetings:,} meetings, verdicts kept)",
         table.ratio("fmt --check", cold), 2.0, False),
        (f"`fmt --check` first run ≤ 2x cold lint ({meetings:,} meetings)",
         table.median("cspctl fmt --check, first run (fills verdicts)") / table.median(cold), 2.0, False),
        (f"`fmt` of one file ≤ 3x its time at {results[0][0]:,} meetings",
         table.median("fmt of one file") / smallest.median("fmt of one file"), 3.0, False),
    ]
    out = ["## Targets", "", "| target | measured | reached |", "|---|---|---|"]
    for name, value, limit, higher in rows:
        reached = value >= limit if higher else value <= limit
        out.append(f"| {name} | {value:.1f}x | {'yes' if reached else '**no**'} |")
    if meetings < 4000:
        out += ["", "The targets speak of the 4,000-meeting corpus: run without `BENCH_QUICK=1`."]
    return out


if __name__ == "__main__":
    main()
