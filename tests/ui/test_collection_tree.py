"""The sidebar tree: a click loads the request with its description; search filters by name, URL and body."""
from desktop.core.collection import load_tree, write_request
from desktop.core.models import Body, KeyValue, Request


def make_collection(tmp_path):
    root = tmp_path / "wappi"
    write_request(
        root / "01-profile" / "01-status.json",
        Request("GET", "{{base_url}}/api/sync/get/status", [KeyValue("profile_id", "{{profile_id}}")], name="Status"),
        {"description": {"en": "Is the profile authorised?", "ru": "Авторизован ли профиль?"}},
    )
    write_request(
        root / "02-send" / "01-text.json",
        Request("POST", "{{base_url}}/api/sync/message/send", body=Body("json", '{"recipient": "79990000000"}'), name="Send text"),
    )
    return load_tree(root)[0]


def visible_names(tree):
    names = []

    def visit(node):
        if not node.isHidden() and node.text(1):
            names.append(node.text(1))
        for i in range(node.childCount()):
            visit(node.child(i))

    for i in range(tree.topLevelItemCount()):
        visit(tree.topLevelItem(i))
    return names


def test_click_loads_request_and_description(qtbot, window, tmp_path):
    window.sidebar.tree.clear()
    window.sidebar.add_root(make_collection(tmp_path), "Docs")
    node = window.sidebar.tree.topLevelItem(0).child(0).child(0)
    window.sidebar.tree.itemClicked.emit(node, 0)
    assert window.url_bar.url.text() == "{{base_url}}/api/sync/get/status?profile_id={{profile_id}}"
    assert window.description.text() == "Is the profile authorised?"
    assert window.url_bar.method.currentText() == "GET"


def test_search_filters_by_name_url_and_body(qtbot, window, tmp_path):
    window.sidebar.tree.clear()
    window.sidebar.add_root(make_collection(tmp_path), "Docs")
    window.sidebar.search.setText("7999")
    assert visible_names(window.sidebar.tree) == ["Send text"]
    window.sidebar.search.setText("get/status")
    assert visible_names(window.sidebar.tree) == ["Status"]
    window.sidebar.search.setText("")
    assert visible_names(window.sidebar.tree) == ["Status", "Send text"]
