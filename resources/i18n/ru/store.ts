<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Send a saved request, or every request of a folder, and print one line each.</source>
        <translation>Отправить сохранённый запрос или все запросы папки и вывести по строке на каждый.</translation>
    </message>
    <message>
        <source>Import a Postman v2.1 collection into a client.</source>
        <translation>Импортировать коллекцию Postman v2.1 в клиента.</translation>
    </message>
    <message>
        <source>Export a client (or one of its folders) as a Postman v2.1 collection.</source>
        <translation>Экспортировать клиента (или одну из его папок) как коллекцию Postman v2.1.</translation>
    </message>
    <message>
        <source>folder of the clients (default: the app's data folder)</source>
        <translation>папка с клиентами (по умолчанию — папка данных приложения)</translation>
    </message>
    <message>
        <source>a request file or folder, in a client or in the preloaded collection</source>
        <translation>файл запроса или папка — у клиента или во встроенной коллекции</translation>
    </message>
    <message>
        <source>whose variables to use: a client's name, or Sandbox</source>
        <translation>чьи переменные использовать: имя клиента или Sandbox</translation>
    </message>
    <message>
        <source>set a variable (repeatable)</source>
        <translation>задать переменную (можно несколько раз)</translation>
    </message>
    <message>
        <source>the client to import into (made if missing)</source>
        <translation>клиент, в которого импортировать (будет создан, если его нет)</translation>
    </message>
    <message>
        <source>only this folder of the client</source>
        <translation>только эта папка клиента</translation>
    </message>
    <message>
        <source>{passed} of {total} requests succeeded.</source>
        <translation>Успешно: {passed} из {total} запросов.</translation>
    </message>
    <message>
        <source>{count} requests imported into «{client}».</source>
        <translation>Импортировано запросов в «{client}»: {count}.</translation>
    </message>
    <message>
        <source>«{client}» exported to {file}. Secret values were left out.</source>
        <translation>«{client}» экспортирован в {file}. Секретные значения не выгружены.</translation>
    </message>
    <message>
        <source>Nothing called «{path}» was found. Give a request file or a folder.</source>
        <translation>«{path}» не найден. Укажите файл запроса или папку.</translation>
    </message>
    <message>
        <source>There are no requests to send in «{path}».</source>
        <translation>В «{path}» нет запросов для отправки.</translation>
    </message>
    <message>
        <source>«{text}» is not NAME=VALUE. Write it like --var profile_id=abcd1234.</source>
        <translation>«{text}» — не в виде ИМЯ=ЗНАЧЕНИЕ. Пишите так: --var profile_id=abcd1234.</translation>
    </message>
    <message>
        <source>There is no client called «{name}».</source>
        <translation>Клиента «{name}» нет.</translation>
    </message>
    <message>
        <source>The secret «{name}» was not saved to a file: enter it in the client's variables.</source>
        <translation>Секрет «{name}» не сохранён в файл: введите его в переменных клиента.</translation>
    </message>
    <message>
        <source>{file}: cannot be written ({reason})</source>
        <translation>{file}: не удаётся записать ({reason})</translation>
    </message>
    <message>
        <source>{file}: an unsaved draft is damaged and was skipped</source>
        <translation>{file}: несохранённый черновик повреждён и пропущен</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Scripts of the collection were not imported (Wappi Desk does not run scripts).</source>
        <translation>Скрипты коллекции не импортированы (Wappi Desk не выполняет скрипты).</translation>
    </message>
    <message>
        <source>scripts</source>
        <translation>скрипты</translation>
    </message>
    <message>
        <source>saved example answers</source>
        <translation>сохранённые примеры ответов</translation>
    </message>
    <message>
        <source>a file as the body</source>
        <translation>файл в качестве тела</translation>
    </message>
    <message>
        <source>{file}: this is not a Postman collection.</source>
        <translation>{file}: это не коллекция Postman.</translation>
    </message>
    <message>
        <source>{file}: this is a Postman environment, not a collection. Import the collection file instead.</source>
        <translation>{file}: это окружение Postman, а не коллекция. Импортируйте файл коллекции.</translation>
    </message>
    <message>
        <source>{file}: this is an old Postman format (v1). In Postman, export it again as Collection v2.1.</source>
        <translation>{file}: это старый формат Postman (v1). Экспортируйте коллекцию в Postman заново как Collection v2.1.</translation>
    </message>
    <message>
        <source>«{name}»: not imported: {what}.</source>
        <translation>«{name}»: не импортировано: {what}.</translation>
    </message>
    <message>
        <source>basic sign-in that uses variables (add the Authorization header by hand)</source>
        <translation>basic-авторизация с переменными (добавьте заголовок Authorization вручную)</translation>
    </message>
    <message>
        <source>{file}: the file is damaged (not valid JSON, line {line}). Export it from Postman again.</source>
        <translation>{file}: файл повреждён (неверный JSON, строка {line}). Экспортируйте его из Postman заново.</translation>
    </message>
    <message>
        <source>The variable «{name}» is switched off in Postman and was not imported.</source>
        <translation>Переменная «{name}» выключена в Postman и не импортирована.</translation>
    </message>
    <message>
        <source>form-data file fields ({names})</source>
        <translation>файловые поля form-data ({names})</translation>
    </message>
    <message>
        <source>GraphQL variables (not valid JSON)</source>
        <translation>переменные GraphQL (неверный JSON)</translation>
    </message>
    <message>
        <source>There is no folder «{name}» in {client}.</source>
        <translation>В {client} нет папки «{name}».</translation>
    </message>
    <message>
        <source>«{name}»: scripts of the folder were not imported.</source>
        <translation>«{name}»: скрипты папки не импортированы.</translation>
    </message>
    <message>
        <source>{kind} sign-in (add its header by hand)</source>
        <translation>авторизация {kind} (добавьте её заголовок вручную)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>the server answered with an error status</source>
        <translation>сервер ответил кодом ошибки</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Сначала введите название.</translation>
    </message>
    <message>
        <source>A name cannot contain / or \. Use a dash instead.</source>
        <translation>Название не может содержать / или \. Используйте дефис.</translation>
    </message>
    <message>
        <source>A name cannot contain two dots in a row (..).</source>
        <translation>Название не может содержать две точки подряд (..).</translation>
    </message>
    <message>
        <source>A name cannot start or end with a dot.</source>
        <translation>Название не может начинаться или заканчиваться точкой.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (копия)</translation>
    </message>
    <message>
        <source>{name} (copy {number})</source>
        <translation>{name} (копия {number})</translation>
    </message>
    <message>
        <source>A name cannot contain these characters: {chars}. Remove them and try again.</source>
        <translation>Название не может содержать эти символы: {chars}. Уберите их и попробуйте снова.</translation>
    </message>
    <message>
        <source>«{name}» is a name Windows keeps for itself. Choose another name.</source>
        <translation>«{name}» — имя, зарезервированное Windows. Выберите другое название.</translation>
    </message>
    <message>
        <source>The name is too long ({length} characters). Keep it under {limit}.</source>
        <translation>Название слишком длинное ({length} символов). Уложитесь в {limit}.</translation>
    </message>
    <message>
        <source>«{name}» already exists. Choose another name.</source>
        <translation>«{name}» уже есть. Выберите другое название.</translation>
    </message>
    <message>
        <source>{file}: this is not a variables file; it was not changed.</source>
        <translation>{file}: это не файл переменных; он не изменён.</translation>
    </message>
    <message>
        <source>«{file}» is not in a client's folder.</source>
        <translation>«{file}» находится не в папке клиента.</translation>
    </message>
    <message>
        <source>«{file}» is already gone.</source>
        <translation>«{file}» уже удалён.</translation>
    </message>
    <message>
        <source>«{file}» exists again, so the deleted copy was not put back. It is kept in {trash}.</source>
        <translation>«{file}» снова существует, поэтому удалённая копия не восстановлена. Она хранится в {trash}.</translation>
    </message>
    <message>
        <source>{file}: the variables file is damaged (not valid JSON). Fix or remove it; it was not changed.</source>
        <translation>{file}: файл переменных повреждён (неверный JSON). Исправьте или удалите его; он не изменён.</translation>
    </message>
</context>
</TS>
