"""The diagnosis panel: cards per finding that wrap, the one-click fix signal, the reply request."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.diagnose import Finding
from desktop.ui.diagnosis_panel import DiagnosisPanel

FINDINGS = [
    Finding("status-401", "error", "401: the token was not accepted", "The server did not accept the token.", "Check the token.", None),
    Finding("token-bearer-prefix", "error", "Bearer before the token", "Remove Bearer <now>.", "Leave only the token.", "strip-bearer"),
    Finding("body-on-get", "warning", "A body on a GET request", "GET sends no body.", "Move values to the address.", "remove-body"),
]


def test_shows_a_card_per_finding(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    assert "What is wrong" in panel.title_label.text()
    panel.show_checking()
    assert "Checking" in panel.summary_label.text() and not panel.reply_button.isEnabled()
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
    assert signal.args[0].fix == "strip-bearer"


def test_reply_button_asks_the_window_for_the_reply(qtbot):
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS)
    with qtbot.waitSignal(panel.reply_requested):
        qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)


def test_long_texts_wrap_and_never_scroll_sideways(qtbot):
    long = Finding("invalid-json", "error", "The body is not valid JSON " * 6, "word " * 200, "step " * 100, "fix-json")
    panel = DiagnosisPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 500)
    panel.show()
    panel.set_findings([long])
    qtbot.waitUntil(lambda: panel.cards()[0].isVisible(), timeout=30000)
    card = panel.cards()[0]
    assert panel.scroll.horizontalScrollBar().maximum() == 0
    assert card.fix_button.isVisible()
    right = card.fix_button.mapTo(panel, card.fix_button.rect().topRight()).x()
    assert right <= panel.width()
