"""The one state of the open request: what is edited, where it goes, the last answer with the request it answered, and the findings."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from desktop.core import diagnose as diagnosis
from desktop.core.diagnose import Finding, FixOutcome
from desktop.core.environments import reply_language
from desktop.core.models import Request, Response
from desktop.core.reply import reply_text, webhook_reply
from desktop.core.secrets import bare_token
from desktop.core.variables import Environment, resolve
from desktop.core.webhooks import WebhookCheck
from desktop.i18n import _

# What a listener is told changed; "request" also covers a stale answer label, "opened" means everything did.
OPENED, REQUEST, ANSWER, FINDINGS, ENVIRONMENT = "opened", "request", "answer", "findings", "environment"


@dataclass
class Answer:
    """What came back (a Response, or the SendError that stood for it) and the exact request, as edited, that got it."""

    request: Request
    result: Any
    server: str  # where it came from, language-free: SANDBOX, SANDBOX_REPEAT, a host, or NOWHERE
    environment: str = ""

    @property
    def response(self) -> Response | None:
        return self.result if isinstance(self.result, Response) else None

    @property
    def error(self) -> Any:
        return None if isinstance(self.result, Response) or getattr(self.result, "code", "") == "cancelled" else self.result


@dataclass
class FindingsJob:
    """A snapshot for computing findings off the GUI thread; `generation` lets a late result be dropped."""

    generation: int
    request: Request
    response: Response | None
    error: Any
    rules: dict[str, Any] | None
    values: dict[str, str] = field(default_factory=dict, repr=False)

    def run(self) -> list[Finding]:
        # With the values the request is judged as it will be sent (a token stored with quotes is found).
        return diagnosis.diagnose(self.request, self.response, error=self.error, rules=self.rules, values=self.values)


def client_request_name(now: datetime | None = None) -> str:
    """The name of a request pasted from a client, so it never takes the open template's name."""
    return _("Client's request {time}").format(time=(now or datetime.now()).strftime("%H:%M"))


# SANDBOX_STAND_INS: a repeat in which the sandbox's own token or profile_id stood in for the client's.
SANDBOX, SANDBOX_REPEAT, SANDBOX_STAND_INS, NOWHERE = "sandbox", "sandbox-repeat", "sandbox-repeat-stand-ins", ""


def server_of(url: str, sandbox_url: str = "") -> str:
    """Where a request goes, language-free (so a language switch can say it again): SANDBOX or the host name."""
    host = urlsplit(url).netloc if "://" in url else ""
    if sandbox_url and host and host == urlsplit(sandbox_url).netloc:
        return SANDBOX
    return host


def server_words(server: str) -> str:
    """`server_of`'s answer in words of the current language."""
    if server == SANDBOX:
        return _("the built-in sandbox")
    if server == SANDBOX_REPEAT:
        return _("the built-in sandbox (the client's request repeated there, not on wappi.pro)")
    if server == SANDBOX_STAND_INS:
        return _("the built-in sandbox (the client's request repeated there with the sandbox's own token and "
                 "profile_id in place of the client's, in the same form; only wappi.pro can tell whether the "
                 "client's own are right)")
    return server or _("no server (nothing came back)")


class Session:
    """The open request and everything derived from it; listeners are plain callables told what changed."""

    def __init__(self) -> None:
        self.request = Request()
        self.name = ""
        self.rules: dict[str, Any] | None = None
        self.environment: Environment | None = None
        self.values: dict[str, str] = {}  # the environment's values, secrets included: memory only
        self.answer: Answer | None = None
        self.findings: list[Finding] = []
        self.findings_ready = False  # False between a change and the findings computed for it
        self.generation = 0
        self._listeners: list[Callable[[str], None]] = []

    # ---- listening ------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def _changed(self, what: str) -> None:
        for listener in list(self._listeners):
            listener(what)

    def _invalidate(self) -> None:
        """Every change makes the findings of the previous state meaningless until recomputed."""
        self.generation += 1
        self.findings_ready = False

    # ---- writing --------------------------------------------------------------------------------

    def open(self, request: Request, name: str = "", rules: dict[str, Any] | None = None) -> None:
        """Another request on screen: nothing of the previous one (answer, findings, reply) survives."""
        self.request = request.copy()
        self.name = name or request.name
        self.rules = rules
        self.answer = None
        self.findings = []
        self._invalidate()
        self._changed(OPENED)

    def edit(self, request: Request) -> None:
        """The agent changed the request; the answer stays, labelled as the answer to the earlier version."""
        if request.to_dict(embed=False) == self.request.to_dict(embed=False) and request.body.attachments == self.request.body.attachments:
            return
        self.request = request.copy()
        self._invalidate()
        self._changed(REQUEST)

    def set_environment(self, environment: Environment | None, values: dict[str, str]) -> None:
        """Another environment: the answer came from elsewhere, so it goes."""
        switched = (environment.name if environment else None) != (self.environment.name if self.environment else None)
        self.environment = environment
        self.values = dict(values)
        if switched:
            self.answer = None
            self.findings = []
        self._invalidate()
        self._changed(ENVIRONMENT)

    def record_answer(self, request: Request, result: Any, server: str) -> None:
        self.answer = Answer(request.copy(), result, server, self.environment.name if self.environment else "")
        self._invalidate()
        self._changed(ANSWER)

    # ---- reading --------------------------------------------------------------------------------

    def answer_is_current(self) -> bool:
        """True when the answer on screen is the answer to the request on screen."""
        return self.answer is not None and self.answer.request.to_dict(embed=False) == self.request.to_dict(embed=False)

    def resolved(self) -> Request:
        """What the next send carries: variables filled in (secrets too: never written anywhere)."""
        return resolve(self.request, self.values)[0]

    def findings_job(self) -> FindingsJob:
        current = self.answer if self.answer_is_current() else None
        return FindingsJob(
            self.generation,
            self.request.copy(),
            current.response if current else None,
            current.error if current else None,
            self.rules,
            dict(self.values),
        )

    def set_findings(self, generation: int, findings: list[Finding]) -> bool:
        """Accept findings computed for `generation`; a result for an earlier state is dropped (False)."""
        if generation != self.generation:
            return False
        self.findings = list(findings)
        self.findings_ready = True
        self._changed(FINDINGS)
        return True

    def refresh(self) -> list[Finding]:
        """Compute the findings here and now (tests, small requests)."""
        job = self.findings_job()
        self.set_findings(job.generation, job.run())
        return self.findings

    def blocking_findings(self) -> list[Finding]:
        """Real mistakes in the request itself, worth a question before sending; placeholders and warnings are not."""
        return diagnosis.mistakes_before_sending(self.request, self.rules, self.values)

    def reply(self) -> str:
        """The message for the client about the request on screen (never about an earlier one), in the client's language."""
        return reply_text(self.findings if self.findings_ready else [], reply_language(self.environment))

    def webhook_reply(self, check: WebhookCheck) -> str:
        """The message for the client about a check of their webhook address, in the client's language."""
        return webhook_reply(check, reply_language(self.environment))

    # ---- fixing ---------------------------------------------------------------------------------

    def apply_fix(self, finding: Finding | str) -> FixOutcome:
        """Make the next send carry the fix. A changed request is taken at once; a changed variable is too unless
        it is a secret (`needs_confirmation`): then the window asks and calls store_value."""
        outcome = diagnosis.apply_fix(finding, self.request, self.environment, self.values, rules=self.rules)
        if not outcome.applied:
            return outcome
        outcome.request.name = self.request.name
        self.edit(outcome.request)
        if outcome.variable is not None and not outcome.needs_confirmation:
            self.store_value(outcome.variable.name, outcome.variable.value)
        return outcome

    def store_value(self, name: str, value: str) -> None:
        """A variable's value changed where it is kept (the agent agreed): findings follow at once."""
        self.values[name] = value
        if self.environment is not None and self.environment.get(name) is not None and not self.environment.get(name).secret:
            self.environment.set(name, value)
        self._invalidate()
        self._changed(ENVIRONMENT)

    # ---- language switch ------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything a rebuilt window needs to show the same thing (kept in memory, never written)."""
        return {
            "request": self.request.copy(),
            "name": self.name,
            "rules": self.rules,
            "answer": self.answer,
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.request = state["request"].copy()
        self.name = state["name"]
        self.rules = state["rules"]
        self.answer = state["answer"]
        self._invalidate()
        self._changed(OPENED)


# The shapes of a real profile_id (the documented `abcd1234-ef56`) and token: only such values are ones the sandbox
# cannot know. Anything else cannot be right on wappi.pro either, so the sandbox's refusal of it is the true answer.
PROFILE_ID_SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}")
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9]{20,}")


def with_sandbox_credentials(request: Request, profile_id: str, token: str) -> tuple[Request, bool]:
    """The client's request with the sandbox's own token and profile_id in place of the client's real-looking ones,
    and whether any was put in place.

    The sandbox knows only its own: the client's real ones would get a 401 or 404 that says nothing of the request.
    Each is swapped inside the client's form (quotes, «Bearer», spaces kept), so a mistake of form is still answered
    as wappi.pro would; a token broken by a line break is left as it is, and the sandbox refuses it as wappi.pro would.
    """
    request = request.copy()
    swapped = False
    for rows, name, own, shape in ((request.headers, "authorization", token, TOKEN_SHAPE),
                                   (request.params, "profile_id", profile_id, PROFILE_ID_SHAPE)):
        for row in rows:
            if not (own and row.enabled and row.name.strip().lower() == name):
                continue
            inner = bare_token(row.value)
            if inner != own and shape.fullmatch(inner) and inner in row.value:
                row.value = row.value.replace(inner, own, 1)
                swapped = True
    return request, swapped


def sandbox_address(url: str, sandbox_url: str) -> str:
    """The same path on the built-in sandbox: only the scheme and host change (the query lives in params)."""
    path = urlsplit(url).path if "://" in url else "/" + url.lstrip("/")
    return sandbox_url.rstrip("/") + (path or "/")
