"""Build the sample published ranking: samples/phu-lam-2023-chi-so-cchc.xlsx and its truth file.

Invented, like the report it goes with (samples/dong-hoa-2023.pdf cites it: "Quyết định số 1146/QĐ-UBND
ngày 05/3/2024 của UBND thị xã Phú Lâm về việc phê duyệt và công bố Chỉ số cải cách hành chính năm 2023
của UBND các xã, phường"). The annex lists the 19 units of thị xã Phú Lâm with the ten criteria (maxima in
the header, as "(12 điểm)"), total, percent, rank and classification.

Planted, for the demo's reconciliation:
- phường Đông Hòa: criterion 9 is 10 in the decision but 10,25 in the report, so the total is 89,63
  against the report's 89,88 (official_score_mismatch: 9, overall, percent). Its rank, 4/19, agrees.
- xã Kha Sơn: percent printed with a digit dropped (80,8 for a total of 80,98: ranking_percent_mismatch).

Usage: ``python samples/build_ranking.py [OUT_DIR]`` (default: samples/). Byte-deterministic.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

NAME = "phu-lam-2023-chi-so-cchc"
MAXIMA = {
    "1": ("Công tác chỉ đạo, điều hành CCHC", Decimal(12)),
    "2": ("Cải cách thể chế", Decimal(6)),
    "3": ("Cải cách thủ tục hành chính", Decimal(17)),
    "4": ("Cải cách tổ chức bộ máy hành chính nhà nước", Decimal(6)),
    "5": ("Cải cách chế độ công vụ", Decimal(10)),
    "6": ("Cải cách tài chính công", Decimal(8)),
    "7": ("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", Decimal(13)),
    "8": ("Tác động của CCHC đến phát triển kinh tế - xã hội", Decimal(4)),
    "9": ("Đánh giá tác động của các tổ chức đối với CCHC", Decimal(12)),
    "10": ("Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước", Decimal(12)),
}
# The report's scores (samples/truth/dong-hoa-2023.json), criterion 9 as the decision prints it.
DONG_HOA = {
    "1": Decimal("10.5"), "2": Decimal(6), "3": Decimal("15.25"), "4": Decimal("5.5"), "5": Decimal(9),
    "6": Decimal("7.3"), "7": Decimal("11.08"), "8": Decimal("3.5"), "9": Decimal(10), "10": Decimal("11.5"),
}  # fmt: skip
OTHERS = [
    ("phường", "Ba Hàng"), ("xã", "Bảo Lý"), ("phường", "Bắc Sơn"), ("xã", "Cao Sơn"), ("xã", "Đồng Tiến"),
    ("xã", "Hà Châu"), ("xã", "Hợp Thành"), ("xã", "Kha Sơn"), ("xã", "Lương Phú"), ("xã", "Minh Lập"),
    ("xã", "Nga My"), ("phường", "Phúc Thuận"), ("xã", "Quang Sơn"), ("xã", "Tân Đức"), ("xã", "Thanh Ninh"),
    ("phường", "Tiên Phong"), ("xã", "Trung Thành"), ("xã", "Úc Kỳ"),
]  # fmt: skip
FIXED_TIME = (2024, 3, 5, 8, 0, 0)


def vn(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def classification(total: Decimal) -> str:
    return "Xuất sắc" if total >= 90 else "Tốt" if total >= 80 else "Khá" if total >= 70 else "Trung bình"


def units() -> list[dict[str, object]]:
    """19 units: three above Đông Hòa's official 89,63, fifteen below, distinct totals, ranked."""
    rnd = random.Random(1146)
    above: list[dict[str, Decimal]] = []
    below: list[dict[str, Decimal]] = []
    totals: set[Decimal] = {sum(DONG_HOA.values(), Decimal(0))}
    while len(above) < 3 or len(below) < 15:
        scores = {
            code: (mx * Decimal(rnd.randint(72, 100)) / 100).quantize(Decimal("0.01")).normalize()
            for code, (_, mx) in MAXIMA.items()
        }
        total = sum(scores.values(), Decimal(0))
        if total in totals:
            continue
        if total > Decimal(90) and len(above) < 3:
            above.append(scores)
        elif total < Decimal("89.3") and len(below) < 15:
            below.append(scores)
        else:
            continue
        totals.add(total)
    rows: list[dict[str, object]] = [{"level": "phường", "name": "Đông Hòa", "scores": DONG_HOA}]
    rows += [{"level": lv, "name": nm, "scores": sc} for (lv, nm), sc in zip(OTHERS, above + below, strict=True)]
    for row in rows:
        total = sum(row["scores"].values(), Decimal(0))  # type: ignore[union-attr]
        row["total"] = total
        row["percent"] = total  # the maxima sum to 100
    rows.sort(key=lambda r: -r["total"])  # type: ignore[operator]
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
        row["classification"] = classification(row["total"])  # type: ignore[arg-type]
    kha_son = next(r for r in rows if r["name"] == "Kha Sơn")
    kha_son["percent"] = Decimal(str(kha_son["total"])[:-1])  # a digit dropped: 80,98 -> 80,9
    return rows


def build(out_dir: Path) -> list[Path]:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    rows = units()
    kha_son = next(r for r in rows if r["name"] == "Kha Sơn")
    wb = openpyxl.Workbook()
    wb.properties.creator = "cchc samples"
    wb.properties.created = wb.properties.modified = datetime(*FIXED_TIME)
    ws = wb.active
    ws.title = "Phụ lục"
    for line in (
        "ỦY BAN NHÂN DÂN THỊ XÃ PHÚ LÂM",
        "Phụ lục: KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC XÃ, PHƯỜNG",
        "(Kèm theo Quyết định số 1146/QĐ-UBND ngày 05/3/2024 của UBND thị xã Phú Lâm, tỉnh Thái Nguyên)",
    ):
        ws.append([line])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.append([])
    codes = list(MAXIMA)
    ws.append(["STT", "Đơn vị", "Điểm đạt được theo lĩnh vực", *[None] * (len(codes) - 1),
               "Tổng điểm (100 điểm)", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"])  # fmt: skip
    ws.append([None, None, *[f"{MAXIMA[c][0]} ({vn(MAXIMA[c][1])} điểm)" for c in codes]])
    header = ws.max_row - 1
    ws.merge_cells(start_row=header, start_column=3, end_row=header, end_column=2 + len(codes))
    for col in (1, 2, *range(3 + len(codes), 7 + len(codes))):
        ws.merge_cells(start_row=header, start_column=col, end_row=header + 1, end_column=col)
    for cell in ws[header + 1]:
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for n, row in enumerate(rows, start=1):
        scores = row["scores"]
        ws.append([
            n, f"{str(row['level']).capitalize()} {row['name']}",
            *[float(scores[c]) for c in codes],  # type: ignore[index]
            float(row["total"]), float(row["percent"]) / 100, row["rank"], row["classification"],  # type: ignore[arg-type]
        ])  # fmt: skip
        ws.cell(row=ws.max_row, column=4 + len(codes)).number_format = "0.00%"
    ws.append([])
    ws.append(["Danh sách gồm 19 đơn vị (15 xã, 4 phường)."])
    buffer = io.BytesIO()
    wb.save(buffer)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{NAME}.xlsx"
    path.write_bytes(_fixed_zip(buffer.getvalue()))
    truth = {
        "file": path.name,
        "document_type": "ranking",
        "ranking": {
            "issuer": "UBND thị xã Phú Lâm",
            "year": 2023,
            "district": "Phú Lâm",
            "province": "Thái Nguyên",
            "doc_number": "1146/QĐ-UBND",
            "max_total": 100,
            "framework": {c: float(MAXIMA[c][1]) for c in codes},
            "rows": [
                {
                    "unit_level": row["level"], "unit_name": row["name"],
                    "scores": {c: float(v) for c, v in row["scores"].items()},  # type: ignore[union-attr]
                    "total": float(row["total"]), "percent": float(row["percent"]),  # type: ignore[arg-type]
                    "rank": row["rank"], "rank_total": len(rows), "classification": row["classification"],
                }
                for row in rows
            ],
        },
        "planted": [
            {
                "kind": "ranking_percent_mismatch", "subject": "xã Kha Sơn",
                "note": f"total {vn(kha_son['total'])} printed as {vn(kha_son['percent'])}%",
            },
        ],
        "reconciliation": {
            "dong-hoa-2023": [
                {"kind": "official_score_mismatch", "subject": "phường Đông Hòa: 9", "note": "report 10,25, decision 10"},
                {"kind": "official_score_mismatch", "subject": "phường Đông Hòa: overall", "note": "89,88 vs 89,63"},
                {"kind": "official_score_mismatch", "subject": "phường Đông Hòa: percent", "note": "89,88 vs 89,63"},
            ]
        },
    }
    (out_dir / "truth").mkdir(exist_ok=True)
    truth_path = out_dir / "truth" / f"{NAME}.json"
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [path, truth_path]


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and modified date (openpyxl stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            part = src.read(info)
            if info.filename == "docProps/core.xml":
                part = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2024-03-05T08:00:00Z\g<2>", part
                )
            dst.writestr(fixed, part)
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    for path in build(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
