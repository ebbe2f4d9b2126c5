"""curl's address patterns ({a,b} sets, [1-3] and [a-z:2] ranges) read as curl's tool_urlglob.c reads them."""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

# The longest "[...]" curl tries as an IPv6 address (MAX_IP6LEN).
_MAX_IP6 = 128
_DIGITS = re.compile(r"\d+")


class GlobError(ValueError):
    """An address curl refuses to read (exit code 3): `reason` is curl's own word for it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Glob:
    """What curl makes of one address: its first expansion, and how many addresses the pattern stands for."""

    first: str
    count: int


def expand_first(url: str) -> Glob:
    """The first address curl calls for `url` and how many it calls in all; GlobError where curl gives up."""
    first: list[str] = []
    count = 1
    i, n = 0, len(url)
    while i < n:
        c = url[i]
        if c == "{" or (c == "[" and not _literal_bracket(url, i)):
            value, size, i = _set(url, i + 1) if c == "{" else _range(url, i + 1)
            first.append(value)
            count *= size
        elif c == "[":
            skip = _literal_bracket(url, i)
            first.append(url[i : i + skip])
            i += skip
        elif c in "}]":
            raise GlobError("unmatched close brace/bracket")
        elif c == "\\" and i + 1 < n and url[i + 1] in "{}[]":
            first.append(url[i + 1])  # only these four are escaped outside a pattern
            i += 2
        else:
            first.append(c)
            i += 1
    return Glob("".join(first), count)


def _literal_bracket(url: str, i: int) -> int:
    """Length of a "[...]" curl copies as it is: "[]", or an IPv6 address such as "[::1]"; 0 for a range."""
    if url.startswith("[]", i):
        return 2
    end = url.find("]", i)
    if end < 0 or end - i + 1 >= _MAX_IP6:
        return 0
    inside = url[i + 1 : end]
    try:
        ipaddress.IPv6Address(inside.split("%25", 1)[0].split("%", 1)[0])
    except ValueError:
        return 0
    return end - i + 1


def _set(url: str, i: int) -> tuple[str, int, int]:
    """A {a,b} set from just after its "{": its first element, its size, and where the text goes on."""
    elements: list[str] = []
    current: list[str] = []
    start = i
    while True:
        if i >= len(url):
            raise GlobError("unmatched brace")
        c = url[i]
        if c in "{[":
            raise GlobError("nested brace")
        if c == "}" and i == start:
            raise GlobError("empty string within braces")
        if c in ",}":
            elements.append("".join(current))
            current = []
            i += 1
            if c == "}":
                return elements[0], len(elements), i
            continue
        if c == "]":
            raise GlobError("unexpected close bracket")
        if c == "\\" and i + 1 < len(url):
            i += 1  # inside a set any character is escaped
        current.append(url[i])
        i += 1


def _range(url: str, i: int) -> tuple[str, int, int]:
    """A [1-3], [01-10:2] or [a-z:3] range from just after its "[": first value, count, where the text goes on."""
    if i < len(url) and url[i].isascii() and url[i].isalpha():
        return _letter_range(url, i)
    if i < len(url) and url[i].isascii() and url[i].isdigit():
        return _number_range(url, i)
    raise GlobError("bad range specification")


def _letter_range(url: str, i: int) -> tuple[str, int, int]:
    low, dash, high, end = (url[i : i + 4] + "\0\0\0\0")[:4]
    step = 1
    after = i + 4
    if dash != "-" or end not in ":]":
        raise GlobError("bad range")
    if end == ":":
        digits = _DIGITS.match(url, i + 4)
        if digits is None or url[digits.end() : digits.end() + 1] != "]":
            raise GlobError("bad range")
        step, after = int(digits.group()), digits.end() + 1
    span = ord(high) - ord(low)
    if not step or (span == 0 and step != 1) or (span and (span < 0 or step > span or span > ord("z") - ord("a"))):
        raise GlobError("bad range")
    return low, span // step + 1, after


def _number_range(url: str, i: int) -> tuple[str, int, int]:
    low_digits = _DIGITS.match(url, i)
    pad = len(low_digits.group()) if url[i] == "0" else 0
    j = low_digits.end()
    if url[j : j + 1] != "-":
        raise GlobError("bad range")
    j += 1
    while url[j : j + 1] in (" ", "\t"):
        j += 1
    high_digits = _DIGITS.match(url, j)
    if high_digits is None:
        raise GlobError("bad range")
    low, high, step = int(low_digits.group()), int(high_digits.group()), 1
    j = high_digits.end()
    if url[j : j + 1] == ":":
        step_digits = _DIGITS.match(url, j + 1)
        step = int(step_digits.group()) if step_digits else 0
        j = step_digits.end() if step_digits else j + 1
    if url[j : j + 1] != "]":
        raise GlobError("bad range")
    if not step or (low == high and step != 1) or (low != high and (low > high or step > high - low)):
        raise GlobError("bad range")
    return str(low).zfill(pad), (high - low) // step + 1, j + 1
