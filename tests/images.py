"""Real image files for tests and benchmarks, drawn with Qt; and the course's JPEG sample."""
from __future__ import annotations

import base64
import random
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def course_jpeg(shared_dir: Path) -> bytes:
    """The JPEG carried as base64 in the course's «send image» example."""
    text = (shared_dir / "seed" / "000_500ffc97dfd14c67.txt").read_text(encoding="utf-8")
    return base64.b64decode(re.search(r'"b64_file":\s*"([^"]+)"', text).group(1), validate=True)


def image_bytes(width: int, height: int, fmt: str = "PNG", noise: bool = False, quality: int = -1) -> bytes:
    """A gradient (or random noise, which compresses badly and so makes big files) encoded as `fmt`."""
    # Pixels are written in place through bits(): QImage(bytes, ...) borrows Python memory, and
    # setPixelColor(QColor) trips a reference-count bug in PySide6 6.12 that aborts at exit.
    image = QImage(width, height, QImage.Format.Format_RGB888)
    bits = image.bits()
    if noise:
        bits[:] = random.Random(width * height).randbytes(len(bits))
    else:
        stride = image.bytesPerLine()
        row = lambda y: bytes(v for x in range(width) for v in ((x * 7) % 256, (y * 5) % 256, 128)).ljust(stride, b"\0")
        bits[:] = b"".join(row(y) for y in range(height))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, quality)
    return bytes(data)


def write_image(path: Path, width: int, height: int, fmt: str = "PNG", noise: bool = False, quality: int = -1) -> Path:
    path.write_bytes(image_bytes(width, height, fmt, noise, quality))
    return path
