"""cURL commands in and out: bash and Windows cmd quoting, the options clients paste, notes for the rest."""
from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

from desktop.core import multipart
from desktop.core.curlglob import GlobError, expand_first
from desktop.core.models import METHODS, Body, KeyValue, Request, split_url
from desktop.core.paste import (
    MAX_PASTE_CHARS,
    ParseResult,
    PasteError,
    body_kind,
    check_header_count,
    check_text,
)
from desktop.core.secrets import MASK, mask
from desktop.i18n import _

# curl options that take a value, by long name; short letters map to the same names.
_SHORT_VALUE = {
    "X": "request", "H": "header", "d": "data", "u": "user", "F": "form", "A": "user-agent", "b": "cookie",
    "c": "cookie-jar", "e": "referer", "o": "output", "m": "max-time", "x": "proxy", "U": "proxy-user",
    "E": "cert", "T": "upload-file", "r": "range", "w": "write-out", "D": "dump-header", "K": "config",
    "y": "speed-time", "Y": "speed-limit", "z": "time-cond", "C": "continue-at", "P": "ftp-port",
    "Q": "quote", "t": "telnet-option",
}
_SHORT_FLAG = {
    "k": "insecure", "L": "location", "s": "silent", "S": "show-error", "v": "verbose", "i": "include",
    "I": "head", "G": "get", "g": "globoff", "f": "fail", "N": "no-buffer", "O": "remote-name", "n": "netrc",
    "j": "junk-session-cookies", "#": "progress-bar", "0": "http1.0", "1": "tlsv1", "2": "sslv2", "3": "sslv3",
    "4": "ipv4", "6": "ipv6", "q": "disable", "Z": "parallel", "J": "remote-header-name", "l": "list-only",
    "a": "append", "B": "use-ascii", "p": "proxytunnel", "R": "remote-time", "M": "manual", "V": "version",
    "h": "help",
}
_LONG_VALUE = set(_SHORT_VALUE.values()) | {
    "data-raw", "data-binary", "data-ascii", "data-urlencode", "json", "form-string", "url", "url-query",
    "connect-timeout", "cacert", "capath", "key", "cert-type", "key-type", "pass", "max-redirs",
    "oauth2-bearer", "retry", "retry-delay", "retry-max-time", "resolve", "socks4", "socks4a", "socks5",
    "socks5-hostname", "limit-rate", "interface", "local-port", "ciphers", "proxy-header", "aws-sigv4",
    "variable", "expect100-timeout", "keepalive-time", "pinnedpubkey", "trace", "trace-ascii", "stderr",
    "netrc-file", "unix-socket", "abstract-unix-socket", "connect-to", "dns-servers", "noproxy", "preproxy",
    "proxy-cacert", "proxy-cert", "proxy-key", "proxy-pass", "login-options", "request-target", "tls-max",
    "crlfile", "hostpubmd5", "hostpubsha256", "mail-from", "mail-rcpt", "output-dir", "max-filesize",
    "parallel-max", "rate", "alt-svc", "hsts", "etag-save", "etag-compare", "happy-eyeballs-timeout-ms",
    "create-file-mode", "sasl-authzid", "service-name", "delegation", "user-agent", "referer",
}
# Options that only change what curl prints or how it retries: nothing the request builder must know.
_QUIET = set(_SHORT_FLAG.values()) | {
    "compressed", "location-trusted", "http1.1", "http2", "http2-prior-knowledge", "http3", "no-keepalive",
    "tr-encoding", "raw", "path-as-is", "fail-with-body", "no-progress-meter", "basic", "no-basic",
    "ssl", "ssl-reqd", "tcp-nodelay", "tcp-fastopen", "create-dirs", "remote-name-all", "styled-output",
    "no-styled-output", "retry-connrefused", "retry-all-errors", "no-sessionid", "no-alpn", "no-npn",
    "compressed-ssh", "xattr", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3", "no-buffer", "globoff",
    "output", "write-out", "dump-header", "max-time", "connect-timeout", "retry", "retry-delay",
    "retry-max-time", "max-redirs", "stderr", "trace", "trace-ascii", "cookie-jar", "limit-rate",
    "keepalive-time", "expect100-timeout", "speed-time", "speed-limit", "output-dir", "create-file-mode",
    "max-filesize", "parallel-max", "rate", "happy-eyeballs-timeout-ms", "etag-save", "etag-compare",
    "alt-svc", "hsts", "silent", "verbose", "include", "location", "show-error", "fail", "progress-bar",
}
_OTHER_AUTH = ("digest", "ntlm", "negotiate", "anyauth", "ntlm-wb", "aws-sigv4")
_DATA_OPTIONS = ("data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "json")


class _Op(str):
    """A shell operator (`;`, `|`, `&&`, a line break) between commands, never an argument."""


@dataclass
class _Words:
    commands: list[list[str]] = field(default_factory=lambda: [[]])
    notes: list[str] = field(default_factory=list)
    stdin: str | None = None   # what a here-document or here-string feeds to the command

    def end_command(self) -> None:
        if self.commands[-1]:
            self.commands.append([])


def _cut_error() -> PasteError:
    return PasteError(_("The command is cut off: it ends in the middle. Copy the whole command and paste again."))


def _quote_error() -> PasteError:
    return PasteError(_("A quote in the command is opened but never closed. Copy the whole command and paste again."))


# ---------------------------------------------------------------- bash words

# Pasted from messengers and Word: any Unicode space (a soft line break U+2028 too) separates words,
# zero-width characters are invisible leftovers, and typographic quotes were straight quotes once.
_LINE_BREAKS = "\n\u2028\u2029\x85"   # after a backslash: a line continuation
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SMART_QUOTES = {"\u201c": "\u201d\u201c\"", "\u201e": "\u201c\u201d\"", "\u2018": "\u2019\u2018'",
                 "\u201a": "\u2018\u2019'", "\u00ab": "\u00bb"}
_SMART_CLOSERS = {opener: re.compile("[" + closers + "]") for opener, closers in _SMART_QUOTES.items()}
_PLAIN = re.compile(r"[^\s\\'\"$;|&<>" + "".join(_SMART_QUOTES) + _INVISIBLE + "]+")
_DQ_PLAIN = re.compile(r'[^"\\$]+')
# Bounded lengths keep a run of unclosed "$(" or "${" linear: each is looked at for at most 200 characters.
_DQ_EXPANSION = re.compile(r"\$(\{[^}\n]{0,200}\}|\(\([^)\n]{0,200}\)\)|\([^)\n]{0,200}\)|[A-Za-z_][A-Za-z0-9_]{0,200})")
_EXPANSION = re.compile(r"\$(\{[^}\n]{0,200}\}|\([^)\n]{0,200}\)|[A-Za-z_][A-Za-z0-9_]{0,200})")
_REDIRECTION = re.compile(r"<<<|<<-?|>>|<|>")
_HEX = {"x": re.compile(r"[0-9a-fA-F]{1,2}"), "u": re.compile(r"[0-9a-fA-F]{1,4}"), "U": re.compile(r"[0-9a-fA-F]{1,8}")}
_OCTAL = re.compile(r"[0-7]{0,2}")
_ANSI = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
         "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}


def _is_space(c: str) -> bool:
    return c.isspace() or c == "\u180e"


def _character(code: int) -> str:
    """A code point from an escape; what no text can hold (surrogates, beyond U+10FFFF) becomes U+FFFD."""
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _ansi_c(text: str, i: int) -> tuple[str, int]:
    """Decode a $'...' string starting after the opening quote; returns (value, index after the closing quote)."""
    out = []
    n = len(text)
    while i < n:
        c = text[i]
        if c == "'":
            return "".join(out), i + 1
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            break
        e = text[i + 1]
        i += 2
        if e in _ANSI:
            out.append(_ANSI[e])
        elif e in _HEX:
            digits = _HEX[e].match(text, i)
            if digits:
                out.append(_character(int(digits.group(), 16)))
                i = digits.end()
            else:
                out.append("\\" + e)
        elif e in "01234567":
            digits = _OCTAL.match(text, i).group()
            out.append(chr(int(e + digits, 8)))
            i += len(digits)
        elif e == "c" and i < n:
            out.append(chr(ord(text[i]) & 0x1F))
            i += 1
        else:
            out.append("\\" + e)
    raise _quote_error()


_DELIMITER = re.compile(r"[ \t]*(['\"]?)([A-Za-z0-9_\-]{1,200})\1")


def _here_document(text: str, i: int, body_start: int, strip_tabs: bool) -> tuple[int, str, int]:
    """Read `<<DELIM` at i whose body starts at body_start: (index after DELIM, the body, index after its end line)."""
    m = _DELIMITER.match(text, i)
    if not m:
        raise _cut_error()
    tabs = r"\t*" if strip_tabs else ""
    end = re.compile(rf"^{tabs}{re.escape(m.group(2))}\r?$", re.MULTILINE).search(text, body_start)
    if not end:
        raise _cut_error()
    lines = text[body_start:end.start()].split("\n")[:-1] if end.start() > body_start else []
    body = "".join((line.lstrip("\t") if strip_tabs else line) + "\n" for line in lines)
    after = end.end() + 1 if text.startswith("\n", end.end()) else end.end()
    return m.end(), body, after


def _bash_words(text: str) -> _Words:
    words = _Words()
    cur: list[str] | None = None
    expansions: list[str] = []
    skip_next = here_string = False
    # Here-document bodies start on the next line: where that line break is, and where the bodies end.
    heredoc_line_end, heredoc_resume = -1, -1
    unclosed: dict[str, int] = {}
    i, n = 0, len(text)

    def add(part: str) -> None:
        nonlocal cur
        if cur is None:
            cur = []
        cur.append(part)

    def finish() -> None:
        nonlocal cur, skip_next, here_string
        if cur is not None:
            if here_string:
                words.stdin = "".join(cur) + "\n"
                here_string = False
            elif skip_next:
                skip_next = False
            else:
                words.commands[-1].append("".join(cur))
        cur = None

    while i < n:
        c = text[i]
        plain = _PLAIN.match(text, i)
        if plain and not (c == "#" and cur is None):
            add(plain.group())
            i = plain.end()
            continue
        if c == "#" and cur is None:
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == "\\":
            if i + 1 >= n:
                raise _cut_error()
            nxt = text[i + 1]
            if nxt in _LINE_BREAKS:
                i += 2
            elif nxt == "\r" and text.startswith("\n", i + 2):
                i += 3
            else:
                add(nxt)
                i += 2
        elif c == "'":
            end = text.find("'", i + 1)
            if end < 0:
                raise _quote_error()
            add(text[i + 1:end])
            i = end + 1
        elif c in _SMART_QUOTES:
            # Once no closer follows an opener, none follows a later one of its kind: never search twice.
            found = _SMART_CLOSERS[c].search(text, i + 1) if unclosed.get(c, n) > i else None
            end = found.start() if found else -1
            if end < 0:
                unclosed[c] = i
                add(c)   # a lone typographic quote is just a character
                i += 1
            else:
                add(text[i + 1:end])
                i = end + 1
        elif c == '"':
            i += 1
            part: list[str] = []
            while True:
                if i >= n:
                    raise _quote_error()
                m = _DQ_PLAIN.match(text, i)
                if m:
                    part.append(m.group())
                    i = m.end()
                    continue
                ch = text[i]
                if ch == '"':
                    i += 1
                    break
                if ch == "\\":
                    if i + 1 >= n:
                        raise _quote_error()
                    e = text[i + 1]
                    if e == "\n":
                        pass
                    elif e in '$`"\\':
                        part.append(e)
                    else:
                        part.append("\\" + e)
                    i += 2
                else:  # "$": a shell variable inside double quotes is kept as typed
                    var = _DQ_EXPANSION.match(text, i)
                    if var:
                        expansions.append(var.group())
                    part.append("$")
                    i += 1
            add("".join(part))
        elif c == "$" and text.startswith("'", i + 1):
            value, i = _ansi_c(text, i + 2)
            add(value)
        elif c == "$":
            var = _EXPANSION.match(text, i)
            if var:
                expansions.append(var.group())
            add("$")
            i += 1
        elif c in "\n;|&":
            finish()
            op = text[i:i + 2] if text[i:i + 2] in ("&&", "||") else c
            words.end_command()
            if i == heredoc_line_end:
                i, heredoc_line_end = heredoc_resume, -1
            else:
                i += len(op)
        elif _is_space(c):
            finish()
            i += 1
        elif c in _INVISIBLE:
            i += 1
        elif c in "<>":
            finish()
            op = _REDIRECTION.match(text, i).group()
            i += len(op)
            if op in ("<<", "<<-"):
                if heredoc_line_end < 0:
                    line_end = text.find("\n", i)
                    if line_end < 0:
                        raise _cut_error()
                    heredoc_line_end, heredoc_resume = line_end, line_end + 1
                i, words.stdin, heredoc_resume = _here_document(text, i, heredoc_resume, op == "<<-")
                continue
            if op == "<<<":
                here_string = True
                continue
            words.notes.append(_("The command uses a shell redirection ({op}); that part was not imported.").format(op=op))
            skip_next = True
        else:
            add(c)
            i += 1
    finish()
    for expansion in dict.fromkeys(expansions):
        words.notes.append(
            _("The command uses the shell variable {name}; it was kept as typed, fill in the real value.").format(name=expansion)
        )
    words.commands = [cmd for cmd in words.commands if cmd]
    return words


# ---------------------------------------------------------------- Windows cmd words

def _looks_like_cmd(text: str) -> bool:
    """Windows cmd style: curl.exe, lines continued with ^, or ^" quoting outside any single-quoted bash text."""
    if re.match(r"\s*curl\.exe\b", text, re.IGNORECASE):
        return True
    if re.search(r"\\[ \t]*\r?$", text, re.MULTILINE):
        return False
    if re.search(r"\^[ \t]*\r?$", text, re.MULTILINE):
        return True
    first = text.find('^"')
    return first >= 0 and "'" not in text[:first]


def _cmd_words(text: str) -> _Words:
    """cmd.exe first (^ escapes, "..." regions), then the C runtime's argument rules (\\" is a quote)."""
    words = _Words()
    lines: list[list[str]] = [[]]
    in_quote = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "^" and not in_quote:
            if i + 1 >= n:
                raise _cut_error()
            nxt = text[i + 1]
            if nxt in "\r\n":
                i += 3 if text.startswith("\r\n", i + 1) else 2
                # cmd takes the first character of the continued line literally (a second line break is a real one).
                if i < n:
                    lines[-1].append(text[i])
                    i += 1
                continue
            lines[-1].append(nxt)
            i += 2
            continue
        if c == '"':
            in_quote = not in_quote
        elif c in "\r\n&|" and not in_quote:
            if c != "\r":
                lines.append([])
            i += 1
            continue
        lines[-1].append(c)
        i += 1
    if in_quote:
        raise _quote_error()
    for chars in lines:
        line = "".join(chars)
        for var in dict.fromkeys(re.findall(r"%[A-Za-z_][A-Za-z0-9_]*%", line)):
            words.notes.append(
                _("The command uses the shell variable {name}; it was kept as typed, fill in the real value.").format(name=var)
            )
        words.commands[-1].extend(_crt_args(line))
        words.end_command()
    words.commands = [cmd for cmd in words.commands if cmd]
    return words


def _crt_args(line: str) -> list[str]:
    args: list[str] = []
    cur: list[str] = []
    have = in_quote = False
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\":
            j = i
            while j < n and line[j] == "\\":
                j += 1
            count = j - i
            if j < n and line[j] == '"':
                cur.append("\\" * (count // 2))
                if count % 2:
                    cur.append('"')
                    i = j + 1
                else:
                    i = j
            else:
                cur.append("\\" * count)
                i = j
            have = True
        elif c == '"':
            if in_quote and line.startswith('"', i + 1):
                cur.append('"')
                i += 2
                continue
            in_quote = not in_quote
            have = True
            i += 1
        elif _is_space(c) and not in_quote:
            if have:
                args.append("".join(cur))
            cur, have = [], False
            i += 1
        else:
            cur.append(c)
            have = True
            i += 1
    if in_quote:
        raise _quote_error()
    if have:
        args.append("".join(cur))
    return args


# ---------------------------------------------------------------- PowerShell words

_PS_VARIABLE = re.compile(r"\$(\{[^}\n]{0,200}\}|\([^)\n]{0,200}\)|[A-Za-z_][A-Za-z0-9_:]{0,200})")
_PS_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "e": "\x1b"}


def _looks_like_powershell(text: str) -> bool:
    """PowerShell: lines continued with a backtick, or curl.exe with '...' quoting (cmd has no single quotes)."""
    if re.search(r"`[ \t]*\r?\n[ \t]*-", text):
        return True
    exe = re.match(r"\s*(?:&\s*)?curl\.exe\b", text, re.IGNORECASE)
    return bool(exe) and ("'" in text or re.search(r"`[ \t]*\r?\n", text) is not None)


def _powershell_words(text: str) -> _Words:
    """PowerShell's own quoting first, then how Windows PowerShell 5.1 hands the words to curl.exe."""
    words = _Words()
    commands: list[list[str]] = [[]]
    cur: list[str] | None = None
    variables: list[str] = []
    i, n = 0, len(text)

    def add(part: str) -> None:
        nonlocal cur
        if cur is None:
            cur = []
        cur.append(part)

    def finish() -> None:
        nonlocal cur
        if cur is not None:
            commands[-1].append("".join(cur))
        cur = None

    while i < n:
        c = text[i]
        if c == "`":
            if i + 1 >= n:
                raise _cut_error()
            nxt = text[i + 1]
            if nxt in "\r\n":
                i += 3 if text.startswith("\r\n", i + 1) else 2
                continue
            add(nxt)
            i += 2
        elif c == "'":
            part = []
            i += 1
            while True:
                end = text.find("'", i)
                if end < 0:
                    raise _quote_error()
                part.append(text[i:end])
                if text.startswith("''", end):
                    part.append("'")
                    i = end + 2
                    continue
                i = end + 1
                break
            add("".join(part))
        elif c == '"':
            part = []
            i += 1
            while True:
                if i >= n:
                    raise _quote_error()
                ch = text[i]
                if ch == '"':
                    if text.startswith('""', i):
                        part.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                if ch == "`" and i + 1 < n:
                    part.append(_PS_ESCAPES.get(text[i + 1], text[i + 1]))
                    i += 2
                    continue
                if ch == "$":
                    var = _PS_VARIABLE.match(text, i)
                    if var:
                        variables.append(var.group())
                part.append(ch)
                i += 1
            add("".join(part))
        elif c == "$":
            var = _PS_VARIABLE.match(text, i)
            if var:
                variables.append(var.group())
            add("$")
            i += 1
        elif c == "#" and cur is None:
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\n;|":
            finish()
            if commands[-1]:
                commands.append([])
            i += 1
        elif _is_space(c):
            finish()
            i += 1
        else:
            add(c)
            i += 1
    finish()
    for variable in dict.fromkeys(variables):
        words.notes.append(
            _("The command uses the shell variable {name}; it was kept as typed, fill in the real value.").format(name=variable)
        )
    for args in commands:
        if not args:
            continue
        if any('"' in arg and '\\"' not in arg for arg in args[1:]):
            words.notes.append(_("In Windows PowerShell 5.1 the double quotes inside '…' are lost on the way to curl.exe; "
                                 "the request is imported as curl.exe receives it there. PowerShell 7.3 and later keep them."))
        words.commands.append(_crt_args(" ".join(_powershell_native(arg) for arg in args)))
    words.commands = [cmd for cmd in words.commands if cmd]
    return words


def _powershell_native(arg: str) -> str:
    """How Windows PowerShell 5.1 writes one argument into a program's command line: quoted only when it has a
    space outside its own double quotes, and inner quotes never escaped (the reason `'{\\"a\\":1}'` is needed)."""
    in_quote = False
    for c in arg:
        if c == '"':
            in_quote = not in_quote
        elif _is_space(c) and not in_quote:
            return f'"{arg}"'
    return arg or '""'


# ---------------------------------------------------------------- options -> Request

def _is_curl(word: str) -> bool:
    name = re.split(r"[\\/]", word)[-1].lower()
    return name in ("curl", "curl.exe")


def _options(args: list[str], notes: list[str]):
    """Yield (option name, value or None) and ("", url) for positional words."""
    i = 0
    only_positional = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_positional or not arg.startswith("-") or arg == "-":
            yield "", arg
            continue
        if arg == "--":
            only_positional = True
            continue
        if arg.startswith("--"):
            name = arg[2:]
            if name in _LONG_VALUE:
                if i >= len(args):
                    raise PasteError(_("The option {option} has no value: the command looks cut off.").format(option=arg))
                yield name, args[i]
                i += 1
            elif name.startswith("no-") and name[3:] in _QUIET | set(_OTHER_AUTH):
                continue
            else:
                yield name, None
            continue
        # Short options can be grouped (-sSL) and take their value attached (-XPOST) or as the next word.
        j = 1
        while j < len(arg):
            letter = arg[j]
            if letter in _SHORT_VALUE:
                value = arg[j + 1:]
                if not value:
                    if i >= len(args):
                        raise PasteError(_("The option {option} has no value: the command looks cut off.").format(option="-" + letter))
                    value = args[i]
                    i += 1
                yield _SHORT_VALUE[letter], value
                break
            if letter in _SHORT_FLAG:
                yield _SHORT_FLAG[letter], None
            else:
                notes.append(_("The option {option} is not known and was ignored.").format(option="-" + letter))
            j += 1


@dataclass
class _Build:
    method: str | None = None
    urls: list[str] = field(default_factory=list)
    headers: list[KeyValue] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    data: list[tuple[bool, str]] = field(default_factory=list)   # (is --json, text)
    has_data: bool = False
    json: bool = False
    get: bool = False
    head: bool = False
    form: list[str] = field(default_factory=list)      # -F parts as lines of a multipart body
    upload: bool = False
    insecure: bool = False
    location: bool = False
    globoff: bool = False
    files: Mapping[str, str] = field(default_factory=dict)   # path in the command -> file picked on this computer
    missing_files: list[str] = field(default_factory=list)
    user: str | None = None
    other_auth: bool = False
    cookies: list[str] = field(default_factory=list)
    extra_params: list[KeyValue] = field(default_factory=list)
    stdin: str | None = None

    def add_header(self, name: str, value: str) -> None:
        self.removed.discard(name.lower())
        self.headers.append(KeyValue(name, value))

    def read_file(self, path: str, notes: list[str]) -> str | None:
        """A file the command reads (-d @file, -F name=<file), as text; None (with a note) when it cannot be read."""
        local = self.files.get(path, path)
        try:
            data = Path(os.path.expanduser(local)).read_bytes()[: MAX_PASTE_CHARS + 1]
        except OSError:
            self.missing_files.append(path)
            notes.append(_("The command reads the file {file}, which is not on this computer; choose the file to import it.").format(file=path))
            return None
        if len(data) > MAX_PASTE_CHARS:
            notes.append(_("The file {file} is too large to import as the body.").format(file=path))
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            notes.append(_("The file {file} is not text; it was not imported as the body.").format(file=path))
            return None

    def has_header(self, name: str) -> bool:
        wanted = name.lower()
        return wanted in self.removed or any(h.name.lower() == wanted for h in self.headers)


def _header(build: _Build, raw: str, notes: list[str]) -> None:
    if raw.startswith("@"):
        notes.append(_("Headers read from the file {file} were not imported.").format(file=raw[1:]))
        return
    name, colon, value = raw.partition(":")
    name = name.strip()
    if colon:
        value = value.lstrip(" \t")
        if not value.strip():
            # curl's "Name:" means "do not send this header at all".
            build.headers = [h for h in build.headers if h.name.lower() != name.lower()]
            build.removed.add(name.lower())
            return
        build.add_header(name, value)
    elif raw.rstrip().endswith(";") and raw.strip() != ";":
        build.add_header(raw.rstrip()[:-1].strip(), "")
    else:
        notes.append(_("The header “{header}” has no “:” and was ignored.").format(header=raw))


def _urlencode_piece(value: str, build: _Build, notes: list[str]) -> str | None:
    """One --data-urlencode argument as curl sends it (`name@file` reads the file)."""
    if "=" in value:
        name, _sep, content = value.partition("=")
        return f"{name}={quote_plus(content)}" if name else quote_plus(content)
    if "@" in value:
        name, _sep, path = value.partition("@")
        content = build.read_file(path, notes)
        if content is None:
            return None
        return f"{name}={quote_plus(content)}" if name else quote_plus(content)
    return quote_plus(value)


def _data_piece(option: str, value: str, build: _Build, notes: list[str]) -> None:
    build.has_data = True
    if option == "data-urlencode":
        piece = _urlencode_piece(value, build, notes)
    elif option != "data-raw" and value.startswith("@"):
        source = value[1:]
        if source == "-" and build.stdin is not None:
            # curl drops line breaks from -d @- input but keeps them for --data-binary.
            piece = build.stdin if option == "data-binary" else build.stdin.replace("\r", "").replace("\n", "")
            if option == "json":
                build.json = True
            build.data.append((option == "json", piece))
            return
        if source == "-":
            notes.append(_("The command reads its body from the keyboard or another program (@-); the body was not imported."))
            piece = None
        else:
            piece = build.read_file(source, notes)
            if piece is not None and option in ("data", "data-ascii"):
                # -d @file drops the file's line breaks; --data-binary and --json keep them.
                piece = piece.replace("\r", "").replace("\n", "")
    else:
        piece = value
    if option == "json":
        build.json = True
    if piece is not None:
        build.data.append((option == "json", piece))


def _form_part(option: str, value: str, build: _Build, notes: list[str]) -> None:
    """One -F / --form-string argument as a line of the multipart body; a `<file` is read into the field now."""
    if "=" not in value:
        notes.append(_("The form field “{field}” (-F) has no “=” and was ignored.").format(field=value))
        return
    part = multipart.parse_part(value, literal=option == "form-string")
    if part.source == "<":
        content = build.read_file(part.value, notes)
        if content is None:
            return
        part.source, part.value = "", content
    elif part.source == "@":
        part.value = build.files.get(part.value, part.value)
        if multipart.missing_files([part]):
            build.missing_files.append(part.value)
            notes.append(_("The form sends the file {file}, which is not on this computer; choose the file before sending.").format(file=part.value))
    build.form.append(multipart.format_part(part))


def _join_data(parts: list[tuple[bool, str]]) -> str:
    out = ""
    for index, (is_json, text) in enumerate(parts):
        # Repeated --json pieces are glued together; everything else is joined with "&" like curl does.
        if index and not (is_json and parts[index - 1][0]):
            out += "&"
        out += text
    return out


def _apply(option: str, value: str | None, build: _Build, notes: list[str]) -> None:
    if option == "":
        build.urls.append(value)
    elif option == "request":
        build.method = value
    elif option == "header":
        _header(build, value, notes)
    elif option in _DATA_OPTIONS:
        _data_piece(option, value, build, notes)
    elif option == "url":
        build.urls.append(value)
    elif option == "url-query":
        piece = _urlencode_piece(value, build, notes) if not value.startswith("+") else value[1:]
        if piece is not None:
            build.extra_params.extend(split_url("?" + piece)[1])
    elif option == "get":
        build.get = True
    elif option == "head":
        build.head = True
    elif option == "user":
        build.user = value
    elif option in _OTHER_AUTH:
        build.other_auth = True
        notes.append(_("The command asks for {scheme} sign-in; only the usual user:password (Basic) sign-in can be imported.").format(scheme=option))
    elif option == "oauth2-bearer":
        build.add_header("Authorization", f"Bearer {value}")
    elif option == "user-agent":
        build.add_header("User-Agent", value)
    elif option == "referer":
        build.add_header("Referer", value.removesuffix(";auto"))
    elif option == "range":
        build.add_header("Range", f"bytes={value}" if "-" in value else f"bytes={value}-")
    elif option == "cookie":
        if "=" in value:
            build.cookies.append(value)
        else:
            notes.append(_("Cookies read from the file {file} were not imported.").format(file=value))
    elif option in ("form", "form-string"):
        _form_part(option, value, build, notes)
    elif option == "upload-file":
        build.upload = True
        notes.append(_("The file upload ({file}) was not imported: uploads are not supported.").format(file=value))
    elif option == "insecure":
        build.insecure = True
        notes.append(_("The command turns the certificate check off (-k): the request is sent without checking who answers. Turn the check back on unless the client's server really has no valid certificate."))
    elif option == "globoff":
        build.globoff = True
    elif option in ("location", "location-trusted"):
        build.location = True
    elif option in ("proxy", "socks4", "socks4a", "socks5", "socks5-hostname", "preproxy"):
        notes.append(_("The proxy setting ({proxy}) was not imported.").format(proxy=value))
    elif option in ("cert", "key", "cacert", "capath", "pass", "cert-type", "key-type"):
        notes.append(_("The certificate setting --{option} was not imported.").format(option=option))
    elif option in _QUIET or option in _LONG_VALUE:
        if option not in _QUIET:
            notes.append(_("The option --{option} was not imported.").format(option=option))
    else:
        notes.append(_("The option {option} is not known and was ignored.").format(option="--" + option))


def _full_url(raw: str) -> str:
    raw = raw.strip()
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", raw) or raw.startswith("{{"):
        return raw
    # curl assumes http://; the Wappi API only answers on https, so its host gets https.
    host = raw.split("/", 1)[0].lower()
    scheme = "https" if host == "wappi.pro" or host.endswith(".wappi.pro") else "http"
    return f"{scheme}://{raw}"


def _unglobbed(build: _Build, notes: list[str]) -> str:
    """The first address as curl calls it: without -g, curl reads {a,b} and [1-3] in it as patterns."""
    url = build.urls[0]
    if build.globoff or not any(c in url for c in "{}[]"):
        return url
    try:
        glob = expand_first(url)
    except GlobError:
        notes.append(_("curl would refuse this address: it reads “{…}” and “[…]” in an address as patterns of several "
                       "addresses, and this is not one it can read. It was imported as written; with -g (--globoff) "
                       "curl sends it so too."))
        return url
    if glob.count > 1:
        notes.append(_("The address is a curl pattern for {count} addresses; only the first one was imported: {url}").format(
            count=glob.count, url=glob.first))
    return glob.first


def _request(build: _Build, notes: list[str]) -> Request:
    if not build.urls:
        raise PasteError(_("The command has no address (URL) to call."))
    if len(build.urls) > 1:
        notes.append(_("The command calls several addresses; only the first one was imported: {url}").format(url=build.urls[0]))
    base, params = split_url(_full_url(_unglobbed(build, notes)))
    params += build.extra_params
    if build.cookies and not build.has_header("Cookie"):
        build.add_header("Cookie", "; ".join(c.strip().rstrip(";") for c in build.cookies))
    if build.user is not None and not build.other_auth:
        user = build.user
        if ":" not in user:
            notes.append(_("The command gives a user name without a password; curl would ask for it. The password was left empty."))
            user += ":"
        token = base64.b64encode(user.encode("utf-8")).decode("ascii")
        build.headers = [h for h in build.headers if h.name.lower() != "authorization"]
        build.add_header("Authorization", f"Basic {token}")
    text = _join_data(build.data)
    body = Body()
    if build.form and (build.has_data or build.upload):
        notes.append(_("The command mixes a form (-F) with another body; only the form was imported."))
    if build.form:
        body = Body("multipart", "\n".join(build.form))
    elif build.get and build.has_data:
        params += split_url("?" + text)[1]
    elif build.has_data:
        if build.json:
            for name in ("Content-Type", "Accept"):
                if not build.has_header(name):
                    build.add_header(name, "application/json")
        elif not build.has_header("Content-Type"):
            # What curl itself adds to every -d body.
            build.add_header("Content-Type", "application/x-www-form-urlencoded")
        kind = body_kind(text, next((h.value for h in build.headers if h.name.lower() == "content-type"), None))
        body = Body(kind, text if kind != "none" else "")
    if build.method:
        method = build.method.upper() if build.method.upper() in METHODS else build.method
        if method not in METHODS:
            notes.append(_("The method {method} is unusual; check it.").format(method=method))
    elif build.head:
        method = "HEAD"
    elif build.get:
        method = "GET"
    elif build.has_data or build.form:
        method = "POST"
    elif build.upload:
        method = "PUT"
    else:
        method = "GET"
    check_header_count(len(build.headers))
    # Headers curl adds itself unless told not to ("-H 'Accept:'"); the app's client would add them too.
    omitted = [name for name in ("Accept", "User-Agent") if name.lower() in build.removed]
    return Request(method=method, url=base, params=params, headers=build.headers, body=body,
                   verify=not build.insecure, follow_redirects=build.location, omit_headers=omitted)


def parse_curl_detailed(text: str, files: Mapping[str, str] | None = None) -> ParseResult:
    """The request a cURL command sends, plus a note for every part that could not be imported.

    Files the command reads are read now; `files` maps a path in the command to the file the agent picked on
    this computer, and the result lists the paths still missing. Raises PasteError (a plain message) for text
    that is not a usable command.
    """
    # A shell prompt copied along with the command ("$ curl ...") is not part of it.
    text = re.sub(r"^[$>][ \t]*(?=\S*curl)", "", check_text(text).strip())
    if _looks_like_powershell(text):
        words = _powershell_words(text)
    else:
        words = _cmd_words(text) if _looks_like_cmd(text) else _bash_words(text)
    notes = list(words.notes)
    commands = words.commands
    index = next((k for k, cmd in enumerate(commands) if _is_curl(cmd[0])), None)
    if index is None:
        raise PasteError(_("This is not a cURL command: it must start with the word curl."))
    if len(commands) > 1:
        notes.append(_("The text holds more than one command; only the first curl command was imported."))
    build = _Build(stdin=words.stdin, files=files or {})
    for option, value in _options(commands[index][1:], notes):
        _apply(option, value, build, notes)
    request = _request(build, notes)
    return ParseResult(request, list(dict.fromkeys(notes)), missing_files=list(dict.fromkeys(build.missing_files)))


def parse_curl(text: str) -> Request:
    """The request a cURL command sends; see parse_curl_detailed for what was left out."""
    return parse_curl_detailed(text).request


# ---------------------------------------------------------------- Request -> cURL

def mask_request(request: Request, secrets=()) -> Request:
    """A copy with the Authorization credential and every given secret value (in any of its encoded forms) masked."""
    masked = request.copy()
    secrets = [s for s in secrets if s]

    def hide(text: str) -> str:
        return mask(text, secrets) if secrets else text

    for header in masked.headers:
        if header.name.strip().lower() in ("authorization", "proxy-authorization") and header.value:
            scheme, space, _credential = header.value.partition(" ")
            # Keep a scheme word (Bearer, Basic) visible: it is often the very mistake being diagnosed.
            header.value = f"{scheme} {MASK}" if space and scheme.lower() in ("bearer", "basic", "token") else MASK
        header.value = hide(header.value)
    masked.url = hide(masked.url)
    for param in masked.params:
        param.value = hide(param.value)
    masked.body.text = hide(masked.body.text)
    return masked


_BASH_SAFE = re.compile(r"^[A-Za-z0-9_@%+=:,./-]+$")


def quote_bash(text: str) -> str:
    if _BASH_SAFE.match(text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


_CMD_SAFE = re.compile(r"[^A-Za-z0-9 _\-:=+~'/.,?;()*`]")


def quote_cmd(text: str) -> str:
    """One argument for cmd.exe: C-runtime escaping of quotes, then ^ before everything cmd could act on."""
    crt = re.sub(r'(\\*)"', lambda m: m.group(1) * 2 + '\\"', text)
    crt = re.sub(r"(\\+)$", lambda m: m.group(1) * 2, crt)
    escaped = _CMD_SAFE.sub(lambda m: "^" + m.group() if m.group() not in "\r\n" else m.group(), crt)
    escaped = re.sub(r"%(?=[A-Za-z0-9_])", "%^", escaped)
    escaped = escaped.replace("\r", "").replace("\n", "^\n\n")
    return '^"' + escaped + '^"'


def to_curl(request: Request, mask_secrets: bool = True, secrets=(), style: str = "bash") -> str:
    """A cURL command that sends `request`: style "bash" (runs as is in bash) or "cmd" (Windows cmd.exe).

    With mask_secrets the token and the given secret values are replaced by secrets.MASK.
    """
    if mask_secrets:
        request = mask_request(request, secrets)
    quote = quote_cmd if style == "cmd" else quote_bash
    has_body = request.body.kind != "none" and request.body.text != ""
    form = multipart.parse_parts(request.body.text) if has_body and request.body.kind == "multipart" else None
    # The sender states an empty body (Content-Length: 0) for these methods; curl does so only with -d ''.
    sends_data = has_body or request.method in ("POST", "PUT", "PATCH")
    parts: list[str] = []
    if not request.verify:
        parts.append("-k")
    if request.follow_redirects:
        parts.append("-L")
    if re.search(r"[\[\]{}]", request.full_url()):
        # Without it curl reads {a,b} and [1-3] in the address as patterns of several addresses.
        parts.append("-g")
    if request.method == "HEAD" and not has_body:
        parts.append("-I")
    elif request.method != ("POST" if sends_data else "GET"):
        parts.append(f"-X {quote(request.method)}")
    parts.append(quote(request.full_url()))
    headers = request.enabled_headers()
    curls_own_type = False
    if request.follow_redirects and form is None and sends_data:
        # curl -L carries a -H Content-Type on to the GET after a 302 but not the one it adds itself for -d:
        # leaving out a header equal to curl's own keeps that GET clean, as the app sends it.
        kept = [(n, v) for n, v in headers if not (n.lower() == "content-type" and v == "application/x-www-form-urlencoded")]
        curls_own_type, headers = len(kept) != len(headers), kept
    for name, value in headers:
        parts.append(f"-H {quote(f'{name}: {value}' if value else f'{name};')}")
    for name in request.omit_headers:
        if not any(own.lower() == name.lower() for own, _v in headers):
            parts.append(f"-H {quote(name + ':')}")
    if form is not None:
        for part in form:
            option = "--form-string" if not part.source and not part.type and part.filename is None else "-F"
            parts.append(f"{option} {quote(f'{part.name}={part.value}' if option == '--form-string' else multipart.format_part(part))}")
    elif sends_data:
        if not curls_own_type and not any(name.lower() == "content-type" for name, _v in headers):
            # Without this curl would label the body as a web form.
            parts.append(f"-H {quote('Content-Type:')}")
        parts.append(f"--data-raw {quote(request.body.text if has_body else '')}")
    joiner = " ^\n  " if style == "cmd" else " \\\n  "
    return "curl " + joiner.join(parts)
