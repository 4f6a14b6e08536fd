"""The temporary Prefect API server of one ``cchc ingest`` run: Prefect's own app (``create_app``) on
uvicorn, started with less work than ``uvicorn --factory`` or ``prefect server start``.

Run as a script, ``python -P <this file> PORT`` (:func:`cchc.pipeline.prefect_env.start_local_server`
does): it imports neither cchc nor uvicorn's command line. What it saves, each measured with
``bench/bench_flow.py --startup-only`` (bench/README.md, "Start-up"):

- the cyclic garbage collector is off while the server package is imported and the app built, and
  what they built is then frozen (``gc.freeze``): the start-up allocates about a million objects
  that live as long as the server, and each full collection walked all of them again, during the
  start-up and then during the first requests of the run;
- no ``gc.collect()`` after building the app: Prefect does one for its own temporary server
  (``PREFECT__SERVER_FINAL``) to free the routes that FastAPI < 0.137 copied, which this FastAPI
  does not copy.

Exit code 3 when the server could not start (the port was taken meanwhile), as uvicorn's.
"""

from __future__ import annotations

import gc
import sys

STARTUP_FAILURE = 3


def main(argv: list[str]) -> int:
    """Serve the Prefect API on 127.0.0.1:``argv[0]`` until SIGTERM or SIGINT."""
    port = int(argv[0])
    gc.disable()
    import uvicorn
    from prefect.server.api.server import create_app

    app = create_app()
    gc.freeze()
    gc.enable()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on"))
    server.run()
    return 0 if server.started else STARTUP_FAILURE


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
