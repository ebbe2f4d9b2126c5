"""Drafts the preloaded collection from the two Wappi documentation pages; the drafts are reviewed, then committed.

    python -m tools.draft_collection ../shared/wappi-api/docs collections/wappi [--check]

Each documented method becomes one request file: method, path, the docs' Russian title, an English name,
query parameters (required ones enabled), the body example, the first example answer, field rules in the
linter's format (from the Telegram "Request Body" tables and the "Обязательный" notes), and a description
built from the docs' own text, a per-group template and the field glossary in `tools/collection_notes.json`.
A file that already exists for a path is kept as it is (reviewed data wins); only new paths are written.
Real-looking data of the docs (phones, profile ids, links, names, a token) is replaced by neutral samples.
`--check` writes nothing and lists documented paths that have no file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

NOTES = Path(__file__).with_name("collection_notes.json")
HEADER = re.compile(r"^(?P<group>.*?)(?:(?P<count>\d+) метод[а-я]*)?(?P<method>GET|POST)(?P<rest>.+?)URL: https://wappi\.pro(?P<url>/.*)$")
TYPE_LINE = re.compile(r"^(string|number|integer|boolean|object|array)(\\?\[[a-z]+\\?\])?$")
REQUIRED_LINE = re.compile(r"^(Да|Нет)(\\?\*)?$")
SECTION_MARKS = ("Описание метода", "Request Body", "Query Params", "Headers", "Тело запроса", "Responses")
END_OF_METHODS = "Тестирование методов"
SAMPLE_PHONE = "79990000000"  # the sandbox's echo contact, so drafted sends answer back there
SAMPLE_PROFILE = "abcd1234-ef56"
QUERY_TYPES = {"limit": "integer", "offset": "integer", "timeout_from": "integer", "timeout_to": "integer", "ttl": "integer",
               "mark_all": "boolean", "show_all": "boolean", "is_archived": "boolean", "is_deleted": "boolean", "reverse": "boolean"}
PERSON_KEYS = {"senderName", "pushname", "pushName", "PushName", "FirstName", "FullName", "firstName", "lastName",
               "contact_name", "first_name", "last_name", "BusinessName", "business_name", "short_name", "profile_name"}


@dataclass
class Method:
    platform: str          # "wa" or "tg"
    group: str             # the docs' group title
    method: str
    title: str
    path: str
    url_query: list[tuple[str, str]]
    description: list[str] = field(default_factory=list)
    query: list[dict[str, Any]] = field(default_factory=list)    # name, value, required, text
    fields: list[dict[str, Any]] = field(default_factory=list)   # name, type, required, text
    body_kind: str = "none"   # none, json, form, raw
    body_text: str = ""
    answers: list[Any] = field(default_factory=list)

    @property
    def deprecated(self) -> bool:
        return "устаревш" in self.title.lower() or "устарел" in " ".join(self.description).lower()

    @property
    def not_working(self) -> bool:
        return "временно не работает" in " ".join(self.description).lower()


# ---------------------------------------------------------------- reading the docs

def parse_docs(text: str, platform: str) -> list[Method]:
    """Every method of one documentation page, in the page's order, with its group."""
    lines = text.split("\n")
    methods: list[Method] = []
    group = ""
    current: list[str] | None = None
    head: Method | None = None
    for line in lines:
        if line.startswith(END_OF_METHODS):
            break
        match = HEADER.match(line)
        if match and match.group("url").startswith("/"):
            if head is not None:
                _fill(head, current or [])
                methods.append(head)
            prefix = match.group("group")
            if match.group("count"):
                group = prefix.split("Развернуть")[-1].strip()
            url = match.group("url")
            path, _, query = url.partition("?")
            rest = match.group("rest")
            title = rest[: -len(path)] if rest.endswith(path) else rest
            head = Method(platform, group, match.group("method"), title.strip(), path.rstrip("/"), parse_qsl(query, keep_blank_values=True))
            current = []
        elif current is not None:
            current.append(line)
    if head is not None:
        _fill(head, current or [])
        methods.append(head)
    return methods


def _sections(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    name = ""
    for line in lines:
        mark = next((m for m in SECTION_MARKS if line.strip().startswith(m)), None)
        if mark:
            name = line.strip() if mark == "Тело запроса" else mark
            out[name] = []
        elif name:
            out[name].append(line)
    return out


def _fill(method: Method, lines: list[str]) -> None:
    sections = _sections(lines)
    method.description = [s.strip() for s in sections.get("Описание метода", []) if s.strip()]
    method.fields = _body_table(sections.get("Request Body", []))
    method.query = _query_rows(sections.get("Query Params", []), method.url_query)
    body_key = next((k for k in sections if k.startswith("Тело запроса")), None)
    raw = "\n".join(sections.get(body_key, [])).strip() if body_key else ""
    if body_key and raw and not raw.startswith("Тело запроса не передается"):
        if "formdata" in body_key:
            method.body_kind, method.body_text = "form", raw
        elif raw[:1] in "[{":
            method.body_kind, method.body_text = "json", raw
        else:
            method.body_kind, method.body_text = "raw", raw.split("\n")[0]
    method.answers = _answers(sections.get("Responses", []))


def _body_table(lines: list[str]) -> list[dict[str, Any]]:
    """The Telegram "Request Body" table: each field is a name line, a type line, a Да/Нет line, then its text."""
    rows = [line.strip() for line in lines]
    starts = [i for i in range(len(rows) - 2) if re.fullmatch(r"[A-Za-z_][\w.]*", rows[i])
              and TYPE_LINE.match(rows[i + 1]) and REQUIRED_LINE.match(rows[i + 2])]
    fields = []
    for start, end in zip(starts, [*starts[1:], len(rows)]):
        required = REQUIRED_LINE.match(rows[start + 2])
        text = " ".join(line for line in rows[start + 3:end] if not line.startswith("\\*"))
        # "Да*" means "at least one of these": none of them is required alone.
        fields.append({"name": rows[start], "type": TYPE_LINE.match(rows[start + 1]).group(1),
                       "required": required.group(1) == "Да" and not required.group(2), "text": _first_sentence(text)})
    return fields


def _query_rows(lines: list[str], url_query: list[tuple[str, str]]) -> list[dict[str, Any]]:
    known = [name for name, _ in url_query]
    rows: list[dict[str, Any]] = []
    for line in lines:
        if line.startswith("ПараметрЗначение"):
            continue
        name = next((k for k in sorted(known, key=len, reverse=True) if line.startswith(k)), None)
        if name is None:
            match = re.match(r"^([a-z_][a-z0-9_]*?)(?=\{\{|[0-9А-Яа-яЁё—]|https?:|true|false|Обяз|Необяз)", line)
            name = match.group(1) if match else None
        if name is None or any(r["name"] == name for r in rows):
            if rows:
                rows[-1]["text"] += " " + line.strip()
            continue
        rest = line[len(name):]
        marker = re.search(r"(Необязательный|Обязательный) параметр\.?", rest)
        value, text = (rest[: marker.start()], rest[marker.end():]) if marker else (rest, "")
        if marker:
            required = marker.group(1) == "Обязательный"
        else:  # unmarked: an id the method works on (mass_posting_id, cascade_id) is needed, anything else is not
            required = name.endswith("_id")
        value = "" if value.strip("—") == "" else value
        rows.append({"name": name, "value": value.strip(), "required": required, "text": text.strip()})
    return rows


def _answers(lines: list[str]) -> list[Any]:
    """Every JSON answer of the Responses section (a label and `200` come right before each)."""
    text = "\n".join(lines)
    answers = []
    decoder = json.JSONDecoder()
    for match in re.finditer(r"200(?=[\[{])", text):
        try:
            value, _end = decoder.raw_decode(text[match.end():])
        except ValueError:
            continue
        answers.append(value)
    return answers


def _first_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\\", "")).strip()
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0] if text else ""


# ---------------------------------------------------------------- neutral samples in place of real-looking data

def neutral(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: neutral(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [neutral(v, key) for v in value]
    if not isinstance(value, str):
        return value
    if key in PERSON_KEYS and value:
        return "Иван"
    return neutral_text(value)


def neutral_text(text: str) -> str:
    text = re.sub(r"https?://webhook\.site/[\w\-/]*", "https://example.com/webhook", text)
    text = re.sub(r"https?://(?!wappi\.pro|example\.com|fs\.wappi\.pro)[^\s\"]+?(\.\w{2,4})?(?=[\"\s]|$)",
                  lambda m: "https://example.com/file" + (m.group(1) or ""), text)
    text = re.sub(r"(?<![\d.])7\d{10,11}(?!\d)", SAMPLE_PHONE, text)
    text = re.sub(r"\b1203630\d{11}@g\.us", "120363000000000000@g.us", text)
    text = re.sub(r"\b[0-9a-f]{8}-[0-9a-f]{4}\b(?!-)", SAMPLE_PROFILE, text)
    text = re.sub(r"\b[0-9a-f]{40}\b", "{{token}}", text)
    text = re.sub(r"\b\w+:\w+@\d+\.\d+\.\d+\.\d+:\d+", "login:password@192.0.2.10:8000", text)
    return text


# ---------------------------------------------------------------- drafting request files

def _json_body(method: Method) -> Any:
    # A few Telegram examples carry a `// "participant": …` line: an alternative spelling, not JSON.
    text = "\n".join(line for line in method.body_text.split("\n") if not line.lstrip().startswith("//"))
    return neutral(json.loads(text))


def _form_body(method: Method) -> str:
    """The docs' form-data example as an urlencoded body (the app sends text; the sandbox reads both)."""
    pairs, name = [], None
    for line in method.body_text.split("\n"):
        match = re.match(r"^([a-z_0-9]+): ?(.*)$", line)
        if match and match.group(1) not in ("mass_image", "schedule"):
            name = match.group(1)
            pairs.append([name, neutral_text(match.group(2))])
        elif match:
            name = None  # a file upload or a long schedule: left out of the sample, described in words
        elif name == "mass_phones" and line.strip():
            pairs[-1][1] += "\n" + neutral_text(line.strip())
    # Escaped only where the form syntax needs it, so the agent can still read the Russian text.
    return "&".join(f"{name}={_form_escape(value)}" for name, value in pairs)


def _form_escape(value: str) -> str:
    for char, code in (("%", "%25"), ("&", "%26"), ("=", "%3D"), ("+", "%2B"), ("\n", "%0A"), (" ", "+")):
        value = value.replace(char, code)
    return value


def _rules(method: Method, body: Any, notes: dict[str, Any]) -> dict[str, Any]:
    rules: dict[str, Any] = {}
    if method.query:
        rules["query"] = {r["name"]: {"type": QUERY_TYPES.get(r["name"], "string"), "required": r["required"],
                                      **_format(r["name"], method)} for r in method.query}
    if method.body_kind == "json" and isinstance(body, list):
        rules["body"] = {"type": "array", "items": {"type": "string"}}
    elif method.body_kind in ("json", "form"):
        fields: dict[str, Any] = {}
        for spec in method.fields:
            if "." in spec["name"]:
                continue  # nested fields: the linter checks top-level ones
            fields[spec["name"]] = {"type": spec["type"], "required": spec["required"], **_format(spec["name"], method)}
        extra = notes.get("required", {}).get(_key(method), [])
        for name in extra:
            if isinstance(body, dict) and name in body:
                fields.setdefault(name, {"type": _type_of(body[name])})["required"] = True
                fields[name].update(_format(name, method))
        if method.body_kind == "form":
            for spec in fields.values():
                spec["type"] = "string"  # form values are all text
        if fields:
            rules["form" if method.body_kind == "form" else "body"] = fields
    elif method.body_kind == "raw":
        rules["raw_body"] = {"required": True, "format": "base64"}
    return rules


def _type_of(value: Any) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}.get(type(value), "string")


def _format(name: str, method: Method) -> dict[str, str]:
    if method.platform == "wa" and name in ("recipient", "phone") and not method.path.startswith(("/csender", "/broadcast")):
        return {"format": "recipient" if name == "recipient" else "phone"}
    if name in ("url", "webhook_url", "ava_link"):
        return {"format": "url"}
    if name == "b64_file":
        return {"format": "base64"}
    return {}


def draft(method: Method, notes: dict[str, Any]) -> dict[str, Any]:
    """One request file's content."""
    params = []
    for row in method.query:
        value = "{{profile_id}}" if row["name"] == "profile_id" else neutral_text(row["value"])
        if row["name"] == "url" and "webhook" in method.path:
            value = "https://example.com/webhook"
        params.append({"name": row["name"], "value": value, **({} if row["required"] else {"enabled": False})})
    headers = [{"name": "Authorization", "value": "{{token}}"}]
    body: Any = None
    if method.body_kind == "json":
        body = _json_body(method)
        headers.append({"name": "Content-Type", "value": "application/json"})
        body_data = {"kind": "json", "text": json.dumps(body, ensure_ascii=False, indent=2)}
    elif method.body_kind == "form":
        headers.append({"name": "Content-Type", "value": "application/x-www-form-urlencoded"})
        body_data = {"kind": "text", "text": _form_body(method)}
        body = dict(parse_qsl(body_data["text"]))
    elif method.body_kind == "raw":
        headers.append({"name": "Content-Type", "value": "text/plain"})
        body_data = {"kind": "text", "text": method.body_text.strip()}
    else:
        body_data = {"kind": "none", "text": ""}
    note = note_of(method, notes)
    answer = neutral(method.answers[0]) if method.answers else {"status": "done", "timestamp": 1751872800,
                                                                  "time": "2025-07-07T10:20:00+03:00"}
    english = note.get("en", method.title)
    marks = _marks(method)
    return {
        "schema_version": 1, "kind": "request",
        "name": {"ru": marks["ru"] + _clean_title(method.title), "en": marks["en"] + english},
        "method": method.method, "url": "{{base_url}}" + method.path,
        "params": params, "headers": headers, "body": body_data,
        "description": describe(method, note, notes),
        "example_response": {"status": 200, "body": answer},
        "rules": _rules(method, body, notes),
        **({"deprecated": True} if method.deprecated or method.not_working else {}),
    }


def _clean_title(title: str) -> str:
    return re.sub(r"^Устаревший - ", "", title).replace(" (устаревший)", "")


def _marks(method: Method) -> dict[str, str]:
    if method.not_working:
        return {"ru": "⚠ Не работает: ", "en": "⚠ Not working: "}
    if method.deprecated:
        return {"ru": "⚠ Устаревший: ", "en": "⚠ Deprecated: "}
    return {"ru": "", "en": ""}


def describe(method: Method, note: dict[str, Any], notes: dict[str, Any]) -> dict[str, str]:
    """Plain words for an agent: what it is for, what the fields mean, the typical mistakes."""
    group = notes["groups"][group_key(method)]
    glossary = notes["fields"]
    parts: dict[str, list[str]] = {"ru": [], "en": []}
    if method.not_working:
        parts["ru"].append("Документация: метод временно не работает — не советуйте его клиенту.")
        parts["en"].append("The docs say this method is temporarily not working — do not suggest it to a client.")
    elif method.deprecated and method.platform == "wa":
        parts["ru"].append("Устаревший метод: документация советует отдельные методы для каждого типа файла.")
        parts["en"].append("Deprecated: the docs point to the separate method for each kind of file instead.")
    elif method.deprecated:
        parts["ru"].append("Документация помечает метод как устаревший: он может перестать работать; для новых "
                           "интеграций советуйте «Отправить медиа по ссылке».")
        parts["en"].append("The docs mark this method deprecated: it may stop working; for new integrations suggest "
                           "\"Send a file by link\".")
    parts["ru"].append(note.get("ru") or _first_sentence(" ".join(method.description)))
    parts["en"].append(note.get("about", ""))
    names = [r["name"] for r in method.query if r["name"] != "profile_id"]
    names += [f["name"] for f in method.fields if "." not in f["name"]]
    if method.body_kind == "json" and not method.fields:
        try:
            body = json.loads(method.body_text)
            names += list(body) if isinstance(body, dict) else []
        except ValueError:
            pass
    if method.body_kind == "form":
        names += [m.group(1) for m in re.finditer(r"^([a-z_0-9]+):", method.body_text, re.M)]
    required = {r["name"] for r in method.query if r["required"]} | {f["name"] for f in method.fields if f["required"]}
    required |= set(notes.get("required", {}).get(_key(method), []))
    for lang, word, label in (("ru", "обязательно", "Поля"), ("en", "required", "Fields")):
        explained = []
        for name in dict.fromkeys(names):
            meaning = glossary.get(name, {}).get(lang)
            if meaning:
                explained.append(f"{name} — {meaning}" + (f" ({word})" if name in required else ""))
        if explained:
            parts[lang].append(f"{label}: " + "; ".join(explained) + ".")
    for lang in ("ru", "en"):
        if note.get(f"{lang}_more"):
            parts[lang].append(note[f"{lang}_more"])
        parts[lang].append(group[lang])
        parts[lang].append(notes["errors"][lang if "profile_id" in {r["name"] for r in method.query} else lang + "_account"])
    return {lang: " ".join(p for p in parts[lang] if p) for lang in ("ru", "en")}


def group_key(method: Method) -> str:
    path = method.path
    for prefix, key in (("/broadcast/", "broadcasts"), ("/csender/", "cascades"), ("/payments/", "payments"),
                        ("/panel/", "payments")):
        if path.startswith(prefix):
            return key
    if method.platform == "tg" and "/auth/" in path:
        return "authorisation"
    return GROUPS[method.group]


GROUPS = {
    "Работа с профилем": "profile", "Работа с сообщениями / Синхронные методы": "messages-sync",
    "Работа с сообщениями / Асинхронные методы": "messages-async", "Работа с чатами": "chats",
    "Работа с контактами": "contacts", "Работа с группами": "groups", "Работа с аккаунтом": "account",
    "Работа со сторис": "stories", "Работа с подарками": "gifts", "Работа с webhook (уведомлениями)": "webhooks",
    "Работа с proxy": "proxy", "Работа с очередью": "queue-tasks", "Массовая рассылка": "broadcasts",
    "Каскады": "cascades",
}


def all_methods(docs: Path) -> list[Method]:
    """Both pages; a method both document (broadcasts, cascades, payments) once, with the Telegram page's tables."""
    wa = parse_docs((docs / "wa-docs.txt").read_text(encoding="utf-8"), "wa")
    tg = parse_docs((docs / "tg-docs.txt").read_text(encoding="utf-8"), "tg")
    tg_by_path = {m.path: m for m in tg}
    merged = []
    for method in wa:
        twin = tg_by_path.get(method.path)
        if twin is not None:
            method.fields = method.fields or twin.fields
            method.answers = method.answers or twin.answers
            method.description = twin.description or method.description
        merged.append(method)
    seen = {m.path for m in wa}
    merged += [m for m in tg if m.path not in seen]
    return merged


def folder_of(method: Method, notes: dict[str, Any]) -> str:
    key = group_key(method)
    if key in ("broadcasts", "cascades", "payments"):
        return notes["layout"]["shared"][key]
    return notes["layout"][method.platform][key]


def existing_paths(root: Path) -> dict[str, Path]:
    found = {}
    for file in root.rglob("*.json"):
        if file.name == "folder.json":
            continue
        data = json.loads(file.read_text(encoding="utf-8"))
        found[data["url"].replace("{{base_url}}", "").split("?")[0]] = file
    return found


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("⚠", "")).strip("-")[:48].strip("-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    notes = json.loads(NOTES.read_text(encoding="utf-8"))
    methods = all_methods(args.docs)
    have = existing_paths(args.out)
    missing = [m for m in methods if m.path not in have]
    if args.check:
        for m in missing:
            print(f"missing: {m.method} {m.path}")
        print(f"{len(methods)} documented, {len(methods) - len(missing)} have a file")
        return 1 if missing else 0
    for relative, (ru, en) in notes["folders"].items():
        folder_file = args.out / relative / "folder.json"
        folder_file.parent.mkdir(parents=True, exist_ok=True)
        folder_file.write_text(json.dumps({"schema_version": 1, "kind": "folder", "name": {"ru": ru, "en": en}},
                                          ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for method in missing:
        folder = args.out / folder_of(method, notes)
        folder.mkdir(parents=True, exist_ok=True)
        number = 1 + max((int(p.name[:2]) for p in folder.glob("[0-9][0-9]-*.json")), default=0)
        data = draft(method, notes)
        target = folder / f"{number:02d}-{slug(note_of(method, notes).get('en', method.path))}.json"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"drafted {target}")
    return 0


def _key(method: Method) -> str:
    return method.path.split("/", 2)[-1] if method.path.startswith(("/api/", "/tapi/")) else method.path.lstrip("/")


def note_of(method: Method, notes: dict[str, Any]) -> dict[str, Any]:
    """The English name and summary: a Telegram-only note first, else the one both platforms share."""
    return notes["methods"].get(f"{method.platform}:{_key(method)}") or notes["methods"].get(_key(method), {})


if __name__ == "__main__":
    sys.exit(main())
