"""File → Export snapshot…: choose size and furniture; the file name picks PNG or PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


class ExportDialog(QDialog):
    def __init__(self, map_size: tuple[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export snapshot")
        self._map_size = map_size
        form = QFormLayout(self)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName("Size")
        self.preset.addItem(f"Current view ({map_size[0]} × {map_size[1]})", CURRENT_VIEW)
        for preset in PRESETS:
            self.preset.addItem(preset.label, preset.key)
        self.preset.addItem("Custom size…", CUSTOM)
        self.preset.setCurrentIndex(1)
        form.addRow("Size:", self.preset)

        self.width_box, self.height_box = QSpinBox(self), QSpinBox(self)
        for box, name in ((self.width_box, "Width"), (self.height_box, "Height")):
            box.setRange(200, MAX_SIDE)
            box.setSuffix(" px")
            box.setAccessibleName(name)
        self.scale_box = QDoubleSpinBox(self)
        self.scale_box.setRange(0.5, 8)
        self.scale_box.setSingleStep(0.5)
        self.scale_box.setAccessibleName("Scale")
        self.scale_box.setToolTip("Device pixels per layout pixel: larger makes labels finer and relatively smaller")
        custom = QHBoxLayout()
        custom.addWidget(self.width_box)
        custom.addWidget(QLabel("×"))
        custom.addWidget(self.height_box)
        custom.addWidget(QLabel("scale"))
        custom.addWidget(self.scale_box)
        form.addRow("Pixels:", custom)

        self.caption = QCheckBox("Caption (title, date, event)", self)
        self.legend = QCheckBox("Legend", self)
        self.scale_bar = QCheckBox("Scale bar", self)
        self.attribution = QCheckBox("Attribution line", self)
        for box in (self.caption, self.legend, self.scale_bar, self.attribution):
            box.setChecked(True)
            form.addRow("", box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()

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
        options = SnapshotOptions(self.width_box.value(), self.height_box.value(), self.scale_box.value(),
                                  caption=self.caption.isChecked(), legend=self.legend.isChecked(),
                                  scale_bar=self.scale_bar.isChecked(), attribution=self.attribution.isChecked())
        return ExportRequest(options, self.preset.currentData() == CURRENT_VIEW)


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export snapshot", suggested, "PNG image (*.png);;PDF document (*.pdf)")
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() in (".png", ".pdf") else path.with_suffix(".png")
