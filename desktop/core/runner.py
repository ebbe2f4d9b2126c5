"""Send saved requests one after another without the window and report one line per request."""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop.core import errors, sender
from desktop.core.collection import FormatError, load_tree, read_request, walk_items
from desktop.core.models import Request, Response
from desktop.core.secrets import MASK, masker
from desktop.core.sizes import human_size
from desktop.core.variables import empty_names, resolve
from desktop.i18n import _

# In error texts a secret is found by its value; shorter values would mask ordinary letters ("--var token=x").
MIN_MASKED_VALUE = 6


@dataclass
class RunLine:
    name: str
    method: str
    url: str  # secrets masked
    status: int | None = None
    reason: str = ""
    elapsed_ms: float = 0.0
    error: str = ""
    note: str = ""   # said after the outcome without failing it (what a redirect kept from another host)

    @property
    def ok(self) -> bool:
        return not self.error and self.status is not None and self.status < 400

    def text(self) -> str:
        mark = _("OK") if self.ok else _("FAIL")
        outcome = f"{self.status} {self.reason}".strip() if self.status is not None else self.error
        line = f"{mark:<4}  {self.name}  {self.method} {self.url}  {outcome}  {self.elapsed_ms:.0f} ms"
        if self.status is not None and self.error:
            line += f"  {self.error}"
        if self.note:
            line += f"  {self.note}"
        return line


def collect(path: Path) -> tuple[list[Request], list[str]]:
    """The requests of a request file or of a folder (tree order), and the files that were skipped."""
    path = Path(path)
    if path.is_dir():
        try:
            tree, problems = load_tree(path, whole=True)
        except FormatError as exc:
            return [], [str(exc)]
        return [item.request for item in walk_items(tree)], problems
    try:
        return [read_request(path)[0]], []
    except FormatError as exc:
        return [], [str(exc)]


def send_request(
    request: Request, client: httpx.Client, values: Mapping[str, str], timeout: float, secrets: Iterable[str] = ()
) -> Response:
    """The one place the runner sends: sender.send (kept behind this function so tests and callers share it)."""
    return sender.send(request, client, values=values, timeout=timeout, secrets=secrets)


def run(
    requests: list[Request],
    values: Mapping[str, str],
    client: httpx.Client,
    secret_names: Collection[str],
    report: Callable[[RunLine], None] = lambda line: None,
    timeout: float = sender.DEFAULT_TIMEOUT,
) -> list[RunLine]:
    """Send each request; a line's address shows MASK exactly where a secret variable was filled in.

    The values of `secret_names` are also never carried to another host on a redirect.
    """
    hidden = {name: MASK for name in secret_names if values.get(name)}
    secrets = [values[name] for name in hidden]
    mask_error = masker([secret for secret in secrets if len(secret) >= MIN_MASKED_VALUE])
    lines = []
    for request in requests:
        sent_url = resolve(request, values)[0].full_url()
        shown_url = resolve(request, {**values, **hidden})[0].full_url()
        line = RunLine(request.name, request.method, shown_url)
        try:
            response = send_request(request, client, values, timeout, secrets)
        except errors.SendError as exc:
            line.error = mask_error(str(exc).replace(sent_url, shown_url))
        else:
            line.status, line.reason, line.elapsed_ms = response.status, response.reason, response.elapsed_ms
            if response.status >= 400:
                line.error = _("the server answered with an error status")
            notes = [_cut_note(response) if response.truncated else "", mask_error(sender.dropped_words(response))]
            line.note = " ".join(note for note in notes if note)
        empty = empty_names(request, values)
        if empty:
            # Defined but empty: sent empty (as newman does), and said so.
            said = _("sent empty: {names}").format(names=", ".join("{{" + name + "}}" for name in empty))
            line.note = f"{line.note}  {said}".strip()
        report(line)
        lines.append(line)
    return lines


def _cut_note(response: Response) -> str:
    if response.cut_reason == "time":
        return _("the answer kept coming for too long and was cut: only its first {size} were read").format(
            size=human_size(len(response.body))
        )
    return _("the answer was cut at {size}: only its beginning was read").format(size=human_size(len(response.body)))
