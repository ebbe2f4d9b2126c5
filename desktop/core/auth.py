"""Sign-ins Postman computes at send time (basic, bearer, API key, OAuth 2 token, digest, OAuth 1.0, AWS Signature v4,
Hawk, Akamai EdgeGrid), computed the way newman does."""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import string
import time
import uuid
from datetime import datetime, timezone
from urllib.parse import quote, unquote_plus, urlsplit

from desktop.core.models import Auth, KeyValue, Request
from desktop.core.wireurl import target

# What Wappi Desk computes; every other Postman type is named in the import note with the reason.
SUPPORTED = ("basic", "bearer", "apikey", "oauth2", "digest", "oauth1", "awsv4", "hawk", "edgegrid")
# Fields that hold a secret: imported as keyring-backed {{variables}}, never written to a file.
SECRET_FIELDS = frozenset({"password", "token", "accessToken", "value", "clientSecret", "refreshToken",
                           "consumerSecret", "tokenSecret", "secretKey", "sessionToken", "authKey", "clientToken"})
OAUTH1_HASHES = {"HMAC-SHA1": hashlib.sha1, "HMAC-SHA256": hashlib.sha256, "HMAC-SHA512": hashlib.sha512}
DIGEST_HASHES = {"": "md5", "MD5": "md5", "MD5-sess": "md5", "SHA-256": "sha256", "SHA-256-sess": "sha256",
                 "SHA-512-256": "sha512_256", "SHA-512-256-sess": "sha512_256"}
# Headers the aws4 library (newman's signer) leaves out of the signature: proxies and clients change them.
AWS_UNSIGNED = frozenset({"authorization", "connection", "x-amzn-trace-id", "user-agent", "expect", "presigned-expires",
                          "range"})
AWS_QUERY_NAMES = ("X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders",
                   "X-Amz-Signature")




def is_secret_field(kind: str, key: str) -> bool:
    """A field of a sign-in that holds a secret (an API key's "key" is the header's name, its "value" the secret)."""
    return key in SECRET_FIELDS and not (kind == "apikey" and key != "value")


# Sign-ins whose headers and query are a plain function of their fields (no signature over the request, no clock):
# what they will send can be looked at before sending, {{variables}} and all.
PLAIN = frozenset({"basic", "bearer", "apikey", "oauth2"})


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
    elif auth.kind == "awsv4":
        aws_v4(request, fields, datetime.now(timezone.utc))
    elif auth.kind == "hawk" and fields.get("authId") and fields.get("authKey"):
        _set_header(request, "Authorization", hawk_header(request, fields))
    elif auth.kind == "edgegrid" and all(fields.get(k) for k in ("accessToken", "clientToken", "clientSecret")):
        _set_header(request, "Authorization", edgegrid_header(request, fields))


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
    ]
    # A field the collection does not have is left out even when empty ones are signed (newman).
    oauth = [(k, v) for k, v in oauth if v or (keep_empty and v is not None)]
    # Extensions of the spec go only when filled, whatever "add empty params" says (postman-runtime: servers without
    # them reject the request otherwise).
    oauth += [(k, v) for k, v in (("oauth_callback", fields.get("callback")), ("oauth_verifier", fields.get("verifier"))) if v]
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
        plain = fields.get("disableHeaderEncoding") in ("true", "True", "1")
        encode = (lambda text: text) if plain else _rfc3986
        # As node-oauth1 writes the header: an empty value is signed (when asked) but not written, values are trimmed.
        parts = ([f'realm="{encode(realm)}"'] if realm else []) + [f'{k}="{encode(v.strip())}"' for k, v in oauth if v]
        request.headers.append(KeyValue("Authorization", "OAuth " + ",".join(parts)))
    else:
        request.params += [KeyValue(_rfc3986(k), _rfc3986(v)) for k, v in oauth]


def aws_v4(request: Request, fields: dict[str, str], now: datetime) -> None:
    """AWS Signature Version 4 as newman signs (postman-runtime with the aws4 library): headers, or the query when
    addAuthDataToQuery is on; the body's hash goes in X-Amz-Content-Sha256 when there is a body (always for S3)."""
    service, region = fields.get("service") or "execute-api", fields.get("region") or "us-east-1"
    token, in_query = fields.get("sessionToken", ""), fields.get("addAuthDataToQuery") in ("true", "True", "1")
    for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"):
        _set_header(request, name, None)
    request.params = [p for p in request.params if p.name not in AWS_QUERY_NAMES]
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    scope = f"{stamp[:8]}/{region}/{service}/aws4_request"
    host = urlsplit(request.url).netloc.rpartition("@")[2]
    _set_header(request, "Host", host)
    # newman hashes a raw, urlencoded or GraphQL body, never a form-data one (it goes unhashed, as if empty).
    body = hashlib.sha256()
    if request.body.kind in ("json", "text") and request.body.text:
        body.update(_wire_bytes(request))
    if in_query:
        body_hash = "UNSIGNED-PAYLOAD" if service == "s3" else hashlib.sha256(b"").hexdigest()
    else:
        body_hash = body.hexdigest()
        if request.body.kind in ("json", "text") and request.body.text or service == "s3":
            _set_header(request, "X-Amz-Content-Sha256", body_hash)
        if token:
            _set_header(request, "X-Amz-Security-Token", token)
        _set_header(request, "X-Amz-Date", stamp)
    signed: dict[str, list[str]] = {}
    for header in request.headers:
        if header.name.lower() not in AWS_UNSIGNED:
            signed.setdefault(header.name.lower(), []).append(" ".join(header.value.split()))
    names = ";".join(sorted(signed))
    if in_query:
        added = [("X-Amz-Security-Token", token)] if token else []
        if service == "s3" and not any(p.name == "X-Amz-Expires" for p in request.params):
            added.append(("X-Amz-Expires", "86400"))
        added += [("X-Amz-Date", stamp), ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                  ("X-Amz-Credential", f"{fields.get('accessKey', '')}/{scope}"), ("X-Amz-SignedHeaders", names)]
        request.params += [KeyValue(k, _rfc3986(v)) for k, v in added]
    path, _question, query = target(request.url, request.params).partition("?")
    values: dict[str, list[str]] = {}
    for piece in query.split("&"):
        name, _eq, value = piece.partition("=")
        if unquote_plus(name):
            values.setdefault(_rfc3986(unquote_plus(name)), []).append(unquote_plus(value))
    canonical_query = "&".join(f"{k}={v}" for k in sorted(values)
                               for v in sorted(_rfc3986(x) for x in values[k][:1 if service == "s3" else None]))
    canonical = "\n".join([request.method.upper(), _aws_path(path, service), canonical_query,
                           "".join(f"{k}:{','.join(signed[k])}\n" for k in sorted(signed)), names, body_hash])
    key = ("AWS4" + fields.get("secretKey", "")).encode()
    for part in (stamp[:8], region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    if in_query:
        request.params.append(KeyValue("X-Amz-Signature", signature))
    else:
        _set_header(request, "Authorization", f"AWS4-HMAC-SHA256 Credential={fields.get('accessKey', '')}/{scope}, "
                                              f"SignedHeaders={names}, Signature={signature}")


def hawk_header(request: Request, fields: dict[str, str]) -> str | None:
    """The Hawk 1 header as newman (postman-request's hawk) makes it; the payload hash only when asked for. Without
    a nonce or timestamp in the fields a fresh one is used for each send, as newman does."""
    algorithm = fields.get("algorithm") or "sha256"
    if algorithm not in ("sha1", "sha256"):
        return None
    timestamp = fields.get("timestamp", "")
    if not timestamp.strip().lstrip("-").isdigit() or not int(timestamp):
        timestamp = str(int(time.time()))
    nonce = fields.get("nonce") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(6))
    payload_hash = ""
    if fields.get("includePayloadHash") in ("true", "True", "1") and request.body.kind in ("json", "text") and request.body.text:
        content_type = (request.header("Content-Type") or "").split(";")[0].strip().lower()
        payload = hashlib.new(algorithm, f"hawk.1.payload\n{content_type}\n".encode())
        payload.update(_wire_bytes(request) + b"\n")
        payload_hash = base64.b64encode(payload.digest()).decode()
    parts = urlsplit(request.url)
    port = parts.port or (80 if parts.scheme.lower() == "http" else 443)
    ext, app, delegation = fields.get("extraData", ""), fields.get("app", ""), fields.get("delegation", "")
    # Only the first backslash and newline of ext are escaped: newman's hawk uses a one-time JavaScript replace.
    normalized = "\n".join(["hawk.1.header", timestamp, nonce, request.method.upper(), target(request.url, request.params),
                            (parts.hostname or "").lower(), str(port), payload_hash,
                            ext.replace("\\", "\\\\", 1).replace("\n", "\\n", 1)]) + "\n"
    if app:
        normalized += f"{app}\n{delegation}\n"
    mac = base64.b64encode(hmac.new(fields["authKey"].encode(), normalized.encode(), algorithm).digest()).decode()
    header = f'Hawk id="{fields["authId"]}", ts="{timestamp}", nonce="{nonce}"'
    if payload_hash:
        header += f', hash="{payload_hash}"'
    if ext:
        header += ', ext="' + ext.replace("\\", "\\\\").replace('"', '\\"') + '"'
    header += f', mac="{mac}"'
    if app:
        header += f', app="{app}"' + (f', dlg="{delegation}"' if delegation else "")
    return header


def edgegrid_header(request: Request, fields: dict[str, str]) -> str:
    """Akamai EG1-HMAC-SHA256 as newman signs it: a POST body's hash (its first maxBodySize bytes, 128 KB unless
    set), the headers named in headersToSign, and the host of baseURL when given. Empty nonce and time: fresh ones."""
    timestamp = fields.get("timestamp") or datetime.now(timezone.utc).strftime("%Y%m%dT%H:%M:%S+0000")
    signed = (f"EG1-HMAC-SHA256 client_token={fields['clientToken']};access_token={fields['accessToken']};"
              f"timestamp={timestamp};nonce={fields.get('nonce') or uuid.uuid4()};")
    body_hash = ""
    if request.method == "POST" and request.body.kind in ("json", "text") and request.body.text:
        limit = int(fields["maxBodySize"]) if fields.get("maxBodySize", "").strip().isdigit() else 0
        body_hash = base64.b64encode(hashlib.sha256(_wire_bytes(request)[:limit or 131072]).digest()).decode()
    headers: dict[str, list[str]] = {}
    for header in request.headers:
        headers.setdefault(header.name.strip().lower(), []).append(header.value)
    canonical = []
    for name in (n.strip().lower() for n in fields.get("headersToSign", "").split(",")):
        # A header sent twice, or empty, is left out (newman reads only single text values).
        if len(headers.get(name, [])) == 1 and headers[name][0]:
            canonical.append(f"{name}:{' '.join(headers[name][0].split())}")
    parts = urlsplit(request.url)
    host = urlsplit(fields["baseURL"] if "://" in fields.get("baseURL", "") else "//" + fields.get("baseURL", "")).netloc
    data = "\t".join([request.method, parts.scheme.lower(), host or parts.netloc.rpartition("@")[2].lower(),
                      target(request.url, request.params) or "/", "\t".join(canonical), body_hash, signed])
    key = base64.b64encode(hmac.new(fields["clientSecret"].encode(), timestamp.encode(), hashlib.sha256).digest())
    return signed + "signature=" + base64.b64encode(hmac.new(key, data.encode(), hashlib.sha256).digest()).decode()


def _wire_bytes(request: Request) -> bytes:
    """The body's bytes as they go out, files filled in."""
    # Imported here: attachments needs variables, which needs this module.
    from desktop.core.attachments import wire_body

    content = wire_body(request.body).content
    return content if isinstance(content, bytes) else b"".join(content)


def _aws_path(path: str, service: str) -> str:
    """The canonical path: S3 signs the path decoded once; every other service signs it normalised and encoded again."""
    if path == "/":
        return path
    pieces: list[str] = []
    for piece in (path if service == "s3" else re.sub("/{2,}", "/", path)).split("/"):
        if service != "s3" and piece == "..":
            pieces = pieces[:-1]
        elif service == "s3" or piece != ".":
            pieces.append(_rfc3986(unquote_plus(piece) if service == "s3" else piece))
    canonical = "/".join(pieces)
    canonical = canonical if canonical.startswith("/") else "/" + canonical
    return canonical.replace("%2F", "/") if service == "s3" else canonical


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


def _set_header(request: Request, name: str, value: str | None) -> None:
    """Replace the header named `name` (any case) with `value`, or only remove it when `value` is None."""
    wanted = name.lower()
    request.headers = [h for h in request.headers if h.name.strip().lower() != wanted] + ([] if value is None else [KeyValue(name, value)])
