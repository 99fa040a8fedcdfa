"""A card cut at its cap ends in a fade and a rule, so its cut line cannot run into the article's first line.

Seen on Xvfb (session 16): the first event's card, capped at 35% of the panel, was cut mid-line right
against the article, whose own first line was cut at its top; the glyph fragments of both read as one
garbled line ("miners. In the end…" with the card's next line showing through)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor

from chronomap.qt import theme
from chronomap.session import Look

pytestmark = [pytest.mark.gui, pytest.mark.fake_map]


def _edge(window):
    from PySide6.QtWidgets import QFrame

    return window.findChild(QFrame, "cardEdge")


def _resize(qtbot, window, width: int, height: int) -> None:
    """The window at this size, and the side panel laid out for it (the card area's cap is the new panel's)."""
    window.resize(width, height)
    area = window.card_area
    qtbot.waitUntil(lambda: window.size() == QSize(width, height) and area.height() == min(area.content_height(), area.cap()))


def _show_until(qtbot, window, wanted) -> None:
    """Step through the story until the card area is *wanted* (cut or whole)."""
    for _ in range(len(window.timeline.events) + 1):
        if window.card_area.capped == wanted:
            return
        with qtbot.waitSignal(window.presenter.shown, timeout=5000):
            if not window.model.next_event():
                window.model.set_day(window.timeline.events[0].span.start)
    raise AssertionError(f"no card with capped={wanted} in the story at this size")


def _close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


@pytest.mark.parametrize("look", [Look(), Look(high_contrast=True, large_type=True)], ids=["standard", "high-contrast-large"])
def test_a_cut_card_fades_out_over_a_rule_and_a_whole_one_has_neither(qtbot, window, look):
    window.model.set_look(look)
    _resize(qtbot, window, 1000, 640)  # a small window: the long cards are cut at the cap
    area, edge, paper = window.card_area, _edge(window), theme.colours(window.model.look).paper
    _show_until(qtbot, window, True)
    qtbot.waitUntil(lambda: edge.isVisible() and area.fade.isVisible())
    port = area.viewport().geometry()
    # the rule lies right under the area, in the panel's layout, and the article below it
    assert edge.geometry().top() == area.geometry().bottom() + 1 and edge.height() >= 1
    assert window.article.geometry().top() > edge.geometry().bottom()
    # the fade covers the viewport's last line, at the viewport's width
    assert area.fade.geometry().bottom() == port.bottom() and area.fade.width() == port.width()
    assert area.fade.height() == min(window.card.fontMetrics().lineSpacing(), port.height() // 3)
    # pixels: the viewport's last row is the paper alone (no glyph cut there shows), the rule in the track colour
    picture = area.grab().toImage()
    row = port.bottom()
    assert all(_close(picture.pixelColor(x, row), paper) for x in range(port.left() + 2, port.right() - 2)), \
        "a glyph shows through the fade on the viewport's last row"
    rule = window.grab().toImage().pixelColor(edge.mapTo(window, QPoint(edge.width() // 2, 0)))
    assert _close(rule, theme.colours(window.model.look).track)
    # wheel and touch reach the card through the fade
    assert window.childAt(area.fade.mapTo(window, area.fade.rect().center())) is not area.fade
    # scrolled to its end the card is whole on screen: no fade; the rule stays while it is cut
    bar = area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not area.fade.isVisible() and edge.isVisible()
    bar.setValue(0)
    assert area.fade.isVisible()
    _resize(qtbot, window, 1440, 1000)  # (in large type every card is cut at 1000 x 640)
    _show_until(qtbot, window, False)
    assert not edge.isVisible() and not area.fade.isVisible()
