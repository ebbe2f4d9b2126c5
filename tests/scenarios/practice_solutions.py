"""How an agent solves each practice exercise, as edits of the starting request; shared by the core and window tests."""
from __future__ import annotations

import re

from desktop.core.models import KeyValue, Request

# Each step: ("send",) sends the request as it is now (to read the answer first); the other steps edit it.
SOLUTIONS: dict[str, list[tuple]] = {
    "json-single-quotes": [("body", lambda text, v: text.replace("'", '"'))],
    "json-phone-number": [("body", lambda text, v: re.sub(r'"recipient": (\d+)', r'"recipient": "\1"', text))],
    "json-missing-comma": [("body", lambda text, v: text.replace('"79990000000"\n', '"79990000000",\n'))],
    "json-true-capital": [("body", lambda text, v: text.replace("True", "true"))],
    "token-wrong": [("header", "Authorization", lambda v: v["token"])],
    "token-bearer": [("header", "Authorization", lambda v: v["token"])],
    "token-quotes": [("header", "Authorization", lambda v: v["token"])],
    "missing-field": [("body", lambda text, v: text.replace("{\n", '{\n  "recipient": "79990000000",\n', 1))],
    "wrong-profile-id": [("param", "profile_id", lambda v: v["profile_id"])],
    "wrong-method": [("method", "POST")],
    "http-not-https": [("url", lambda url: url.replace("http://", "https://"))],
    "missing-content-type": [("header", "Content-Type", lambda v: "application/json")],
    "course-path-qr": [("url", lambda url: url.replace("/sync/get/qr", "/sync/qr/get"))],
    "number-starts-with-8": [("body", lambda text, v: text.replace('"89991234567"', '"79991234567"'))],
    "base64-line-breaks": [("body", lambda text, v: text.replace("\\n", ""))],
    "profile-not-authorized": [("send",), ("url", lambda url: url.replace("/sync/get/status", "/sync/qr/get"))],
    "webhook-type-off": [("send",), ("method", "POST"), ("url", lambda url: url.replace("/api/sync/get/status", "/api/webhook/types/set")),
                         ("body", lambda text, v: '["authorization_status", "incoming_message", "delivery_status"]')],
    "webhook-receiver-500": [("send",), ("choice", "500")],
    "delivery-status-undelivered": [("send",), ("choice", "not-on-whatsapp")],
}

# A typical wrong attempt per kind of exercise, and words its explanation must contain.
WRONG = {
    "json-single-quotes": ([("body", lambda text, v: text.replace("'recipient'", '"recipient"', 1))], "single quote"),
    "token-bearer": ([("header", "Authorization", lambda v: "Bearer  " + v["token"])], "Bearer"),
    "http-not-https": ([], "http://"),
    "webhook-receiver-500": ([("send",), ("choice", "200")], "webhook tries"),
}


def edit(request: Request, step: tuple, values: dict[str, str]) -> Request:
    """One edit step on a Request model (the window test performs the same steps on the widgets)."""
    request = request.copy()
    kind = step[0]
    if kind == "body":
        request.body.text = step[1](request.body.text, values)
        request.body.kind = "json"
    elif kind == "header":
        value = step[2](values)
        rows = [h for h in request.headers if h.name.lower() != step[1].lower()]
        request.headers = rows + [KeyValue(step[1], value)]
    elif kind == "param":
        request.params = [KeyValue(p.name, step[2](values)) if p.name == step[1] else p for p in request.params]
    elif kind == "method":
        request.method = step[1]
    elif kind == "url":
        request.url = step[1](request.url)
    return request
