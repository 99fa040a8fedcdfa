"""The Review tab on a draft of the built-in article: its dated statements walked one by one, and the article's marks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest

from chronomap.authoring.place_search import PlaceSearch
from chronomap.qt.article_panel import REVIEW_STATUS
from chronomap.session import Look
from chronomap.story.loader import load_exhibit

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]

ARTICLE = Path(__file__).parents[2] / "data" / "perestroika-kazakhstan" / "article.txt"


@pytest.fixture(scope="module")
def drafted_once(tmp_path_factory):
    from chronomap.authoring.draft import draft_exhibit

    folder = tmp_path_factory.mktemp("drafted") / "draft"
    draft_exhibit(ARTICLE, folder)
    return folder


@pytest.fixture(autouse=True)
def discard(monkeypatch):
    monkeypatch.setattr("chronomap.desk.studio.ask_unsaved_choice", lambda *a, **k: "discard")


@pytest.fixture
def reviewing(qtbot, make_window, drafted_once, tmp_path, monkeypatch):
    """A window on a copy of the draft with the editor open at Review → Dated statements."""
    from chronomap.desk.studio import open_studio

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "draft"
    shutil.copytree(drafted_once, folder)
    window = make_window(load_exhibit(folder))
    dock = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False))
    panel = dock.panel
    panel.show_tab(panel.review)
    panel.review.kinds.setCurrentWidget(panel.review.dates)
    dates = panel.review.dates
    qtbot.waitUntil(lambda: dates.events.topLevelItemCount() == 15, timeout=5000)
    return window, dock, panel, dates, folder


def _select(dates, event_id):
    dates.select(event_id)
    assert dates.event_id() == event_id


def test_each_event_shows_its_sentence_with_the_dates_words_and_accept_walks_on(qtbot, reviewing):
    window, _dock, panel, dates, _folder = reviewing
    assert dates.progress.text() == "15 of 15 events left to check"
    assert panel.review.kinds.tabText(1) == "Dated statements (15 of 15 left)"
    _select(dates, "the-kazakh-ssr-officially-changed")
    assert "<b>December 10</b>" in dates.sentence.text()
    assert dates.sentence.text().startswith("Following the failed coup attempt in Moscow")
    assert dates.date.text() == "1991-12-10" and dates.date.labels["en"].text() == "10 December 1991"
    qtbot.waitUntil(lambda: window.model.moment.focus is not None
                    and window.model.moment.focus.id == "the-kazakh-ssr-officially-changed", timeout=3000)
    dates.accept_button.click()
    assert dates.progress.text() == "14 of 15 events left to check"
    assert dates.event_id() == "kazakhstan-declared-its-independence"  # the next one left, in time order
    row = dates._item("the-kazakh-ssr-officially-changed")
    assert row.text(2) == "accepted"
    panel.undo()
    qtbot.waitUntil(lambda: dates.progress.text() == "15 of 15 events left to check", timeout=3000)


def test_enter_on_an_event_accepts_it(qtbot, reviewing):
    _window, _dock, _panel, dates, _folder = reviewing
    _select(dates, "nursultan-nazarbayev-was-chosen")
    dates.events.setFocus()
    QTest.keyClick(dates.events, Qt.Key.Key_Return)
    assert dates.progress.text() == "14 of 15 events left to check"


def test_a_refused_date_is_refused_at_the_field_and_a_good_one_fixes_the_event(qtbot, reviewing):
    _window, _dock, panel, dates, folder = reviewing
    _select(dates, "a-miners-strike-that-began")
    dates.date.edit.clear()
    QTest.keyClicks(dates.date.edit, "1989-02-30")
    assert "February 1989 has 28 days" in dates.date.problem()
    assert not dates.fix_button.isEnabled()
    QTest.keyClick(dates.date.edit, Qt.Key.Key_Return)
    assert not panel.editor.can_undo() and dates.progress.text() == "15 of 15 events left to check"
    dates.date.edit.clear()
    QTest.keyClicks(dates.date.edit, "1989-07")
    assert dates.fix_button.isEnabled() and dates.date.problem() == ""
    dates.fix_button.click()
    assert panel.editor.event("a-miners-strike-that-began")["date"] == "1989-07"
    assert dates.progress.text() == "14 of 15 events left to check"
    assert panel.save()
    assert load_exhibit(folder).event("a-miners-strike-that-began").span.edtf == "1989-07"


def test_merge_into_the_event_chosen_and_drop(qtbot, reviewing):
    _window, _dock, panel, dates, _folder = reviewing
    _select(dates, "the-december-events-in-kazakhstan-marked")
    targets = [dates.merge_target.itemData(i) for i in range(dates.merge_target.count())]
    assert "known-as-the-december-events" in targets
    dates.merge_target.setCurrentIndex(targets.index("known-as-the-december-events"))
    dates.merge_button.click()
    assert dates.events.topLevelItemCount() == 14 and dates.progress.text() == "14 of 14 events left to check"
    assert panel.editor.event("known-as-the-december-events")["passages"][-1] == "the-december-events.p2"
    _select(dates, "perestroika-in-kazakhstan-were-the-set")
    dates.drop_button.click()
    assert dates.events.topLevelItemCount() == 13 and "perestroika-in-kazakhstan-were-the-set" not in dates.reviews
    # the editor's own list of events follows (seen on a real X server: a dropped event stayed listed)
    listed = [panel.events.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.events.count())]
    assert listed == panel.editor.event_ids() and len(listed) == 13


def test_a_refused_drop_is_said_and_changes_nothing(qtbot, reviewing):
    _window, _dock, panel, dates, _folder = reviewing
    _select(dates, "kazakhstan-declared-its-independence")
    dates.drop_button.click()
    assert "given relative to it" in panel.status.text()
    assert dates.events.topLevelItemCount() == 15


def test_every_control_of_the_event_review_has_an_accessible_name(qtbot, reviewing):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit

    _window, _dock, panel, dates, _folder = reviewing
    unnamed = [w for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QLabel)
               for w in dates.findChildren(kind)
               if w.isVisibleTo(panel) and not w.accessibleName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
               and not isinstance(w.parent(), (QComboBox, QAbstractItemView))]
    assert unnamed == []


def test_the_event_review_speaks_the_interface_language(qtbot, reviewing):
    window, _dock, panel, dates, _folder = reviewing
    window.model.set_language("ru")
    qtbot.waitUntil(lambda: dates.accept_button.text() == "Принять", timeout=3000)
    assert panel.review.kinds.tabText(1) == "Даты (осталось 15 из 15)"
    assert dates.progress.text() == "Осталось проверить событий: 15 из 15"
    window.model.set_language("kk")
    qtbot.waitUntil(lambda: dates.accept_button.text() == "Қабылдау", timeout=3000)
    window.model.set_language("en")
    qtbot.waitUntil(lambda: dates.accept_button.text() == "Accept", timeout=3000)


# -- the article's marks ---------------------------------------------------------------------


def marks_in(article) -> list[tuple[str, str, QTextCharFormat.UnderlineStyle]]:
    """(text, status, underline) of every review mark, read from the article widget's own document."""
    out = []
    block = article.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(REVIEW_STATUS):
                out.append((fragment.text(), fmt.property(REVIEW_STATUS), fmt.underlineStyle()))
            it += 1
        block = block.next()
    return out


def test_place_names_are_marked_with_their_status_and_a_click_selects_the_place(qtbot, reviewing):
    window, dock, panel, _dates, _folder = reviewing
    review = panel.review
    marks = marks_in(window.article)
    styles = QTextCharFormat.UnderlineStyle
    assert ("Almaty", "guessed", styles.DashUnderline) in marks
    assert ("Donbas", "unresolved", styles.WaveUnderline) in marks and ("Kuzbass", "unresolved", styles.WaveUnderline) in marks
    assert {status for _t, status, _s in marks} == {"guessed", "unresolved"}
    assert "solid when confirmed, dashed when guessed, wavy" in window.article.accessibleDescription()
    # a click on a mark selects that place in the review
    number = next(i for i, m in enumerate(window.article.review_marks()) if m.name == "Almaty")
    window.article.anchorClicked.emit(QUrl(f"review:{number}"))
    assert review.kinds.currentWidget() is review.places_page and review.place_id() == "almaty"
    before = window.article
    review.confirm_button.click()
    # a moved or confirmed place draws the page again: the window builds a new article panel, marked too
    qtbot.waitUntil(lambda: window.article is not before, timeout=5000)
    qtbot.waitUntil(lambda: ("Almaty", "confirmed", styles.SingleUnderline) in marks_in(window.article), timeout=3000)
    assert ("Karaganda", "guessed", styles.DashUnderline) in marks_in(window.article)
    number = next(i for i, m in enumerate(window.article.review_marks()) if m.name == "Karaganda")
    window.article.anchorClicked.emit(QUrl(f"review:{number}"))
    assert review.place_id() == "karaganda"
    # an unresolved name is looked up in the Places tab
    number = next(i for i, m in enumerate(window.article.review_marks()) if m.name == "Donbas")
    window.article.anchorClicked.emit(QUrl(f"review:{number}"))
    assert panel.tabs.currentWidget().widget() is panel.places and panel.places.query.text() == "Donbas"
    # visitors never see the marks: edit mode over, the article has none
    dock.end(reopen=False)
    assert window.article.review_marks() is None and marks_in(window.article) == []
    assert "guessed" not in window.article.accessibleDescription()


def test_marks_differ_without_colour_in_high_contrast(qtbot, reviewing):
    window, _dock, _panel, _dates, _folder = reviewing
    window.model.set_look(Look(high_contrast=True))
    qtbot.waitUntil(lambda: window.article._look.high_contrast, timeout=3000)
    fmts = {}
    block = window.article.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.hasProperty(REVIEW_STATUS):
                fmts[fmt.property(REVIEW_STATUS)] = (fmt.underlineStyle(), fmt.underlineColor().name())
            it += 1
        block = block.next()
    assert fmts["guessed"][1] == fmts["unresolved"][1] == "#000000"  # one colour: the shape tells them apart
    assert fmts["guessed"][0] != fmts["unresolved"][0]


def test_search_looks_the_place_up_in_the_places_tab(qtbot, reviewing):
    _window, _dock, panel, _dates, _folder = reviewing
    review = panel.review
    review.kinds.setCurrentWidget(review.places_page)
    qtbot.waitUntil(lambda: review.places.topLevelItemCount() == 4, timeout=5000)
    row = next(i for i in range(4) if review.places.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "karaganda")
    review.places.setCurrentItem(review.places.topLevelItem(row))
    review.search_button.click()
    assert panel.tabs.currentWidget().widget() is panel.places and panel.places.query.text() == "Karaganda"
    assert panel.places.candidates.topLevelItemCount() >= 1


def test_the_dated_statements_page_says_what_is_left_before_it_is_opened(qtbot, make_window, drafted_once, tmp_path,
                                                                         monkeypatch):
    """Found on a real X server: the page's title read '0 of 0 left' until the page was opened."""
    from chronomap.desk.studio import open_studio

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "draft"
    shutil.copytree(drafted_once, folder)
    window = make_window(load_exhibit(folder))
    panel = open_studio(window, search=lambda: PlaceSearch.for_exhibit(folder, use_geonames=False)).panel
    panel.show_tab(panel.review)
    review = panel.review
    qtbot.waitUntil(lambda: review.places.topLevelItemCount() == 4, timeout=5000)
    assert review.kinds.currentWidget() is review.places_page
    assert review.kinds.tabText(1) == "Dated statements (15 of 15 left)"
    panel.show_tab(panel.places)
    from chronomap.authoring.review_events import accept

    accept(panel.editor, "nursultan-nazarbayev-was-chosen")  # an edit while the page is hidden
    assert review.kinds.tabText(1) == "Dated statements (14 of 15 left)"


def test_the_article_draws_every_status_the_review_gives_and_visitors_load_no_authoring():
    import subprocess
    import sys

    from chronomap.authoring.review_marks import STATUSES
    from chronomap.qt.article_panel import REVIEW_UNDERLINES

    assert set(REVIEW_UNDERLINES) == set(STATUSES)
    loaded = subprocess.run([sys.executable, "-c", "import sys, chronomap.qt.article_panel, chronomap.kiosk.shell; "
                             "print(any(m.startswith('chronomap.authoring') for m in sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "False"
