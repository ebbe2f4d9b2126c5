"""Sign-ins Postman computes at send time (basic, bearer, API key, OAuth 2 token, digest, OAuth 1.0), computed the way
newman does."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string
import time
from urllib.parse import quote, unquote_plus

from desktop.core.models import Auth, KeyValue, Request
from desktop.core.wireurl import target

# What Wappi Desk computes; every other Postman type is named in the import note with the reason.
SUPPORTED = ("basic", "bearer", "apikey", "oauth2", "digest", "oauth1")
# Fields that hold a secret: imported as keyring-backed {{variables}}, never written to a file.
SECRET_FIELDS = frozenset({"password", "token", "accessToken", "value", "clientSecret", "refreshToken",
                           "consumerSecret", "tokenSecret"})
OAUTH1_HASHES = {"HMAC-SHA1": hashlib.sha1, "HMAC-SHA256": hashlib.sha256, "HMAC-SHA512": hashlib.sha512}
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
    elif auth.kind == "oauth1" and fields.get("consumerKey") and fields.get("consumerSecret"):
        _oauth1(request, fields)


def _oauth1(request: Request, fields: dict[str, str]) -> None:
    """RFC 5849 with HMAC or PLAINTEXT, as newman (node-oauth1) signs: in the Authorization header or the query."""
    method = fields.get("signatureMethod") or "HMAC-SHA1"
    if method not in OAUTH1_HASHES and method != "PLAINTEXT":
        return  # RSA needs the client's private key file: said in the import note
    keep_empty = fields.get("addEmptyParamsToSign") in ("true", "True", "1")
    oauth = [
        ("oauth_consumer_key", fields.get("consumerKey")),
        ("oauth_token", fields.get("token")),
        ("oauth_signature_method", method),
        ("oauth_timestamp", fields.get("timestamp") or str(int(time.time()))),
        ("oauth_nonce", fields.get("nonce") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(11))),
        ("oauth_version", fields.get("version")),
        ("oauth_callback", fields.get("callback")),
        ("oauth_verifier", fields.get("verifier")),
    ]
    # A field the collection does not have is left out even when empty ones are signed (newman).
    oauth = [(k, v) for k, v in oauth if v or (keep_empty and v is not None)]
    request.params = [p for p in request.params if not p.name.startswith("oauth_")]
    request.headers = [h for h in request.headers if h.name.strip().lower() != "authorization"]
    where = target(request.url, request.params)
    path, _question, query = where.partition("?")
    scheme, _sep, rest = request.url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0].lower()
    if (scheme.lower(), host.rsplit(":", 1)[-1]) in (("http", "80"), ("https", "443")):
        host = host.rsplit(":", 1)[0]
    pairs = [tuple(unquote_plus(x) for x in (piece.split("=", 1) + [""])[:2]) for piece in query.split("&") if piece]
    normal = "&".join(sorted(f"{_rfc3986(k)}={_rfc3986(v)}" for k, v in pairs + oauth))
    base = "&".join([request.method.upper(), _rfc3986(f"{scheme.lower()}://{host}{path}"), _rfc3986(normal)])
    key = f"{_rfc3986(fields.get('consumerSecret', ''))}&{_rfc3986(fields.get('tokenSecret', ''))}"
    if method == "PLAINTEXT":
        signature = key
    else:
        signature = base64.b64encode(hmac.new(key.encode(), base.encode(), OAUTH1_HASHES[method]).digest()).decode()
    oauth.append(("oauth_signature", signature))
    # newman re-encodes the query the way OAuth 1.0 reads it (RFC 3986), so that the server checks what was signed.
    request.params = [KeyValue(_rfc3986(unquote_plus(p.name)), "" if p.bare else _rfc3986(unquote_plus(p.value)), p.enabled, p.bare)
                      for p in request.params]
    if fields.get("addParamsToHeader") in ("true", "True", "1"):
        realm = fields.get("realm", "").strip()
        parts = ([f'realm="{_rfc3986(realm)}"'] if realm else []) + [f'{k}="{_rfc3986(v)}"' for k, v in oauth]
        request.headers.append(KeyValue("Authorization", "OAuth " + ",".join(parts)))
    else:
        request.params += [KeyValue(_rfc3986(k), _rfc3986(v)) for k, v in oauth]


def _rfc3986(text: str) -> str:
    return quote(text, safe="~")


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
