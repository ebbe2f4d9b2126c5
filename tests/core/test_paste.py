"""What every importer shares: the paste checks (empty, huge, binary, broken characters) and the kind of body."""
from __future__ import annotations

import pytest

from desktop.core.paste import PasteError, body_kind, check_text


@pytest.mark.parametrize("text, words", [
    ("", "empty"), (" \u00a0\u3000\n", "empty"), (b"\xff\xfe", "binary"), (None, "no text"),
    ("curl https://h/?a=\ud800", "broken character"), ("\udfff", "broken character"),
])
def test_refusals_are_words(text, words):
    with pytest.raises(PasteError, match=words):
        check_text(text)


def test_body_kind():
    assert body_kind("", None) == "none"
    assert body_kind('{"a": 1}', None) == "json"
    assert body_kind("{oops", None) == "text"
    assert body_kind("x", "application/json; charset=utf-8") == "json"
