"""Sandbox figures: how long the embedded server takes to start and stop, and to answer a send-text request."""
from __future__ import annotations

import tempfile

import httpx

from bench.measure import median_ms
from desktop.sandbox.server import Sandbox

NAMES = ["sandbox_start_stop_ms", "sandbox_send_text_ms"]


def figures(selected: set[str]):
    with tempfile.TemporaryDirectory() as data_dir:
        if "sandbox_start_stop_ms" in selected:
            yield "sandbox_start_stop_ms", median_ms(lambda: Sandbox(data_dir=data_dir).start().stop(), runs=5), "ms", "< 300"
        if "sandbox_send_text_ms" in selected:
            with Sandbox(data_dir=data_dir) as sb, httpx.Client(base_url=sb.base_url, timeout=10) as client:
                def send() -> None:
                    client.post("/api/sync/message/send", params={"profile_id": sb.profile_id},
                                headers={"Authorization": sb.token}, json={"body": "bench", "recipient": "79991112233"})

                yield "sandbox_send_text_ms", median_ms(send, runs=25), "ms", "< 20"
