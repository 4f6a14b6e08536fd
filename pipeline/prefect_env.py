"""Environment for Prefect, applied BEFORE ``prefect`` is imported, and a faster local server.

Why each setting (measured with Prefect 3.9 on a 2-core machine, see bench/bench_flow.py):

- ``DO_NOT_TRACK=1`` and ``PREFECT_SERVER_ANALYTICS_ENABLED=false``: offline; without them the
  temporary server tries to send telemetry and logs errors when there is no network.
- ``PREFECT_HOME``: the user's data directory (``$XDG_DATA_HOME/cchc/prefect``), never ``~/.prefect``
  by accident; a value the user set is kept.
- ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=90``: the 20 s default was hit on a slow first
  start (a fresh PREFECT_HOME runs every database migration: ~5 s here).
- ``PREFECT_LOGGING_LEVEL=WARNING`` unless verbose; the server logs only errors.
- ``PREFECT_SERVER_UI_ENABLED=false``: no UI static files are built or served by our temporary server.
- Triggers and actions (automations) are off: nothing in a batch run uses them.

Start-up: Prefect's own temporary server costs two things on the first flow of a process: the
client process imports the whole server package (~2.5 s) only to spawn it, then waits for the
server process, which imports the same package again (~3.5 s to healthy). :func:`start_local_server`
spawns a server ourselves *before* Prefect is imported, points ``PREFECT_API_URL`` at it, and lets it
boot while this process imports Prefect and collects inputs; the client never imports the server
package. The server is Prefect's own app run by ``prefect_server.py`` (what it saves: its docstring)
with ``SERVER_ENVIRONMENT``: about 2.6 s of CPU to healthy instead of 3.7-4.3 s. A fresh PREFECT_HOME
adds the one-off database migrations (~5 s).
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from cchc.pipeline.lifetime import preexec_die_with

STARTUP_TIMEOUT_SECONDS = 90.0


def default_prefect_home() -> Path:
    """``$XDG_DATA_HOME/cchc/prefect`` or ``~/.local/share/cchc/prefect``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cchc" / "prefect"


def prefect_environment(verbose: bool = False, home: Path | None = None) -> dict[str, str]:
    """The variables :func:`configure` sets (a variable the user already set wins, except noise ones)."""
    env = {
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_HOME": str(home or default_prefect_home()),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(int(STARTUP_TIMEOUT_SECONDS)),
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
        "PREFECT_LOGGING_LEVEL": "INFO" if verbose else "WARNING",
        "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
        "PREFECT_SERVER_DATABASE_TIMEOUT": "30",
        "PREFECT_CLI_COLORS": "true",
        # Dask workers (--dask-address) log through `distributed`: quiet unless verbose
        "DASK_LOGGING__DISTRIBUTED": "info" if verbose else "error",
    }
    return env


def configure(verbose: bool = False, home: Path | None = None) -> dict[str, str]:
    """Apply :func:`prefect_environment` to ``os.environ``; call before importing prefect.

    User settings are kept for PREFECT_HOME and the start-up timeout; the logging level follows
    ``verbose``. Returns what was set.
    """
    keep_user = {"PREFECT_HOME", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "PREFECT_SERVER_UI_ENABLED"}
    applied: dict[str, str] = {}
    for name, value in prefect_environment(verbose, home).items():
        if name in keep_user and os.environ.get(name):
            continue
        os.environ[name] = value
        applied[name] = value
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    import logging

    logging.getLogger("distributed").setLevel(logging.INFO if verbose else logging.ERROR)
    # "EventsWorker - Still processing items: N items remaining..." when the run's last events are still
    # being sent as the flow ends (they are, before cchc exits): a warning about nothing wrong
    logging.getLogger("EventsWorker").setLevel(logging.INFO if verbose else logging.ERROR)
    return applied


@dataclass
class LocalServer:
    """A Prefect API server process we started (same command Prefect uses for its temporary server)."""

    process: subprocess.Popen[bytes]
    port: int
    started: float = field(default_factory=time.perf_counter)
    ready_after: float | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"


_SERVER: LocalServer | None = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVER_SCRIPT = Path(__file__).with_name("prefect_server.py")

# Only for the server we start. Block types are registered in the database for the UI's block forms,
# which a batch run never uses; with Prefect's memo of the registry on, checking whether they changed
# imports every Prefect collection installed (prefect-dask: dask, distributed and numpy; 0.13-0.17 s
# of the server's CPU to /health, 30 MB). A `prefect server start` on the same home registers them itself.
SERVER_ENVIRONMENT = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",  # Prefect's temporary-server mode: only the services a run needs
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}


def _spawn(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, **SERVER_ENVIRONMENT}
    env.pop("PREFECT_API_URL", None)
    # -P: the script's folder (this package's modules: batch, flow, run...) stays off sys.path
    command = [sys.executable, "-P", str(SERVER_SCRIPT), str(port)]
    with _server_log().open("wb") as log:
        # its own session: a Ctrl-C in the terminal reaches cchc, which stops the server itself (else the
        # server dies first and the client retries for a minute); SIGTERM to it when cchc dies, however
        return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=True,
                                preexec_fn=preexec_die_with(os.getpid()))  # noqa: PLW1509 - prctl only


def _server_log() -> Path:
    home = Path(os.environ.get("PREFECT_HOME") or default_prefect_home())
    home.mkdir(parents=True, exist_ok=True)
    return home / "cchc-server.log"


def start_local_server() -> LocalServer | None:
    """Spawn a temporary Prefect server and set ``PREFECT_API_URL`` to it (returns at once).

    Does nothing (returns None) when the user points at a real server (``PREFECT_API_URL`` set).
    Call :func:`wait_local_server` before the first flow run.
    """
    global _SERVER
    if _SERVER is not None and _SERVER.process.poll() is None:
        return _SERVER
    if os.environ.get("PREFECT_API_URL") and _SERVER is None:
        return None
    port = _free_port()
    _SERVER = LocalServer(_spawn(port), port)
    os.environ["PREFECT_API_URL"] = _SERVER.api_url
    # the server is this very installation of Prefect: skip the client's version round trip (~0.3 s)
    os.environ["PREFECT_CLIENT_SERVER_VERSION_CHECK_ENABLED"] = "false"
    atexit.register(stop_local_server)
    return _SERVER


def wait_local_server(timeout: float | None = None) -> float | None:
    """Block until our server answers /health; seconds since it was spawned (None if not ours)."""
    server = _SERVER
    if server is None:
        return None
    if server.ready_after is not None:
        return server.ready_after
    limit = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 90)
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        code = server.process.poll()
        if code == 3:  # port taken in the meantime: try another one
            server.port = _free_port()
            server.process = _spawn(server.port)
            os.environ["PREFECT_API_URL"] = server.api_url
            continue
        if code is not None:
            raise RuntimeError(server_failure(code, _server_log().read_text(errors="replace"), _server_log().parent))
        try:
            with urllib.request.urlopen(f"{server.api_url}/health", timeout=2) as response:
                if response.status == 200:
                    server.ready_after = time.perf_counter() - server.started
                    return server.ready_after
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.05)
    stop_local_server()
    raise RuntimeError(f"the temporary Prefect server did not start within {limit:.0f} s")


def local_server_starting() -> bool:
    """Whether our server is still starting: spawned, alive, and not yet answering /health (one quick try)."""
    server = _SERVER
    if server is None or server.ready_after is not None or server.process.poll() is not None:
        return False
    try:
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=0.5) as response:
            if response.status == 200:
                server.ready_after = time.perf_counter() - server.started
                return False
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        pass
    return True


_NO_SPACE = ("No space left on device", "database or disk is full", "Disk quota exceeded")


def server_failure(code: int, log: str, home: Path) -> str:
    """One line for a server that exited: a full disk named as such, else the log's last line."""
    if any(sign in log for sign in _NO_SPACE):
        return f"the temporary Prefect server cannot write its home {home}: No space left on device"
    last = next((line.strip() for line in reversed(log.splitlines()) if line.strip()), "no message")
    return f"the temporary Prefect server exited with code {code}: {last[:300]} (log: {home / 'cchc-server.log'})"


def local_api_url() -> str | None:
    """The API URL of the server we started, if any."""
    return _SERVER.api_url if _SERVER is not None else None


def stop_local_server(timeout: float = 10.0) -> None:
    """Terminate our server (idempotent; killed after ``timeout`` s) and forget its URL."""
    global _SERVER
    server, _SERVER = _SERVER, None
    if server is None:
        return
    if os.environ.get("PREFECT_API_URL") == server.api_url:
        del os.environ["PREFECT_API_URL"]
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
