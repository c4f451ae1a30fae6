"""Where a rendered document goes: a file (written atomically) or stdout."""

from __future__ import annotations

import sys
from pathlib import Path


def write(data: bytes, output: Path | None, *, skipped: int = 0, root: Path | None = None) -> None:
    """Write the document; say on stderr when some records could not be loaded. An output
    inside the records folder `root`'s records is refused (`guarded.refuse_output_into_records`)."""
    from cspctl.errors import CspError

    if output is not None and root is not None:
        from cspctl.records.guarded import refuse_output_into_records

        refuse_output_into_records(root, output)

    if skipped:
        print(f"cspctl: warning: {skipped} problem(s) in the records; records that failed to "
              "load are left out (run `cspctl lint`)", file=sys.stderr)
    binary = data.startswith((b"%PDF", b"PK\x03\x04"))
    if output is None:
        if binary:
            if sys.stdout.isatty():
                raise CspError("this format is binary: write it to a file with --output FILE", 2)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    from cspctl.records.atomic import atomic_write
    from cspctl.records.yamlio.text import YamlError

    try:
        atomic_write(output, data if binary else data.decode("utf-8"))
    except YamlError as exc:
        raise CspError(f"cannot write {output}: {exc.message}") from None
    except OSError as exc:
        raise CspError(f"cannot write {output}: {exc.strerror}") from None
    print(f"wrote {output}", file=sys.stderr)
