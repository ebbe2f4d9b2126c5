"""curl's address patterns: the first address and the count are what real curl calls, and a refusal is curl's."""
from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.core.curl import parse_curl_detailed
from desktop.core.curlglob import GlobError, expand_first


@pytest.mark.parametrize(("url", "first", "count"), [
    ("https://h/x/{a,b}", "https://h/x/a", 2),
    ("https://h/x?p=[1-3]", "https://h/x?p=1", 3),
    ("https://h/x?p=[01-10:3]", "https://h/x?p=01", 4),
    ("https://h/x?p=[a-e:2]", "https://h/x?p=a", 3),
    ('https://h/x?filter={"chat":1}', 'https://h/x?filter="chat":1', 1),  # one element: curl drops the braces
    ("https://h/x?a=\\{b\\}&ids[]=1", "https://h/x?a={b}&ids[]=1", 1),
    ("http://[::1]:8080/x", "http://[::1]:8080/x", 1),
    ("https://h/{a\\,b,c}", "https://h/a,b", 2),
])
def test_first_address_and_count(url, first, count):
    glob = expand_first(url)
    assert (glob.first, glob.count) == (first, count)


@pytest.mark.parametrize("url", ["https://h/x/{{profile_id}}", "https://h/x?ids=[1,2]", "https://h/x?a[0]=1",
                                 "https://h/x?a={}", "https://h/x?a=}", "https://h/x?a={b", "https://h/x?a=[3-1]"])
def test_addresses_curl_refuses(url):
    with pytest.raises(GlobError):
        expand_first(url)


def test_the_import_takes_the_first_address_and_says_how_many_curl_calls():
    several = parse_curl_detailed("curl 'https://h/api/{a,b,c}?profile_id=[1-2]'")
    assert several.request.full_url() == "https://h/api/a?profile_id=1"
    assert any("pattern for 6 addresses" in note for note in several.notes)
    refused = parse_curl_detailed("curl 'https://wappi.pro/api/sync/get/status?profile_id={{profile_id}}'")
    assert refused.request.full_url().endswith("profile_id={{profile_id}}")
    assert any("curl would refuse this address" in note for note in refused.notes)
    off = parse_curl_detailed("curl -g 'https://h/x?filter={\"a\":1}'")
    assert off.request.full_url() == 'https://h/x?filter={"a":1}' and off.notes == []


# ---------------------------------------------------------------- real curl as the oracle

_JUNK = st.text(st.sampled_from("ab01-:,{}[]\\"), max_size=6)
_SET = st.lists(st.text(st.sampled_from("ab1\\,"), max_size=3), min_size=1, max_size=3).map(lambda e: "{" + ",".join(e) + "}")
_NUMBERS = st.tuples(st.sampled_from(["", "0", "00"]), st.integers(0, 12), st.integers(0, 12),
                     st.sampled_from(["", ":1", ":2", ":0", ":"]))
_LETTERS = st.tuples(st.sampled_from("abyz0"), st.sampled_from("abcz-"), st.sampled_from(["", ":2", ":9"]))
# Pieces of addresses: plain text, well-made sets and ranges (some with bad steps or backwards), and anything.
_PATTERN = st.lists(st.one_of(
    st.text(st.sampled_from("ab1=&"), max_size=3),
    _SET,
    _NUMBERS.map(lambda t: f"[{t[0]}{t[1]}-{t[2]}{t[3]}]"),
    _LETTERS.map(lambda t: f"[{t[0]}-{t[1]}{t[2]}]"),
    st.sampled_from(["[]", "[::1]", "\\{", "\\]"]),
    _JUNK,
), max_size=4).map("".join)


@pytest.fixture(scope="module")
def refused_port():
    # Bound and never listening: curl's connection is refused at once, and it still reports each address it tried.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed: it is the reference for these checks")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=_PATTERN)
def test_expansion_agrees_with_real_curl(tail, refused_port):
    url = f"http://127.0.0.1:{refused_port}/x?q={tail}"
    try:
        mine = expand_first(url)
    except GlobError:
        mine = None
    assume(mine is None or mine.count <= 40)  # curl tries every address: keep each run short
    done = subprocess.run(["curl", "-s", "-o", "/dev/null", "--connect-timeout", "2", "-w", "%{url_effective}\\n", url],
                          capture_output=True, text=True, timeout=60, check=False)
    called = done.stdout.splitlines()
    if mine is None:
        assert done.returncode == 3 and called == [], f"curl called {called[:3]} for {url!r}"
    else:
        assert (called[:1], len(called)) == ([mine.first], mine.count), f"{url!r}: curl called {called[:3]}…"


@settings(max_examples=300, deadline=200)
@given(st.text(max_size=200))
def test_any_address_gives_an_answer_or_curls_refusal(text):
    try:
        glob = expand_first(text)
    except GlobError:
        return
    assert glob.count >= 1 and isinstance(glob.first, str)


def test_time_grows_linearly():
    from tests.core.linearity import MAX_RATIO, growth

    for piece in ("{a,b}", "[1-2]", "\\{", "[::1]", "[", "{a,"):
        ratio = growth(lambda text: expand_first(text), lambda n, p=piece: "https://h/" + p * n, 5_000, (GlobError,))
        assert ratio < MAX_RATIO, f"{piece!r}: 4x the input took {ratio:.1f}x the time"
