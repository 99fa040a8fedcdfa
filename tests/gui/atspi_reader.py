"""Read an application's accessibility tree through the real AT-SPI registry, as a screen reader does.

Run by the system's ``python3`` (Debian's ``python3-pyatspi``; the project's own interpreter has no
AT-SPI bindings), on the D-Bus session that ``DBUS_SESSION_BUS_ADDRESS`` names, by
``tests/gui/test_accessibility_atspi.py``. It prints one JSON document on stdout and exits 0, or
prints one line on stderr and exits 1. Commands:

``tree PID SECONDS [ROLE NAME]``
    wait until the application with process id PID shows a named window (and a node with that
    role and name, when given), then print every node
    of its tree: role, name, description, label (the names of its labelled-by relations),
    states, actions, whether it lies inside a web document, and its path of child indexes.
``do PID SECONDS ROLE NAME [ACTION]``
    wait for a node with that role and name (or label; ``Prefix*`` matches the beginning), then perform its first action
    (or the one named ACTION, such as ``Press`` or ``Toggle``).
``press PID SECONDS ROLE NAME [ACTION]``
    the same without waiting for the action's reply (for a button that opens a modal dialog).
``changed PID SECONDS ROLE NAME OLD``
    wait until the showing node with that role and name has a description other than OLD; print it.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from gi.repository import GLib

#: Roles that a user operates: each must carry a name a screen reader can say.
STATES = {"showing": pyatspi.STATE_SHOWING, "visible": pyatspi.STATE_VISIBLE, "enabled": pyatspi.STATE_ENABLED,
          "focusable": pyatspi.STATE_FOCUSABLE, "focused": pyatspi.STATE_FOCUSED, "checked": pyatspi.STATE_CHECKED}


def application(pid: int):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application leaving the bus while we ask
            continue
    return None


def node(acc, path: tuple[int, ...], in_document: bool) -> dict:
    states = acc.getState()
    labels = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            labels += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    try:
        action = acc.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        actions = []
    return {"path": list(path), "role": acc.getRoleName(), "name": acc.name or "", "description": acc.description or "",
            "label": " ".join(labels), "states": sorted(k for k, v in STATES.items() if states.contains(v)),
            "actions": actions, "in_document": in_document}


def walk(acc, path: tuple[int, ...] = (), in_document: bool = False, out: list | None = None) -> list[dict]:
    out = [] if out is None else out
    item = node(acc, path, in_document)
    out.append(item)
    inside = in_document or item["role"] == "document web"
    if item["role"] in ("canvas", "image"):
        return out
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            walk(child, (*path, index), inside, out)
    return out


def whole_tree(app) -> list[dict] | None:
    """The tree walked at once, or None when one of its nodes went away while it was walked (the app
    rebuilt a widget meanwhile: "No such object path"); any other error stands."""
    try:
        return walk(app)
    except GLib.GError as exc:
        if "No such object" in str(exc):
            return None
        raise


def find(app, role: str, name: str):
    """The first node with *role* whose name (or label) is *name*: showing, unless it is an item of
    a closed menu (which a screen reader's user reaches by opening it, or activates directly)."""
    def matches(acc) -> bool:
        if acc is None or acc.getRoleName() != role:
            return False
        if role != "menu item" and not acc.getState().contains(pyatspi.STATE_SHOWING):
            return False
        labels = [relation.getTarget(0).name for relation in acc.getRelationSet()
                  if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY]
        names = (acc.name or "", *labels)
        return any(n.startswith(name[:-1]) for n in names) if name.endswith("*") else name in names

    return pyatspi.findDescendant(app, matches)


def press_without_waiting(acc, wanted: str | None) -> bool:
    """Perform an action without waiting for its reply: an action that opens a modal dialog
    (Qt's exec()) answers only once the dialog closes, and AT-SPI would time out meanwhile."""
    from gi.repository import Gio, GLib

    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = names.index(wanted) if wanted else 0
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                                GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000, None).unpack()[0]
    flags = Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
    bus = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
    message = Gio.DBusMessage.new_method_call(acc.app.bus_name, acc.path, "org.a11y.atspi.Action", "DoAction")
    message.set_body(GLib.Variant("(i)", (index,)))
    message.set_flags(Gio.DBusMessageFlags.NO_REPLY_EXPECTED)
    bus.send_message(message, Gio.DBusSendMessageFlags.NONE)
    bus.flush_sync(None)
    return True


def until(seconds: float, what: str, probe):
    deadline = time.monotonic() + seconds
    while True:
        try:
            found = probe()
        except Exception:  # the tree changing under us: ask again
            found = None
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise SystemExit(f"atspi_reader: no {what} within {seconds:g} s")
        time.sleep(0.1)  # polling another process's tree: there is no signal to wait on here


def main(argv: list[str]) -> None:
    command, pid, seconds = argv[0], int(argv[1]), float(argv[2])
    app = until(seconds, f"application with pid {pid} on the accessibility bus", lambda: application(pid))
    if command == "tree":
        if len(argv) > 4:
            until(seconds, f"{argv[3]} {argv[4]!r}", lambda: find(app, argv[3], argv[4]))
        until(seconds, "showing, named window", lambda: next(
            (w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
             if w is not None and w.name and w.getState().contains(pyatspi.STATE_SHOWING)), None))
        result: object = until(seconds, "a whole tree (read again when a node went while it was read)",
                               lambda: whole_tree(app))
    elif command == "do":
        role, name = argv[3], argv[4]
        acc = until(seconds, f"{role} {name!r}", lambda: find(app, role, name))
        action = acc.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        wanted = argv[5] if len(argv) > 5 else names[0]
        if wanted not in names:
            raise SystemExit(f"atspi_reader: {role} {name!r} has actions {names}, not {wanted!r}")
        result = bool(action.doAction(names.index(wanted)))
    elif command == "press":
        role, name = argv[3], argv[4]
        acc = until(seconds, f"{role} {name!r}", lambda: find(app, role, name))
        result = press_without_waiting(acc, argv[5] if len(argv) > 5 else None)
    elif command == "changed":
        role, name, old = argv[3], argv[4], argv[5]
        acc = until(seconds, f"{role} {name!r}", lambda: find(app, role, name))
        result = until(seconds, f"new description of {role} {name!r}",
                       lambda: acc.description if acc.description and acc.description != old else None)
    else:
        raise SystemExit(f"atspi_reader: unknown command {command!r}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
