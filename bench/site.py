"""Time `cspctl site` on a generated board of many meetings (default 4,000), without PDFs.

    .venv/bin/python bench/site.py [--meetings N]

A separate script from bench/run.py: it generates its corpus with bench/gen_corpus.py into
bench/corpus/site-nN/ and prints the build's wall time, pages and size of the site.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=4000)
    args = parser.parse_args()
    records = HERE / "corpus" / f"site-n{args.meetings}"
    if not records.is_dir():
        generate(args.meetings, records)
    out = Path(tempfile.mkdtemp(prefix="cspctl-site-bench-")) / "site"
    try:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cspctl", "--records", str(records), "site", "--output", str(out),
                        "--no-pdf", "--as-of", "2025-06-01"], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        files = [p for p in out.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(f"cspctl site, {args.meetings} meetings, no PDFs: {seconds:.1f} s, {len(files)} files, "
              f"{size / 1e6:.1f} MB")
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
