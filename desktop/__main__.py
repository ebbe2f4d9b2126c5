"""`python -m desktop` and the `wappi-desk` console script: read the command line, start the app or a tool."""
from __future__ import annotations

import sys


def usage() -> str:
    return (
        "usage: wappi-desk [--self-check]\n"
        "       wappi-desk sandbox [--port N]\n"
        "       wappi-desk run PATH [--env NAME] [--var key=value ...]\n"
        "       wappi-desk import FILE --client NAME\n"
        "       wappi-desk export CLIENT -o FILE\n"
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["-h"], ["--help"]):
        print(usage())
        return 0
    if argv[:1] == ["--self-check"]:
        from desktop.selfcheck import run

        return run()
    if argv[:1] == ["sandbox"]:
        from desktop.sandbox.cli import main as sandbox_main

        return sandbox_main(argv[1:])
    commands = {"run": "main_run", "import": "main_import", "export": "main_export"}
    if argv and argv[0] in commands:
        import desktop.commands

        return getattr(desktop.commands, commands[argv[0]])(argv[1:])
    if argv:
        print(usage(), file=sys.stderr)
        return 2
    return start_window()


def start_window() -> int:
    from desktop.app import make_app, qt_app

    app = qt_app(sys.argv[:1])
    window = make_app()
    window.show()
    code = app.exec()
    window.desk.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
