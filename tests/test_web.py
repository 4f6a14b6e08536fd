"""The web app in-process (FastAPI's TestClient), over a store holding the sample report: the HTTP API
contract, triage that survives re-ingesting, sign-in, CSRF, escaping and the pages. No Prefect here
(records are stored with ``store_batch``, as ``cchc ingest`` does); uploads are in test_web_upload.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from cchc import extract_file
from cchc.pipeline.store_step import store_batch
from cchc.schemas.record import Record
from cchc.store import Store
from cchc.store.store import unit_key
from cchc.store.triage import decisions, finding_key, record_finding_key
from cchc.web import Auth, WebConfig, create_app, hash_password

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TOKEN = "s3cret-token-for-tests-0123456789"
BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def sample_txt() -> Record:
    return extract_file(SAMPLES / "minh-duc-2022.txt")


@pytest.fixture(scope="module")
def sample_pdf() -> Record:
    return extract_file(SAMPLES / "minh-duc-2022.pdf")


def _variant(tmp_path: Path, name: str, *replacements: tuple[str, str]) -> Record:
    """The sample's text with some words changed, read like any report."""
    text = (SAMPLES / "minh-duc-2022.txt").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def _client(db_url: str, tmp_path: Path, auth: Auth | None = None) -> TestClient:
    config = WebConfig(db_url=db_url, data_dir=tmp_path / "web", auth=auth or Auth(local_user="lan"),
                       start_worker=False, allowed_hosts={"127.0.0.1"})
    return TestClient(create_app(config), base_url=BASE)


@pytest.fixture()
def client(db_url: str, tmp_path: Path, sample_txt: Record) -> Iterator[TestClient]:
    store_batch(db_url, [sample_txt], [])
    with _client(db_url, tmp_path) as c:
        yield c


def _by_subject(client: TestClient, **params: str | int) -> dict[str, dict]:
    response = client.get("/api/findings", params=params)
    assert response.status_code == 200, response.text
    return {f"{f['kind']}:{f['subject']}": f for f in response.json()}


# ---------------------------------------------------------------------- the API contract


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_findings_of_the_sample_with_stable_ids(client: TestClient, sample_txt: Record) -> None:
    found = _by_subject(client)
    assert {k for k in found if not k.startswith("conflicting_values:")} == {
        "percent_mismatch:1", "status_contradiction:1.3", "status_contradiction:3.1", "status_contradiction:3.3",
        "status_contradiction:7.1.7", "status_contradiction:3.5", "status_contradiction:3.6",
        "malformed_number:7", "numbering_gap:II", "year_mismatch:closing",
    }
    # conflicts are known by the two values printed in the report, not by the words the checker names them by
    conflicts = {(f["expected"], f["actual"]) for k, f in found.items() if k.startswith("conflicting_values:")}
    assert conflicts == {("3150/3155", "2252/3177"), ("2/19", "2/10")}
    percent = found["percent_mismatch:1"]
    assert percent["rule"] == "CCHC101" and percent["severity"] == "error"
    assert (percent["expected"], percent["actual"]) == ("84.67", "87.67")  # 12,7/15 is 84,67%; printed 87,67%
    assert percent["unit"] == "Minh Đức" and percent["year"] == 2022 and percent["district"] == "Tứ Kỳ"
    assert percent["file"] == "minh-duc-2022.txt" and percent["status"] == "open" and percent["reason"] is None
    assert percent["evidence"] and "87,67" in " ".join(e["text"] for e in percent["evidence"])
    # the id is the identity (unit, year, rule, subject, compared values), not a row number
    assert percent["id"] == finding_key(unit_key("Minh Đức", "xã", "Tứ Kỳ"), 2022, "CCHC101", "1", 84.67, 87.67)
    assert percent["id"] == record_finding_key("Minh Đức", "xã", "Tứ Kỳ", 2022, sample_txt.findings[0])
    assert _by_subject(client)["percent_mismatch:1"]["id"] == percent["id"]


def test_findings_filters(client: TestClient) -> None:
    assert len(_by_subject(client, kind="status_contradiction")) == 6
    assert len(_by_subject(client, unit="MINH ĐỨC", year=2022)) == 12  # any case
    assert len(_by_subject(client, unit="Minh Đức", year=2021)) == 0
    assert len(_by_subject(client, unit="Minh Hòa")) == 0
    assert len(_by_subject(client, status="dismissed")) == 0
    assert len(_by_subject(client, status="open")) == 12
    assert client.get("/api/findings", params={"status": "closed"}).status_code == 422


def test_triage_dismiss_needs_a_reason_then_accept_and_reopen(client: TestClient) -> None:
    fid = _by_subject(client)["numbering_gap:II"]["id"]
    url = f"/api/findings/{fid}/triage"
    for body in ({"status": "dismissed"}, {"status": "dismissed", "reason": "   "}):
        refused = client.post(url, json=body)
        assert refused.status_code == 422 and "reason" in refused.text
    assert client.post(url, json={"status": "closed"}).status_code == 422
    assert client.post("/api/findings/0123456789abcdef0123456789abcdef/triage",
                       json={"status": "accepted"}).status_code == 404

    dismissed = client.post(url, json={"status": "dismissed", "reason": "Mục II đánh số theo  mẫu của huyện"})
    assert dismissed.status_code == 200, dismissed.text
    body = dismissed.json()
    assert (body["id"], body["status"], body["reason"]) == (fid, "dismissed", "Mục II đánh số theo mẫu của huyện")
    assert body["decided_by"] == "lan" and body["decided_at"]
    assert set(_by_subject(client, status="dismissed")) == {"numbering_gap:II"}
    assert len(_by_subject(client, status="open")) == 11

    accepted = client.post(url, json={"status": "accepted"}).json()
    assert (accepted["status"], accepted["reason"]) == ("accepted", None)
    reopened = client.post(url, json={"status": "open"}).json()
    assert reopened["status"] == "open"
    assert len(_by_subject(client, status="open")) == 12


def test_triage_is_json_only(client: TestClient) -> None:
    """A cross-site form cannot post a triage: the API reads JSON bodies only, and other origins are refused."""
    fid = _by_subject(client)["numbering_gap:II"]["id"]
    form = client.post(f"/api/findings/{fid}/triage", data={"status": "accepted"})
    assert form.status_code == 422
    foreign = client.post(f"/api/findings/{fid}/triage", json={"status": "accepted"},
                          headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert _by_subject(client)["numbering_gap:II"]["status"] == "open"


def test_decisions_survive_reingesting_same_and_corrected_reports(
    client: TestClient, db_url: str, sample_txt: Record, sample_pdf: Record, tmp_path: Path
) -> None:
    found = _by_subject(client)
    percent_id = found["percent_mismatch:1"]["id"]
    client.post(f"/api/findings/{percent_id}/triage", json={"status": "dismissed", "reason": "Lỗi đánh máy"})
    gap_id = found["numbering_gap:II"]["id"]
    client.post(f"/api/findings/{gap_id}/triage", json={"status": "accepted"})

    store_batch(db_url, [sample_txt], [])  # the same content again: stored once, decisions untouched
    assert _by_subject(client)["percent_mismatch:1"]["status"] == "dismissed"

    stored = store_batch(db_url, [sample_pdf], [])  # the same report as PDF: a new version, same problems
    assert stored.saved[0].version == 2 and stored.saved[0].is_current
    again = _by_subject(client)
    assert again["percent_mismatch:1"]["id"] == percent_id
    assert again["percent_mismatch:1"]["file"] == "minh-duc-2022.pdf"
    assert (again["percent_mismatch:1"]["status"], again["percent_mismatch:1"]["reason"]) == ("dismissed", "Lỗi đánh máy")
    assert again["numbering_gap:II"]["status"] == "accepted"
    assert again["year_mismatch:closing"]["status"] == "open"

    # corrected: criterion 1 now printed 84,67% (right): that finding is gone, the others keep their decisions
    fixed = _variant(tmp_path, "minh-duc-2022-v3.txt", ("87,67%", "84,67%"))
    store_batch(db_url, [fixed], [])
    third = _by_subject(client)
    assert "percent_mismatch:1" not in third
    assert third["numbering_gap:II"]["status"] == "accepted"

    # corrected differently: 88,67% is still wrong but is another problem (other values): open again
    other = _variant(tmp_path, "minh-duc-2022-v4.txt", ("87,67%", "88,67%"))
    store_batch(db_url, [other], [])
    fourth = _by_subject(client)["percent_mismatch:1"]
    assert fourth["actual"] == "88.67" and fourth["id"] != percent_id and fourth["status"] == "open"


def test_decisions_are_stored_in_the_database(client: TestClient, db_url: str) -> None:
    fid = _by_subject(client)["year_mismatch:closing"]["id"]
    client.post(f"/api/findings/{fid}/triage", json={"status": "dismissed", "reason": "Năm ở phần kết là năm triển khai"})
    client.close()
    with Store(db_url) as store:  # another process opening the store later sees it
        decision = decisions(store)[fid]
    assert (decision.status, decision.decided_by) == ("dismissed", "lan")


def test_unit_history(client: TestClient, db_url: str, tmp_path: Path) -> None:
    older = _variant(tmp_path, "minh-duc-2021.txt", ("năm 2022", "năm 2021"), ("NĂM 2022", "NĂM 2021"))
    assert older.meta.report_year == 2021
    store_batch(db_url, [older], [])
    response = client.get("/api/units/minh đức/history")
    assert response.status_code == 200
    (unit,) = response.json()["units"]
    assert (unit["unit"], unit["level"], unit["district"]) == ("Minh Đức", "xã", "Tứ Kỳ")
    assert [y["year"] for y in unit["years"]] == [2021, 2022]
    latest = unit["years"][1]["self_reported"]
    assert (latest["score"], latest["max_score"], latest["rank"], latest["rank_total"]) == (83.97, 100, 8, 23)
    assert latest["criteria"]["1"] == {"score": 12.7, "max_score": 15}
    assert client.get("/api/units/Hòa Bình/history").status_code == 404
    page = client.get("/units/Minh Đức", params={"district": "Tứ Kỳ"})
    assert page.status_code == 200 and "2021" in page.text and "83,97/100" in page.text


def test_batches_unknown(client: TestClient) -> None:
    assert client.get("/api/batches/nope").status_code == 404
    assert client.get("/api/batches/..%2F..%2Fetc").status_code == 404


def test_openapi_committed_is_current(client: TestClient) -> None:
    committed = json.loads((ROOT / "schemas" / "openapi.json").read_text(encoding="utf-8"))
    served = client.get("/openapi.json").json()
    assert served == committed, "schemas/openapi.json is stale: run `make schema`"
    assert set(served["paths"]) == {
        "/healthz", "/api/documents", "/api/batches/{batch_id}", "/api/findings",
        "/api/findings/{finding_id}/triage", "/api/units/{unit}/history",
    }


# ---------------------------------------------------------------------- pages


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)


def test_overview_page(client: TestClient, db_url: str, tmp_path: Path) -> None:
    other = _variant(tmp_path, "an-binh-2022.txt", ("Minh Đức", "An Bình"), ("MINH ĐỨC", "AN BÌNH"),
                     ("87,67%", "84,67%"))
    store_batch(db_url, [other], [])
    page = client.get("/")
    assert page.status_code == 200
    rows = re.findall(r"<tr>\s*<td><a href=\"/documents/(\w+)\">([^<]+)</a>", page.text)
    assert [name.strip() for _, name in rows] == ["xã An Bình", "xã Minh Đức"]
    # Minh Đức: 5 open errors (criterion 1's percent, 1.3, 3.1, 3.3, 7.1.7); An Bình: 4 (percent right)
    errors = re.findall(r'<td class="num sev-error">(\d+)</td>', page.text)
    assert errors == ["4", "5"]
    fid = _by_subject(client, unit="Minh Đức")["percent_mismatch:1"]["id"]
    client.post(f"/api/findings/{fid}/triage", json={"status": "dismissed", "reason": "đã kiểm tra"})
    assert re.findall(r'<td class="num sev-error">(\d+)</td>', client.get("/").text) == ["4", "4"]
    assert "Không có đơn vị" in client.get("/", params={"district": "Gia Lộc"}).text
    assert "Minh Đức" in client.get("/", params={"district": "tứ kỳ", "severity": "error"}).text
    assert "Không có đơn vị" in client.get("/", params={"level": "phường"}).text


def test_report_page_triage_with_csrf_and_dismissed_collapsed(client: TestClient) -> None:
    sha = _by_subject(client)["numbering_gap:II"]["sha256"]
    fid = _by_subject(client)["numbering_gap:II"]["id"]
    page = client.get(f"/documents/{sha}")
    assert page.status_code == 200
    assert "87,67%" in page.text and "84,67%" in page.text  # criterion 1 printed vs recomputed
    # only criterion 1 is marked: 8,97/11,5 printed 77,99% and 9,67/10 printed 96,71% are within rounding
    assert page.text.count('class="differs"') == 1
    differs = page.text[page.text.index('class="differs"'):]
    assert re.match(r'class="differs">\s*<td>1</td>', differs)
    token = _csrf(page.text)
    url = f"/findings/{fid}/triage"
    no_token = client.post(url, data={"status": "dismissed", "reason": "x", "next": f"/documents/{sha}"})
    assert no_token.status_code == 403
    altered = token[:-1] + ("1" if token.endswith("0") else "0")  # always differs from the token
    wrong = client.post(url, data={"status": "dismissed", "reason": "x", "csrf": altered})
    assert wrong.status_code == 403
    no_reason = client.post(url, data={"status": "dismissed", "reason": "", "csrf": token})
    assert no_reason.status_code == 422 and "reason" in no_reason.text
    done = client.post(url, data={"status": "dismissed", "reason": "Theo mẫu <b>huyện</b>", "csrf": token,
                                  "next": f"/documents/{sha}"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/documents/{sha}#f-{fid}"
    evil = client.post(url, data={"status": "open", "csrf": token, "next": "//evil.example/x"},
                       follow_redirects=False)
    assert evil.headers["location"].startswith("/#")
    client.post(url, data={"status": "dismissed", "reason": "Theo mẫu <b>huyện</b>", "csrf": token})
    page = client.get(f"/documents/{sha}").text
    article = page[page.index(f'id="f-{fid}"'):]
    article = article[: article.index("</article>")]
    assert 'data-status="dismissed"' in article and "<details>" in article
    assert "Theo mẫu &lt;b&gt;huyện&lt;/b&gt;" in article and "lan" in article
    log = client.get(f"/findings/{fid}").text
    assert log.count("<td>lan</td>") == 3  # dismissed, reopened, dismissed


def test_markup_in_a_report_is_escaped(client: TestClient, db_url: str, tmp_path: Path) -> None:
    payload = "<script>alert(1)</script>"
    hostile = _variant(tmp_path, "hostile.txt", ("Tổng kết công tác", f"Tổng kết {payload} công tác"),
                       ("Minh Đức", 'Minh "Đức<img src=x onerror=alert(1)>'))
    store_batch(db_url, [hostile], [])
    page = client.get(f"/documents/{hostile.source.sha256}")
    assert page.status_code == 200
    assert payload not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<img src=x" not in page.text and "onerror=alert(1)&gt;" in page.text
    assert "<img src=x" not in client.get("/").text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_evidence_rendered_from_the_pdf_page(client: TestClient, db_url: str, sample_pdf: Record) -> None:
    from io import BytesIO

    from PIL import Image

    store_batch(db_url, [sample_pdf], [])
    finding = _by_subject(client)["percent_mismatch:1"]
    evidence = finding["evidence"][0]
    assert evidence["page"] == 1 and evidence["bbox"]
    page = client.get(f"/documents/{sample_pdf.source.sha256}").text
    src = re.search(r'src="(/documents/\w+/evidence\.png\?page=1&amp;bbox=[^"]+)"', page)
    assert src, "the finding's evidence is not shown as an image"
    image = client.get(src.group(1).replace("&amp;", "&"))
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    picture = Image.open(BytesIO(image.content)).convert("RGB")
    _, top, _, bottom = evidence["bbox"]
    assert picture.width == (595 * 2) or picture.width > 1000  # the page's width at 144 dpi
    assert picture.height < (bottom - top + 2 * 60) * 2 + 10  # a region, not the whole page
    raw = picture.tobytes()
    reds = sum(1 for k in range(0, len(raw), 3) if raw[k] > 180 and raw[k + 1] < 80 and raw[k + 2] < 80)
    assert reds > 100, "the quoted box is not outlined"
    assert client.get(f"/documents/{sample_pdf.source.sha256}/evidence.png", params={"page": 99}).status_code == 404
    txt_sha = _by_subject(client, unit="Minh Đức")["percent_mismatch:1"]["sha256"]
    assert txt_sha == sample_pdf.source.sha256
    # a text report has no page to render: its line is shown instead
    assert client.get("/documents/" + "0" * 64 + "/evidence.png").status_code == 404


# ---------------------------------------------------------------------- signing in


def test_token_protects_api_and_pages(db_url: str, tmp_path: Path, sample_txt: Record) -> None:
    store_batch(db_url, [sample_txt], [])
    with _client(db_url, tmp_path, Auth(token=TOKEN)) as client:
        assert client.get("/healthz").status_code == 200
        assert client.get("/api/findings").status_code == 401
        assert client.get("/api/findings", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/findings", headers={"Authorization": TOKEN}).status_code == 401
        ok = client.get("/api/findings", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and len(ok.json()) == 12
        fid = ok.json()[0]["id"]
        decided = client.post(f"/api/findings/{fid}/triage", json={"status": "accepted"},
                              headers={"Authorization": f"Bearer {TOKEN}", "X-Cchc-Reviewer": quote("Hà")})
        assert decided.json()["decided_by"] == "token (Hà)"

        first = client.get("/", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/login?next=/"
        assert "set-cookie" not in first.headers
        bad = client.post("/login", data={"name": "Hà", "password": "wrong", "next": "/"})
        assert bad.status_code == 401
        assert client.get("/", follow_redirects=False).status_code == 303
        good = client.post("/login", data={"name": "Nguyễn Thu Hà", "password": TOKEN, "next": "/"},
                           follow_redirects=False)
        assert good.status_code == 303
        cookie = good.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        page = client.get("/")
        assert page.status_code == 200 and "Nguyễn Thu Hà" in page.text
        sha = ok.json()[0]["sha256"]
        report = client.get(f"/documents/{sha}")
        fid2 = ok.json()[1]["id"]
        client.post(f"/findings/{fid2}/triage", data={"status": "dismissed", "reason": "ok", "csrf": _csrf(report.text)})
        by_id = {f["id"]: f for f in client.get("/api/findings", headers={"Authorization": f"Bearer {TOKEN}"}).json()}
        assert (by_id[fid2]["status"], by_id[fid2]["decided_by"]) == ("dismissed", "Nguyễn Thu Hà")
        # the session cookie does not open the API (it needs the bearer token)
        assert client.get("/api/findings").status_code == 401
        client.cookies.set("cchc_session", "forged.0000")
        assert client.get("/", follow_redirects=False).status_code == 303


def test_users_file_passwords(db_url: str, tmp_path: Path) -> None:
    from cchc.web.auth import read_users, verify_password

    users_file = tmp_path / "users.txt"
    users_file.write_text(f"# reviewers\nthu:{hash_password('mật khẩu dài')}\n"
                          f"tool:{hash_password('ascii-pass-2026')}\n", encoding="utf-8")
    users = read_users(users_file)
    assert verify_password("mật khẩu dài", users["thu"]) and not verify_password("mat khau dai", users["thu"])
    assert "mật khẩu" not in users_file.read_text(encoding="utf-8")
    with _client(db_url, tmp_path, Auth(users=users)) as client:
        assert client.post("/login", data={"name": "thu", "password": "sai"}).status_code == 401
        assert client.post("/login", data={"name": "khác", "password": "mật khẩu dài"}).status_code == 401
        assert client.post("/login", data={"name": "thu", "password": "mật khẩu dài"}).status_code == 200
        assert client.get("/healthz").status_code == 200
        assert client.get("/api/findings", headers={"Authorization": "Bearer tool:ascii-pass-2026"}).status_code == 200
        assert client.get("/api/findings", headers={"Authorization": "Bearer thu:sai"}).status_code == 401


def test_serve_refuses_an_open_host_without_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from cchc.cli import main

    monkeypatch.delenv("CCHC_TOKEN", raising=False)
    code = main(["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "s.sqlite"), "--data-dir", str(tmp_path)])
    assert code == 2
    assert "refusing to serve on 0.0.0.0 without credentials" in capsys.readouterr().err
    monkeypatch.setenv("CCHC_TOKEN", "short")
    assert main(["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "s.sqlite")]) == 2
    assert "too short" in capsys.readouterr().err


def test_loopback_server_refuses_other_host_names(client: TestClient) -> None:
    """DNS rebinding: a page of another site resolving its name to 127.0.0.1 is refused."""
    assert client.get("/api/findings", headers={"Host": "evil.example"}).status_code == 421


def test_statuses_for_reports_and_exports(client: TestClient, db_url: str, sample_pdf: Record) -> None:
    """What review files, findings.csv and exports call to carry each finding's status (store.triage)."""
    from cchc.store.triage import status_columns, statuses_of

    fid = _by_subject(client)["year_mismatch:closing"]["id"]
    client.post(f"/api/findings/{fid}/triage", json={"status": "dismissed", "reason": "năm triển khai"})
    meta = sample_pdf.meta  # another file of the same report: same identities
    with Store(db_url) as store:
        found = statuses_of(store, meta.unit_name, meta.unit_level, meta.district, meta.report_year,
                            sample_pdf.findings)
    by_kind = {(f.kind, f.subject): status_columns(d) for f, d in zip(sample_pdf.findings, found)}
    assert by_kind[("year_mismatch", "closing")]["status"] == "dismissed"
    assert by_kind[("year_mismatch", "closing")]["reason"] == "năm triển khai"
    assert by_kind[("year_mismatch", "closing")]["decided_by"] == "lan"
    assert by_kind[("percent_mismatch", "1")] == {"status": "open", "reason": "", "decided_by": "", "decided_at": ""}


def test_export_carries_triage_counts(client: TestClient, db_url: str, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    from cchc.cli import main

    found = _by_subject(client)
    client.post(f"/api/findings/{found['year_mismatch:closing']['id']}/triage",
                json={"status": "dismissed", "reason": "năm triển khai"})
    client.post(f"/api/findings/{found['percent_mismatch:1']['id']}/triage", json={"status": "accepted"})
    out = tmp_path / "export.csv"
    assert main(["export", "--year", "2022", "--db", db_url, "-o", str(out)]) == 0
    (row,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["unit_name"] == "Minh Đức"
    assert (row["findings_open"], row["findings_accepted"], row["findings_dismissed"]) == ("10", "1", "1")
    parquet = tmp_path / "export.parquet"
    assert main(["export", "--year", "2022", "--db", db_url, "--format", "parquet", "-o", str(parquet)]) == 0
    table = pq.read_table(parquet).to_pylist()
    assert (table[0]["findings_open"], table[0]["findings_dismissed"]) == (10, 1)


def test_hash_password_makes_a_users_file_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cchc.web.auth import read_users, verify_password
    from cchc.web.serve_command import serve

    result = CliRunner().invoke(serve, ["--hash-password"], input="Lê Thu\nmật khẩu\nmật khẩu\n")
    assert result.exit_code == 0, result.output
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("Lê Thu:pbkdf2_sha256$") and "mật khẩu" not in line
    users_file = tmp_path / "users.txt"
    users_file.write_text(line + "\n", encoding="utf-8")
    assert verify_password("mật khẩu", read_users(users_file)["Lê Thu"])
    users_file.write_text("Lê Thu:plain-text-password\n", encoding="utf-8")
    from cchc.errors import UsageError

    with pytest.raises(UsageError, match="users.txt:1"):
        read_users(users_file)
