"""The Chromium settings kept for memory (issue 16.5): only the measured one, merged with what is given.

Measured with tests/benchmarks/bench_memory.py: ``Canvas2DReclaimUnusedResources`` takes the
RSS over the floor after 2,000 changes and a rest from ~+200 MB to ~+134 MB (the base map's
canvases free their spare buffers). Other memory switches tried made no difference and are not set.
"""

from __future__ import annotations

from chronomap.qt import webengine

FEATURE = "Canvas2DReclaimUnusedResources"


def _flags(given: str = "", **env: str) -> list[str]:
    environ = {"QT_QPA_PLATFORM": "xcb", **env}
    if given:
        environ[webengine.FLAGS_VAR] = given
    return webengine.chromium_flags(environ)


def test_the_measured_feature_is_the_only_memory_setting(monkeypatch):
    monkeypatch.setattr(webengine, "_is_root", lambda: False)
    assert webengine.MEMORY_FEATURES == (FEATURE,)
    assert _flags() == [f"--enable-features={FEATURE}"]
    # nothing else that trades speed or safety for size: no V8 heap flags, no single-process or zygote switches
    assert not any(t.startswith(("--js-flags", "--no-zygote", "--single-process", "--renderer-process-limit"))
                   for t in _flags())


def test_the_feature_joins_the_features_given_once():
    flags = _flags("--enable-features=Foo,Bar --lang=kk")
    assert f"--enable-features=Foo,Bar,{FEATURE}" in flags
    assert sum(t.startswith("--enable-features") for t in flags) == 1
    again = _flags(" ".join(flags))
    assert again.count(f"--enable-features=Foo,Bar,{FEATURE}") == 1
    assert sum(t.startswith("--enable-features") for t in again) == 1


def test_a_feature_switched_off_stays_off():
    flags = _flags(f"--disable-features={FEATURE}")
    assert not any(t.startswith("--enable-features") for t in flags)


def test_configure_puts_it_in_the_environment(monkeypatch):
    monkeypatch.setattr(webengine, "_is_root", lambda: False)
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    webengine.configure_webengine(environ)
    webengine.configure_webengine(environ)  # idempotent
    assert environ[webengine.FLAGS_VAR].split() == ["--disable-gpu", f"--enable-features={FEATURE}"]
