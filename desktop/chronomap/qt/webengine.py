"""Qt WebEngine set-up that must happen before the QApplication exists.

Call :func:`configure_webengine` first thing, before creating the
QApplication (it is idempotent and cheap). It

* adds ``--no-sandbox`` when running as root (Chromium refuses to start its
  sandbox as root) or when ``CHRONOMAP_NO_SANDBOX`` / ``QTWEBENGINE_DISABLE_SANDBOX``
  asks for it,
* adds ``--disable-gpu`` on the ``offscreen`` platform,
* enables the Chromium features of :data:`MEMORY_FEATURES` (merged into any
  ``--enable-features`` given; one named in ``--disable-features`` stays off),
* strips remote-debugging and dev-tools flags and unsets
  ``QTWEBENGINE_REMOTE_DEBUGGING`` (a kiosk must not expose a debugger port),
* sets ``Qt.AA_ShareOpenGLContexts`` while that is still allowed.

Flags go through ``QTWEBENGINE_CHROMIUM_FLAGS``, appended to what is there.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger("chronomap.ui")

FLAGS_VAR = "QTWEBENGINE_CHROMIUM_FLAGS"
REMOTE_DEBUGGING_VAR = "QTWEBENGINE_REMOTE_DEBUGGING"
NO_SANDBOX_VARS = ("CHRONOMAP_NO_SANDBOX", "QTWEBENGINE_DISABLE_SANDBOX")

#: Flags removed from QTWEBENGINE_CHROMIUM_FLAGS (with their values).
FORBIDDEN_FLAGS = (
    "--remote-debugging-port",
    "--remote-debugging-pipe",
    "--remote-debugging-address",
    "--remote-allow-origins",
    "--auto-open-devtools-for-tabs",
)

_TRUE = {"1", "true", "yes", "on"}

#: Chromium features that keep the render process lighter, each measured with
#: tests/benchmarks/bench_memory.py (issue 16.5). ``Canvas2DReclaimUnusedResources``: a canvas's
#: spare buffers are freed 5 s after their last use. Redrawn frame after frame (a run of changes, a
#: glide), each of the base map's two canvases otherwise keeps four view-sized shared-memory buffers
#: (~4.7 MB each, resident in the render process and again in the app, whose compositor reads them)
#: for good: ~60 MB of RSS after 2,000 changes, ~0 with the feature once the map has rested.
MEMORY_FEATURES = ("Canvas2DReclaimUnusedResources",)
#: Measured and not set: V8's ``--js-flags=--optimize-for-size``. At 10,000 changes it takes the summed RSS
#: over the floor right after the changes from ~+166..+184 MB to +141..+154 (nine runs in two sessions), with
#: bench_explorer's figures unchanged. But three of the four full parallel test runs with it that were checked
#: (both clean-clone CI runs, one of two local ones) had an export whose page never loaded (60 s); without it, one
#: of three (one local, two CI) did, and 760 export starts from a shell (4 to 8 at once, with it and without) had
#: none. The cause is not known.


def _flag_name(token: str) -> str:
    return token.split("=", 1)[0]


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def _sandbox_disabled_by_env(environ) -> bool:
    return any(environ.get(name, "").strip().lower() in _TRUE for name in NO_SANDBOX_VARS)


def _is_offscreen(environ) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "")
    return platform.split(":", 1)[0].strip().lower() == "offscreen"


def chromium_flags(environ=None) -> list[str]:
    """The flag list :func:`configure_webengine` would leave in *environ*."""
    environ = os.environ if environ is None else environ
    tokens = environ.get(FLAGS_VAR, "").split()
    kept: list[str] = []
    skip_value = False
    for token in tokens:
        if skip_value:
            skip_value = False
            if not token.startswith("-"):
                continue  # the value of a stripped "--flag value"
        name = _flag_name(token)
        if name in FORBIDDEN_FLAGS:
            skip_value = "=" not in token
            continue
        kept.append(token)
    names = {_flag_name(t) for t in kept}
    if (_is_root() or _sandbox_disabled_by_env(environ)) and "--no-sandbox" not in names:
        kept.append("--no-sandbox")
    if _is_offscreen(environ) and "--disable-gpu" not in names:
        kept.append("--disable-gpu")
    return _with_features(kept, MEMORY_FEATURES)


def _feature_list(token: str) -> list[str]:
    return [name for name in token.split("=", 1)[1].split(",") if name] if "=" in token else []


def _with_features(flags: list[str], features: tuple[str, ...]) -> list[str]:
    """*flags* with *features* in their (last) ``--enable-features``, unless ``--disable-features`` names them."""
    disabled = {name for t in flags if _flag_name(t) == "--disable-features" for name in _feature_list(t)}
    at = [i for i, t in enumerate(flags) if _flag_name(t) == "--enable-features"]
    enabled = _feature_list(flags[at[-1]]) if at else []
    wanted = [name for name in features if name not in disabled and name not in enabled]
    if not wanted:
        return flags
    merged = "--enable-features=" + ",".join(enabled + wanted)
    if at:
        return [merged if i == at[-1] else t for i, t in enumerate(flags)]
    return [*flags, merged]


def configure_webengine(environ=None, *, announce: bool = True) -> list[str]:
    """Prepare the environment for Qt WebEngine; see the module docstring.

    Returns the notes on what it added (the sandbox, the GPU), logged at once unless *announce* is
    false: a command that may still refuse its input logs them after that check, so a refusal is the
    only line it prints."""
    environ = os.environ if environ is None else environ
    notes: list[str] = []
    before = environ.get(FLAGS_VAR, "").split()
    after = chromium_flags(environ)

    removed = [t for t in before if t not in after]
    if removed:
        log.warning("removed WebEngine flags %s (remote debugging is not allowed)", " ".join(removed))
    added = [t for t in after if t not in before]
    if "--no-sandbox" in added:
        why = "running as root" if _is_root() else "asked by the environment"
        notes.append(f"Chromium sandbox disabled (--no-sandbox): {why}")
    if "--disable-gpu" in added:
        notes.append("offscreen platform: WebEngine GPU disabled (--disable-gpu)")
    if announce:
        for note in notes:
            log.info("%s", note)
    if after != before:
        if after:
            environ[FLAGS_VAR] = " ".join(after)
        else:
            environ.pop(FLAGS_VAR, None)

    if environ.pop(REMOTE_DEBUGGING_VAR, None) is not None:
        log.warning("unset %s (remote debugging is not allowed)", REMOTE_DEBUGGING_VAR)

    if environ is os.environ:
        _share_gl_contexts()
    return notes


def _share_gl_contexts() -> None:
    from PySide6.QtCore import QCoreApplication, Qt

    if QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts):
        return
    if QCoreApplication.instance() is not None:
        log.debug("QApplication exists already; AA_ShareOpenGLContexts left as it is")
        return
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)
