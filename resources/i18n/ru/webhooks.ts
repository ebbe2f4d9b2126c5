<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Ask the client's developers to answer 200 OK.</source>
        <translation>Попросите разработчиков клиента отвечать 200 OK.</translation>
    </message>
    <message>
        <source>This is a success code, but the course says the service waits for exactly 200: ask the client to answer 200.</source>
        <translation>Это код успеха, но по курсу сервис ждёт именно 200: попросите клиента отвечать 200.</translation>
    </message>
    <message>
        <source>The client's server refused access: check that the secret (auth) matches on both sides.</source>
        <translation>Сервер клиента отказал в доступе: проверьте, что секрет (auth) совпадает с обеих сторон.</translation>
    </message>
    <message>
        <source>There is nothing at this address on the client's server: check the path of the webhook address.</source>
        <translation>На сервере клиента по этому адресу ничего нет: проверьте путь в адресе вебхука.</translation>
    </message>
    <message>
        <source>The client's server does not accept POST at this address: webhooks always come as POST.</source>
        <translation>Сервер клиента не принимает POST по этому адресу, а вебхуки всегда приходят методом POST.</translation>
    </message>
    <message>
        <source>The client's server rejected the data: its developers should check how they read the JSON.</source>
        <translation>Сервер клиента отклонил данные: его разработчикам нужно проверить, как они читают JSON.</translation>
    </message>
    <message>
        <source>The client's server failed while handling the webhook: its developers should look at their server logs.</source>
        <translation>Сервер клиента сломался при обработке вебхука: его разработчикам нужно посмотреть логи сервера.</translation>
    </message>
    <message>
        <source>Switch it on in the profile settings or with POST /api/webhook/types/set (the list replaces the old one, so include every type needed).</source>
        <translation>Включите его в настройках профиля или запросом POST /api/webhook/types/set (список заменяет прежний, поэтому перечислите все нужные типы).</translation>
    </message>
    <message>
        <source>Delivered: the service sends this webhook once and does not repeat it.</source>
        <translation>Доставлен: сервис отправляет этот вебхук один раз и не повторяет.</translation>
    </message>
    <message>
        <source>Not delivered: the service tries 5 times in all.</source>
        <translation>Не доставлен: сервис делает всего 5 попыток.</translation>
    </message>
    <message>
        <source>If none of them gets 200 OK, the webhook is considered not delivered and is lost.</source>
        <translation>Если ни одна не получит 200 OK, вебхук считается недоставленным и теряется.</translation>
    </message>
    <message>
        <source>Enter the client's webhook address first.</source>
        <translation>Сначала введите адрес вебхука клиента.</translation>
    </message>
    <message>
        <source>Copy it from the client's profile settings (webhook_url).</source>
        <translation>Скопируйте его из настроек профиля клиента (webhook_url).</translation>
    </message>
    <message>
        <source>Ask the client for the exact address and paste it without spaces.</source>
        <translation>Уточните у клиента точный адрес и вставьте его без пробелов.</translation>
    </message>
    <message>
        <source>A webhook address looks like https://example.com/webhook.</source>
        <translation>Адрес вебхука выглядит так: https://example.com/webhook.</translation>
    </message>
    <message>
        <source>The address starts with http://, not https://: the messages would travel unencrypted.</source>
        <translation>Адрес начинается с http://, а не с https://: сообщения будут передаваться без шифрования.</translation>
    </message>
    <message>
        <source>Ask the client to use an https:// address for the webhook.</source>
        <translation>Попросите клиента указать для вебхука адрес с https://.</translation>
    </message>
    <message>
        <source>For a client, the webhook must be a public internet address. A local address is only good for tests with the sandbox.</source>
        <translation>У клиента вебхук должен быть публичным адресом в интернете. Локальный адрес годится только для проверок с песочницей.</translation>
    </message>
    <message>
        <source>Ask the client's developers to answer 200 OK at once and process the data afterwards.</source>
        <translation>Попросите разработчиков клиента сразу отвечать 200 OK, а данные обрабатывать уже после ответа.</translation>
    </message>
    <message>
        <source>The type {wh_type} is not switched on for this profile, so such webhooks are never sent.</source>
        <translation>Тип {wh_type} не включён для этого профиля, поэтому такие вебхуки не отправляются вовсе.</translation>
    </message>
    <message>
        <source>Try 1: at once (this check).</source>
        <translation>Попытка 1: сразу (эта проверка).</translation>
    </message>
    <message>
        <source>Start it with https:// (for example https://{url}).</source>
        <translation>Начните его с https:// (например, https://{url}).</translation>
    </message>
    <message>
        <source>The address «{url}» contains a space; web addresses have none.</source>
        <translation>В адресе «{url}» есть пробел, а в веб-адресах пробелов не бывает.</translation>
    </message>
    <message>
        <source>The address «{url}» is not a valid web address.</source>
        <translation>Адрес «{url}» — не корректный веб-адрес.</translation>
    </message>
    <message>
        <source>{host} is an address inside this computer or a local network; the Wappi service on the internet cannot reach it.</source>
        <translation>{host} — адрес внутри этого компьютера или локальной сети; сервис Wappi из интернета до него не достучится.</translation>
    </message>
    <message>
        <source>The server name {host} is written in national letters; on the internet it is {ascii}.</source>
        <translation>Имя сервера {host} написано национальными буквами; в интернете оно выглядит как {ascii}.</translation>
    </message>
    <message>
        <source>If the client's server does not answer, try the address with {ascii} instead.</source>
        <translation>Если сервер клиента не отвечает, попробуйте адрес с {ascii}.</translation>
    </message>
    <message>
        <source>Ask the client to put the final address {target} in the webhook settings: it is not documented that the service follows redirects.</source>
        <translation>Попросите клиента указать в настройках вебхука конечный адрес {target}: в документации не сказано, что сервис следует перенаправлениям.</translation>
    </message>
    <message>
        <source>The server answered 200 OK in {seconds} s: the service counts this as delivered.</source>
        <translation>Сервер ответил 200 OK за {seconds} с: сервис считает вебхук доставленным.</translation>
    </message>
    <message>
        <source>The server answered {status} {reason} instead of 200 OK: the service counts this as not delivered and will try again.</source>
        <translation>Сервер ответил {status} {reason} вместо 200 OK: сервис считает вебхук недоставленным и попробует ещё раз.</translation>
    </message>
    <message>
        <source>The answer took {seconds} s; the guideline is under 5 s.</source>
        <translation>Ответ занял {seconds} с, а рекомендуется меньше 5 с.</translation>
    </message>
    <message>
        <source>The sample is not valid JSON (line {line}, column {column}): {reason}.</source>
        <translation>Пример — не корректный JSON (строка {line}, столбец {column}): {reason}.</translation>
    </message>
    <message>
        <source>Try {number}: {wait} min after the previous one ({total} min after the first).</source>
        <translation>Попытка {number}: через {wait} мин после предыдущей ({total} мин после первой).</translation>
    </message>
    <message>
        <source>The address sends the webhook on to another address ({status}): {target}.</source>
        <translation>Адрес перенаправляет вебхук на другой адрес ({status}): {target}.</translation>
    </message>
    <message>
        <source>On the way the POST became a GET and the message itself was dropped.</source>
        <translation>По дороге POST превратился в GET, и само сообщение потерялось.</translation>
    </message>
    <message>
        <source>someone wrote to the profile</source>
        <translation>кто-то написал в профиль</translation>
    </message>
    <message>
        <source>a sent message was delivered or read</source>
        <translation>отправленное сообщение доставлено или прочитано</translation>
    </message>
    <message>
        <source>a message was sent from the phone</source>
        <translation>сообщение отправлено с телефона</translation>
    </message>
    <message>
        <source>a message was sent through the API</source>
        <translation>сообщение отправлено через API</translation>
    </message>
    <message>
        <source>the profile logged in or out</source>
        <translation>профиль авторизовался или разлогинился</translation>
    </message>
    <message>
        <source>the application went online or offline</source>
        <translation>приложение стало онлайн или офлайн</translation>
    </message>
    <message>
        <source>someone called (WhatsApp only)</source>
        <translation>кто-то позвонил (только WhatsApp)</translation>
    </message>
    <message>
        <source>the auth phrase from the webhook settings, if the client set one</source>
        <translation>фраза auth из настроек вебхука, если клиент её задал</translation>
    </message>
    <message>
        <source>optional: paste webhook_types from the profile status</source>
        <translation>необязательно: вставьте webhook_types из статуса профиля</translation>
    </message>
    <message>
        <source>Restore the documented sample</source>
        <translation>Вернуть пример из документации</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Save as a request</source>
        <translation>Сохранить как запрос</translation>
    </message>
    <message>
        <source>Client's webhook address:</source>
        <translation>Адрес вебхука клиента:</translation>
    </message>
    <message>
        <source>Secret (optional):</source>
        <translation>Секрет (необязательно):</translation>
    </message>
    <message>
        <source>Event type (wh_type):</source>
        <translation>Тип события (wh_type):</translation>
    </message>
    <message>
        <source>Types switched on:</source>
        <translation>Включённые типы:</translation>
    </message>
    <message>
        <source>Enter the client's webhook address and press Check.</source>
        <translation>Введите адрес вебхука клиента и нажмите «Проверить».</translation>
    </message>
    <message>
        <source>What the service would do next</source>
        <translation>Что сервис сделал бы дальше</translation>
    </message>
    <message>
        <source>Sending the sample webhook to the client's server…</source>
        <translation>Отправляем пример вебхука на сервер клиента…</translation>
    </message>
    <message>
        <source>The check was not made.</source>
        <translation>Проверка не выполнена.</translation>
    </message>
    <message>
        <source>Start receiving</source>
        <translation>Начать приём</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>любой свободный</translation>
    </message>
    <message>
        <source>the address appears here once receiving starts</source>
        <translation>адрес появится здесь после начала приёма</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Копировать адрес</translation>
    </message>
    <message>
        <source>200 OK — accept (delivered)</source>
        <translation>200 OK — принять (доставлен)</translation>
    </message>
    <message>
        <source>500 error — refuse (the service will retry)</source>
        <translation>Ошибка 500 — отказать (сервис повторит)</translation>
    </message>
    <message>
        <source>Slow — answer after 7 s (over the 5-s guideline)</source>
        <translation>Медленно — ответить через 7 с (дольше рекомендуемых 5 с)</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>Not receiving. Press «Start receiving» to get a local webhook address.</source>
        <translation>Приём выключен. Нажмите «Начать приём», чтобы получить локальный адрес вебхука.</translation>
    </message>
    <message>
        <source>How to use: set this address as the webhook of the sandbox profile (POST /api/webhook/url/set?url=…), then send a message to 79990000000 in the sandbox: its webhooks appear below. The address works only on this computer.</source>
        <translation>Как пользоваться: укажите этот адрес как вебхук профиля песочницы (POST /api/webhook/url/set?url=…), затем отправьте в песочнице сообщение на 79990000000 — его вебхуки появятся ниже. Адрес работает только на этом компьютере.</translation>
    </message>
    <message>
        <source>Pick a webhook on the left to see its headers and JSON.</source>
        <translation>Выберите вебхук слева, чтобы увидеть его заголовки и JSON.</translation>
    </message>
    <message>
        <source>Stop receiving</source>
        <translation>Остановить приём</translation>
    </message>
    <message>
        <source>Stopped. Webhooks sent to this address now fail to arrive.</source>
        <translation>Остановлено. Вебхуки на этот адрес теперь не доходят.</translation>
    </message>
    <message>
        <source>The webhook was too large to keep; it was answered 413 and not read.</source>
        <translation>Вебхук слишком большой, чтобы его хранить: на него ответили 413 и не прочитали.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Вебхуки</translation>
    </message>
    <message>
        <source>Check a URL</source>
        <translation>Проверить адрес</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Приём</translation>
    </message>
    <message>
        <source>Webhook the check will send (you can edit it):</source>
        <translation>Вебхук, который отправит проверка (можно изменить):</translation>
    </message>
    <message>
        <source>Delivered: the client's server accepted the webhook.</source>
        <translation>Доставлен: сервер клиента принял вебхук.</translation>
    </message>
    <message>
        <source>the answer was large; only its beginning was read</source>
        <translation>ответ большой, прочитано только начало</translation>
    </message>
    <message>
        <source>Webhook {wh_type}</source>
        <translation>Вебхук {wh_type}</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Answer webhooks with:</source>
        <translation>Отвечать на вебхуки:</translation>
    </message>
    <message>
        <source>Sent in the {header} header: the Wappi documentation does not say which header the service uses.</source>
        <translation>Передаётся в заголовке {header}: в документации Wappi не сказано, какой заголовок использует сервис.</translation>
    </message>
    <message>
        <source>Fix the sample, or press «Restore the documented sample».</source>
        <translation>Исправьте пример или нажмите «Вернуть пример из документации».</translation>
    </message>
    <message>
        <source>Not delivered: the webhook did not reach the client's server.</source>
        <translation>Не доставлен: вебхук не дошёл до сервера клиента.</translation>
    </message>
    <message>
        <source>Receiving at {url}. Waiting for webhooks…</source>
        <translation>Приём на {url}. Ждём вебхуки…</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Что делать:</translation>
    </message>
    <message>
        <source>Answer: {status}</source>
        <translation>Ответ: {status}</translation>
    </message>
    <message>
        <source>time: {seconds} s</source>
        <translation>время: {seconds} с</translation>
    </message>
    <message>
        <source>redirect {status} from {url}</source>
        <translation>перенаправление {status} с {url}</translation>
    </message>
    <message>
        <source>{time}  {wh_type}  → answered {status}</source>
        <translation>{time}  {wh_type}  → ответ {status}</translation>
    </message>
    <message>
        <source>Receiving at {url}. Webhooks so far: {count}.</source>
        <translation>Приём на {url}. Получено вебхуков: {count}.</translation>
    </message>
    <message>
        <source>Not delivered: the client's server answered {status}.</source>
        <translation>Не доставлен: сервер клиента ответил {status}.</translation>
    </message>
    <message>
        <source>Port {port} is taken by another program. Choose another port, or 0 for any free one.</source>
        <translation>Порт {port} занят другой программой. Выберите другой порт или 0 — любой свободный.</translation>
    </message>
    <message>
        <source>(no wh_type)</source>
        <translation>(без wh_type)</translation>
    </message>
    <message>
        <source>This body is not JSON; the Wappi service always sends JSON.</source>
        <translation>Это тело — не JSON, а сервис Wappi всегда присылает JSON.</translation>
    </message>
    <message>
        <source>Nothing: while {wh_type} is switched off for the profile, the service does not send such webhooks at all.</source>
        <translation>Ничего: пока тип {wh_type} выключен для профиля, сервис такие вебхуки не отправляет вовсе.</translation>
    </message>
</context>
</TS>
