"""The drafting tool reads both documentation pages whole, and its page reader copes with any text quickly."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.linearity import MAX_RATIO, growth
from tools.draft_collection import all_methods, neutral_text, parse_docs

REPO = Path(__file__).resolve().parents[2]
DOCS = Path(os.environ.get("WAPPI_SHARED") or REPO.parent / "shared") / "wappi-api" / "docs"
PIECES = ["POSTОтправить/api/sync/message/sendURL: https://wappi.pro/api/sync/message/send?profile_id=1", "Описание метода",
          "Request Body", " recipient", "string", "Да", "Нет\\*", "Query Params", "profile_id{{profile_id}}Обязательный параметр.",
          "Тело запроса raw", "{", "}", "Responses", "Ответ200{\"status\": \"done\"}", "Работа с чатами8 методов", "x"]


@pytest.fixture
def docs():
    if not DOCS.is_dir():
        pytest.skip(f"{DOCS} is not there; set WAPPI_SHARED to the shared folder")
    return DOCS


def test_both_pages_give_every_method_once_with_its_group(docs):
    methods = all_methods(docs)
    assert len(methods) == 161 and len({m.path for m in methods}) == 161
    assert all(m.group for m in methods)
    tg_send = next(m for m in methods if m.path == "/tapi/sync/message/send")
    assert {f["name"]: f["required"] for f in tg_send.fields}["recipient"] is True


def test_real_looking_data_is_replaced_by_samples():
    text = neutral_text('"79115576369" https://webhook.site/abc 71ad40e9-b023 login1:pass2@192.168.1.1:8000')
    assert "79990000000" in text and "example.com/webhook" in text and "abcd1234-ef56" in text and "192.168" not in text


@settings(deadline=2000, max_examples=60)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_the_page_reader_never_fails_on_any_arrangement_of_its_pieces(pieces):
    for method in parse_docs("\n".join(pieces), "wa"):
        assert method.method in ("GET", "POST") and method.path.startswith("/")


def test_reading_time_grows_linearly_with_the_page():
    page = "\n".join(PIECES * 50)

    assert growth(lambda text: parse_docs(text, "wa"), lambda n: page * n, 1, ()) < MAX_RATIO
