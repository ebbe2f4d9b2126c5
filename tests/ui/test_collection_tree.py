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


def preloaded_tree(window):
    from desktop.core.paths import preloaded_collection

    window.sidebar.tree.clear()
    return window.sidebar.add_root(load_tree(preloaded_collection())[0], "Docs")


def open_groups(node):
    found = []
    for i in range(node.childCount()):
        child = node.child(i)
        if child.childCount():
            if child.isExpanded():
                found.append(child.text(0))
            found += open_groups(child)
    return found


def test_groups_start_collapsed_and_only_the_one_in_use_opens(qtbot, window):
    root = preloaded_tree(window)
    assert root.isExpanded() and open_groups(root) == []
    from tests.e2e.test_first_send import find_node

    window.sidebar.tree.itemClicked.emit(find_node(window.sidebar.tree, "Send a text message"), 0)
    assert open_groups(root) == ["WhatsApp", "Messages (sync)"] or open_groups(root) == ["WhatsApp", "Сообщения (синхронно)"]
    window.sidebar.tree.itemClicked.emit(find_node(window.sidebar.tree, "Log in: enter the 2FA password"), 0)
    assert len(open_groups(root)) == 2 and open_groups(root)[0] == "Telegram"


def test_search_finds_a_request_by_russian_or_english_name_path_or_field(qtbot, window):
    preloaded_tree(window)
    search = window.sidebar.search
    for text in ("облачный пароль", "2FA password", "auth/2fa", "pwd_code"):
        search.setText(text)
        assert visible_names(window.sidebar.tree) == ["Log in: enter the 2FA password"] or \
            visible_names(window.sidebar.tree) == ["Ввести облачный пароль 2fa"], text
    search.setText("mass_phones")
    assert len(visible_names(window.sidebar.tree)) == 1
