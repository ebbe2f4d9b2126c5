"""`{{variable}}` substitution from the active environment; names with no value are reported, never sent literally."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from desktop.core import auth as signin
from desktop.core.dynamic import DYNAMIC_PREFIX, dynamic_value
from desktop.core.models import Auth, Body, KeyValue, Request
from desktop.core.wireurl import PATH_UNSAFE, QUERY_NAME_UNSAFE, QUERY_VALUE_UNSAFE, encode_ascii
from desktop.i18n import LANGUAGES

VARIABLE = re.compile(r"\{\{\s*([^{}\s]+?)\s*\}\}")
# Variables that hold a key to a client's account are secret unless the agent says otherwise.
SECRET_BY_DEFAULT = frozenset({"token"})
# `{{file:<id>}}` is not a variable: it names a file of Body.attachments.
FILE_PREFIX = "file:"
PATH_VARIABLE_SEPARATOR = "."
FORM_TYPE = "application/x-www-form-urlencoded"


@dataclass
class Variable:
    name: str
    value: str = ""
    secret: bool = False
    # Defined empty on purpose (a Postman collection's ""): sent empty, as newman does, instead of being asked for.
    keep_empty: bool = False

    def to_dict(self) -> dict[str, Any]:
        # A secret's value lives in the keyring only: files keep the name and the flag.
        data: dict[str, Any] = {"name": self.name, "secret": self.secret}
        if not self.secret:
            data["value"] = self.value
        if self.keep_empty:
            data["keep_empty"] = True
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Variable:
        name = str(data.get("name", ""))
        secret = bool(data.get("secret", name in SECRET_BY_DEFAULT))
        return cls(name, "" if secret else str(data.get("value", "")), secret, data.get("keep_empty") is True)


@dataclass
class Environment:
    name: str
    variables: list[Variable] = field(default_factory=list)
    # The language replies to this client are written in (core/reply.py); the window's language is the agent's.
    reply_language: str = "ru"

    def get(self, name: str) -> Variable | None:
        for variable in self.variables:
            if variable.name == name:
                return variable
        return None

    def set(self, name: str, value: str, secret: bool | None = None) -> Variable:
        variable = self.get(name)
        if variable is None:
            variable = Variable(name, secret=name in SECRET_BY_DEFAULT if secret is None else secret)
            self.variables.append(variable)
        elif secret is not None:
            variable.secret = secret
        variable.value = value
        return variable

    def values(self, secret_lookup: Callable[[str, str], str | None] | None = None) -> dict[str, str]:
        """Name -> value for substitution; secrets come from `secret_lookup(env, name)` at send time."""
        out: dict[str, str] = {}
        for variable in self.variables:
            # A secret already held in memory (the sandbox's demo token, one kept for this session only) is used
            # as is: asking the keyring for it would only cost a probe of the password store before the first paint.
            if variable.secret and secret_lookup is not None and not variable.value:
                value = secret_lookup(self.name, variable.name) or ""
            else:
                value = variable.value
            # Empty ones are asked for at send time, unless defined empty on purpose (then sent empty, and said so).
            if value or (variable.keep_empty and not variable.secret):
                out[variable.name] = value
        return out

    def secret_values(self, values: Mapping[str, str]) -> list[str]:
        """The values among `values` that belong to secret variables (for masking)."""
        return [values[v.name] for v in self.variables if v.secret and values.get(v.name)]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "variables": [v.to_dict() for v in self.variables],
                "reply_language": self.reply_language}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Environment:
        variables = [Variable.from_dict(v) for v in data.get("variables", []) if isinstance(v, Mapping)]
        # Files written before the setting existed, or by a newer version with more languages, reply in Russian.
        language = data.get("reply_language")
        return cls(str(data.get("name", "")), variables, language if language in LANGUAGES else "ru")


def names_in(text: str) -> list[str]:
    return [m.group(1) for m in VARIABLE.finditer(text)]


def substitute(
    text: str, values: Mapping[str, str], missing: set[str] | None = None, encode: Callable[[str], str] | None = None
) -> str:
    """Fill `{{name}}` from `values` (passed through `encode` when given); unknown names stay as written and are
    added to `missing`."""
    if "{{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith(FILE_PREFIX):  # an attached file, filled in by the sender (core/attachments.py)
            return match.group(0)
        if name in values:
            return encode(values[name]) if encode else values[name]
        if name.startswith(DYNAMIC_PREFIX):
            generated = dynamic_value(name)
            if generated is not None:
                return encode(generated) if encode else generated
        if missing is not None:
            missing.add(name)
        return match.group(0)

    return VARIABLE.sub(replace, text)


def resolve(request: Request, values: Mapping[str, str]) -> tuple[Request, list[str]]:
    """A copy of `request` with every variable filled in, and the sorted names that had no value."""
    missing: set[str] = set()

    def sub(text: str, unsafe: bytes | None = None) -> str:
        # A value filled into the address is percent-encoded where it would change the address's meaning or could
        # not travel (newman's sets; letters beyond ASCII go as UTF-8, as the sender sends every address).
        encode = (lambda value: encode_ascii(value, unsafe)) if unsafe else None
        return substitute(text, values, missing, encode)

    resolved = Request(
        method=request.method,
        # As newman: a path variable's value goes in as written, then the address is filled like any text.
        url=sub(fill_path_variables(request.url, request.path_variables), PATH_UNSAFE),
        params=[KeyValue(sub(p.name, QUERY_NAME_UNSAFE), sub(p.value, QUERY_VALUE_UNSAFE), p.enabled, p.bare)
                for p in request.params if p.enabled],
        # A field value has no spaces at its edges (RFC 9110 5.5); an empty {{token}} must not leave "Bearer ".
        headers=[KeyValue(sub(h.name).strip(), sub(h.value).strip(" \t"), h.enabled) for h in request.headers if h.enabled],
        body=Body(
            request.body.kind,
            _body_text(request, values, missing),
            request.body.attachments if request.body.kind != "none" else {},
        ),
        name=request.name,
    )
    if request.auth is not None:
        signin.apply(resolved, Auth(request.auth.kind, {k: sub(v) for k, v in request.auth.fields.items()}))
    return resolved, sorted(missing)


def _body_text(request: Request, values: Mapping[str, str], missing: set[str]) -> str:
    if request.body.kind == "none":
        return ""
    content_type = (request.header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type == FORM_TYPE:
        # A value goes into a form body encoded, so `q={{q}}` with q = "a&b=c" stays one field (newman does so).
        return substitute(request.body.text, values, missing, form_quote)
    return substitute(request.body.text, values, missing)


def form_quote(text: str) -> str:
    """Percent-encoding of a form field as newman writes it: everything but letters, digits and -._~."""
    return quote(text, safe="")


def fill_path_variables(url: str, variables: list[KeyValue]) -> str:
    """Postman's `:name` path segments filled from their values; an empty (or switched off) one stays `:name`, as
    newman sends it."""
    if not variables or ":" not in url:
        return url
    values = {v.name: v.value for v in variables if v.value and v.enabled}
    head, sep, rest = url.partition("://")
    if not sep:
        head, rest = "", url
    host, slash, path = rest.partition("/")
    segments = []
    for segment in path.split("/"):
        if segment.startswith(":"):
            # As newman: the name runs to the first "." and what follows stays (":id.json" -> "7.json").
            name = segment[1:].split(PATH_VARIABLE_SEPARATOR, 1)[0]
            if values.get(name):
                segment = values[name] + segment[1 + len(name):]
        segments.append(segment)
    return head + sep + host + slash + "/".join(segments)


def empty_names(request: Request, values: Mapping[str, str]) -> list[str]:
    """The {{variables}} of `request` that are defined but empty: sent empty, which the agent should be told."""
    text = json.dumps(request.to_dict(embed=False))
    return sorted({name for name in names_in(text) if name in values and not values[name]})
