"""Paste import and diagnosis speed: the course's cURL, a cURL with a 1 MB base64 body, a raw HTTP log, a diagnosis."""
from __future__ import annotations

from bench.measure import median_ms

NAMES = ["curl_import_course_ms", "curl_import_1mb_ms", "curl_import_1mb_cmd_ms", "http_import_1mb_ms", "diagnose_ms"]

COURSE = """curl -X POST "https://wappi.pro/api/sync/message/send?profile_id=your_id" \\
  -H "Authorization: your_token" \\
  -H "Content-Type: application/json" \\
  -d '{"body": "Hello World", "recipient": "79990000000"}'"""


def figures(selected: set[str]):
    from desktop.core.curl import parse_curl, to_curl
    from desktop.core.diagnose import diagnose
    from desktop.core.httplog import parse_http, to_http

    big = parse_curl(COURSE)
    big.url = "https://wappi.pro/api/sync/message/img/send"
    big.body.text = '{"recipient": "79990000000", "b64_file": "' + "QUJD" * 262_144 + '"}'
    big_bash, big_cmd, big_http = to_curl(big, mask_secrets=False), to_curl(big, mask_secrets=False, style="cmd"), to_http(big, mask_secrets=False)
    course = parse_curl(COURSE)
    cases = {
        "curl_import_course_ms": (lambda: parse_curl(COURSE), "< 5 ms"),
        "curl_import_1mb_ms": (lambda: parse_curl(big_bash), "< 300 ms"),
        "curl_import_1mb_cmd_ms": (lambda: parse_curl(big_cmd), "< 1000 ms"),
        "http_import_1mb_ms": (lambda: parse_http(big_http), "< 300 ms"),
        "diagnose_ms": (lambda: diagnose(course, endpoints={}), "< 5 ms"),
    }
    for name, (fn, target) in cases.items():
        if name in selected:
            yield name, round(median_ms(fn, runs=5), 3), "ms", target
