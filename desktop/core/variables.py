"""`{{variable}}` substitution from the active environment; names with no value are reported, never sent literally."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.models import Body, KeyValue, Request
from desktop.i18n import LANGUAGES

VARIABLE = re.compile(r"\{\{\s*([^{}\s]+?)\s*\}\}")
# Variables that hold a key to a client's account are secret unless the agent says otherwise.
SECRET_BY_DEFAULT = frozenset({"token"})
# `{{file:<id>}}` is not a variable: it names a file of Body.attachments.
FILE_PREFIX = "file:"


@dataclass
class Variable:
    name: str
    value: str = ""
    secret: bool = False

    def to_dict(self) -> dict[str, Any]:
        # A secret's value lives in the keyring only: files keep the name and the flag.
        data: dict[str, Any] = {"name": self.name, "secret": self.secret}
        if not self.secret:
            data["value"] = self.value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Variable:
        name = str(data.get("name", ""))
        secret = bool(data.get("secret", name in SECRET_BY_DEFAULT))
        return cls(name, "" if secret else str(data.get("value", "")), secret)


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
            if variable.secret and secret_lookup is not None:
                value = secret_lookup(self.name, variable.name)
                if value is None:
                    value = variable.value
            else:
                value = variable.value
            if value:
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


def substitute(text: str, values: Mapping[str, str], missing: set[str] | None = None) -> str:
    """Fill `{{name}}` from `values`; unknown names stay as written and are added to `missing`."""
    if "{{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith(FILE_PREFIX):  # an attached file, filled in by the sender (core/attachments.py)
            return match.group(0)
        if name in values:
            return values[name]
        if missing is not None:
            missing.add(name)
        return match.group(0)

    return VARIABLE.sub(replace, text)


def resolve(request: Request, values: Mapping[str, str]) -> tuple[Request, list[str]]:
    """A copy of `request` with every variable filled in, and the sorted names that had no value."""
    missing: set[str] = set()

    def sub(text: str) -> str:
        return substitute(text, values, missing)

    resolved = Request(
        method=request.method,
        url=sub(request.url),
        params=[KeyValue(sub(p.name), sub(p.value), p.enabled) for p in request.params if p.enabled],
        headers=[KeyValue(sub(h.name), sub(h.value), h.enabled) for h in request.headers if h.enabled],
        body=Body(
            request.body.kind,
            sub(request.body.text) if request.body.kind != "none" else "",
            request.body.attachments if request.body.kind != "none" else {},
        ),
        name=request.name,
    )
    return resolved, sorted(missing)
