<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>wappi</name>
    <message>
        <source>Run the Wappi sandbox server on this computer.</source>
        <translation>Запустить сервер-песочницу Wappi на этом компьютере.</translation>
    </message>
    <message>
        <source>port to listen on (0 picks a free one)</source>
        <translation>порт для работы (0 — выбрать свободный)</translation>
    </message>
    <message>
        <source>folder that keeps the demo profile and token</source>
        <translation>папка, где хранятся демо-профиль и токен</translation>
    </message>
    <message>
        <source>The port must be a number from 0 to 65535.</source>
        <translation>Порт должен быть числом от 0 до 65535.</translation>
    </message>
    <message>
        <source>Port {port} is already in use. Choose another one with --port, or 0 for any free port.</source>
        <translation>Порт {port} уже занят. Укажите другой в --port или 0, чтобы выбрать любой свободный.</translation>
    </message>
    <message>
        <source>The sandbox is running. Press Ctrl+C to stop it.</source>
        <translation>Песочница работает. Чтобы остановить её, нажмите Ctrl+C.</translation>
    </message>
</context>
</TS>
