"""The course's troubleshooting procedure applied to a request and its answer: findings in words a client understands."""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import auth as signin
from desktop.core.jsonlint import ERROR, Problem, lint
from desktop.core.jsonlint import apply_fix as jsonlint_apply
from desktop.core.jsonlint import fix as jsonlint_fix
from desktop.core.models import Body, KeyValue, Request, Response
from desktop.core.requestlint import EXAMPLE_URL, url_host, url_mistake, url_parts
from desktop.core.secrets import bare_token, clean_token
from desktop.core.variables import SECRET_BY_DEFAULT, VARIABLE, Environment, resolve
from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.core.collection import Folder

SEVERITIES = ("error", "warning", "info")
_NETWORK_CODES = {"dns", "connection-refused", "connection-failed", "reset", "tls", "proxy"}
# Documented methods that take no profile_id (ENDPOINTS.md, "Profile selection").
_NO_PROFILE_ID = ("/api/profile/add", "/tapi/profile/all/get", "/payments/", "/csender/")


# Problems of the agent's own computer or network: told to the agent, never to the client.
AGENT_ONLY = frozenset({"timeout", "connection-failed"})
# jsonlint codes about one field's value: each becomes its own finding (the body is valid JSON otherwise).
_FIELD_CODES = ("phone-as-number", "bad-recipient", "bad-format", "wrong-type")


@dataclass
class Finding:
    """One problem: a stable `code`, how bad it is, words for the agent (in the UI language) and a one-click `fix` id.

    `facts` are the language-free details (field names, methods, paths, the server's own words) that
    `core.reply` puts into the sentence for the client, in the client's language."""

    code: str
    severity: str
    title: str
    message: str
    next_step: str
    fix: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Endpoint:
    method: str
    rules: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- the documented endpoint table

def _path_of(url: str) -> str:
    """`{{base_url}}/api/x?y` or `https://wappi.pro/api/x/` -> `/api/x`."""
    url = re.sub(r"^\{\{[^}]*\}\}", "", url.strip()).split("?", 1)[0].split("#", 1)[0]
    if "://" in url:
        parts = url_parts(url)
        url = parts.path if parts else url.split("://", 1)[1].partition("/")[2]
    return "/" + url.strip("/") if url.strip("/") else "/"


def endpoints_from_collection(root: Path) -> dict[str, Endpoint]:
    """Path -> documented method and field rules, read from a collection folder (one request file per endpoint)."""
    from desktop.core.collection import load_tree

    return endpoints_in(load_tree(Path(root))[0])


def endpoints_in(folder: Folder) -> dict[str, Endpoint]:
    """Path -> documented method and field rules of the requests in `folder`; the first request of a path wins."""
    from desktop.core.collection import walk_items

    table: dict[str, Endpoint] = {}
    for item in walk_items(folder):
        path = _path_of(item.request.url)
        rules = item.meta.get("rules") if isinstance(item.meta.get("rules"), dict) else {}
        table.setdefault(path, Endpoint(item.request.method.upper(), rules))
    return table


_cache: dict[int, dict[str, Endpoint]] = {}


def documented_endpoints() -> dict[str, Endpoint]:
    """The preloaded Wappi collection is the one source of which paths exist and which method each takes."""
    from desktop.core.collection import shipped_collection
    from desktop.core.paths import preloaded_collection

    root = preloaded_collection()
    if not root.is_dir():
        return {}
    # The same load the window's tree shows (one read of the files per start); its table is made once per load
    # (shipped_collection keeps its folders, so an id names one load).
    folder = shipped_collection(root)[0]
    if id(folder) not in _cache:
        _cache.clear()
        _cache[id(folder)] = endpoints_in(folder)
    return _cache[id(folder)]


# ---------------------------------------------------------------- JSON check (one place: swap in the linter here)

def json_problem(text: str, problems: list[Problem] | None = None) -> str | None:
    """None when `text` has no JSON mistake, else the linter's plain words for the first ones (with line and column).
    `problems` are the linter's problems of `text` when the caller already has them."""
    errors = [p for p in (lint(text) if problems is None else problems) if p.severity == ERROR]
    if not errors:
        return None
    return " ".join(
        _("line {line}, column {column}: {problem}").format(line=p.line, column=p.column, problem=p.message.rstrip("."))
        + "." for p in errors[:3]
    )


# ---------------------------------------------------------------- before sending

def _authorization(request: Request) -> KeyValue | None:
    return next((h for h in request.headers if h.enabled and h.name.strip().lower() == "authorization"), None)


def _json_body(request: Request) -> Any:
    try:
        return json.loads(request.body.text)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return None


def _has_body(request: Request) -> bool:
    return request.body.kind != "none" and bool(request.body.text.strip())


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _check_url(request: Request, found: list[Finding]) -> None:
    mistake = url_mistake(request.url)
    if mistake:
        found.append(Finding(
            "bad-url", "error", _("The address cannot be read"),
            _("The address is written with a mistake: {mistake}.").format(mistake=mistake),
            _("Write the address like this: {example}").format(example=EXAMPLE_URL), None))


def _check_scheme(request: Request, found: list[Finding]) -> None:
    url = request.url.strip()
    if url.lower().startswith("http://") and not _is_loopback(url_host(url)):
        found.append(Finding(
            "http-not-https", "error", _("The address starts with http://"),
            _("The API only works over a secure connection: the address must start with https://, not http://."),
            _("Change http:// to https:// at the start of the address."), "use-https"))


def _check_content_type(request: Request, found: list[Finding]) -> None:
    if not _has_body(request) or request.method.upper() in ("GET", "HEAD"):
        return
    looks_json = request.body.kind == "json" or request.body.text.lstrip()[:1] in ("{", "[")
    content_type = (request.header("Content-Type") or "").strip()
    if looks_json and "json" not in content_type.lower():
        message = (_("The request sends JSON but has no Content-Type header, so the server does not understand the body.")
                   if not content_type else
                   _("The request sends JSON but the Content-Type header says “{type}”, so the server does not understand the body.").format(type=content_type))
        found.append(Finding(
            "missing-content-type", "error", _("Content-Type: application/json is missing"), message,
            _("Add the header Content-Type: application/json."), "add-content-type"))


def _check_token(request: Request, found: list[Finding]) -> None:
    if request.auth is not None:
        # A sign-in from the client's Postman collection makes the Authorization header when sent: check that one.
        if request.auth.kind not in signin.PLAIN:
            return  # a signature computed over the request: nothing a Wappi token check can judge
        signed = request.copy()
        signin.apply(signed, request.auth)
        request = signed
    header = _authorization(request)
    # A {{token}} not filled in yet is the app's own placeholder, not a mistake: only what surrounds it is checked.
    value = VARIABLE.sub("x", header.value) if header else ""
    if not value.strip():
        found.append(Finding(
            "token-missing", "error", _("No API token"),
            _("The request has no token: the Authorization header is missing or empty."),
            _("Add the header Authorization with the API token. The token is in the dashboard, on the profile page."),
            "add-token"))
        return
    # core.secrets decides what counts as a token mistake (the same rules as the token field of an environment).
    _cleaned, warnings = clean_token(value)
    seen = {w.code for w in warnings}
    if "quoted" in seen:
        found.append(Finding(
            "token-quoted", "error", _("The token is in quotes"),
            _("The token in the Authorization header is wrapped in quotes; the server reads the quotes as part of the token."),
            _("Remove the quotes around the token: the header value must be the token alone."), "strip-token-quotes"))
    if "bearer" in seen:
        found.append(Finding(
            "token-bearer-prefix", "error", _("“Bearer” before the token"),
            _("The Authorization header starts with the word Bearer. The Wappi API expects the token alone, without Bearer."),
            _("Remove the word Bearer and the space after it, leave only the token."), "strip-bearer"))
    if value != value.strip() or seen & {"line_break", "space_inside"}:
        found.append(Finding(
            "token-whitespace", "warning", _("Spaces or line breaks in the token"),
            _("The token has spaces or line breaks in it or around it, usually picked up when copying."),
            _("Copy the token again from the dashboard and paste it without spaces."), "strip-token-whitespace"))


def _needs_profile_id(path: str, endpoint: Endpoint | None, rules: dict[str, Any]) -> bool:
    query_rules = rules.get("query") if isinstance(rules.get("query"), dict) else {}
    if "profile_id" in query_rules:
        return bool(query_rules["profile_id"].get("required", True)) if isinstance(query_rules["profile_id"], dict) else True
    if endpoint is not None and rules:
        return False
    return path.startswith(("/api/", "/tapi/")) and not path.startswith(_NO_PROFILE_ID)


def _check_profile_id(request: Request, path: str, endpoint: Endpoint | None, rules: dict[str, Any], found: list[Finding]) -> None:
    if not _needs_profile_id(path, endpoint, rules):
        return
    if any(p.enabled and p.name.strip() == "profile_id" and p.value.strip() for p in request.params):
        return
    body = _json_body(request) if _has_body(request) else None
    in_body = isinstance(body, dict) and "profile_id" in body
    found.append(Finding(
        "profile-id-missing", "error", _("No profile_id in the address"),
        (_("profile_id is in the request body, but the API reads it only from the address (?profile_id=…).") if in_body else
         _("The address has no profile_id: the API does not know which profile to use.")),
        _("Add ?profile_id=… to the address. The profile id is on the profile page in the dashboard."), "add-profile-id",
        {"in_body": in_body}))


def _is_json_body(request: Request) -> bool:
    content_type = (request.header("Content-Type") or "").lower()
    # A body that opens like JSON is meant as JSON, whatever the kind or header says.
    return request.body.kind == "json" or "json" in content_type or request.body.text.lstrip()[:1] in ("{", "[")


def _check_json(request: Request, rules: dict[str, Any], found: list[Finding]) -> None:
    """Syntax mistakes as one finding (with every kind of mistake in its facts); each field's wrong value on its own."""
    if not _has_body(request) or not _is_json_body(request):
        return
    problems = lint(request.body.text, rules or None)
    syntax = [p for p in problems if p.code not in _FIELD_CODES and p.code != "missing-field"]
    problem = json_problem(request.body.text, syntax)
    if problem:
        errors = [p for p in syntax if p.severity == ERROR]
        kinds = list(dict.fromkeys(p.code for p in syntax))
        found.append(Finding(
            "invalid-json", "error", _("The body is not valid JSON"),
            _("The request body has a mistake: {problem}").format(problem=problem),
            _("Fix the JSON: names and text in double quotes, commas between fields, true/false/null in small letters."),
            "fix-json" if all(p.fix is not None and p.fix.safe for p in errors) else None,
            {"mistakes": kinds}))
    seen: set[tuple[str, str]] = set()
    for p in problems:
        if p.code in _FIELD_CODES and p.field and (p.code, p.field) not in seen:
            seen.add((p.code, p.field))
            found.append(_field_finding(p))


def _field_finding(problem: Problem) -> Finding:
    """One field's wrong value (a phone written as a number, a formatted recipient, base64 with data:…)."""
    facts: dict[str, Any] = {"field": problem.field, "kind": problem.kind}
    if problem.fix is not None:
        try:
            facts["corrected"] = json.loads(problem.fix.replacement)
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            pass
    title = {
        "phone-as-number": _("The phone number in “{field}” is written as a number"),
        "bad-recipient": _("The number in “{field}” is written wrongly"),
        "wrong-type": _("The field “{field}” has a value of the wrong type"),
    }.get(problem.code, _("The value of “{field}” is written wrongly")).format(field=problem.field)
    # The linter's words already say what to write instead ("Correct: …").
    return Finding(problem.code, "error" if problem.severity == ERROR else "warning", title, problem.message,
                   _("Correct the value in the body as shown."),
                   "fix-field" if problem.fix is not None else None, {**facts, "lint_code": problem.code})


def _check_required_fields(request: Request, rules: dict[str, Any], found: list[Finding]) -> None:
    body_rules = rules.get("body") if isinstance(rules.get("body"), dict) else {}
    body = _json_body(request) if _has_body(request) else None
    if not body_rules or not isinstance(body, dict):
        return
    for name, rule in body_rules.items():
        if isinstance(rule, dict) and rule.get("required") and name not in body:
            found.append(Finding(
                "missing-field", "error", _("The field {field} is missing").format(field=name),
                _("The body has no “{field}” field, and this method needs it.").format(field=name),
                _("Add “{field}” to the JSON body.").format(field=name), None, {"field": name}))


def _closest(path: str, table: dict[str, Endpoint]) -> str | None:
    for prefix in ("/api", "/tapi"):
        # The course writes paths without /api: /sync/message/send.
        if prefix + path in table:
            return prefix + path
    # Stay on the path's own platform: a WhatsApp (or prefix-less course) path is never answered with a Telegram one.
    platform = "/tapi/" if path.startswith("/tapi/") else "/api/"
    candidates = [p for p in table if p.startswith(platform) or not p.startswith(("/api/", "/tapi/"))]
    # The same words in another order (/sync/get/qr for /api/sync/qr/get) beat a merely similar spelling.
    words = sorted(w for w in path.split("/") if w and w not in ("api", "tapi"))
    for candidate in candidates:
        if sorted(w for w in candidate.split("/") if w and w not in ("api", "tapi")) == words:
            return candidate
    match = difflib.get_close_matches(path, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


def _is_wappi(request: Request, path: str, table: dict[str, Endpoint]) -> bool:
    """Whether the request is meant for the Wappi API (or its sandbox), so the API's own rules apply."""
    host = url_host(request.url)
    first = path.split("/")[1]
    prefixes = {p.split("/")[1] for p in table} | {"api", "tapi", "sync", "async"}
    return host == "wappi.pro" or host.endswith(".wappi.pro") or request.url.startswith("{{") or first in prefixes


def _check_endpoint(request: Request, path: str, endpoint: Endpoint | None, table: dict[str, Endpoint], found: list[Finding]) -> None:
    if not table:
        return
    if endpoint is None:
        if not _is_wappi(request, path, table):
            return
        closest = _closest(path, table)
        found.append(Finding(
            "unknown-endpoint", "error", _("Unknown method address"),
            (_("The address {path} is not a documented API method. The closest one is {closest}.").format(path=path, closest=closest)
             if closest else _("The address {path} is not a documented API method.").format(path=path)),
            (_("Use the address {closest}.").format(closest=closest) if closest else
             _("Check the method's address in the documentation.")),
            "use-closest-path" if closest else None, {"path": path, "closest": closest or ""}))
        return
    if request.method.upper() != endpoint.method:
        found.append(Finding(
            "wrong-method", "error", _("Wrong HTTP method"),
            _("{path} works with {expected}, but the request uses {actual}.").format(path=path, expected=endpoint.method, actual=request.method.upper()),
            _("Change the method to {expected}.").format(expected=endpoint.method), "use-documented-method",
            {"path": path, "expected": endpoint.method, "actual": request.method.upper()}))


def _check_body_on_get(request: Request, found: list[Finding]) -> None:
    if request.method.upper() in ("GET", "HEAD") and _has_body(request):
        found.append(Finding(
            "body-on-get", "warning", _("A body on a GET request"),
            _("GET requests do not send a body; the server ignores it. Parameters of GET methods go in the address."),
            _("Move the values into the address as ?name=value, or use the method the documentation gives."), "remove-body"))


# ---------------------------------------------------------------- after the answer

def _detail(response: Response) -> Any:
    try:
        data = json.loads(response.text())
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return response.text().strip()[:300]
    if isinstance(data, dict):
        return data.get("detail", data.get("message", data.get("error", "")))
    return data


def complained_field(detail: Any, request: Request) -> str:
    """The field a 400 answer names: FastAPI-style `loc`, a quoted name, or a body field the text mentions."""
    if isinstance(detail, list):
        for item in detail:
            if isinstance(item, dict) and isinstance(item.get("loc"), list) and item["loc"]:
                return str(item["loc"][-1])
        detail = " ".join(str(d) for d in detail)
    text = str(detail or "")
    quoted = re.search(r"['\"`«]([A-Za-z_][\w.\[\]]*)['\"`»]", text)
    if quoted:
        return quoted.group(1)
    body = _json_body(request)
    names = list(body) if isinstance(body, dict) else []
    names += [p.name for p in request.params] + ["recipient", "body", "profile_id", "b64_file", "url", "caption", "file_name"]
    for name in names:
        if name and re.search(rf"\b{re.escape(name)}\b", text):
            return name
    return ""


def _check_response(request: Request, response: Response, path: str, endpoint: Endpoint | None, found: list[Finding]) -> None:
    status = response.status
    detail = _detail(response)
    said = str(detail) if detail and not isinstance(detail, (dict, list)) else ""
    server_said = (" " + _("The server said: “{detail}”.").format(detail=said)) if said else ""
    # The server's own words go to the client only as a short quotation.
    quoted = " ".join(said.split()) if len(said) <= 200 else ""
    if status == 401:
        found.append(Finding(
            "status-401", "error", _("401: the token was not accepted"),
            _("The server did not accept the token (401 Unauthorized).") + server_said,
            _("Check the token in the Authorization header: the token alone, without quotes or Bearer. It is in the dashboard, on the profile page."),
            None, {"detail": quoted}))
    elif status == 400:
        name = complained_field(detail, request)
        found.append(Finding(
            "status-400", "error",
            _("400: a problem with the field {field}").format(field=name) if name else _("400: the request data is wrong"),
            (_("The server rejected the request because of the field “{field}” (400 Bad Request).").format(field=name) if name else
             _("The server rejected the request data (400 Bad Request): broken JSON or a required field is missing.")) + server_said,
            (_("Check the field “{field}”: it must be present and written as in the documentation (a phone number as a string, with the country code).").format(field=name)
             if name else _("Check the JSON (double quotes, commas) and that the required fields, such as body and recipient, are there.")),
            None, {"field": name, "detail": quoted}))
    elif status == 404:
        profile = next((p.value for p in request.params if p.enabled and p.name == "profile_id"), "")
        found.append(Finding(
            "status-404", "error", _("404: address or profile not found"),
            _("The server found no such address or profile (404 Not Found).") + server_said,
            (_("Check the address of the method and that the profile {profile} exists in the dashboard.").format(profile=profile) if profile else
             _("Check the address of the method and the profile_id.")),
            None, {"profile": profile, "detail": quoted}))
    elif status == 405:
        expected = endpoint.method if endpoint else ""
        found.append(Finding(
            "status-405", "error", _("405: wrong method"),
            _("The address does not accept the {method} method (405 Method Not Allowed).").format(method=request.method.upper()),
            (_("Change the method to {expected}.").format(expected=expected) if expected else
             _("Use the method the documentation gives for this address (GET or POST).")),
            "use-documented-method" if expected else None, {"actual": request.method.upper(), "expected": expected}))
    elif status == 429:
        wait = response.header("Retry-After")
        found.append(Finding(
            "status-429", "warning", _("429: too many requests"),
            _("The server asks to slow down: too many requests in a short time (429 Too Many Requests)."),
            (_("Wait {seconds} seconds and try again; send requests less often.").format(seconds=wait) if wait else
             _("Wait a minute and try again; send requests less often.")),
            None, {"seconds": wait if (wait or "").strip().isdigit() else ""}))
    elif status >= 500:
        found.append(Finding(
            "status-5xx", "error", _("{status}: a problem on the server side").format(status=status),
            _("The server failed to handle the request ({status}). This is not a mistake in the request.").format(status=status),
            _("Try again in a few minutes. If it repeats, pass the time of the request and this answer to the second line of support."),
            None, {"status": status}))
    elif 200 <= status < 300 and path.endswith("/get/status"):
        try:
            data = json.loads(response.text())
        except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
            data = None
        if isinstance(data, dict) and data.get("authorized") is False:
            found.append(Finding(
                "profile-not-authorized", "error", _("The profile is not connected to WhatsApp"),
                _("The profile is not authorized (authorized: false): messages are not sent until the phone is connected again."),
                _("Scan the QR code again in the dashboard (or get it with GET /api/sync/qr/get) and do not use this number in another WhatsApp Web session at the same time."),
                None))


def _check_error(error: Any, found: list[Finding]) -> None:
    code = str(getattr(error, "code", "") or "")
    if code == "timeout":
        found.append(Finding(
            "timeout", "error", _("No answer in time"),
            _("The server did not answer in time (timeout)."),
            _("Try again. If it repeats, check the internet connection and pass the time of the request to the second line of support."),
            None))
    elif code in _NETWORK_CODES:
        found.append(Finding(
            "connection-failed", "error", _("Cannot connect to the server"),
            _("The request did not reach the server ({reason}).").format(reason=code),
            _("Check the address (https://wappi.pro), the internet connection, and any proxy or firewall."),
            None))


_ORDER = {severity: index for index, severity in enumerate(SEVERITIES)}


def diagnose(request: Request, response: Response | None = None, error: Any = None, rules: dict[str, Any] | None = None,
             endpoints: dict[str, Endpoint] | None = None, values: Mapping[str, str] | None = None) -> list[Finding]:
    """Every problem found in the request (and its answer or network error), the worst first. Never raises.

    `rules` are the field rules of the request's collection item; when None the documented endpoint's rules apply.
    `endpoints` replaces the documented table (tests); by default it comes from the preloaded collection.
    `values` are the environment's variable values: given, the request is checked as it will be sent
    (a token with "Bearer" in the environment is found); without them `{{variables}}` are taken as fine.
    """
    if values is not None:
        request = resolve(request, values)[0]
    table = documented_endpoints() if endpoints is None else endpoints
    path = _path_of(request.url)
    endpoint = table.get(path)
    rules = rules if rules is not None else (endpoint.rules if endpoint else {})
    found: list[Finding] = []
    if error is not None:
        _check_error(error, found)
    if response is not None:
        _check_response(request, response, path, endpoint, found)
    _check_url(request, found)
    _check_scheme(request, found)
    if _is_wappi(request, path, table):
        _check_token(request, found)
        _check_endpoint(request, path, endpoint, table, found)
        _check_profile_id(request, path, endpoint, rules, found)
    _check_body_on_get(request, found)
    _check_content_type(request, found)
    _check_json(request, rules, found)
    if not any(f.code == "invalid-json" for f in found):
        _check_required_fields(request, rules, found)
    return sorted(found, key=lambda f: _ORDER.get(f.severity, len(SEVERITIES)))


# ---------------------------------------------------------------- one-click fixes

@dataclass
class VariableChange:
    """A new value proposed for a variable of the environment; a secret one changes only after the agent agrees."""

    environment: str
    name: str
    value: str
    secret: bool


@dataclass
class FixOutcome:
    """What a fix did: the corrected request, what changed (words), a proposed variable change, or why it cannot apply."""

    request: Request
    changed: list[str] = field(default_factory=list)
    variable: VariableChange | None = None
    reason: str = ""

    @property
    def applied(self) -> bool:
        return not self.reason

    @property
    def needs_confirmation(self) -> bool:
        """True when the fix changes a stored secret: the window asks before saving `variable`."""
        return self.variable is not None and self.variable.secret


def _variable_change(name: str, value: str, environment: Environment | None) -> VariableChange:
    variable = environment.get(name) if environment is not None else None
    secret = variable.secret if variable is not None else name in SECRET_BY_DEFAULT
    return VariableChange(environment.name if environment is not None else "", name, value, secret)


def _fix_token(fixed: Request, environment: Environment | None, values: Mapping[str, str]) -> FixOutcome:
    outcome = FixOutcome(fixed)
    auth = _authorization(fixed)
    if auth is None:
        outcome.reason = _("The request has no Authorization header to clean.")
        return outcome
    cleaned = bare_token(auth.value)
    if cleaned != auth.value:
        auth.value = cleaned
        outcome.changed.append(_("The Authorization header now holds the token alone."))
    names = VARIABLE.findall(cleaned)
    whole = VARIABLE.fullmatch(cleaned)
    if not names:
        return outcome
    # The header only names a variable: what is wrong may be the value stored in the environment.
    if whole is None or whole.group(1) not in values:
        if not outcome.changed:
            outcome.reason = _("The token comes from the variable {{{{{name}}}}} of the environment, which has no value "
                               "here: clean it in the environment.").format(name=names[0])
        return outcome
    name = whole.group(1)
    if bare_token(values[name]) == values[name]:
        return outcome
    outcome.variable = _variable_change(name, bare_token(values[name]), environment)
    outcome.changed.append(_("The token in the environment «{environment}» is cleaned (quotes, Bearer, spaces and "
                             "line breaks removed).").format(environment=outcome.variable.environment))
    return outcome


def _fix_https(fixed: Request, environment: Environment | None, values: Mapping[str, str]) -> FixOutcome:
    outcome = FixOutcome(fixed)
    if fixed.url.lower().startswith("http://"):
        fixed.url = "https://" + fixed.url[7:]
        outcome.changed.append(_("The address now starts with https://."))
        return outcome
    leading = re.match(r"\s*\{\{\s*([^{}\s]+?)\s*\}\}", fixed.url)
    value = values.get(leading.group(1), "") if leading else ""
    if value.lower().startswith("http://"):
        outcome.variable = _variable_change(leading.group(1), "https://" + value[7:], environment)
        outcome.changed.append(_("The variable {{{{{name}}}}} of the environment now starts with https://.").format(
            name=leading.group(1)))
    return outcome


def _fix_field(finding: Finding | None, fixed: Request, rules: dict[str, Any] | None) -> FixOutcome:
    outcome = FixOutcome(fixed)
    facts = finding.facts if finding is not None else {}
    for problem in lint(fixed.body.text, rules or None):
        if problem.code == facts.get("lint_code") and problem.field == facts.get("field") and problem.fix is not None:
            fixed.body.text = jsonlint_apply(fixed.body.text, problem.fix)
            outcome.changed.append(_("The field “{field}” of the body is corrected.").format(field=problem.field))
            break
    return outcome


def _fix_json(fixed: Request, rules: dict[str, Any] | None) -> FixOutcome:
    outcome = FixOutcome(fixed)
    repaired = jsonlint_fix(fixed.body.text, rules or None)
    if any(p.severity == ERROR and p.code not in _FIELD_CODES and p.code != "missing-field"
           for p in lint(repaired, rules or None)):
        outcome.reason = _("Not every mistake in the JSON can be fixed automatically: correct the underlined places "
                           "in the body by hand.")
        return outcome
    fixed.body.text = repaired
    outcome.changed.append(_("The JSON of the body is corrected."))
    return outcome


def apply_fix(finding: Finding | str, request: Request, environment: Environment | None = None,
              values: Mapping[str, str] | None = None, endpoints: dict[str, Endpoint] | None = None,
              rules: dict[str, Any] | None = None) -> FixOutcome:
    """Apply a finding's fix (or a fix id) to a copy of `request`; never changes `request` or `environment`.

    Every applied fix changes what the next send carries: the returned request (header, body, query, method,
    address) and/or `outcome.variable`, a new value for a variable of `environment` — for a secret such as the
    token `outcome.needs_confirmation` is true and the window asks before storing it. `values` are the
    environment's current values (secrets included) so a token stored with "Bearer" or quotes is found.
    When nothing can change, `outcome.reason` says why, in words. `rules` as for `diagnose`."""
    fix_id = finding if isinstance(finding, str) else finding.fix
    found = None if isinstance(finding, str) else finding
    values = values or {}
    fixed = request.copy()
    table = documented_endpoints() if endpoints is None else endpoints
    if rules is None:
        endpoint = table.get(_path_of(fixed.url))
        rules = endpoint.rules if endpoint else {}
    auth = _authorization(fixed)
    outcome = FixOutcome(fixed)
    if fix_id in ("strip-token-quotes", "strip-bearer", "strip-token-whitespace"):
        outcome = _fix_token(fixed, environment, values)
    elif fix_id == "use-https":
        outcome = _fix_https(fixed, environment, values)
    elif fix_id == "fix-json":
        outcome = _fix_json(fixed, rules)
    elif fix_id == "fix-field":
        outcome = _fix_field(found, fixed, rules)
    elif fix_id == "add-content-type":
        fixed.headers = [h for h in fixed.headers if h.name.strip().lower() != "content-type"]
        fixed.headers.append(KeyValue("Content-Type", "application/json"))
    elif fix_id == "add-token" and auth is None:
        fixed.headers.append(KeyValue("Authorization", "{{token}}"))
    elif fix_id == "add-token":
        auth.value = "{{token}}"
    elif fix_id == "add-profile-id":
        body = _json_body(fixed) if _has_body(fixed) else None
        value = "{{profile_id}}"
        if isinstance(body, dict) and "profile_id" in body:
            value = str(body.pop("profile_id"))
            fixed.body.text = json.dumps(body, ensure_ascii=False, indent=2)
        fixed.params = [p for p in fixed.params if p.name.strip() != "profile_id"] + [KeyValue("profile_id", value)]
    elif fix_id == "remove-body":
        fixed.body = Body()
    elif fix_id == "use-documented-method":
        endpoint = table.get(_path_of(fixed.url))
        if endpoint:
            fixed.method = endpoint.method
    elif fix_id == "use-closest-path":
        closest = _closest(_path_of(fixed.url), table)
        if closest:
            origin = re.match(r"^(\{\{[^}]*\}\}|[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)", fixed.url)
            rest = re.search(r"[?#].*$", fixed.url)
            fixed.url = (origin.group(1) if origin else "") + closest + (rest.group(0) if rest else "")
    if outcome.reason:
        return outcome
    if fixed == request and outcome.variable is None:
        outcome.changed = []
        outcome.reason = _("This fix has nothing to change in the request as it is now.")
    elif not outcome.changed:
        outcome.changed.append(_("The request is corrected."))
    return outcome


# Something left out rather than written wrongly: already on screen as a finding, so sending asks nothing more.
_LEFT_OUT = frozenset({"token-missing", "profile-id-missing"})


def mistakes_before_sending(request: Request, rules: dict[str, Any] | None = None, values: Mapping[str, str] | None = None,
                            endpoints: dict[str, Endpoint] | None = None) -> list[Finding]:
    """The mistakes written into the request that will make the server refuse it; the window asks before sending
    only when this is not empty. The app's own `{{variables}}` and `{{file:…}}` placeholders are never among them."""
    return [f for f in diagnose(request, rules=rules, endpoints=endpoints, values=values)
            if f.severity == "error" and f.code not in _LEFT_OUT]
