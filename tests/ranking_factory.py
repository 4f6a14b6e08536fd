"""Build published CCHC rankings (decision annex tables, announcements) in DOCX, PDF and XLSX.

The values are planted by the caller (a :class:`Ranking` of :class:`Unit`), so a test asserts what it
planted, never what the code produced. Layouts follow published annexes: STT | đơn vị | one column per
criterion (maximum in the header, or on a second header row) | tổng điểm | chỉ số % | xếp hạng |
xếp loại; rows grouped ("Nhóm xã", "Nhóm phường") when ``grouped``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

MAXIMA: dict[str, Decimal] = {
    "1": Decimal(12), "2": Decimal(6), "3": Decimal(17), "4": Decimal(6), "5": Decimal(10),
    "6": Decimal(8), "7": Decimal(13), "8": Decimal(4), "9": Decimal(12), "10": Decimal(12),
}  # fmt: skip
TITLES: dict[str, str] = {
    "1": "Công tác chỉ đạo, điều hành",
    "2": "Cải cách thể chế",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy",
    "5": "Cải cách chế độ công vụ",
    "6": "Cải cách tài chính công",
    "7": "Chính quyền điện tử, chính quyền số",
    "8": "Tác động đến phát triển kinh tế - xã hội",
    "9": "Đánh giá của các tổ chức đối với CCHC",
    "10": "Sự hài lòng của người dân, tổ chức",
}


def vn(value: Decimal | float) -> str:
    """Vietnamese print of a planted value: decimal comma, no trailing zeros."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text.replace(".", ",")


@dataclass
class Unit:
    level: str
    name: str
    scores: dict[str, Decimal]
    total: Decimal | None = None
    percent: Decimal | None = None
    rank: int | None = None
    classification: str | None = None
    group: str | None = None

    def __post_init__(self) -> None:
        if self.total is None:
            self.total = sum(self.scores.values(), Decimal(0))
        if self.percent is None:
            self.percent = self.total  # the maxima sum to 100

    @property
    def label(self) -> str:
        return f"{self.level[0].upper()}{self.level[1:]} {self.name}"


@dataclass
class Ranking:
    units: list[Unit]
    year: int = 2023
    district: str = "Phú Lâm"
    district_level: str = "thị xã"
    province: str = "Thái Nguyên"
    doc_number: str = "1146/QĐ-UBND"
    maxima: dict[str, Decimal] = field(default_factory=lambda: dict(MAXIMA))
    grouped: bool = False
    maxima_row: bool = False  # maxima on a second header row instead of "(12 điểm)" in the title

    def header_rows(self, short: bool = False) -> list[list[str]]:
        codes = list(self.maxima)
        if self.maxima_row:
            first = ["STT", "Đơn vị"] + [f"LV{c}" for c in codes] + ["Tổng điểm", "Chỉ số (%)", "Xếp hạng"]
            second = ["", "Điểm tối đa"] + [vn(self.maxima[c]) for c in codes] + ["100", "", ""]
            return [first, second]
        names = [f"{TITLES[c]} ({vn(self.maxima[c])} điểm)" for c in codes]
        first = ["STT", "Đơn vị"] + ["Điểm các lĩnh vực"] * len(codes) + ["Tổng điểm (100 điểm)", "Chỉ số CCHC (%)"]
        first += ["Xếp hạng", "Xếp loại"]
        second = ["STT", "Đơn vị", *names, "Tổng điểm (100 điểm)", "Chỉ số CCHC (%)", "Xếp hạng", "Xếp loại"]
        return [first, second]

    def body_rows(self) -> list[list[str]]:
        rows: list[list[str]] = []
        group = None
        for n, unit in enumerate(self.units, start=1):
            if self.grouped and unit.group != group:
                group = unit.group
                row = [""] * len(self.header_rows()[0])
                row[1] = group or ""
                rows.append(row)
            row = [str(n), unit.label] + [vn(unit.scores[c]) if c in unit.scores else "" for c in self.maxima]
            row += [vn(unit.total or 0), vn(unit.percent or 0), str(unit.rank or "")]
            if not self.maxima_row:
                row.append(unit.classification or "")
            rows.append(row)
        return rows

    def title_lines(self) -> list[str]:
        return [
            f"ỦY BAN NHÂN DÂN {self.district_level.upper()} {self.district.upper()}",
            f"Số: {self.doc_number}",
            "QUYẾT ĐỊNH",
            (
                f"Về việc công bố Chỉ số cải cách hành chính năm {self.year} của UBND các xã, phường "
                f"trên địa bàn {self.district_level} {self.district}, tỉnh {self.province}"
            ),
        ]


def invented_units(n: int, seed: int, *, levels: tuple[str, ...] = ("xã", "phường"), grouped: bool = False) -> list[Unit]:
    """``n`` invented units with scores under the maxima, ranked by total (ties share a rank)."""
    rnd = random.Random(seed)
    names = [
        "An Bình", "Bảo Lý", "Cao Sơn", "Đông Hòa", "Đồng Tiến", "Hà Châu", "Hợp Thành", "Kha Sơn",
        "Lương Phú", "Minh Lập", "Nga My", "Phúc Thuận", "Quang Sơn", "Tân Đức", "Thanh Ninh", "Tiên Phong",
        "Trung Thành", "Úc Kỳ", "Xuân Phương", "Yên Lạc",
    ]  # fmt: skip
    units = []
    for i in range(n):
        scores = {
            code: (mx * Decimal(rnd.randint(70, 100)) / 100).quantize(Decimal("0.01")).normalize()
            for code, mx in MAXIMA.items()
        }
        level = levels[i % len(levels)]
        units.append(Unit(level, names[i], scores, group=f"Nhóm {level}" if grouped else None))
    rank_units(units, grouped=grouped)
    return units


def rank_units(units: list[Unit], *, grouped: bool = False) -> None:
    """Ranks by total, within each group when ``grouped``; orders the list as a ranking prints it."""
    buckets: dict[str | None, list[Unit]] = {}
    for u in units:
        buckets.setdefault(u.group if grouped else None, []).append(u)
    ordered: list[Unit] = []
    for members in buckets.values():
        members.sort(key=lambda u: -(u.total or 0))
        for u in members:
            u.rank = 1 + sum(1 for o in members if (o.total or 0) > (u.total or 0))
        ordered.extend(members)
    units[:] = ordered


# --------------------------------------------------------------------------- writers


def is_group_row(row: list[str]) -> bool:
    return bool(row[1]) and not any(row[:1] + row[2:])


def ranking_docx(path: Path, ranking: Ranking) -> Path:
    import docx

    d = docx.Document()
    for line in ranking.title_lines():
        d.add_paragraph(line)
    d.add_paragraph("Phụ lục: Kết quả Chỉ số CCHC")
    header = ranking.header_rows()
    body = ranking.body_rows()
    table = d.add_table(rows=len(header) + len(body), cols=len(header[0]))
    for r, row in enumerate(header + body):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if not ranking.maxima_row:  # the group title spans the criteria columns, as in the decisions
        first = table.cell(0, 2)
        merged = first.merge(table.cell(0, 1 + len(ranking.maxima)))
        merged.text = "Điểm các lĩnh vực"
    for r, row in enumerate(body, start=len(header)):
        if is_group_row(row):
            merged = table.cell(r, 0).merge(table.cell(r, len(row) - 1))
            merged.text = row[1]
    d.save(str(path))
    return path


def ranking_pdf(path: Path, ranking: Ranking, *, rows_per_page: int | None = None) -> Path:
    """A ruled annex table in a PDF (short headers with maxima on a second row, as narrow annexes print)."""
    from tests.pdf_factory import ReportPdf

    ranking.maxima_row = True
    pdf = ReportPdf(path, size=11)
    for line in ranking.title_lines():
        pdf.paragraph(line, align="center", bold=line.isupper())
    pdf.paragraph("Phụ lục: Kết quả Chỉ số CCHC", align="center")
    if rows_per_page:
        pdf.y += 700 - 20 * (rows_per_page + 2) - pdf.y if pdf.y < 700 - 20 * (rows_per_page + 2) else 0
    widths = [20.0, 78.0] + [24.0] * len(ranking.maxima) + [40.0, 36.0, 36.0]
    pdf.table(ranking.header_rows() + ranking.body_rows(), widths, size=7, row_h=16, repeat_header=True)
    return pdf.save()


def ranking_xlsx(path: Path, ranking: Ranking, *, percent_as_fraction: bool = True) -> Path:
    """The annex as a workbook: numbers as numbers, the percent column formatted as a percent."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for line in ranking.title_lines():
        ws.append([line])
    header = ranking.header_rows()
    for row in header:
        ws.append(row)
    codes = list(ranking.maxima)
    pct_col = 2 + len(codes) + 2
    for row in ranking.body_rows():
        if is_group_row(row):
            ws.append([row[1]])
            continue
        values: list[object] = [int(row[0]), row[1]]
        values += [float(Decimal(v.replace(",", "."))) if v else None for v in row[2 : 2 + len(codes)]]
        total, percent, rank = row[2 + len(codes) : 5 + len(codes)]
        values += [float(Decimal(total.replace(",", ".")))]
        pct = Decimal(percent.replace(",", "."))
        values += [float(pct / 100) if percent_as_fraction else float(pct), int(rank) if rank else None]
        values += row[5 + len(codes) :]
        ws.append(values)
        if percent_as_fraction:
            ws.cell(row=ws.max_row, column=pct_col).number_format = "0.00%"
    wb.save(str(path))
    return path


# --------------------------------------------------------------------------- the sample's unit among others

# phường Đông Hòa as samples/dong-hoa-2023.pdf states it (samples/truth/dong-hoa-2023.json): 89,88, 4/19.
DONG_HOA_SCORES: dict[str, Decimal] = {
    "1": Decimal("10.5"), "2": Decimal(6), "3": Decimal("15.25"), "4": Decimal("5.5"), "5": Decimal(9),
    "6": Decimal("7.3"), "7": Decimal("11.08"), "8": Decimal("3.5"), "9": Decimal("10.25"), "10": Decimal("11.5"),
}  # fmt: skip


def units_around(unit: Unit, rank: int, n: int) -> list[Unit]:
    """``unit`` ranked ``rank`` of ``n``: the others differ from it only in criterion 1 (above, then below)."""
    names = [x for x in invented_units(20, seed=0) if x.name != unit.name]
    others = []
    for i in range(n - 1):
        step = Decimal("0.15") * (rank - 1 - i) if i < rank - 1 else -Decimal("0.25") * (i - rank + 2)
        scores = dict(unit.scores)
        scores["1"] = unit.scores["1"] + step
        assert Decimal(0) <= scores["1"] <= MAXIMA["1"], scores["1"]
        others.append(Unit(names[i].level, names[i].name, scores))
    units = [*others, unit]
    rank_units(units)
    assert unit.rank == rank, unit.rank
    return units
