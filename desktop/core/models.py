"""Plain request and response models shared by the window, the runner, the sandbox tests and the benchmarks."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

# Body kinds: "none" sends nothing, "json" and "text" send the text as UTF-8, "multipart" sends a form whose
# parts are the text's lines in curl's -F syntax (desktop/core/multipart.py).
BODY_KINDS = ("none", "json", "text", "multipart")


@dataclass
class KeyValue:
    """One row of the query-parameter or header table."""

    name: str
    value: str = ""
    enabled: bool = True
    # A query piece written without "=" (`?debug`, or the empty piece of `a&&b`): sent exactly so, as newman does.
    bare: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "value": self.value}
        if not self.enabled:
            data["enabled"] = False
        if self.bare:
            data["bare"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyValue:
        return cls(str(data.get("name", "")), str(data.get("value", "")), bool(data.get("enabled", True)), data.get("bare") is True)


@dataclass
class Auth:
    """A sign-in computed at send time from its fields (basic, digest, AWS, Hawk...), as Postman keeps it.

    `kind` is Postman's auth type; `fields` are its settings with `{{variables}}` allowed. Secrets (passwords,
    keys) are always `{{variables}}` backed by the keyring, never literal text in a file.
    """

    kind: str
    fields: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "fields": dict(self.fields)}

    @classmethod
    def from_dict(cls, data: Any) -> Auth | None:
        if not isinstance(data, dict) or not isinstance(data.get("kind"), str) or not data["kind"]:
            return None
        fields = data.get("fields") if isinstance(data.get("fields"), dict) else {}
        return cls(data["kind"], {str(k): str(v) for k, v in fields.items() if isinstance(v, (str, int, float, bool))})


@dataclass(frozen=True)
class Attachment:
    """A file carried in the body as base64: the text holds `{{file:<id>}}`, this holds the bytes.

    `data` is the base64 text exactly as it goes on the wire (ASCII bytes, or the bytearray it was encoded
    into, never written again; no line breaks for a picked file; a pasted string is kept as pasted).
    Frozen, so copies of a request share the megabytes.
    """

    id: str
    name: str
    mime: str = "application/octet-stream"
    size: int = 0                 # bytes of the original file
    sha256: str = ""
    path: str = ""                # where it was picked from (information only: the bytes are in `data`)
    data: bytes = b""
    data_uri: bool = False        # send as data:<mime>;base64,<data> (only when the agent asks for it)

    def to_dict(self, embed: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.mime, "size": self.size, "sha256": self.sha256}
        if self.path:
            out["path"] = self.path
        if self.data_uri:
            out["data_uri"] = True
        if embed:
            out["base64"] = str(self.data, "ascii", "replace")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attachment:
        return cls(
            id=str(data.get("id", "")),
            name=str(data.get("name", "")),
            mime=str(data.get("type", "application/octet-stream")),
            size=int(data.get("size", 0) or 0),
            sha256=str(data.get("sha256", "")),
            path=str(data.get("path", "")),
            data=str(data.get("base64", "")).encode("ascii", "replace"),
            data_uri=bool(data.get("data_uri", False)),
        )


@dataclass
class Body:
    kind: str = "none"
    text: str = ""
    # id -> file whose base64 replaces `{{file:<id>}}` in `text` at send time (desktop/core/attachments.py).
    attachments: dict[str, Attachment] = field(default_factory=dict)

    def to_dict(self, embed: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.attachments:  # absent when empty: files written before attachments existed read the same
            data["attachments"] = [a.to_dict(embed) for a in self.attachments.values()]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Body:
        data = data or {}
        kind = data.get("kind", "none")
        files = [Attachment.from_dict(a) for a in data.get("attachments", []) if isinstance(a, dict)]
        return cls(kind if kind in BODY_KINDS else "text", str(data.get("text", "")), {a.id: a for a in files if a.id})


@dataclass
class Request:
    """What the agent builds in the four panels.

    `url` never carries a query string: the query lives in `params`, so the
    table and the URL field cannot disagree. `full_url()` puts them together.
    Names and values are kept exactly as typed (no percent-decoding), so what
    the agent sees is what goes on the wire.
    """

    method: str = "GET"
    url: str = ""
    params: list[KeyValue] = field(default_factory=list)
    headers: list[KeyValue] = field(default_factory=list)
    body: Body = field(default_factory=Body)
    name: str = ""
    # Per-request transport options. Defaults keep older files and requests made in the app as they were;
    # an imported cURL command follows redirects only with -L and skips the certificate check only with -k.
    verify: bool = True
    follow_redirects: bool = True
    # Postman path variables: `:id` in `url` is filled from here at send time; an empty one is sent as `:id`.
    path_variables: list[KeyValue] = field(default_factory=list)
    auth: Auth | None = None
    # Headers the HTTP client would add by itself that this request must not send (curl's `-H 'Accept:'`).
    omit_headers: list[str] = field(default_factory=list)

    def full_url(self) -> str:
        return join_url(self.url, self.params)

    def set_full_url(self, text: str) -> None:
        """Split a typed URL into `url` and `params`, keeping disabled rows."""
        base, params = split_url(text)
        disabled = [p for p in self.params if not p.enabled]
        self.url = base
        self.params = params + disabled

    def enabled_headers(self) -> list[tuple[str, str]]:
        return [(h.name, h.value) for h in self.headers if h.enabled and h.name.strip()]

    def header(self, name: str) -> str | None:
        """The value of the first enabled header called `name` (case-insensitive)."""
        wanted = name.lower()
        for h in self.headers:
            if h.enabled and h.name.strip().lower() == wanted:
                return h.value
        return None

    def copy(self) -> Request:
        clone = Request.from_dict(self.to_dict(embed=False))
        clone.body.attachments = dict(self.body.attachments)  # frozen: sharing the bytes is safe
        return clone

    def to_dict(self, embed: bool = True) -> dict[str, Any]:
        data = {
            "name": self.name,
            "method": self.method,
            "url": self.url,
            "params": [p.to_dict() for p in self.params],
            "headers": [h.to_dict() for h in self.headers],
            "body": self.body.to_dict(embed),
        }
        # Written only when not the default, so files saved before these options existed stay byte-identical.
        if not self.verify:
            data["verify"] = False
        if not self.follow_redirects:
            data["follow_redirects"] = False
        if self.path_variables:
            data["path_variables"] = [v.to_dict() for v in self.path_variables]
        if self.auth:
            data["auth"] = self.auth.to_dict()
        if self.omit_headers:
            data["omit_headers"] = list(self.omit_headers)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Request:
        method = str(data.get("method", "GET")).upper() or "GET"
        return cls(
            method=method,
            url=str(data.get("url", "")),
            params=[KeyValue.from_dict(p) for p in data.get("params", []) if isinstance(p, dict)],
            headers=[KeyValue.from_dict(h) for h in data.get("headers", []) if isinstance(h, dict)],
            body=Body.from_dict(data.get("body") if isinstance(data.get("body"), dict) else None),
            name=str(data.get("name", "")),
            verify=data.get("verify", True) is not False,
            follow_redirects=data.get("follow_redirects", True) is not False,
            path_variables=[KeyValue.from_dict(v) for v in data.get("path_variables", []) if isinstance(v, dict)],
            auth=Auth.from_dict(data.get("auth")),
            omit_headers=[str(h) for h in data.get("omit_headers", []) if isinstance(h, str)]
            if isinstance(data.get("omit_headers"), list) else [],
        )


def split_url(text: str) -> tuple[str, list[KeyValue]]:
    """`https://h/p?a=1&b` -> (`https://h/p`, [a=1, b (bare)]); a fragment stays on the base.

    Every piece is kept as written, empty ones of `a&&b` too, so join_url gives the same query back.
    """
    text = text.strip()
    base, sep, query = text.partition("?")
    if not sep:
        return text, []
    query, hash_sep, fragment = query.partition("#")
    if hash_sep:
        base += "#" + fragment
    params = []
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        params.append(KeyValue(name, value, bare=not equals))
    return base, params


def join_url(base: str, params: list[KeyValue]) -> str:
    pieces = [p.name if p.bare else f"{p.name}={p.value}" for p in params if p.enabled]
    if not pieces:
        return base
    query = "&".join(pieces)
    base, hash_sep, fragment = base.partition("#")
    joined = f"{base}?{query}"
    return f"{joined}#{fragment}" if hash_sep else joined


@dataclass
class Response:
    """What came back, with the facts the viewer and the diagnosis need."""

    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    elapsed_ms: float
    url: str = ""
    http_version: str = "HTTP/1.1"
    method: str = "GET"
    # Exactly what was sent, after variables were filled in (secrets included:
    # views mask them through core.secrets before showing).
    sent_headers: list[tuple[str, str]] = field(default_factory=list)
    sent_body: bytes = b""
    redirects: list[tuple[int, str]] = field(default_factory=list)
    truncated: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    # The bytes exactly as they came off the wire (still gzip/br packed); the same object as `body` when not packed.
    wire_body: bytes = b""
    # Why the body is not all there or not unpacked: "" (it is), "size", "time", "unpacked-size" or "undecodable".
    cut_reason: str = ""
    # What a redirect to another host did not carry along because it holds a secret: ("header" | "query", name).
    dropped_on_redirect: list[tuple[str, str]] = field(default_factory=list)
    # The address and headers as sent with every secret masked where it went ("" / [] when not known, e.g. after
    # a redirect the server chose the address): what history, the "Request sent" view and logs show.
    masked_url: str = ""
    masked_headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.body)

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    def text(self) -> str:
        """The body as text, in the declared charset, never raising."""
        charset = "utf-8"
        for part in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")
