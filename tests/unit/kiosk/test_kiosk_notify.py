"""systemd notification written by hand: a datagram on NOTIFY_SOCKET (no Qt)."""

from __future__ import annotations

import logging
import os
import socket
import uuid

import pytest

from chronomap.kiosk.notify import sd_notify, watchdog_interval_ms


@pytest.fixture
def notify_socket(tmp_path):
    path = tmp_path / "n.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(5)
    yield str(path), sock
    sock.close()


def test_sends_the_message_as_one_datagram(notify_socket):
    path, sock = notify_socket
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": path}) is True
    assert sock.recv(4096) == b"READY=1"
    assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": path})
    assert sock.recv(4096) == b"WATCHDOG=1"


def test_abstract_namespace_socket():
    name = f"chronomap-test-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    sock.settimeout(5)
    try:
        assert sd_notify("READY=1\nSTATUS=up", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(4096) == b"READY=1\nSTATUS=up"
    finally:
        sock.close()


def test_outside_systemd_it_does_nothing():
    assert sd_notify("READY=1", {}) is False
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": ""}) is False
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": "vsock:2:1234"}) is False


def test_an_unreachable_socket_is_logged_not_raised(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="chronomap.kiosk"):
        assert sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone.sock")}) is False
    assert "sd_notify 'READY=1' failed" in caplog.text


def test_watchdog_interval_is_half_the_period():
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15_000
    # under cage the main process is the compositor, the kiosk's parent
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getppid())}) == 15_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "999999999"}) is None
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "soon"}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "0"}) is None
