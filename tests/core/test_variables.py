"""{{variable}} resolution: values filled, missing names reported, secrets read at send time only."""
from desktop.core.models import Body, KeyValue, Request
from desktop.core.variables import Environment, Variable, fill_path_variables, names_in, resolve


def test_resolve_fills_every_part_and_reports_missing():
    request = Request(
        method="POST",
        url="{{base_url}}/api/sync/message/send",
        params=[KeyValue("profile_id", "{{profile_id}}"), KeyValue("off", "{{nothing}}", enabled=False)],
        headers=[KeyValue("Authorization", "{{ token }}")],
        body=Body("json", '{"recipient": "{{recipient}}"}'),
    )
    resolved, missing = resolve(request, {"base_url": "https://h", "profile_id": "p1", "token": "t"})
    assert resolved.full_url() == "https://h/api/sync/message/send?profile_id=p1"
    assert resolved.header("Authorization") == "t"
    assert missing == ["recipient"]  # the disabled row is not sent, so its variable does not matter


def test_secret_values_come_from_the_lookup_and_never_into_the_file():
    env = Environment("Client A", [Variable("token", "", secret=True), Variable("profile_id", "p1")])
    values = env.values(lambda env_name, name: f"{env_name}:{name}")
    assert values == {"token": "Client A:token", "profile_id": "p1"}
    env.set("token", "real-secret")
    assert "real-secret" not in str(env.to_dict())
    assert Environment.from_dict(env.to_dict()).get("token").secret


def test_token_is_secret_by_default():
    assert Variable.from_dict({"name": "token", "value": "x"}).secret
    assert Variable.from_dict({"name": "token", "value": "x"}).value == ""


def test_names_in():
    assert names_in("{{a}}/{{ b }}/{c}") == ["a", "b"]


def test_a_variable_defined_empty_on_purpose_is_sent_empty_others_are_asked_for():
    from desktop.core.postman import parse_collection

    imported = parse_collection('{"info": {"name": "c"}, "item": [], "variable": [{"key": "note", "value": ""}]}')
    environment = Environment("Acme", imported.variables)
    again = Environment.from_dict(environment.to_dict())
    assert again.values() == {"note": ""}
    assert any("«note»" in n for n in imported.notes)
    assert Environment("Acme", [Variable("profile_id", "")]).values() == {}  # the agent has yet to fill it in
    request = Request("GET", "https://h/x?n={{note}}&p={{profile_id}}")
    request.set_full_url(request.url)
    assert resolve(request, again.values())[1] == ["profile_id"]


def test_a_path_variable_switched_off_leaves_its_segment_as_typed():
    on, off = KeyValue("id", "7"), KeyValue("id", "7", enabled=False)
    assert fill_path_variables("https://h/users/:id.json", [on]) == "https://h/users/7.json"
    assert fill_path_variables("https://h/users/:id.json", [off]) == "https://h/users/:id.json"
