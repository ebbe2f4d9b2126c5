"""PNG images with no imaging library: a QR-like code for the QR endpoint and a small picture for media downloads."""
from __future__ import annotations

import hashlib
import struct
import zlib


def encode_png(pixels: list[bytes], width: int) -> bytes:
    """8-bit greyscale rows -> PNG bytes."""
    raw = b"".join(b"\x00" + row for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, len(pixels), 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def qr_like_png(seed: str, modules: int = 29, scale: int = 6, border: int = 4) -> bytes:
    """A 29x29 QR-looking matrix (three finder squares, timing lines, data from `seed`); not decodable."""
    bits = "".join(f"{byte:08b}" for i in range(8) for byte in hashlib.sha256(f"{seed}:{i}".encode()).digest())
    dark = [[bits[(y * modules + x) % len(bits)] == "1" for x in range(modules)] for y in range(modules)]
    for oy, ox in ((0, 0), (0, modules - 7), (modules - 7, 0)):
        for y in range(-1, 8):
            for x in range(-1, 8):
                yy, xx = oy + y, ox + x
                if 0 <= yy < modules and 0 <= xx < modules:
                    ring = max(abs(y - 3), abs(x - 3))
                    dark[yy][xx] = ring in (0, 1, 3) if 0 <= y < 7 and 0 <= x < 7 else False
    for i in range(8, modules - 8):
        dark[6][i] = dark[i][6] = i % 2 == 0
    size = (modules + 2 * border) * scale
    white = b"\xff" * size
    rows = [white] * (border * scale)
    for line in dark:
        row = b"\xff" * (border * scale) + b"".join((b"\x00" if d else b"\xff") * scale for d in line) + b"\xff" * (border * scale)
        rows.extend([row] * scale)
    rows.extend([white] * (border * scale))
    return encode_png(rows, size)


def sample_picture_png(size: int = 16) -> bytes:
    """A small grey gradient, for media the sandbox has no stored file for."""
    return encode_png([bytes((x * 16 + y * 8) % 256 for x in range(size)) for y in range(size)], size)
