"""`yamlio.atomic_write`, the one writer every command uses: all or nothing, permissions
kept, no stray temporary file, never through a symlink or out of the records folder."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from cspctl.records.atomic import atomic_write
from cspctl.records.yamlio.text import YamlError

OLD = "date: 2022-03-30\nstatus: drafted\n"
NEW = "date: 2022-03-30\nstatus: held\n"


@pytest.fixture
def record(tmp_path: Path) -> Path:
    path = tmp_path / "records" / "meetings" / "2022-03-30.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(OLD, encoding="utf-8")
    return path


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_replaces_the_content_and_reports_a_change(record: Path) -> None:
    assert atomic_write(record, NEW) is True
    assert record.read_text("utf-8") == NEW
    assert siblings(record) == ["2022-03-30.yaml"]


def test_unchanged_bytes_are_not_written(record: Path) -> None:
    inode, mtime = record.stat().st_ino, record.stat().st_mtime_ns
    assert atomic_write(record, OLD) is False
    assert (record.stat().st_ino, record.stat().st_mtime_ns) == (inode, mtime)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_permissions_are_kept(record: Path, mode: int) -> None:
    record.chmod(mode)
    atomic_write(record, NEW)
    assert stat.S_IMODE(record.stat().st_mode) == mode
    record.chmod(0o644)


def test_a_new_file_gets_ordinary_permissions_not_mkstemps_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.yaml", NEW)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod", "write"])
def test_a_failure_leaves_the_old_file_and_no_temporary_file(
    record: Path, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                self.handle.flush()  # type: ignore[attr-defined]
                fail()

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError):
        atomic_write(record, NEW)
    monkeypatch.undo()
    assert record.read_text("utf-8") == OLD
    assert siblings(record) == ["2022-03-30.yaml"]


def test_an_interrupt_during_the_write_also_cleans_up(record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(record, NEW)
    monkeypatch.undo()
    assert record.read_text("utf-8") == OLD and siblings(record) == ["2022-03-30.yaml"]


def test_the_temporary_file_is_never_named_like_a_record(record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace

    def spy(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(record, NEW)
    [name] = seen
    assert name.startswith(".") and name.endswith(".tmp") and not name.endswith((".yaml", ".yml"))


def test_a_symlink_is_refused_and_its_target_untouched(tmp_path: Path, record: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(OLD, encoding="utf-8")
    link = record.parent / "2022-06-29.yaml"
    link.symlink_to(outside)
    with pytest.raises(YamlError) as caught:
        atomic_write(link, NEW, root=record.parent.parent)
    assert caught.value.code == "CSP007"
    assert outside.read_text("utf-8") == OLD and link.is_symlink()


def test_a_path_through_a_symlinked_folder_out_of_the_root_is_refused(tmp_path: Path, record: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2022-06-29.yaml").write_text(OLD, encoding="utf-8")
    (record.parent.parent / "reports").symlink_to(outside, target_is_directory=True)
    with pytest.raises(YamlError) as caught:
        atomic_write(record.parent.parent / "reports" / "2022-06-29.yaml", NEW, root=record.parent.parent)
    assert caught.value.code == "CSP007"
    assert (outside / "2022-06-29.yaml").read_text("utf-8") == OLD


def test_a_records_root_that_is_itself_a_symlink_is_fine(tmp_path: Path, record: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(record.parent.parent, target_is_directory=True)
    assert atomic_write(alias / "meetings" / "2022-03-30.yaml", NEW, root=alias) is True
    assert record.read_text("utf-8") == NEW


def test_text_that_cannot_be_utf8_is_refused_before_anything_is_written(record: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write(record, "title: \ud800\n")
    assert record.read_text("utf-8") == OLD and siblings(record) == ["2022-03-30.yaml"]
