"""Children that do not outlive the ingest process, whatever kills it (SIGKILL, the OOM killer, a timeout).

Linux's ``prctl(PR_SET_PDEATHSIG)`` has the kernel signal a child when its parent exits: used by
the Prefect server we start. Pool workers are children of multiprocessing's forkserver, which
waits for its clients to close a pipe that the workers themselves hold open: so the workers run a
thread that watches the ingest process and ends the worker when it is gone (the forkserver then
exits too).
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1

try:  # loaded in the parent: a child between fork and exec must not dlopen
    _LIBC: ctypes.CDLL | None = ctypes.CDLL(None, use_errno=True)
except OSError:
    _LIBC = None


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent exits (no-op without prctl)."""
    if _LIBC is not None and hasattr(_LIBC, "prctl"):
        _LIBC.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


def preexec_die_with(parent: int, sig: int = signal.SIGKILL) -> Callable[[], None]:
    """A ``preexec_fn`` for ``subprocess.Popen``: the child gets ``sig`` when ``parent`` exits."""

    def tie() -> None:
        die_with_parent(sig)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return tie


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (dead, not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return True  # no /proc: kill(0) is all we know


def watch_process(pid: int, interval: float = 0.5) -> threading.Thread:
    """A daemon thread that ends this process (exit 1) once process ``pid`` is gone."""

    def watch() -> None:
        while True:
            time.sleep(interval)
            if not alive(pid):
                os._exit(1)

    thread = threading.Thread(target=watch, name="cchc-watch-parent", daemon=True)
    thread.start()
    return thread
