"""PySide6 widgets: they convert between the screen and the core models, nothing more."""
