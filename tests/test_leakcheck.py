"""The leak-test helper finds a secret however it was written, and stays quiet when it is absent."""
from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest

from tests.leakcheck import assert_no_secret_in_tree

SECRET = "tok3n/with+odd=chars ёж"


@pytest.mark.parametrize(
    "content",
    [
        SECRET.encode(),
        quote(SECRET, safe="").encode(),
        quote(SECRET, safe="").lower().encode(),
        json.dumps({"token": SECRET}).encode(),
        base64.b64encode(SECRET.encode()),
        base64.b64encode(b"user:" + SECRET.encode()),  # Basic auth, secret not aligned to 3 bytes
        base64.b64encode(b"ab" + SECRET.encode() + b"xyz"),
        base64.urlsafe_b64encode(b"a" + SECRET.encode()),
    ],
)
def test_finds_every_encoding(tmp_path, content):
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "history.db").write_bytes(b"prefix " + content + b" suffix")
    with pytest.raises(AssertionError) as info:
        assert_no_secret_in_tree([tmp_path], SECRET)
    assert "history.db" in str(info.value) and SECRET not in str(info.value)


def test_clean_tree_passes_and_counts_files(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"token": "••••••"}), encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)))
    assert assert_no_secret_in_tree([tmp_path, tmp_path / "missing"], SECRET) == 2


def test_empty_secret_is_refused(tmp_path):
    with pytest.raises(ValueError):
        assert_no_secret_in_tree([tmp_path], "")
