"""The diagnosis panel: cards per finding, one-click fix signal, reply copied to the clipboard."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.core.diagnose import Finding
from desktop.core.reply import reply_text
from desktop.ui.diagnosis_panel import DiagnosisPanel

FINDINGS = [
    Finding("status-401", "error", "401: the token was not accepted", "The server did not accept the token.", "Check the token.", None),
    Finding("token-bearer-prefix", "error", "Bearer before the token", "Remove Bearer <now>.", "Leave only the token.", "strip-bearer"),
    Finding("body-on-get", "warning", "A body on a GET request", "GET sends no body.", "Move values to the address.", "remove-body"),
]


def test_shows_a_card_per_finding(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    assert "After «Send»" in panel.summary_label.text()
    panel.set_findings([])
    assert "No problems" in panel.summary_label.text()
    panel.set_findings(FINDINGS)
    cards = panel.cards()
    assert len(cards) == 3
    assert "3" in panel.summary_label.text()
    assert "401" in cards[0].title_label.text() and "#cf222e" in cards[0].title_label.text()
    assert "#9a6700" in cards[2].title_label.text()
    assert "&lt;now&gt;" in cards[1].message_label.text()
    assert cards[0].fix_button is None and cards[1].fix_button is not None
    panel.set_findings(FINDINGS[:1])
    assert len(panel.cards()) == 1


def test_fix_button_emits_fix_id(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS)
    with qtbot.waitSignal(panel.fix_requested) as signal:
        qtbot.mouseClick(panel.cards()[1].fix_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["strip-bearer"]


def test_reply_button_copies_reply(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS)
    with qtbot.waitSignal(panel.reply_copied):
        qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == reply_text(FINDINGS)
    assert "copied" in panel.status_label.text()
