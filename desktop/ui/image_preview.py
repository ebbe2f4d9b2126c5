"""A picture from bytes, scaled to fit, with its type, size and pixel size underneath and a «Save…» button."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.atomicfile import write_atomic
from desktop.core.attachments import EXTENSIONS, sniff
from desktop.core.sizes import human_size
from desktop.i18n import _


def read_image(source: str | bytes, box: int = 0) -> tuple[QImage, QSize]:
    """Decode a file path or bytes, at most `box` pixels on a side when given; safe off the GUI thread.

    Returns the image (null when it cannot be decoded) and the full pixel size. A big JPEG is decoded
    straight at the small size, so a 20 MB photo never becomes a 100 MB bitmap for a thumbnail.
    """
    if isinstance(source, bytes):
        data = QByteArray(source)
        device = QBuffer(data)
        device.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(device)
    else:
        reader = QImageReader(source)
    reader.setAutoTransform(True)
    full = reader.size()
    if box and full.isValid() and (full.width() > box or full.height() > box):
        reader.setScaledSize(full.scaled(box, box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if full.isValid() or image.isNull():
        return image, full
    return image, image.size()


class ImagePreview(QWidget):
    """Shows one image; `saved(path)` after «Save…» wrote the original bytes."""

    saved = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = b""
        self.suggested_name = "image"
        self.picture = QLabel()
        self.picture.setObjectName("imagePreview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(64, 64)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.caption = QLabel()
        self.caption.setObjectName("imageCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(_("Save…"))
        self.save_button.setToolTip(_("Save the original file to disk"))
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 1)
        layout.addLayout(bottom)
        self._image = QImage()

    def show_image(self, data: bytes, where: str = "", name: str = "image") -> bool:
        """Show `data`; returns False (and says so) when it is not a picture Qt can draw."""
        return self.show_decoded(data, *read_image(data), where, name)

    def show_decoded(self, data: bytes, image: QImage, full: QSize, where: str = "", name: str = "image") -> bool:
        """Show `data` already decoded by `read_image` (on a worker, for a big one); False when it cannot be drawn."""
        self.data = data
        found = sniff(data[:64 * 1024])
        ext = next((e for e, key in EXTENSIONS.items() if key == found.key), "bin")
        self.suggested_name = f"{name}.{ext}"
        self._image = image
        parts = [found.label, human_size(len(data))]
        if not self._image.isNull():
            parts.append(_("{w}×{h} px").format(w=full.width(), h=full.height()))
        if where:
            parts.append(_("from the field «{field}»").format(field=where))
        caption = " · ".join(parts)
        if self._image.isNull():
            caption += "\n" + _("The picture cannot be shown: it is damaged or in a format this app cannot draw. You can still save it.")
        self.caption.setText(caption)
        self._fit()
        return not self._image.isNull()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            self.picture.clear()
            return
        size = self.picture.size()
        pixmap = QPixmap.fromImage(self._image)
        # Small pictures (a QR code) are not blown up into blur; big ones shrink to fit.
        if pixmap.width() > size.width() or pixmap.height() > size.height():
            pixmap = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)

    def save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the file"), str(Path.home() / self.suggested_name))
        if not path:
            return
        try:
            write_atomic(Path(path), self.data)
        except OSError as exc:
            self.caption.setText(_("Could not save to «{path}»: {reason}. Choose another folder.").format(path=path, reason=exc.strerror or exc))
            return
        self.saved.emit(path)
