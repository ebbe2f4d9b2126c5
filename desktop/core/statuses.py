"""HTTP status codes in plain words, as the course teaches them, with their class for colouring."""
from __future__ import annotations

from desktop.i18n import _


def meaning(code: int) -> str:
    """One line an agent can read aloud: what the status means and what to check."""
    texts = {
        200: _("Success: the server accepted the request and answered."),
        201: _("Success: created."),
        204: _("Success, with an empty answer."),
        301: _("The address has moved for good; the request was sent on to the new one."),
        302: _("The server sent the request on to another address."),
        304: _("Nothing changed since the last request."),
        400: _("Bad request: check the JSON and the required fields."),
        401: _("Not authorised: the token is wrong or missing. Check the Authorization header."),
        403: _("Forbidden: the token is valid but has no access to this (check the payment and the profile)."),
        404: _("Not found: check the URL and the profile_id."),
        405: _("Wrong method: this address takes another method (for example POST instead of GET)."),
        408: _("The server waited too long for the request."),
        413: _("The body is too large for the server (a big file?)."),
        415: _("The server does not accept this body format: check Content-Type: application/json."),
        422: _("The server understood the JSON but a field has a wrong value."),
        429: _("Too many requests: wait a little and try again."),
        500: _("Error on the server side: not the client's fault. Try again later."),
        502: _("The server's gateway got no proper answer: a problem on the server side. Try again later."),
        503: _("The service is temporarily unavailable (maintenance or overload). Try again later."),
        504: _("The server did not answer in time: a problem on the server side. Try again later."),
    }
    if code in texts:
        return texts[code]
    fallback = {
        1: _("Informational answer."),
        2: _("Success."),
        3: _("Redirect to another address."),
        4: _("The request has a mistake (client side)."),
        5: _("Error on the server side."),
    }
    return fallback.get(code // 100, _("Unusual status code."))


def status_class(code: int) -> str:
    """"success", "redirect", "client-error", "server-error" or "info": the badge colour keys on it."""
    return {1: "info", 2: "success", 3: "redirect", 4: "client-error", 5: "server-error"}.get(code // 100, "info")
