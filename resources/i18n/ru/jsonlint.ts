<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>The recipient is empty. Write the phone number with the country code. Correct: {example}</source>
        <translation>Получатель не указан. Напишите номер телефона с кодом страны. Правильно: {example}</translation>
    </message>
    <message>
        <source>A link must start with https://. Correct: "{key}": "https://example.com/file.pdf"</source>
        <translation>Ссылка должна начинаться с https://. Правильно: "{key}": "https://example.com/file.pdf"</translation>
    </message>
    <message>
        <source>Write the number as digits only, with the country code and without +, spaces, dashes or brackets. Correct: {example}</source>
        <translation>Номер пишется только цифрами, с кодом страны, без +, пробелов, дефисов и скобок. Правильно: {example}</translation>
    </message>
    <message>
        <source>A phone number must be text in double quotes, not a number. Correct: {example}</source>
        <translation>Номер телефона должен быть строкой в двойных кавычках, а не числом. Правильно: {example}</translation>
    </message>
    <message>
        <source>The field "{key}" must be {expected}, not {actual}. Correct: {example}</source>
        <translation>Поле "{key}" должно быть: {expected}, а сейчас: {actual}. Правильно: {example}</translation>
    </message>
    <message>
        <source>This is not base64: only letters, digits, + / and = are allowed. Correct: "{key}": "/9j/4AAQ…"</source>
        <translation>Это не base64: допустимы только латинские буквы, цифры, + / и =. Правильно: "{key}": "/9j/4AAQ…"</translation>
    </message>
    <message>
        <source>An invisible character ({name}) that was probably pasted from a messenger or Word. Replace it with a plain space.</source>
        <translation>Невидимый символ ({name}) — скорее всего, вставлен из мессенджера или Word. Замените его обычным пробелом.</translation>
    </message>
    <message>
        <source>An invisible character ({name}) that was probably pasted from a messenger or Word. Remove it.</source>
        <translation>Невидимый символ ({name}) — скорее всего, вставлен из мессенджера или Word. Удалите его.</translation>
    </message>
    <message>
        <source>Add {bracket} at the end.</source>
        <translation>Добавьте {bracket} в конце.</translation>
    </message>
    <message>
        <source>Add {bracket} before this point.</source>
        <translation>Добавьте {bracket} перед этим местом.</translation>
    </message>
    <message>
        <source>text in double quotes</source>
        <translation>строка в двойных кавычках</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>a list in [ ]</source>
        <translation>список в [ ]</translation>
    </message>
    <message>
        <source>an object in { }</source>
        <translation>объект в { }</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>A Russian number that starts with 8 will not be delivered: start it with 7. Correct: {example}</source>
        <translation>Российский номер, начинающийся с 8, не будет доставлен: начните его с 7. Правильно: {example}</translation>
    </message>
    <message>
        <source>The body must be an object in {{ }}, not {actual}.</source>
        <translation>Тело запроса должно быть объектом в {{ }}, а сейчас: {actual}.</translation>
    </message>
    <message>
        <source>zero-width character</source>
        <translation>символ нулевой ширины</translation>
    </message>
    <message>
        <source>special space</source>
        <translation>особый пробел</translation>
    </message>
    <message>
        <source>A colon is missing after the field name. Correct: "name": "value"</source>
        <translation>После названия поля не хватает двоеточия. Правильно: "name": "value"</translation>
    </message>
    <message>
        <source>The text ends too early: a value is missing here.</source>
        <translation>Текст обрывается: здесь не хватает значения.</translation>
    </message>
    <message>
        <source>The country code is missing: a Russian number starts with 7. Correct: {example}</source>
        <translation>Не указан код страны: российский номер начинается с 7. Правильно: {example}</translation>
    </message>
    <message>
        <source>Remove the "data:…;base64," beginning: the field takes only the base64 characters. Correct: "{key}": "/9j/4AAQ…"</source>
        <translation>Уберите начало "data:…;base64,": в поле нужны только символы base64. Правильно: "{key}": "/9j/4AAQ…"</translation>
    </message>
    <message>
        <source>The body must be {expected}, not {actual}.</source>
        <translation>Тело запроса должно быть: {expected}, а сейчас: {actual}.</translation>
    </message>
    <message>
        <source>A field name and its value are separated by a colon, not "=". Correct: "name": "value"</source>
        <translation>Название поля и значение разделяются двоеточием, а не "=". Правильно: "name": "value"</translation>
    </message>
    <message>
        <source>Expected the start of the JSON: {</source>
        <translation>Ожидалось начало JSON: {</translation>
    </message>
    <message>
        <source>Expected a value: text in double quotes, a number, true, false, null, { } or [ ].</source>
        <translation>Ожидалось значение: строка в двойных кавычках, число, true, false, null, { } или [ ].</translation>
    </message>
    <message>
        <source>Expected a value or ].</source>
        <translation>Ожидалось значение или ].</translation>
    </message>
    <message>
        <source>Expected a field name in double quotes or }.</source>
        <translation>Ожидалось название поля в двойных кавычках или }.</translation>
    </message>
    <message>
        <source>Expected a field name in double quotes.</source>
        <translation>Ожидалось название поля в двойных кавычках.</translation>
    </message>
    <message>
        <source>Expected a colon after the field name.</source>
        <translation>После названия поля ожидалось двоеточие.</translation>
    </message>
    <message>
        <source>Expected a comma or a closing bracket.</source>
        <translation>Ожидалась запятая или закрывающая скобка.</translation>
    </message>
    <message>
        <source>A line break inside text is not allowed. Write \n instead.</source>
        <translation>Перенос строки внутри текста не допускается. Напишите вместо него \n.</translation>
    </message>
    <message>
        <source>A tab inside text is not allowed. Write \t instead.</source>
        <translation>Табуляция внутри текста не допускается. Напишите вместо неё \t.</translation>
    </message>
    <message>
        <source>An invisible character inside the text, probably pasted from a messenger. Remove it if it is not meant to be there.</source>
        <translation>Невидимый символ внутри текста — скорее всего, вставлен из мессенджера. Удалите его, если он не нужен.</translation>
    </message>
    <message>
        <source>This text has no closing double quote. Correct: {example}</source>
        <translation>У этого текста нет закрывающей двойной кавычки. Правильно: {example}</translation>
    </message>
    <message>
        <source>This text starts with a single quote and has no closing quote. JSON needs double quotes on both sides. Correct: {example}</source>
        <translation>Текст начинается с одинарной кавычки и не закрыт. В JSON нужны двойные кавычки с обеих сторон. Правильно: {example}</translation>
    </message>
    <message>
        <source>Typographic quotes {quotes}, usually pasted from a messenger or Word. JSON needs plain double quotes. Correct: {example}</source>
        <translation>Типографские кавычки {quotes} — обычно попадают из мессенджера или Word. В JSON нужны обычные двойные кавычки. Правильно: {example}</translation>
    </message>
    <message>
        <source>{number} is not a valid number. Write digits with a dot for decimals, without a leading + or zeros. Correct: {example}</source>
        <translation>{number} — неправильное число. Пишите цифры, дробную часть через точку, без + и нулей в начале. Правильно: {example}</translation>
    </message>
    <message>
        <source>A comma is missing before this. Separate items with commas. Correct: {example}</source>
        <translation>Перед этим местом не хватает запятой. Элементы разделяются запятыми. Правильно: {example}</translation>
    </message>
    <message>
        <source>A value is missing after the field name. Correct: "name": "value",</source>
        <translation>После названия поля не хватает значения. Правильно: "name": "value",</translation>
    </message>
    <message>
        <source>A value is missing after the field name. Correct: "name": "value"</source>
        <translation>После названия поля не хватает значения. Правильно: "name": "value"</translation>
    </message>
    <message>
        <source>Extra text after the end of the JSON: {text}. Everything must be inside one pair of brackets. Remove it.</source>
        <translation>Лишний текст после конца JSON: {text}. Всё должно быть внутри одной пары скобок. Удалите его.</translation>
    </message>
    <message>
        <source>The body is empty. Write a JSON object, for example {"recipient": "79990001122", "body": "Hello"}, or choose no body.</source>
        <translation>Тело запроса пустое. Напишите JSON-объект, например {"recipient": "79990001122", "body": "Привет"}, или выберите «без тела».</translation>
    </message>
    <message>
        <source>This is not valid JSON here.</source>
        <translation>Здесь JSON написан неправильно.</translation>
    </message>
    <message>
        <source>This is neither a phone number with the country code nor a …@c.us or …@g.us id. Correct: {example}</source>
        <translation>Это не номер телефона с кодом страны и не идентификатор …@c.us или …@g.us. Правильно: {example}</translation>
    </message>
    <message>
        <source>This is not a phone number with the country code. Correct: {example}</source>
        <translation>Это не номер телефона с кодом страны. Правильно: {example}</translation>
    </message>
    <message>
        <source>The required field "{key}" is missing. Add it, for example: {example}</source>
        <translation>Нет обязательного поля "{key}". Добавьте его, например: {example}</translation>
    </message>
    <message>
        <source>non-breaking space</source>
        <translation>неразрывный пробел</translation>
    </message>
    <message>
        <source>byte order mark</source>
        <translation>метка порядка байтов</translation>
    </message>
    <message>
        <source>soft hyphen</source>
        <translation>мягкий перенос</translation>
    </message>
    <message>
        <source>An invisible control character (code {code}) outside the text. Remove it.</source>
        <translation>Невидимый управляющий символ (код {code}) вне текста. Удалите его.</translation>
    </message>
    <message>
        <source>Items are separated by commas, not ";".</source>
        <translation>Элементы разделяются запятыми, а не ";".</translation>
    </message>
    <message>
        <source>Text in single quotes. JSON needs double quotes. Correct: {example}</source>
        <translation>Текст в одинарных кавычках. В JSON нужны двойные кавычки. Правильно: {example}</translation>
    </message>
    <message>
        <source>A field name must be in double quotes. Correct: "{key}": …</source>
        <translation>Название поля должно быть в двойных кавычках. Правильно: "{key}": …</translation>
    </message>
    <message>
        <source>This {bracket} closes nothing. Remove it.</source>
        <translation>Эта скобка {bracket} ничего не закрывает. Удалите её.</translation>
    </message>
    <message>
        <source>Extra comma before {bracket}. Remove the comma after the last item.</source>
        <translation>Лишняя запятая перед {bracket}. Уберите запятую после последнего элемента.</translation>
    </message>
    <message>
        <source>Unexpected {token} here.</source>
        <translation>Здесь не должно быть {token}.</translation>
    </message>
    <message>
        <source>{escape} is not allowed inside text. Write a backslash as two: \\. Correct: {example}</source>
        <translation>{escape} нельзя писать внутри текста. Обратную косую черту пишите двойной: \\. Правильно: {example}</translation>
    </message>
    <message>
        <source>An invisible control character (code {code}) inside the text. Remove it.</source>
        <translation>Невидимый управляющий символ (код {code}) внутри текста. Удалите его.</translation>
    </message>
    <message>
        <source>A colon is missing after the field name. Correct: "name": {bracket}</source>
        <translation>После названия поля не хватает двоеточия. Правильно: "name": {bracket}</translation>
    </message>
    <message>
        <source>The field "{key}" is written twice; the server will use only the last one. Remove one of them.</source>
        <translation>Поле "{key}" написано дважды; сервер возьмёт только последнее. Удалите одно из них.</translation>
    </message>
    <message>
        <source>This {opener} is never closed.</source>
        <translation>Эта скобка {opener} не закрыта.</translation>
    </message>
    <message>
        <source>Each item of the list must be {expected}, not {actual}.</source>
        <translation>Каждый элемент списка должен быть: {expected}, а сейчас: {actual}.</translation>
    </message>
    <message>
        <source>{word} is not a JSON word: write true, false and null in small letters. Correct: {example}</source>
        <translation>{word} — не слово JSON: true, false и null пишутся маленькими буквами. Правильно: {example}</translation>
    </message>
    <message>
        <source>Text without quotes: {text}. Put text in double quotes. Correct: {example}</source>
        <translation>Текст без кавычек: {text}. Текст пишется в двойных кавычках. Правильно: {example}</translation>
    </message>
    <message>
        <source>Comments are not allowed in JSON. Remove this: {text}</source>
        <translation>В JSON нельзя писать комментарии. Удалите: {text}</translation>
    </message>
    <message>
        <source>The body is JSON but the Content-Type header does not say so; the server may not understand the data. Add the header. Correct: Content-Type: application/json</source>
        <translation>Тело запроса в JSON, но заголовок Content-Type этого не говорит — сервер может не понять данные. Добавьте заголовок. Правильно: Content-Type: application/json</translation>
    </message>
    <message>
        <source>The token in the Authorization header must be written without quotes. Correct: Authorization: sk_your_api_token</source>
        <translation>Токен в заголовке Authorization пишется без кавычек. Правильно: Authorization: sk_your_api_token</translation>
    </message>
    <message>
        <source>The Wappi API works only over https. Correct: {url}</source>
        <translation>API Wappi работает только по https. Правильно: {url}</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Исправить</translation>
    </message>
    <message>
        <source>Fix all</source>
        <translation>Исправить всё</translation>
    </message>
    <message>
        <source>Apply every safe fix: quotes, true/false/null, commas, comments, phone numbers</source>
        <translation>Применить все безопасные исправления: кавычки, true/false/null, запятые, комментарии, номера телефонов</translation>
    </message>
    <message>
        <source>request</source>
        <translation>запрос</translation>
    </message>
    <message>
        <source>No mistakes found</source>
        <translation>Ошибок не найдено</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>строка {line}, позиция {column}</translation>
    </message>
    <message>
        <source>Errors: {errors}, warnings: {warnings}</source>
        <translation>Ошибок: {errors}, предупреждений: {warnings}</translation>
    </message>
</context>
</TS>
