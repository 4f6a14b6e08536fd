"""Uploads through the web app: stored by content hash, queued, run through the Prefect flow of
``cchc ingest``; hostile files fail alone with their reason; a server stopped mid-upload loses nothing."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cchc.settings import Settings
from cchc.web import Auth, WebConfig, create_app
from cchc.web.jobs import Uploads

pytestmark = pytest.mark.flow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LIMITS = Settings(max_file_bytes=2_000_000, max_docx_xml_bytes=1_000_000, max_pages=40, ocr=False)
PAYLOAD = "<script>document.title='pwned'</script>"


def _config(tmp_path: Path, **overrides: object) -> WebConfig:
    values: dict[str, object] = {
        "db_url": f"sqlite:///{tmp_path / 'store.sqlite'}",
        "data_dir": tmp_path / "web",
        "auth": Auth(local_user="lan"),
        "settings": LIMITS,
        "max_files_per_upload": 8,
    }
    values.update(overrides)
    return WebConfig(**values)  # type: ignore[arg-type]


@pytest.fixture()
def app_client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(_config(tmp_path))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def _wait(client: TestClient, batch_id: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch = client.get(f"/api/batches/{batch_id}").json()
        if batch["status"] in ("done", "failed"):
            return batch
        time.sleep(0.5)
    pytest.fail(f"batch {batch_id} not done after {timeout} s")


def _zip_bomb_docx() -> bytes:
    """A DOCX whose document.xml inflates past max_docx_xml_bytes (3 MB of blanks compress to a few KB)."""
    bomb = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body>" + b" " * 3_000_000 + b"</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / "minh-duc-2022.docx") as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = bomb if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_upload_samples_and_hostile_files(app_client: TestClient) -> None:
    text = (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8")
    marked = text.replace("Tổng kết công tác", f"Tổng kết {PAYLOAD} công tác").replace("Minh Đức", "Minh <b>Đức</b>")
    bomb = _zip_bomb_docx()
    assert len(bomb) < 200_000
    files = [
        ("files", ("minh-duc-2022.txt", (SAMPLES / "minh-duc-2022.txt").read_bytes(), "text/plain")),
        ("files", ("dong-hoa-2023.pdf", (SAMPLES / "dong-hoa-2023.pdf").read_bytes(), "application/pdf")),
        ("files", ("markup <b>x<b>.txt", marked.encode("utf-8"), "text/plain")),
        ("files", ("bom.docx", bomb, "application/octet-stream")),
        ("files", ("trống.pdf", b"", "application/pdf")),
        ("files", ("../../etc/passwd.txt", b"root:x:0:0", "text/plain")),
        ("files", ("page.html", f"<html>{PAYLOAD}</html>".encode(), "text/html")),
        ("files", ("huge.txt", b"a" * (LIMITS.max_file_bytes + 1), "text/plain")),
    ]
    response = app_client.post("/api/documents", files=files)
    assert response.status_code == 202, response.text
    accepted = response.json()
    statuses = {d["name"]: d["status"] for d in accepted["documents"]}
    assert statuses == {
        "minh-duc-2022.txt": "queued", "dong-hoa-2023.pdf": "queued", "markup _b_x_b_.txt": "queued",
        "bom.docx": "queued", "trống.pdf": "queued", "passwd.txt": "queued",
        "page.html": "rejected", "huge.txt": "rejected",
    }
    reasons = {d["name"]: d.get("error") for d in accepted["documents"]}
    assert "unsupported type .html" in reasons["page.html"]
    assert "larger than the limit of 2,000,000 bytes" in reasons["huge.txt"]

    batch = _wait(app_client, accepted["batch_id"])
    assert batch["status"] == "done"
    docs = {d["name"]: d for d in batch["documents"]}
    assert docs["minh-duc-2022.txt"]["status"] == "done" and docs["minh-duc-2022.txt"]["unit"] == "Minh Đức"
    assert docs["minh-duc-2022.txt"]["counts"] == {"error": 5, "warning": 7, "info": 0}
    assert docs["dong-hoa-2023.pdf"]["status"] == "done"
    assert docs["bom.docx"]["status"] == "failed" and "bom.docx" in docs["bom.docx"]["error"]
    assert "\n" not in docs["bom.docx"]["error"]
    assert docs["trống.pdf"]["status"] == "failed" and "trống.pdf" in docs["trống.pdf"]["error"]
    assert docs["passwd.txt"]["status"] == "done"  # read as a (not scored) text, kept inside the upload folder
    assert {o["status"] for o in batch["outcomes"]} == {"ok", "failed"} and len(batch["outcomes"]) == 6

    findings = app_client.get("/api/findings", params={"unit": "Minh Đức", "year": 2022}).json()
    assert {f["kind"] for f in findings} >= {"percent_mismatch", "status_contradiction", "year_mismatch"}

    marked_doc = docs["markup _b_x_b_.txt"]
    page = app_client.get(f"/documents/{marked_doc['sha256']}")
    assert page.status_code == 200
    assert PAYLOAD not in page.text and "<b>Đức</b>" not in page.text
    assert "Tổng kết &lt;script&gt;document.title=" in page.text and "Minh &lt;b&gt;Đức&lt;/b&gt;" in page.text
    overview = app_client.get("/", params={"year": 2022}).text
    assert "<b>" not in overview and "<script>" not in overview
    batch_page = app_client.get(f"/batches/{accepted['batch_id']}").text
    assert "<b>x<b>" not in batch_page and "markup _b_x_b_.txt" in batch_page and PAYLOAD not in batch_page

    # uploads are stored by content hash, and never served back
    data = app_client.app.state.config.data_dir  # type: ignore[attr-defined]
    stored = sorted(p.relative_to(data / "uploads").parts[0] for p in (data / "uploads").glob("*/*"))
    assert len(stored) == 6 and all(len(s) == 64 for s in stored)
    assert not any((data / "uploads").glob("*/page.html"))
    for path in (f"/uploads/{stored[0]}", f"/static/../uploads/{stored[0]}", f"/documents/{stored[0]}/file"):
        assert app_client.get(path).status_code == 404
    assert list((data / "uploads" / ".partial").iterdir()) == []


def test_many_uploads_are_queued_not_dropped(app_client: TestClient) -> None:
    names = ["minh-duc-2022.txt", "dong-lac-2023.pdf", "phuoc-an-2021.docx"]
    batch_ids = []
    for name in names:  # three uploads while the first is still running
        response = app_client.post("/api/documents", files=[("files", (name, (SAMPLES / name).read_bytes()))])
        assert response.status_code == 202
        batch_ids.append(response.json()["batch_id"])
    assert {app_client.get(f"/api/batches/{b}").json()["status"] for b in batch_ids} <= {"queued", "running"}
    done = [_wait(app_client, b) for b in batch_ids]
    assert [d["status"] for d in done] == ["done"] * 3
    assert [d["documents"][0]["status"] for d in done] == ["done"] * 3
    assert [d["documents"][0]["unit"] for d in done] == ["Minh Đức", "Đồng Lạc", "Phước An"]
    assert "Đồng Lạc" in app_client.get("/", params={"year": 2023}).text


def test_too_many_files_or_too_large_a_request(app_client: TestClient) -> None:
    files = [("files", (f"r{k}.txt", b"x")) for k in range(9)]
    response = app_client.post("/api/documents", files=files)
    assert response.status_code == 413 and "at most 8" in response.text
    big = app_client.post("/api/documents", content=b"x", headers={
        "content-type": "multipart/form-data; boundary=x", "content-length": str(8 * 2_000_000 + 1_000_001)})
    assert big.status_code == 413
    assert list((app_client.app.state.config.data_dir / "batches").iterdir()) == []  # type: ignore[attr-defined]


class _Dropped(io.RawIOBase):
    """An upload whose connection drops after ``cut`` bytes."""

    def __init__(self, data: bytes, cut: int) -> None:
        self.data, self.cut, self.pos = data, cut, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.pos >= self.cut:
            raise ConnectionResetError("client went away")
        chunk = self.data[self.pos:min(self.cut, self.pos + (size if size > 0 else len(self.data)))]
        self.pos += len(chunk)
        return chunk


def test_stopped_mid_upload_a_reupload_completes_it(tmp_path: Path) -> None:
    data = (SAMPLES / "minh-duc-2022.pdf").read_bytes()
    uploads = Uploads(tmp_path / "web" / "uploads")
    with pytest.raises(ConnectionResetError):
        uploads.receive("minh-duc-2022.pdf", _Dropped(data, len(data) // 2), 10_000_000)
    assert [p.name for p in (tmp_path / "web" / "uploads").iterdir()] == [".partial"]  # nothing half-stored
    assert list(uploads.partial.iterdir()) == []

    # a batch the server had accepted (file stored) but not finished when it stopped
    first = uploads.receive("minh-duc-2022.pdf", io.BytesIO(data), 10_000_000)
    assert first.path is not None and first.path.read_bytes() == data
    batches = tmp_path / "web" / "batches"
    batches.mkdir(parents=True)
    interrupted = {"batch_id": "0" * 32, "status": "running", "created_at": "2026-11-29T10:00:00+00:00",
                   "documents": [{"name": first.name, "sha256": first.sha256, "status": "running"}],
                   "inputs": [str(first.path)], "outcomes": []}
    (batches / f"{'0' * 32}.json").write_text(json.dumps(interrupted), encoding="utf-8")

    with TestClient(create_app(_config(tmp_path)), base_url="http://127.0.0.1") as client:
        again = client.post("/api/documents", files=[("files", ("báo cáo.pdf", data, "application/pdf"))]).json()
        assert again["documents"][0]["sha256"] == first.sha256
        recovered = _wait(client, "0" * 32)
        reuploaded = _wait(client, again["batch_id"])
        assert recovered["documents"][0]["status"] == "done"
        assert reuploaded["documents"][0]["status"] == "done"
        findings = client.get("/api/findings", params={"unit": "Minh Đức"}).json()
        assert len(findings) == 12 and {f["file"] for f in findings} == {"minh-duc-2022.pdf"}
    assert [p.name for p in (tmp_path / "web" / "uploads" / first.sha256).iterdir()] == ["minh-duc-2022.pdf"]


def test_batch_shows_each_document_as_it_finishes(tmp_path: Path) -> None:
    """Progress per file: the batch's state is saved as each document's outcome arrives, before the end."""
    from cchc.web.jobs import Jobs

    snapshots: list[list[str]] = []

    class Watched(Jobs):
        def _save(self, batch: dict) -> None:
            snapshots.append([d["status"] for d in batch["documents"]])
            super()._save(batch)

    jobs = Watched(tmp_path / "web", f"sqlite:///{tmp_path / 'store.sqlite'}", LIMITS)
    uploads = [jobs.uploads.receive(n, io.BytesIO((SAMPLES / n).read_bytes()), LIMITS.max_file_bytes)
               for n in ("minh-duc-2022.txt", "dong-lac-2023.pdf")]
    batch = jobs.submit(uploads)
    jobs.start()
    assert jobs.wait(240)
    jobs.stop()
    assert jobs.get(batch["batch_id"])["status"] == "done"
    assert snapshots[0] == ["queued", "queued"] and snapshots[1] == ["running", "running"]
    assert any(sorted(s) == ["done", "running"] for s in snapshots), snapshots  # one done, the other not yet
    assert snapshots[-1] == ["done", "done"]
