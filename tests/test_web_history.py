"""Issue 14, compare years: the unit page and GET /api/units/{unit}/history show the official values (a stored
published ranking, issue 13) beside the self-reported ones."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from cchc.api import check_batch, extract_file
from cchc.pipeline.store_step import store_batch
from cchc.web import Auth, WebConfig, create_app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_history_has_official_values_beside_self_reported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    report = extract_file(SAMPLES / "dong-hoa-2023.pdf")  # phường Đông Hòa's own report of 2023
    ranking = extract_file(SAMPLES / "phu-lam-2023-chi-so-cchc.xlsx")  # the published ranking of its area
    minh_duc = extract_file(SAMPLES / "minh-duc-2022.txt")  # no ranking of its area is stored
    store_batch(url, [report, ranking, minh_duc], check_batch([report, ranking, minh_duc]))
    config = WebConfig(db_url=url, data_dir=tmp_path / "web", auth=Auth(local_user="lan"), start_worker=False,
                       allowed_hosts={"127.0.0.1"})
    with TestClient(create_app(config), base_url="http://127.0.0.1") as client:
        response = client.get("/api/units/Đông Hòa/history")
        assert response.status_code == 200, response.text
        (unit,) = response.json()["units"]
        (year,) = unit["years"]
        assert year["year"] == 2023 and year["self_reported"]["score"] == 89.88
        official = year["official"]
        assert (official["total"], official["rank"], official["rank_total"]) == (89.63, 4, 19)
        assert official["scores"]["9"] == 10 and official["doc_number"] == "1146/QĐ-UBND"
        assert official["file"] == "phu-lam-2023-chi-so-cchc.xlsx"

        (other,) = client.get("/api/units/Minh Đức/history").json()["units"]
        assert [y["official"] for y in other["years"]] == [None]

        page = client.get("/units/Đông Hòa").text
        assert "Tổng điểm công bố" in page and "89,63" in page and "89,88" in page
        assert "1146/QĐ-UBND" in page and "(công bố 10)" in page
        page_without = client.get("/units/Minh Đức").text
        assert "Tổng điểm công bố" in page_without and "1146/QĐ-UBND" not in page_without
