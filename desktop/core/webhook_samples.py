"""The documented webhook payloads (ENDPOINTS.md §3.3, WA docs), one per wh_type, with the docs' placeholder values."""
from __future__ import annotations

import copy
from typing import Any

# The seven WhatsApp types in the order of the docs' types/set example; the course names only five (§6 row 14).
WH_TYPES = (
    "incoming_message",
    "delivery_status",
    "outgoing_message_phone",
    "outgoing_message_api",
    "authorization_status",
    "application_status",
    "incoming_call",
)

_OUTGOING_API = {
    "wh_type": "outgoing_message_api", "profile_id": "abcd1234-ef56", "id": "3EB0220348D7366EE7067B",
    "body": "тест", "type": "chat", "from": "79990000001@c.us", "to": "79990000000@c.us", "senderName": "Оператор",
    "chatId": "79990000000@c.us", "timestamp": "2023-12-05T13:10:21+03:00", "time": 1701771021, "from_where": "api",
    "contact_name": "Иван", "is_forwarded": False, "isReply": False, "is_edited": False, "stanza_id": "",
    "task_id": "faede625-0f03-46e9-8f56-dae5a89887df", "chat_type": "dialog",
}

# `messages` is a list for most types but a single object for delivery_status and incoming_call, as in the docs.
_SAMPLES: dict[str, dict[str, Any]] = {
    "incoming_message": {"messages": [{
        "wh_type": "incoming_message", "profile_id": "abcd1234-ef56", "id": "3A945DD9CDD3016BE11B",
        "body": "Ответ на сообщение", "type": "chat", "from": "79990000000@c.us", "to": "79990000001@c.us",
        "senderName": "Ivan", "chatId": "79990000000@c.us", "timestamp": "2024-10-21T11:27:57+03:00", "time": 1729499277,
        "caption": None, "from_where": "phone", "contact_name": "Иван", "is_forwarded": False, "isReply": True,
        "is_edited": False, "stanza_id": "3A9DA038CF9A2CD87E66", "is_me": False, "chat_type": "dialog",
        "thumbnail": "https://…", "picture": "https://…", "wappi_bot_id": "", "is_deleted": False, "is_bot": False,
        "reply_message": {"id": "3A9DA038CF9A2CD87E66", "body": "https://…", "type": "image",
                          "caption": "Картинка", "file_name": "….jpg"},
    }]},
    "delivery_status": {"messages": {
        "id": "3EB0B9085608CCF26A7607", "profile_id": "abcd1234-ef56", "wh_type": "delivery_status",
        "timestamp": "2025-10-23T15:45:14+03:00", "time": 1761223514,
        "from": "79990000001@c.us", "to": "79990000000@c.us", "chat_id": "79990000000@c.us",
        "status": "pending", "task_id": "47208660-3c55-4ad7-bb1d-ff4427f7a262",
    }},
    "outgoing_message_api": {"messages": [_OUTGOING_API]},
    "outgoing_message_phone": {"messages": [{
        **{k: v for k, v in _OUTGOING_API.items() if k != "task_id"},
        "wh_type": "outgoing_message_phone", "from_where": "phone",
    }]},
    "authorization_status": {"messages": [{
        "wh_type": "authorization_status", "profile_id": "abcd1234-ef56", "status": "offline",
        "reason": "logout from api", "phone": "79990000001",
        "timestamp": "2023-11-13T17:00:02.57417156+03:00", "time": 1699884002,
    }]},
    "application_status": {"messages": [{
        "wh_type": "application_status", "profile_id": "abcd1234-ef56", "status": "online",
        "phone": "79990000001", "timestamp": "2024-03-02T15:52:27.996591556+03:00", "time": 1709383947,
    }]},
    "incoming_call": {"messages": {
        "wh_type": "incoming_call", "type": "incoming_call",
        "contact": {"Found": True, "FirstName": "Иван", "FullName": "Иван", "PushName": "Ivan", "BusinessName": ""},
        "profile_id": "abcd1234-ef56", "number": "79990000000",
        "timestamp": "2023-07-17T17:40:34+03:00", "time": 1689604834,
    }},
}


def sample(wh_type: str) -> dict[str, Any]:
    """A fresh copy of the documented payload for `wh_type`; ValueError for a type the API does not have."""
    if wh_type not in _SAMPLES:
        raise ValueError(f"unknown wh_type {wh_type!r}; known: {', '.join(WH_TYPES)}")
    return copy.deepcopy(_SAMPLES[wh_type])


def wh_type_of(payload: Any) -> str:
    """The wh_type of a received payload (`messages` may be a list or one object), or "" when it has none."""
    messages = payload.get("messages") if isinstance(payload, dict) else None
    first = messages[0] if isinstance(messages, list) and messages else messages
    value = first.get("wh_type") if isinstance(first, dict) else None
    return value if isinstance(value, str) else ""
