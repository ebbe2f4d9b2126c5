<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Put back what was just deleted</source>
        <translation>Вернуть только что удалённое</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <source>Edit environment…</source>
        <translation>Переменные клиента…</translation>
    </message>
    <message>
        <source>Import Postman collection…</source>
        <translation>Импорт коллекции Postman…</translation>
    </message>
    <message>
        <source>Export client…</source>
        <translation>Экспорт клиента…</translation>
    </message>
    <message>
        <source>Data folder…</source>
        <translation>Папка с данными…</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Client's name (for example, the company or the profile):</source>
        <translation>Имя клиента (например, компания или профиль):</translation>
    </message>
    <message>
        <source>Rename client</source>
        <translation>Переименовать клиента</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Новая папка</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>Имя папки:</translation>
    </message>
    <message>
        <source>Rename request</source>
        <translation>Переименовать запрос</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Переместить в…</translation>
    </message>
    <message>
        <source>Where should the request go?</source>
        <translation>Куда переместить запрос?</translation>
    </message>
    <message>
        <source>Copy to client</source>
        <translation>Копировать клиенту</translation>
    </message>
    <message>
        <source>Which client? (Type a new name to make a client.)</source>
        <translation>Какому клиенту? (Введите новое имя, чтобы создать клиента.)</translation>
    </message>
    <message>
        <source>Copy to client…</source>
        <translation>Копировать клиенту…</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Новый запрос</translation>
    </message>
    <message>
        <source>No client</source>
        <translation>Нет клиента</translation>
    </message>
    <message>
        <source>Open a client's request first, or make a client with File → New client.</source>
        <translation>Сначала откройте запрос клиента или создайте клиента: Файл → Новый клиент.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <source>«{name}» deleted. Press «Undo» to put it back.</source>
        <translation>«{name}» удалён. Нажмите «Отменить», чтобы вернуть.</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>Новая папка…</translation>
    </message>
    <message>
        <source>Copied to «{client}».</source>
        <translation>Скопировано клиенту «{client}».</translation>
    </message>
    <message>
        <source>«{name}» is back.</source>
        <translation>«{name}» возвращён.</translation>
    </message>
    <message>
        <source>The file could not be written ({reason}). Check the data folder in Settings.</source>
        <translation>Не удалось записать файл ({reason}). Проверьте папку с данными в настройках.</translation>
    </message>
    <message>
        <source>Your clients' requests. Right-click for actions.</source>
        <translation>Запросы ваших клиентов. Действия — по правой кнопке мыши.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Папка с данными</translation>
    </message>
    <message>
        <source>Your clients, their requests and variables are plain files in this folder. To share them with your team, choose a shared folder or a git repository.</source>
        <translation>Ваши клиенты, их запросы и переменные хранятся обычными файлами в этой папке. Чтобы делиться ими с командой, выберите общую папку или git-репозиторий.</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Выбрать другую папку…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Папка по умолчанию</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Выберите папку с данными</translation>
    </message>
    <message>
        <source>The default folder</source>
        <translation>Папка по умолчанию</translation>
    </message>
    <message>
        <source>Requests of this client fill {{name}} with these values. Tick «Secret» for tokens: their values are kept in the system's password store, not in files.</source>
        <translation>Запросы этого клиента подставляют эти значения вместо {{name}}. Для токенов отметьте «Секрет»: их значения хранятся в системном хранилище паролей, а не в файлах.</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Добавить переменную</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Удалить выбранные</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Секрет</translation>
    </message>
    <message>
        <source>Variables of «{client}»</source>
        <translation>Переменные клиента «{client}»</translation>
    </message>
    <message>
        <source>Search the history…</source>
        <translation>Поиск по истории…</translation>
    </message>
    <message>
        <source>Double-click a line to open that request again</source>
        <translation>Дважды щёлкните строку, чтобы снова открыть этот запрос</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>Requests sent with «{name}»</source>
        <translation>Запросы, отправленные с «{name}»</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>Unsaved changes from the last session were restored.</source>
        <translation>Несохранённые изменения из прошлого сеанса восстановлены.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>Pick a client, or type a new client's name</source>
        <translation>Выберите клиента или введите имя нового</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Request name:</source>
        <translation>Имя запроса:</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Документация</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>не сохранён</translation>
    </message>
    <message>
        <source>«{name}» has changes that are not saved. Save them before leaving?</source>
        <translation>В «{name}» есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>Saved in «{client}».</source>
        <translation>Сохранено у клиента «{client}».</translation>
    </message>
    <message>
        <source>Choose a client, or type a new client's name.</source>
        <translation>Выберите клиента или введите имя нового клиента.</translation>
    </message>
    <message>
        <source>Import Postman collection</source>
        <translation>Импорт коллекции Postman</translation>
    </message>
    <message>
        <source>Postman collection (*.json);;All files (*)</source>
        <translation>Коллекция Postman (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Импортировать в</translation>
    </message>
    <message>
        <source>Into which client? (Type a new name to make a client.)</source>
        <translation>В какого клиента? (Введите новое имя, чтобы создать клиента.)</translation>
    </message>
    <message>
        <source>Export client</source>
        <translation>Экспорт клиента</translation>
    </message>
    <message>
        <source>Postman collection (*.json)</source>
        <translation>Коллекция Postman (*.json)</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Нечего экспортировать</translation>
    </message>
    <message>
        <source>There are no clients yet. Make one with File → New client.</source>
        <translation>Клиентов пока нет. Создайте клиента: Файл → Новый клиент.</translation>
    </message>
    <message>
        <source>Which client?</source>
        <translation>Какой клиент?</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Не экспортировано</translation>
    </message>
    <message>
        <source>The secret «{name}» was kept in the password store, not in a file.</source>
        <translation>Секрет «{name}» сохранён в хранилище паролей, а не в файле.</translation>
    </message>
    <message>
        <source>Not imported, or changed on the way (check these by hand):</source>
        <translation>Не импортировано или изменено при импорте (проверьте вручную):</translation>
    </message>
    <message>
        <source>Everything in the file was imported.</source>
        <translation>Всё из файла импортировано.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранённые</translation>
    </message>
</context>
</TS>
