"""desktop/core/history.py: what a send leaves in the client's history, opened again as it was sent; a damaged
history file of any shape is set aside by name, never overwritten, and reads as empty."""
from __future__ import annotations

import pytest

from desktop.core.history import History
from desktop.core.models import Auth, KeyValue, Request, split_url
from tests.core.hostile import plant, variants


def test_a_request_opened_from_history_sends_what_was_sent(tmp_path):
    base, params = split_url("https://wappi.pro/api/{{path}}/get/status?debug&profile_id=p1&token=Qx7f3aSecret")
    request = Request(url=base, params=params, verify=False, follow_redirects=False,
                      path_variables=[KeyValue("path", "sync-Qx7f3aSecret")], omit_headers=["User-Agent"],
                      auth=Auth("bearer", {"token": "Qx7f3aSecret"}))
    History(tmp_path).add("Acme", request, mask=lambda text: text.replace("Qx7f3aSecret", "•••"))
    kept = History(tmp_path).entries("Acme")[0].request
    # The query piece without "=" stays bare, the options stay, the secret is masked wherever it was.
    assert kept.full_url() == "https://wappi.pro/api/{{path}}/get/status?debug&profile_id=p1&token=•••"
    assert (kept.verify, kept.follow_redirects, kept.omit_headers) == (False, False, ["User-Agent"])
    assert [(v.name, v.value) for v in kept.path_variables] == [("path", "sync-•••")]
    # Auth settings only make headers at send time; the headers sent are what history shows.
    assert kept.auth is None


GOOD = {"schema_version": 1, "kind": "history", "client": "C", "entries": [
    {"time": 1.0, "method": "GET", "url": "u", "status": 200, "reason": "OK", "duration_ms": 1.0, "error": "",
     "request": {"method": "GET", "url": "http://x/", "params": [{"name": "a", "value": "b"}], "headers": [],
                 "body": {"kind": "none", "text": ""}}}]}


@pytest.mark.parametrize("label, raw", list(variants(GOOD)), ids=lambda v: v if isinstance(v, str) else "")
def test_a_hostile_history_file_never_stops_the_app(tmp_path, label, raw):
    history = History(tmp_path)
    path = plant(history._path("C"), raw)
    entries = history.entries("C")
    for entry in entries:
        entry.request.full_url()
    # Either it was read as it is, or it was kept aside unchanged.
    aside = [p.read_bytes() for p in path.parent.iterdir() if p != path]
    assert aside == [raw] if not path.exists() else path.read_bytes() == raw and aside == []
    history.search("C", "x")
    history.add("C", Request(url="http://y/"))


def test_a_request_holding_a_lone_surrogate_is_recorded_and_read_back(tmp_path):
    from desktop.core.drafts import Drafts

    odd = Request("GET", "https://h/x", [KeyValue("q", "a\ud800b")])
    History(tmp_path).add("C", odd, error="x")
    assert History(tmp_path).entries("C")[0].request.params[0].value == "a\ud800b"
    Drafts(tmp_path).save("new:1", odd)
    assert Drafts(tmp_path).restore()[0][0].request.params[0].value == "a\ud800b"
