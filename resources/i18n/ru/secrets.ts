<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Until then Wappi Desk can keep tokens for this session only, in memory: they are forgotten when the app closes and are never written to a file.</source>
        <translation>Пока этого нет, Wappi Desk может хранить токены только в течение этой сессии, в памяти: они забудутся при закрытии программы и никогда не записываются в файл.</translation>
    </message>
    <message>
        <source>Make sure Windows Credential Manager is running (the Credential Manager service) and that your account is allowed to use it, then press Try again.</source>
        <translation>Проверьте, что диспетчер учётных данных Windows работает (служба «Диспетчер учётных данных») и вашей учётной записи разрешено им пользоваться, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>Tokens are kept for this session only and will be forgotten when Wappi Desk closes.</source>
        <translation>Токены хранятся только в этой сессии и забудутся, когда Wappi Desk закроется.</translation>
    </message>
    <message>
        <source>The only keyring found keeps secrets as plain text in a file, so Wappi Desk does not use it.</source>
        <translation>Найденное хранилище паролей держит секреты открытым текстом в файле, поэтому Wappi Desk им не пользуется.</translation>
    </message>
    <message>
        <source>Unlock the login keychain in Keychain Access and allow Wappi Desk to use it when macOS asks, then press Try again.</source>
        <translation>Разблокируйте связку ключей «login» в программе «Связка ключей» и разрешите Wappi Desk доступ, когда macOS спросит, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>Install and start GNOME Keyring (package gnome-keyring) or KWallet, unlock it (logging in to the desktop usually does this), then press Try again.</source>
        <translation>Установите и запустите GNOME Keyring (пакет gnome-keyring) или KWallet, разблокируйте его (обычно это происходит при входе в рабочий стол), затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>The system keyring did not answer within {seconds} seconds. It is probably locked.</source>
        <translation>Системное хранилище паролей не ответило за {seconds} с. Вероятно, оно заблокировано.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Системное хранилище паролей заблокировано.</translation>
    </message>
    <message>
        <source>The token is empty. Copy it from the profile page of the Wappi dashboard.</source>
        <translation>Токен пустой. Скопируйте его на странице профиля в личном кабинете Wappi.</translation>
    </message>
    <message>
        <source>The token is wrapped in quotes. Remove the quotes: the token is only the text between them.</source>
        <translation>Токен взят в кавычки. Уберите кавычки: токен — только текст между ними.</translation>
    </message>
    <message>
        <source>The token starts with "Bearer ". Wappi expects the bare token: remove the word Bearer and the space.</source>
        <translation>Токен начинается с «Bearer ». Wappi ждёт токен без приставки: удалите слово Bearer и пробел.</translation>
    </message>
    <message>
        <source>The token has a line break inside. Copy it again as one line, without the end of the next line.</source>
        <translation>Внутри токена перенос строки. Скопируйте его заново одной строкой, не захватывая начало следующей строки.</translation>
    </message>
    <message>
        <source>The token contains characters that are not plain Latin letters or digits (for example Cyrillic letters or "…"). Copy it again from the dashboard.</source>
        <translation>В токене есть символы, кроме латинских букв и цифр (например, русские буквы или «…»). Скопируйте его заново из личного кабинета.</translation>
    </message>
    <message>
        <source>The system keyring refused to store or read the token.</source>
        <translation>Системное хранилище паролей отказалось сохранить или прочитать токен.</translation>
    </message>
    <message>
        <source>No system keyring is available to keep tokens safely.</source>
        <translation>Нет системного хранилища паролей, где токены были бы в безопасности.</translation>
    </message>
    <message>
        <source>The token has a space inside. A token is one word: copy it again.</source>
        <translation>Внутри токена пробел. Токен пишется одним словом: скопируйте его заново.</translation>
    </message>
    <message>
        <source>Paste the token from the profile page of the Wappi dashboard</source>
        <translation>Вставьте токен со страницы профиля в личном кабинете Wappi</translation>
    </message>
    <message>
        <source>Hide token</source>
        <translation>Скрыть токен</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Показать токен</translation>
    </message>
</context>
</TS>
