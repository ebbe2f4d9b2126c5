"""Application assembly: QApplication, translations, style, the shared httpx client and the main window."""
from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

# First: every import below is then spared PySide6's slow source check (import_hook.py says why).
from desktop.ui import import_hook  # noqa: F401  isort: skip
from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.core.collection import shipped_collection
from desktop.core.environments import shipped_environments, wappi_environment
from desktop.core.paths import Paths, preloaded_collection, resource_root
from desktop.core.sender import make_client
from desktop.core.settings import Settings
from desktop.ui.clients_panel import attach_clients
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_catalogue import QtCatalogue


def qt_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("Wappi Desk")
        app.setOrganizationName("wappi-desk")
        icon = resource_root() / "resources" / "icon.png"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


class AfterFirstPaint(QObject):
    """Runs `callbacks` on the event loop's turn after `window` is first painted, then lets go of the window.

    A zero timer started before show() is not enough: it fires before the window system asks for the first paint.
    """

    def __init__(self, window, *callbacks):
        super().__init__(window)
        self._callbacks = callbacks
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            for callback in self._callbacks:
                QTimer.singleShot(0, callback)
        return False


class ClientOnFirstUse:
    """The shared httpx client, built at the first send from whichever thread sends first.

    Building it loads httpcore and the TLS certificate store (~0.25 s, ~10 MB here), which the first paint need not wait for.
    """

    def __init__(self, timeout: float, before_first_use=None):
        self._timeout = timeout
        self._before_first_use = before_first_use
        self._client = None
        self._lock = threading.Lock()

    def _built(self):
        with self._lock:
            if self._client is None:
                if self._before_first_use is not None:
                    self._before_first_use()
                self._client = make_client(self._timeout)
            return self._client

    def __getattr__(self, name: str):
        return getattr(self._built(), name)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()


_qt_translator: QtCatalogue | None = None


def apply_language(setting: str) -> str:
    """Switch our catalogue and Qt's own (file dialogs, message box buttons) together, so no screen mixes languages."""
    global _qt_translator
    lang = i18n.set_language(setting)
    app = QApplication.instance()
    if app is not None:
        if _qt_translator is not None:
            app.removeTranslator(_qt_translator)
            _qt_translator.deleteLater()
            _qt_translator = None
        if lang != "en":
            _qt_translator = QtCatalogue(lang, app)
            app.installTranslator(_qt_translator)
        QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    return lang


class SandboxStart(QObject):
    """Starts the embedded sandbox on a thread at an address reserved at once, so the window need not wait for it.

    The Sandbox environment needs only the address and the demo credentials (a few ms); routes, server and
    scheduler come up after the window's first paint (`begin`), or at once when something needs them (`wait`):
    a thread started earlier would only share the interpreter with the window being built. Sends wait for `wait()`
    (ClientOnFirstUse). `started(sandbox)` or `failed(words)` reach receivers on the GUI thread.
    """

    started = Signal(object)
    failed = Signal(str)

    def __init__(self, data_dir: Path, credentials: tuple[str, str] = ("", "")):
        super().__init__()
        self.data_dir = data_dir
        self.credentials = credentials  # its profile_id and token, known before it starts
        self.sandbox = None
        self.problem = ""
        self.lock = threading.Lock()
        self.done = threading.Event()
        # Held (bound, not listening) until the sandbox listens: nobody else takes the port meanwhile.
        self.probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.probe.bind(("127.0.0.1", 0))
        except OSError:
            self.probe.close()
            raise
        self.port = self.probe.getsockname()[1]
        self.begun = False

    def begin(self) -> None:
        """Start the sandbox's thread; calling again does nothing."""
        with self.lock:
            if not self.begun:
                self.begun = True
                threading.Thread(target=self._run, name="sandbox-start", daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        from desktop.sandbox.server import Sandbox

        sandbox, problem = None, ""
        try:
            try:
                sandbox = Sandbox(port=self.port, data_dir=self.data_dir).start()
            except OSError:
                # Where a reserved address cannot be shared (BSD sockets) it is let go and taken at once.
                self.probe.close()
                sandbox = Sandbox(port=self.port, data_dir=self.data_dir).start()
        except Exception as exc:  # any failure leaves the real API working and is told in words
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problem = i18n._("The built-in sandbox could not start ({reason}); requests to the real API still work.").format(reason=reason)
        finally:
            self.probe.close()
        with self.lock:
            self.sandbox, self.problem = sandbox, problem
            if sandbox is not None:
                self.started.emit(sandbox)
            else:
                self.failed.emit(problem)
            self.done.set()

    def wait(self, timeout: float = 30.0):
        """The running sandbox (None if it could not start), once its start has ended."""
        self.begin()
        self.done.wait(timeout)
        return self.sandbox

    def attach(self, window) -> None:
        """Tell `window` the sandbox's address at once (it is reserved), and give it the log, or the reason the
        sandbox is missing, when the start ends."""
        with self.lock:
            window.sandbox_credentials = self.credentials
            if not self.done.is_set():
                window.sandbox_url = self.base_url
                self.started.connect(window.add_sandbox_log)
                self.failed.connect(window.sandbox_failed)
                return
        if self.sandbox is not None:
            window.add_sandbox_log(self.sandbox)
        else:
            window.sandbox_failed(self.problem)


class DeskApp:
    """Owns what outlives a window: settings, paths, the httpx client. A language switch rebuilds the window."""

    def __init__(self, paths: Paths | None = None, settings: Settings | None = None):
        self.paths = paths or Paths.default()
        self.settings = settings or Settings.load(self.paths.config)
        self.window: MainWindow | None = None
        self.sandbox_start: SandboxStart | None = None
        self.sandbox_problem = ""
        self.environments = self._start_sandbox()
        # The first send waits for the sandbox's start, which its environment's address points at.
        self.client = ClientOnFirstUse(self.settings.timeout_s, self.wait_for_sandbox)
        from desktop.core.secrets import SecretStore
        from desktop.ui.secret_prompt import GuardedSecrets

        self.secrets = GuardedSecrets(SecretStore(), lambda: self.window, self._known_in_memory)

    def _known_in_memory(self, env_name: str, name: str) -> bool:
        env = next((e for e in self.environments if e.name == env_name), None)
        variable = env.get(name) if env is not None else None
        return variable is not None and bool(variable.value)

    def _start_sandbox(self):
        """The embedded sandbox answers the first Send on a fresh machine; it comes up beside the window (SandboxStart)."""
        from desktop.sandbox.credentials import demo_credentials

        data_dir = self.paths.data / "sandbox"
        try:
            profile_id, token = demo_credentials(data_dir)
            self.sandbox_start = SandboxStart(data_dir, (profile_id, token))
        except OSError as exc:
            self.sandbox_problem = i18n._("The built-in sandbox could not start ({reason}); requests to the real API still work.").format(
                reason=exc.strerror or exc
            )
            return [wappi_environment()]
        return shipped_environments(self.sandbox_start.base_url, profile_id, token)

    def wait_for_sandbox(self) -> None:
        if self.sandbox_start is not None:
            self.sandbox_start.wait()

    @property
    def sandbox(self):
        """The running embedded sandbox, or None; waits for its start to end."""
        return self.sandbox_start.wait() if self.sandbox_start is not None else None

    def make_window(self, fresh: bool = True) -> MainWindow:
        """`fresh`: a start (restore a crash draft, else open the first request); False when a language switch rebuilds it."""
        apply_language(self.settings.language)
        # The documentation tree's 160 files are read while Qt builds the window (file reads let go of the
        # interpreter lock); in the UI language, so after apply_language.
        shipped = _ShippedLoad()
        window = MainWindow(self.settings, self.client, self.environments, self.secrets.get)
        window.secret_setter = self.secrets.set
        if self.sandbox_start is not None:
            self.sandbox_start.attach(window)
            AfterFirstPaint(window, self.sandbox_start.begin)
        window.language_requested.connect(self.switch_language)
        window.settings_changed.connect(self.save_settings)
        window.desk = self
        self.window = window
        self._fill_sidebar(window, shipped.result())
        attach_clients(window, self.paths, self.settings, self.secrets, fresh=fresh)
        return window

    def _fill_sidebar(self, window: MainWindow, shipped: tuple) -> None:
        folder, problems = shipped
        window.sidebar.add_root(folder, i18n._("Wappi API (documentation)"))
        for problem in problems + ([self.sandbox_problem] if self.sandbox_problem else []):
            window.statusBar().showMessage(problem, 10000)

    def save_settings(self) -> None:
        try:
            self.settings.save(self.paths.config)
        except OSError:
            # Settings are a convenience: a read-only config folder must not stop the agent's work.
            pass

    def switch_language(self, setting: str) -> None:
        old = self.window
        # The open request, its unsaved edits, the answer and the page survive the rebuild; findings are recomputed in the new language.
        state = old.snapshot() if old else None
        self.settings.language = setting
        self.save_settings()
        window = self.make_window(fresh=False)
        if state is not None:
            window.adopt(old, state)
        if old is not None:
            window.setGeometry(old.geometry())
            old.hide()
            old.deleteLater()
        window.show()

    def close(self) -> None:
        self.client.close()
        if self.sandbox is not None:
            self.sandbox.stop()


class _ShippedLoad:
    """The shipped collection, loaded on a thread of its own from construction until `result()` is asked for."""

    def __init__(self) -> None:
        self._loaded: tuple | None = None
        self._thread = threading.Thread(target=self._load, name="shipped-collection", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        self._loaded = shipped_collection(preloaded_collection())

    def result(self) -> tuple:
        self._thread.join()
        # Loading never raises; were the thread to die all the same, the tree is read here instead.
        return self._loaded if self._loaded is not None else shipped_collection(preloaded_collection())


def make_app(settings: Settings | None = None, paths: Paths | None = None) -> MainWindow:
    """The main window, ready to show; used by `python -m desktop`, the tests and --self-check."""
    qt_app()
    desk = DeskApp(paths, settings)
    return desk.make_window()
