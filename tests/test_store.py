"""The store on SQLite and on a real PostgreSQL server: two years of invented communes built here.

The PostgreSQL server is a throwaway cluster (initdb + pg_ctl in a temporary folder, as the ``postgres``
user when run as root). Without an ``initdb`` binary the PostgreSQL half is skipped and says so; set
CCHC_TEST_POSTGRES_URL to use a running server instead.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cchc.api import extract_file
from cchc.pipeline.store_step import annotate_summary, store_batch
from cchc.schemas.record import Record
from cchc.store import Store, default_path, normalize_url
from tests.variants import Variant

PREVIOUS_RANKS = {c: ((int(c) * 7) % 17 + 1, 18) for c in map(str, range(1, 11))}  # Variant's default ranks
AGREEING_RANKS = {c: (rank - ((int(c) % 5) - 2), total) for c, (rank, total) in PREVIOUS_RANKS.items()}
OVERALL = ("xếp thứ 3/18 xã", "xếp thứ 5/18 xã")  # 2021: 5/18, so 2022's "3/18, tăng 2 bậc" is right
WRONG = ("tăng 2 bậc so với năm 2021", "giảm 4 bậc so với năm 2021")  # planted in Hòa Bình 2022


# --------------------------------------------------------------------------- a throwaway PostgreSQL


@dataclass
class PgServer:
    host: str
    port: int
    user: str = "postgres"

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer | str]:
    """A running server, or the reason why none could be started (the PostgreSQL tests skip with it)."""
    if os.environ.get("CCHC_TEST_POSTGRES_URL"):
        from sqlalchemy.engine import make_url

        url = make_url(normalize_url(os.environ["CCHC_TEST_POSTGRES_URL"]))
        yield PgServer(url.host or "127.0.0.1", url.port or 5432, url.username or "postgres")
        return
    bindir = _pg_bindir()
    if bindir is None:
        yield (
            "PostgreSQL tests not run: no initdb binary on PATH or in /usr/lib/postgresql/*/bin "
            "(apt-get install postgresql, or set CCHC_TEST_POSTGRES_URL to a server)"
        )
        return
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            yield "PostgreSQL tests not run: running as root and there is no 'postgres' user for initdb"
            return
        prefix = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="cchc-pg-"))
    if prefix:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    run = {"cwd": root, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run(
            [
                *prefix,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            check=True,
            **run,
        )  # type: ignore[call-overload]
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [
                *prefix,
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            check=True,
            **run,
        )  # type: ignore[call-overload]
    except subprocess.CalledProcessError as exc:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL with {bindir}: {exc.stderr}{log}")
    try:
        yield PgServer("127.0.0.1", port)
    finally:
        stop = [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(stop, check=False, **run)  # type: ignore[call-overload]
        shutil.rmtree(root, ignore_errors=True)


def _admin(server: PgServer, sql: str) -> None:
    import pg8000.native

    connection = pg8000.native.Connection(
        server.user, host=server.host, port=server.port, database="postgres"
    )
    try:
        connection.run(sql)
    finally:
        connection.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cchc.sqlite'}"
        return
    server = request.getfixturevalue("postgres")
    if isinstance(server, str):
        if os.environ.get("CI"):  # CI installs PostgreSQL (make test): a missing server there is a failure
            pytest.fail(server)
        pytest.skip(server)
    name = f"cchc_test_{uuid.uuid4().hex[:12]}"
    _admin(server, f"CREATE DATABASE {name}")
    try:
        yield server.url(name)
    finally:
        _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --------------------------------------------------------------------------- two years of three communes


def _write(folder: Path, name: str, variant: Variant, *replacements: tuple[str, str]) -> Path:
    text = variant.text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Reports:
    folder: Path
    paths: dict[str, Path]
    records: dict[str, Record]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    """Hòa Bình (a planted wrong "giảm 4 bậc"), Đông Xuân (right; a jump on criterion 3), Tân Lập (a
    corrected resubmission), each in 2021 and 2022, and another Hòa Bình in another district."""
    folder = tmp_path_factory.mktemp("reports")
    paths: dict[str, Path] = {}
    for unit, slug, district, style in (
        ("Hòa Bình", "hoa-binh", "Yên Lạc", 0),
        ("Đông Xuân", "dong-xuan", "Tam Dương", 1),
        ("Tân Lập", "tan-lap", "Vĩnh Tường", 2),
    ):
        before = Variant(name=slug, style=style, unit=unit, district=district, year=2021)
        scores = {**before.scores, "3": "9.75"} if slug == "dong-xuan" else before.scores
        now = Variant(
            name=slug,
            style=style + 1,
            unit=unit,
            district=district,
            year=2022,
            ranks=AGREEING_RANKS,
            scores=scores,
        )
        paths[f"{slug}-2021"] = _write(folder, f"{slug}-2021", before, OVERALL)
        paths[f"{slug}-2022"] = _write(folder, f"{slug}-2022", now, *([WRONG] if slug == "hoa-binh" else []))
        if (
            slug == "tan-lap"
        ):  # first submission: criterion 1 scored 10,5 (total 87,55), then corrected to 12,5
            first = Variant(
                name=slug,
                style=style + 1,
                unit=unit,
                district=district,
                year=2022,
                ranks=AGREEING_RANKS,
                scores={**before.scores, "1": "10.5"},
            )
            paths["tan-lap-2022-v1"] = _write(folder, "tan-lap-2022-v1", first)
    paths["hoa-binh-tam-dao-2022"] = _write(
        folder,
        "hoa-binh-tam-dao-2022",
        Variant(name="x", style=4, unit="Hòa Bình", district="Tam Đảo", year=2020),
    )
    return Reports(folder, paths, {name: extract_file(path) for name, path in paths.items()})


def _command(name: str) -> click.Command:
    """The registered command when cchc.cli has it, else the command itself."""
    from cchc import _cli_store
    from cchc.cli import cli

    return cli.commands.get(name) or getattr(_cli_store, name)


def _invoke(name: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_command(name), list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- tests


def test_url_and_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "cchc" / "cchc.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_path() == Path.home() / ".local" / "share" / "cchc" / "cchc.sqlite"
    assert normalize_url("postgresql://u:p@h:5433/d") == "postgresql+pg8000://u:p@h:5433/d"
    assert normalize_url("postgres://u@h/d") == "postgresql+pg8000://u@h/d"
    assert normalize_url(str(tmp_path / "x.sqlite")) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    from cchc.errors import UsageError

    with pytest.raises(UsageError, match="unsupported database"):
        normalize_url("mysql://h/d")


def test_migrations_create_exactly_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import cchc.store.triage  # noqa: F401 - its table is part of the models
    from cchc.store.database import head_revision
    from cchc.store.models import Base

    with Store(db_url) as store:
        Store(db_url).close()  # a second open finds the schema at head and changes nothing
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert context.get_current_revision() == head_revision() == "0004_rekey_units"
            assert compare_metadata(context, Base.metadata) == []


def test_two_years_find_the_planted_wrong_giam(db_url: str, reports: Reports) -> None:
    r = reports.records
    first = store_batch(db_url, [r["hoa-binh-2021"], r["dong-xuan-2021"], r["tan-lap-2021"]], [])
    assert first.history_findings == []  # nothing stored for 2020
    second = store_batch(db_url, [r["hoa-binh-2022"], r["dong-xuan-2022"], r["tan-lap-2022"]], [])
    found = {(f.kind, f.subject) for f in second.history_findings}
    assert found == {("rank_change_mismatch", "overall"), ("score_history_jump", "3")}
    (wrong,) = [f for f in second.history_findings if f.kind == "rank_change_mismatch"]
    assert (wrong.expected, wrong.actual) == (2, -4)
    assert "hoa-binh-2021.txt" in wrong.message and "Hòa Bình" in wrong.evidence[0].text
    assert "giảm 4 bậc" in wrong.evidence[0].text and "Năm 2022" in wrong.evidence[0].text
    assert "xếp thứ 5/18" in wrong.evidence[1].text and "Năm 2021" in wrong.evidence[1].text
    (jump,) = [f for f in second.history_findings if f.kind == "score_history_jump"]
    assert "dong-xuan-2021.txt" in jump.message and (jump.expected, jump.actual) == (15.75, 9.75)
    with Store(db_url) as store:
        stored = store.findings(kind="rank_change_mismatch", scope="history")
        assert [(f.subject, f.expected, f.actual) for f in stored] == [("overall", "2", "-4")]
        assert [e.text for e in stored[0].evidence] == [e.text for e in wrong.evidence]
        assert store.count("records") == 6 and store.count("criteria") == 60
        previous = store.previous_record("HÒA BÌNH", "xã", "yên lạc", 2021)
        assert (
            previous is not None
            and previous.overall.rank == 5
            and previous.source.sha256 == r["hoa-binh-2021"].source.sha256
        )
        assert store.previous_record("Hòa Bình", "xã", "Yên Lạc", 2020) is None
    # the same batch again: stored once, findings replaced, not doubled
    again = store_batch(db_url, [r["hoa-binh-2022"]], [])
    assert [(s.version, s.is_current, s.stored) for s in again.saved] == [(1, True, False)]
    with Store(db_url) as store:
        assert store.count("documents") == 6
        assert len(store.findings(kind="rank_change_mismatch")) == 1


def test_same_content_twice_is_stored_once(db_url: str, reports: Reports, tmp_path: Path) -> None:
    copy = tmp_path / "ban-sao.txt"
    shutil.copyfile(reports.paths["dong-xuan-2021"], copy)
    copied = extract_file(copy)
    with Store(db_url) as store:
        first = store.save_record(reports.records["dong-xuan-2021"])
        second = store.save_record(reports.records["dong-xuan-2021"])
        third = store.save_record(copied)
        assert (first.stored, second.stored, third.stored) == (True, False, False)
        assert first.record_id == second.record_id == third.record_id
        assert (third.version, third.is_current) == (1, True)
        assert store.count("documents") == 1 and store.count("records") == 1
        assert store.count("findings") == len(reports.records["dong-xuan-2021"].findings)


def test_corrected_resubmission_is_version_2_and_current(db_url: str, reports: Reports) -> None:
    r = reports.records
    with Store(db_url) as store:
        v1 = store.save_record(r["tan-lap-2022-v1"])
        v2 = store.save_record(r["tan-lap-2022"])
        again = store.save_record(
            r["tan-lap-2022-v1"]
        )  # the old file once more: stays version 1, not current
        assert (v1.version, v2.version, v2.is_current) == (1, 2, True)
        assert (again.version, again.is_current, again.stored) == (1, False, False)
        versions = store.versions("Tân Lập", "xã", "Vĩnh Tường", 2022)
        assert versions == [
            (1, False, r["tan-lap-2022-v1"].source.sha256),
            (2, True, r["tan-lap-2022"].source.sha256),
        ]
        (row,) = store.export_rows(2022)
        assert (row["version"], row["overall_score"], row["c1_score"]) == (2, 89.55, 12.5)
        assert r["tan-lap-2022-v1"].overall.score == 87.55


def test_history_and_export_commands(db_url: str, reports: Reports, tmp_path: Path) -> None:
    r = reports.records
    store_batch(
        db_url,
        [r[k] for k in ("hoa-binh-2021", "dong-xuan-2021", "tan-lap-2021", "hoa-binh-tam-dao-2022")],
        [],
    )
    store_batch(
        db_url, [r[k] for k in ("tan-lap-2022-v1", "hoa-binh-2022", "dong-xuan-2022", "tan-lap-2022")], []
    )

    code, out, err = _invoke("history", "hoà bình", "--db", db_url)  # another Unicode spelling, lower case
    assert code == 2 and "Yên Lạc" in err and "Tam Đảo" in err and "--district" in err
    code, out, _ = _invoke("history", "Hòa Bình", "--district", "Yên Lạc", "--db", db_url, "--format", "json")
    assert code == 0
    years = json.loads(out)["years"]
    assert [(y["year"], y["score"], y["rank"], y["rank_change"]) for y in years] == [
        (2021, 89.55, 5, 2),
        (2022, 89.55, 3, -4),
    ]
    assert years[1]["criteria"]["3"] == {"score": 15.75, "max_score": 17.0}
    code, out, _ = _invoke("history", "Đông Xuân", "--db", db_url)
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if "2021" in line)
    assert header.index("2021") < header.index("2022")
    assert any("Tổng điểm" in line and "89,55/100" in line and "83,55/100" in line for line in lines)
    assert any("Tiêu chí 3 " in line and "15,75/17" in line and "9,75/17" in line for line in lines)
    assert any("Xếp hạng" in line and "5/18" in line and "3/18" in line for line in lines)
    code, out, _ = _invoke("history", "Tân Lập", "--db", db_url, "--format", "json")
    assert [(y["year"], y["version"], y["score"]) for y in json.loads(out)["years"]] == [
        (2021, 1, 89.55),
        (2022, 2, 89.55),
    ]

    code, out, _ = _invoke("export", "--year", "2022", "--db", db_url)
    assert code == 0 and out.startswith("\ufeff")  # the BOM of `-o x.csv`, on standard output too
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(x["unit_name"], x["district"], x["version"]) for x in rows] == [
        ("Đông Xuân", "Tam Dương", "1"),
        ("Tân Lập", "Vĩnh Tường", "2"),
        ("Hòa Bình", "Yên Lạc", "1"),
    ]
    assert (rows[0]["overall_score"], rows[0]["c3_score"], rows[0]["c3_max"], rows[2]["rank_change"]) == (
        "83.55",
        "9.75",
        "17.0",
        "-4",
    )
    parquet = tmp_path / "2022.parquet"
    assert (
        _invoke("export", "--year", "2022", "--db", db_url, "--format", "parquet", "-o", str(parquet))[0] == 0
    )
    import pyarrow.parquet as pq

    table = pq.read_table(parquet).to_pylist()
    assert [(t["unit_name"], t["overall_score"], t["c1_score"], t["rank"]) for t in table] == [
        ("Đông Xuân", 83.55, 12.5, 3),
        ("Tân Lập", 89.55, 12.5, 3),
        ("Hòa Bình", 89.55, 12.5, 3),
    ]
    assert str(pq.read_schema(parquet).field("rank").type) == "int64"
    records_json = tmp_path / "2022.json"
    assert (
        _invoke("export", "--year", "2022", "--db", db_url, "--format", "json", "-o", str(records_json))[0]
        == 0
    )
    records = [Record.model_validate(x) for x in json.loads(records_json.read_text("utf-8"))]
    assert [x.source.sha256 for x in records] == [
        r["dong-xuan-2022"].source.sha256,
        r["tan-lap-2022"].source.sha256,
        r["hoa-binh-2022"].source.sha256,
    ]
    assert _invoke("export", "--year", "2022", "--format", "parquet", "--db", db_url)[0] == 2


@pytest.mark.flow
def test_cchc_ingest_stores_both_years(
    reports: Reports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("hoa-binh-2021", "hoa-binh-2022", "dong-xuan-2021", "dong-xuan-2022"):
        shutil.copyfile(reports.paths[name], inbox / reports.paths[name].name)
    db = tmp_path / "store.sqlite"
    out = tmp_path / "out"
    assert (
        main(["ingest", str(inbox), "--out", str(out), "--db", str(db), "--workers", "1", "--no-progress"])
        == 0
    )
    summary = json.loads((out / "batch.json").read_text("utf-8"))
    assert summary["store"]["path"] == str(db) and summary["store"]["url"] == f"sqlite:///{db}"
    assert sorted(
        (Path(x["file"]).name, x["version"], x["is_current"]) for x in summary["store"]["records"]
    ) == [
        ("dong-xuan-2021.txt", 1, True),
        ("dong-xuan-2022.txt", 1, True),
        ("hoa-binh-2021.txt", 1, True),
        ("hoa-binh-2022.txt", 1, True),
    ]
    assert all(o["store_version"] == 1 and o["store_current"] for o in summary["outcomes"])
    cross_year = ("rank_change_mismatch", "score_history_jump")
    assert not [f for f in summary["batch_findings"] if f["kind"] in cross_year]  # not "(batch)" findings
    assert _cross_year_findings(out) == [
        ("dong-xuan-2022.json", "score_history_jump", "3"),
        ("hoa-binh-2022.json", "rank_change_mismatch", "overall"),
    ]
    wrong = next(
        f
        for f in json.loads((out / "records" / "hoa-binh-2022.json").read_text("utf-8"))["findings"]
        if f["kind"] == "rank_change_mismatch"
    )
    assert "giảm 4 bậc" in wrong["evidence"][0]["text"] and "xếp thứ 5/18" in wrong["evidence"][1]["text"]
    (hoa_binh,) = [o for o in summary["outcomes"] if o["file"].endswith("hoa-binh-2022.txt")]
    assert hoa_binh["counts"]["warning"] == sum(
        f["severity"] == "warning"
        for f in json.loads((out / "records" / "hoa-binh-2022.json").read_text("utf-8"))["findings"]
    )
    rows = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text("utf-8-sig"))))
    assert sorted((Path(x["file"]).name, x["unit"], x["kind"]) for x in rows if x["kind"] in cross_year) == [
        ("dong-xuan-2022.txt", "Đông Xuân", "score_history_jump"),
        ("hoa-binh-2022.txt", "Hòa Bình", "rank_change_mismatch"),
    ]
    review = (out / "review.html").read_text("utf-8")
    assert review.count("Phiên bản trong kho</dt><dd>1 (hiện hành)") == 4  # the report says which version is current
    capsys.readouterr()
    code, text, _ = _invoke("history", "Hòa Bình", "--db", str(db), "--format", "json")
    assert code == 0 and [(y["year"], y["rank"]) for y in json.loads(text)["years"]] == [(2021, 5), (2022, 3)]
    code, text, _ = _invoke("export", "--year", "2022", "--db", str(db), "--format", "json")
    exported = {r["meta"]["unit_name"]: {f["kind"] for f in r["findings"]} for r in json.loads(text)}
    assert "rank_change_mismatch" in exported["Hòa Bình"] and "score_history_jump" in exported["Đông Xuân"]

    # a second run (records from the cache, already stored) neither loses nor doubles them
    assert (
        main(["ingest", str(inbox), "--out", str(out), "--db", str(db), "--workers", "1", "--no-progress"])
        == 0
    )
    assert _cross_year_findings(out) == [
        ("dong-xuan-2022.json", "score_history_jump", "3"),
        ("hoa-binh-2022.json", "rank_change_mismatch", "overall"),
    ]
    code, text, _ = _invoke("export", "--year", "2022", "--db", str(db), "--format", "json")
    (hoa_binh_record,) = [r for r in json.loads(text) if r["meta"]["unit_name"] == "Hòa Bình"]
    assert [f["kind"] for f in hoa_binh_record["findings"]].count("rank_change_mismatch") == 1


def _cross_year_findings(out: Path) -> list[tuple[str, str, str]]:
    return sorted(
        (path.name, f["kind"], f["subject"])
        for path in (out / "records").glob("*.json")
        for f in json.loads(path.read_text("utf-8"))["findings"]
        if f["kind"] in ("rank_change_mismatch", "score_history_jump")
    )


def test_three_versions_in_one_batch_one_current_as_returned(db_url: str) -> None:
    """The same report as .txt, .docx and .pdf in one batch: the last saved is current, and the batch says so."""
    samples = Path(__file__).resolve().parents[1] / "samples"
    records = [extract_file(samples / f"minh-duc-2022.{suffix}") for suffix in ("txt", "docx", "pdf")]
    stored = store_batch(db_url, records, [])
    assert [(Path(s.file).suffix, s.version, s.is_current) for s in stored.saved] == [
        (".txt", 1, False),
        (".docx", 2, False),
        (".pdf", 3, True),
    ]
    summary = {"outcomes": [{"sha256": r.source.sha256} for r in records]}
    annotate_summary(summary, stored)
    assert [o["store_current"] for o in summary["outcomes"]] == [False, False, True]
    with Store(db_url) as store:
        assert [c for _, c, _ in store.versions("Minh Đức", "xã", "Tứ Kỳ", 2022)] == [False, False, True]


def test_a_store_that_cannot_be_written_is_one_store_error(tmp_path: Path) -> None:
    from cchc.errors import StoreError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    record = extract_file(Path(__file__).resolve().parents[1] / "samples" / "minh-duc-2022.txt")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    for url, named in (
        (str(blocker / "cchc.sqlite"), str(blocker / "cchc.sqlite")),
        (f"postgresql://cchc:secret@127.0.0.1:{closed}/cchc", f"127.0.0.1:{closed}"),
    ):
        with pytest.raises(StoreError) as caught:
            store_batch(url, [record], [])
        message = str(caught.value)
        assert message.startswith("cannot write the store ") and named in message
        assert "\n" not in message and "secret" not in message


def test_a_store_keyed_before_the_one_normalisation_is_rekeyed_on_open(db_url: str, reports: Reports) -> None:
    """Keys written by the first store (NFC + casefold) are recomputed by migration 0004: "Hoà" (old tone
    placement) and "Hòa" become one unit whose versions follow the order they were stored."""
    import unicodedata

    from sqlalchemy import text

    from cchc.store.store import unit_key

    old = reports.records["hoa-binh-2022"].model_copy(deep=True)
    old.meta.unit_name = "Hoà Bình"
    old.source.sha256 = "0" * 64  # another submission: the same content is stored once
    new = reports.records["hoa-binh-2022"]
    store_batch(db_url, [old], [])
    store_batch(db_url, [new], [])

    def first_key(*parts: str | None) -> str:
        return "|".join(unicodedata.normalize("NFC", p or "").casefold() for p in parts)

    with Store(db_url) as store, store.engine.begin() as connection:
        for name in ("Hoà Bình", "Hòa Bình"):
            connection.execute(
                text("UPDATE records SET unit_key = :key, name_key = :name, version = 1, is_current = :yes"
                     " WHERE unit_name = :unit"),
                {"key": first_key(new.meta.unit_level, name, new.meta.district),
                 "name": first_key(name), "yes": True, "unit": name},
            )
        connection.execute(text("UPDATE alembic_version SET version_num = '0003_rankings'"))
    with Store(db_url) as store, store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT unit_name, unit_key, version, is_current FROM records ORDER BY version")
        ).all()
        units = store.units("Hòa Bình")
    key = unit_key(new.meta.unit_name, new.meta.unit_level, new.meta.district)
    assert [(r[0], r[1], r[2], bool(r[3])) for r in rows] == [
        ("Hoà Bình", key, 1, False),
        ("Hòa Bình", key, 2, True),
    ]
    assert [u.key for u in units] == [key]
