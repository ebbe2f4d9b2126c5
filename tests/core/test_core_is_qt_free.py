"""The core and the sandbox import no Qt, so the runner, the sandbox and these tests work without a display."""
import subprocess
import sys


def test_core_and_sandbox_import_without_pyside6():
    code = (
        "import importlib, pkgutil, sys, desktop.core, desktop.sandbox\n"
        "for pkg in (desktop.core, desktop.sandbox):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "assert not any(name.startswith('PySide6') for name in sys.modules), 'PySide6 imported by the core'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
