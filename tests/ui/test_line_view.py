"""The line view keeps a text as pieces: lines, offsets and search across piece edges."""
import json

from desktop.core.bodyformat import reindent, search_pattern
from desktop.ui.line_view import LineView


def test_pieces_read_like_one_text(qtbot):
    view = LineView()
    qtbot.addWidget(view)
    data = json.dumps({"items": [{"id": i, "text": "привет", "escaped": "привет"} for i in range(300)]}, ensure_ascii=False).encode()
    pretty = b"".join(reindent(data))
    view.set_content(b"")
    pieces = list(reindent(data, 100, 200))
    assert len(pieces) > 10 and all(p.endswith(b"\n") for p in pieces[:-1])
    for piece in pieces:
        view.append(piece)
    lines = pretty.split(b"\n")
    assert view.line_count() == len(lines)
    assert [view.line_bytes(i) for i in range(len(lines))] == lines
    assert view.toPlainText() == pretty.decode()
    offset = pretty.index(b'"id": 150')
    assert view.line_text(view.line_of(offset)).strip() == '"id": 150,'
    found = list(view.find(search_pattern("ПРИВЕТ")))
    assert len(found) == view.count(search_pattern("привет")) == 600
    assert all(pretty[o : o + n].decode() == "привет" for o, n in found)


def test_pieces_cut_inside_a_line_are_joined(qtbot):
    view = LineView()
    qtbot.addWidget(view)
    view.set_content(b"")
    for piece in (b"ab", b"c\nde", b"f\n", b"\n", b"g"):
        view.append(piece)
    assert [view.line_text(i) for i in range(view.line_count())] == ["abc", "def", "", "g"]
    assert list(view.find(search_pattern("cd"))) == []
    assert list(view.find(search_pattern("ef"))) == [(5, 2)]


def test_reindent_slices_cut_after_a_backslash():
    value = {"items": [{"id": i, "text": "привет"} for i in range(2000)]}
    data = json.dumps(value).encode()  # \u escapes: many slice edges fall right after a backslash
    assert b"".join(reindent(data, 7, 13)) == json.dumps(value, indent=2).encode()


def test_pieces_added_below_the_view_repaint_only_the_scroll_bar(qtbot):
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, _watched, event):
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    view = LineView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view, timeout=30000)
    paints = Paints()
    view.viewport().installEventFilter(paints)
    view.set_content(b"".join(b'{"line": %d}\n' % i for i in range(200)))
    qtbot.waitUntil(lambda: Paints.count > 0, timeout=30000)
    qtbot.wait(300)  # let the repaints of showing and filling the view settle before counting
    Paints.count = 0
    for piece in range(20):  # far below the first screen
        view.append(b"".join(b'{"more": %d}\n' % (piece * 100 + i) for i in range(100)))
        qtbot.wait(5)
    assert Paints.count == 0 and view.verticalScrollBar().maximum() > 2000
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the end is on screen: new lines show
    qtbot.waitUntil(lambda: Paints.count > 0, timeout=30000)
    Paints.count = 0
    view.append(b'{"last": 1}\n')
    qtbot.waitUntil(lambda: Paints.count > 0, timeout=30000)
