"""`cspctl verify FILE`: is this published file what the board published, and can the records
prove it?

Three answers, each a line of the verdict: the file's SHA-256 against its manifest; the commit
the manifest names, present in the repository; and the file rendered again from that commit
(its records, templates and logo as committed), byte for byte. A file that passes all three is
exactly what the board published from exactly those records.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cspctl.errors import CspError
from cspctl.governance import manifest as manifests


@dataclass
class Verdict:
    path: Path
    checks: list[tuple[bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(passed for passed, _ in self.checks)


def verify(path: Path) -> Verdict:
    from cspctl import __version__
    from cspctl.governance.publish import render_documents
    from cspctl.records.store import load_records
    from cspctl.review import gitrev

    if not path.is_file():
        raise CspError(f"no such file: {path}", exit_code=2)
    record = manifests.read(path.parent / manifests.NAME)
    entry = record.entry(path.name)
    verdict = Verdict(path)
    if entry is None:
        verdict.checks.append((False, f"{path.name} is not listed in {manifests.NAME}"))
        return verdict
    data = path.read_bytes()
    matches = manifests.sha256(data) == entry.sha256 and len(data) == entry.bytes
    verdict.checks.append((matches, "matches its manifest (SHA-256 " + entry.sha256[:12] + "…)" if matches
                           else "does not match its manifest: the file was changed after publication"))
    repo = gitrev.locate(path.parent)
    try:
        commit = gitrev.resolve(repo, record.records_commit)
    except CspError:
        verdict.checks.append((False, f"the manifest names commit {record.records_commit[:12]}, which this "
                                      "repository does not have"))
        return verdict
    verdict.checks.append((True, f"names records commit {commit[:12]}, present in the repository"))
    with tempfile.TemporaryDirectory(prefix="cspctl-verify-") as scratch:
        root = Path(scratch) / "records"
        root.mkdir()
        folder = gitrev.Repo(repo.top, PurePosixPath(record.records_folder))
        gitrev.export(folder, commit, root, everything=True)
        records = load_records(root)
        again = render_documents(records, record.meeting, folder, commit, only=path.name)
    same = bool(again) and again[0][3] == data
    program = "" if record.cspctl == __version__ else (
        f" (published with cspctl {record.cspctl}, rendered again with {__version__})")
    verdict.checks.append((same, f"rendered again from {commit[:12]}: identical{program}" if same else
                           f"rendered again from {commit[:12]}: different{program}"))
    return verdict
