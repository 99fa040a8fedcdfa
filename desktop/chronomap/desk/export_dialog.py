"""File → Export snapshot…: choose size and furniture; the file name picks PNG or PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from chronomap.export.options import MAX_SIDE, PRESETS, SnapshotOptions

CURRENT_VIEW = "current"
CUSTOM = "custom"


@dataclass(frozen=True)
class ExportRequest:
    options: SnapshotOptions
    current_view: bool  # keep the explorer's own centre and zoom


#: Where the dialog's size and position are kept between openings (and sessions).
GEOMETRY_KEY = "export_dialog/geometry"


class ExportDialog(QDialog):
    """*settings* keeps the dialog's geometry: a curator who widened it finds it so the next time."""

    def __init__(self, map_size: tuple[int, int], parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._settings = settings
        self.setWindowTitle(self.tr("Export snapshot"))
        self._map_size = map_size
        form = QFormLayout(self)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(self.tr("Size"))
        self.preset.setAccessibleDescription(self.tr("The size of the picture: the current view, a screen, a printed page, or your own"))
        self.preset.addItem(self.tr("Current view ({width} × {height})").format(width=map_size[0], height=map_size[1]), CURRENT_VIEW)
        labels = {"hd": self.tr("1920 × 1080 (slides, screens)"), "4k": self.tr("3840 × 2160 (large screens)"),
                  "a4": self.tr("A4 landscape, 300 dpi (3508 × 2480)"), "a3": self.tr("A3 landscape, 300 dpi (4961 × 3508)")}
        for preset in PRESETS:
            self.preset.addItem(labels.get(preset.key, preset.label), preset.key)
        self.preset.addItem(self.tr("Custom size…"), CUSTOM)
        self.preset.setCurrentIndex(1)
        form.addRow(self.tr("Size:"), self.preset)

        self.width_box, self.height_box = QSpinBox(self), QSpinBox(self)
        for box, name, description in (
                (self.width_box, self.tr("Width"), self.tr("Width of the picture in layout pixels")),
                (self.height_box, self.tr("Height"), self.tr("Height of the picture in layout pixels"))):
            box.setRange(200, MAX_SIDE)
            box.setSuffix(" " + self.tr("px"))
            box.setAccessibleName(name)
            box.setAccessibleDescription(description)
        self.scale_box = QDoubleSpinBox(self)
        self.scale_box.setRange(0.5, 8)
        self.scale_box.setSingleStep(0.5)
        self.scale_box.setDecimals(3)  # the paper presets' 300/96 = 3.125
        self.scale_box.setAccessibleName(self.tr("Scale"))
        scale_help = self.tr("Device pixels per layout pixel: larger makes labels finer and relatively smaller")
        self.scale_box.setAccessibleDescription(scale_help)
        self.scale_box.setToolTip(scale_help)
        custom = QHBoxLayout()
        custom.addWidget(self.width_box)
        custom.addWidget(QLabel("×"))
        custom.addWidget(self.height_box)
        custom.addWidget(QLabel(self.tr("scale")))
        custom.addWidget(self.scale_box)
        form.addRow(self.tr("Pixels:"), custom)

        self.caption = QCheckBox(self.tr("Caption (title, date, event)"), self)
        self.legend = QCheckBox(self.tr("Legend"), self)
        self.scale_bar = QCheckBox(self.tr("Scale bar"), self)
        self.attribution = QCheckBox(self.tr("Attribution line"), self)
        for check, description in ((self.caption, self.tr("Print the exhibit title, the date and the event over the map")),
                                   (self.legend, self.tr("Print the legend of colours and lines")),
                                   (self.scale_bar, self.tr("Print a scale bar in kilometres")),
                                   (self.attribution, self.tr("Print the sources of the map data"))):
            check.setChecked(True)
            check.setAccessibleName(check.text())
            check.setAccessibleDescription(description)
            form.addRow("", check)
        self.media = QCheckBox(self.tr("Picture beside the map (caption and credit)"), self)
        self.media.setAccessibleName(self.media.text())
        media_help = self.tr("Lay the map beside the event's first picture with its caption and credit; "
                             "an event without a picture is exported as the plain map")
        self.media.setAccessibleDescription(media_help)
        self.media.setToolTip(media_help)
        form.addRow("", self.media)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        geometry = settings.value(GEOMETRY_KEY) if settings is not None else None
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def done(self, result: int) -> None:
        """Save, Cancel, Escape or the window's close button: the geometry is remembered each way."""
        if self._settings is not None:
            self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        custom = key == CUSTOM
        for box in (self.width_box, self.height_box, self.scale_box):
            box.setEnabled(custom)
        if key == CURRENT_VIEW:
            width, height, scale = *self._map_size, 1.0
        elif custom:
            return
        else:
            preset = next(p for p in PRESETS if p.key == key)
            width, height, scale = preset.width, preset.height, preset.scale
        self.width_box.setValue(width)
        self.height_box.setValue(height)
        self.scale_box.setValue(scale)

    def request(self) -> ExportRequest:
        preset = next((p for p in PRESETS if p.key == self.preset.currentData()), None)
        options = SnapshotOptions(self.width_box.value(), self.height_box.value(), self.scale_box.value(),
                                  caption=self.caption.isChecked(), legend=self.legend.isChecked(),
                                  scale_bar=self.scale_bar.isChecked(), attribution=self.attribution.isChecked(),
                                  dpi=preset.dpi if preset is not None else None, media=self.media.isChecked())
        return ExportRequest(options, self.preset.currentData() == CURRENT_VIEW)


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    title = QCoreApplication.translate("ExportDialog", "Export snapshot")
    filters = (QCoreApplication.translate("ExportDialog", "PNG image") + " (*.png);;"
               + QCoreApplication.translate("ExportDialog", "PDF document") + " (*.pdf)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() in (".png", ".pdf") else path.with_suffix(".png")
