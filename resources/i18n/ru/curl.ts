<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Nothing to import: the clipboard holds no text.</source>
        <translation>Нечего импортировать: в буфере обмена нет текста.</translation>
    </message>
    <message>
        <source>Nothing to import: the pasted text is empty.</source>
        <translation>Нечего импортировать: вставленный текст пуст.</translation>
    </message>
    <message>
        <source>The pasted text is not readable text (it looks like binary data).</source>
        <translation>Вставленное — не читаемый текст (похоже на двоичные данные).</translation>
    </message>
    <message>
        <source>The pasted text is too large ({size} MB); a request to import must be under {limit} MB.</source>
        <translation>Вставленный текст слишком большой ({size} МБ); запрос для импорта должен быть меньше {limit} МБ.</translation>
    </message>
    <message>
        <source>The request has {count} headers; at most {limit} can be imported. Remove the extra headers and paste again.</source>
        <translation>В запросе {count} заголовков; импортировать можно не больше {limit}. Уберите лишние заголовки и вставьте снова.</translation>
    </message>
    <message>
        <source>The command is cut off: it ends in the middle. Copy the whole command and paste again.</source>
        <translation>Команда обрезана: она обрывается на середине. Скопируйте команду целиком и вставьте снова.</translation>
    </message>
    <message>
        <source>A quote in the command is opened but never closed. Copy the whole command and paste again.</source>
        <translation>В команде открыта кавычка, но не закрыта. Скопируйте команду целиком и вставьте снова.</translation>
    </message>
    <message>
        <source>The command has no address (URL) to call.</source>
        <translation>В команде нет адреса (URL), на который отправлять запрос.</translation>
    </message>
    <message>
        <source>This is not a cURL command: it must start with the word curl.</source>
        <translation>Это не команда cURL: она должна начинаться со слова curl.</translation>
    </message>
    <message>
        <source>The text holds more than one command; only the first curl command was imported.</source>
        <translation>В тексте несколько команд; импортирована только первая команда curl.</translation>
    </message>
    <message>
        <source>The command gives a user name without a password; curl would ask for it. The password was left empty.</source>
        <translation>В команде указано имя пользователя без пароля; curl спросил бы его. Пароль оставлен пустым.</translation>
    </message>
    <message>
        <source>The command uses the shell variable {name}; it was kept as typed, fill in the real value.</source>
        <translation>В команде используется переменная оболочки {name}; она оставлена как есть, подставьте настоящее значение.</translation>
    </message>
    <message>
        <source>Headers read from the file {file} were not imported.</source>
        <translation>Заголовки из файла {file} не импортированы.</translation>
    </message>
    <message>
        <source>The body part read from the file {file} was not imported.</source>
        <translation>Часть тела запроса из файла {file} не импортирована.</translation>
    </message>
    <message>
        <source>The command reads its body from the keyboard or another program (@-); the body was not imported.</source>
        <translation>Команда берёт тело запроса с клавиатуры или из другой программы (@-); тело не импортировано.</translation>
    </message>
    <message>
        <source>The command calls several addresses; only the first one was imported: {url}</source>
        <translation>Команда обращается к нескольким адресам; импортирован только первый: {url}</translation>
    </message>
    <message>
        <source>The header “{header}” has no “:” and was ignored.</source>
        <translation>В заголовке «{header}» нет «:», он пропущен.</translation>
    </message>
    <message>
        <source>The method {method} is unusual; check it.</source>
        <translation>Метод {method} необычный; проверьте его.</translation>
    </message>
    <message>
        <source>The option {option} is not known and was ignored.</source>
        <translation>Параметр {option} неизвестен и пропущен.</translation>
    </message>
    <message>
        <source>The option {option} has no value: the command looks cut off.</source>
        <translation>У параметра {option} нет значения: похоже, команда обрезана.</translation>
    </message>
    <message>
        <source>The command uses a shell redirection ({op}); that part was not imported.</source>
        <translation>В команде есть перенаправление оболочки ({op}); эта часть не импортирована.</translation>
    </message>
    <message>
        <source>The command asks for {scheme} sign-in; only the usual user:password (Basic) sign-in can be imported.</source>
        <translation>Команда использует вход {scheme}; импортировать можно только обычный вход логин:пароль (Basic).</translation>
    </message>
    <message>
        <source>Cookies read from the file {file} were not imported.</source>
        <translation>Cookie из файла {file} не импортированы.</translation>
    </message>
    <message>
        <source>The form field “{field}” (-F) was not imported: file and form uploads are not supported.</source>
        <translation>Поле формы «{field}» (-F) не импортировано: загрузка файлов и форм не поддерживается.</translation>
    </message>
    <message>
        <source>The command turns certificate checks off (-k); Wappi Desk always checks certificates.</source>
        <translation>Команда отключает проверку сертификатов (-k); Wappi Desk всегда проверяет сертификаты.</translation>
    </message>
    <message>
        <source>The file upload ({file}) was not imported: uploads are not supported.</source>
        <translation>Загрузка файла ({file}) не импортирована: загрузка файлов не поддерживается.</translation>
    </message>
    <message>
        <source>The proxy setting ({proxy}) was not imported.</source>
        <translation>Настройка прокси ({proxy}) не импортирована.</translation>
    </message>
    <message>
        <source>The certificate setting --{option} was not imported.</source>
        <translation>Настройка сертификата --{option} не импортирована.</translation>
    </message>
    <message>
        <source>The option --{option} was not imported.</source>
        <translation>Параметр --{option} не импортирован.</translation>
    </message>
    <message>
        <source>The pasted text is not a cURL command, an HTTP request or an address. Ask the client to copy the request again.</source>
        <translation>Вставленный текст — не команда cURL, не HTTP-запрос и не адрес. Попросите клиента скопировать запрос ещё раз.</translation>
    </message>
    <message>
        <source>This is not an HTTP request: the first line must be a method and an address, like “POST https://wappi.pro/api/…”.</source>
        <translation>Это не HTTP-запрос: первая строка должна содержать метод и адрес, например «POST https://wappi.pro/api/…».</translation>
    </message>
    <message>
        <source>The body was sent in chunks (Transfer-Encoding); check that the imported body is complete.</source>
        <translation>Тело запроса передавалось частями (Transfer-Encoding); проверьте, что оно импортировано полностью.</translation>
    </message>
    <message>
        <source>The request gives only a path ({path}) and no Host header, so the server is unknown.</source>
        <translation>В запросе указан только путь ({path}) без заголовка Host, поэтому сервер неизвестен.</translation>
    </message>
    <message>
        <source>Hello! We checked your request and found no mistakes in it. If the problem remains, please send us the exact time of the request and the full answer of the server.</source>
        <translation>Здравствуйте! Мы проверили ваш запрос и не нашли в нём ошибок. Если проблема остаётся, пришлите, пожалуйста, точное время запроса и полный ответ сервера.</translation>
    </message>
    <message>
        <source>Hello! We checked your request and found the following:</source>
        <translation>Здравствуйте! Мы проверили ваш запрос и нашли следующее:</translation>
    </message>
    <message>
        <source>After fixing this, please send the request again. If it still does not work, send us the request and the server's answer.</source>
        <translation>После исправления отправьте, пожалуйста, запрос ещё раз. Если не заработает, пришлите нам запрос и ответ сервера.</translation>
    </message>
    <message>
        <source>The request sends JSON but has no Content-Type header, so the server does not understand the body.</source>
        <translation>Запрос отправляет JSON, но в нём нет заголовка Content-Type, поэтому сервер не понимает тело запроса.</translation>
    </message>
    <message>
        <source>No profile_id in the address</source>
        <translation>В адресе нет profile_id</translation>
    </message>
    <message>
        <source>Add ?profile_id=… to the address. The profile id is on the profile page in the dashboard.</source>
        <translation>Добавьте в адрес ?profile_id=… . ID профиля есть в личном кабинете на странице профиля.</translation>
    </message>
    <message>
        <source>The address starts with http://</source>
        <translation>Адрес начинается с http://</translation>
    </message>
    <message>
        <source>The API only works over a secure connection: the address must start with https://, not http://.</source>
        <translation>API работает только через защищённое соединение: адрес должен начинаться с https://, а не с http://.</translation>
    </message>
    <message>
        <source>Change http:// to https:// at the start of the address.</source>
        <translation>Замените http:// на https:// в начале адреса.</translation>
    </message>
    <message>
        <source>Content-Type: application/json is missing</source>
        <translation>Нет заголовка Content-Type: application/json</translation>
    </message>
    <message>
        <source>Add the header Content-Type: application/json.</source>
        <translation>Добавьте заголовок Content-Type: application/json.</translation>
    </message>
    <message>
        <source>No API token</source>
        <translation>Нет токена API</translation>
    </message>
    <message>
        <source>The request has no token: the Authorization header is missing or empty.</source>
        <translation>В запросе нет токена: заголовок Authorization отсутствует или пуст.</translation>
    </message>
    <message>
        <source>Add the header Authorization with the API token. The token is in the dashboard, on the profile page.</source>
        <translation>Добавьте заголовок Authorization с токеном API. Токен есть в личном кабинете на странице профиля.</translation>
    </message>
    <message>
        <source>The token is in quotes</source>
        <translation>Токен в кавычках</translation>
    </message>
    <message>
        <source>The token in the Authorization header is wrapped in quotes; the server reads the quotes as part of the token.</source>
        <translation>Токен в заголовке Authorization взят в кавычки; сервер считает кавычки частью токена.</translation>
    </message>
    <message>
        <source>Remove the quotes around the token: the header value must be the token alone.</source>
        <translation>Уберите кавычки вокруг токена: в значении заголовка должен быть только токен.</translation>
    </message>
    <message>
        <source>“Bearer” before the token</source>
        <translation>«Bearer» перед токеном</translation>
    </message>
    <message>
        <source>The Authorization header starts with the word Bearer. The Wappi API expects the token alone, without Bearer.</source>
        <translation>Заголовок Authorization начинается со слова Bearer. API Wappi ждёт только токен, без Bearer.</translation>
    </message>
    <message>
        <source>Remove the word Bearer and the space after it, leave only the token.</source>
        <translation>Уберите слово Bearer и пробел после него, оставьте только токен.</translation>
    </message>
    <message>
        <source>Spaces or line breaks in the token</source>
        <translation>Пробелы или переносы строк в токене</translation>
    </message>
    <message>
        <source>The token has spaces or line breaks in it or around it, usually picked up when copying.</source>
        <translation>В токене или вокруг него есть пробелы или переносы строк — обычно они попадают при копировании.</translation>
    </message>
    <message>
        <source>Copy the token again from the dashboard and paste it without spaces.</source>
        <translation>Скопируйте токен из личного кабинета ещё раз и вставьте без пробелов.</translation>
    </message>
    <message>
        <source>profile_id is in the request body, but the API reads it only from the address (?profile_id=…).</source>
        <translation>profile_id указан в теле запроса, а API берёт его только из адреса (?profile_id=…).</translation>
    </message>
    <message>
        <source>The address has no profile_id: the API does not know which profile to use.</source>
        <translation>В адресе нет profile_id: API не знает, какой профиль использовать.</translation>
    </message>
    <message>
        <source>The body is not valid JSON</source>
        <translation>Тело запроса — неправильный JSON</translation>
    </message>
    <message>
        <source>Fix the JSON: names and text in double quotes, commas between fields, true/false/null in small letters.</source>
        <translation>Исправьте JSON: названия и текст в двойных кавычках, запятые между полями, true/false/null маленькими буквами.</translation>
    </message>
    <message>
        <source>Unknown method address</source>
        <translation>Неизвестный адрес метода</translation>
    </message>
    <message>
        <source>Wrong HTTP method</source>
        <translation>Неверный HTTP-метод</translation>
    </message>
    <message>
        <source>A body on a GET request</source>
        <translation>Тело у GET-запроса</translation>
    </message>
    <message>
        <source>GET requests do not send a body; the server ignores it. Parameters of GET methods go in the address.</source>
        <translation>GET-запросы не отправляют тело; сервер его не читает. Параметры GET-методов передаются в адресе.</translation>
    </message>
    <message>
        <source>Move the values into the address as ?name=value, or use the method the documentation gives.</source>
        <translation>Перенесите значения в адрес в виде ?имя=значение или используйте метод, указанный в документации.</translation>
    </message>
    <message>
        <source>401: the token was not accepted</source>
        <translation>401: токен не принят</translation>
    </message>
    <message>
        <source>Check the token in the Authorization header: the token alone, without quotes or Bearer. It is in the dashboard, on the profile page.</source>
        <translation>Проверьте токен в заголовке Authorization: только сам токен, без кавычек и Bearer. Его можно найти в личном кабинете на странице профиля.</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Нет ответа вовремя</translation>
    </message>
    <message>
        <source>The server did not answer in time (timeout).</source>
        <translation>Сервер не ответил вовремя (тайм-аут).</translation>
    </message>
    <message>
        <source>Try again. If it repeats, check the internet connection and pass the time of the request to the second line of support.</source>
        <translation>Повторите запрос. Если повторяется, проверьте интернет-соединение и передайте время запроса на вторую линию поддержки.</translation>
    </message>
    <message>
        <source>The request sends JSON but the Content-Type header says “{type}”, so the server does not understand the body.</source>
        <translation>Запрос отправляет JSON, но в заголовке Content-Type указано «{type}», поэтому сервер не понимает тело запроса.</translation>
    </message>
    <message>
        <source>Check the method's address in the documentation.</source>
        <translation>Проверьте адрес метода в документации.</translation>
    </message>
    <message>
        <source>The server said: “{detail}”.</source>
        <translation>Ответ сервера: «{detail}».</translation>
    </message>
    <message>
        <source>The server did not accept the token (401 Unauthorized).</source>
        <translation>Сервер не принял токен (401 Unauthorized).</translation>
    </message>
    <message>
        <source>Cannot connect to the server</source>
        <translation>Не удаётся подключиться к серверу</translation>
    </message>
    <message>
        <source>Check the address (https://wappi.pro), the internet connection, and any proxy or firewall.</source>
        <translation>Проверьте адрес (https://wappi.pro), интернет-соединение, прокси и файрвол.</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {problem}</source>
        <translation>строка {line}, позиция {column}: {problem}</translation>
    </message>
    <message>
        <source>The request body has a mistake: {problem}</source>
        <translation>В теле запроса ошибка: {problem}</translation>
    </message>
    <message>
        <source>{path} works with {expected}, but the request uses {actual}.</source>
        <translation>{path} работает с методом {expected}, а в запросе — {actual}.</translation>
    </message>
    <message>
        <source>Change the method to {expected}.</source>
        <translation>Поменяйте метод на {expected}.</translation>
    </message>
    <message>
        <source>400: the request data is wrong</source>
        <translation>400: ошибка в данных запроса</translation>
    </message>
    <message>
        <source>Check the JSON (double quotes, commas) and that the required fields, such as body and recipient, are there.</source>
        <translation>Проверьте JSON (двойные кавычки, запятые) и что обязательные поля, например body и recipient, на месте.</translation>
    </message>
    <message>
        <source>404: address or profile not found</source>
        <translation>404: адрес или профиль не найден</translation>
    </message>
    <message>
        <source>The field {field} is missing</source>
        <translation>Нет поля {field}</translation>
    </message>
    <message>
        <source>The body has no “{field}” field, and this method needs it.</source>
        <translation>В теле запроса нет поля «{field}», а этому методу оно нужно.</translation>
    </message>
    <message>
        <source>Add “{field}” to the JSON body.</source>
        <translation>Добавьте «{field}» в JSON тела запроса.</translation>
    </message>
    <message>
        <source>The address {path} is not a documented API method. The closest one is {closest}.</source>
        <translation>Адрес {path} не является методом API из документации. Ближайший: {closest}.</translation>
    </message>
    <message>
        <source>The address {path} is not a documented API method.</source>
        <translation>Адрес {path} не является методом API из документации.</translation>
    </message>
    <message>
        <source>Use the address {closest}.</source>
        <translation>Используйте адрес {closest}.</translation>
    </message>
    <message>
        <source>The server rejected the request data (400 Bad Request): broken JSON or a required field is missing.</source>
        <translation>Сервер отклонил данные запроса (400 Bad Request): ошибка в JSON или не хватает обязательного поля.</translation>
    </message>
    <message>
        <source>The server found no such address or profile (404 Not Found).</source>
        <translation>Сервер не нашёл такой адрес или профиль (404 Not Found).</translation>
    </message>
    <message>
        <source>Check the address of the method and the profile_id.</source>
        <translation>Проверьте адрес метода и profile_id.</translation>
    </message>
    <message>
        <source>405: wrong method</source>
        <translation>405: неверный метод</translation>
    </message>
    <message>
        <source>The request did not reach the server ({reason}).</source>
        <translation>Запрос не дошёл до сервера ({reason}).</translation>
    </message>
    <message>
        <source>400: a problem with the field {field}</source>
        <translation>400: проблема с полем {field}</translation>
    </message>
    <message>
        <source>Check the field “{field}”: it must be present and written as in the documentation (a phone number as a string, with the country code).</source>
        <translation>Проверьте поле «{field}»: оно должно быть и записано как в документации (номер телефона — строкой, с кодом страны).</translation>
    </message>
    <message>
        <source>Use the method the documentation gives for this address (GET or POST).</source>
        <translation>Используйте метод, указанный в документации для этого адреса (GET или POST).</translation>
    </message>
    <message>
        <source>429: too many requests</source>
        <translation>429: слишком много запросов</translation>
    </message>
    <message>
        <source>The server asks to slow down: too many requests in a short time (429 Too Many Requests).</source>
        <translation>Сервер просит снизить темп: слишком много запросов за короткое время (429 Too Many Requests).</translation>
    </message>
    <message>
        <source>The server rejected the request because of the field “{field}” (400 Bad Request).</source>
        <translation>Сервер отклонил запрос из-за поля «{field}» (400 Bad Request).</translation>
    </message>
    <message>
        <source>Check the address of the method and that the profile {profile} exists in the dashboard.</source>
        <translation>Проверьте адрес метода и что профиль {profile} есть в личном кабинете.</translation>
    </message>
    <message>
        <source>The address does not accept the {method} method (405 Method Not Allowed).</source>
        <translation>Этот адрес не принимает метод {method} (405 Method Not Allowed).</translation>
    </message>
    <message>
        <source>Wait a minute and try again; send requests less often.</source>
        <translation>Подождите минуту и повторите; отправляйте запросы реже.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it repeats, pass the time of the request and this answer to the second line of support.</source>
        <translation>Повторите через несколько минут. Если повторяется, передайте время запроса и этот ответ на вторую линию поддержки.</translation>
    </message>
    <message>
        <source>Wait {seconds} seconds and try again; send requests less often.</source>
        <translation>Подождите {seconds} секунд и повторите; отправляйте запросы реже.</translation>
    </message>
    <message>
        <source>{status}: a problem on the server side</source>
        <translation>{status}: проблема на стороне сервера</translation>
    </message>
    <message>
        <source>The server failed to handle the request ({status}). This is not a mistake in the request.</source>
        <translation>Сервер не смог обработать запрос ({status}). Это не ошибка в запросе.</translation>
    </message>
    <message>
        <source>The profile is not connected to WhatsApp</source>
        <translation>Профиль не подключён к WhatsApp</translation>
    </message>
    <message>
        <source>The profile is not authorized (authorized: false): messages are not sent until the phone is connected again.</source>
        <translation>Профиль не авторизован (authorized: false): сообщения не отправляются, пока телефон снова не подключён.</translation>
    </message>
    <message>
        <source>Scan the QR code again in the dashboard (or get it with GET /api/sync/qr/get) and do not use this number in another WhatsApp Web session at the same time.</source>
        <translation>Отсканируйте QR-код заново в личном кабинете (или получите его через GET /api/sync/qr/get) и не используйте этот номер одновременно в другом сеансе WhatsApp Web.</translation>
    </message>
    <message>
        <source>Reply to client</source>
        <translation>Ответ клиенту</translation>
    </message>
    <message>
        <source>Copy a ready message for the client: what is wrong and how to fix it</source>
        <translation>Скопировать готовое сообщение для клиента: что не так и как исправить</translation>
    </message>
    <message>
        <source>The reply is copied: paste it into the chat with the client.</source>
        <translation>Ответ скопирован: вставьте его в чат с клиентом.</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Исправить</translation>
    </message>
    <message>
        <source>Correct the request in one click</source>
        <translation>Исправить запрос в один клик</translation>
    </message>
    <message>
        <source>No problems found in this request.</source>
        <translation>В этом запросе проблем не найдено.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Что сделать:</translation>
    </message>
    <message>
        <source>Problems found: {count}</source>
        <translation>Найдено проблем: {count}</translation>
    </message>
</context>
</TS>
