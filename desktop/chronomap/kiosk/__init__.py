"""Museum kiosk mode: the explorer fullscreen, touch-first, locked down, self-healing.

``chronomap --kiosk [--config FILE] [--idle-seconds N]`` calls
:func:`chronomap.kiosk.app.run_kiosk`. The pure-Python parts (settings, PIN
hashing, systemd notification, visitor statistics) import no Qt; the shell
window and its helpers do.
"""
