"""The Chromium settings kept for memory (issue 16.5): only the measured ones, merged with what is given.

Measured with tests/benchmarks/bench_memory.py: ``Canvas2DReclaimUnusedResources`` takes the
RSS over the floor after 2,000 changes and a rest from ~+200 MB to ~+134 MB (the base map's
canvases free their spare buffers); V8's ``--optimize-for-size`` takes it right after 10,000 changes
from ~+167 to ~+150 MB. Other memory switches tried made no difference and are not set.
"""

from __future__ import annotations

from chronomap.qt import webengine

FEATURE = "Canvas2DReclaimUnusedResources"
JS = "--js-flags=--optimize-for-size"


def _flags(given: str = "", **env: str) -> list[str]:
    environ = {"QT_QPA_PLATFORM": "xcb", **env}
    if given:
        environ[webengine.FLAGS_VAR] = given
    return webengine.chromium_flags(environ)


def test_the_measured_feature_is_the_only_memory_setting(monkeypatch):
    monkeypatch.setattr(webengine, "_is_root", lambda: False)
    assert webengine.MEMORY_FEATURES == (FEATURE,)
    assert webengine.JS_FLAGS == ("--optimize-for-size",)
    assert _flags() == [f"--enable-features={FEATURE}", JS]
    # nothing else that trades speed or safety for size: no single-process or zygote switches
    assert not any(t.startswith(("--no-zygote", "--single-process", "--renderer-process-limit"))
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
    assert environ[webengine.FLAGS_VAR].split() == ["--disable-gpu", f"--enable-features={FEATURE}", JS]


def test_the_v8_flag_joins_the_last_js_flags_given_once():
    # Chromium reads only the last --js-flags: ours go there, and what was given stays
    flags = _flags("--js-flags=--expose-gc --lang=kk --js-flags=--expose-gc,--max-semi-space-size=2")
    assert flags[:2] == ["--js-flags=--expose-gc", "--lang=kk"]
    assert "--js-flags=--expose-gc,--max-semi-space-size=2,--optimize-for-size" in flags
    assert sum(t.startswith("--js-flags") for t in flags) == 2
    again = _flags(" ".join(flags))
    assert again == flags


def test_a_v8_flag_given_on_or_off_is_left_as_given():
    for given in ("--js-flags=--no-optimize-for-size", "--js-flags=--optimize_for_size", "--js-flags=--no-optimize_for_size,--expose-gc"):
        flags = _flags(given)
        assert [t for t in flags if t.startswith("--js-flags")] == [given], given
