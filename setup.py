"""setuptools hook: compile the translation catalogues (.po -> .mo, with Babel) whenever the package is built or installed."""
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self):
        sys.path.insert(0, str(ROOT))
        from desktop.catalogs import compile_all

        compile_all(ROOT / "resources" / "i18n")
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogs})
