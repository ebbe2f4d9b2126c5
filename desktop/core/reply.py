"""The reply to the client: findings turned into short sentences in the client's language, one per mistake."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from desktop.core.diagnose import AGENT_ONLY, Finding
from desktop.core.webhooks import WebhookCheck
from desktop.i18n import translation

DEFAULT_LANGUAGE = "ru"
# Findings that say the same as a more precise one: the general one is left out when the precise one is there.
_COVERED_BY = {
    "status-401": {"token-missing", "token-quoted", "token-bearer-prefix", "token-whitespace"},
    "status-400": {"invalid-json", "missing-field", "phone-as-number", "bad-recipient", "bad-format", "wrong-type"},
    "status-404": {"unknown-endpoint", "profile-id-missing"},
    "status-405": {"wrong-method"},
}

Gettext = Callable[[str], str]


def for_client(findings: Iterable[Finding]) -> list[Finding]:
    """The findings the client can act on: the agent's own network problems (DNS, timeout) stay with the agent."""
    return [f for f in findings if f.code not in AGENT_ONLY]


def client_sentences(findings: Iterable[Finding], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """One or two sentences per mistake, in the client's language ("ru" or "en"), in the findings' order, each once."""
    t = translation(lang)
    found = for_client(findings)
    codes = {f.code for f in found}
    sentences: list[str] = []
    for finding in found:
        if codes & _COVERED_BY.get(finding.code, set()):
            continue
        for sentence in _sentences(finding, t.gettext, t.ngettext):
            if sentence and sentence not in sentences:
                sentences.append(sentence)
    return sentences


def reply_text(findings: Iterable[Finding], lang: str = DEFAULT_LANGUAGE) -> str:
    """The whole message for the client, ready to paste: greeting, numbered mistakes, what to do next.

    `lang` is the client's language (a setting of the client's environment), not the language of the window."""
    _ = translation(lang).gettext
    sentences = client_sentences(findings, lang)
    if not sentences:
        return "\n\n".join([_("Hello!"), _("We checked your request and found no mistakes in it. If the problem "
                                           "remains, please send us the exact time of the request and the full "
                                           "answer of the server.")])
    points = "\n".join(f"{number}. {sentence}" for number, sentence in enumerate(sentences, 1))
    return "\n\n".join([_("Hello!"), _("We checked your request. Here is what to change:"), points,
                        _("After these changes, please send the request again. If it still does not work, send us "
                          "the request and the server's answer.")])


def webhook_sentences(check: WebhookCheck, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """What the client should change so the service's webhooks reach their server, from a webhook check."""
    _ = translation(lang).gettext
    seconds = f"{(check.elapsed_ms or 0) / 1000:.1f}"
    if lang == "ru":
        seconds = seconds.replace(".", ",")  # a decimal comma in Russian
    sentences: list[str] = []
    for finding in check.findings:
        code = finding.code
        if code == "webhook-not-200" and (check.status or 0) >= 500:
            sentence = _("Your server answered our webhook with {status} instead of 200 OK: this is an error on "
                         "your server, so please ask your developers to look at its logs.").format(status=check.status)
        elif code == "webhook-not-200":
            sentence = _("Your server answered our webhook with {status} instead of 200 OK, so we count it as not "
                         "delivered and send it again. Please make your server answer 200 OK at this "
                         "address.").format(status=check.status)
        else:
            sentence = {
                "webhook-unreachable": _("We could not reach your webhook address: please check that the address "
                                         "is right and that your server is open from the internet."),
                "webhook-bad-url": _("The webhook address in your settings is written with a mistake: it must be a "
                                     "full address that starts with https://."),
                "webhook-http-not-https": _("Please use a webhook address that starts with https://."),
                "webhook-not-public": _("The webhook address points into a local network that our server cannot "
                                        "reach: please use an address that is open from the internet."),
                "webhook-redirect": _("Your webhook address sends requests on to another address: please put the "
                                      "final address in the webhook settings."),
                "webhook-slow": _("Your server took {seconds} s to answer: please answer 200 OK at once, within 5 "
                                  "seconds, and process the data afterwards.").format(seconds=seconds),
                "webhook-type-disabled": _("Webhooks of the type {wh_type} are switched off for your profile: "
                                           "please turn them on in the webhook settings.").format(wh_type=check.wh_type),
            }.get(code, "")
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return sentences


def webhook_reply(check: WebhookCheck, lang: str = DEFAULT_LANGUAGE) -> str:
    """The whole message for the client about their webhook address, ready to paste."""
    _ = translation(lang).gettext
    sentences = webhook_sentences(check, lang)
    if not sentences:
        return "\n\n".join([_("Hello!"), _("We sent a test webhook to your address and your server answered 200 OK: "
                                           "delivery works.")])
    points = "\n".join(f"{number}. {sentence}" for number, sentence in enumerate(sentences, 1))
    return "\n\n".join([_("Hello!"), _("We checked your webhook address. Here is what to change:"), points,
                        _("After these changes, please let us know and we will check the delivery again.")])


def _sentences(finding: Finding, _: Gettext, ngettext: Callable[[str, str, int], str]) -> list[str]:
    """The sentences for one finding; `_` and `ngettext` are the client language's, not the window's."""
    facts: dict[str, Any] = finding.facts
    code = finding.code
    if code == "invalid-json":
        return [_json_sentence(kind, _) for kind in facts.get("mistakes", [])] or [
            _("The request body is not valid JSON: please check the quotes, commas and brackets.")]
    if code in ("phone-as-number", "bad-recipient", "bad-format", "wrong-type"):
        return [_field_sentence(code, facts, _)]
    if code == "status-429":
        seconds = str(facts.get("seconds") or "")
        if seconds.isdigit():
            return [ngettext("There were too many requests in a short time: please wait {n} second and send "
                             "requests less often.",
                             "There were too many requests in a short time: please wait {n} seconds and send "
                             "requests less often.", int(seconds)).format(n=int(seconds))]
        return [_("There were too many requests in a short time: please wait a minute and send requests less often.")]
    detail = str(facts.get("detail") or "")
    if code == "status-401":
        check = _("Please check the token in the Authorization header: you will find it in your dashboard on the "
                  "profile page.")
        said = (_("The server did not accept the token and answered «{detail}».").format(detail=detail) if detail
                else _("The server did not accept the token."))
        return [said + " " + check]
    if code == "status-400":
        field = facts.get("field")
        if field:
            return [_("The server rejected the {field} field: please check that it is there and filled in as the "
                      "documentation shows.").format(field=field)]
        return [_("The server rejected the request data: please check the JSON and the required fields body and "
                  "recipient.")]
    if code == "status-404":
        profile = facts.get("profile")
        if profile:
            return [_("The server did not find the profile {profile}: please check that the profile_id in the "
                      "address is right and that this profile is in your dashboard.").format(profile=profile)]
        return [_("The server did not find the address or the profile: please check the method's address and the "
                  "profile_id.")]
    if code == "status-405":
        if facts.get("expected"):
            return [_("This address must be called with {expected}, not {actual}.").format(**facts)]
        return [_("This address does not accept {actual} requests: please use the HTTP method the documentation "
                  "gives.").format(actual=facts.get("actual", ""))]
    if code == "wrong-method":
        return [_("The method {path} must be called with {expected}, not {actual}.").format(**facts)]
    if code == "unknown-endpoint":
        if facts.get("closest"):
            return [_("The address {path} is wrong: please use {closest}.").format(**facts)]
        return [_("The address {path} is not a method of our API: please check it in the documentation.").format(
            path=facts.get("path", ""))]
    if code == "status-5xx":
        return [_("Our server could not handle the request ({status}); this is not a mistake in your request. "
                  "Please try again in a few minutes.").format(status=facts.get("status", ""))]
    if code == "profile-id-missing" and facts.get("in_body"):
        return [_("Move profile_id from the request body to the address (?profile_id=…): the API reads it only "
                  "there.")]
    if code in ("missing-field",):
        return [_("Add the required field {field} to the request body.").format(field=facts.get("field", ""))]
    simple = {
        "bad-url": _("The address of the request is written with a mistake: please write it as the documentation "
                     "shows (for example https://wappi.pro/api/sync/message/send?profile_id=…)."),
        "http-not-https": _("The address must start with https://, not http://."),
        "missing-content-type": _("Add the header Content-Type: application/json to the request, otherwise the "
                                  "server does not understand the body."),
        "token-missing": _("The request has no token: put your API token in the Authorization header. You will find "
                           "it in your dashboard on the profile page."),
        "token-quoted": _("Remove the quotes around the token in the Authorization header: the header must hold the "
                          "token alone."),
        "token-bearer-prefix": _("Remove the word Bearer before the token in the Authorization header: our API "
                                 "expects the token alone."),
        "token-whitespace": _("The token has spaces or line breaks in it: copy it again from your dashboard and "
                              "paste it as one line, without spaces."),
        "profile-id-missing": _("Add the profile id to the address (?profile_id=…): you will find it in your "
                                "dashboard on the profile page."),
        "body-on-get": _("A GET request does not send a body: put the parameters in the address instead, as "
                         "?name=value."),
        "profile-not-authorized": _("Your WhatsApp profile is not connected: please scan the QR code again in your "
                                    "dashboard and do not use this number in WhatsApp Web at the same time."),
    }
    return [simple.get(code, "")]


def _json_sentence(kind: str, _: Gettext) -> str:
    """One kind of JSON syntax mistake (a jsonlint code), said once however often it occurs."""
    return {
        "single-quotes": _("Write field names and text in double quotes \", not in single quotes '."),
        "smart-quotes": _("Use plain double quotes \" instead of typographic ones such as « » or “ ”."),
        "missing-comma": _("Put a comma between the fields."),
        "trailing-comma": _("Remove the comma after the last field."),
        "python-literal": _("Write true, false and null in small letters, not True, False or None."),
        "comment": _("Remove the comments (// …): JSON does not allow them."),
        "unquoted-key": _("Put every field name in double quotes, for example \"body\"."),
        "unterminated-string": _("Close every text with a double quote."),
        "unclosed-bracket": _("Close every opening bracket { or [."),
        "control-character": _("Do not put line breaks or tabs inside text: write \\n for a line break."),
        "invalid-escape": _("Write a backslash inside text as two: \\\\."),
        "invalid-number": _("Write numbers with digits and a dot, without a + or zeros in front."),
        "invisible-character": _("Remove the invisible characters (such as non-breaking spaces) that came with "
                                 "copying from a messenger or Word."),
        "trailing-data": _("Remove the extra text after the closing brace }."),
        "empty": _("The request body is empty: please send the data as JSON."),
        "duplicate-key": _("Write each field only once."),
    }.get(kind, _("The request body is not valid JSON: please check the quotes, commas and brackets."))


def _field_sentence(code: str, facts: dict[str, Any], _: Gettext) -> str:
    """A wrong value of one field; `corrected` is the value to write instead, when there is a sure one."""
    field = facts.get("field", "")
    corrected = facts.get("corrected")
    kind = facts.get("kind", "")
    if code == "phone-as-number":
        return _("Write the phone number in the {field} field as text in double quotes: \"{field}\": \"{corrected}\".").format(
            field=field, corrected=corrected)
    if code == "bad-recipient":
        example = corrected if isinstance(corrected, str) else "79990001122"
        return {
            "formatted": _("Write the number in the {field} field in digits only, with the country code and without "
                           "+, spaces, dashes or brackets: {example}."),
            "starts-with-8": _("Start the number in the {field} field with the country code 7 instead of 8: "
                               "{example}."),
            "no-country-code": _("Add the country code to the number in the {field} field: {example}."),
            "empty": _("The {field} field is empty: write the recipient's phone number with the country code, for "
                       "example 79990001122."),
        }.get(kind, _("In the {field} field write a phone number with the country code (for example 79990001122) "
                      "or a chat id ending in @c.us or @g.us.")).format(field=field, example=example)
    if code == "bad-format":
        return {
            "data-prefix": _("In the {field} field send only the base64 characters of the file, without the "
                             "beginning «data:…;base64,»."),
            "not-a-link": _("The {field} field must hold a link that starts with https://."),
        }.get(kind, _("The {field} field must hold the file encoded in base64: only Latin letters, digits, +, / "
                      "and =.")).format(field=field)
    return {
        "string": _("The {field} field must be text in double quotes."),
        "number": _("The {field} field must be a number, without quotes."),
        "integer": _("The {field} field must be a whole number, without quotes."),
        "boolean": _("The {field} field must be true or false, without quotes."),
        "array": _("The {field} field must be a list in square brackets [ ]."),
        "object": _("The {field} field must be an object in curly brackets {{ }}."),
    }.get(kind, _("The {field} field has a value of the wrong type: please check it in the documentation.")).format(
        field=field)
