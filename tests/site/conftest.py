"""Sites built once per module: the seed with a canary in every restricted field, in git."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cspctl.cli import main
from cspctl.records.roundtrip import rt_dump, rt_load
from tests.conftest import SEED_RECORDS
from tests.render.test_no_leak import CANARIES, plant

SITE_CANARIES = {
    **CANARIES,
    "restricted_sub_item": "CANARYSUBITEM3d",
    "restricted_file_title": "CANARYFILETITLE4f",
    "restricted_file_name": "CANARYFILENAME5g",
    "restricted_presenter_note": "CANARYPRESENTS6h",
}
RESTRICTED_IDS = ["2021-09-29/7.1", "2021-09-29/8.1", "2021-09-29/9.1", "mps-street-violence",
                  "csp-plan-annual-review", "womens-safety-survey"]
"""Ids of restricted actions and papers: no file of the site may name them."""


def plant_more(root: Path) -> None:
    """The canaries the site could leak beyond the renders': a restricted item's sub-item and
    its file paper."""
    path = root / "meetings" / "2021-09-29.yaml"
    data = rt_load(path.read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i.get("restricted") is True)
    item["items"] = [{"title": f"Case {SITE_CANARIES['restricted_sub_item']}",
                      "minutes": f"{SITE_CANARIES['restricted_presenter_note']}\n"}]
    name = f"files/{SITE_CANARIES['restricted_file_name']}.txt"
    item["papers"] = [{"path": name, "title": SITE_CANARIES["restricted_file_title"]}]
    path.write_text(rt_dump(data), encoding="utf-8")
    (root / "files").mkdir(exist_ok=True)
    (root / name).write_text("a file paper\n", encoding="utf-8")


def git(root: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2022-01-10T12:00:00Z",
           "GIT_COMMITTER_DATE": "2022-01-10T12:00:00Z", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def planted_repo(base: Path) -> Path:
    root = base / "repo" / "records"
    shutil.copytree(SEED_RECORDS, root, ignore=shutil.ignore_patterns("templates"))
    plant(root)
    plant_more(root)
    git(root.parent, "init", "-q")
    git(root.parent, "add", ".")
    git(root.parent, "commit", "-q", "-m", "records")
    return root


def build(root: Path, output: Path, *args: str) -> int:
    return main(["--records", str(root), "site", "--output", str(output), *args])


def site_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def readable(data: bytes) -> str:
    return re.sub(r"\s+", " ", html.unescape(data.decode("utf-8")))


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("site")
    root = planted_repo(base)
    output = base / "public"
    assert build(root, output) == 0
    return {"root": root, "output": output, "files": site_files(output), "base": base}
