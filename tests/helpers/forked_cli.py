"""The command line, many times, at the cost of one Python start-up: a fork server.

Tests that run ``python -m chronomap …`` for dozens of inputs spend most of their time starting
Python and importing the same modules. :class:`ForkedCli` starts one real subprocess (this file
run as a script) that imports the command line once, then forks a fresh child per run: the child
sets the run's environment, points its file descriptors 0/1/2 at ``/dev/null`` and two files,
and runs the ``chronomap`` package's ``__main__`` as ``python -m chronomap`` does. Each run is its
own process with its own exit status, stdout and stderr; nothing Qt is imported before the fork.

Tests that use it still run each command at least once through a plain ``python -m chronomap``
and compare the two (tests/e2e/test_bad_corpus_commands.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

#: What the server imports once before forking: the command line and the exhibit loader every
#: command reaches, and shapely, which geometry checks import (no Qt: a fork after Qt has started threads is not safe).
PRELOAD = ("chronomap.cli", "chronomap.story.loader", "chronomap.story.timeline", "chronomap.export.cli", "shapely")


class ForkedCli:
    """One server process; :meth:`run` is ``subprocess.run([python, '-m', 'chronomap', *args])`` in a fork."""

    def __init__(self, env: Mapping[str, str] | None = None):
        self._folder = tempfile.TemporaryDirectory(prefix="chronomap-forked-cli-")
        self._count = 0
        self._server = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=dict(os.environ if env is None else env))
        assert self._server.stdout is not None
        hello = self._server.stdout.readline()
        if hello.strip() != "ready":
            self.close()
            raise RuntimeError(f"the fork server did not start: {hello!r}")

    def run(self, args: Sequence[str], env: Mapping[str, str], timeout: float = 90) -> subprocess.CompletedProcess[str]:
        """Run ``chronomap *args`` with *env* in a child of the server; its status, stdout and stderr."""
        assert self._server.stdin is not None and self._server.stdout is not None
        self._count += 1
        out = Path(self._folder.name) / f"{self._count}.out"
        err = Path(self._folder.name) / f"{self._count}.err"
        request = {"args": list(args), "env": dict(env), "cwd": os.getcwd(), "out": str(out), "err": str(err), "timeout": timeout}
        self._server.stdin.write(json.dumps(request) + "\n")
        self._server.stdin.flush()
        answer = self._server.stdout.readline()
        if not answer:
            raise RuntimeError("the fork server ended")
        status = json.loads(answer)["status"]
        if status is None:
            raise subprocess.TimeoutExpired(["chronomap", *args], timeout)
        result = subprocess.CompletedProcess(["chronomap", *args], status, out.read_text(encoding="utf-8", errors="replace"),
                                             err.read_text(encoding="utf-8", errors="replace"))
        out.unlink()
        err.unlink()
        return result

    def close(self) -> None:
        if self._server.stdin is not None:
            self._server.stdin.close()
        try:
            self._server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._server.kill()
            self._server.wait()
        if self._server.stdout is not None:
            self._server.stdout.close()
        self._folder.cleanup()


# -- the server side (this file run as a script) ------------------------------------------------------


def _child(request: dict) -> None:
    """In the forked child: become ``python -m chronomap ARGS`` and never return."""
    import atexit
    import runpy

    status = 1
    try:
        os.chdir(request["cwd"])
        sys.path[0] = request["cwd"]  # as ``-m`` puts it
        os.environ.clear()
        os.environ.update(request["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        for fd, target in ((null, 0), (out, 1), (err, 2)):
            os.dup2(fd, target)  # sys.stdin/stdout/stderr (empty, flushed before the fork) now use these
            os.close(fd)
        sys.argv = ["chronomap", *request["args"]]
        try:
            runpy.run_module("chronomap", run_name="__main__", alter_sys=True)
            status = 0
        except SystemExit as done:  # what the interpreter does with it
            code = done.code
            if code is None or isinstance(code, int):
                status = code or 0
            else:
                print(code, file=sys.stderr)
                status = 1
        except BaseException:  # an uncaught exception: the interpreter says it and exits 1
            sys.excepthook(*sys.exc_info())
            status = 1
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status & 0xFF)


def _serve() -> None:
    import importlib
    import select
    import signal

    sys.path[0] = os.getcwd()  # not this file's folder: the child imports as ``python -m`` would
    for module in PRELOAD:
        importlib.import_module(module)
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        ended = os.pidfd_open(pid)  # readable once the child has ended
        try:
            finished = bool(select.select([ended], [], [], request["timeout"])[0])
        finally:
            os.close(ended)
        if not finished:
            os.kill(pid, signal.SIGKILL)
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) if finished else None
        print(json.dumps({"status": status}), flush=True)


if __name__ == "__main__":
    _serve()
