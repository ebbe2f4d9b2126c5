"""`python -m desktop` and the `wappi-desk` console script: read the command line, start the app or a tool."""
from __future__ import annotations

import gc
import sys

COMMANDS = ("run", "import", "export", "sandbox")


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("wappi-desk")
    except PackageNotFoundError:  # run from a checkout
        return "0.1.0"


def usage() -> str:
    from desktop.i18n import _

    return "\n".join([
        _("usage: wappi-desk [--self-check] [--version] [--help]"),
        "       wappi-desk sandbox [--port N] [--data-dir DIR]",
        "       wappi-desk run PATH [--env NAME] [--var NAME=VALUE ...] [--timeout SECONDS] [--store DIR]",
        "       wappi-desk import FILE --client NAME [--store DIR]",
        "       wappi-desk export CLIENT -o FILE [--folder FOLDER] [--store DIR]",
        "",
        _("Without arguments the window opens."),
        "",
        _("options:"),
        "  -h, --help     " + _("show this help and exit"),
        "  --version      " + _("show the version and exit"),
        "  --self-check   " + _("open the window offscreen, send one request to a local test server, report, exit"),
        "",
        _("commands (wappi-desk COMMAND --help tells more):"),
        "  run            " + _("send saved requests and print one line each"),
        "  import         " + _("import a Postman collection into a client"),
        "  export         " + _("export a client as a Postman collection"),
        "  sandbox        " + _("run the Wappi sandbox server alone"),
        "  help           " + _("show this help"),
    ]) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return start_window()
    speak_the_ui_language()
    try:
        return _command(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 (the last line of defence: no traceback reaches the agent)
        return _unexpected(exc)


def _command(argv: list[str]) -> int:
    first = argv[0]
    if first in ("-h", "--help", "help"):
        print(usage())
        return 0
    if first == "--version":
        print(f"wappi-desk {version()}")
        return 0
    if first == "--self-check":
        if len(argv) > 1:
            from desktop.i18n import _

            print(_("usage: wappi-desk --self-check\n\nOpens the window offscreen, sends one request through the Send "
                    "button to a local test server, prints the answer's status line and exits (0 when it works). "
                    "It uses a temporary data folder: your clients, history and drafts are not touched."))
            return 0 if argv[1] in ("-h", "--help") else 2
        from desktop.selfcheck import run

        return run()
    if first == "sandbox":
        from desktop.sandbox.cli import main as sandbox_main

        return sandbox_main(argv[1:])
    if first in COMMANDS:
        import desktop.commands

        return getattr(desktop.commands, f"main_{first}")(argv[1:])
    from desktop.i18n import _

    print(_("wappi-desk: «{word}» is not a command or an option.").format(word=first), file=sys.stderr)
    print(usage(), file=sys.stderr)
    return 2


def speak_the_ui_language() -> None:
    """The command line speaks the language the window would: the agent's setting, else the system's."""
    from desktop import i18n

    try:
        from desktop.core.paths import Paths
        from desktop.core.settings import Settings

        language = Settings.load(Paths.default().config).language
    except Exception:  # noqa: BLE001 (no settings folder at all: the system language)
        language = "auto"
    i18n.set_language(language)


def _unexpected(exc: BaseException) -> int:
    """Plain words on the terminal; the details go to a log file for the developers."""
    import tempfile
    import traceback
    from pathlib import Path

    from desktop.i18n import _

    # Where it failed and the kind of error, not its message: a message may carry a URL with a token in it.
    text = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__))) + type(exc).__name__ + "\n"
    try:
        from desktop.core.paths import Paths

        folder = Paths.default().cache
        folder.mkdir(parents=True, exist_ok=True)
    except Exception:  # noqa: BLE001
        folder = Path(tempfile.gettempdir())
    log = folder / "command-line-error.log"
    try:
        log.write_text(text, encoding="utf-8")
        where = _("The details were written to {file}; send that file to the developers.").format(file=str(log))
    except OSError:
        where = ""
    print(" ".join([_("Something went wrong and the command stopped."), where]).strip(),
          file=sys.stderr, flush=True)
    return 1


def start_window() -> int:
    # Starting the window makes some 50,000 objects that live as long as it does, and the garbage collector would
    # walk them again and again while they are made (a seventh of the start, measured with perf). It waits until the
    # window is on screen; then they are set aside for good (gc.freeze), so no later collection walks them either.
    gc.disable()
    from PySide6.QtCore import QTimer

    from desktop.app import AfterFirstPaint, make_app, qt_app

    app = qt_app(sys.argv[:1])
    window = make_app()
    AfterFirstPaint(window, resume_collector)
    # A window that is never painted (started minimised) must not leave the collector off for the whole session.
    QTimer.singleShot(10_000, resume_collector)
    window.show()
    code = app.exec()
    window.desk.close()
    return code


def resume_collector() -> None:
    """Set what the start made aside for good and let the collector run again.

    No collection first: it would find well under a thousand garbage objects in the start's whole heap and take
    ~60 ms, with PySide's wrappers to walk, just as the agent starts to work.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
