"""Sign-ins Postman computes at send time (basic, bearer, API key, OAuth 2 token, digest), computed the way newman does."""
from __future__ import annotations

import base64
import hashlib
import secrets

from desktop.core.models import Auth, KeyValue, Request
from desktop.core.wireurl import target

# What Wappi Desk computes; every other Postman type is named in the import note with the reason.
SUPPORTED = ("basic", "bearer", "apikey", "oauth2", "digest")
# Fields that hold a secret: imported as keyring-backed {{variables}}, never written to a file.
SECRET_FIELDS = frozenset({"password", "token", "accessToken", "value", "clientSecret", "refreshToken"})
DIGEST_HASHES = {"": "md5", "MD5": "md5", "MD5-sess": "md5", "SHA-256": "sha256", "SHA-256-sess": "sha256",
                 "SHA-512-256": "sha512_256", "SHA-512-256-sess": "sha512_256"}


def apply(request: Request, auth: Auth) -> None:
    """Add the sign-in to `request` (already resolved: no {{variables}} left), replacing what it replaces."""
    fields = auth.fields
    if auth.kind == "basic":
        pair = f"{fields.get('username', '')}:{fields.get('password', '')}".encode()
        _set_header(request, "Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))
    elif auth.kind == "bearer" and fields.get("token"):
        _set_header(request, "Authorization", "Bearer " + fields["token"])
    elif auth.kind == "apikey":
        key, value = fields.get("key", ""), fields.get("value", "")
        if not (key or value):
            return
        if fields.get("in") == "query":
            request.params = [p for p in request.params if p.name != key] + [KeyValue(key, value)]
        else:
            _set_header(request, key, value)
    elif auth.kind == "oauth2" and fields.get("accessToken"):
        # A token the client already has; getting one (the OAuth dance) is Postman's app, not newman.
        request.params = [p for p in request.params if p.name != "access_token"]
        if fields.get("addTokenTo") == "queryParams":
            request.params.append(KeyValue("access_token", fields["accessToken"]))
        else:
            prefix = fields.get("headerPrefix", "Bearer").strip()
            _set_header(request, "Authorization", (prefix + " " if prefix else "") + fields["accessToken"])
    elif auth.kind == "digest" and fields.get("username") and fields.get("realm"):
        _set_header(request, "Authorization", digest_header(request, fields))


def digest_header(request: Request, fields: dict[str, str]) -> str:
    """RFC 7616 computed from the fields (realm and nonce as the client copied them), like newman's digest."""
    algorithm = fields.get("algorithm", "") or "MD5"
    name = DIGEST_HASHES.get(algorithm, "md5")

    def digest(text: str) -> str:
        return hashlib.new(name.replace("_", "-") if name == "sha512_256" else name, text.encode()).hexdigest()

    user, realm, password = fields.get("username", ""), fields.get("realm", ""), fields.get("password", "")
    nonce, qop, opaque = fields.get("nonce", ""), fields.get("qop", ""), fields.get("opaque", "")
    count = fields.get("nonceCount", "")
    client_nonce = fields.get("clientNonce", "") or secrets.token_hex(4)
    uri = target(request.url, request.params)
    a1 = f"{user}:{realm}:{password}"
    if algorithm.endswith("-sess"):
        a1 = f"{digest(a1)}:{nonce}:{client_nonce}"
    a2 = f"{request.method}:{uri}"
    if qop == "auth-int":
        a2 += ":" + digest(request.body.text if request.body.kind != "none" else "")
    if qop in ("auth", "auth-int"):
        response = digest(":".join([digest(a1), nonce, count, client_nonce, qop, digest(a2)]))
    else:
        response = digest(":".join([digest(a1), nonce, digest(a2)]))
    parts = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"', f'algorithm="{algorithm}"']
    if qop in ("auth", "auth-int"):
        parts.append(f"qop={qop}")
    if qop in ("auth", "auth-int") or algorithm == "MD5-sess":
        if count:
            parts.append(f"nc={count}")
        parts.append(f'cnonce="{client_nonce}"')
    parts.append(f'response="{response}"')
    if opaque:
        parts.append(f'opaque="{opaque}"')
    return "Digest " + ", ".join(parts)


def _set_header(request: Request, name: str, value: str) -> None:
    wanted = name.lower()
    request.headers = [h for h in request.headers if h.name.strip().lower() != wanted] + [KeyValue(name, value)]
