"""The desk window's side panel: the current event's card over its media, the article below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from chronomap.desk.fit import CappedScrollArea

if TYPE_CHECKING:
    from chronomap.desk.card import DeskCard
    from chronomap.qt.article_panel import ArticlePanel


def build_side_panel(parent: QWidget, card: DeskCard, article: ArticlePanel) -> tuple[QWidget, CappedScrollArea]:
    """The panel beside the map and the scroll area that holds the card in it."""
    side = QWidget(parent)
    side.setObjectName("sidePanel")
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    # The card at full height up to 35% of the panel, scrolling beyond: a long card in large
    # Russian type left four lines of article.
    card_area = CappedScrollArea(card, side, share=0.35)
    card_area.setObjectName("cardArea")
    layout.addWidget(card_area)
    # a rule under the card while it is cut (the card's own rule is then scrolled away with its end)
    edge = QFrame(side)
    edge.setObjectName("cardEdge")
    edge.hide()
    card_area.capped_changed.connect(edge.setVisible)
    layout.addWidget(edge)
    layout.addWidget(card.media)  # the event's pictures and recordings, under the card
    layout.addWidget(article, 1)
    return side, card_area
