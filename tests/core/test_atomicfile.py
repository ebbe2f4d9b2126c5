"""Atomic writes: a regular file is replaced whole; a device or a pipe given as the target is written into, never replaced."""
import os
import stat
import threading

import pytest

from desktop.core.atomicfile import write_atomic


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_written_into_not_replaced(tmp_path):
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomic(pipe, b'{"a": 1}\n')
    reader.join(10)
    assert received == [b'{"a": 1}\n']
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and os.listdir(tmp_path) == ["out"]


def test_a_device_is_written_into_not_replaced(tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of its own, not the system's
    except (OSError, AttributeError):
        pytest.skip("device files cannot be made here")
    write_atomic(device, b"discarded")
    assert stat.S_ISCHR(os.stat(device).st_mode) and os.listdir(tmp_path) == ["null"]


def test_a_regular_file_is_still_replaced_whole(tmp_path):
    target = tmp_path / "f.json"
    target.write_bytes(b"old")
    inode = os.stat(target).st_ino
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and os.stat(target).st_ino != inode
