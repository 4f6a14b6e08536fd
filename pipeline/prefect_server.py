"""The temporary Prefect API server of one ``cchc ingest`` run: Prefect's own app (``create_app``) on
uvicorn, started with less work than ``uvicorn --factory`` or ``prefect server start``.

Run as a script, ``python -P <this file> PORT`` (:func:`cchc.pipeline.prefect_env.start_local_server`
does; -P keeps this folder, whose modules are named batch, flow, run..., off ``sys.path``): it imports
neither cchc nor uvicorn's command line. Against ``uvicorn --factory ...:create_app`` with
``PREFECT__SERVER_FINAL=1`` as Prefect starts its own (server CPU until it answers /health, median of 5
interleaved starts with an existing home, load 4.7-6: 3.73 s, and 2.65 s with this script; bench/README.md):

- the cyclic garbage collector is off while the server package is imported and the app built, and
  what they built is then frozen (``gc.freeze``): the start-up leaves about 290,000 tracked objects
  that live as long as the server, which its ~700 collections walked again and again, during the
  start-up and then during the first requests of the run. One full collection before the freeze frees
  the cycles the start-up left (10-12 MB of the server's PSS through a whole run, issue 16; ~0.25 s of
  CPU once, before the server answers), and ``malloc_trim`` gives their pages back;
- no ``gc.collect()`` after building the app: Prefect does one for its temporary server
  (``PREFECT__SERVER_FINAL``) to free the routes that FastAPI < 0.137 copied; FastAPI 0.137 and later
  do not copy them, so the app is built "final" only with an older FastAPI.

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
    from prefect.server.api import server as prefect_server

    # "final" (drop the routers' copies of the routes, then collect) only where FastAPI copies them
    app = prefect_server.create_app(final=getattr(prefect_server, "_FASTAPI_COPIES_ROUTES_ON_INCLUDE", True))
    gc.collect()
    _malloc_trim()
    gc.freeze()
    gc.enable()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on"))
    server.run()
    return 0 if server.started else STARTUP_FAILURE


def _malloc_trim() -> None:
    """The C heap's free pages back to the system (glibc; nothing elsewhere)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
