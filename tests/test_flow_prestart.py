"""What `cchc ingest` does while the Prefect server starts (cchc.pipeline.prestart), and how the flow takes it."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.pipeline import batch, prestart

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def inbox(tmp_path: Path) -> tuple[list[Path], Path]:
    """Three real reports, the first already extracted into the cache of ``out`` by an earlier run."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    paths = []
    for name in ("minh-duc-2022.txt", "phuoc-an-2021.docx", "dong-lac-2023.pdf"):
        shutil.copyfile(SAMPLES / name, folder / name)
        paths.append(folder / name)
    out = batch.check_output_folder(tmp_path / "out")
    earlier = batch.process_file(paths[0], out, name="minh-duc-2022")
    batch.Cache.load(out).remember(earlier)
    (out / "batch.json").write_text("{}", encoding="utf-8")  # the manifest of that earlier run
    return paths, out


def test_prepare_hashes_every_input_and_finds_the_cached_one(inbox: tuple[list[Path], Path]) -> None:
    paths, out = inbox
    gone = paths[0].parent / "gone.txt"  # removed after it was listed: unreadable
    prepared = prestart.prepare([*paths, gone], out)
    assert not (out / "batch.json").exists()  # no stale manifest while records may change
    assert prepared.shas[str(paths[1])] == hashlib.sha256(paths[1].read_bytes()).hexdigest()
    assert prepared.shas[str(gone)] == ""
    hit = prepared.outcomes[str(paths[0])]
    assert (hit.status, hit.from_cache, hit.name) == ("cached", True, "minh-duc-2022")
    assert [(p, n) for p, n, _ in prepared.missing()] == [(str(paths[1]), "phuoc-an-2021"),
                                                          (str(paths[2]), "dong-lac-2023")]


def _answers(*values: bool) -> Iterator[bool]:
    yield from values
    while True:
        yield values[-1]


def test_extract_while_the_server_starts_then_stop(inbox: tuple[list[Path], Path]) -> None:
    paths, out = inbox
    prepared = prestart.prepare(paths, out)
    pool = batch.WorkerPool(1)
    try:
        waiting = _answers(True, False)  # still starting for one round, then ready
        assert prestart.extract_while(lambda: next(waiting), prepared, pool, 1, {}) == 1
        assert prestart.extract_while(lambda: False, prepared, pool, 1, {}) == 0
    finally:
        pool.shutdown()
    done = prepared.outcomes[str(paths[1])]
    assert (done.status, done.from_cache) == ("ok", False)
    assert [p for p, _, _ in prepared.missing()] == [str(paths[2])]
    # kept in the cache as it finished: a later run (or a killed one's re-run) finds it
    assert batch.Cache.load(out).lookup(paths[1], "phuoc-an-2021", done.sha256 or "") is not None
    record = json.loads((out / "records" / "phuoc-an-2021.json").read_text(encoding="utf-8"))
    assert record["source"]["sha256"] == hashlib.sha256(paths[1].read_bytes()).hexdigest()


def test_the_flow_takes_prepared_outcomes_as_they_are(inbox: tuple[list[Path], Path]) -> None:
    from cchc.pipeline.flow import _cache_hits  # imports Prefect, starts nothing

    paths, out = inbox
    prepared = prestart.prepare(paths, out)
    extracted = batch.process_file(paths[1], out, name="phuoc-an-2021")
    prepared.outcomes[str(paths[1])] = extracted
    names = batch.output_names(paths)
    outcomes, todo, shas = _cache_hits(prepared.cache, paths, names, prepared)
    assert outcomes[0] is not None and outcomes[0].from_cache
    assert outcomes[1] is extracted  # extracted before the flow: not extracted again, not "cached"
    assert todo == [2] and shas[2] == prepared.shas[str(paths[2])]
    # under another name (another set of inputs), the prepared work is not taken
    other, todo, _ = _cache_hits(prepared.cache, paths[1:2], ["x"], prepared)
    assert other == [None] and todo == [0]
