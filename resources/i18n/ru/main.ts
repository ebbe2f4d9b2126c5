<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>The answer has no body.</source>
        <translation>В ответе нет тела.</translation>
    </message>
    <message>
        <source>Binary data: {size} bytes, type {type}.</source>
        <translation>Двоичные данные: {size} байт, тип {type}.</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>The server said this is JSON, but it is not valid JSON; shown as text.</source>
        <translation>Сервер назвал это JSON, но это не корректный JSON; показано как текст.</translation>
    </message>
    <message>
        <source>{file}: this is not a request file</source>
        <translation>{file}: это не файл запроса</translation>
    </message>
    <message>
        <source>{file}: made by a newer version of Wappi Desk (format {version}); update the app to open it</source>
        <translation>{file}: создан более новой версией Wappi Desk (формат {version}); обновите программу, чтобы открыть его</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}: не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>{file}: the file is damaged (not valid JSON) and was skipped</source>
        <translation>{file}: файл повреждён (не корректный JSON) и пропущен</translation>
    </message>
    <message>
        <source>{file}: the folder description is damaged; the folder name is used instead</source>
        <translation>{file}: описание папки повреждено; вместо него используется имя папки</translation>
    </message>
    <message>
        <source>Check the address and try again.</source>
        <translation>Проверьте адрес и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Fill them in for the selected environment, or pick another environment.</source>
        <translation>Заполните их в выбранном окружении или выберите другое окружение.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Запрос отменён.</translation>
    </message>
    <message>
        <source>Check the address and your internet connection, then try again.</source>
        <translation>Проверьте адрес и подключение к интернету, затем попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The server may be overloaded. Try again later or raise the timeout in the settings.</source>
        <translation>Возможно, сервер перегружен. Попробуйте позже или увеличьте таймаут в настройках.</translation>
    </message>
    <message>
        <source>A URL starts with https:// followed by the server name, for example https://wappi.pro/api/sync/get/status.</source>
        <translation>Адрес начинается с https://, затем имя сервера, например https://wappi.pro/api/sync/get/status.</translation>
    </message>
    <message>
        <source>The server sent the request from one address to another too many times.</source>
        <translation>Сервер слишком много раз перенаправил запрос с одного адреса на другой.</translation>
    </message>
    <message>
        <source>Check the URL: the server is redirecting in a loop.</source>
        <translation>Проверьте URL: сервер перенаправляет по кругу.</translation>
    </message>
    <message>
        <source>The server's certificate is not valid or the server does not speak https. Check the address; try http:// only for a local test server.</source>
        <translation>Сертификат сервера недействителен, или сервер не работает по https. Проверьте адрес; http:// подходит только для локального тестового сервера.</translation>
    </message>
    <message>
        <source>Check the address and your internet connection.</source>
        <translation>Проверьте адрес и подключение к интернету.</translation>
    </message>
    <message>
        <source>The server closed the connection. Try again; if it repeats, the problem is on the server side.</source>
        <translation>Сервер закрыл соединение. Попробуйте ещё раз; если повторяется — проблема на стороне сервера.</translation>
    </message>
    <message>
        <source>The answer arrived compressed in a way that could not be unpacked.</source>
        <translation>Ответ пришёл сжатым так, что его не удалось распаковать.</translation>
    </message>
    <message>
        <source>The server's answer is damaged. Try again, or save the raw answer and pass it on to the developers.</source>
        <translation>Ответ сервера повреждён. Попробуйте ещё раз или сохраните ответ как есть и передайте разработчикам.</translation>
    </message>
    <message>
        <source>The proxy server refused the request.</source>
        <translation>Прокси-сервер отклонил запрос.</translation>
    </message>
    <message>
        <source>Check the proxy settings of this computer.</source>
        <translation>Проверьте настройки прокси на этом компьютере.</translation>
    </message>
    <message>
        <source>A header name or value contains characters that cannot be sent (for example a line break or Cyrillic letters).</source>
        <translation>В имени или значении заголовка есть символы, которые нельзя отправить (например, перенос строки или кириллица).</translation>
    </message>
    <message>
        <source>Check the headers: names are Latin letters and dashes; values have no line breaks.</source>
        <translation>Проверьте заголовки: имена — латинские буквы и дефисы; в значениях не должно быть переносов строк.</translation>
    </message>
    <message>
        <source>Check the spelling of the address (for example wappi.pro) and your internet connection.</source>
        <translation>Проверьте написание адреса (например, wappi.pro) и подключение к интернету.</translation>
    </message>
    <message>
        <source>Check the address and the port. If this is the sandbox, restart Wappi Desk.</source>
        <translation>Проверьте адрес и порт. Если это песочница — перезапустите Wappi Desk.</translation>
    </message>
    <message>
        <source>The request failed: {reason}</source>
        <translation>Запрос не выполнен: {reason}</translation>
    </message>
    <message>
        <source>These variables have no value: {names}. The request was not sent.</source>
        <translation>У этих переменных нет значения: {names}. Запрос не отправлен.</translation>
    </message>
    <message>
        <source>The server {host} did not accept the connection within {seconds} s.</source>
        <translation>Сервер {host} не принял соединение за {seconds} с.</translation>
    </message>
    <message>
        <source>The server {host} did not answer within {seconds} s.</source>
        <translation>Сервер {host} не ответил за {seconds} с.</translation>
    </message>
    <message>
        <source>The address «{url}» is not a valid URL.</source>
        <translation>Адрес «{url}» — некорректный URL.</translation>
    </message>
    <message>
        <source>The secure connection (TLS) to {host} failed.</source>
        <translation>Не удалось установить защищённое соединение (TLS) с {host}.</translation>
    </message>
    <message>
        <source>Could not connect to {host}.</source>
        <translation>Не удалось подключиться к {host}.</translation>
    </message>
    <message>
        <source>The connection to {host} broke off before the answer was complete.</source>
        <translation>Соединение с {host} оборвалось до конца ответа.</translation>
    </message>
    <message>
        <source>The server name «{host}» was not found.</source>
        <translation>Сервер с именем «{host}» не найден.</translation>
    </message>
    <message>
        <source>Nobody answers at {host}: the connection was refused.</source>
        <translation>По адресу {host} никто не отвечает: в соединении отказано.</translation>
    </message>
    <message>
        <source>Start it with https:// (for example https://wappi.pro/...).</source>
        <translation>Начните его с https:// (например, https://wappi.pro/...).</translation>
    </message>
    <message>
        <source>The address «{url}» does not say how to connect.</source>
        <translation>В адресе «{url}» не указан протокол.</translation>
    </message>
    <message>
        <source>Success: the server accepted the request and answered.</source>
        <translation>Успешно: сервер принял запрос и ответил.</translation>
    </message>
    <message>
        <source>Success: created.</source>
        <translation>Успешно: создано.</translation>
    </message>
    <message>
        <source>Success, with an empty answer.</source>
        <translation>Успешно, ответ пустой.</translation>
    </message>
    <message>
        <source>The address has moved for good; the request was sent on to the new one.</source>
        <translation>Адрес переехал навсегда; запрос отправлен на новый.</translation>
    </message>
    <message>
        <source>The server sent the request on to another address.</source>
        <translation>Сервер перенаправил запрос на другой адрес.</translation>
    </message>
    <message>
        <source>Nothing changed since the last request.</source>
        <translation>С прошлого запроса ничего не изменилось.</translation>
    </message>
    <message>
        <source>Bad request: check the JSON and the required fields.</source>
        <translation>Неверный запрос: проверьте JSON и обязательные поля.</translation>
    </message>
    <message>
        <source>Not authorised: the token is wrong or missing. Check the Authorization header.</source>
        <translation>Авторизация не прошла: токен неверный или не передан. Проверьте заголовок Authorization.</translation>
    </message>
    <message>
        <source>Forbidden: the token is valid but has no access to this (check the payment and the profile).</source>
        <translation>Доступ запрещён: токен верный, но к этому нет доступа (проверьте оплату и профиль).</translation>
    </message>
    <message>
        <source>Not found: check the URL and the profile_id.</source>
        <translation>Не найдено: проверьте URL и profile_id.</translation>
    </message>
    <message>
        <source>Wrong method: this address takes another method (for example POST instead of GET).</source>
        <translation>Неверный метод: этот адрес принимает другой метод (например, POST вместо GET).</translation>
    </message>
    <message>
        <source>The server waited too long for the request.</source>
        <translation>Сервер слишком долго ждал запрос.</translation>
    </message>
    <message>
        <source>The body is too large for the server (a big file?).</source>
        <translation>Тело запроса слишком большое для сервера (большой файл?).</translation>
    </message>
    <message>
        <source>The server does not accept this body format: check Content-Type: application/json.</source>
        <translation>Сервер не принимает такой формат тела: проверьте Content-Type: application/json.</translation>
    </message>
    <message>
        <source>The server understood the JSON but a field has a wrong value.</source>
        <translation>Сервер понял JSON, но в каком-то поле неверное значение.</translation>
    </message>
    <message>
        <source>Too many requests: wait a little and try again.</source>
        <translation>Слишком много запросов: подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <source>Error on the server side: not the client's fault. Try again later.</source>
        <translation>Ошибка на стороне сервера, клиент не виноват. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The server's gateway got no proper answer: a problem on the server side. Try again later.</source>
        <translation>Шлюз сервера не получил нормального ответа: проблема на стороне сервера. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable (maintenance or overload). Try again later.</source>
        <translation>Сервис временно недоступен (обслуживание или перегрузка). Попробуйте позже.</translation>
    </message>
    <message>
        <source>The server did not answer in time: a problem on the server side. Try again later.</source>
        <translation>Сервер не ответил вовремя: проблема на стороне сервера. Попробуйте позже.</translation>
    </message>
    <message>
        <source>Informational answer.</source>
        <translation>Информационный ответ.</translation>
    </message>
    <message>
        <source>Success.</source>
        <translation>Успешно.</translation>
    </message>
    <message>
        <source>Redirect to another address.</source>
        <translation>Перенаправление на другой адрес.</translation>
    </message>
    <message>
        <source>The request has a mistake (client side).</source>
        <translation>В запросе ошибка (на стороне клиента).</translation>
    </message>
    <message>
        <source>Error on the server side.</source>
        <translation>Ошибка на стороне сервера.</translation>
    </message>
    <message>
        <source>Unusual status code.</source>
        <translation>Необычный код ответа.</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Без тела</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Body type:</source>
        <translation>Тип тела:</translation>
    </message>
    <message>
        <source>Untick to keep the row without sending it</source>
        <translation>Снимите флажок, чтобы оставить строку, но не отправлять её</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Wappi Desk</source>
        <translation>Wappi Desk</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Параметры запроса</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Тело</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Окружение</translation>
    </message>
    <message>
        <source>Where requests go and which profile_id and token fill {{variables}}</source>
        <translation>Куда идут запросы и какие profile_id и токен подставляются в {{variables}}</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Запрос</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Go to the address</source>
        <translation>Перейти к адресу</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Timeout…</source>
        <translation>Таймаут…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About Wappi Desk</source>
        <translation>О Wappi Desk</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Таймаут</translation>
    </message>
    <message>
        <source>Give up waiting for an answer after (seconds):</source>
        <translation>Перестать ждать ответ через (секунд):</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>Без окружения</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Окружение:</translation>
    </message>
    <message>
        <source>Wappi Desk helps support agents rebuild a client's request to the Wappi API, send it and understand the answer.</source>
        <translation>Wappi Desk помогает специалистам поддержки воспроизвести запрос клиента к Wappi API, отправить его и понять ответ.</translation>
    </message>
    <message>
        <source>Timeout: {seconds} s</source>
        <translation>Таймаут: {seconds} с</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <source>{n} B</source>
        <translation>{n} Б</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>Press «Send» (Ctrl+Enter) and the server's answer appears here.</source>
        <translation>Нажмите «Отправить» (Ctrl+Enter) — ответ сервера появится здесь.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Waiting for the server (gives up after {seconds} s).</source>
        <translation>Ждём ответ сервера (не дольше {seconds} с).</translation>
    </message>
    <message>
        <source>{ms} ms · {size}</source>
        <translation>{ms} мс · {size}</translation>
    </message>
    <message>
        <source>The answer was too large and was cut at {size}.</source>
        <translation>Ответ слишком большой и обрезан на {size}.</translation>
    </message>
    <message>
        <source>Method: GET reads, POST sends data</source>
        <translation>Метод: GET читает, POST отправляет данные</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>Отправить запрос (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop waiting for the answer (Esc)</source>
        <translation>Перестать ждать ответ (Esc)</translation>
    </message>
    <message>
        <source>Search by name, URL or body…</source>
        <translation>Поиск по названию, URL или телу…</translation>
    </message>
    <message>
        <source>Documented requests: read-only. Change a copy, or save it into a client.</source>
        <translation>Запросы из документации: только для чтения. Меняйте копию или сохраните её в клиента.</translation>
    </message>
    <message>
        <source>Wappi API (documentation)</source>
        <translation>Wappi API (документация)</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start ({reason}); requests to the real API still work.</source>
        <translation>Встроенная песочница не запустилась ({reason}); запросы к настоящему API работают.</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…и ещё {n}.</translation>
    </message>
    <message>
        <source>The request has mistakes</source>
        <translation>В запросе есть ошибки</translation>
    </message>
    <message>
        <source>The server will most likely answer 400 Bad Request because of these mistakes:</source>
        <translation>Сервер, скорее всего, ответит 400 Bad Request из-за этих ошибок:</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Всё равно отправить</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Картинка</translation>
    </message>
    <message>
        <source>The password store is not available</source>
        <translation>Хранилище паролей недоступно</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation>Хранить только до закрытия программы</translation>
    </message>
    <message>
        <source>Import from clipboard (cURL or HTTP)</source>
        <translation>Импорт из буфера обмена (cURL или HTTP)</translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>Копировать как</translation>
    </message>
    <message>
        <source>Include the token (unmasked)</source>
        <translation>Включить токен (без маскировки)</translation>
    </message>
    <message>
        <source>cURL (bash, macOS, Linux)</source>
        <translation>cURL (bash, macOS, Linux)</translation>
    </message>
    <message>
        <source>cURL (Windows cmd)</source>
        <translation>cURL (Windows cmd)</translation>
    </message>
    <message>
        <source>Raw HTTP</source>
        <translation>HTTP-запрос как есть</translation>
    </message>
    <message>
        <source>cURL command</source>
        <translation>команда cURL</translation>
    </message>
    <message>
        <source>HTTP request</source>
        <translation>HTTP-запрос</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>Imported from the clipboard: {kind}.</source>
        <translation>Импортировано из буфера обмена: {kind}.</translation>
    </message>
    <message>
        <source>Imported, with notes</source>
        <translation>Импортировано, с замечаниями</translation>
    </message>
    <message>
        <source>The request is in the panels. These parts could not be carried over:</source>
        <translation>Запрос загружен в панели. Эти части перенести не удалось:</translation>
    </message>
    <message>
        <source>The clipboard text is not a request Wappi Desk understands.</source>
        <translation>Текст в буфере обмена — не запрос, который понимает Wappi Desk.</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message>
        <source>Your current request was not changed.</source>
        <translation>Ваш текущий запрос не изменён.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Скопировано в буфер обмена.</translation>
    </message>
    <message>
        <source>Fixed. Press «Send» to try again.</source>
        <translation>Исправлено. Нажмите «Отправить», чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>After «Send», what went wrong (if anything) and how to fix it appears here.</source>
        <translation>После «Отправить» здесь появится, что пошло не так (если что-то пошло) и как это исправить.</translation>
    </message>
    <message>
        <source>A secret is needed</source>
        <translation>Нужен секрет</translation>
    </message>
    <message>
        <source>«{name}» of «{environment}» is not stored on this computer. Enter it; it is kept in the system's password store.</source>
        <translation>«{name}» для «{environment}» не сохранён на этом компьютере. Введите его — он будет храниться в системном хранилище паролей.</translation>
    </message>
    <message>
        <source>What the sandbox received</source>
        <translation>Что получила песочница</translation>
    </message>
    <message>
        <source>What the sandbox received…</source>
        <translation>Что получила песочница…</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Select a request to see the headers that arrived.</source>
        <translation>Выберите запрос, чтобы увидеть пришедшие заголовки.</translation>
    </message>
    <message>
        <source>Every request the built-in sandbox answered, newest first. The token is masked.</source>
        <translation>Все запросы, на которые ответила встроенная песочница, новые сверху. Токен скрыт.</translation>
    </message>
    <message>
        <source>Body: {n} bytes</source>
        <translation>Тело: {n} байт</translation>
    </message>
</context>
</TS>
