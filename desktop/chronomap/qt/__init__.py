"""Qt adapters shared by the desk, the kiosk and the export: map view, web engine, language, look, widgets."""

from chronomap.qt.pyside_scan import lean_pyside_imports

lean_pyside_imports()  # before the Qt side's modules (and what they import) pass through PySide6's hook
