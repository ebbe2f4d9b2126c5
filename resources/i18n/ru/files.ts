<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>JPEG image</source>
        <translation>изображение JPEG</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>изображение PNG</translation>
    </message>
    <message>
        <source>GIF image</source>
        <translation>изображение GIF</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>изображение WebP</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>документ PDF</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>документ Word</translation>
    </message>
    <message>
        <source>Excel spreadsheet</source>
        <translation>таблица Excel</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>презентация PowerPoint</translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation>архив ZIP</translation>
    </message>
    <message>
        <source>MP3 audio</source>
        <translation>аудио MP3</translation>
    </message>
    <message>
        <source>OGG audio</source>
        <translation>аудио OGG</translation>
    </message>
    <message>
        <source>WAV audio</source>
        <translation>аудио WAV</translation>
    </message>
    <message>
        <source>M4A audio</source>
        <translation>аудио M4A</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>видео MP4</translation>
    </message>
    <message>
        <source>QuickTime video</source>
        <translation>видео QuickTime</translation>
    </message>
    <message>
        <source>3GP video</source>
        <translation>видео 3GP</translation>
    </message>
    <message>
        <source>WebM video</source>
        <translation>видео WebM</translation>
    </message>
    <message>
        <source>web page (HTML)</source>
        <translation>веб-страница (HTML)</translation>
    </message>
    <message>
        <source>JSON text</source>
        <translation>текст JSON</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>обычный текст</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>пустой файл</translation>
    </message>
    <message>
        <source>unrecognised binary data</source>
        <translation>нераспознанные двоичные данные</translation>
    </message>
    <message>
        <source>access is denied</source>
        <translation>доступ запрещён</translation>
    </message>
    <message>
        <source>Check that it is not open in another program and that you may read it, then choose it again.</source>
        <translation>Проверьте, что файл не открыт в другой программе и у вас есть право его читать, затем выберите его снова.</translation>
    </message>
    <message>
        <source>Ask the client for the file again, or download it once more.</source>
        <translation>Попросите у клиента файл ещё раз или скачайте его заново.</translation>
    </message>
    <message>
        <source>Wait until the file is complete, then choose it again.</source>
        <translation>Дождитесь, пока файл будет полностью записан, и выберите его снова.</translation>
    </message>
    <message>
        <source>Choose the file again.</source>
        <translation>Выберите файл ещё раз.</translation>
    </message>
    <message>
        <source>Open the folder and choose a file inside it.</source>
        <translation>Откройте папку и выберите файл внутри неё.</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>вставленная картинка</translation>
    </message>
    <message>
        <source>Choose the file again with «Choose file…».</source>
        <translation>Выберите файл заново кнопкой «Выбрать файл…».</translation>
    </message>
    <message>
        <source>an image (JPEG, PNG, GIF or WebP)</source>
        <translation>изображение (JPEG, PNG, GIF или WebP)</translation>
    </message>
    <message>
        <source>an audio file (MP3, OGG, WAV or M4A)</source>
        <translation>аудиофайл (MP3, OGG, WAV или M4A)</translation>
    </message>
    <message>
        <source>a video (MP4, MOV, 3GP or WebM)</source>
        <translation>видео (MP4, MOV, 3GP или WebM)</translation>
    </message>
    <message>
        <source>The file «{name}» cannot be read: {reason}.</source>
        <translation>Файл «{name}» не удаётся прочитать: {reason}.</translation>
    </message>
    <message>
        <source>Choose the right file: an empty file is usually a download that failed.</source>
        <translation>Выберите нужный файл: пустой файл — обычно результат неудачного скачивания.</translation>
    </message>
    <message>
        <source>Open the original link in a browser, check that it shows the file, and save it again.</source>
        <translation>Откройте исходную ссылку в браузере, убедитесь, что там открывается сам файл, и сохраните его заново.</translation>
    </message>
    <message>
        <source>Choose another file, or use the request for that kind of file (for example «Send document»).</source>
        <translation>Выберите другой файл или возьмите запрос для такого типа файлов (например, «Отправить документ»).</translation>
    </message>
    <message>
        <source>The {type} «{name}» is damaged: its end is missing (the file was cut short, for example by a failed download).</source>
        <translation>Файл «{name}» ({type}) повреждён: у него нет конца (файл обрезан, например, при неудачном скачивании).</translation>
    </message>
    <message>
        <source>The file «{name}» changed while it was being read (another program is still writing it).</source>
        <translation>Файл «{name}» изменился во время чтения (другая программа ещё записывает его).</translation>
    </message>
    <message>
        <source>Press «Clean up» to remove the prefix, unless the client's system needs it.</source>
        <translation>Нажмите «Очистить», чтобы убрать префикс, если только системе клиента он не нужен.</translation>
    </message>
    <message>
        <source>The text has line breaks or spaces inside; the API expects one unbroken line.</source>
        <translation>В тексте есть переносы строк или пробелы; API ждёт одну сплошную строку.</translation>
    </message>
    <message>
        <source>Press «Clean up» to join it into one line.</source>
        <translation>Нажмите «Очистить», чтобы собрать его в одну строку.</translation>
    </message>
    <message>
        <source>The text uses the web-safe base64 letters «-» and «_» instead of «+» and «/».</source>
        <translation>В тексте использованы символы «-» и «_» (вариант base64 для ссылок) вместо «+» и «/».</translation>
    </message>
    <message>
        <source>Press «Clean up» to convert it; the API expects standard base64.</source>
        <translation>Нажмите «Очистить», чтобы преобразовать его: API ждёт обычный base64.</translation>
    </message>
    <message>
        <source>Copy the value again, whole, from the client's request.</source>
        <translation>Скопируйте значение из запроса клиента ещё раз, целиком.</translation>
    </message>
    <message>
        <source>This is not valid base64: it is cut or damaged (its length does not fit).</source>
        <translation>Это неправильный base64: он обрезан или повреждён (не сходится длина).</translation>
    </message>
    <message>
        <source>The «=» padding at the end is missing or wrong.</source>
        <translation>Знаки «=» в конце отсутствуют или стоят неверно.</translation>
    </message>
    <message>
        <source>Press «Clean up» to fix it.</source>
        <translation>Нажмите «Очистить», чтобы исправить.</translation>
    </message>
    <message>
        <source>pasted {type}</source>
        <translation>вставлено: {type}</translation>
    </message>
    <message>
        <source>The file «{name}» is no longer there: it was moved, renamed or deleted after it was chosen.</source>
        <translation>Файла «{name}» больше нет на месте: после выбора его переместили, переименовали или удалили.</translation>
    </message>
    <message>
        <source>«{name}» is a folder, not a file.</source>
        <translation>«{name}» — это папка, а не файл.</translation>
    </message>
    <message>
        <source> (its name says {named})</source>
        <translation> (хотя по имени это {named})</translation>
    </message>
    <message>
        <source>Nothing to do unless the client expected another file.</source>
        <translation>Делать ничего не нужно, если клиент не ожидал другой файл.</translation>
    </message>
    <message>
        <source>The attached file «{name}» is damaged in the saved request (its content no longer matches what was chosen).</source>
        <translation>Прикреплённый файл «{name}» повреждён в сохранённом запросе (содержимое не совпадает с выбранным).</translation>
    </message>
    <message>
        <source>The file «{name}» is empty (0 bytes).</source>
        <translation>Файл «{name}» пустой (0 байт).</translation>
    </message>
    <message>
        <source>The file «{name}» is {size}, more than the limit of {limit}.</source>
        <translation>Файл «{name}» весит {size} — больше предела {limit}.</translation>
    </message>
    <message>
        <source>Wappi's documentation states no size limit; this app stops at {limit} (change it in the settings). Send a smaller file, or send it by link with «Send file by URL».</source>
        <translation>В документации Wappi предел размера не указан; приложение ограничивает файлы до {limit} (меняется в настройках). Отправьте файл поменьше или отправьте его ссылкой запросом «Отправить файл по ссылке».</translation>
    </message>
    <message>
        <source>«{name}» is a web page, not a real {named}: most likely an error page the browser saved instead of the file.</source>
        <translation>«{name}» — это веб-страница, а не {named}: скорее всего, браузер сохранил страницу с ошибкой вместо файла.</translation>
    </message>
    <message>
        <source>This field needs {expected}, but «{name}» is a {found}{hint}.</source>
        <translation>В это поле нужно {expected}, а «{name}» — это {found}{hint}.</translation>
    </message>
    <message>
        <source>The text starts with «{prefix}»: the Wappi example sends only the base64 part, without it.</source>
        <translation>Текст начинается с «{prefix}»: в примере Wappi передаётся только сам base64, без этого префикса.</translation>
    </message>
    <message>
        <source>This is not valid base64: the character «{char}» at position {pos} cannot appear in it.</source>
        <translation>Это неправильный base64: символ «{char}» на позиции {pos} в нём встречаться не может.</translation>
    </message>
    <message>
        <source>The body names the file «{id}», but the file itself is not attached to this request.</source>
        <translation>В теле указан файл «{id}», но сам файл к этому запросу не прикреплён.</translation>
    </message>
    <message>
        <source>Choose the file again with «Choose file…», or remove «{token}» from the body.</source>
        <translation>Выберите файл заново кнопкой «Выбрать файл…» или удалите «{token}» из тела.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>«{name}» is named like a {named} but is really a {found}; it is sent as what it really is.</source>
        <translation>«{name}» назван как {named}, но на самом деле это {found}; он отправится как есть.</translation>
    </message>
    <message>
        <source>This data: text is not base64 at all (it has no «;base64» mark).</source>
        <translation>Этот текст data: вообще не в base64 (в нём нет пометки «;base64»).</translation>
    </message>
    <message>
        <source>Ask the client for the file itself.</source>
        <translation>Попросите у клиента сам файл.</translation>
    </message>
    <message>
        <source>{n} GB</source>
        <translation>{n} ГБ</translation>
    </message>
    <message>
        <source>Send with a «data:» prefix</source>
        <translation>Отправлять с префиксом «data:»</translation>
    </message>
    <message>
        <source>Wappi's example sends plain base64; tick only if the client's system adds the prefix.</source>
        <translation>В примере Wappi передаётся чистый base64; отмечайте, только если система клиента добавляет префикс.</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Remove the prefix and line breaks so the value is plain base64</source>
        <translation>Убрать префикс и переносы строк, чтобы остался чистый base64</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Убрать файл</translation>
    </message>
    <message>
        <source>The file was not attached</source>
        <translation>Файл не прикреплён</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Put a file from disk into the field under the cursor (or into b64_file) as base64. You can also drop a file onto the text.</source>
        <translation>Вставить файл с диска в base64 в поле под курсором (или в b64_file). Файл можно и просто перетащить на текст.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Choose a file to send</source>
        <translation>Выберите файл для отправки</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>There is no field to put the file in.</source>
        <translation>Некуда вставить файл: нет подходящего поля.</translation>
    </message>
    <message>
        <source>Click inside the quotes of the field that should carry the file (for example "b64_file": ""), then choose the file again.</source>
        <translation>Щёлкните внутри кавычек поля, в котором должен быть файл (например, "b64_file": ""), и выберите файл снова.</translation>
    </message>
    <message>
        <source>pasted</source>
        <translation>вставка</translation>
    </message>
    <message>
        <source>This field is not valid base64</source>
        <translation>В этом поле неправильный base64</translation>
    </message>
    <message>
        <source>The base64 in this field holds: {type}, {size}</source>
        <translation>В base64 из этого поля: {type}, {size}</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Файл не удалось прочитать.</translation>
    </message>
    <message>
        <source>Choose it again, or try another copy of the file.</source>
        <translation>Выберите его снова или возьмите другую копию файла.</translation>
    </message>
    <message>
        <source>Sent as {n} characters of base64 in place of {token}</source>
        <translation>Уйдёт как {n} символов base64 вместо {token}</translation>
    </message>
    <message>
        <source>Reading {done} of {total}</source>
        <translation>Прочитано {done} из {total}</translation>
    </message>
    <message>
        <source>{name} · {type} · {size}</source>
        <translation>{name} · {type} · {size}</translation>
    </message>
    <message>
        <source>This image cannot be drawn: it may be damaged.</source>
        <translation>Эту картинку не удаётся показать: возможно, она повреждена.</translation>
    </message>
    <message>
        <source>Open it in an image viewer to check, or ask the client for the file again.</source>
        <translation>Откройте её в программе просмотра, чтобы проверить, или попросите файл у клиента ещё раз.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Save the original file to disk</source>
        <translation>Сохранить исходный файл на диск</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Сохранение файла</translation>
    </message>
    <message>
        <source>The picture cannot be shown: it is damaged or in a format this app cannot draw. You can still save it.</source>
        <translation>Картинку не удаётся показать: она повреждена или в формате, который приложение не умеет рисовать. Сохранить её всё равно можно.</translation>
    </message>
    <message>
        <source>{w}×{h} px</source>
        <translation>{w}×{h} пикс.</translation>
    </message>
    <message>
        <source>from the field «{field}»</source>
        <translation>из поля «{field}»</translation>
    </message>
    <message>
        <source>Could not save to «{path}»: {reason}. Choose another folder.</source>
        <translation>Не удалось сохранить в «{path}»: {reason}. Выберите другую папку.</translation>
    </message>
</context>
</TS>
