"""Reports of invented communes in many phrasings, with inconsistencies planted on purpose.

Each :class:`Variant` is rendered from its data as text, DOCX or PDF, so tests can read it back and
compare what cchc finds with what was planted. Phrasings rotate through the ways real reports
state a criterion ("12,7/15 điểm", "12,7 điểm/15 điểm", "12,7 trên 15 điểm", a table, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

TITLES = {
    "1": "Công tác chỉ đạo, điều hành cải cách hành chính",
    "2": "Cải cách thể chế",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "5": "Cải cách chế độ công vụ",
    "6": "Cải cách tài chính công",
    "7": "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "8": "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội",
    "9": "Đánh giá tác động của các tổ chức đối với cải cách hành chính (qua điều tra xã hội học)",
    "10": "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
}
SHORT_TITLES = {
    "1": "Công tác chỉ đạo, điều hành CCHC",
    "2": "Cải cách thể chế",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy",
    "5": "Cải cách chế độ công vụ",
    "6": "Cải cách tài chính công",
    "7": "Chính quyền điện tử, chính quyền số",
    "8": "Tác động đến phát triển KT-XH",
    "9": "Đánh giá của các tổ chức (XHH)",
    "10": "Sự hài lòng của người dân, tổ chức",
}
MAXIMA = {"1": "14", "2": "6", "3": "17", "4": "6", "5": "10", "6": "8", "7": "13", "8": "2", "9": "14", "10": "10"}
SCORES = {"1": "12.5", "2": "5.5", "3": "15.75", "4": "6", "5": "8.5", "6": "7.5", "7": "11.2", "8": "1.6", "9": "11.8", "10": "9.2"}


def vn(value: Decimal | str, dot: bool = False) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text if dot else text.replace(".", ",")


def pct(score: str, maximum: str) -> Decimal:
    return (Decimal(score) / Decimal(maximum) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def change_text(change: int, year: int) -> str:
    if change > 0:
        return f"tăng {change} bậc so với năm {year - 1}"
    if change < 0:
        return f"giảm {-change} bậc so với năm {year - 1}"
    return f"giữ nguyên thứ hạng so với năm {year - 1}"


@dataclass
class Variant:
    """One invented report; ``planted`` lists the (kind, subject) findings it must produce."""

    name: str
    style: int
    level: str = "xã"
    unit: str = "Tân Phong"
    district: str = "Yên Lạc"
    province: str = "Vĩnh Phúc"
    year: int = 2023
    scores: dict[str, str] = field(default_factory=lambda: dict(SCORES))
    maxima: dict[str, str] = field(default_factory=lambda: dict(MAXIMA))
    percents: dict[str, str] = field(default_factory=dict)  # printed percent overrides
    ranks: dict[str, tuple[int, int]] = field(default_factory=dict)
    overall_score: str | None = None  # override (total_mismatch)
    closing_year: int | None = None  # override (year_mismatch)
    numbers: dict[str, str] = field(default_factory=dict)  # printed numbering overrides
    malformed: str | None = None  # criterion whose max is printed ",<max>"
    full_with_loss: bool = False  # an indicator under "đạt điểm tối đa" with lost points
    late_reference: bool = False  # a decision dated after the report
    staff_conflict: bool = False  # staff not up to standard stated with two totals
    drop: str | None = None  # a criterion left out
    dot_decimals: bool = False
    deduction_off: bool = False  # criterion 1's indicator losses do not add up to its loss
    table: bool = False  # criteria in a table (DOCX and PDF forms)
    split: bool = False  # criterion title as a heading, its score in the paragraph below
    caps: bool = False  # criterion titles in capitals
    subrows: bool = False  # the table also lists component indicators ("1.1") under their criterion
    two_row_header: bool = False  # "Điểm" over "Tối đa | Đạt được", merged in the DOCX
    heading_year: int | None = None  # override of the year in the heading of section I (year_mismatch)
    overall_at_end: bool = False  # the total stated after the criteria ("Tổng cộng: … điểm")
    prose_after_table: bool = False  # after the criteria table, prose headings with their component lists
    word_ranks: bool = False  # ranks and changes in words ("xếp thứ nhì trong tổng số 18 xã", "tụt 2 bậc")
    lost_points: str | None = None  # criterion whose score is printed as the points lost ("mất 1,5/14 điểm")
    stray: str | None = None  # criterion whose score carries a stray separator ("12,5, /14 điểm")
    parent_child: str | None = None  # "full": 3.1 full, its part 3.1.2 not achieved; "agree": both full
    points_only: str | None = None  # criterion stated with its points alone ("đạt 5,5 điểm, xếp thứ …")
    broken_lines: bool = False  # lines broken mid-sentence as a PDF-to-text copy does ("… xếp" / "thứ 5/19 …")
    planted: set[tuple[str, str]] = field(default_factory=set)

    @property
    def issued(self) -> tuple[int, int, int]:
        return (15, 1, self.year + 1)

    def total(self) -> Decimal:
        return sum((Decimal(self.scores[c]) for c in TITLES if c != self.drop), Decimal(0))

    def rank(self, code: str) -> tuple[int, int]:
        return self.ranks.get(code, ((int(code) * 7) % 17 + 1, 18))

    def number(self, code: str) -> str:
        if code in self.numbers:
            return self.numbers[code]
        if self.drop and int(code) > int(self.drop):
            return str(int(code) - 1)
        return code

    # -- the report as paragraphs: (text, bold) ------------------------------------------------
    def paragraphs(self) -> list[tuple[str, bool]]:
        y, (d, m, yy) = self.year, self.issued
        level_up = self.level.upper()
        paras: list[tuple[str, bool]] = [
            ("ỦY BAN NHÂN DÂN", True),
            (f"{level_up} {self.unit.upper()}", True),
            (f"Số: {self.year % 100 + 3}/BC-UBND", False),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
            ("Độc lập - Tự do - Hạnh phúc", True),
            (f"{self.unit}, ngày {d:02d} tháng {m:02d} năm {yy}", False),
            ("BÁO CÁO", True),
            (f"Kết quả thực hiện công tác cải cách hành chính năm {y} và nhiệm vụ trọng tâm năm {y + 1}", True),
        ]
        ref_date = f"{d + 5:02d}/{m:02d}/{yy}" if self.late_reference else f"20/12/{y - 1}"
        paras.append(
            (
                (f"Căn cứ Kế hoạch số 112/KH-UBND ngày {ref_date} của UBND huyện {self.district} về cải cách "
                f"hành chính năm {y}; UBND {self.level} {self.unit} báo cáo kết quả công tác CCHC năm {y} như sau:"),
                False,
            )
        )
        overall = self.overall_score or vn(self.total(), self.dot_decimals)
        o_rank = 3
        overall_para = (
            (f"Năm {y}, Chỉ số CCHC của UBND {self.level} {self.unit} đạt {overall}/100 điểm, tỷ lệ "
             f"{overall.replace('.', ',')}%, xếp thứ {o_rank}/18 xã, thị trấn của huyện {self.district}, tỉnh {self.province}, "
             f"{change_text(2, y)}; xếp loại Tốt."),
            False,
        )
        if self.overall_at_end:
            overall_para = (
                (f"Tổng cộng: {overall}/100 điểm (tỷ lệ {overall.replace('.', ',')}%), xếp thứ {o_rank}/18, "
                 f"{change_text(2, y)}."),
                False,
            )
        else:
            paras.append(overall_para)
        paras.append((f"I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {self.heading_year or y}", True))
        if self.table:
            paras.append(("Kết quả cụ thể của từng lĩnh vực như bảng sau:", False))
            paras.append(("<table>", False))
            if self.prose_after_table:
                for code in ("1", "2", "3", "4", "5", "6", "7"):
                    paras.append((f"{self.number(code)}. {TITLES[code]}", True))
                    lists = self.component_lists(code, self.number(code)) if code in ("1", "3", "6") else []
                    paras += lists or [("Đơn vị đã triển khai đầy đủ các nhiệm vụ theo kế hoạch.", False)]
            paras.append(("II. KẾT QUẢ ĐÁNH GIÁ TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH", True))
            paras.append(("Các chỉ số đánh giá tác động được tổng hợp tại bảng trên.", False))
        for code in ([] if self.table else TITLES):
            if code == self.drop:
                continue
            paras.extend(self.criterion(code))
            if code == "7":
                paras.append(("II. KẾT QUẢ ĐÁNH GIÁ TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH", True))
        if self.overall_at_end:
            paras.append(overall_para)
        paras.append(("III. ĐÁNH GIÁ CHUNG", True))
        paras.append(("1. Ưu điểm", True))
        paras.append(
            (
                ("Công tác CCHC được cấp ủy, chính quyền quan tâm lãnh đạo, chỉ đạo; kỷ luật, kỷ cương hành chính "
                "được tăng cường; việc giải quyết thủ tục hành chính cho người dân ngày càng thuận lợi."),
                False,
            )
        )
        paras.append(("2. Tồn tại, hạn chế", True))
        staff_total = 16 if self.staff_conflict else 18
        paras.append(
            (
                (f"Đội ngũ cán bộ, công chức của {self.level} vẫn còn 3/{staff_total} người chưa đạt chuẩn theo quy "
                "định; tỷ lệ hồ sơ trực tuyến toàn trình còn thấp."),
                False,
            )
        )
        closing = self.closing_year or y
        paras.append(
            (
                (f"Trên đây là Báo cáo kết quả thực hiện công tác cải cách hành chính năm {closing} của UBND "
                f"{self.level} {self.unit}./."),
                False,
            )
        )
        paras += [("Nơi nhận:", False), (f"- Phòng Nội vụ huyện {self.district};", False), ("- Lưu: VP.", False)]
        paras += [("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("Hoàng Văn Bình", True)]
        return paras

    def criterion(self, code: str) -> list[tuple[str, bool]]:
        y = self.year
        score, maximum = self.scores[code], self.maxima[code]
        s = vn(score, self.dot_decimals)
        mx = ("," if self.malformed == code else "") + vn(maximum, self.dot_decimals)
        p = self.percents.get(code) or vn(pct(score, maximum))
        rank, total = self.rank(code)
        change = change_text((int(code) % 5) - 2, y)
        n = self.number(code)
        title = TITLES[code]
        style = (self.style + int(code)) % 5
        if style == 0:
            head = f"{n}. Về {title[0].lower()}{title[1:]}: {s}/{mx} điểm, đạt tỷ lệ {p}%, xếp thứ {rank}/{total}, {change}."
        elif style == 1:
            head = f"{n}. {title}: đạt {s} điểm/{mx} điểm ({p}%), xếp hạng {rank}/{total} nhóm hạng, {change}."
        elif style == 2:
            head = f"{n}) {title} đạt {s}/{mx} điểm, tỷ lệ {p}%, đứng thứ {rank} trên {total} đơn vị, {change}."
        elif style == 3:
            head = f"{n}. {title}: {s} trên {mx} điểm, tỷ lệ đạt {p}%; xếp thứ {rank} trong tổng số {total} xã, {change}."
        else:
            head = f"{n}. {title}: được {s}/{mx} điểm (đạt {p}%), xếp vị trí thứ {rank}/{total}, {change}."
        if self.word_ranks:
            head = f"{n}. {title}: {s}/{mx} điểm, tỷ lệ {p}%, {rank_words(rank, total, (int(code) % 5) - 2)}."
        if code == self.lost_points:
            lost = vn(Decimal(maximum) - Decimal(score), self.dot_decimals)
            head = f"{n}. {title}: bị mất {lost}/{mx} điểm, tỷ lệ đạt {p}%, xếp thứ {rank}/{total}, {change}."
        if code == self.points_only:
            head = f"{n}. {title}: đạt {s} điểm, xếp thứ {rank}/{total}, {change}."
        if code == self.stray:
            head = f"{n}. {title}: đạt {s}, /{mx} điểm, tỷ lệ {p}%, xếp thứ {rank}/{total}, {change}."
        if self.caps:
            head = head.replace(title, title.upper()).replace(f"{title[0].lower()}{title[1:]}", title.upper())
        if self.broken_lines:
            head = head.replace(" xếp ", " xếp\n", 1).replace(": ", ":\n", 1)
        paras = [(head, True)]
        if self.split:
            paras = [
                (f"{n}. {title.upper() if self.caps else title}", True),
                ((f"Kết quả đạt {s}/{mx} điểm, tỷ lệ {p}%, xếp thứ {rank}/{total} đơn vị, {change}. "
                 "Đơn vị đã triển khai đầy đủ các nhiệm vụ theo kế hoạch."), False),
            ]
        return paras + self.component_lists(code, n)

    def component_lists(self, code: str, n: str) -> list[tuple[str, bool]]:
        """The lists of component indicators printed under criteria 1, 3 (with ``parent_child``), 5 and 6."""
        paras: list[tuple[str, bool]] = []
        if code == "3" and self.parent_child:
            part = "không đạt điểm do thiếu báo cáo quý" if self.parent_child == "full" else "thực hiện đầy đủ"
            paras += [
                (f"{n}.1. Các chỉ số thành phần đạt điểm tối đa:", True),
                ("- Chỉ số 3.1 (Kiểm soát TTHC): ban hành kế hoạch rà soát, đơn giản hóa TTHC đúng hạn.", False),
                ("- Chỉ số 3.2 (Công khai TTHC): công khai đầy đủ tại Bộ phận Một cửa.", False),
            ]
            if self.parent_child == "full":
                paras.append((f"{n}.2. Các chỉ số thành phần chưa đạt điểm tối đa:", True))
            paras.append((f"- Chỉ số 3.1.2 (Mức độ thực hiện kế hoạch kiểm soát TTHC): {part}.", False))
        if code == "1":
            second = "1,5/2" if self.deduction_off else "1/2"
            paras += [
                (f"{n}.1. Các chỉ số thành phần đạt điểm tối đa:", True),
                ("- Chỉ số 1.1 (Kế hoạch CCHC năm): ban hành kịp thời, đúng nội dung.", False),
                ("- Chỉ số 1.2 (Công tác báo cáo định kỳ): đầy đủ, đúng hạn.", False),
                (f"{n}.2. Các chỉ số thành phần chưa đạt điểm tối đa:", True),
                ("- Chỉ số 1.3 (Kiểm tra công tác CCHC): mới kiểm tra 2/4 lĩnh vực, đạt 0,5/1 điểm.", False),
                (f"- Chỉ số 1.4 (Tuyên truyền CCHC): chưa đa dạng hình thức, đạt {second} điểm.", False),
            ]
        if code == "6":
            loss_item = "1,5/2 điểm" if self.full_with_loss else "2/2 điểm"
            paras += [
                (f"{n}.1. Các chỉ số thành phần đạt điểm tối đa:", True),
                ("- Chỉ số 6.1 (Thực hiện quy chế chi tiêu nội bộ): thực hiện đúng quy định.", False),
                (f"- Chỉ số 6.2 (Công khai dự toán, quyết toán ngân sách): đạt {loss_item}.", False),
            ]
        if code == "5":
            paras.append(
                (
                    (f"- Tổng số cán bộ, công chức của {self.level} là 18 người, trong đó 3/18 cán bộ, công chức chưa "
                    "đạt chuẩn theo quy định."),
                    False,
                )
            )
        return paras

    def table_rows(self) -> list[list[str]]:
        rows = [["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)", "Xếp hạng"]]
        if self.two_row_header:
            rows = [["TT", "Lĩnh vực/Tiêu chí", "Điểm", "", "Tỷ lệ (%)", "Xếp hạng"], ["", "", "Tối đa", "Đạt được", "", ""]]
        for code, title in SHORT_TITLES.items():
            if code == self.drop:
                continue
            rank, total = self.rank(code)
            mx = ("," if self.malformed == code else "") + vn(self.maxima[code], self.dot_decimals)
            p = self.percents.get(code) or vn(pct(self.scores[code], self.maxima[code]))
            rows.append([self.number(code), title, mx, vn(self.scores[code], self.dot_decimals), p, f"{rank}/{total}"])
            if self.subrows and code == "1":
                rows.append(["1.1", "Mức độ hài lòng với chỉ đạo", "1", "1", "100", ""])
                rows.append(["1.2", "Kiểm soát thủ tục hành chính", "2", "1,5", "75", ""])
        rows.append(["", "Tổng cộng", "100", self.overall_score or vn(self.total(), self.dot_decimals), "", ""])
        return rows

    # -- renderers --------------------------------------------------------------------------------
    def text(self) -> str:
        assert not self.table, "a criteria table has no plain-text form"
        return "\n".join(t for t, _ in self.paragraphs()) + "\n"

    def write(self, folder: Path, fmt: str) -> Path:
        path = folder / f"{self.name}.{fmt}"
        if fmt == "txt":
            path.write_text(self.text(), "utf-8")
        elif fmt == "docx":
            import docx

            document = docx.Document()
            for text, bold in self.paragraphs():
                if text == "<table>":
                    rows = self.table_rows()
                    table = document.add_table(rows=len(rows), cols=len(rows[0]))
                    table.style = "Table Grid"
                    for r, row in enumerate(rows):
                        for c, cell in enumerate(row):
                            table.cell(r, c).text = cell
                    if self.two_row_header:
                        table.cell(0, 2).merge(table.cell(0, 3)).text = "Điểm"
                    continue
                document.add_paragraph().add_run(text).bold = bold
            document.save(str(path))
        else:
            from tests.pdf_factory import ReportPdf

            pdf = ReportPdf(path, page_numbers="{n}")
            paras = self.paragraphs()
            pdf.two_column_header(paras[:3], paras[3:6])
            for text, bold in paras[6:]:
                if text == "<table>":
                    pdf.table(self.table_rows(), [28, 190, 55, 60, 50, 50], size=8)
                    continue
                centred = text in ("BÁO CÁO",) or text.startswith("Kết quả thực hiện công tác")
                pdf.paragraph(text, bold=bold, align="center" if centred else "justify", indent=0 if centred else 28)
            pdf.save()
        return path


RANK_WORDS = ["nhất", "nhì", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai",
              "mười ba", "mười bốn", "mười lăm", "mười sáu", "mười bảy", "mười tám"]  # fmt: skip


def rank_words(rank: int, total: int, change: int) -> str:
    """A rank and its change in words, one phrasing a change: "xếp thứ nhì trong tổng số 18 xã, tụt 2 bậc"."""
    if change == 2:
        return f"từ vị trí thứ {RANK_WORDS[rank + 1]} vươn lên vị trí thứ {RANK_WORDS[rank - 1]} trong tổng số {total} xã"
    said = {-2: "tụt 2 bậc", -1: "giảm một bậc", 0: "giữ nguyên vị trí", 1: "tăng được 1 bậc"}[change]
    return f"xếp thứ {RANK_WORDS[rank - 1]} trong tổng số {total} xã, {said}"


def variants() -> list[Variant]:
    """Clean reports and reports with one or two planted inconsistencies, over every phrasing."""
    base = [Variant(name=f"clean-{i}", style=i, dot_decimals=(i == 3)) for i in range(5)]
    planted = [
        replace(base[0], name="percent", percents={"3": "95,12"}, planted={("percent_mismatch", "3")}),
        replace(base[1], name="total", overall_score="91,35", planted={("total_mismatch", "overall")}),
        replace(base[2], name="rank", ranks={"4": (21, 18)}, planted={("rank_out_of_range", "4")}),
        replace(base[3], name="year", closing_year=2022, planted={("year_mismatch", "closing")}),
        replace(base[4], name="date", late_reference=True, planted={("date_inconsistency", "112/KH-UBND")}),
        replace(base[0], name="numbering", numbers={"9": "1", "10": "2"}, planted={("numbering_gap", "II")}),
        replace(base[1], name="malformed", malformed="7", planted={("malformed_number", "7")}),
        replace(base[2], name="status", full_with_loss=True, planted={("status_contradiction", "6.2")}),
        replace(base[3], name="staff", staff_conflict=True, planted={("conflicting_values", "staff")}),
        replace(base[4], name="missing", drop="5", planted={("missing_criterion", "5")}),
        replace(
            base[0],
            name="two",
            percents={"1": "91,29"},
            ranks={"8": (0, 18)},
            planted={("percent_mismatch", "1"), ("rank_out_of_range", "8")},
        ),
    ]
    more = [
        replace(base[1], name="deduction", deduction_off=True, planted={("deduction_mismatch", "1")}),
        replace(base[2], name="maxsum", maxima={**MAXIMA, "2": "7"}, scores={**SCORES}, planted={("total_mismatch", "overall")}),
    ]
    tables = [
        replace(base[0], name="table-clean", table=True),
        replace(base[1], name="table-percent", table=True, percents={"7": "82,54"}, planted={("percent_mismatch", "7")}),
        replace(base[2], name="table-rank", table=True, ranks={"5": (21, 18)}, planted={("rank_out_of_range", "5")}),
        replace(base[3], name="table-total", table=True, overall_score="90,05", planted={("total_mismatch", "overall")}),
        replace(base[4], name="table-subrows", table=True, subrows=True),
        replace(base[0], name="table-two-row-header", table=True, two_row_header=True, percents={"2": "97,67"},
                planted={("percent_mismatch", "2")}),
    ]
    layouts = [
        replace(base[0], name="split-clean", split=True),
        replace(base[4], name="heading-year", heading_year=2021, planted={("year_mismatch", "body")}),
        replace(base[2], name="total-at-end", overall_at_end=True, overall_score="90,15",
                planted={("total_mismatch", "overall")}),
        replace(base[1], name="split-percent", split=True, percents={"9": "80,29"}, planted={("percent_mismatch", "9")}),
        replace(base[2], name="caps-clean", caps=True),
        replace(base[3], name="caps-split-total", caps=True, split=True, overall_score="88,55", planted={("total_mismatch", "overall")}),
    ]
    phrasings = [
        replace(base[0], name="table-then-prose", table=True, prose_after_table=True),
        replace(base[1], name="table-then-prose-status", table=True, prose_after_table=True, full_with_loss=True,
                planted={("status_contradiction", "6.2")}),
        replace(base[2], name="table-then-prose-parent", table=True, prose_after_table=True, parent_child="full",
                planted={("status_contradiction", "3.1")}),
        replace(base[3], name="parent-part-agree", parent_child="agree"),
        replace(base[4], name="parent-part-full", parent_child="full", planted={("status_contradiction", "3.1")}),
        replace(base[0], name="word-ranks", word_ranks=True),
        replace(base[1], name="word-ranks-out", word_ranks=True, ranks={"5": (18, 17)}, planted={("rank_out_of_range", "5")}),
        replace(base[2], name="lost-points", lost_points="3"),
        replace(base[3], name="lost-points-total", lost_points="7", overall_score="88,15", planted={("total_mismatch", "overall")}),
        replace(base[4], name="stray-separator", stray="2", planted={("malformed_number", "2")}),
        replace(base[0], name="points-only", points_only="2"),
        replace(base[2], name="broken-lines", broken_lines=True),
        replace(base[3], name="broken-lines-percent", broken_lines=True, percents={"6": "95,75"},
                planted={("percent_mismatch", "6")}),
        replace(base[1], name="points-only-total", points_only="4", overall_score="89,15",
                planted={("total_mismatch", "overall")}),
    ]
    return base + planted + more + tables + layouts + phrasings
