"""Qt adapters shared by the desk, the kiosk and the export: map view, web engine, language, look, widgets."""
