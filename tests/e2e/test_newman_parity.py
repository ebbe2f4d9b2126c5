"""newman as the oracle: the corpus collections sent by newman and by Wappi Desk's import + run reach a loopback echo
server identically (method, path and query, headers, body)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NEWMAN_DIR = Path(os.environ.get("WAPPI_NEWMAN", REPO / ".newman"))
RUNNER_JS = Path(__file__).with_name("newman_runner.js")
# Headers that name the tool or the connection rather than the request the collection describes.
# Cache-Control: no-cache is a setting of Postman's, not part of the collection.
TOOL_HEADERS = {"user-agent", "postman-token", "accept-encoding", "connection", "host", "cache-control"}
DYNAMIC = re.compile(r"\{\{\s*\$")
VARIABLE_NAME = re.compile(r"\{\{([^{}]+?)\}\}")
# Values that are random or time-based by design (dynamic variables, nonces and signatures of digest, Hawk,
# OAuth 1, AWS and EdgeGrid): compared by shape, not by value.
RANDOM_VALUES = [
    (re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "<uuid>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z|\d{8}T\d{6}Z|\d{8}T\d\d:\d\d:\d\d\+0000"), "<time>"),
    (re.compile(r"(?<![\w.])\d{9,13}(?![\w.])"), "<epoch>"),
    (re.compile(r'((?:nonce|cnonce|mac|oauth_nonce|oauth_signature|Signature|signature|ts)="?)[^",;&]+'), r"\1<random>"),
    (re.compile(r"(Signature=)[0-9a-f]{64}"), r"\1<random>"),
]


@dataclass
class Arrival:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class EchoServer:
    """Records every request exactly as it arrived and answers 200 with the arrival's number in X-Arrival."""

    arrivals: list[Arrival] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        echo = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stall per request

            def __getattr__(self, name: str):
                if name.startswith("do_"):  # any method, custom ones included
                    return self._record
                raise AttributeError(name)

            def _record(self) -> None:
                body = self._read_body()
                with echo.lock:
                    echo.arrivals.append(Arrival(self.command, self.path, list(self.headers.items()), body))
                    number = len(echo.arrivals) - 1
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Arrival", str(number))
                self.send_header("Content-Length", "2")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(b"{}")

            def _read_body(self) -> bytes:
                if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                    chunks = []
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if not size:
                            self.rfile.readline()
                            return b"".join(chunks)
                        chunks.append(self.rfile.read(size))
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---- the corpus ------------------------------------------------------------------------------------------------


def corpus_collections(corpus: Path) -> list[Path]:
    """The 60 v2.1 collections: the schema's examples and every file VALIDATION.txt lists as valid v2.1.0."""
    files = sorted((corpus / "examples").glob("*.json"))
    for line in (corpus / "VALIDATION.txt").read_text(encoding="utf-8").splitlines():
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 4 and parts[1] == "v2.1.0" and parts[3] == "valid":
            files.append(corpus / parts[0])
    return files


def load_json(path: Path):
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    return json.loads(text)


EDITS_REQUEST = re.compile(r"\bpm\.request\b|\brequest\.(?:headers|url|body|auth|method)\b")
HOST_PART = re.compile(r"^\s*(?:[A-Za-z][\w+.-]*://)?[^/?#]*")


@dataclass
class Case:
    """One request of the corpus: where it comes from and whether scripts decide what it sends."""

    id: str
    collection: str
    name: str
    scripted: bool
    dynamic: bool


def rewrite(collection: dict, port: int, prefix: str) -> list[Case]:
    """Point every request at the echo server, give each item an id and take the scripts out (newman would run
    them, Wappi Desk does not: variables they would set are then undefined in both and get the same value).
    Returns the requests in run order; a request whose pre-request script edits it is marked as scripted."""

    def edits_request(entry: dict) -> bool:
        return any(
            isinstance(e, dict) and e.get("listen") == "prerequest" and EDITS_REQUEST.search("\n".join(_exec(e)))
            for e in entry.get("event") or []
        )

    cases: list[Case] = []

    def walk(items: list, inherited: bool) -> None:
        for item in items:
            if not isinstance(item, dict):
                continue
            scripted = inherited or edits_request(item)
            item.pop("event", None)
            if isinstance(item.get("item"), list):
                walk(item["item"], scripted)
            elif "request" in item:
                item["id"] = f"{prefix}-{len(cases)}"
                request = item["request"]
                if isinstance(request, str):
                    item["request"] = HOST_PART.sub(f"http://127.0.0.1:{port}", request, count=1)
                elif isinstance(request, dict):
                    request["url"] = _rewrite_url(request.get("url"), port)
                text = json.dumps(item.get("request"))
                cases.append(Case(item["id"], prefix, str(item.get("name")), scripted, bool(DYNAMIC.search(text))))

    scripted = edits_request(collection)
    collection.pop("event", None)
    walk(collection.get("item") or [], scripted)
    return cases


def _rewrite_url(url, port: int):
    if isinstance(url, str):
        return HOST_PART.sub(f"http://127.0.0.1:{port}", url, count=1)
    if isinstance(url, dict):
        url = dict(url)
        url.update(protocol="http", host=["127", "0", "0", "1"], port=str(port))
        if isinstance(url.get("raw"), str):
            url["raw"] = HOST_PART.sub(f"http://127.0.0.1:{port}", url["raw"], count=1)
        return url
    return url


def _exec(event: dict) -> list[str]:
    script = event.get("script") if isinstance(event.get("script"), dict) else {}
    lines = script.get("exec") or []
    return [lines] if isinstance(lines, str) else [str(line) for line in lines]


def undefined_values(collection: dict) -> dict[str, str]:
    """Every {{name}} the collection uses, with a plain value both tools get (collection variables override it)."""
    names = {name for name in VARIABLE_NAME.findall(json.dumps(collection)) if not name.strip().startswith("$")}
    return {name: f"value-of-{re.sub(r'[^A-Za-z0-9_-]', '_', name)}" for name in sorted(names)}


# ---- the two tools ---------------------------------------------------------------------------------------------


def send_with_desk(path: Path, globals_: dict[str, str], store_dir: Path) -> dict[str, int | str]:
    """Import into a fresh store like `wappi-desk import`, read every request back and send it like `run` does."""
    from desktop.core import postman, runner, sender
    from desktop.core.collection import read_request
    from desktop.core.store import Store

    result = postman.read_collection(path)
    store = Store(store_dir / "clients", store_dir / "trash")
    written, _secrets = postman.import_into(store, "Parity", result)
    values = dict(globals_)
    values.update({v.name: v.value for v in result.variables})
    outcome: dict[str, int | str] = {}
    with sender.make_client(10) as client:
        for imported, file in zip(result.requests, written):
            request = read_request(file)[0]
            key = imported.request.name
            try:
                response = runner.send_request(request, client, values, 10)
            except Exception as exc:  # noqa: BLE001 - recorded as "not sent", with the reason
                outcome[key + f"#{len(outcome)}"] = str(exc)
                continue
            outcome[key + f"#{len(outcome)}"] = int(response.header("X-Arrival"))
    return outcome


def start_newman(jobs: list[dict], workdir: Path) -> subprocess.Popen:
    jobs_file = workdir / "jobs.json"
    jobs_file.write_text(json.dumps(jobs))
    return subprocess.Popen(
        ["node", str(RUNNER_JS), str(NEWMAN_DIR), str(jobs_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"},
    )


def newman_lines(process: subprocess.Popen) -> list[dict]:
    out, err = process.communicate(timeout=900)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise AssertionError(f"newman printed nothing: {err[-2000:]}")
    return lines


def run_newman(jobs: list[dict], workdir: Path) -> list[dict]:
    return newman_lines(start_newman(jobs, workdir))


# ---- comparison ------------------------------------------------------------------------------------------------


def normal_form(arrival: Arrival, random_parts: bool) -> tuple:
    headers = sorted((k.lower(), v) for k, v in arrival.headers if k.lower() not in TOOL_HEADERS)
    body = arrival.body
    content_type = next((v for k, v in headers if k == "content-type"), "")
    boundary = re.search(r"boundary=([^;\s]+)", content_type)
    if boundary:
        # Each tool draws its own boundary (of its own length): compared without it and without the length.
        body = body.replace(boundary.group(1).encode(), b"<boundary>")
        headers = [(k, v.replace(boundary.group(1), "<boundary>")) for k, v in headers if k != "content-length"]
    target = arrival.target
    if random_parts:
        def scrub(text: str) -> str:
            for pattern, replacement in RANDOM_VALUES:
                text = pattern.sub(replacement, text)
            return text

        target = scrub(target)
        headers = [(k, scrub(v)) for k, v in headers]
        body = scrub(body.decode("utf-8", "replace")).encode()
        # Lengths follow the random parts (a random int of 2 or 3 digits): compared by the bodies instead.
        headers = [(k, v) for k, v in headers if k != "content-length"]
    return arrival.method, target, tuple(headers), body


RANDOM_AUTH = ("digest", "hawk", "oauth1", "awsv4", "edgegrid", "ntlm")


@dataclass
class Outcome:
    identical: list[str] = field(default_factory=list)
    different: list[tuple[str, tuple, tuple]] = field(default_factory=list)
    not_sent: list[tuple[str, str]] = field(default_factory=list)
    scripted: int = 0


def compare_corpus(corpus: Path, workdir: Path) -> Outcome:
    echo = EchoServer()
    echo.start()
    try:
        jobs, cases, rewritten = [], [], []
        for index, path in enumerate(corpus_collections(corpus)):
            collection = load_json(path)
            if isinstance(collection.get("collection"), dict):
                collection = collection["collection"]
            prefix = f"c{index}"
            found = rewrite(collection, echo.port, prefix)
            randomish = any(kind in json.dumps(collection) for kind in RANDOM_AUTH)
            for case in found:
                case.dynamic = case.dynamic or randomish
            cases += found
            file = workdir / f"{prefix}.json"
            file.write_text(json.dumps(collection), encoding="utf-8")
            rewritten.append((file, found, undefined_values(collection)))
            jobs.append({"collection": str(file), "globals": rewritten[-1][2]})
        # newman runs beside Wappi Desk (the echo server numbers every arrival, so the two never mix up).
        process = start_newman(jobs, workdir)
        desk: dict[str, int | str] = {}
        for file, found, globals_ in rewritten:
            sent = send_with_desk(file, globals_, workdir / f"store-{file.stem}")
            desk.update({case.id: value for case, value in zip(found, sent.values())})
        newman = {line["id"]: line for line in newman_lines(process) if "id" in line}
        outcome = Outcome()
        for case in cases:
            label = f"{case.collection} {case.name!r}"
            if case.scripted:
                outcome.scripted += 1
                continue
            theirs = newman.get(case.id)
            ours = desk.get(case.id)
            if theirs is None or theirs.get("arrival") is None:
                outcome.not_sent.append((label, f"newman: {theirs and theirs.get('error')}"))
                continue
            if not isinstance(ours, int):
                outcome.not_sent.append((label, f"desk: {ours}"))
                continue
            a = normal_form(echo.arrivals[int(theirs["arrival"])], case.dynamic)
            b = normal_form(echo.arrivals[ours], case.dynamic)
            if a == b:
                outcome.identical.append(label)
            else:
                outcome.different.append((label, a, b))
        return outcome
    finally:
        echo.close()


def describe(outcome: Outcome) -> str:
    return (f"newman parity: {len(outcome.identical)} identical, {len(outcome.different)} different, "
            f"{len(outcome.not_sent)} not sent, {outcome.scripted} left out (scripts decide what they send)")


@pytest.fixture
def newman_ready():
    if shutil.which("node") is None:
        pytest.skip("node is not installed, so newman (the reference) cannot run")
    if not (NEWMAN_DIR / "node_modules" / "newman").is_dir():
        pytest.skip(f"newman is not installed in {NEWMAN_DIR} (npm install --prefix .newman newman@6, as .ci/run does)")


def test_corpus_is_sent_as_newman_sends_it(shared_dir, newman_ready, tmp_path):
    outcome = compare_corpus(shared_dir / "corpora" / "postman", tmp_path)
    print(describe(outcome))
    for label, theirs, ours in outcome.different:
        print("DIFFERENT", label, "\n  newman:", theirs, "\n  desk:  ", ours)
    for label, reason in outcome.not_sent:
        print("NOT SENT", label, reason)
    compared = len(outcome.identical) + len(outcome.different) + len(outcome.not_sent)
    assert compared > 700
    assert len(outcome.identical) >= 0.97 * compared, describe(outcome)


if __name__ == "__main__":  # development aid: python -m tests.e2e.test_newman_parity [filter]
    import tempfile

    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    shared = Path(os.environ.get("WAPPI_SHARED", REPO.parent / "shared"))
    with tempfile.TemporaryDirectory() as tmp:
        result = compare_corpus(shared / "corpora" / "postman", Path(tmp))
        wanted = sys.argv[1] if len(sys.argv) > 1 else ""
        for label, theirs, ours in result.different:
            if wanted in label:
                print("DIFFERENT", label, "\n  newman:", theirs, "\n  desk:  ", ours)
        for label, reason in result.not_sent:
            print("NOT SENT", label, reason)
        print(describe(result))


def test_an_exported_client_sends_through_newman_what_wappi_desk_sends(newman_ready, tmp_path):
    """Export writes path variables, sign-in and attached files so that newman sends the same bytes."""
    import base64
    import hashlib

    from desktop.core import postman, sender
    from desktop.core.models import Attachment, Auth, Body, KeyValue, Request
    from desktop.core.store import Store

    echo = EchoServer()
    echo.start()
    try:
        content = bytes(range(256))
        photo = Attachment("f1", "photo.png", "image/png", len(content), hashlib.sha256(content).hexdigest(), "",
                           base64.b64encode(content))
        request = Request(
            "POST", f"http://127.0.0.1:{echo.port}/users/:id/:empty", params=[KeyValue("flag", bare=True), KeyValue("q", "{{q}}")],
            headers=[KeyValue("Content-Type", "application/json")],
            body=Body("json", '{"b64_file": "{{file:f1}}"}', {"f1": photo}), name="Send photo",
            path_variables=[KeyValue("id", "{{user}}"), KeyValue("empty", "")],
            auth=Auth("basic", {"username": "agent", "password": "{{basic_password}}"}),
        )
        store = Store(tmp_path / "clients", tmp_path / "trash")
        store.create_client("Acme")
        store.save("Acme", request)
        exported = tmp_path / "acme.json"
        postman.write_export(exported, postman.export_client(store, "Acme"))
        values = {"q": "a b", "user": "7", "basic_password": "s3cret"}
        with sender.make_client() as client:
            sender.send(request, client, values)
        ours = echo.arrivals[-1]
        line = next(line for line in run_newman([{"collection": str(exported), "globals": values}], tmp_path) if "id" in line)
        theirs = echo.arrivals[int(line["arrival"])]
    finally:
        echo.close()
    assert ours.target == "/users/7/:empty?flag&q=a%20b"
    assert normal_form(theirs, False) == normal_form(ours, False)


def test_oauth1_signature_is_newmans_byte_for_byte(newman_ready, tmp_path):
    """With the nonce and timestamp fixed, the OAuth 1.0 signature must be exactly the one newman computes
    (header and query, each signature method; newman runs once for all of them)."""
    from desktop.core import postman, sender
    from desktop.core.collection import read_request
    from desktop.core.store import Store

    echo = EchoServer()
    echo.start()
    try:
        items = []
        for in_header in (True, False):
            for method in ("HMAC-SHA1", "HMAC-SHA256", "PLAINTEXT"):
                fields = {"consumerKey": "ck ü", "consumerSecret": "{{consumer_secret}}", "token": "tok", "tokenSecret": "ts&1",
                          "signatureMethod": method, "timestamp": "1700000000", "nonce": "n0nce", "version": "1.0",
                          "realm": "Acme Realm", "addParamsToHeader": in_header}
                items.append({"name": f"{method} {in_header}", "request": {
                    "method": "POST", "header": [], "url": f"http://127.0.0.1:{echo.port}/path/x?b=2&a=%41+z&flag",
                    "auth": {"type": "oauth1", "oauth1": [{"key": k, "value": v} for k, v in fields.items()]}}})
            # Empty fields signed on request: the spec's extensions (callback, verifier) still stay out, and the header
            # leaves out what is empty (and is written unencoded when asked).
            fields = {"consumerKey": "ck", "consumerSecret": "cs", "token": "", "tokenSecret": "", "callback": "",
                      "verifier": "", "signatureMethod": "HMAC-SHA1", "timestamp": "1700000000", "nonce": "n0nce",
                      "version": "1.0", "addEmptyParamsToSign": True, "addParamsToHeader": in_header,
                      "disableHeaderEncoding": in_header, "realm": "Acme Realm"}
            items.append({"name": f"empty {in_header}", "request": {
                "method": "GET", "header": [], "url": f"http://127.0.0.1:{echo.port}/path/y?q=1",
                "auth": {"type": "oauth1", "oauth1": [{"key": k, "value": v} for k, v in fields.items()]}}})
        file = tmp_path / "o.json"
        file.write_text(json.dumps({"info": {"name": "o", "schema": postman.SCHEMA_URL}, "item": items}))
        values = {"consumer_secret": "cs/ secret"}
        result = postman.read_collection(file)
        written, _secrets = postman.import_into(Store(tmp_path / "clients", tmp_path / "trash"), "Acme", result)
        ours = []
        with sender.make_client() as client:
            for path in written:
                # The secret fields went to keyring variables on import; here they come from the import itself.
                response = sender.send(read_request(path)[0], client, values | {v.name: v.value for v in result.variables})
                ours.append(echo.arrivals[int(response.header("X-Arrival"))])
        lines = [line for line in run_newman([{"collection": str(file), "globals": values}], tmp_path) if "id" in line]
        theirs = [echo.arrivals[int(line["arrival"])] for line in lines]
    finally:
        echo.close()
    assert len(ours) == len(theirs) == 8
    assert [normal_form(a, False) for a in ours] == [normal_form(b, False) for b in theirs]
