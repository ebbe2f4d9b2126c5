"""The request target goes out as written; only what cannot travel is percent-encoded (newman's sets)."""
from desktop.core.models import KeyValue, Request, split_url
from desktop.core.sender import make_client, send
from desktop.core.wireurl import target


def test_path_and_query_are_kept_as_written():
    for url, expected in [
        ("https://h/./a/../b?flag&x=1&&y=", "/./a/../b?flag&x=1&&y="),
        ("https://h/p%2Fq/ x\"<>`{}?q=%41 '\"", "/p%2Fq/%20x%22%3C%3E%60%7B%7D?q=%41%20%27%22"),
        ("https://h", "/"),
        ("https://h?x", "/?x"),
        ("https://h/путь?q=мир", "/%D0%BF%D1%83%D1%82%D1%8C?q=%D0%BC%D0%B8%D1%80"),
        ("https://h/p#frag", "/p"),
    ]:
        base, params = split_url(url)
        assert target(base, params) == expected, url


def test_a_value_cannot_split_its_row():
    assert target("https://h/p", [KeyValue("a=b", "c&d=e")]) == "/p?a%3Db=c%26d=e"
    assert target("https://h/p", [KeyValue("x", "1", enabled=False)]) == "/p"


def test_the_wire_gets_the_target_and_a_redirect_gets_its_own(loopback):
    request = Request("GET", loopback.url + "/./text", params=[KeyValue("flag", bare=True), KeyValue("", bare=True)])
    with make_client() as client:
        send(request, client)
        assert loopback.arrived[-1].path == "/./text?flag&"
        send(Request("GET", loopback.url + "/redirect"), client)
    assert [a.path for a in loopback.arrived[-2:]] == ["/redirect", "/x"]
