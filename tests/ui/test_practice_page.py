"""desktop/ui/practice_page.py: built on first sight, damaged files named on the page, the export, Russian labels."""
from __future__ import annotations

import csv
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop import i18n
from desktop.core.paths import REPO_ROOT
from desktop.ui.practice_page import PracticePage


@pytest.fixture
def page(qtbot, tmp_path):
    made = []

    def make(**kw):
        widget = PracticePage(progress_folder=tmp_path / "progress", agent="Anna", **kw)
        qtbot.addWidget(widget)
        made.append(widget)
        return widget

    yield make
    for widget in made:
        widget.close_lab()


def test_nothing_is_read_until_the_page_is_seen(page):
    widget = page()
    assert not widget.built
    widget.show()
    assert widget.built and widget.list.count() == len(widget.exercises) + 1


def test_a_damaged_exercise_file_is_named_on_the_page_and_the_rest_work(page, tmp_path, monkeypatch):
    resources = tmp_path / "bundle" / "resources"
    shutil.copytree(REPO_ROOT / "resources" / "practice", resources / "practice")
    victim = sorted((resources / "practice" / "exercises").glob("*.json"))[0]
    victim.write_text('{"schema_version": 1, "id": "broken"', encoding="utf-8")
    monkeypatch.setenv("WAPPI_DESK_RESOURCES", str(tmp_path / "bundle"))
    widget = page()
    widget.show()
    assert victim.name in widget.problem_label.text() and not widget.problem_label.isHidden()
    assert widget.list.count() == len(list(victim.parent.glob("*.json")))  # the others and the test remain
    widget.list.setCurrentRow(0)
    assert widget.exercise_view.title.text() == widget.exercises[0].text("title")


def test_the_export_is_a_csv_a_team_lead_can_open(page, tmp_path, monkeypatch):
    widget = page()
    widget.show()
    widget.progress_attempt(widget.exercises[0].id, True)
    target = tmp_path / "team.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    widget.export_button.click()
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[1][:3] == ["Anna", widget.exercises[0].text("title"), "yes"]
    assert widget.summary.text().startswith("Solved 1 of")


def test_the_page_speaks_russian(page):
    i18n.set_language("ru")
    widget = page()
    widget.show()
    widget.list.setCurrentRow(0)
    view = widget.exercise_view
    assert view.check_button.text() == "Проверить"
    assert view.title.text() == widget.exercises[0].data["title"]["ru"]
    assert widget.list.item(widget.list.count() - 1).text().endswith("Итоговый тест")


def test_the_practice_sandbox_goes_with_the_page(qtbot, tmp_path):
    """A language switch rebuilds the window: the old page's practice sandbox must stop, not linger."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget = PracticePage(progress_folder=tmp_path, agent="Anna")
    widget.show()
    widget.list.setCurrentRow(0)
    sandbox = widget.lab().sandbox
    assert sandbox._server is not None
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: sandbox._server is None, timeout=30000)


def test_an_address_longer_than_its_field_is_written_out_whole(qtbot):
    from desktop.core.models import Request
    from desktop.ui.practice_page import RequestEditor

    editor = RequestEditor()
    qtbot.addWidget(editor)
    editor.resize(420, 300)
    editor.show()
    url = "http://wappi.pro/api/sync/message/send?profile_id=1a2b3c4d-5e6f"
    editor.load_model(Request(method="POST", url=url))
    qtbot.waitUntil(editor.full_address.isVisible, timeout=30000)
    assert editor.full_address.text().replace("\u200b", "").endswith(url)
    editor.resize(1400, 300)
    qtbot.waitUntil(lambda: not editor.full_address.isVisible(), timeout=30000)
