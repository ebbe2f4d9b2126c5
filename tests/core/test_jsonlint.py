"""The JSON linter: one test per problem code with its exact place, the JSONTestSuite, and property tests."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.jsonlint import apply_fix, fix, lint
from tests.core.linearity import MAX_RATIO, growth

COURSE_EXAMPLE = """{
'name': 'Иван', // Одинарные кавычки — ОШИБКА!
"phone": 79990001122, // Номер телефона должен быть строкой
"text": "Привет" // Нет запятой после — ОШИБКА!
"active": True // True с большой буквы — ОШИБКА!
}"""

SEND_RULES = {"body": {"recipient": {"type": "string", "required": True, "format": "recipient"},
                       "body": {"type": "string", "required": True},
                       "latitude": {"type": "number"}}}


def only(text: str, rules=None):
    problems = lint(text, rules)
    assert len(problems) == 1, problems
    return problems[0]


def place(problem):
    return problem.code, problem.line, problem.column, problem.end_line, problem.end_column


@pytest.mark.parametrize("text, expected", [
    ("{'a': 1}", ("single-quotes", 1, 2, 1, 5)),
    ('{“a”: 1}', ("smart-quotes", 1, 2, 1, 5)),
    ('{"a": True}', ("python-literal", 1, 7, 1, 11)),
    ('{"a": 1\n "b": 2}', ("missing-comma", 2, 2, 2, 5)),
    ('{"a": 1,}', ("trailing-comma", 1, 8, 1, 9)),
    ('{"a": 1} // note', ("comment", 1, 10, 1, 17)),
    ('{a: 1}', ("unquoted-key", 1, 2, 1, 3)),
    ('{"a": [1, 2}', ("unclosed-bracket", 1, 7, 1, 8)),
    ('{"a": , "b": 1}', ("unexpected-token", 1, 7, 1, 8)),
    ('{"a": "x\ty"}', ("control-character", 1, 9, 1, 10)),
    ('{"a": "\\x"}', ("invalid-escape", 1, 8, 1, 10)),
    ('{"a": 012}', ("invalid-number", 1, 7, 1, 10)),
    ('{"a": 1} x', ("trailing-data", 1, 10, 1, 11)),
    ('{"a":\u00a01}', ("invisible-character", 1, 6, 1, 7)),
    ('{"a": 1, "a": 2}', ("duplicate-key", 1, 10, 1, 13)),
    ("   ", ("empty", 1, 1, 1, 2)),
    ('{"phone": 79990001122}', ("phone-as-number", 1, 11, 1, 22)),
    ('{"recipient": "89990001122"}', ("bad-recipient", 1, 15, 1, 28)),
])
def test_each_code_at_its_exact_place(text, expected):
    assert place(only(text)) == expected


def test_unterminated_string_points_at_its_opening_quote():
    problems = lint('{"body": "Привет,\n "recipient": "79990001122"\n}')
    assert place(problems[0])[:3] == ("unterminated-string", 1, 10)
    assert [p.code for p in problems] == ["unterminated-string"]


def test_course_example_reports_every_mistake_in_order_with_the_correct_form():
    problems = lint(COURSE_EXAMPLE)
    assert [p.code for p in problems] == [
        "single-quotes", "single-quotes", "comment", "phone-as-number", "comment", "comment",
        "missing-comma", "python-literal", "comment"]
    assert [(p.line, p.column) for p in problems][:4] == [(2, 1), (2, 9), (2, 17), (3, 10)]
    phone = problems[3]
    assert 'Correct: "phone": "79990001122"' in phone.message


def test_fix_repairs_the_course_example_and_offers_the_phone_as_text():
    fixed = fix(COURSE_EXAMPLE)
    assert json.loads(fixed) == {"name": "Иван", "phone": 79990001122, "text": "Привет", "active": True}
    # Turning a number into text changes what the body says: offered with one click, never applied unasked.
    phone = only(fixed)
    assert phone.code == "phone-as-number" and phone.field == "phone" and not phone.fix.safe
    assert json.loads(apply_fix(fixed, phone.fix))["phone"] == "79990001122"


@pytest.mark.parametrize("text, expected", [
    ('{“name”: “Иван”,}', {"name": "Иван"}),
    ("{'a': None, b: False} // x", {"a": None, "b": False}),
    ('{"a": [1, 2', {"a": [1, 2]}),
    ('{"a": [1 2] /* c */}', {"a": [1, 2]}),
    ('{"a": "x\ny"}', {"a": "x\ny"}),
    ('{"a": +1, "b": .5}}', {"a": 1, "b": 0.5}),
    ('{"body": "Привет,\n "recipient": "79990001122"\n', {"body": "Привет", "recipient": "79990001122"}),
])
def test_fix_makes_fixable_bodies_parse(text, expected):
    assert json.loads(fix(text)) == expected


def test_one_problem_fix_changes_only_its_spot():
    problem = lint("{'a': 1, \"b\": True}")[0]
    assert apply_fix("{'a': 1, \"b\": True}", problem.fix) == '{"a": 1, "b": True}'


def test_russian_messages(monkeypatch):
    from desktop import i18n

    i18n.set_language("ru")
    message = only('{"phone": 79990001122}').message
    assert 'Правильно: "phone": "79990001122"' in message


def test_rules_missing_field_wrong_type_and_format():
    problems = lint('{"recipient": "+7 999 000-11-22", "latitude": "55.7"}', SEND_RULES)
    codes = [(p.code, p.column) for p in problems]
    assert ("missing-field", 1) in codes
    assert ("bad-recipient", 15) in codes
    assert ("wrong-type", 47) in codes
    assert all(p.severity == "error" for p in problems)
    body = '{"body": "x", "recipient": "79990001122", "latitude": "55.7"}'
    assert fix(body, SEND_RULES) == body  # a valid body's values are the client's: changed only by hand
    wrong = only(body, SEND_RULES)
    assert (wrong.code, wrong.field, wrong.kind) == ("wrong-type", "latitude", "number")
    assert json.loads(apply_fix(body, wrong.fix))["latitude"] == 55.7


def test_rules_phone_as_number_and_clean_body():
    assert [p.code for p in lint('{"recipient": 79990001122, "body": "x"}', SEND_RULES)] == ["phone-as-number"]
    assert lint('{"recipient": "79990001122@c.us", "body": "x"}', SEND_RULES) == []
    assert lint('{"recipient": "{{phone}}", "body": "x"}', SEND_RULES) == []


def test_array_body_rules_and_malformed_rules():
    rules = {"body": {"type": "array", "items": {"type": "string"}}}
    assert lint('["incoming_message", "delivery_status"]', rules) == []
    assert [p.code for p in lint('["incoming_message", 5]', rules)] == ["wrong-type"]
    assert [p.code for p in lint('{"a": 1}', rules)] == ["wrong-type"]
    for bad in ({"body": 5}, {"body": {"x": 3}}, [], "rules"):
        assert lint('{"a": 1}', bad) == []


def test_bad_input_does_not_raise_or_hang():
    for text in ("[" * 10000, "[" * 10000 + "]" * 10000, '{"a":' * 10000, '"' + "a" * 2_000_000,
                 "x" * 1_000_000, "\x00" * 100, '["\ud800"]', "\ud800", "'" * 10000, '"\n' * 10000):
        problems = lint(text)
        assert isinstance(problems, list)
        fix(text)
    assert lint("[" * 10000 + "]" * 10000) == []


def test_jsontestsuite_conformance(shared_dir):
    folder = shared_dir / "corpora" / "jsontestsuite"
    checked = 0
    for path in sorted(folder.glob("*.json")):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor only ever holds text
        errors = [p for p in lint(text) if p.severity == "error"]
        if path.name.startswith("y_"):
            assert not errors, (path.name, errors)
        elif path.name.startswith("n_"):
            assert errors, path.name
        checked += 1
    assert checked > 250


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(
        st.text() | st.sampled_from(["recipient", "phone", "chat_id", "b64_file", "url"]), children),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_lint_never_raises(text):
    for problem in lint(text):
        assert 0 <= problem.start <= problem.end <= len(text)
    fix(text)


@settings(max_examples=200, deadline=None)
@given(json_values, st.sampled_from([None, 2]), st.booleans())
def test_fix_keeps_valid_json(value, indent, ascii_only):
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert json.loads(fix(text)) == value


# ---------------------------------------------------------------- the app's placeholders are not mistakes

PLACEHOLDER_BODIES = [
    '{"recipient": "79990001122", "b64_file": "{{file:photo.jpg}}"}',
    '{"recipient": "79990001122", "b64_file": "{{file:scan-1_2.pdf}}", "caption": "{{ caption }}"}',
    '{"recipient": "{{phone}}", "body": "{{text}}"}',
    '{"recipient": {{phone}}, "body": "x"}',
    '{"recipient": "79990001122", "body": "x", "latitude": {{lat}}}',
    '{"recipient": "79990001122", "body": "x", "url": "{{base_url}}/files/a.pdf"}',
    '{"recipient": "79990001122", "body": "Заказ {{ order_id }} готов"}',
    '{"recipient": "79990001122", "body": "x", {{extra_key}}: 1}',
    '{"recipient": "79990001122", "body": "x", "items": [{{a}}, {{b}}, "c"]}',
    '{{whole_body}}',
]
FILE_RULES = {"body": {**SEND_RULES["body"], "body": {"type": "string"},
                       "b64_file": {"type": "string", "format": "base64"}, "url": {"type": "string", "format": "url"}}}


@pytest.mark.parametrize("text", PLACEHOLDER_BODIES)
def test_placeholders_are_never_reported(text):
    rules = None if text == "{{whole_body}}" else FILE_RULES
    assert lint(text, rules) == [] and lint(text) == []
    assert fix(text, rules) == text


def test_a_placeholder_does_not_hide_a_real_mistake():
    problems = lint("{'recipient': {{phone}}, \"b64_file\": \"data:image/png;base64,{{file:x.png}}\"}", FILE_RULES)
    assert [(p.code, p.field, p.kind) for p in problems] == [
        ("single-quotes", "", ""), ("bad-format", "b64_file", "data-prefix")]


# ---------------------------------------------------------------- a safe fix gives valid JSON

@pytest.mark.parametrize("text", ['{"a":1{"b":2}}', '{“a\\u”: 1}', "{'a\\\"b': 1}", "{'a': 'x\ty'}",
                                  '{"a": "x\\', '[1 2 {"a" 3}]'])
def test_safe_means_the_result_parses(text):
    problems = lint(text)
    errors = [p for p in problems if p.severity == "error"]
    if errors and all(p.fix is not None and p.fix.safe for p in errors):
        json.loads(fix(text))


def test_the_two_reported_cases():
    assert not any(p.fix and p.fix.safe for p in lint('{"a":1{"b":2}}'))
    assert json.loads(fix('{“a\\u”: 1}')) == {"a\\u": 1}


def test_fix_has_no_problem_limit():
    text = "[" + ", ".join(["'x'"] * 6000 + ["True"] * 6000) + "]"
    assert json.loads(fix(text)) == ["x"] * 6000 + [True] * 6000


json_like = st.lists(st.sampled_from(list('{}[]:,"\'“” \n\tabTrueNonFals019.-+\\/#*') + ["\u00a0", "{{x}}"]),
                     max_size=60).map("".join)


@settings(max_examples=400, deadline=timedelta(seconds=3))
@given(json_like)
def test_safe_fixes_yield_valid_json(text):
    problems = lint(text)
    for problem in problems:
        assert 0 <= problem.start <= problem.end <= len(text)
    errors = [p for p in problems if p.severity == "error"]
    fixed = fix(text)
    if errors and all(p.fix is not None and p.fix.safe for p in errors):
        assert not [p for p in lint(fixed) if p.severity == "error"], (text, fixed)
        if "{{" not in fixed:
            json.loads(fixed)


@settings(max_examples=200, deadline=timedelta(seconds=3))
@given(st.text(max_size=300))
def test_lint_and_fix_never_raise_within_a_time_bound(text):
    lint(text, SEND_RULES)
    fix(text, SEND_RULES)


# ---------------------------------------------------------------- linear time on long repetitive inputs

# Sizes where the smaller input takes tens of milliseconds, so the ratio is not noise.
@pytest.mark.parametrize("make, size", [
    (lambda n: '{"a": "' + "\t" * n + '"}', 400_000),
    (lambda n: '{"a": "' + "\n" * n + '"}', 400_000),
    (lambda n: '{"a": "' + "\t\n\x01" * (n // 3) + '"}', 400_000),
    (lambda n: "\t" * n, 400_000),
    (lambda n: '{"a": "' + "x" * n, 400_000),
    (lambda n: '{"a": "' + "\\x" * (n // 2) + '"}', 20_000),
    (lambda n: "[" + "'a'," * (n // 4) + "1]", 20_000),
    (lambda n: "[" + "True " * (n // 5) + "]", 20_000),
    (lambda n: "//c\n" * (n // 4) + "{}", 20_000),
    (lambda n: "[" + "{{x}}," * (n // 6) + "1]", 20_000),
], ids=["tabs", "newlines", "mixed-controls", "bare-tabs", "unterminated", "bad-escapes", "single-quotes",
        "literals", "comments", "placeholders"])
def test_lint_and_fix_are_linear(make, size):
    assert growth(lambda text: (lint(text), fix(text)), make, size, ()) < MAX_RATIO


# ---------------------------------------------------------------- the valid-JSON fast path says what the scanner says

_spaces = st.sampled_from(["", " ", "\n  ", "\t"])
_scalar_tokens = (
    st.from_regex(r"\A[-]?(0|[1-9][0-9]{0,11})(\.[0-9]{1,3})?([eE][-+]?[0-9]{1,2})?\Z")
    | st.sampled_from(["true", "false", "null", '"79990001122"', '"89990001122"', '"9990001122"',
                       '"+7 999 000-11-22"', '"120363@g.us"', '"@user"', '""', '"55.7"', '"True"',
                       '"data:image/png;base64,iVBO"', '"/9j/4AAQ=="', '"a b!"', '"https://x.ru/a"', '"ftp:x"',
                       '"{{token}}"', '"\\u0041"', '"x\u200by"', '"Привет"'])
    | st.text(max_size=8).map(json.dumps)
)
_keys = st.sampled_from(["recipient", "phone", "Phone", "chat_id", "home_phone", "body", "latitude", "b64_file",
                         "url", "caption", "items", "x", "re\\u0063ipient"])


def _object(members):
    return "{" + ",".join(f'{a}"{key}"{b}:{c}{value}' for key, (a, b, c), value in members) + "}"


_json_texts = st.recursive(
    _scalar_tokens,
    lambda inner: st.lists(st.tuples(_spaces, inner, _spaces)).map(
        lambda values: "[" + ",".join(a + value + b for a, value, b in values) + "]")
    | st.lists(st.tuples(_keys, st.tuples(_spaces, _spaces, _spaces), inner)).map(_object),
    max_leaves=12,
).flatmap(lambda text: st.tuples(_spaces, _spaces).map(lambda around: around[0] + text + around[1]))

_RULE_SETS = [None, SEND_RULES, FILE_RULES, {"body": {"recipient": {"type": "string"}}},
              {"body": {"type": "array", "items": {"type": "string"}}}, {"body": {"type": "object"}},
              {"body": {"items": {"type": "array"}, "latitude": {"type": "integer", "required": True}}}]


@settings(max_examples=300, deadline=None)
@given(_json_texts, st.sampled_from(_RULE_SETS))
def test_strict_json_gets_the_scanners_findings_at_the_scanners_places(text, rules):
    from desktop.core.jsonlint import _scanned

    assert lint(text, rules) == _scanned(text, rules)


def test_rule_findings_of_a_valid_body_keep_their_places_and_tokens():
    body = '{\n  "recipient": "89990001122",\n  "latitude": "55.70",\n  "items": [1.50, {"a": 1}],\n  "b64_file": "a!"\n}'
    rules = {"body": {**SEND_RULES["body"], "b64_file": {"type": "string", "format": "base64"},
                      "items": {"type": "object"}}}
    problems = lint(body, rules)
    assert [(p.code, p.field, p.line, p.column, p.end_column) for p in problems] == [
        ("missing-field", "body", 1, 1, 2), ("bad-recipient", "recipient", 2, 16, 29),
        ("wrong-type", "latitude", 3, 15, 22), ("wrong-type", "items", 4, 12, 13), ("bad-format", "b64_file", 5, 15, 19)]
    assert problems[1].fix.replacement == '"79990001122"' and problems[2].fix.replacement == "55.70"
    assert lint('{"recipient": 79990001122}', rules)[1].fix.replacement == '"79990001122"'
    assert lint('{"recipient": 7.999e10}', rules)[1].fix.replacement == '"7.999e10"'  # the token as typed


_MISTAKES = st.sampled_from(["'", "True", "//c\n", ",", "{", "]", "\u200b", ' "phone": 1', "NaN", '"a":1,"a":2',
                             "\u00a0", "{{x}}", '"', "\n", "\t", "1 2", ":", '{"x": 1}', "[[", "]]"])


@settings(max_examples=300, deadline=None)
@given(_json_texts, st.lists(st.tuples(st.integers(min_value=0), _MISTAKES), max_size=3),
       st.sampled_from(_RULE_SETS))
def test_skimming_nested_values_changes_no_finding(text, mistakes, rules):
    from desktop.core.jsonlint import _Scanner

    for at, mistake in mistakes:
        at %= len(text) + 1
        text = text[:at] + mistake + text[at:]
    skimmed, read = _Scanner(text, rules, None), _Scanner(text, rules, None, skim=False)
    skimmed.run()
    read.run()
    for part in ("raw", "state", "root_kind", "fields", "field_spans", "items", "item_spans", "placeholders"):
        assert getattr(skimmed, part) == getattr(read, part), part


@pytest.mark.parametrize("make", [
    lambda n: "[" + '{"a": [1, {"b": 2}]},' * (n // 21) + "1]",
    lambda n: "[" + "{'a': 1}," * (n // 9) + "1]",
    lambda n: "[" + '{"a": 1, "b": True},' * (n // 20) + "1]",
    lambda n: '{"x": ' + "[" * (n // 2) + "]" * (n // 2) + "}",
], ids=["nested-valid", "each-broken", "broken-late", "deep"])
def test_skimming_is_linear(make):
    assert growth(lambda text: (lint(text), fix(text)), make, 40_000, ()) < MAX_RATIO
