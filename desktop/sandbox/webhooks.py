"""Webhook delivery as the course describes: POST JSON, 200 means delivered, else 5 tries at 0, +5, +10, +20, +30 min."""
from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import httpx

from desktop.sandbox.scheduler import Scheduler

# Minutes to wait before each try (the first goes at once); the course's schedule.
RETRY_SCHEDULE_MIN = (0, 5, 10, 20, 30)
ANSWER_TIMEOUT_S = 5.0  # the course: answer "ideally in under 5 seconds"


@dataclass(frozen=True)
class Attempt:
    """One try of one webhook, for the app to show."""

    time: float
    url: str
    wh_type: str
    attempt: int        # 1..5
    status: int | None  # HTTP status, or None when the receiver could not be reached
    error: str = ""
    final: bool = False  # no more tries follow (delivered, or the 5th failed)


class WebhookSender:
    def __init__(self, scheduler: Scheduler, retry_scale: float = 1.0, keep: int = 500) -> None:
        self._scheduler = scheduler
        self._scale = retry_scale
        # Built at the first webhook: most sessions send none, and the client costs the app's start ~0.1 s and ~10 MB.
        self._client: httpx.Client | None = None
        self._attempts: deque[Attempt] = deque(maxlen=keep)
        self._lock = threading.Lock()
        self._first_tries = 0  # webhooks sent whose first try is not written down yet

    def send(self, url: str, payload: dict[str, Any], wh_type: str, auth: str = "") -> None:
        with self._lock:
            self._first_tries += 1
        self._scheduler.later(0, lambda: self._try(url, payload, wh_type, auth, 1))

    def attempts(self) -> list[Attempt]:
        with self._lock:
            return list(self._attempts)

    def first_tries_pending(self) -> int:
        """Webhooks sent whose first try is not in `attempts()` yet, so a reader can wait for exactly those."""
        with self._lock:
            return self._first_tries

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(timeout=ANSWER_TIMEOUT_S, follow_redirects=False)
            return self._client

    def _try(self, url: str, payload: dict[str, Any], wh_type: str, auth: str, number: int) -> None:
        headers = {"Authorization": auth} if auth else {}
        status, error = None, ""
        try:
            status = self._http().post(url, json=payload, headers=headers).status_code
        except httpx.HTTPError as exc:
            error = type(exc).__name__
        except BaseException:
            if number == 1:  # never written down, so no longer on its way either
                with self._lock:
                    self._first_tries -= 1
            raise
        final = status == 200 or number == len(RETRY_SCHEDULE_MIN)
        with self._lock:
            self._attempts.append(Attempt(time.time(), url, wh_type, number, status, error, final))
            if number == 1:  # in the same step as the append: a reader never sees it neither pending nor written
                self._first_tries -= 1
        if not final:
            delay = RETRY_SCHEDULE_MIN[number] * 60 * self._scale
            self._scheduler.later(delay, lambda: self._try(url, payload, wh_type, auth, number + 1))
