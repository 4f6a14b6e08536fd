"""`cchc ingest` with a Prefect server the user runs (PREFECT_API_URL): used, and no server of cchc's own."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.pipeline.prefect_env import SERVER_ENVIRONMENT, SERVER_SCRIPT

pytestmark = pytest.mark.flow

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def user_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Prefect API server started as a user would run one (its own home), for this module."""
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None
    port = _free_port()
    home = tmp_path_factory.mktemp("user-prefect-home")
    env = {**os.environ, "PREFECT_HOME": str(home), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
         "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "error"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, "the user's Prefect server did not start"
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the user's Prefect server did not answer within 180 s")
    yield url
    server.terminate()
    server.wait(timeout=30)


def test_ingest_runs_on_the_users_prefect_server(user_server: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLE, inbox / SAMPLE.name)
    out = tmp_path / "out"
    own_home = tmp_path / "cchc-home"  # where cchc's own server would keep its database
    env = {**os.environ, "PREFECT_API_URL": user_server, "PREFECT_HOME": str(own_home)}
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "ingest", str(inbox), "--out", str(out), "--no-db", "--no-progress", "-w", "1"],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    run_id = json.loads((out / "batch.json").read_text(encoding="utf-8"))["run_id"]
    # the flow run is on the user's server ...
    with urllib.request.urlopen(f"{user_server}/flow_runs/{run_id}", timeout=10) as response:
        flow_run = json.loads(response.read())
    assert flow_run["id"] == run_id and flow_run["state_type"] == "COMPLETED"
    # ... and cchc started no server of its own (which would have created its database and log)
    assert not (own_home / "prefect.db").exists() and not (own_home / "cchc-server.log").exists()


def test_the_servers_own_start_records_the_flow_run_and_its_tasks(tmp_path: Path) -> None:
    """cchc's temporary server (pipeline/prefect_server.py, a fresh home): the run's flow run and task runs
    are in that home's database once cchc has exited, no warning about events still being sent, and the
    server is gone."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLE, inbox / SAMPLE.name)
    out, home = tmp_path / "out", tmp_path / "cchc-home"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "ingest", str(inbox), "--out", str(out), "--no-db", "--no-progress", "-w", "1"],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Still processing items" not in done.stderr
    run_id = json.loads((out / "batch.json").read_text(encoding="utf-8"))["run_id"]
    with sqlite3.connect(home / "prefect.db") as db:
        flow_run = db.execute("SELECT state_type FROM flow_run WHERE id = ?", (run_id,)).fetchall()
        tasks = db.execute("SELECT name, state_type FROM task_run WHERE flow_run_id = ?", (run_id,)).fetchall()
        artifacts = db.execute("SELECT type, data FROM artifact WHERE flow_run_id = ? AND key = 'cchc-ingest-files'",
                               (run_id,)).fetchall()
    assert flow_run == [("COMPLETED",)]
    # the table artifact, one row per input, as the Prefect UI reads it (a JSON column holding the table's text)
    outcome = json.loads((out / "batch.json").read_text(encoding="utf-8"))["outcomes"][0]
    assert [kind for kind, _ in artifacts] == ["table"]
    [row] = json.loads(json.loads(artifacts[0][1]))
    assert row.pop("seconds") >= 0
    assert row == {"file": SAMPLE.name, "unit": outcome["unit"], "status": "ok", "errors": outcome["counts"]["error"],
                   "warnings": outcome["counts"]["warning"], "infos": outcome["counts"]["info"], "message": ""}
    assert outcome["unit"] and outcome["counts"]["warning"] + outcome["counts"]["info"] > 0
    # the document was extracted while the server started (pipeline/prestart.py): the batch tasks remain
    assert sorted(name.rsplit("-", 1)[0] for name, _ in tasks) == ["batch-rules", "publish-artifacts", "write-outputs"]
    assert {state for _, state in tasks} == {"COMPLETED"}
    # (a server that an in-process test started in this pytest process may still run: not this home's)
    assert [pid for pid in _pids() if f"PREFECT_HOME={home}" in _environ(pid)] == []


def test_the_server_script_exits_3_when_its_port_is_taken(tmp_path: Path) -> None:
    """As uvicorn's command line does: wait_local_server then starts it again on another port."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home"), **SERVER_ENVIRONMENT}
        env.pop("PREFECT_API_URL", None)
        done = subprocess.run([sys.executable, "-P", str(SERVER_SCRIPT), str(port)], env=env, capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 3, done.stderr


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _environ(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/environ", "rb") as fh:
            return fh.read().decode(errors="replace").split("\0")
    except OSError:
        return []


def test_the_server_frees_its_start_ups_cycles_before_freezing_what_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    """pipeline/prefect_server.py imports with the collector off: one full collection then frees the cycles the
    start-up left (~10 MB) before ``gc.freeze`` makes the rest permanent, and the collector is on to serve."""
    import gc

    import uvicorn

    from cchc.pipeline import prefect_server

    calls: list[str] = []
    collect, freeze = gc.collect, gc.freeze
    served: dict[str, object] = {}

    def counting_collect(*args: object) -> int:
        calls.append("collect")
        return collect(*args)  # type: ignore[arg-type]

    def recording_freeze() -> None:
        calls.append("freeze")
        freeze()

    def serve(self: uvicorn.Server, *args: object, **kwargs: object) -> None:
        served.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())

    monkeypatch.setattr(gc, "collect", counting_collect)
    monkeypatch.setattr(gc, "freeze", recording_freeze)
    monkeypatch.setattr(uvicorn.Server, "run", serve)
    try:
        assert prefect_server.main([str(_free_port())]) == prefect_server.STARTUP_FAILURE  # run() did not serve
    finally:
        gc.unfreeze()
        gc.enable()
    # Prefect's own create_app(final=True) may collect too (older FastAPI): ours is the last call before the freeze
    assert calls[-2:] == ["collect", "freeze"]
    assert served["enabled"] is True and isinstance(served["frozen"], int) and served["frozen"] > 1000
