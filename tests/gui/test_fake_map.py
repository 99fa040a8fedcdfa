"""The fake map view keeps MapView's protocol and its timing (answers on a later turn), without a page."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from chronomap.qt.map_view import MapView
from helpers.fake_map import FakeMapView

pytestmark = pytest.mark.gui

#: On MapView only until kiosk/shell.py calls show_place (see MapView.evaluate); not part of the protocol.
TRANSITIONAL: set[str] = set()


def _protocol(cls: type) -> dict[str, object]:
    return {name: value for name, value in vars(cls).items()
            if not name.startswith("_") and name not in TRANSITIONAL and not hasattr(QWidget, name)}


def test_the_fake_has_every_public_name_of_map_view_of_the_same_kind():
    real, fake = _protocol(MapView), _protocol(FakeMapView)
    assert set(real) <= set(fake), sorted(set(real) - set(fake))
    for name, member in real.items():
        twin = fake[name]
        assert type(twin) is type(member), (name, type(member), type(twin))
        if isinstance(member, Signal):
            assert str(member) == str(twin), name  # same argument types
        elif callable(member):
            assert list(inspect.signature(member).parameters) == list(inspect.signature(twin).parameters), name


def test_states_before_ready_are_coalesced_and_confirmed_once_ready(qtbot, tmp_path):
    view = FakeMapView()
    qtbot.addWidget(view)
    applied: list[int] = []
    view.state_applied.connect(applied.append)
    view.load(tmp_path / "index.html")
    assert not view.is_ready
    view.show_state({"places": {"almaty": {"status": "current"}}})
    last = view.show_state({"places": {"karaganda": {"status": "current"}}})
    with qtbot.waitSignal(view.ready, timeout=1000):
        pass
    qtbot.waitUntil(lambda: applied == [last], timeout=1000)
    assert [s["seq"] for s in view.states] == [1, 2]
    assert view.last_state["places"] == {"karaganda": {"status": "current"}}
    with qtbot.waitSignal(view.state_applied, timeout=1000) as blocker:
        seq = view.show_state({"places": {}})
    assert blocker.args == [seq]


def test_the_fake_refuses_what_the_bridge_refuses(qtbot):
    view = FakeMapView()
    qtbot.addWidget(view)
    with pytest.raises(ValueError):
        view.show_state({"colour": "red"})
    with pytest.raises(TypeError):
        view.show_place(3)  # type: ignore[arg-type]
    assert view.states == [] and view.places_shown == []
