"""Postman's dynamic variables get a fresh plausible value each time; unknown ones are asked for."""
import re
import uuid
from datetime import datetime

from desktop.core.models import Request
from desktop.core.variables import resolve


def test_dynamic_variables_fill_in_and_differ_each_time():
    request = Request("POST", "https://h/{{$guid}}", name="x")
    request.body.kind, request.body.text = "json", '{"t": {{$timestamp}}, "iso": "{{$isoTimestamp}}", "n": {{$randomInt}}, "m": {{$randomInt}}, "e": "{{$randomEmail}}"}'
    sent, missing = resolve(request, {})
    assert not missing
    uuid.UUID(sent.url.rsplit("/", 1)[1])
    values = re.match(r'\{"t": (\d+), "iso": "([^"]+)", "n": (\d+), "m": (\d+), "e": "([^"]+)"\}', sent.body.text).groups()
    assert abs(int(values[0]) - datetime.now().timestamp()) < 3600
    datetime.fromisoformat(values[1].replace("Z", "+00:00"))
    assert 0 <= int(values[2]) <= 1000 and "@" in values[4]
    assert resolve(request, {})[0].url != sent.url
    assert resolve(Request("GET", "https://h/{{$noSuchThing}}"), {})[1] == ["$noSuchThing"]
    assert resolve(Request("GET", "https://h/{{$guid}}"), {"$guid": "mine"})[0].url == "https://h/mine"
