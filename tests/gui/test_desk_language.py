"""The desk explorer in Kazakh, Russian and English, and its accessibility settings.

Every check asks the widget or the page what it shows now.
"""

from __future__ import annotations

import pytest
from page_helpers import STEP_TIMEOUT, query_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTextBrowser, QWidget

from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.qt import theme
from chronomap.qt.language import language_service
from helpers.views import views_shown

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Qt's translators are application-wide: leave them as found."""
    yield
    language_service().set_language("en")


def _switch(qtbot, window, lang: str) -> None:
    """Choose *lang* from the View → Language menu and wait until the page shows the new state."""
    seq_before = window.map_view.last_state["seq"]
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT,
                          check_params_cb=lambda seq: seq > seq_before):
        window.act_languages[lang].trigger()
    assert window.model.language == lang and language_service().current == lang


def _visible_words(window) -> dict[str, str]:
    return {
        "file menu": window.file_menu.title(),
        "view menu": window.view_menu.title(),
        "next button": window.next_button.text(),
        "play button": window.play_button.text(),
        "date": window.date_label.text(),
        "event": window.event_label.text(),
        "card": window.card.text(),
        "title": window.windowTitle(),
        "export action": window.act_export.text(),
    }


@pytest.mark.fake_map
def test_switching_language_changes_every_visible_string(qtbot, window):
    window.model.go_to_event("december-events")
    views_shown(window.presenter)
    english = _visible_words(window)
    assert english["date"] == "17–18 December 1986"
    seen = {"en": english}
    for lang in ("ru", "kk"):
        _switch(qtbot, window, lang)
        words = _visible_words(window)
        unchanged = [key for key in words if words[key] == english[key]]
        assert not unchanged, f"{lang}: still in English: {unchanged}"
        seen[lang] = words
    assert "декабря" in seen["ru"]["date"] and "желтоқсан" in seen["kk"]["date"]
    assert seen["ru"]["file menu"].replace("&", "") == "Файл"
    assert seen["kk"]["next button"].startswith("Келесі")
    _switch(qtbot, window, "en")
    assert _visible_words(window) == english


def test_the_map_page_speaks_the_language_without_reloading(qtbot, window):
    window.model.go_to_event("december-events")
    reloads = []
    window.map_view.web_page.loadStarted.connect(lambda: reloads.append(1))
    _switch(qtbot, window, "ru")
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["labels"]["almaty"].startswith("Алма-Ата")
    assert "Происходит в этот день" in snapshot["legend"]
    assert "СССР" in snapshot["legend"]
    _switch(qtbot, window, "kk")
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["labels"]["kazakh-ssr"].startswith("Қазақ КСР")
    assert "Осы күні болып жатыр" in snapshot["legend"] and "КСРО" in snapshot["legend"]
    assert not reloads


@pytest.mark.fake_map
def test_the_map_is_described_for_screen_readers_in_the_language(qtbot, window):
    window.model.go_to_event("december-events")
    views_shown(window.presenter)
    assert window.map_view.accessibleDescription().startswith("17–18 December 1986. ")
    _switch(qtbot, window, "ru")
    description = window.map_view.accessibleDescription()
    assert description.startswith("17–18 декабря 1986 г. ") and "Выделено:" in description


@pytest.mark.fake_map
def test_the_article_says_when_it_is_not_in_the_language(qtbot, window):
    assert window.article.shown_language == "en"
    assert window.article.language_note() == ""
    _switch(qtbot, window, "kk")
    assert window.article.shown_language == "en"
    assert window.article.language_note().startswith("Бұл мақала қазақ тілінде жоқ")
    assert window.article.toPlainText().startswith("Perestroika in Kazakhstan")  # the original follows
    _switch(qtbot, window, "ru")
    assert window.article.language_note().startswith("Этой статьи нет на русском языке")
    # the note stays in view with the passage scrolled to
    window.model.go_to_event("independence")
    assert window.article.verticalScrollBar().value() > 0
    assert window.article.findChild(QLabel, "articleLanguageNote").isVisible()
    # the highlight survives the rebuild
    window.model.go_to_event("december-events")
    assert window.article.highlighted_sentences()


@pytest.mark.fake_map
def test_the_language_is_remembered(qtbot, make_window, settings):
    first = make_window()
    _switch(qtbot, first, "kk")
    first.close()
    second = make_window(settings=settings)
    assert second.model.language == "kk" and language_service().current == "kk"
    assert second.act_languages["kk"].isChecked()
    assert second.go_menu.title().replace("&", "") == "Өту"


@pytest.mark.fake_map
def test_language_menu_names_each_language_in_itself(window):
    names = [act.text() for act in window.language_menu.actions()]
    assert names == [NATIVE_NAMES[lang] for lang in LANGUAGES]


def _interactive(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if w.isVisible() and (isinstance(w, (QAbstractButton, QComboBox, QTextBrowser))
                                  or w in (window.slider, window.map_view, window.card))]


@pytest.mark.fake_map
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_interactive_widget_has_a_name_and_a_description(qtbot, window, lang):
    if lang != "en":
        _switch(qtbot, window, lang)
    missing = [f"{type(w).__name__} {w.objectName()!r}: name={w.accessibleName()!r} description={w.accessibleDescription()!r}"
               for w in _interactive(window)
               if not w.accessibleName().strip() or not w.accessibleDescription().strip()]
    assert not missing, missing


def test_tab_reaches_every_control_and_shows_where_it_is(qtbot, window):
    window.model.go_to_event("third-congress")  # mid-story: Previous and Next are both enabled
    window.activateWindow()
    controls = {window.map_view, window.card, window.article, window.prev_button, window.play_button,
                window.next_button, window.speed, window.slider}
    window.map_view.setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    ring_on_map = []
    for _ in range(40):
        focused = window.focusWidget()
        for control in controls:
            if focused is control or (focused is not None and control.isAncestorOf(focused)):
                reached.add(control)
        if focused is not None and window.map_view.isAncestorOf(focused):
            ring_on_map.append(window.focus_ring.isVisible() and window.focus_ring.target is window.map_view)
        window.focusNextChild()
    assert reached == controls, [type(c).__name__ for c in controls - reached]
    # the map cannot show focus itself: a frame is laid over it while Tab has put focus there
    assert len(ring_on_map) >= 2 and all(ring_on_map[1:])
    window.article.setFocus(Qt.FocusReason.MouseFocusReason)
    assert not window.focus_ring.isVisible()
    assert "focus" in theme.style_sheet(window.model.look)  # a focus frame is styled for the standard widgets


@pytest.mark.fake_map
def test_slider_keys_move_a_day_and_a_month(qtbot, window):
    window.model.go_to_event("december-events")
    day = window.model.day
    window.slider.setFocus()
    qtbot.keyClick(window.slider, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.model.day == day + 1
    qtbot.keyClick(window.slider, Qt.Key.Key_PageDown)
    assert window.model.day == day + 31


def test_high_contrast_and_large_type_reach_the_widgets_and_the_page(qtbot, window):
    window.model.go_to_event("december-events")
    before = query_page(qtbot, window.map_view)
    seq_before = window.map_view.last_state["seq"]
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT,
                          check_params_cb=lambda seq: seq > seq_before):
        window.act_contrast.trigger()
    assert window.model.look.high_contrast and window.act_contrast.isChecked()
    assert "#ffffff" in window.styleSheet()
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["appearance"] == {"hc": True, "large": False}
    assert "cm-high-contrast" in snapshot["containerClasses"]

    seq_before = window.map_view.last_state["seq"]
    with qtbot.waitSignal(window.map_view.state_applied, timeout=STEP_TIMEOUT,
                          check_params_cb=lambda seq: seq > seq_before):
        window.act_large.trigger()
    snapshot = query_page(qtbot, window.map_view)
    assert snapshot["appearance"] == {"hc": True, "large": True}

    def height(snap, pid):
        left, top, right, bottom = snap["labelRects"][pid]
        return bottom - top

    assert height(snapshot, "almaty") > 1.2 * height(before, "almaty")
    assert window.date_label.font().pixelSize() == theme.px(22, window.model.look) or window.date_label.fontInfo().pixelSize() >= 26
    assert window.settings.value("ui/high_contrast") in (True, "true")


@pytest.mark.fake_map
def test_card_is_not_a_label_only_for_the_mouse(window):
    assert isinstance(window.card, QLabel)
    assert window.card.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard


@pytest.mark.fake_map
def test_a_translated_article_is_shown_and_followed(qtbot, make_window):
    from pathlib import Path

    from chronomap.story.loader import load_exhibit

    steppe = Path(__file__).resolve().parents[1] / "data" / "exhibits" / "test-steppe"
    window = make_window(exhibit=load_exhibit(steppe))
    _switch(qtbot, window, "ru")
    assert window.article.shown_language == "ru"
    text = window.article.toPlainText()
    assert text.startswith("Тестовая степь") and window.article.language_note() == ""
    # this paragraph has two sentences in Russian and three in English: it is highlighted whole
    window.model.go_to_event("karaganda-follows")
    assert window.article.shown_highlights() == ("the-railway.p1.t1", "the-railway.p1.t2")
    assert window.article.anchor_for_sentence("the-railway.p1.t2") is not None
    _switch(qtbot, window, "kk")  # no Kazakh article: the note, then the English original
    assert window.article.shown_language == "en"
    assert window.article.language_note().startswith("Бұл мақала қазақ тілінде жоқ")
    assert window.article.shown_highlights() == ("the-railway.p1.s2",)


@pytest.mark.fake_map
def test_each_step_is_announced_to_assistive_technology(qtbot, window, monkeypatch):
    """With a screen reader listening, a step sends the description and a polite announcement."""
    from PySide6.QtGui import QAccessible

    import chronomap.qt.announce as announce

    sent = []
    monkeypatch.setattr(announce.QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(announce.QAccessible, "updateAccessibility",
                        staticmethod(lambda event: sent.append((event.type(), getattr(event, "message", lambda: "")()))))
    window.model.go_to_event("august-coup")
    views_shown(window.presenter)
    types = [kind for kind, _ in sent]
    assert types == [QAccessible.Event.DescriptionChanged, QAccessible.Event.Announcement]
    assert sent[1][1] == window.map_view.accessibleDescription() and "Moscow" in sent[1][1]
    sent.clear()
    window.model.go_to_event("august-coup")  # nothing new: nothing said
    views_shown(window.presenter)
    assert sent == []


@pytest.mark.fake_map
def test_the_system_language_decides_the_first_time(qtbot, make_window, settings, monkeypatch):
    import chronomap.desk.window_settings as window_settings

    monkeypatch.setattr(window_settings, "system_language", lambda: "ru")
    window = make_window()
    assert window.model.language == "ru" and language_service().current == "ru"
    assert window.act_languages["ru"].isChecked()
    assert window.file_menu.title() == "&Файл"


@pytest.mark.fake_map
def test_place_details_in_russian_with_russian_numbers(qtbot, window):
    _switch(qtbot, window, "ru")
    window.show_place_details("moscow")
    text = window.card.text()
    assert "Москва" in text and "город" in text
    assert "3\u00a0113 км" in text  # the Russian thousands separator, not "3,113"
    assert "Қазақша: Мәскеу" in text  # the other languages' names, each labelled in itself


def _every_word(window) -> dict[str, str]:
    """Every piece of text the window shows or speaks: actions, menus, widgets' texts, tooltips, names."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    found: dict[str, str] = {}
    for act in window.findChildren(QAction):
        if act.menu() is None or act.text():
            found[f"action {act.objectName() or id(act)} text"] = act.text()
            found[f"action {act.objectName() or id(act)} tip"] = act.toolTip()
    for menu in window.findChildren(QMenu):
        found[f"menu {id(menu)}"] = menu.title()
    for widget in window.findChildren(QWidget):
        key = f"{type(widget).__name__} {widget.objectName()} {id(widget)}"
        if isinstance(widget, (QAbstractButton, QLabel)):
            found[f"{key} text"] = widget.text()
        found[f"{key} tooltip"] = widget.toolTip()
        found[f"{key} name"] = widget.accessibleName()
        found[f"{key} description"] = widget.accessibleDescription()
    return found


# Words that are the same in every language: names of languages and of the program, speeds.
SAME_IN_EVERY_LANGUAGE = {"", "Chronomap", "0.5×", "1×", "2×", "4×", *NATIVE_NAMES.values()}


@pytest.mark.fake_map
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_is_left_anywhere_in_the_window(qtbot, window, lang):
    window.model.go_to_event("december-events")
    english = _every_word(window)
    _switch(qtbot, window, lang)
    translated = _every_word(window)
    left = sorted({text for key, text in english.items()
                   if translated.get(key) == text and text not in SAME_IN_EVERY_LANGUAGE
                   and not text.replace(" ", "").isdigit()})
    assert not left, left


@pytest.mark.fake_map
def test_the_export_dialog_in_kazakh(qtbot, window):
    from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

    from chronomap.desk.export_dialog import ExportDialog

    english = ExportDialog((800, 600), window)
    qtbot.addWidget(english)
    english_words = {b.text() for b in english.findChildren(QCheckBox)} | {english.windowTitle()}
    _switch(qtbot, window, "kk")
    dialog = ExportDialog((800, 600), window)
    qtbot.addWidget(dialog)
    words = {b.text() for b in dialog.findChildren(QCheckBox)} | {dialog.windowTitle()}
    assert not words & english_words, words & english_words
    assert dialog.windowTitle() == "Карта суретін экспорттау"
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") != "Cancel"  # Qt's own buttons come from qtbase_kk
    assert all(dialog.preset.itemText(i) != english.preset.itemText(i) for i in range(dialog.preset.count()))
