"""What the sandbox answers: profiles, messages, tasks and webhooks in memory, shaped like the documented examples."""
from __future__ import annotations

import base64
import copy
import random
import re
import secrets
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.sandbox.credentials import new_profile_id
from desktop.sandbox.png import qr_like_png, sample_picture_png
from desktop.sandbox.routes import Route
from desktop.sandbox.scheduler import Scheduler
from desktop.sandbox.webhooks import WebhookSender

ECHO_NUMBER = "79990000000"      # the demo contact that answers every message (the docs' sample recipient)
PROFILE_PHONE = "79990000001"    # the number the demo profile is "logged in" with
NOT_ON_WHATSAPP_SUFFIX = "0404"  # numbers ending so are "not on WhatsApp" (contact/check, undelivered status)
DEFAULT_WEBHOOK_TYPES = ("authorization_status", "incoming_message", "delivery_status")
MOSCOW = timezone(timedelta(hours=3))  # the docs' examples are all in +03:00
KEEP_TASKS = 1000
KEEP_MESSAGES_PER_CHAT = 200

# What a send path does, by its part after /api/{sync|async}/ or /tapi/{sync|async}/: (task command, message type).
SENDS = {
    "message/send": ("sendMessage", "chat"),
    "message/file/url/send": ("sendFile", "document"),
    "message/file/send": ("sendFile", "document"),
    "message/img/send": ("sendImage", "image"),
    "message/document/send": ("sendDocument", "document"),
    "message/audio/send": ("sendAudio", "ptt"),
    "message/video/send": ("sendVideo", "video"),
    "message/location/send": ("sendLocation", "location"),
    "contact/send": ("sendContact", "vcard"),
    "message/reply": ("sendReply", "chat"),
    "message/forward": ("forwardMessage", "chat"),
    "message/buttons/send": ("sendButtons", "chat"),
    "message/list/send": ("sendList", "chat"),
    "poll/create": ("sendPoll", "poll"),
    "story/send": ("sendStory", "story"),
}
STORY_CHAT = "status@broadcast"
CALL_WORDS = ("call", "позвон", "звонок")  # a message to the echo contact with one of these makes it call back
MIME = {"image": "image/jpeg", "video": "video/mp4", "document": "application/pdf", "ptt": "audio/wav"}


class ApiError(Exception):
    """An answer other than 200: the status and the `detail` text."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def now_fields() -> dict[str, Any]:
    moment = time.time()
    return {"timestamp": int(moment), "time": datetime.fromtimestamp(moment, MOSCOW).isoformat(timespec="seconds")}


def iso_now() -> str:
    return datetime.now(MOSCOW).isoformat(timespec="microseconds")


def split_path(path: str) -> tuple[str, str, str]:
    """`/tapi/async/message/send` -> ("tg", "async", "message/send"); shared paths have platform "" and mode ""."""
    parts = path.strip("/").split("/")
    platform = {"api": "wa", "tapi": "tg"}.get(parts[0], "")
    if not platform:
        return "", "", "/".join(parts)
    if parts[1:2] and parts[1] in ("sync", "async"):
        return platform, parts[1], "/".join(parts[2:])
    return platform, "", "/".join(parts[1:])


def send_of(path: str) -> tuple[str, str] | None:
    """(task command, message type) when `path` sends a message, else None."""
    _platform, mode, rest = split_path(path)
    return SENDS.get(rest) if mode else None


def chat_id(recipient: str) -> str:
    return recipient if "@" in recipient else f"{recipient}@c.us"


@dataclass
class Profile:
    profile_id: str
    name: str
    phone: str = PROFILE_PHONE
    authorized: bool = True
    authorized_at: str = field(default_factory=iso_now)
    logouted_at: str | None = None
    message_count: int = 0
    last_activity: float = field(default_factory=time.time)
    webhook_url: str = ""
    webhook_auth: str = ""
    webhook_types: list[str] = field(default_factory=lambda: list(DEFAULT_WEBHOOK_TYPES))
    proxy: str = ""
    chats: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    created: float = field(default_factory=time.time)
    # Telegram login, step by step: "" (logged in or not started), "code" (phone given), "2fa" (code accepted).
    tg_authorized: bool = True
    tg_step: str = ""

    def summary(self, platform: str = "wa") -> dict[str, Any]:
        authorized = self.tg_authorized if platform == "tg" else self.authorized
        return {
            "app_status": "open", "authorized": authorized, "authorized_at": self.authorized_at,
            "checked_at": iso_now(), "last_activity": self.last_activity, "logouted_at": self.logouted_at,
            "message_count": self.message_count, "name": self.name,
            "payment_expired_at": datetime.fromtimestamp(self.created + 5 * 86400, timezone.utc).strftime("%Y-%m-%dT00:00:00Z"),
            "payment_notification": True, "phone": self.phone, "profile_id": self.profile_id, "proxy": self.proxy,
            "uuid": self.profile_id, "webhook_types": list(self.webhook_types), "webhook_url": self.webhook_url or None,
            "worked_days": int((time.time() - self.created) // 86400),
            **({"platform": "tg"} if platform == "tg" else {}),
        }


@dataclass
class Call:
    """One validated request, as the handlers see it."""

    route: Route
    profile: Profile | None
    query: dict[str, str]
    body: Any

    @property
    def platform(self) -> str:
        return split_path(self.route.path)[0]


class Api:
    """The sandbox's state and its handlers; a path without a handler answers its documented example, made fresh.

    Handlers are found by the path's part after the platform and sync/async prefix (`get/status` serves
    /api/sync/get/status and /tapi/sync/get/status),
    or by "tg:" + that part where Telegram differs. Every change happens under one lock.
    """

    def __init__(self, routes: dict[str, Route], profile_id: str, scheduler: Scheduler, webhooks: WebhookSender,
                 delay_scale: float = 1.0) -> None:
        self.routes = routes
        self.demo_id = profile_id
        self.profiles: dict[str, Profile] = {profile_id: Profile(profile_id, "Sandbox")}
        self.tasks: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.RLock()
        self._scheduler = scheduler
        self._webhooks = webhooks
        self._delay_scale = delay_scale
        self._seeded = False  # the documented tasks are added on first use, when the routes are read anyway
        self.handlers: dict[str, Callable[[Call], dict[str, Any]]] = {
            "get/status": self.status,
            "qr/get": self.qr,
            "auth/code": self.auth_code,
            "tg:auth/phone": self.tg_auth_phone,
            "tg:auth/code": self.tg_auth_code,
            "tg:auth/2fa": self.tg_auth_2fa,
            "tg:auth/qr": self.tg_auth_qr,
            "profile/add": self.profile_add,
            "profile/delete": self.profile_delete,
            "profile/restart": self.restart,
            "profile/logout": self.logout,
            "profile/all/get": self.all_profiles,
            "message/mark/read": lambda call: {"status": "done", **now_fields(), "uuid": call.profile.profile_id},
            "messages/get": self.messages,
            "message/media/download": self.media,
            "contact/check": self.contact_check,
            "contacts/get": self.contacts,
            "contact/get": self.contact,
            "chats/get": self.chats,
            "webhook/url/get": self.webhook_get,
            "webhook/url/set": self.webhook_set,
            "webhook/url/delete": self.webhook_delete,
            "webhook/types/set": self.webhook_types,
            "proxy/get": self.proxy_get,
            "proxy/set": self.proxy_set,
            "proxy/delete": self.proxy_delete,
            "task/get": self.task,
            "tasks/get": self.all_tasks,
            "profile/queue/get": self.queue,
            "profile/queue/purge": self.purge,
        }

    def profile(self, profile_id: str) -> Profile | None:
        with self._lock:
            return self.profiles.get(profile_id)

    def answer(self, call: Call) -> dict[str, Any]:
        with self._lock:
            if not self._seeded:
                self._seeded = True
                self._seed_documented_tasks()
        platform, mode, rest = split_path(call.route.path)
        handler = self.handlers.get(f"{platform}:{rest}") or self.handlers.get(rest)
        if handler is None and send_of(call.route.path) and call.profile is not None:
            handler = self.send_async if mode == "async" else self.send
        with self._lock:
            ours = (handler or self.documented_example)(call)
        # Every key of the documented example is there; what the sandbox knows wins over the example.
        return _fill(ours, self.documented_example(call)) if handler else ours


    # -- profile
    def status(self, call: Call) -> dict[str, Any]:
        return call.profile.summary(call.platform)

    def qr(self, call: Call) -> dict[str, Any]:
        profile = call.profile
        image = base64.b64encode(qr_like_png(f"{profile.profile_id}:{time.time()}")).decode()
        if not profile.authorized:
            # The sandbox has no phone to scan with: asking for the QR code logs the profile back in.
            self._log_in(profile, "wa")
        return {"status": "done", **now_fields(), "qrCode": f"data:image/png;base64,{image}", "uuid": profile.profile_id}

    def auth_code(self, call: Call) -> dict[str, Any]:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789"
        code = "".join(secrets.choice(letters) for _ in range(4)) + "-" + "".join(secrets.choice(letters) for _ in range(4))
        return {"status": "done", **now_fields(), "code": code, "phone": call.query["phone"], "uuid": call.profile.profile_id}

    def tg_auth_phone(self, call: Call) -> dict[str, Any]:
        call.profile.tg_step = "code"
        return {"status": "done", "time": now_fields()["time"], "detail": "waiting for code", "uuid": call.profile.profile_id}

    def tg_auth_code(self, call: Call) -> dict[str, Any]:
        profile = call.profile
        if profile.tg_step != "code":
            raise ApiError(400, "No login code was asked for: first send the phone number (sync/auth/phone), "
                                "then the code Telegram sends")
        profile.tg_step = "2fa"  # the sandbox account has a cloud password, as in the docs' example
        return {"status": "done", "time": now_fields()["time"], "detail": "2fa", "uuid": profile.profile_id}

    def tg_auth_2fa(self, call: Call) -> dict[str, Any]:
        profile = call.profile
        if profile.tg_step != "2fa":
            raise ApiError(400, "No cloud password was asked for: first send the phone number, then the code")
        profile.tg_step = ""
        self._log_in(profile, "tg")
        return {"status": "done", "detail": "auth_success", "uuid": profile.profile_id}

    def tg_auth_qr(self, call: Call) -> dict[str, Any]:
        profile = call.profile
        image = base64.b64encode(qr_like_png(f"tg:{profile.profile_id}:{time.time()}")).decode()
        if not profile.tg_authorized:
            profile.tg_step = "2fa"  # scanning the QR code leads to the cloud password, as the docs describe
        return {"status": "done", "time": now_fields()["time"], "detail": image, "uuid": profile.profile_id}

    def _log_in(self, profile: Profile, platform: str) -> None:
        if platform == "tg":
            profile.tg_authorized = True
        else:
            profile.authorized, profile.authorized_at, profile.logouted_at = True, iso_now(), None
        self._notify(profile, "authorization_status", [self._auth_event(profile, "online")])

    def profile_add(self, call: Call) -> dict[str, Any]:
        profile = Profile(new_profile_id(), call.query["name"], webhook_url=call.query.get("webhook_url", ""))
        self.profiles[profile.profile_id] = profile
        return {"profile_id": profile.profile_id, "status": "done", **now_fields()}

    def profile_delete(self, call: Call) -> dict[str, Any]:
        profile_id = call.profile.profile_id
        if profile_id != self.demo_id:  # the demo profile stays so the other requests keep working
            del self.profiles[profile_id]
        return {"detail": f"Profile {profile_id} deleted", "status": "done", **now_fields()}

    def restart(self, call: Call) -> dict[str, Any]:
        stamp = now_fields()
        self._notify(call.profile, "application_status", [{
            "wh_type": "application_status", "profile_id": call.profile.profile_id, "status": "online",
            "phone": call.profile.phone, "timestamp": stamp["time"], "time": stamp["timestamp"]}])
        return {"detail": "Your profile has been restarted", "status": "done"}

    def logout(self, call: Call) -> dict[str, Any]:
        profile, platform = call.profile, call.platform
        if platform == "tg":
            was, profile.tg_authorized, profile.tg_step = profile.tg_authorized, False, ""
        else:
            was = profile.authorized
            profile.authorized, profile.logouted_at = False, iso_now()
        if was:
            event = {**self._auth_event(profile, "offline"), "reason": "logout from api"}
            self._notify(profile, "authorization_status", [event])
        if platform == "tg":
            return {"status": "done", **now_fields(), "detail": "logout success",
                                     "task_id": uuid.uuid4().hex, "uuid": profile.profile_id}
        return {"status": "done", **now_fields(), "detail": "ok! You are logouted"}

    def all_profiles(self, call: Call) -> dict[str, Any]:
        return {"profiles": [p.summary(call.platform) for p in self.profiles.values()], "status": "done"}

    # -- messages
    def send(self, call: Call) -> dict[str, Any]:
        profile, path = call.profile, call.route.path
        task = self._new_task(profile, path, self._send_fields(call), self._task_id(call))
        result = self._deliver(profile, task)
        if call.platform == "tg":
            result["message_id"] = str(random.randint(1_000_000, 9_999_999))
            task["response"]["message_id"] = result["message_id"]
            result = {**result, "uuid": profile.profile_id, "pts": random.randint(1000, 99999), "pts_count": 1}
        return result

    def send_async(self, call: Call) -> dict[str, Any]:
        profile = call.profile
        low = int(call.query.get("timeout_from") or 1)
        high = max(low, int(call.query.get("timeout_to") or max(low, 3)))
        task = self._new_task(profile, call.route.path, self._send_fields(call), self._task_id(call))
        task.update(timeout_from=low, timeout_to=high)
        delay = random.uniform(low, high) * self._delay_scale

        def run() -> None:
            with self._lock:
                # A purged queue or a deleted profile drops the task before it runs.
                if profile.profile_id in self.profiles and task["task_id"] in self.tasks:
                    self._deliver(profile, task)

        self._scheduler.later(delay, run)
        detail = "Story sent to queue" if task["command"] == "sendStory" else "Message sent to queue"
        return {"status": "done", **now_fields(), "detail": detail, "task_id": task["task_id"]}

    def _task_id(self, call: Call) -> str:
        # Telegram task ids are 32 hex digits without dashes, WhatsApp ones are UUIDs.
        return uuid.uuid4().hex if call.platform == "tg" else str(uuid.uuid4())

    def _send_fields(self, call: Call) -> dict[str, Any]:
        if isinstance(call.body, str):  # the deprecated file send: base64 as the body, recipient in the query
            return {"recipient": call.query.get("recipient", ""), "b64_file": call.body}
        return call.body if isinstance(call.body, dict) else {}

    def _new_task(self, profile: Profile, path: str, body: dict[str, Any], task_id: str) -> dict[str, Any]:
        command, kind = send_of(path)
        # A reply has no recipient: it goes to the chat of the quoted message, or to the echo contact when unknown.
        recipient = str(body.get("recipient") or "") or self._chat_of(profile, str(body.get("message_id", ""))) or ECHO_NUMBER
        if command == "sendStory":
            recipient = STORY_CHAT
        text = body.get("body") or body.get("caption") or body.get("url") or body.get("address") or body.get("name") or ""
        task = {"task_id": task_id, "command_start": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "command": command, "recipient": chat_id(recipient), "uuid": profile.profile_id, "body": str(text),
                "response": None, "is_first": True, "_kind": kind, "_file": body.get("b64_file", "")}
        self.tasks[task_id] = task
        while len(self.tasks) > KEEP_TASKS:
            self.tasks.popitem(last=False)
        return task

    def _deliver(self, profile: Profile, task: dict[str, Any]) -> dict[str, Any]:
        """Carry out a send: store the message, count it, answer, and fire the webhooks it causes."""
        message_id = "3EB0" + secrets.token_hex(8).upper()
        stamp = now_fields()
        chat, number = task["recipient"], task["recipient"].split("@")[0]
        undelivered = number.endswith(NOT_ON_WHATSAPP_SUFFIX)
        message = {"id": message_id, "type": task["_kind"], "from": f"{profile.phone}@c.us", "to": chat, "fromMe": True,
                   "senderName": profile.name, "time": stamp["timestamp"], "body": task["body"], "stanzaId": "",
                   "chatId": chat, "isForwarded": False, "isReply": task["command"] == "sendReply", "caption": "",
                   "isRead": False, "delivery_status": "undelivered" if undelivered else "delivered", "s3Info": {},
                   "poll_votes": None, "poll_options": None, "poll_select_count": 0, "isEdited": False,
                   "isFromAPI": True, "isDeleted": False, "isPinned": False, "_file": task["_file"]}
        self._store(profile, chat, message)
        profile.message_count += 1
        profile.last_activity = time.time()
        result = {"status": "done", **stamp, "message_id": message_id, "task_id": task["task_id"]}
        task["response"] = {**result, "detail": "", "command_end": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                            "uuid": profile.profile_id}
        common = {"profile_id": profile.profile_id, "timestamp": stamp["time"], "time": stamp["timestamp"]}
        self._notify(profile, "outgoing_message_api", [{
            "wh_type": "outgoing_message_api", **common, "id": message_id, "body": task["body"], "type": task["_kind"],
            "from": message["from"], "to": chat, "senderName": profile.name, "chatId": chat, "from_where": "api",
            "contact_name": "", "is_forwarded": False, "isReply": False, "is_edited": False, "stanza_id": "",
            "task_id": task["task_id"], "chat_type": "dialog"}])
        # delivery_status is a single object in the docs' example, not a list.
        self._notify(profile, "delivery_status", {
            "id": message_id, "wh_type": "delivery_status", **common, "from": message["from"], "to": chat,
            "chat_id": chat, "status": message["delivery_status"], "task_id": task["task_id"]})
        if number == ECHO_NUMBER:
            self._echo(profile, chat, task["body"] or f"({task['_kind']})", message_id)
            if any(word in task["body"].lower() for word in CALL_WORDS):
                self._call_back(profile, number)
        return result

    def _call_back(self, profile: Profile, number: str) -> None:
        stamp = now_fields()
        # incoming_call carries one object, not a list, as in the docs' example.
        self._notify(profile, "incoming_call", {
            "wh_type": "incoming_call", "type": "incoming_call", "profile_id": profile.profile_id, "number": number,
            "contact": {"Found": True, "FirstName": "Echo", "FullName": "Echo", "PushName": "Echo", "BusinessName": ""},
            "timestamp": stamp["time"], "time": stamp["timestamp"]})

    def _echo(self, profile: Profile, chat: str, text: str, reply_to: str) -> None:
        stamp = now_fields()
        echo_id = "3A" + secrets.token_hex(9).upper()
        incoming = {"id": echo_id, "type": "chat", "from": chat, "to": f"{profile.phone}@c.us", "fromMe": False,
                    "senderName": "Echo", "time": stamp["timestamp"], "body": f"Echo: {text}", "stanzaId": reply_to,
                    "chatId": chat, "isForwarded": False, "isReply": True, "caption": "", "isRead": False,
                    "delivery_status": "delivered", "s3Info": {}, "poll_votes": None, "poll_options": None,
                    "poll_select_count": 0, "isEdited": False, "isFromAPI": False, "isDeleted": False, "isPinned": False}
        self._store(profile, chat, incoming)
        self._notify(profile, "incoming_message", [{
            "wh_type": "incoming_message", "profile_id": profile.profile_id, "id": echo_id, "body": incoming["body"],
            "type": "chat", "from": chat, "to": incoming["to"], "senderName": "Echo", "chatId": chat,
            "timestamp": stamp["time"], "time": stamp["timestamp"], "caption": None, "from_where": "phone",
            "contact_name": "Echo", "is_forwarded": False, "isReply": True, "is_edited": False, "stanza_id": reply_to,
            "is_me": False, "chat_type": "dialog", "is_deleted": False, "is_bot": False}])

    def _store(self, profile: Profile, chat: str, message: dict[str, Any]) -> None:
        history = profile.chats.setdefault(chat, [])
        history.append(message)
        del history[:-KEEP_MESSAGES_PER_CHAT]

    def _chat_of(self, profile: Profile, message_id: str) -> str:
        for chat, history in profile.chats.items():
            if any(m["id"] == message_id for m in history):
                return chat
        return ""

    def messages(self, call: Call) -> dict[str, Any]:
        query = call.query
        history = list(call.profile.chats.get(chat_id(query["chat_id"]), []))
        if query.get("order", "desc") != "asc":
            history.reverse()
        offset, limit = int(query.get("offset") or 0), int(query.get("limit") or 50)
        page = [{k: v for k, v in m.items() if not k.startswith("_")} for m in history[offset:offset + limit]]
        if query.get("reverse", "false").lower() == "true":
            page.reverse()
        return {"status": "done", **now_fields(), "messages": page, "total_count": len(history),
                                 "uuid": call.profile.profile_id}

    def media(self, call: Call) -> dict[str, Any]:
        wanted = call.query["message_id"]
        for history in call.profile.chats.values():
            for message in history:
                if message["id"] == wanted and message.get("_file"):
                    kind = message["type"]
                    return self._media_answer(call, message["_file"], kind, MIME.get(kind, "application/octet-stream"))
        # No stored file under that id: a small picture stands in, as if it were an image message.
        return self._media_answer(call, base64.b64encode(sample_picture_png()).decode(), "image", "image/png")

    def _media_answer(self, call: Call, b64: str, kind: str, mime: str) -> dict[str, Any]:
        return {"status": "done", **now_fields(), "task_id": str(uuid.uuid4()), "uuid": call.profile.profile_id,
                                 "file_b64": b64.split(",", 1)[-1], "media_type": kind, "mime_type": mime}

    # -- chats and contacts
    def contact_check(self, call: Call) -> dict[str, Any]:
        phone = call.query["phone"].split("@")[0]
        return {"status": "done", **now_fields(), "on_whatsapp": not phone.endswith(NOT_ON_WHATSAPP_SUFFIX), "phone": phone}

    def _contact(self, number: str) -> dict[str, Any]:
        name = "Echo" if number == ECHO_NUMBER else ""
        return {"id": f"{number}@c.us", "number": number, "is_business": False, "name": name, "pushname": name,
                "short_name": "", "business_name": ""}

    def contacts(self, call: Call) -> dict[str, Any]:
        numbers = [ECHO_NUMBER] + [c.split("@")[0] for c in call.profile.chats if c.endswith("@c.us")]
        items = []
        for number in dict.fromkeys(numbers):
            name = "Echo" if number == ECHO_NUMBER else ""
            items.append({"id": f"{number}@c.us", "type": "in", "number": number, "pushname": name, "firstName": name,
                          "lastName": "", "picture": "", "thumbnail": "", "username": "", "isMe": False})
        return {"status": "done", **now_fields(), "contacts": items}

    def contact(self, call: Call) -> dict[str, Any]:
        return {"status": "done", **now_fields(), "contact": self._contact(call.query["recipient"].split("@")[0])}

    def chats(self, call: Call) -> dict[str, Any]:
        wanted = None
        if isinstance(call.body, dict) and isinstance(call.body.get("filter"), dict):
            ids = call.body["filter"].get("ids")
            wanted = {chat_id(str(i)) for i in ids} if isinstance(ids, list) else None
        dialogs = []
        for chat, history in call.profile.chats.items():
            if wanted is not None and chat not in wanted or not history:
                continue
            last, name = history[-1], ("Echo" if chat.split("@")[0] == ECHO_NUMBER else "")
            dialogs.append({"id": chat, "contact": {"Found": bool(name), "FirstName": name, "FullName": name, "PushName": name,
                                                    "BusinessName": ""},
                            "chat": {"VerifiedName": None, "Status": "", "PictureID": "", "Devices": []},
                            "isGroup": chat.endswith("@g.us"), "image": None, "last_message_id": last["id"],
                            "last_timestamp": datetime.fromtimestamp(last["time"], timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "last_time": last["time"], "name": name})
        dialogs.sort(key=lambda d: d["last_time"], reverse=True)
        offset, limit = int(call.query.get("offset") or 0), int(call.query.get("limit") or 200)
        return {"status": "done", **now_fields(), "dialogs": dialogs[offset:offset + limit],
                                 "total_count": len(dialogs)}

    # -- webhooks
    def webhook_get(self, call: Call) -> dict[str, Any]:
        url = call.profile.webhook_url
        detail = f"WebHook установлен на адрес {url}" if url else "WebHook не установлен"
        return {"detail": detail, "status": "done", "url": url, "installed": bool(url),
                                 "auth": call.profile.webhook_auth}

    def webhook_set(self, call: Call) -> dict[str, Any]:
        call.profile.webhook_url = call.query["url"]
        call.profile.webhook_auth = call.query.get("auth", "")
        return {"status": "done", **now_fields()}

    def webhook_delete(self, call: Call) -> dict[str, Any]:
        call.profile.webhook_url, call.profile.webhook_auth = "", ""
        return {"status": "done", **now_fields()}

    def webhook_types(self, call: Call) -> dict[str, Any]:
        call.profile.webhook_types = list(dict.fromkeys(call.body))
        return {"status": "done", **now_fields()}

    def _auth_event(self, profile: Profile, status: str) -> dict[str, Any]:
        stamp = now_fields()
        return {"wh_type": "authorization_status", "profile_id": profile.profile_id, "status": status,
                "phone": profile.phone, "timestamp": stamp["time"], "time": stamp["timestamp"]}

    def _notify(self, profile: Profile, wh_type: str, messages: Any) -> None:
        if profile.webhook_url and wh_type in profile.webhook_types:
            self._webhooks.send(profile.webhook_url, {"messages": messages}, wh_type, profile.webhook_auth)

    # -- tasks
    def task(self, call: Call) -> dict[str, Any]:
        task = self.tasks.get(call.query["task_id"])
        if task is None or task["uuid"] != call.profile.profile_id:
            raise ApiError(404, "Task not found: check task_id (it comes in the answer of a send)")
        return {"status": "done", "task": _public(task)}

    def queue(self, call: Call) -> dict[str, Any]:
        waiting = [_public(t) for t in self.tasks.values() if t["uuid"] == call.profile.profile_id and t["response"] is None]
        return {"status": "done", "tasks": waiting}


    def purge(self, call: Call) -> dict[str, Any]:
        waiting = [key for key, t in self.tasks.items() if t["uuid"] == call.profile.profile_id and t["response"] is None]
        for key in waiting:
            del self.tasks[key]
        return {"status": "done"}

    def all_tasks(self, call: Call) -> dict[str, Any]:
        mine = [_public(t) for t in reversed(self.tasks.values()) if t["uuid"] == call.profile.profile_id]
        offset, limit = int(call.query.get("offset") or 0), int(call.query.get("limit") or len(mine) or 1)
        return {"status": "done", "tasks": mine[offset:offset + limit]}

    # -- proxy
    def proxy_get(self, call: Call) -> dict[str, Any]:
        return {"proxy": call.profile.proxy or None, "status": "done"}

    def proxy_set(self, call: Call) -> dict[str, Any]:
        proxy = call.query["proxy"].strip()
        if not PROXY.match(proxy):
            raise ApiError(400, "Query parameter 'proxy' must be written as login:password@ip:port or ip:port")
        call.profile.proxy = proxy
        return {"status": "done", **now_fields(), "detail": "Self proxy set"}

    def proxy_delete(self, call: Call) -> dict[str, Any]:
        call.profile.proxy = ""
        return {"detail": "Self proxy deleted", "status": "done"}

    def documented_example(self, call: Call) -> dict[str, Any]:
        """A path with no handler of its own answers its documented example, with fresh times, ids and profile."""
        answer = copy.deepcopy(call.route.example) if isinstance(call.route.example, dict) else {"status": "done"}
        return _freshen(answer, call.profile.profile_id if call.profile else self.demo_id)

    def _seed_documented_tasks(self) -> None:
        # The task ids in the docs' task/get examples work in the sandbox, so those examples answer as documented.
        for route in self.routes.values():
            if split_path(route.path)[2] != "task/get" or not isinstance(route.example, dict):
                continue
            task = route.example.get("task")
            if isinstance(task, dict) and task.get("task_id"):
                task = copy.deepcopy(task)
                task["uuid"] = self.demo_id
                if isinstance(task.get("response"), dict):
                    task["response"]["uuid"] = self.demo_id
                self.tasks[task["task_id"]] = task


PROXY = re.compile(r"^([^\s:@]+:[^\s@]+@)?[\w.-]+:\d{1,5}$")
FRESH_IDS = {"task_id": lambda: str(uuid.uuid4()), "message_id": lambda: "3EB0" + secrets.token_hex(8).upper()}


def _freshen(value: Any, profile_id: str, key: str = "") -> Any:
    """The documented example made current: times now, new task and message ids, the caller's profile id."""
    if isinstance(value, dict):
        return {k: _freshen(v, profile_id, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_freshen(v, profile_id, key) for v in value]
    stamp = now_fields()
    if key in ("timestamp", "time") and value is not None:
        return stamp["timestamp"] if isinstance(value, (int, float)) else stamp["time"]
    if key in ("uuid", "profile_id", "profile_uuid") and isinstance(value, str) and value:
        return profile_id
    if key in FRESH_IDS and isinstance(value, str) and value:
        return FRESH_IDS[key]()
    return value


def _fill(ours: Any, documented: Any) -> Any:
    """`ours` with the keys it lacks taken from `documented`, in objects and in each item of a list of objects."""
    if isinstance(ours, dict) and isinstance(documented, dict):
        return {**documented, **{k: _fill(v, documented.get(k)) for k, v in ours.items()}}
    if isinstance(ours, list) and isinstance(documented, list) and documented and isinstance(documented[0], dict):
        return [_fill(item, documented[0]) for item in ours]
    return ours


def _public(task: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in task.items() if not k.startswith("_")}
