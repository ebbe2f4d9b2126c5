"""The course's worked cases walked through the real window by visible words, several cases in one window, against the built-in sandbox."""
from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication

from PySide6.QtWidgets import QLineEdit

from tests.scenarios.agent import Agent

PRINT = False


@pytest.fixture
def agent(qtbot, window):
    agent = Agent(qtbot, window)
    qtbot.waitUntil(lambda: "Checking the request…" not in agent.answer_text(), timeout=30000)
    return agent


def body_on_screen(agent: Agent) -> str:
    """The answer body as the agent gets it: «Copy» with nothing selected copies all of it."""
    agent.click("Copy")
    return QGuiApplication.clipboard().text()


def said(agent: Agent, reply: str) -> str:
    if PRINT:
        print(repr(reply))
    return reply


def test_first_send_text_then_wrong_token_then_token_in_quotes(agent, window):
    # A fresh start: the profile status of the documentation, in the sandbox, ready to send.
    screen = agent.screen_text()
    assert "Profile status" in window.windowTitle() and "Sandbox" in screen
    assert "{{base_url}}/api/sync/get/status?profile_id={{profile_id}}" in screen
    agent.send()
    answer = agent.answer_text()
    assert "200 OK" in answer and "Answer from the built-in sandbox." in answer
    assert json.loads(body_on_screen(agent))["authorized"] is True
    assert "No problems found in this request." in answer
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос и не нашли в нём ошибок. Если проблема остаётся, пришлите, "
        "пожалуйста, точное время запроса и полный ответ сервера.")

    # Send a text: the status answer is gone the moment another request is open.
    agent.open("Send a text message")
    answer = agent.answer_text()
    assert "200 OK" not in answer and "Press «Send»" in answer
    agent.send()
    assert "200 OK" in agent.answer_text()
    assert json.loads(body_on_screen(agent))["status"] == "done"

    # Wrong token: the answer stays, labelled as the answer to the earlier version, until Send.
    agent.set_header("Authorization", "wrong_token_here")
    assert "This answer is to an earlier version of the request" in agent.answer_text()
    agent.send()
    answer = agent.answer_text()
    assert "401 Unauthorized" in answer and "earlier version" not in answer
    assert "401: the token was not accepted" in answer
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Сервер не принял токен и ответил «Invalid token». Проверьте токен в заголовке Authorization: его можно "
        "найти в личном кабинете на странице профиля.\n\n"
        "После этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")

    # Token in quotes: seen before any send, fixed in one click, and the next send works.
    agent.open_leaving_changes("Send a text message")
    assert "Unsaved changes" in agent.dialogs[-1] or "not saved" in agent.dialogs[-1]
    assert "401" not in agent.answer_text()
    agent.set_header("Authorization", '"{{token}}"')
    answer = agent.answer_text()
    assert "The token is in quotes" in answer and "401" not in answer
    agent.send(dialog_button="Send anyway")
    assert "401 Unauthorized" in agent.answer_text()
    assert "quotes" in agent.dialogs[-1]
    reply = said(agent, agent.reply())
    assert reply == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Уберите кавычки вокруг токена в заголовке Authorization: в заголовке должен быть только сам токен.\n\n"
        "После этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")
    with agent.qtbot.waitSignal(window.findings_shown, timeout=30000):
        agent.click("Fix")
    assert "The token is in quotes" not in agent.answer_text()
    agent.send()
    assert "200 OK" in agent.answer_text()


CLIENT_CURL = """curl -X POST "https://wappi.pro/api/sync/message/send?profile_id={profile}" \\
  -H "Authorization: {token}" \\
  -H "Content-Type: application/json" \\
  -d '{body}'"""

BROKEN_BODY = """{
'recipient': '79990000000',
"body": "Тест"
"phone": 79990001122,
"active": True
}"""


def paste_and_repeat(agent: Agent, profile: str, token: str, body: str) -> str:
    """A client's cURL: opens as a new request, its mistakes show before any send, then it is repeated in the sandbox."""
    agent.paste_client_request(CLIENT_CURL.format(profile=profile, token=token, body=body))
    return agent.answer_text()


def test_a_real_clients_credentials_are_not_judged_by_the_sandbox(agent, window):
    # A client's request as it arrives: a real-looking token and profile the sandbox cannot know. The repeat checks
    # the request, not the credentials, and says so; no 401 or 404 card speaks of a token nobody got wrong.
    client_token = "9c1e6b2f7d0a4e8b3c5d1f2a6b7c8d9e0f1a2b3c"
    paste_and_repeat(agent, "65c5bb34-8838", client_token, '{"body": "Тест", "recipient": "79990000000"}')
    agent.send("Repeat in sandbox")
    answer = agent.answer_text()
    # The cards' words: a bare "401" could be the answer's milliseconds on screen.
    assert "200 OK" in answer and "401:" not in answer and "404:" not in answer
    assert "with the sandbox's own token and profile_id in place of the client's" in answer
    assert "No problems found in this request." in answer
    # The same token in quotes: the form is the client's, so the sandbox refuses it as wappi.pro would.
    paste_and_repeat(agent, "65c5bb34-8838", f'\\"{client_token}\\"', '{"body": "Тест", "recipient": "79990000000"}')
    agent.send("Repeat in sandbox", dialog_button="Send anyway")
    answer = agent.answer_text()
    assert "401" in answer and "The token is in quotes" in answer and "200 OK" not in answer


def test_clients_requests_reproduced_in_the_sandbox(agent, window):
    sandbox = window.desk.sandbox
    # Broken JSON with the course's four mistakes: named at once, before any send.
    before = paste_and_repeat(agent, sandbox.profile_id, sandbox.token, BROKEN_BODY)
    assert window.windowTitle().startswith("• Client's request ") or "Client's request " in window.windowTitle()
    assert "The body is not valid JSON" in before and "Press «Send»" in before
    agent.send("Repeat in sandbox", dialog_button="Send anyway")
    answer = agent.answer_text()
    assert "400" in answer and "built-in sandbox" in answer
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Заключите каждое название поля в двойные кавычки, например \"body\".\n2. Поставьте запятую между полями.\n"
        "3. Пишите true, false и null маленькими буквами, а не True, False или None.\n"
        "4. Номер телефона в поле recipient пишите как текст в двойных кавычках: \"recipient\": \"79990000000\".\n"
        "5. Номер телефона в поле phone пишите как текст в двойных кавычках: \"phone\": \"79990001122\"."
        "\n\nПосле этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")

    # Unknown profile_id: nothing of the JSON case is left.
    before = paste_and_repeat(agent, "abc123", sandbox.token, '{"body": "Тест", "recipient": "79990000000"}')
    assert "not valid JSON" not in before and "400" not in before
    agent.send("Repeat in sandbox")
    answer = agent.answer_text()
    assert "404" in answer
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Сервер не нашёл профиль abc123: проверьте, что profile_id в адресе указан верно и этот профиль есть в вашем "
        "личном кабинете.\n\nПосле этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")

    # Wrong method: GET where POST is documented.
    paste_and_repeat(agent, sandbox.profile_id, sandbox.token, '{"body": "Тест", "recipient": "79990000000"}')
    agent.choose_method("GET")
    assert "404" not in agent.answer_text()
    agent.send("Repeat in sandbox", dialog_button="Send anyway")
    assert "405" in agent.answer_text()
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Метод /api/sync/message/send нужно вызывать через POST, а не GET.\n"
        "2. GET-запрос не передаёт тело: укажите параметры в адресе, в виде ?name=value.\n\nПосле этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")

    # The recipient written as a Russian phone number with spaces and brackets (the edited GET is not kept).
    agent.answer_dialog("Discard")
    paste_and_repeat(agent, sandbox.profile_id, sandbox.token, '{"body": "Тест", "recipient": "+7 (999) 000-00-00"}')
    assert "405" not in agent.answer_text()
    agent.send("Repeat in sandbox", dialog_button="Send anyway")
    assert said(agent, agent.reply()) == (
        "Здравствуйте!\n\nМы проверили ваш запрос. Вот что нужно исправить:\n\n"
        "1. Номер в поле recipient пишите только цифрами, с кодом страны, без +, пробелов, дефисов и скобок: 79990000000.\n\nПосле этих исправлений отправьте запрос ещё раз. Если он всё равно не сработает, пришлите нам запрос и ответ сервера.")


@pytest.fixture
def rebuilt_window(qtbot):
    """The real window for a test that switches the language: the app replaces it, so qtbot must not own it."""
    from desktop.app import make_app
    from desktop.core.settings import Settings

    win = make_app(Settings(language="en"))
    win.show()
    desk = win.desk
    yield win
    desk.window.close()
    desk.close()


def test_qr_code_then_language_switch_mid_case_then_webhook_that_answers_500(rebuilt_window, qtbot):
    window = rebuilt_window
    agent = Agent(qtbot, window)
    qtbot.waitUntil(lambda: "Checking the request…" not in agent.answer_text(), timeout=30000)
    agent.open("QR code to log in")
    agent.send()
    assert "200 OK" in agent.answer_text() and "PNG image" in agent.answer_text() and "«qrCode»" in agent.answer_text()

    # Mid-case: a wrong token, sent, then the agent switches the window to Russian.
    agent.open("Send a text message")
    assert "qrCode" not in agent.answer_text() and "PNG image" not in agent.answer_text()
    agent.set_header("Authorization", "wrong_token_here")
    agent.send()
    desk = window.desk
    agent.menu("Settings", "Language", "Русский")
    russian = Agent(qtbot, desk.window)
    qtbot.waitUntil(lambda: "Что не так" in russian.screen_text(), timeout=30000)
    qtbot.waitUntil(lambda: "Проверяем запрос" not in russian.answer_text() and "401" in russian.answer_text(), timeout=30000)
    answer = russian.answer_text()
    assert "401 Unauthorized" in answer and "Ответ от встроенной песочницы." in answer
    russian.tab("Заголовки", russian.request_side())
    assert "wrong_token_here" in russian.screen_text()  # the unsaved edit is still there
    assert "Отправить текст —" in desk.window.windowTitle() and "•" in desk.window.windowTitle()
    assert russian.reply("Ответ клиенту…", "Скопировать и закрыть").startswith("Здравствуйте!")

    # The client's webhook address answers 500: the Webhooks page says so.
    from tests.loopback import start

    server = start()  # answers with the status named by the first path segment
    try:
        russian.tab("Вебхуки")
        qtbot.waitUntil(lambda: "Адрес вебхука клиента:" in russian.screen_text(), timeout=30000)
        field = next(w for w in desk.window.findChildren(QLineEdit) if w.placeholderText() == "https://example.com/webhook")
        field.setText(server.url + "/500")
        russian.click("Проверить")
        qtbot.waitUntil(lambda: "ответил 500" in russian.screen_text(), timeout=30000)
        # The Requests page's case is not on this page (the address is left out: its port number may hold "401").
        assert "401" not in russian.screen_text().replace(server.url.split("://", 1)[1], "")
        # The reply speaks of the webhook check, not of the 401 on the Requests page.
        reply = russian.reply("Ответ клиенту…", "Скопировать и закрыть")
        assert reply == (
            "Здравствуйте!\n\nМы проверили адрес вашего вебхука. Вот что нужно исправить:\n\n"
            "1. Ваш сервер ответил на наш вебхук кодом 500 вместо 200 OK: это ошибка на вашем сервере, попросите ваших "
            "разработчиков посмотреть его журналы.\n"
            "2. Укажите, пожалуйста, адрес вебхука, который начинается с https://.\n"
            "3. Адрес вебхука ведёт в локальную сеть, куда наш сервер не может достучаться: укажите адрес, доступный из "
            "интернета.\n\nПосле этих исправлений сообщите нам, и мы ещё раз проверим доставку.")
    finally:
        server.close()


def noise_png(path, megabytes: float = 5.0):
    """A real PNG of about `megabytes` (random pixels do not compress)."""
    import os

    from PySide6.QtGui import QImage

    side = int((megabytes * 1024 * 1024 / 4) ** 0.5)
    image = QImage(os.urandom(side * side * 4), side, side, QImage.Format.Format_ARGB32)
    assert image.save(str(path), "PNG")
    return path


def test_a_5_mb_image_from_disk(agent, window, tmp_path):
    picture = noise_png(tmp_path / "photo.png")
    agent.open("Send an image (base64)")

    def pick(dialog) -> None:
        name = next(w for w in dialog.findChildren(QLineEdit) if w.isVisible())
        name.setText(str(picture))

    agent.answer_dialog("Open", pick)
    with agent.qtbot.waitSignal(window.findings_shown, timeout=30000):
        agent.click("Choose file…")
    assert "photo.png" in agent.screen_text()
    assert "Это не base64" not in agent.answer_text() and "not base64" not in agent.answer_text()
    agent.send()  # no "will most likely refuse" question for the app's own file placeholder
    assert not agent.dialogs[1:], agent.dialogs
    answer = agent.answer_text()
    assert "200 OK" in answer and "No problems found in this request." in answer
