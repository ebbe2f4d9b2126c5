"""The reply to the client: every template with sample values against the exact sentence, in Russian and English."""
from __future__ import annotations

import json

import pytest

from desktop import i18n
from desktop.core.diagnose import Finding, diagnose
from desktop.core.httplog import parse_http
from desktop.core.models import Response
from desktop.core.reply import client_sentences, reply_text, webhook_reply, webhook_sentences
from desktop.core.webhooks import Finding as WebhookFinding
from desktop.core.webhooks import WebhookCheck


def finding(code: str, **facts) -> Finding:
    # The agent's words are in the UI language and are never used for the client: make them obviously wrong.
    return Finding(code, "error", "AGENT TITLE", "AGENT MESSAGE строка 1, позиция 2", "AGENT NEXT STEP", None, facts)


def answer(status: int, body: object) -> Response:
    return Response(status, "", [("Content-Type", "application/json")], json.dumps(body).encode(), 5.0)


SENTENCES = [
    (finding("token-missing"),
     "The request has no token: put your API token in the Authorization header. You will find it in your dashboard on the profile page.",
     "В запросе нет токена: укажите ваш API-токен в заголовке Authorization. Его можно найти в личном кабинете на странице профиля."),
    (finding("token-quoted"),
     "Remove the quotes around the token in the Authorization header: the header must hold the token alone.",
     "Уберите кавычки вокруг токена в заголовке Authorization: в заголовке должен быть только сам токен."),
    (finding("token-bearer-prefix"),
     "Remove the word Bearer before the token in the Authorization header: our API expects the token alone.",
     "Уберите слово Bearer перед токеном в заголовке Authorization: наш API ожидает только сам токен."),
    (finding("token-whitespace"),
     "The token has spaces or line breaks in it: copy it again from your dashboard and paste it as one line, without spaces.",
     "В токене есть пробелы или переносы строк: скопируйте его заново из личного кабинета и вставьте одной строкой, без пробелов."),
    (finding("status-401", detail="Invalid token"),
     "The server did not accept the token and answered «Invalid token». Please check the token in the Authorization header: you will find it in your dashboard on the profile page.",
     "Сервер не принял токен и ответил «Invalid token». Проверьте токен в заголовке Authorization: его можно найти в личном кабинете на странице профиля."),
    (finding("status-401", detail=""),
     "The server did not accept the token. Please check the token in the Authorization header: you will find it in your dashboard on the profile page.",
     "Сервер не принял токен. Проверьте токен в заголовке Authorization: его можно найти в личном кабинете на странице профиля."),
    (finding("http-not-https"),
     "The address must start with https://, not http://.",
     "Адрес должен начинаться с https://, а не с http://."),
    (finding("missing-content-type"),
     "Add the header Content-Type: application/json to the request, otherwise the server does not understand the body.",
     "Добавьте в запрос заголовок Content-Type: application/json, иначе сервер не поймёт тело запроса."),
    (finding("bad-url"),
     "The address of the request is written with a mistake: please write it as the documentation shows (for example https://wappi.pro/api/sync/message/send?profile_id=…).",
     "Адрес запроса записан с ошибкой: напишите его так, как указано в документации (например, https://wappi.pro/api/sync/message/send?profile_id=…)."),
    (finding("profile-id-missing", in_body=False),
     "Add the profile id to the address (?profile_id=…): you will find it in your dashboard on the profile page.",
     "Добавьте в адрес идентификатор профиля (?profile_id=…): его можно найти в личном кабинете на странице профиля."),
    (finding("profile-id-missing", in_body=True),
     "Move profile_id from the request body to the address (?profile_id=…): the API reads it only there.",
     "Перенесите profile_id из тела запроса в адрес (?profile_id=…): API читает его только оттуда."),
    (finding("missing-field", field="recipient"),
     "Add the required field recipient to the request body.",
     "Добавьте в тело запроса обязательное поле recipient."),
    (finding("status-404", profile="abc123", detail="Profile not found"),
     "The server did not find the profile abc123: please check that the profile_id in the address is right and that this profile is in your dashboard.",
     "Сервер не нашёл профиль abc123: проверьте, что profile_id в адресе указан верно и этот профиль есть в вашем личном кабинете."),
    (finding("status-404", profile="", detail=""),
     "The server did not find the address or the profile: please check the method's address and the profile_id.",
     "Сервер не нашёл адрес или профиль: проверьте адрес метода и profile_id."),
    (finding("wrong-method", path="/api/sync/message/send", expected="POST", actual="GET"),
     "The method /api/sync/message/send must be called with POST, not GET.",
     "Метод /api/sync/message/send нужно вызывать через POST, а не GET."),
    (finding("status-405", expected="POST", actual="GET"),
     "This address must be called with POST, not GET.",
     "Этот адрес нужно вызывать методом POST, а не GET."),
    (finding("status-405", expected="", actual="DELETE"),
     "This address does not accept DELETE requests: please use the HTTP method the documentation gives.",
     "Этот адрес не принимает запросы DELETE: используйте HTTP-метод, указанный в документации."),
    (finding("unknown-endpoint", path="/sync/message/send", closest="/api/sync/message/send"),
     "The address /sync/message/send is wrong: please use /api/sync/message/send.",
     "Адрес /sync/message/send указан неверно: используйте /api/sync/message/send."),
    (finding("unknown-endpoint", path="/api/nothing", closest=""),
     "The address /api/nothing is not a method of our API: please check it in the documentation.",
     "Адреса /api/nothing нет среди методов нашего API: сверьте его с документацией."),
    (finding("status-400", field="recipient", detail="recipient must be a string"),
     "The server rejected the recipient field: please check that it is there and filled in as the documentation shows.",
     "Сервер отклонил поле recipient: проверьте, что оно есть и заполнено так, как указано в документации."),
    (finding("status-400", field="", detail=""),
     "The server rejected the request data: please check the JSON and the required fields body and recipient.",
     "Сервер отклонил данные запроса: проверьте JSON и обязательные поля body и recipient."),
    (finding("status-429", seconds="30"),
     "There were too many requests in a short time: please wait 30 seconds and send requests less often.",
     "Слишком много запросов за короткое время: подождите 30 секунд и отправляйте запросы реже."),
    (finding("status-429", seconds="1"),
     "There were too many requests in a short time: please wait 1 second and send requests less often.",
     "Слишком много запросов за короткое время: подождите 1 секунду и отправляйте запросы реже."),
    (finding("status-429", seconds="3"),
     "There were too many requests in a short time: please wait 3 seconds and send requests less often.",
     "Слишком много запросов за короткое время: подождите 3 секунды и отправляйте запросы реже."),
    (finding("status-429", seconds=""),
     "There were too many requests in a short time: please wait a minute and send requests less often.",
     "Слишком много запросов за короткое время: подождите минуту и отправляйте запросы реже."),
    (finding("status-5xx", status=502),
     "Our server could not handle the request (502); this is not a mistake in your request. Please try again in a few minutes.",
     "Наш сервер не смог обработать запрос (502); это не ошибка в вашем запросе. Попробуйте ещё раз через несколько минут."),
    (finding("profile-not-authorized"),
     "Your WhatsApp profile is not connected: please scan the QR code again in your dashboard and do not use this number in WhatsApp Web at the same time.",
     "Ваш профиль WhatsApp не подключён: отсканируйте QR-код заново в личном кабинете и не используйте этот номер одновременно в WhatsApp Web."),
    (finding("body-on-get"),
     "A GET request does not send a body: put the parameters in the address instead, as ?name=value.",
     "GET-запрос не передаёт тело: укажите параметры в адресе, в виде ?name=value."),
    (finding("phone-as-number", field="phone", corrected="79990001122"),
     'Write the phone number in the phone field as text in double quotes: "phone": "79990001122".',
     'Номер телефона в поле phone пишите как текст в двойных кавычках: "phone": "79990001122".'),
    (finding("bad-recipient", field="recipient", kind="formatted", corrected="79990000000"),
     "Write the number in the recipient field in digits only, with the country code and without +, spaces, dashes or brackets: 79990000000.",
     "Номер в поле recipient пишите только цифрами, с кодом страны, без +, пробелов, дефисов и скобок: 79990000000."),
    (finding("bad-recipient", field="recipient", kind="starts-with-8", corrected="79990001122"),
     "Start the number in the recipient field with the country code 7 instead of 8: 79990001122.",
     "Начинайте номер в поле recipient с кода страны 7 вместо 8: 79990001122."),
    (finding("bad-recipient", field="phone", kind="no-country-code", corrected="79990001122"),
     "Add the country code to the number in the phone field: 79990001122.",
     "Добавьте код страны к номеру в поле phone: 79990001122."),
    (finding("bad-recipient", field="recipient", kind="empty"),
     "The recipient field is empty: write the recipient's phone number with the country code, for example 79990001122.",
     "Поле recipient пустое: укажите номер телефона получателя с кодом страны, например 79990001122."),
    (finding("bad-recipient", field="recipient", kind="not-a-recipient"),
     "In the recipient field write a phone number with the country code (for example 79990001122) or a chat id ending in @c.us or @g.us.",
     "В поле recipient укажите номер телефона с кодом страны (например, 79990001122) или идентификатор чата, который оканчивается на @c.us или @g.us."),
    (finding("bad-format", field="b64_file", kind="data-prefix", corrected="/9j/4AAQ"),
     "In the b64_file field send only the base64 characters of the file, without the beginning «data:…;base64,».",
     "В поле b64_file передавайте только символы base64 самого файла, без начала «data:…;base64,»."),
    (finding("bad-format", field="b64_file", kind="not-base64"),
     "The b64_file field must hold the file encoded in base64: only Latin letters, digits, +, / and =.",
     "В поле b64_file должен быть файл, закодированный в base64: только латинские буквы, цифры, +, / и =."),
    (finding("bad-format", field="url", kind="not-a-link"),
     "The url field must hold a link that starts with https://.",
     "В поле url должна быть ссылка, которая начинается с https://."),
    (finding("wrong-type", field="latitude", kind="number"),
     "The latitude field must be a number, without quotes.",
     "Значение поля latitude должно быть числом, без кавычек."),
    (finding("wrong-type", field="caption", kind="string"),
     "The caption field must be text in double quotes.",
     "Значение поля caption должно быть текстом в двойных кавычках."),
    (finding("wrong-type", field="count", kind="integer"),
     "The count field must be a whole number, without quotes.",
     "Значение поля count должно быть целым числом, без кавычек."),
    (finding("wrong-type", field="preview", kind="boolean"),
     "The preview field must be true or false, without quotes.",
     "Значение поля preview должно быть true или false, без кавычек."),
    (finding("wrong-type", field="tags", kind="array"),
     "The tags field must be a list in square brackets [ ].",
     "Значение поля tags должно быть списком в квадратных скобках [ ]."),
    (finding("wrong-type", field="options", kind="object"),
     "The options field must be an object in curly brackets { }.",
     "Значение поля options должно быть объектом в фигурных скобках { }."),
]

JSON_SENTENCES = [
    ("single-quotes", "Write field names and text in double quotes \", not in single quotes '.",
     "Пишите названия полей и текст в двойных кавычках \", а не в одинарных '."),
    ("smart-quotes", "Use plain double quotes \" instead of typographic ones such as « » or “ ”.",
     "Используйте обычные двойные кавычки \" вместо типографских, например « » или “ ”."),
    ("missing-comma", "Put a comma between the fields.", "Поставьте запятую между полями."),
    ("trailing-comma", "Remove the comma after the last field.", "Уберите запятую после последнего поля."),
    ("python-literal", "Write true, false and null in small letters, not True, False or None.",
     "Пишите true, false и null маленькими буквами, а не True, False или None."),
    ("comment", "Remove the comments (// …): JSON does not allow them.", "Уберите комментарии (// …): в JSON их быть не должно."),
    ("unquoted-key", "Put every field name in double quotes, for example \"body\".",
     "Заключите каждое название поля в двойные кавычки, например \"body\"."),
    ("unterminated-string", "Close every text with a double quote.", "Закройте каждый текст двойной кавычкой."),
    ("unclosed-bracket", "Close every opening bracket { or [.", "Закройте каждую открывающую скобку { или [."),
    ("control-character", "Do not put line breaks or tabs inside text: write \\n for a line break.",
     "Не вставляйте переносы строк и табуляцию внутрь текста: перенос строки пишите как \\n."),
    ("invalid-escape", "Write a backslash inside text as two: \\\\.", "Обратную косую черту внутри текста пишите двойной: \\\\."),
    ("invalid-number", "Write numbers with digits and a dot, without a + or zeros in front.",
     "Пишите числа цифрами с точкой, без + и нулей в начале."),
    ("invisible-character", "Remove the invisible characters (such as non-breaking spaces) that came with copying from a messenger or Word.",
     "Уберите невидимые символы (например, неразрывные пробелы), которые попали при копировании из мессенджера или Word."),
    ("trailing-data", "Remove the extra text after the closing brace }.", "Уберите лишний текст после закрывающей скобки }."),
    ("empty", "The request body is empty: please send the data as JSON.", "Тело запроса пустое: передайте данные в формате JSON."),
    ("duplicate-key", "Write each field only once.", "Указывайте каждое поле только один раз."),
    ("unexpected-token", "The request body is not valid JSON: please check the quotes, commas and brackets.",
     "Тело запроса не является корректным JSON: проверьте кавычки, запятые и скобки."),
]


@pytest.fixture(autouse=True)
def ui_language_is_not_the_clients():
    """The window speaks the other language: the reply must not follow it."""
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("item, english, russian", SENTENCES, ids=[f"{s[0].code}-{i}" for i, s in enumerate(SENTENCES)])
def test_each_template_in_both_languages(item, english, russian):
    assert client_sentences([item], "en") == [english]
    assert client_sentences([item], "ru") == [russian]


@pytest.mark.parametrize("kind, english, russian", JSON_SENTENCES)
def test_each_json_mistake_in_both_languages(kind, english, russian):
    item = finding("invalid-json", mistakes=[kind])
    assert client_sentences([item], "en") == [english]
    assert client_sentences([item], "ru") == [russian]


def test_whole_reply_layout_in_both_languages():
    items = [finding("token-quoted"), finding("http-not-https")]
    assert reply_text(items, "en") == (
        "Hello!\n\nWe checked your request. Here is what to change:\n\n"
        "1. Remove the quotes around the token in the Authorization header: the header must hold the token alone.\n"
        "2. The address must start with https://, not http://.\n\n"
        "After these changes, please send the request again. If it still does not work, send us the request and "
        "the server's answer.")
    assert reply_text(items, "ru") == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Уберите кавычки вокруг токена в заголовке Authorization: в заголовке должен быть только сам токен.\n"
        "2. Адрес должен начинаться с https://, а не с http://.\n\n"
        "После этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и "
        "ответ сервера.")


def test_no_mistakes_and_only_the_agents_own_network_problems():
    for items in ([], [finding("timeout")], [finding("connection-failed")]):
        assert reply_text(items, "ru") == (
            "Здравствуйте!\n\nМы проверили ваш запрос и не нашли в нём ошибок. Если проблема остаётся, пришлите, "
            "пожалуйста, точное время запроса и полный ответ сервера.")
        assert reply_text(items, "en").startswith("Hello!\n\nWe checked your request and found no mistakes")


def test_a_precise_finding_covers_the_general_answer_and_repeats_are_said_once():
    items = [finding("status-401", detail="Invalid token"), finding("token-bearer-prefix"),
             finding("status-405", expected="POST", actual="GET"),
             finding("wrong-method", path="/api/sync/message/send", expected="POST", actual="GET"),
             finding("invalid-json", mistakes=["single-quotes", "single-quotes"]),
             finding("status-400", field="", detail=""), finding("dns-is-not-a-code"), finding("timeout")]
    assert client_sentences(items, "en") == [
        "Remove the word Bearer before the token in the Authorization header: our API expects the token alone.",
        "The method /api/sync/message/send must be called with POST, not GET.",
        "Write field names and text in double quotes \", not in single quotes '.",
    ]


# ---------------------------------------------------------------- the course's worked cases, from request to reply

COURSE_REQUEST = """POST https://wappi.pro/api/sync/message/send?profile_id=abc123
Authorization: {token}
Content-Type: application/json

{body}"""
GOOD_BODY = '{\n"body": "Тест",\n"recipient": "79990000000"\n}'


def course_reply(lang: str, token: str = "0123456789abcdef", body: str = GOOD_BODY, response=None, error=None) -> str:
    request = parse_http(COURSE_REQUEST.format(token=token, body=body))
    return reply_text(diagnose(request, response, error=error), lang)


def points(reply: str) -> list[str]:
    return [line.split(". ", 1)[1] for line in reply.splitlines() if line[:1].isdigit()]


def test_course_wrong_token():
    reply = course_reply("ru", "wrong_token_here", response=answer(401, {"detail": "Invalid token"}))
    assert points(reply) == ["Сервер не принял токен и ответил «Invalid token». Проверьте токен в заголовке "
                             "Authorization: его можно найти в личном кабинете на странице профиля."]


def test_course_broken_json_has_every_mistake_without_positions_or_server_english():
    body = "{\n'name': 'Иван',\n\"phone\": 79990001122,\n\"text\": \"Привет\"\n\"active\": True\n}"
    reply = course_reply("ru", body=body, response=answer(400, {"detail": "JSON decode error at line 2 column 1"}))
    assert points(reply) == [
        "Пишите названия полей и текст в двойных кавычках \", а не в одинарных '.",
        "Поставьте запятую между полями.",
        "Пишите true, false и null маленькими буквами, а не True, False или None.",
        'Номер телефона в поле phone пишите как текст в двойных кавычках: "phone": "79990001122".',
    ]
    for banned in ("строка", "позиция", "line", "column", "decode"):
        assert banned not in reply


def test_course_formatted_recipient_and_number_starting_with_8():
    body = '{"body": "Тест", "recipient": "+7 (999) 000-00-00"}'
    assert points(course_reply("en", body=body)) == [
        "Write the number in the recipient field in digits only, with the country code and without +, spaces, "
        "dashes or brackets: 79990000000."]
    body = '{"body": "Тест", "recipient": "89990000000"}'
    assert points(course_reply("ru", body=body)) == ["Начинайте номер в поле recipient с кода страны 7 вместо 8: 79990000000."]


def test_course_token_mistakes():
    assert points(course_reply("ru", '"0123456789abcdef"', response=answer(401, {"detail": "Invalid token"}))) == [
        "Уберите кавычки вокруг токена в заголовке Authorization: в заголовке должен быть только сам токен."]
    assert points(course_reply("en", "Bearer 0123456789abcdef")) == [
        "Remove the word Bearer before the token in the Authorization header: our API expects the token alone."]


def test_the_agents_dns_failure_is_not_told_to_the_client():
    class Failure:
        code = "dns"
    assert points(course_reply("ru", error=Failure())) == []


# ---------------------------------------------------------------- webhooks

def webhook(status, *codes, elapsed_ms=120.0, wh_type="incoming_message") -> WebhookCheck:
    return WebhookCheck("https://crm.example.com/hook", wh_type, status, elapsed_ms,
                        findings=[WebhookFinding(code, "error", "AGENT WORDS") for code in codes])


@pytest.mark.parametrize("check, english, russian", [
    (webhook(500, "webhook-not-200"),
     "Your server answered our webhook with 500 instead of 200 OK: this is an error on your server, so please ask your developers to look at its logs.",
     "Ваш сервер ответил на наш вебхук кодом 500 вместо 200 OK: это ошибка на вашем сервере, попросите ваших разработчиков посмотреть его журналы."),
    (webhook(404, "webhook-not-200"),
     "Your server answered our webhook with 404 instead of 200 OK, so we count it as not delivered and send it again. Please make your server answer 200 OK at this address.",
     "Ваш сервер ответил на наш вебхук кодом 404 вместо 200 OK, поэтому мы считаем вебхук недоставленным и отправляем его повторно. Настройте сервер так, чтобы по этому адресу он отвечал 200 OK."),
    (webhook(None, "webhook-unreachable"),
     "We could not reach your webhook address: please check that the address is right and that your server is open from the internet.",
     "Нам не удалось достучаться до адреса вашего вебхука: проверьте, что адрес указан верно и ваш сервер доступен из интернета."),
    (webhook(None, "webhook-bad-url"),
     "The webhook address in your settings is written with a mistake: it must be a full address that starts with https://.",
     "Адрес вебхука в ваших настройках записан с ошибкой: это должен быть полный адрес, который начинается с https://."),
    (webhook(200, "webhook-http-not-https"),
     "Please use a webhook address that starts with https://.",
     "Укажите, пожалуйста, адрес вебхука, который начинается с https://."),
    (webhook(200, "webhook-not-public"),
     "The webhook address points into a local network that our server cannot reach: please use an address that is open from the internet.",
     "Адрес вебхука ведёт в локальную сеть, куда наш сервер не может достучаться: укажите адрес, доступный из интернета."),
    (webhook(200, "webhook-redirect"),
     "Your webhook address sends requests on to another address: please put the final address in the webhook settings.",
     "Адрес вашего вебхука перенаправляет запросы на другой адрес: укажите в настройках вебхука конечный адрес."),
    (webhook(200, "webhook-slow", elapsed_ms=7500),
     "Your server took 7.5 s to answer: please answer 200 OK at once, within 5 seconds, and process the data afterwards.",
     "Ваш сервер отвечал 7,5 с: отвечайте 200 OK сразу, не дольше чем за 5 секунд, а данные обрабатывайте после ответа."),
    (webhook(200, "webhook-type-disabled", wh_type="delivery_status"),
     "Webhooks of the type delivery_status are switched off for your profile: please turn them on in the webhook settings.",
     "Вебхуки типа delivery_status выключены для вашего профиля: включите их в настройках вебхука."),
])
def test_each_webhook_template_in_both_languages(check, english, russian):
    assert webhook_sentences(check, "en") == [english]
    assert webhook_sentences(check, "ru") == [russian]


def test_webhook_reply_layout():
    assert webhook_reply(webhook(200, "webhook-ok"), "ru") == (
        "Здравствуйте!\n\nМы отправили тестовый вебхук на ваш адрес, и ваш сервер ответил 200 OK: доставка работает.")
    assert webhook_reply(webhook(500, "webhook-not-200"), "en") == (
        "Hello!\n\nWe checked your webhook address. Here is what to change:\n\n"
        "1. Your server answered our webhook with 500 instead of 200 OK: this is an error on your server, so please "
        "ask your developers to look at its logs.\n\n"
        "After these changes, please let us know and we will check the delivery again.")
