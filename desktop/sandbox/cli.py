"""`wappi-desk sandbox [--port N] [--data-dir DIR]`: run the sandbox alone, for curl and other clients, until Ctrl+C."""
from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

from desktop.commands import Parser, folder
from desktop.i18n import _
from desktop.sandbox.server import Sandbox


def default_data_dir() -> Path:
    """The folder the app's own sandbox uses, so the CLI accepts the same demo profile and token."""
    from desktop.core.paths import Paths

    return Paths.default().data / "sandbox"


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="wappi-desk sandbox", description=_("Run the Wappi sandbox server on this computer."))
    parser.add_argument("--port", type=int, default=0, help=_("port to listen on (0 picks a free one)"))
    parser.add_argument("--data-dir", type=folder, default=None, help=_("folder that keeps the demo profile and token"))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not 0 <= args.port <= 65535:
        print(_("The port must be a number from 0 to 65535."), file=sys.stderr, flush=True)
        return 2
    data_dir = args.data_dir or default_data_dir()
    if data_dir.exists() and not data_dir.is_dir():
        print(_("{folder} is a file, not a folder. Choose a folder with --data-dir.").format(folder=str(data_dir)),
              file=sys.stderr, flush=True)
        return 2
    try:
        sandbox = Sandbox(port=args.port, data_dir=data_dir)
    except OSError as exc:  # the folder keeping the demo profile cannot be made or written
        print(_("The sandbox cannot keep its demo profile in {folder} ({reason}). Choose another folder with --data-dir.").format(
            folder=str(data_dir), reason=exc.strerror or type(exc).__name__), file=sys.stderr, flush=True)
        return 2
    try:
        sandbox.start()
    except OSError:
        print(_("Port {port} is already in use. Choose another one with --port, or 0 for any free port.").format(port=args.port),
              file=sys.stderr, flush=True)
        return 1
    print(f"base_url: {sandbox.base_url}", flush=True)
    print(f"profile_id: {sandbox.profile_id}", flush=True)
    print(f"token: {sandbox.token}", flush=True)
    print(_("The sandbox is running. Press Ctrl+C to stop it."), file=sys.stderr, flush=True)
    stopped = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_args: stopped.set())
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
