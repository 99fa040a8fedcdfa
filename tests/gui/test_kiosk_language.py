"""The kiosk in Kazakh, Russian and English, its look settings, and its accessibility.

Driven as visitors would: the language buttons are pressed through the window,
keys are sent to the window; what the map shows is asked from the page itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_kiosk as base
from page_helpers import LOAD_TIMEOUT, query_page
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from chronomap.i18n import LANGUAGES, NATIVE_NAMES
from chronomap.kiosk.layout import side_width
from chronomap.kiosk.shell import KioskWindow
from chronomap.map import bridge
from chronomap.qt import theme
from chronomap.qt.article_panel import ArticlePanel
from chronomap.qt.language import language_service
from chronomap.qt.map_view import MapView
from chronomap.qt.timeline_slider import TimelineSlider
from chronomap.story.loader import load_exhibit
from helpers.page import ask
from helpers.views import views_shown

pytestmark = pytest.mark.gui

make_kiosk, kiosk = base.make_kiosk, base.kiosk
click, key, touch = base.click, base.key, base.touch

#: A small exhibit with a Russian article and Russian/Kazakh event texts (and no Kazakh article).
STEPPE = Path(__file__).resolve().parents[1] / "data" / "exhibits" / "test-steppe"


@pytest.fixture(scope="module")
def steppe():
    return load_exhibit(STEPPE)


def choose(kiosk: KioskWindow, lang: str) -> None:
    """Press a language button as a visitor does (through the window); Qt's LanguageChange is processed."""
    click(kiosk, kiosk.language_bar.buttons[lang])
    QCoreApplication.processEvents()
    assert language_service().current == lang


def words(kiosk: KioskWindow) -> dict[str, object]:
    """Every word a visitor sees in the normal view."""
    return {
        "previous": kiosk.prev_button.text(),
        "play": kiosk.play_button.text(),
        "next": kiosk.next_button.text(),
        "places": kiosk.card.places_label.text(),
        "date": kiosk.date_label.text(),
        "event": kiosk.event_label.text(),
        "card date": kiosk.card.card_date.text(),
        "card title": kiosk.card.card_title.text(),
        "card summary": kiosk.card.card_summary.text(),
        "chips": tuple(c.text() for c in kiosk.card.chips if c.isVisible()),
        "article": kiosk.article.language_note() + kiosk.article.toPlainText()[:120],
    }


def page_words(qtbot, kiosk: KioskWindow) -> dict:
    """The map's labels and legend, asked from the page once it shows the kiosk's latest state."""
    snapshot = base.wait_for_page_state(qtbot, kiosk)
    return {"labels": snapshot["labels"], "legend": snapshot["legend"]}


# -- switching -----------------------------------------------------------------------------------------


def test_three_language_buttons_each_named_in_its_own_language(kiosk):
    buttons = kiosk.language_bar.buttons
    assert list(buttons) == list(LANGUAGES)
    assert [b.text() for b in buttons.values()] == ["Қазақша", "Русский", "English"]
    assert [b.isChecked() for b in buttons.values()] == [False, False, True]
    for button in buttons.values():
        assert button.isVisible() and button.height() >= 48 and button.width() >= 48
        assert button.font().pixelSize() >= 20
    assert buttons["kk"].accessibleName() == "Қазақша — interface language"


def test_each_language_button_changes_every_visible_word_and_the_map_page(qtbot, make_kiosk):
    kiosk = make_kiosk(start=("event", "december-events"))
    english, english_page = words(kiosk), page_words(qtbot, kiosk)
    assert english["date"] == "17–18 December 1986"
    assert english_page["labels"]["almaty"] == "Alma-Ata (Almaty)"
    assert "Happening on this day" in english_page["legend"]
    expected = {
        "ru": {"date": "декабря", "almaty": "Алма-Ата (Алматы)", "legend": "Происходит в этот день", "previous": "Назад"},
        "kk": {"date": "желтоқсан", "almaty": "Алматы", "legend": "Осы күні болып жатыр", "previous": "Алдыңғы"},
    }
    focus = kiosk.model.moment.focus
    for lang in ("ru", "kk"):
        choose(kiosk, lang)
        seen = words(kiosk)
        unchanged = [k for k in seen if seen[k] == english[k]]
        assert not unchanged, f"{lang}: still in English: {unchanged}"
        assert seen["event"] == seen["card title"] == focus.title_in(lang)
        assert seen["card summary"] == focus.summary_in(lang)
        # the exhibit has no article in Russian or Kazakh: a note in that language, then the original
        assert kiosk.exhibit.article_in(lang)[1] == "en"
        assert seen["article"].startswith(kiosk.article.missing_language_note())
        assert expected[lang]["date"] in seen["date"] and expected[lang]["date"] in seen["card date"]
        assert expected[lang]["previous"] in seen["previous"]
        assert seen["chips"][0] == kiosk.exhibit.places["almaty"].label_at(kiosk.model.day, lang)
        assert [b.isChecked() for b in kiosk.language_bar.buttons.values()] == [code == lang for code in LANGUAGES]
        on_page = page_words(qtbot, kiosk)
        assert on_page["labels"]["almaty"] == expected[lang]["almaty"]
        assert expected[lang]["legend"] in on_page["legend"] and "Happening on this day" not in on_page["legend"]
        assert expected[lang]["date"] in kiosk.map_view.accessibleDescription()
    choose(kiosk, "en")
    assert words(kiosk) == english
    assert page_words(qtbot, kiosk) == english_page
    assert kiosk.map_view.accessibleDescription().startswith("17–18 December 1986.")


def test_exhibit_texts_and_the_article_follow_the_language(qtbot, make_kiosk, steppe):
    kiosk = make_kiosk(story=steppe, start=("event", "work-begins"))
    assert kiosk.card.card_title.text() == "Work begins on the railway"
    assert kiosk.article.toPlainText().startswith("The Test Steppe")
    choose(kiosk, "ru")
    assert kiosk.event_label.text() == kiosk.card.card_title.text() == "Начало строительства дороги"
    assert kiosk.card.card_summary.text() == "Работы на линии начинаются в Алма-Ате."
    assert kiosk.article.shown_language == "ru"
    assert kiosk.article.toPlainText().startswith("Тестовая степь")  # the translated article, no note
    # the passage being told is highlighted in the translation too
    assert "event:work-begins" in {kiosk.article.anchor_for_sentence(s) for s in kiosk.article.shown_highlights()}
    choose(kiosk, "kk")
    assert kiosk.card.card_title.text() == "Темір жол құрылысы басталды"
    assert kiosk.card.card_summary.text() == "Work on the line begins in Alma-Ata."  # no Kazakh summary: the original
    assert kiosk.article.shown_language == "en"
    note = kiosk.article.language_note()
    assert "қазақ тілінде жоқ" in note and note == kiosk.article.missing_language_note()
    assert kiosk.article.toPlainText().startswith("The Test Steppe")
    assert page_words(qtbot, kiosk)["labels"]["kazakh-ssr"] == "Қазақ КСР (Қазақстан)"
    # a place's details follow too
    click(kiosk, next(c for c in kiosk.card.chips if c.property("place_id") == "almaty"))
    assert kiosk.card.details.isVisible() and "Алматы" in kiosk.card.details.text()
    choose(kiosk, "ru")
    assert kiosk.card.details.isVisible() and "Здесь начались работы на железной дороге." in kiosk.card.details.text()


@pytest.mark.fake_map
def test_overlays_and_plurals_are_translated(qtbot, kiosk):
    overlay = kiosk.still_there
    counts = {}
    for lang in ("en", "ru", "kk"):
        choose(kiosk, lang)
        counts[lang] = []
        for n in (1, 3, 5):
            overlay.set_seconds_left(n)
            counts[lang].append(overlay.count.text())
        counts[lang].append(overlay.title.text())
        counts[lang].append(kiosk.banner.text())
    assert counts["en"] == ["The story starts again in 1 second.", "The story starts again in 3 seconds.",
                            "The story starts again in 5 seconds.", "Still there?",
                            "Touch the screen to explore the story"]
    assert counts["ru"][:4] == ["История начнётся заново через 1 секунду.", "История начнётся заново через 3 секунды.",
                                "История начнётся заново через 5 секунд.", "Вы ещё здесь?"]
    assert counts["kk"][0] == "Тарих 1 секундтан кейін қайта басталады."
    assert len({counts[lang][-1] for lang in counts}) == 3


@pytest.mark.fake_map
def test_the_pin_pad_speaks_the_language_even_while_open(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=base.hash_pin(base.PIN), pin_attempts=3, pin_lockout_seconds=base.LONG)
    kiosk.open_pin_pad("test")
    base.enter_pin(kiosk, "1111")
    assert kiosk.pin_pad.message.text() == "Wrong PIN. 2 more tries before the pad locks."
    language_service().set_language("ru")  # staff cannot reach the buttons under the pad; the message follows
    QCoreApplication.processEvents()
    assert kiosk.pin_pad.message.text() == "Неверный PIN. Осталось 2 попытки, затем панель заблокируется."
    assert kiosk.pin_pad.cancel_button.text() == "Отмена"
    base.enter_pin(kiosk, "2222")
    assert kiosk.pin_pad.message.text() == "Неверный PIN. Осталась 1 попытка, затем панель заблокируется."


# -- the next visitor starts in the configured language ---------------------------------------------------


def test_a_reset_returns_to_the_configured_language(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(language="kk", idle_seconds=0.3, countdown_seconds=0.3, start=("event", "december-events"))
    assert language_service().current == "kk" and kiosk.language_bar.current == "kk"
    kazakh, kazakh_page = words(kiosk), page_words(qtbot, kiosk)
    assert "желтоқсан" in kazakh["date"]
    choose(kiosk, "en")  # a visitor reads in English, then leaves
    assert words(kiosk)["previous"] == "◀  Previous"
    with qtbot.waitSignal(kiosk.mode_changed, timeout=LOAD_TIMEOUT, check_params_cb=lambda mode: mode == "attract"):
        pass
    assert language_service().current == "kk" and kiosk.language_bar.current == "kk"
    assert words(kiosk) == kazakh
    kiosk.modes.timer.stop()  # hold still: the renewed page shows the start again, in Kazakh
    qtbot.waitUntil(lambda: kiosk.map_view.is_ready, timeout=LOAD_TIMEOUT)
    assert page_words(qtbot, kiosk) == kazakh_page


@pytest.mark.fake_map
def test_without_a_configured_language_the_kiosk_starts_in_the_systems(make_kiosk, monkeypatch):
    import chronomap.kiosk.shell as shell

    monkeypatch.setattr(shell, "system_language", lambda: "ru")
    kiosk = make_kiosk(language="")
    assert kiosk.home_language == "ru" and language_service().current == "ru"
    assert kiosk.language_bar.current == "ru" and kiosk.prev_button.text() == "◀  Назад"


@pytest.mark.expected_errors(r"map render process terminated")
def test_a_crashed_page_comes_back_in_the_visitors_language(qtbot, kiosk):
    import os
    import signal

    choose(kiosk, "ru")
    before = page_words(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.map_view.recovered, timeout=LOAD_TIMEOUT):
        os.kill(kiosk.map_view.render_process_pid(), signal.SIGKILL)  # the render process this kiosk started
    assert page_words(qtbot, kiosk) == before
    assert "Происходит в этот день" in before["legend"]


# -- accessibility ----------------------------------------------------------------------------------------


def interactive(kiosk: KioskWindow) -> list[QWidget]:
    """What a visitor can operate now, found independently of the kiosk's own focus chain: every visible
    button, and the timeline, the article and the map."""
    widgets = [w for w in kiosk.findChildren(QAbstractButton) if w.isVisible()]
    widgets += [w for w in kiosk.findChildren(QWidget) if isinstance(w, (TimelineSlider, ArticlePanel, MapView))
                and w.isVisible()]
    return widgets


def names(widgets: list[QWidget]) -> dict[QWidget, tuple[str, str]]:
    return {w: (w.accessibleName(), w.accessibleDescription()) for w in widgets}


def test_every_control_has_a_name_and_a_description_in_every_language(qtbot, make_kiosk, touch_screen):
    kiosk = make_kiosk(pin_hash=base.hash_pin(base.PIN), idle_seconds=0.3, start=("event", "december-events"))
    seen: dict[str, dict] = {}
    for lang in ("en", "ru", "kk"):
        choose(kiosk, lang)
        views = {"normal": names(interactive(kiosk))}
        kiosk.open_pin_pad("test")
        views["pin pad"] = names([*kiosk.pin_pad.keys.values(), kiosk.pin_pad.cancel_button, kiosk.pin_pad])
        kiosk.pin_pad.cancel()
        touch(kiosk, touch_screen, kiosk.article)  # a visitor, then nobody: "Still there?"
        with qtbot.waitSignal(kiosk.mode_changed, timeout=LOAD_TIMEOUT, check_params_cb=lambda m: m == "countdown"):
            pass
        views["still there"] = names([kiosk.still_there.button, kiosk.still_there])
        touch(kiosk, touch_screen, kiosk.article)  # keeps the place
        assert kiosk.mode == "active"
        for view, found in views.items():
            for widget, (name, description) in found.items():
                assert name.strip() and description.strip(), f"{lang} {view}: {widget!r} {name!r} {description!r}"
        seen[lang] = views
    normal = set(seen["en"]["normal"])
    assert {*kiosk.language_bar.buttons.values(), kiosk.prev_button, kiosk.play_button, kiosk.next_button,
            kiosk.slider, kiosk.article, kiosk.map_view} < normal  # and the place chips
    for lang in ("ru", "kk"):
        for view, found in seen[lang].items():
            untranslated = [name for w, (name, description) in found.items()
                            if description == seen["en"][view][w][1]]
            assert not untranslated, f"{lang} {view}: descriptions still in English: {untranslated}"


def test_the_map_is_described_in_words_at_every_moment(qtbot, kiosk):
    kiosk.model.go_to_event("august-coup")
    views_shown(kiosk.presenter)
    description = kiosk.map_view.accessibleDescription()
    assert description.startswith("19–21 August 1991.") and "Moscow" in description
    choose(kiosk, "ru")
    assert "августа 1991" in kiosk.map_view.accessibleDescription()
    assert "Москва" in kiosk.map_view.accessibleDescription()


def test_tab_reaches_every_control_and_enter_or_space_presses_it(qtbot, make_kiosk):
    kiosk = make_kiosk(start=("event", "strike-reaches-karaganda"))  # three place chips
    assert QApplication.focusWidget() in (None, kiosk)  # no control has focus until Tab is pressed
    controls = set(interactive(kiosk))
    assert len(controls) == 3 + 3 + 3 + 3
    reached: list[QWidget] = []
    for _ in range(len(controls) + 1):
        key(kiosk, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        owner = next((w for w in controls if w is focused or w.isAncestorOf(focused)), focused)
        reached.append(owner)
    assert set(reached) == controls, {w.accessibleName() for w in controls - set(reached)}
    assert reached[-1] is reached[0]  # round again
    key(kiosk, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is reached[-2] or reached[-2].isAncestorOf(QApplication.focusWidget())

    def focus_on(widget: QWidget) -> None:
        for _ in range(len(controls)):
            if QApplication.focusWidget() is widget:
                return
            key(kiosk, Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.accessibleName()}")

    focus_on(kiosk.prev_button)
    key(kiosk, Qt.Key.Key_Return)
    assert kiosk.model.moment.focus.id != "strike-reaches-karaganda"
    key(kiosk, Qt.Key.Key_Right)  # arrows still step through events wherever focus is
    assert kiosk.model.moment.focus.id == "strike-reaches-karaganda"
    focus_on(kiosk.card.chips[0])
    key(kiosk, Qt.Key.Key_Enter)
    assert kiosk.card.details.isVisible()
    focus_on(kiosk.language_bar.buttons["ru"])
    key(kiosk, Qt.Key.Key_Space)
    assert language_service().current == "ru"


def test_keyboard_focus_is_visible(qtbot, kiosk):
    """Each kind of button shows the focus colour in its border once Tab reaches it, and not before;
    the timeline gets the ring; a reset takes focus away."""
    frame = theme.STANDARD.focus_frame.rgb()

    def left_edge(widget: QWidget) -> int:
        image = widget.grab().toImage()
        return image.pixel(2, image.height() // 2)

    buttons = [kiosk.language_bar.buttons["ru"], kiosk.play_button, kiosk.next_button, kiosk.card.chips[0]]
    assert all(left_edge(b) != frame for b in buttons)
    for button in buttons:
        while QApplication.focusWidget() is not button:
            kiosk.move_focus()
        assert left_edge(button) == frame, button.accessibleName()
    while QApplication.focusWidget() is not kiosk.slider:
        kiosk.move_focus()
    ring = kiosk.focus_ring
    assert ring.isVisible() and ring.target is kiosk.slider
    assert ring.geometry().contains(kiosk.slider.geometry().translated(kiosk.slider.parentWidget().mapTo(kiosk, QPoint())))
    kiosk.start_attract()  # the next visitor starts with no focus frame
    assert not ring.isVisible()
    assert QApplication.focusWidget() in (None, kiosk)


def test_a_touch_on_the_map_shows_no_focus_frame(qtbot, kiosk, touch_screen):
    touch(kiosk, touch_screen, kiosk.map_view)
    query_page(qtbot, kiosk.map_view)  # a round trip through the page after the touch
    assert not kiosk.focus_ring.isVisible()


@pytest.mark.fake_map
def test_tab_stays_inside_the_pin_pad(qtbot, make_kiosk):
    kiosk = make_kiosk(pin_hash=base.hash_pin(base.PIN))
    key(kiosk, Qt.Key.Key_K, base.CTRL_ALT_SHIFT)
    pad = [*kiosk.pin_pad.keys.values(), kiosk.pin_pad.cancel_button]
    for _ in range(len(pad) + 2):
        key(kiosk, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in pad
    while QApplication.focusWidget() is not kiosk.pin_pad.cancel_button:
        key(kiosk, Qt.Key.Key_Tab)
    key(kiosk, Qt.Key.Key_Return)
    assert not kiosk.pin_pad.isVisible()


# -- the look -----------------------------------------------------------------------------------------------


def test_high_contrast_and_large_type(qtbot, make_kiosk):
    kiosk = make_kiosk(high_contrast=True, large_type=True)
    assert kiosk.model.look.high_contrast and kiosk.article._look.high_contrast
    assert kiosk.date_label.font().pixelSize() == 50  # 40 px a quarter larger
    assert kiosk.prev_button.font().pixelSize() == round(25 * 1.25)
    assert "#000000" in kiosk.styleSheet() and "#ffffff" in kiosk.styleSheet()
    base.wait_for_page_state(qtbot, kiosk)
    assert ask(qtbot, kiosk.map_view, bridge.appearance()) == '{"hc":true,"large":true}'


def test_the_standard_look_by_default(qtbot, kiosk):
    assert not kiosk.model.look.high_contrast and not kiosk.slider.look.high_contrast
    assert kiosk.date_label.font().pixelSize() == 40
    assert query_page(qtbot, kiosk.map_view)["ready"]


@pytest.mark.fake_map
def test_language_names_are_native_and_never_translated(kiosk):
    for lang in ("ru", "kk", "en"):
        choose(kiosk, lang)
        assert {b.text() for b in kiosk.language_bar.buttons.values()} == set(NATIVE_NAMES.values())


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.fake_map
def test_no_event_card_is_cut_in_large_type(make_kiosk, lang):
    """Every event's card, in every language, in large type, on the tests' small screen (800×600): each
    label gets the height its words need (the words scroll when they must), and the article keeps room."""
    kiosk = make_kiosk(large_type=True, language=lang)
    assert side_width(1920, kiosk.look.large_type) == 768  # at 1920 px the panel widens from 614 to 768 px with large type
    for event in kiosk.timeline.events:
        kiosk.model.go_to_event(event.id)
        for label in (kiosk.card.card_title, kiosk.card.card_summary):
            if label.minimumSizeHint().width() > label.width():
                continue  # one word wider than the panel (this test's screen is 800 px wide): nothing fits it
            assert label.height() >= label.heightForWidth(label.width()), (lang, event.id, label.objectName())
        assert kiosk.article.height() >= 100, (lang, event.id)  # a few lines of the article, even on this small screen
