"""Content-Encoding (gzip, deflate, br) unpacked with a cap on the output, so a compression bomb cannot fill memory."""
from __future__ import annotations

import zlib

import brotli

SUPPORTED = ("gzip", "x-gzip", "deflate", "br", "identity")


class Undecodable(Exception):
    """The packed body is damaged or packed in a way we cannot unpack."""


class _Zlib:
    def __init__(self, wbits: int, raw_fallback: bool = False):
        self.obj = zlib.decompressobj(wbits)
        # Some servers send "deflate" without the zlib header; httpx retries as raw deflate, so do we.
        self.raw_fallback = raw_fallback
        self.started = False

    def feed(self, data: bytes, room: int) -> tuple[bytes, bool]:
        try:
            out = self.obj.decompress(data, room)
        except zlib.error as exc:
            if self.raw_fallback and not self.started:
                self.obj, self.raw_fallback = zlib.decompressobj(-zlib.MAX_WBITS), False
                return self.feed(data, room)
            raise Undecodable(str(exc)) from exc
        self.started = True
        # Input left unconsumed means the output was stopped by the cap.
        return out, bool(self.obj.unconsumed_tail)


class _Brotli:
    def __init__(self):
        self.obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> tuple[bytes, bool]:
        try:
            out = self.obj.process(data, output_buffer_limit=max(room, 1))
        except brotli.error as exc:
            raise Undecodable(str(exc)) from exc
        more = not self.obj.can_accept_more_data() or len(out) > room
        return out[:room], more


class CappedDecoder:
    """Unpacks a stream chunk by chunk; `feed` never returns more than the room left under the cap."""

    def __init__(self, content_encoding: str, cap: int):
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        unknown = [n for n in names if n not in SUPPORTED]
        if unknown:
            raise Undecodable(", ".join(unknown))
        self.stages = []
        # Encodings are listed in the order they were applied: undo them from the last.
        for name in reversed(names):
            if name in ("gzip", "x-gzip"):
                self.stages.append(_Zlib(zlib.MAX_WBITS | 16))
            elif name == "deflate":
                self.stages.append(_Zlib(zlib.MAX_WBITS, raw_fallback=True))
            elif name == "br":
                self.stages.append(_Brotli())
        self.cap = cap
        self.produced = 0
        self.overflowed = False

    @property
    def identity(self) -> bool:
        return not self.stages

    def feed(self, data: bytes) -> bytes:
        for stage in self.stages:
            room = self.cap - self.produced
            if room <= 0:
                # zlib reads a max_length of 0 as "no limit": never ask with no room left.
                self.overflowed = self.overflowed or bool(data)
                return b""
            data, more = stage.feed(data, room)
            self.overflowed = self.overflowed or more
        data = data[: self.cap - self.produced]
        self.produced += len(data)
        return data
