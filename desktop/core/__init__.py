"""The Qt-free core: models, variables, sending, linting, storage. No PySide6 import below here."""
