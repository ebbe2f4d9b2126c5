"""desktop/core/history.py: what a send leaves in the client's history, opened again as it was sent."""
from __future__ import annotations

from desktop.core.history import History
from desktop.core.models import Auth, KeyValue, Request, split_url


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
