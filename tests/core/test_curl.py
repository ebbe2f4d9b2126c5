"""cURL import and export: the course's command, shells' quoting, bad input, the curlconverter corpus, round trip."""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.curl import parse_curl, parse_curl_detailed, to_curl
from desktop.core.models import Body, KeyValue, Request
from desktop.core.paste import PasteError
from desktop.core.secrets import MASK
from tests.core.curlcorpus import Unsupported, actual_from_request, expected_from_python

COURSE = """curl -X POST "https://wappi.pro/api/sync/message/send?profile_id=your_id" \\
  -H "Authorization: your_token" \\
  -H "Content-Type: application/json" \\
  -d '{"body": "Hello World", "recipient": "79990000000"}'"""


def test_course_example():
    result = parse_curl_detailed(COURSE)
    r = result.request
    assert result.notes == []
    assert (r.method, r.url) == ("POST", "https://wappi.pro/api/sync/message/send")
    assert r.params == [KeyValue("profile_id", "your_id")]
    assert r.enabled_headers() == [("Authorization", "your_token"), ("Content-Type", "application/json")]
    assert r.body == Body("json", '{"body": "Hello World", "recipient": "79990000000"}')


def test_windows_cmd_caret_continuations_and_escaped_quotes():
    text = (
        'curl -X POST "https://wappi.pro/api/sync/message/send?profile_id=p1" ^\n'
        '  -H "Authorization: tok" ^\n'
        '  -H "Content-Type: application/json" ^\n'
        '  -d "{\\"body\\": \\"Hi\\", \\"recipient\\": \\"79990000000\\"}"'
    )
    r = parse_curl(text)
    assert r.method == "POST"
    assert r.header("Authorization") == "tok"
    assert r.body.text == '{"body": "Hi", "recipient": "79990000000"}'


def test_chrome_copy_as_curl_cmd():
    text = (
        'curl ^"https://wappi.pro/api/sync/get/status?profile_id=p1^" ^\n'
        '  -H ^"authorization: tok^" ^\n'
        '  --data-raw ^"^{^\\^"a^\\^":1^}^" ^\n'
        '  --compressed'
    )
    r = parse_curl(text)
    assert r.url == "https://wappi.pro/api/sync/get/status"
    assert r.header("authorization") == "tok"
    assert r.body.text == '{"a":1}'


def test_ansi_c_quoting_and_mixed_quotes():
    r = parse_curl("curl $'http://h/\\x61' -H 'X-A: it'\\''s' -H \"X-B: say \\\"hi\\\"\" --data-raw $'line1\\nline2'")
    assert r.url == "http://h/a"
    assert r.header("X-A") == "it's"
    assert r.header("X-B") == 'say "hi"'
    assert r.body.text == "line1\nline2"


def test_options_users_paste():
    r = parse_curl("curl -sSL -k --compressed -A 'Agent/1' -b 'a=1; b=2' -u user:pw --url https://wappi.pro/x -G -d q=1 --data-urlencode 'msg=a b'")
    assert r.method == "GET"
    assert [(p.name, p.value) for p in r.params] == [("q", "1"), ("msg", "a+b")]
    assert r.header("User-Agent") == "Agent/1"
    assert r.header("Cookie") == "a=1; b=2"
    assert r.header("Authorization") == "Basic " + base64.b64encode(b"user:pw").decode()
    assert r.body.kind == "none"


def test_json_option_sets_headers_and_post():
    r = parse_curl("""curl --json '{"a": 1}' https://wappi.pro/api/x""")
    assert r.method == "POST"
    assert r.header("Content-Type") == "application/json"
    assert r.header("Accept") == "application/json"
    assert r.body == Body("json", '{"a": 1}')


def test_data_without_content_type_gets_curls_form_type():
    r = parse_curl("curl https://wappi.pro/api/x -d '{\"a\": 1}'")
    assert r.header("Content-Type") == "application/x-www-form-urlencoded"
    assert r.body.kind == "json"


def test_url_without_scheme():
    assert parse_curl("curl wappi.pro/api/sync/get/status").url == "https://wappi.pro/api/sync/get/status"
    assert parse_curl("curl localhost:8080/x").url == "http://localhost:8080/x"


def test_unsupported_parts_are_listed():
    result = parse_curl_detailed("curl -F 'file=@photo.jpg' -x http://proxy:3128 --digest -u a:b https://h/ ; echo done")
    notes = " ".join(result.notes)
    assert "photo.jpg" in notes and "not on this computer" in notes
    assert result.missing_files == ["photo.jpg"]
    assert "proxy" in notes
    assert "digest" in notes
    assert "more than one command" in notes
    assert result.request.method == "POST"


def test_header_removal_and_empty_header():
    r = parse_curl("curl -H 'X-Empty;' -H 'X-Gone: 1' -H 'X-Gone:' https://h/")
    assert r.enabled_headers() == [("X-Empty", "")]


@pytest.mark.parametrize(
    "text, words",
    [
        ("curl 'https://wappi.pro/api -H 'A: b'", "quote"),
        ('curl "https://wappi.pro/api', "quote"),
        ("curl https://wappi.pro/api \\", "cut off"),
        ("curl https://wappi.pro/api -H", "no value"),
        ("", "empty"),
        ("   \n  ", "empty"),
        ("wget https://x", "curl"),
        ("curl -s -k", "address"),
        ("\x00\x01\x02binary\xff\x00", "binary"),
        (bytes(range(256)) * 20, "binary"),
        ('curl "https://x" ^\n -H "A: b', "quote"),
    ],
)
def test_bad_input_gives_plain_message(text, words):
    with pytest.raises(PasteError) as info:
        parse_curl(text)
    assert words in str(info.value)


def test_too_many_headers():
    text = "curl https://h/ " + " ".join(f"-H 'X-{n}: {n}'" for n in range(200))
    with pytest.raises(PasteError, match="200 headers"):
        parse_curl(text)


def test_five_megabytes_refused_quickly():
    text = "curl https://h/ -d '" + "a" * 5_000_000 + "'"
    started = time.perf_counter()
    with pytest.raises(PasteError, match="too large"):
        parse_curl(text)
    assert time.perf_counter() - started < 5


def test_big_base64_body_imports():
    text = "curl https://wappi.pro/api/sync/message/img/send -H 'Content-Type: application/json' -d '{\"b64_file\": \"" + "A" * 1_000_000 + "\"}'"
    assert len(parse_curl(text).body.text) > 1_000_000


def test_to_curl_masks_token_by_default():
    r = parse_curl(COURSE)
    masked = to_curl(r)
    assert "your_token" not in masked and f"Authorization: {MASK}" in masked
    assert "your_token" in to_curl(r, mask_secrets=False)
    assert "your_id" not in to_curl(r, secrets=["your_id"])


def test_to_curl_cmd_style_round_trips():
    r = parse_curl(COURSE)
    text = to_curl(r, mask_secrets=False, style="cmd")
    assert "^\n" in text and "'" not in text.splitlines()[0]
    assert parse_curl(text) == r


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_to_curl_output_is_valid_bash():
    r = Request("POST", "https://h/p", [KeyValue("a", "1")], [KeyValue("X", "it's $HOME `x` \"q\"")], Body("json", '{"t": "it\'s\\n $x"}'))
    script = "args() { printf '%s\\n' \"$@\"; }; " + to_curl(r, mask_secrets=False).replace("curl ", "args ", 1)
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True).stdout
    assert "X: it's $HOME `x` \"q\"" in out
    assert '{"t": "it\'s\\n $x"}' in out


# ---------------------------------------------------------------- the curlconverter corpus

def _corpus(shared_dir):
    root = shared_dir / "corpora" / "curlconverter"
    if not root.is_dir():
        pytest.skip("the curlconverter corpus is not in ../shared/corpora")
    return root


def _compare(root, name):
    """None when the parse matches the expected requests call; else the reason it does not."""
    python = root / "python" / f"{name}.py"
    if not python.exists():
        raise Unsupported("no expected Python requests call in the corpus")
    expected = expected_from_python(python.read_text(encoding="utf-8"))
    request = parse_curl((root / "curl_commands" / f"{name}.sh").read_text(encoding="utf-8"))
    actual = actual_from_request(request, expected.body[0])
    differences = [key for key in ("method", "base", "query", "headers", "body") if getattr(actual, key) != getattr(expected, key)]
    return None if not differences else f"differs in {', '.join(differences)}: {actual} != {expected}"


def test_curlconverter_corpus(shared_dir):
    root = _corpus(shared_dir)
    names = sorted(p.stem for p in (root / "curl_commands").glob("*.sh"))
    matched, unsupported, failed = [], {}, {}
    for name in names:
        try:
            problem = _compare(root, name)
        except Unsupported as exc:
            unsupported[name] = str(exc)
            continue
        except PasteError as exc:
            failed[name] = f"PasteError: {exc}"
            continue
        (failed.__setitem__(name, problem) if problem else matched.append(name))
    report = [f"curlconverter: {len(matched)} of {len(names)} commands match, {len(unsupported)} unsupported, {len(failed)} differ"]
    report += [f"  unsupported {name}: {why}" for name, why in unsupported.items()]
    report += [f"  DIFFERS {name}: {why}" for name, why in failed.items()]
    print("\n".join(report))
    assert not failed, "\n".join(report)
    assert len(matched) >= 65, "\n".join(report)


def test_corpus_commands_never_crash(shared_dir):
    """Even the unsupported fixtures give a request or a plain PasteError, never another exception."""
    for path in sorted((_corpus(shared_dir) / "curl_commands").glob("*.sh")):
        try:
            parse_curl_detailed(path.read_text(encoding="utf-8"))
        except PasteError:
            pass


# ---------------------------------------------------------------- round trip

_token = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), min_size=1, max_size=12)
_value = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"), max_size=30
).map(str.strip)
_url_text = st.text(st.sampled_from("abcXYZ019-._~%:@!$'()*+,;/"), max_size=10)
_json_body = st.dictionaries(_token, st.one_of(_value, st.integers(), st.booleans()), max_size=4).map(
    lambda d: __import__("json").dumps(d, ensure_ascii=False)
)
_text_body = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), min_size=1, max_size=40).filter(
    lambda t: t.lstrip()[:1] not in ("{", "[")
)


@st.composite
def requests_(draw):
    method = draw(st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]))
    host = draw(st.sampled_from(["https://wappi.pro", "http://127.0.0.1:8080", "{{base_url}}"]))
    path = "/" + "/".join(draw(st.lists(_token, max_size=4)))
    params = [KeyValue(draw(_token), draw(_url_text).replace("&", "").replace("#", "")) for _ in range(draw(st.integers(0, 3)))]
    headers = [KeyValue(draw(_token), draw(_value)) for _ in range(draw(st.integers(0, 4)))]
    kind = draw(st.sampled_from(["none", "json", "text"]))
    if kind == "json":
        body = Body("json", draw(_json_body))
        if draw(st.booleans()):
            headers.append(KeyValue("Content-Type", "application/json"))
    elif kind == "text":
        body = Body("text", draw(_text_body))
        if draw(st.booleans()):
            headers.append(KeyValue("Content-Type", "text/plain"))
    else:
        body = Body()
    return Request(method=method, url=host + path, params=params, headers=headers, body=body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests_(), st.sampled_from(["bash", "cmd"]))
def test_round_trip(request, style):
    assert parse_curl(to_curl(request, mask_secrets=False, style=style)) == request


# ---------------------------------------------------------------- hostile pastes (issue 15 #7, #9)

# Every Unicode space, line separator and control separator a messenger or Word puts between words.
UNICODE_SPACES = "\u00a0\u2009\u202f\u3000\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2007\u205f"


@pytest.mark.parametrize("space", list(UNICODE_SPACES))
def test_unicode_spaces_separate_words(space):
    r = parse_curl(f"curl{space}-H{space}'A: b'{space}https://wappi.pro/x")
    assert (r.url, r.header("A")) == ("https://wappi.pro/x", "b")


@pytest.mark.parametrize("space", ["\u00a0", "\u2028", "\u3000"])
def test_unicode_spaces_inside_quotes_are_kept(space):
    r = parse_curl(f"curl https://h/ -d 'a{space}b' -H \"X: c{space}d\"")
    assert r.body.text == f"a{space}b" and r.header("X") == f"c{space}d"


def test_backslash_before_a_unicode_line_break_continues_the_line():
    assert parse_curl("curl https://h/ \\\u2028 -H 'A: b'").header("A") == "b"


def test_typographic_quotes_and_invisible_characters():
    r = parse_curl("curl\u200b “https://wappi.pro/x” -H ‘Content-Type: application/json’ -H «X: a b» -d „{}“")
    assert (r.url, r.header("Content-Type"), r.header("X"), r.body.text) == (
        "https://wappi.pro/x", "application/json", "a b", "{}")
    # An apostrophe inside a word and a lone opening quote stay characters.
    assert parse_curl("curl https://h/ -H X:don’t -d “x").body.text == "“x"


def test_escapes_beyond_unicode_become_a_replacement_character():
    assert parse_curl("curl https://h/ -d $'\\UFFFFFFFF\\ud800'").body.text == "\ufffd\ufffd"


def test_here_documents_one_after_another():
    r = parse_curl("curl https://h/ -d @- <<A <<B\none\nA\ntwo\nB\n")
    assert r.body.text == "two"
    with pytest.raises(PasteError, match="cut off"):
        parse_curl("curl https://h/ -d @- <<END\nno end\n")


def _any_failure_is_a_paste_error(parse, text):
    try:
        parse(text)
    except PasteError as exc:
        assert str(exc) and "Traceback" not in str(exc)


_shell_alphabet = st.sampled_from(list("curl -HdXF:'\"$(){}\\^`\n\r\t ;|&<>#=@?/") + list(UNICODE_SPACES) + list("“”‘’«»„\u200b"))
_hostile = st.one_of(
    st.text(max_size=200),
    st.text(_shell_alphabet, max_size=200).map(lambda t: "curl " + t),
    st.text(_shell_alphabet, max_size=200).map(lambda t: "curl.exe " + t),
    st.text(_shell_alphabet, max_size=200).map(lambda t: "curl https://h/ " + t + " `\n -d x"),
)


# A per-input bound: one paste that takes longer fails the test (hypothesis' deadline).
@settings(max_examples=400, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(_hostile)
def test_any_text_gives_a_request_or_words(text):
    _any_failure_is_a_paste_error(parse_curl_detailed, text)


@pytest.mark.parametrize("start", ["curl https://h/ ", "curl.exe https://h/ '' `\n "])
@pytest.mark.parametrize("piece", ['"$(', "$", "$'\\x41", "\\\n", "'a' ", '"${', "“", "‘x", "<<A ", "^\n", "\u00a0", "-H a:b ", "`\n", '"`"'])
def test_parse_time_grows_linearly(start, piece):
    from tests.core.linearity import MAX_RATIO, growth

    ratio = growth(parse_curl, lambda n: start + piece * n, 40_000, (PasteError,))
    assert ratio < MAX_RATIO, f"{piece!r}: 4x the input took {ratio:.1f}x the time"


# ---------------------------------------------------------------- real curl as the oracle (issue 17)

COMMANDS = Path(__file__).parent / "data" / "client_curl_commands.txt"
# Headers the HTTP clients set for their own transport and may differ by design (who is asking, keep-alive,
# packed answers the viewer unpacks). Everything else must be identical.
TRANSPORT_HEADERS = {"user-agent", "connection", "accept-encoding"}


def _client_commands() -> list[tuple[str, str, str, list[str] | None]]:
    """(name, shell, command, argv curl receives or None for bash) from the data file."""
    blocks = re.split(r"^### ", COMMANDS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    out = []
    for block in blocks:
        head, _sep, text = block.partition("\n")
        name, shell = (part.strip() for part in head.split("|"))
        command, _sep, argv = text.rstrip("\n").partition("\nargv: ")
        out.append((name, shell, command.rstrip("\n") + "\n" if shell == "bash" else command.strip(), json.loads(argv) if argv else None))
    return out


def _normalised(received, host: str) -> list[tuple]:
    out = []
    for item in received:
        headers = [(n.lower(), v) for n, v in item.headers if n.lower() not in TRANSPORT_HEADERS]
        body = item.body
        ctype = dict(headers).get("content-type", "")
        mark = re.search(r"boundary=(\S+)", ctype)
        if mark:
            # Each send draws a new random boundary.
            body = body.replace(mark.group(1).encode(), b"BOUNDARY")
            headers = [(n, v.replace(mark.group(1), "BOUNDARY")) for n, v in headers]
        out.append((item.method, item.target, sorted(headers), body))
    return out


@pytest.fixture(scope="module")
def oracle_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")
    (folder / "data.json").write_text('{\n  "body": "Привет",\r\n  "recipient": "79990000000"\n}\n', encoding="utf-8")
    (folder / "note.txt").write_text("first line\nsecond & line = 2\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed: it is the reference for these checks")
@pytest.mark.parametrize("name, shell, command, argv", _client_commands(), ids=[c[0] for c in _client_commands()])
def test_client_command_sends_what_curl_sends(name, shell, command, argv, oracle_files):
    """Real curl, parse + send, and copy-as-cURL run by real curl: the echo server must see the same requests."""
    from desktop.core import sender
    from tests.core.echo import start

    echo = start()
    try:
        def fill(text: str) -> str:
            return text.replace("http://ECHO", echo.url).replace("FILES", str(oracle_files))

        def run_curl(args: list[str] | None, script: str | None) -> list:
            before = len(echo.received)
            if script is not None:
                subprocess.run(["bash", "-c", script], capture_output=True, timeout=30)
            else:
                subprocess.run(["curl", "-s", "-o", "/dev/null", *args], capture_output=True, timeout=30)
            return _normalised(echo.received[before:], echo.url)

        quiet = lambda script: script.replace("curl ", "curl -s -o /dev/null ", 1)  # noqa: E731
        by_curl = run_curl([fill(a) for a in argv] if argv else None, None if argv else quiet(fill(command)))
        assert by_curl, f"{name}: curl sent nothing"

        result = parse_curl_detailed(fill(command))
        assert result.missing_files == []
        before = len(echo.received)
        with sender.make_client() as client:
            sender.send(result.request, client)
        assert _normalised(echo.received[before:], echo.url) == by_curl, f"{name}: parse + send differs from curl"

        exported = to_curl(result.request, mask_secrets=False)
        assert run_curl(None, quiet(exported)) == by_curl, f"{name}: copy-as-cURL differs from the command\n{exported}"
    finally:
        echo.close()
