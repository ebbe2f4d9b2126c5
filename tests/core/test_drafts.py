"""Drafts: a damaged draft of any shape is skipped by name and left as it is."""
from __future__ import annotations

import pytest

from desktop.core.drafts import Drafts
from tests.core.hostile import plant, variants

GOOD = {"schema_version": 1, "kind": "draft", "key": "new:1", "saved_at": 1.0, "meta": {},
        "request": {"method": "POST", "url": "http://x/", "headers": [{"name": "A", "value": "b"}],
                    "body": {"kind": "json", "text": "{}", "attachments": [{"id": "f", "size": 3}]}}}


@pytest.mark.parametrize("label, raw", list(variants(GOOD)), ids=lambda v: v if isinstance(v, str) else "")
def test_a_hostile_draft_is_skipped_by_name(tmp_path, label, raw):
    drafts = Drafts(tmp_path)
    path = plant(drafts._path("new:1"), raw)
    restored, problems = drafts.restore()
    for draft in restored:
        draft.request.full_url()
        draft.request.to_dict()
    drafts.get("new:1")
    assert restored or path.name in " ".join(problems)
    assert path.read_bytes() == raw
