"""Atomic file writes: a crash or a kill mid-save leaves the previous version intact, and new files never overwrite."""
from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

# Temporary files are hidden (leading dot) so the tree loader passes over them; a kill mid-save can leave one.
_TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
STALE_AFTER_S = 60.0


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`."""
    path = Path(path)
    if _is_device_or_pipe(path):
        # `export -o /dev/null`, `-o /dev/stdout`, a pipe: the rename would put a plain file in the device's place
        # (for /dev/null, breaking every program on the machine), so the bytes go into it instead.
        with open(path, "wb") as handle:
            handle.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temporary(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _sync_folder(path.parent)


def write_new(folder: Path, names: Iterator[str], data: bytes) -> Path:
    """Write `data` under the first of `names` that is free in `folder`, and never over an existing file.

    The name is claimed with a hard link, which fails when the name exists, so two processes saving at once
    each get their own file (check-then-rename would let one overwrite the other). File systems without hard
    links (FAT, some shares) fall back to an exclusive create.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = _write_temporary(folder, "new", data)
    try:
        for name in names:
            target = folder / name
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                if not _create_exclusive(target, data):
                    continue
            _sync_folder(folder)
            return target
        raise FileExistsError(errno.EEXIST, "no free name", str(folder))
    finally:
        _unlink_quietly(tmp)


def remove_stale_temporaries(entries: Iterable[os.DirEntry], older_than_s: float = STALE_AFTER_S) -> None:
    """Delete the temporary files an interrupted save left among a folder's listed `entries` (only ours, only old ones).

    The caller lists the folder once for its own reading (os.scandir), so a folder without such files costs
    nothing more: only a name of ours is looked at further (one stat).
    """
    cutoff = time.time() - older_than_s
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass  # read-only folder, or another process got there first


def _is_device_or_pipe(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there yet (or unreachable: the rename says why)
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_temporary(folder: Path, name: str, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=_TEMP_SUFFIX, dir=folder)
    _fill(fd, tmp, data)
    return tmp


def _create_exclusive(target: Path, data: bytes) -> bool:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        return False
    _fill(fd, str(target), data)
    return True


def _fill(fd: int, path: str, data: bytes) -> None:
    """Write `data` through `fd` down to the disk; on any failure the half-written file at `path` goes."""
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink_quietly(path)
        raise


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    # The rename or link itself is durable only once the directory entry is on disk.
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
