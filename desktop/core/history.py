"""Every sent request with its answer's summary, per client, bounded, searchable and re-openable."""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.core.atomicfile import write_atomic
from desktop.core.collection import FormatError, check_shape, json_bytes, read_checked
from desktop.core.models import Body, Request, Response
from desktop.core.store import slug

DEFAULT_LIMIT = 500
# A history line re-opens the request; a huge body would make every send rewrite megabytes.
MAX_BODY_CHARS = 256 * 1024


def _no_mask(text: str) -> str:
    return text


@dataclass
class Entry:
    """`request` is the request as written (with `{{variables}}`), never with secret values filled in."""

    time: float
    request: Request
    method: str
    url: str  # the address as sent, secrets masked
    status: int | None = None
    reason: str = ""
    duration_ms: float = 0.0
    error: str = ""
    body_cut: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {
            "time": self.time,
            "method": self.method,
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "duration_ms": round(self.duration_ms, 1),
            "error": self.error,
            "request": self.request.to_dict(),
        }
        if self.body_cut:
            data["body_cut"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        status = data.get("status")
        return cls(
            time=float(data.get("time", 0)),
            request=Request.from_dict(data.get("request") or {}),
            method=str(data.get("method", "")),
            url=str(data.get("url", "")),
            status=status if isinstance(status, int) else None,
            reason=str(data.get("reason", "")),
            duration_ms=float(data.get("duration_ms", 0)),
            error=str(data.get("error", "")),
            body_cut=bool(data.get("body_cut", False)),
        )


class History:
    """One JSON file per client under `<data_dir>/history`, rewritten atomically, newest `limit` entries kept."""

    def __init__(self, data_dir: Path, limit: int = DEFAULT_LIMIT):
        self.folder = Path(data_dir) / "history"
        self.limit = limit
        self._cache: dict[str, list[Entry]] = {}

    def _path(self, client: str) -> Path:
        # The slug keeps it readable, the hash keeps "A b" and "a-b" apart.
        digest = hashlib.sha256(client.encode("utf-8")).hexdigest()[:8]
        return self.folder / f"{slug(client)}-{digest}.json"

    def add(
        self,
        client: str,
        request: Request,
        response: Response | None = None,
        error: str = "",
        sent_url: str = "",
        mask: Callable[[str], str] = _no_mask,
        when: float | None = None,
    ) -> Entry:
        """Record one send. `sent_url` is the resolved address; `mask` hides secret values in everything kept."""
        kept = _masked(request, mask)
        entry = Entry(
            time=time.time() if when is None else when,
            request=kept,
            method=request.method,
            # Masked where the secret went when the sender knows it; by its usual spellings otherwise.
            url=mask((response.masked_url if response else "") or sent_url or (response.url if response else "") or request.full_url()),
            status=response.status if response else None,
            reason=response.reason if response else "",
            duration_ms=response.elapsed_ms if response else 0.0,
            error=mask(error),
            body_cut=len(request.body.text) > MAX_BODY_CHARS,
        )
        entries = [entry, *self.entries(client)][: self.limit]
        self._cache[client] = entries
        data = {"schema_version": 1, "kind": "history", "client": client, "entries": [e.to_dict() for e in entries]}
        write_atomic(self._path(client), json_bytes(data, indent=None))
        return entry

    def entries(self, client: str) -> list[Entry]:
        """Newest first. A damaged or newer history file is set aside (renamed) and reads as empty."""
        if client not in self._cache:
            self._cache[client] = self._read(client)
        return list(self._cache[client])

    def search(self, client: str, query: str) -> list[Entry]:
        wanted = query.strip().lower()
        if not wanted:
            return self.entries(client)
        return [
            e
            for e in self.entries(client)
            if wanted in e.url.lower()
            or wanted in e.request.full_url().lower()
            or wanted in e.request.name.lower()
            or wanted in e.method.lower()
            or wanted in str(e.status or "")
            or wanted in e.request.body.text.lower()
        ]

    def clear(self, client: str) -> None:
        self._cache.pop(client, None)
        self._path(client).unlink(missing_ok=True)

    def _read(self, client: str) -> list[Entry]:
        path = self._path(client)
        if not path.exists():
            return []
        try:
            # By the schemas (history, and request for each entry), not by guessing types field by field.
            data = read_checked(path, "history")
            for entry in data["entries"]:
                check_shape(entry["request"], "request", path.name)
            return [Entry.from_dict(e) for e in data["entries"]]
        except FormatError:
            # Kept aside, not overwritten: the next send starts a fresh file.
            path.replace(path.with_name(f"{path.stem}.unreadable-{int(time.time())}.json"))
            return []


def _masked(request: Request, mask: Callable[[str], str]) -> Request:
    """The request as history keeps it: secrets masked and the body cut, every other part as it was sent (a query
    piece written without "=", the certificate and redirect options), so opening it again sends the same.

    Not its auth settings: they only make headers at send time, and the headers sent are what history shows.
    """
    kept = request.copy()
    kept.url = mask(request.url)
    kept.params = [replace(p, value=mask(p.value)) for p in request.params]
    kept.headers = [replace(h, value=mask(h.value)) for h in request.headers]
    kept.path_variables = [replace(v, value=mask(v.value)) for v in request.path_variables]
    kept.body = Body(request.body.kind, mask(request.body.text[:MAX_BODY_CHARS]))
    kept.auth = None
    return kept
