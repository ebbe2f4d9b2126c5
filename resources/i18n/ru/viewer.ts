<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>A picture ({format}, {size} bytes).</source>
        <translation>Картинка ({format}, {size} байт).</translation>
    </message>
    <message>
        <source>Some bytes are not valid UTF-8 text; they are shown as �. Save the body to see them exactly.</source>
        <translation>Часть байтов — не текст в UTF-8; они показаны как �. Сохраните тело в файл, чтобы увидеть их точно.</translation>
    </message>
    <message>
        <source>{{…}} {n} fields</source>
        <translation>{{…}} полей: {n}</translation>
    </message>
    <message>
        <source>[…] {n} items</source>
        <translation>[…] элементов: {n}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Find a header…</source>
        <translation>Найти заголовок…</translation>
    </message>
    <message>
        <source>Cookies</source>
        <translation>Cookies</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Отправленный запрос</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Find in the body (Ctrl+F)</source>
        <translation>Найти в теле ответа (Ctrl+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the selected value, or the whole body when nothing is selected</source>
        <translation>Скопировать выбранное значение или всё тело, если ничего не выбрано</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>Save the body exactly as it arrived</source>
        <translation>Сохранить тело точно в том виде, в каком оно пришло</translation>
    </message>
    <message>
        <source>Find in the body</source>
        <translation>Найти в теле ответа</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Close the search</source>
        <translation>Закрыть поиск</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>The answer was too large and was cut at {size}; the rest was not downloaded.</source>
        <translation>Ответ слишком большой и обрезан на {size}; остальное не скачивалось.</translation>
    </message>
    <message>
        <source>The server kept sending for too long; the answer was cut at {size}.</source>
        <translation>Сервер передавал ответ слишком долго; ответ обрезан на {size}.</translation>
    </message>
    <message>
        <source>The packed answer unpacks to more than {size}; it was cut there so memory cannot fill up.</source>
        <translation>Сжатый ответ распаковывается больше чем в {size}; он обрезан, чтобы не переполнить память.</translation>
    </message>
    <message>
        <source>The answer is packed ({encoding}) in a way the app cannot unpack; the bytes are shown as they arrived.</source>
        <translation>Ответ сжат ({encoding}) способом, который программа не умеет распаковать; байты показаны как пришли.</translation>
    </message>
    <message>
        <source>The body could not be laid out; use «Raw» or save it to a file.</source>
        <translation>Не удалось оформить тело ответа; откройте «Как есть» или сохраните его в файл.</translation>
    </message>
    <message>
        <source>Building the tree…</source>
        <translation>Строим дерево…</translation>
    </message>
    <message>
        <source> (still loading)</source>
        <translation> (ещё загружается)</translation>
    </message>
    <message>
        <source>Save the body</source>
        <translation>Сохранить тело ответа</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Красиво</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Как есть</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Дерево</translation>
    </message>
    <message>
        <source>The tree needs complete JSON; this answer is not. Use «Pretty» or «Raw».</source>
        <translation>Для дерева нужен целый JSON, а этот ответ — нет. Откройте «Красиво» или «Как есть».</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>Cookies ({n})</source>
        <translation>Cookies ({n})</translation>
    </message>
    <message>
        <source>This answer is {size}; only the first {limit} are shown so the window stays quick.</source>
        <translation>Ответ весит {size}; показаны первые {limit}, чтобы окно не тормозило.</translation>
    </message>
    <message>
        <source>{i} of {n}</source>
        <translation>{i} из {n}</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>Не удалось сохранить файл: {reason}</translation>
    </message>
    <message>
        <source>Show secrets (token, keys)</source>
        <translation>Показать секреты (токен, ключи)</translation>
    </message>
    <message>
        <source>No redirects: the first address answered.</source>
        <translation>Перенаправлений не было: ответил первый же адрес.</translation>
    </message>
    <message>
        <source>No body was sent.</source>
        <translation>Тело запроса не отправлялось.</translation>
    </message>
    <message>
        <source>{method} {url}</source>
        <translation>{method} {url}</translation>
    </message>
    <message>
        <source>{status} from {url}</source>
        <translation>{status} с адреса {url}</translation>
    </message>
    <message>
        <source>Body sent: {size}</source>
        <translation>Отправлено тело: {size}</translation>
    </message>
    <message>
        <source>Redirected {n} times:</source>
        <translation>Перенаправлений: {n}:</translation>
    </message>
    <message>
        <source>Connect (incl. DNS)</source>
        <translation>Подключение (вместе с DNS)</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Защищённое соединение (TLS)</translation>
    </message>
    <message>
        <source>Sending the request</source>
        <translation>Отправка запроса</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Ожидание сервера</translation>
    </message>
    <message>
        <source>Downloading the answer</source>
        <translation>Загрузка ответа</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>The connection was reused, so only the total is known.</source>
        <translation>Соединение было открыто раньше, поэтому известно только общее время.</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
</context>
</TS>
