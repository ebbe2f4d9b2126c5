"""Application assembly: QApplication, translations, style, the shared httpx client and the main window."""
from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.core.collection import load_tree
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
        style = resource_root() / "resources" / "style.qss"
        if style.is_file():
            app.setStyleSheet(style.read_text(encoding="utf-8"))
        icon = resource_root() / "resources" / "icon.png"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


class ClientOnFirstUse:
    """The shared httpx client, built at the first send from whichever thread sends first.

    Building it loads httpcore and the TLS certificate store (~0.25 s, ~10 MB here), which the first paint need not wait for.
    """

    def __init__(self, timeout: float):
        self._timeout = timeout
        self._client = None
        self._lock = threading.Lock()

    def _built(self):
        with self._lock:
            if self._client is None:
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


class DeskApp:
    """Owns what outlives a window: settings, paths, the httpx client. A language switch rebuilds the window."""

    def __init__(self, paths: Paths | None = None, settings: Settings | None = None):
        self.paths = paths or Paths.default()
        self.settings = settings or Settings.load(self.paths.config)
        self.client = ClientOnFirstUse(self.settings.timeout_s)
        self.window: MainWindow | None = None
        self.sandbox = None
        self.sandbox_problem = ""
        self.environments = self._start_sandbox()
        from desktop.core.secrets import SecretStore
        from desktop.ui.secret_prompt import GuardedSecrets

        self.secrets = GuardedSecrets(SecretStore(), lambda: self.window, self._known_in_memory)

    def _known_in_memory(self, env_name: str, name: str) -> bool:
        env = next((e for e in self.environments if e.name == env_name), None)
        variable = env.get(name) if env is not None else None
        return variable is not None and bool(variable.value)

    def _start_sandbox(self):
        """The embedded sandbox answers the first Send on a fresh machine; it binds in ~20 ms and serves from a thread."""
        from desktop.sandbox.server import Sandbox

        try:
            self.sandbox = Sandbox(data_dir=self.paths.data / "sandbox").start()
        except OSError as exc:
            self.sandbox_problem = i18n._("The built-in sandbox could not start ({reason}); requests to the real API still work.").format(
                reason=exc.strerror or exc
            )
            return [wappi_environment()]
        sandbox = self.sandbox
        return shipped_environments(sandbox.base_url, sandbox.profile_id, sandbox.token)

    def make_window(self) -> MainWindow:
        apply_language(self.settings.language)
        window = MainWindow(self.settings, self.client, self.environments, self.secrets.get)
        window.secret_setter = self.secrets.set
        if self.sandbox is not None:
            window.add_sandbox_log(self.sandbox)
        window.language_requested.connect(self.switch_language)
        window.settings_changed.connect(self.save_settings)
        window.desk = self
        self.window = window
        self._fill_sidebar(window)
        attach_clients(window, self.paths, self.settings, self.secrets)
        return window

    def _fill_sidebar(self, window: MainWindow) -> None:
        folder, problems = load_tree(preloaded_collection())
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
        request = old.to_model() if old else None
        self.settings.language = setting
        self.save_settings()
        window = self.make_window()
        if request is not None:
            window.load_model(request)
        if old is not None:
            window.setGeometry(old.geometry())
            old.hide()
            old.deleteLater()
        window.show()

    def close(self) -> None:
        self.client.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def make_app(settings: Settings | None = None, paths: Paths | None = None) -> MainWindow:
    """The main window, ready to show; used by `python -m desktop`, the tests and --self-check."""
    qt_app()
    desk = DeskApp(paths, settings)
    return desk.make_window()
