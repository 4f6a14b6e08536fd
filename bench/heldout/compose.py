"""Compose one held-out report from its spec: the blocks a clerk would type, and the truth a reader takes from them.

Pure functions over plain data: ``compose(spec)`` returns ``(blocks, truth)``. Blocks are tuples that
the renderers in build.py turn into text, DOCX or PDF; ``truth`` holds the fields a person reads
(names as in the JSON export contract) and the planted inconsistencies. Phrasings are chosen with a
``random.Random`` seeded by the report's name, so the same spec always gives the same document.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from specs import MAXIMA

Block = tuple[Any, ...]

TITLES: dict[int, list[str]] = {
    1: ["Công tác chỉ đạo, điều hành CCHC", "công tác chỉ đạo, điều hành", "Chỉ đạo, điều hành công tác cải cách hành chính"],
    2: ["Cải cách thể chế", "cải cách thể chế"],
    3: ["Cải cách thủ tục hành chính", "cải cách thủ tục hành chính (TTHC)"],
    4: ["Cải cách tổ chức bộ máy hành chính nhà nước", "cải cách tổ chức bộ máy"],
    5: ["Cải cách chế độ công vụ", "cải cách chế độ công vụ, công chức"],
    6: ["Cải cách tài chính công", "cải cách tài chính công"],
    7: ["Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "xây dựng chính quyền điện tử, chính quyền số"],
    8: ["Tác động của CCHC đến sự phát triển kinh tế - xã hội", "tác động của cải cách hành chính đến phát triển kinh tế - xã hội của xã"],
    9: ["Đánh giá của các tổ chức đối với công tác CCHC của UBND xã (qua điều tra xã hội học)",
        "chỉ số đánh giá tác động của các tổ chức đối với CCHC (điều tra xã hội học)"],
    10: ["Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
         "chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã"],
}

INDICATORS: dict[int, list[str]] = {
    1: ["Kế hoạch CCHC năm", "Thực hiện chế độ báo cáo định kỳ", "Kiểm tra công tác CCHC",
        "Công tác tuyên truyền CCHC", "Sáng kiến, giải pháp mới trong thực hiện CCHC",
        "Đối thoại của lãnh đạo xã với người dân, doanh nghiệp"],
    2: ["Ban hành văn bản theo thẩm quyền", "Theo dõi thi hành pháp luật", "Kiểm tra, rà soát văn bản"],
    3: ["Kiểm soát TTHC", "Công khai TTHC", "Thực hiện cơ chế một cửa, một cửa liên thông",
        "Kết quả giải quyết hồ sơ TTHC", "Số hóa hồ sơ, kết quả giải quyết TTHC",
        "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC"],
    4: ["Thực hiện quy định về tổ chức bộ máy", "Thực hiện quy chế làm việc", "Thực hiện phân cấp quản lý"],
    5: ["Bố trí cán bộ, công chức theo vị trí việc làm", "Đánh giá, xếp loại cán bộ, công chức",
        "Đào tạo, bồi dưỡng cán bộ, công chức", "Chấp hành kỷ luật, kỷ cương hành chính"],
    6: ["Công khai dự toán, quyết toán ngân sách", "Quy chế chi tiêu nội bộ", "Quản lý, sử dụng tài sản công"],
    7: ["Ứng dụng CNTT trong hoạt động của cơ quan", "Trao đổi văn bản điện tử có ký số",
        "Cung cấp dịch vụ công trực tuyến", "Trang thông tin điện tử của xã"],
}

FULL_PROSE = [
    "đã thực hiện đầy đủ, đúng quy định",
    "thực hiện kịp thời, đảm bảo chất lượng và thời gian",
    "được quan tâm, chú trọng với nhiều hình thức phù hợp",
    "đảm bảo số lượng, chất lượng, thời gian theo quy định",
]
LOST_PROSE = [
    "tài liệu kiểm chứng chưa đầy đủ",
    "một số nhiệm vụ còn chậm so với kế hoạch",
    "chưa cập nhật kịp thời lên phần mềm chấm điểm",
    "thiếu báo cáo quý theo quy định",
]
RANK_WORDS = {1: "nhất", 2: "nhì", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
WORD_RANKS = {word: n for n, word in RANK_WORDS.items()} | {"đầu": 1}
LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]  # the Vietnamese alphabet's order, as legal texts letter
ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
NUMBER_WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín"}
GROUPS = [("I", "về chỉ đạo, điều hành và cải cách thể chế", (1, 2)), ("II", "về cải cách thủ tục hành chính", (3,)),
          ("III", "về tổ chức bộ máy và chế độ công vụ", (4, 5)),
          ("IV", "về tài chính công và chính quyền điện tử, chính quyền số", (6, 7)),
          ("V", "về tác động của CCHC và sự hài lòng", (8, 9, 10))]  # round 7: the table's merged group rows
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
DISTRICT_KINDS = ("thành phố ", "thị xã ", "quận ", "huyện ")


def dec(printed: str) -> Decimal:
    """A Vietnamese printed number ("12,7", "2.415") as a Decimal."""
    text = printed.strip()
    if "," in text:
        return Decimal(text.replace(".", "").replace(",", "."))
    if "." in text and len(text.split(".")[-1]) == 3:
        return Decimal(text.replace(".", ""))
    return Decimal(text)


def vn(value: Decimal, places: int | None = None) -> str:
    """Print a number as a Vietnamese clerk does: decimal comma, trailing zeros dropped unless places."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:.{places}f}"
    else:
        text = format(value.normalize(), "f")
    return text.replace(".", ",")


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def percent(num: Decimal, den: Decimal, places: int = 2) -> Decimal:
    return (num * 100 / den).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def num(value: Decimal) -> float:
    return float(value)


def number_words(n: int) -> str:
    """Round 10: a count in Vietnamese words, as a clerk writes it before the digits ("hai mươi mốt (21)")."""
    units = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
    if n < 10:
        return units[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{units[tens]} mươi"
    if unit == 0:
        return head
    tail = "lăm" if unit == 5 else "mốt" if unit == 1 and tens > 1 else "tư" if unit == 4 and tens > 1 else units[unit]
    return f"{head} {tail}"


def decimal_words(printed: str) -> str:
    """Round 13: a printed score in words, as a clerk reads it out ("12,5" -> "mười hai phẩy năm")."""
    whole, _, frac = printed.partition(",")
    text = number_words(int(whole))
    if frac.strip("0"):  # "88,00" is read "tám mươi tám"
        assert not frac.startswith("0"), printed
        text += " phẩy " + number_words(int(frac))
    return text


PERIODS = {"6t": ("6 tháng đầu năm", "6 THÁNG CUỐI NĂM"), "q1": ("quý I năm", "QUÝ II NĂM"),
           "9t": ("9 tháng đầu năm", "QUÝ IV NĂM"),  # round 13: the report's period, the next period's tasks
           "q2": ("quý II năm", "QUÝ III NĂM"), "q3": ("quý III năm", "QUÝ IV NĂM")}  # round 17
PERIOD_TENTHS = {"q1": 2, "6t": 5, "9t": 7, "q2": 4, "q3": 6}  # the period's share of a year's records, in tenths


def district_name(district: str) -> tuple[str, str]:
    """("huyện", "Nam Sách") from "Nam Sách"; ("thị xã", "Kinh Môn") from "thị xã Kinh Môn"."""
    for kind in DISTRICT_KINDS:
        if district.startswith(kind):
            return kind.strip(), district[len(kind):]
    return "huyện", district


@dataclass
class Planted:
    kind: str
    concerns: str
    subject: str
    values: list[float]
    sentence: str
    note: str
    kinds: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "accepted_kinds": self.kinds or [self.kind], "concerns": self.concerns,
                "subject": self.subject, "values": self.values, "sentence": self.sentence, "note": self.note}


@dataclass
class Criterion:
    code: int
    title: str
    score: Decimal
    max_score: Decimal
    score_text: str
    max_text: str
    percent_text: str
    rank: tuple[int, int] | None = None
    rank_change: int | None = None
    printed_number: str = ""
    malformed: str | None = None
    heading_line: str = ""  # round 5: the heading's first line, when the title wraps onto a second
    score_line: str = ""  # round 15: the line that states the score (odd spacing: the score text is not in it as is)


class Composer:
    """Builds the blocks and the truth of one spec."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.rng = random.Random(spec["name"])
        self.blocks: list[Block] = []
        self.plants: list[Planted] = []
        self.also_true: list[Planted] = []
        self.indicators: dict[str, dict[str, Any]] = {}
        self.quantities: list[dict[str, Any]] = []
        self.plant_map: dict[str, list[tuple[Any, ...]]] = {}
        for plant in spec.get("plants", []):
            self.plant_map.setdefault(plant[0], []).append(plant)
        self.unit = spec["unit"]
        self.level = spec["level"]
        self.year: int = spec["year"]
        self.district_kind, self.district = district_name(spec["district"] or "")
        self.no_district = bool(spec.get("no_district"))  # round 21: from 01/07/2025 the commune answers to the province
        if self.no_district:
            self.district_kind, self.district = "tỉnh", spec["province"]
        self.issued = date.fromisoformat(spec["date"])
        self.layout: str = spec["layout"]
        self.autonum = spec["fmt"] == "docx_autonum"
        self.criteria = self._criteria()
        self.list_style = "lettered" if self.layout == "prose_c" else self.rng.choice(["numbered", "lettered", "starred"])
        self.list_style = spec.get("list_style", self.list_style)  # round 4: criteria lettered "a)" need other lists
        self.alt_words = spec.get("qty_words") == "alt"  # round 4: records and staff stated in other words
        self.deferred: list[str] = []  # round 5: overall statements made under the assessment, not with the result
        self.closing_total = ""  # round 8: the total stated in the closing paragraph only
        self.notes: list[str] = []  # round 20: why the truth is what it is, where a document could mislead

    # ---- values -------------------------------------------------------------------------------
    def plant(self, kind: str) -> list[tuple[Any, ...]]:
        return self.plant_map.get(kind, [])

    def _criteria(self) -> list[Criterion]:
        maxima = MAXIMA[self.spec["maxima"]]
        scores = self.spec["scores"].split()
        assert len(scores) == 10, self.spec["name"]
        for _, code, value in self.plant("above_max"):
            scores[code - 1] = value
        missing = {p[1] for p in self.plant("missing")}
        crit_ranks: dict[int, str] = dict(self.spec.get("crit_ranks", {}))
        if self.layout in ("prose_a", "prose_d", "prose_e", "prose_f", "prose_g", "prose_h", "prose_i", "prose_j",
                           "prose_k", "prose_l", "prose_m", "prose_n", "prose_o", "prose_p", "prose_q", "prose_r",
                           "prose_s", "prose_t", "prose_u") or self.spec.get("table_ranks"):
            total = self.rank_total()
            for code in range(1, 11):
                if code not in crit_ranks and (self.spec.get("table_ranks") or self.rng.random() < 0.4):
                    crit_ranks[code] = f"{self.rng.randint(1, total)}/{total}"
        criteria = []
        for code in range(1, 11):
            score, max_score = dec(scores[code - 1]), dec(maxima[code - 1])
            pct = percent(score, max_score)
            pct_text = "100" if pct == 100 else vn(pct, 2)
            if self.spec.get("pct_places", 2) != 2 and pct != 100:  # a percent printed with one decimal: fine
                places = self.spec["pct_places"]
                pct_text = vn(percent(score, max_score, places), places)
            if "round_7799" in self.spec.get("tricky", []) and code == 7 and scores[6] == "8,97":
                pct_text = "77,99"
            if self.spec.get("pct_dot"):  # round 7: percents typed with a decimal point ("87.50%")
                pct_text = pct_text.replace(",", ".")
            for _, pcode, printed in self.plant("pct"):
                if pcode == code:
                    pct_text = printed
            title = self.rng.choice(TITLES[code])
            title = self.spec.get("titles", {}).get(code, title)
            score_text, max_text = scores[code - 1], maxima[code - 1]
            if self.spec.get("two_places"):  # round 7: "12,70/15,00", as a spreadsheet prints them
                score_text, max_text = vn(score, 2), vn(max_score, 2)
            crit = Criterion(code, title, score, max_score, score_text, max_text, pct_text, printed_number=str(code))
            if code in crit_ranks:
                r, t = crit_ranks[code].split("/")
                crit.rank = (int(r), int(t))
                if self.layout not in ("table", "table_only") and self.rng.random() < 0.5:
                    crit.rank_change = self.rng.choice([-3, -1, 0, 1, 2, 4])
                    if self.spec.get("plausible_changes") and crit.rank[0] + crit.rank_change < 1:
                        crit.rank_change = -crit.rank_change  # round 8: "thứ 1, giảm 3 bậc" would make last year -2
            for _, gcode, printed in self.plant("gap"):
                if gcode == code:
                    crit.printed_number = printed
            for _, mcode, printed in self.plant("malformed"):
                if mcode == code:
                    crit.malformed = printed
            if code not in missing:
                criteria.append(crit)
        self.all_scores = [dec(s) for s in scores]
        return criteria

    def rank_total(self) -> int:
        return int(str(self.spec["rank"]).split("/")[1])

    def total_text(self) -> tuple[str, Decimal]:
        for _, printed in self.plant("total"):
            return printed, dec(printed)
        total = sum(self.all_scores, Decimal(0))
        places = 3 if self.spec.get("three_decimals") else 2
        return vn(total, places), total

    def printed_sum(self) -> Decimal:
        return sum((c.score for c in self.criteria), Decimal(0))

    # ---- phrases ------------------------------------------------------------------------------
    def province_phrase(self) -> str:
        province = self.spec["province"]
        return f"thành phố {province}" if province in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh") else f"tỉnh {province}"

    def decider(self) -> str:
        """Who published the index: the district ("huyện Nam Sách, tỉnh Hải Dương"), or from 01/07/2025 (round 21,
        ``no_district``) the province itself."""
        if self.no_district:
            return self.province_phrase()
        return f"{self.district_kind} {self.district}, {self.province_phrase()}"

    def unit_phrase(self) -> str:
        return f"{self.level} {self.unit}"

    def rank_phrase(self) -> tuple[str, int, int]:
        text = self.spec.get("rank_override") or self.spec["rank"]
        r_text, t_text = str(text).split("/")
        total = int(t_text)
        kinds = "xã, phường, thị trấn" if self.level == "phường" else "xã, thị trấn"
        if self.no_district:  # round 21: the province's communes and wards (no thị trấn after 01/07/2025)
            kinds = "xã, phường"
        style = self.spec["rank_style"]
        if style == "first":
            return f"đứng đầu trong {total} {kinds} của {self.district_kind}", 1, total
        if style == "last":
            return f"xếp cuối trong {total} {kinds} của {self.district_kind}", total, total
        if style == "digits_of":
            return f"xếp thứ {r_text} trong tổng số {total} {kinds} của {self.district_kind}", int(r_text), total
        if style == "dung_thu":  # round 4
            return f"đứng thứ {r_text}/{total} {kinds}", int(r_text), total
        if style == "vi_tri_thu":  # round 8
            return f"xếp vị trí thứ {r_text} trên tổng số {total} {kinds}", int(r_text), total
        if style == "vi_tri":  # round 4
            return f"xếp vị trí {r_text} trên {total} đơn vị", int(r_text), total
        if style == "hang":  # round 5
            return f"xếp hạng {r_text}/{total} {kinds}", int(r_text), total
        if style == "trong_so":  # round 6
            return f"xếp thứ {r_text} trong số {total} {kinds}", int(r_text), total
        if style == "thu_hang":  # round 6
            return f"đạt thứ hạng {r_text}/{total}", int(r_text), total
        if style == "trong_xa":  # round 9: the district's communes first, then the place among them
            return f"trong {total} {kinds} của {self.district_kind}, {self.level} đứng thứ {r_text}", int(r_text), total
        if style == "hang_bare":  # round 10: "đạt hạng 4/20", no "xếp"
            return f"đạt hạng {r_text}/{total}", int(r_text), total
        if style == "padded":  # round 11: rank and total typed with a leading zero, "xếp thứ 05/25"
            return f"xếp thứ {int(r_text):02d}/{total:02d} {kinds}", int(r_text), total
        if style == "cap_xa":  # round 11: "xếp thứ 5/25 đơn vị hành chính cấp xã của huyện"
            return f"xếp thứ {r_text}/{total} đơn vị hành chính cấp xã của {self.district_kind}", int(r_text), total
        if style == "dia_ban":  # round 12: "xếp vị trí thứ 5/18 các xã, thị trấn trên địa bàn huyện"
            return (f"xếp vị trí thứ {r_text}/{total} các {kinds} trên địa bàn {self.district_kind}", int(r_text),
                    total)
        if style == "toan_huyen":  # round 5
            return f"đứng thứ {r_text} toàn {self.district_kind} ({total} đơn vị)", int(r_text), total
        if style == "hang_thu_tren":  # round 15: "xếp hạng thứ 5 trên 19 xã, thị trấn"
            return f"xếp hạng thứ {r_text} trên {total} {kinds}", int(r_text), total
        if style == "colon":  # round 14: "xếp thứ: 5/19", a colon typed after the label
            return f"xếp thứ: {r_text}/{total} {kinds}", int(r_text), total
        if style == "dung_trong_so":  # round 13: "đứng thứ 4 trong số 18 đơn vị"
            return f"đứng thứ {r_text} trong số {total} đơn vị", int(r_text), total
        if style == "words":
            rank = WORD_RANKS[r_text]
            return f"xếp thứ {r_text} trong tổng số {total} {kinds}", rank, total
        return f"xếp thứ {r_text}/{total} {kinds}", int(r_text), total

    def change_phrase(self, rank: int) -> tuple[str, int | None]:
        change = self.spec.get("change")
        last = self.year - 1
        if change is None:
            return "", None
        if change == "=":
            return self.rng.choice([f"giữ nguyên vị trí so với năm {last}", f"duy trì thứ bậc như năm {last}"]), 0
        if change.startswith("from:"):
            before = int(change[5:])
            return f"từ vị trí thứ {before} năm {last} vươn lên vị trí thứ {rank}", before - rank
        n = int(change)
        style = self.spec.get("change_style")
        if style == "padded":  # round 5: "tăng 03 bậc", "giảm 01 bậc so với năm 2022"
            return (f"tăng {n:02d} bậc" if n > 0 else f"giảm {-n:02d} bậc so với năm {last}"), n
        if style == "was":  # round 6: last year's rank in brackets, the change left to the reader
            return f"(năm {last} xếp thứ {rank + n})", n
        if style == "words":  # round 6: "tăng hai bậc", "hạ một bậc"
            return (f"tăng {NUMBER_WORDS[n]} bậc so với năm {last}" if n > 0 else
                    f"hạ {NUMBER_WORDS[-n]} bậc so với năm {last}"), n
        if style == "hang":  # round 13: "tăng 2 hạng so với cùng kỳ năm 2022"
            return (f"tăng {n} hạng so với cùng kỳ năm {last}" if n > 0 else
                    f"giảm {-n} hạng so với cùng kỳ năm {last}"), n
        if style == "truoc":  # round 5: "so với năm trước tăng 2 bậc"
            return (f"so với năm trước tăng {n} bậc" if n > 0 else f"so với năm trước giảm {-n} bậc"), n
        if n > 0:
            return self.rng.choice([f"tăng {n} bậc so với năm {last}", f"tăng được {n} bậc so với năm {last}"]), n
        return self.rng.choice([f"giảm {-n} bậc so với năm {last}", f"tụt {-n} bậc so với năm {last}"]), n

    def pct(self, crit: Criterion) -> str:
        """A criterion's printed percent with its sign: "84,67%", or in round 8 "84,67 %" (``pct_space``)."""
        return f"{crit.percent_text} %" if self.spec.get("pct_space") else f"{crit.percent_text}%"

    def score_phrase(self, crit: Criterion) -> str:
        if crit.malformed:
            return f"{crit.malformed} điểm"
        if crit.code in self.spec.get("typo_scores", ()):  # round 10: "12,5/15điêm", no space, no tone mark
            return f"{crit.score_text}/{crit.max_text}điêm"
        if self.spec.get("score_d"):  # round 9: "12,5đ/15đ", the points abbreviated
            return f"{crit.score_text}đ/{crit.max_text}đ"
        if self.spec.get("dot_decimal"):
            return f"{crit.score_text.replace(',', '.')}/{crit.max_text.replace(',', '.')} điểm"
        if self.layout == "prose_d":
            return self.rng.choice([f"{crit.score_text} /{crit.max_text} điểm", f"{crit.score_text}/{crit.max_text}điểm",
                                    f"{crit.score_text}/ {crit.max_text} điểm", f"{crit.score_text}/{crit.max_text} điểm"])
        return f"{crit.score_text}/{crit.max_text} điểm"

    def crit_rank_sentence(self, crit: Criterion) -> str:
        if crit.rank is None:
            return ""
        r, t = crit.rank
        text = f"Xếp thứ {r}/{t} nhóm hạng các xã, {'phường' if self.no_district else 'thị trấn'}"
        if self.spec.get("typo_rank"):  # round 10: "Xêp thứ", the tone mark left out
            text = f"Xêp thứ {r}/{t} nhóm hạng các xã, thị trấn"
        if self.layout == "prose_p":  # round 10: "Hạng 4/20"
            text = f"Hạng {r}/{t}"
            if crit.rank_change:
                n = crit.rank_change
                text += f" ({'tăng' if n > 0 else 'giảm'} {abs(n)} bậc)"
            else:
                crit.rank_change = None  # no change printed
            return text + "."
        if self.spec.get("crit_rank_style") == "dung_thu":  # round 4
            text = f"Đứng thứ {r}/{t} trong các xã, thị trấn của {self.district_kind}"
        elif self.spec.get("crit_rank_style") == "vi_tri":
            text = f"Xếp vị trí {r} trên {t} đơn vị"
        elif self.spec.get("crit_rank_style") == "thu_hang":  # round 6
            text = f"Đạt thứ hạng {r}/{t}"
            if crit.rank_change == 0:  # this wording prints no "giữ nguyên": the report states no change
                crit.rank_change = None
            if crit.rank_change:
                n = crit.rank_change
                text += f", {'tăng' if n > 0 else 'hạ'} {NUMBER_WORDS[abs(n)]} bậc"
            return text + "."
        elif self.spec.get("crit_rank_style") == "vi_tri_thu":  # round 12: "Xếp vị trí thứ 4/18 (tăng 2 bậc …)."
            text = f"Xếp vị trí thứ {r}/{t}"
            if crit.rank_change:
                n = crit.rank_change
                text += f" ({'tăng' if n > 0 else 'giảm'} {abs(n)} bậc so với năm {self.year - 1})"
            else:
                crit.rank_change = None  # no change printed
            return text + "."
        elif self.spec.get("crit_rank_style") == "trong_so":  # round 13: "Đứng thứ 4 trong số 18 đơn vị (tăng 2 hạng …)."
            text = f"Đứng thứ {r} trong số {t} đơn vị"
            if crit.rank_change is not None:
                n = crit.rank_change
                text += (f" (tăng {n} hạng so với cùng kỳ)" if n > 0 else f" (giảm {-n} hạng so với cùng kỳ)" if n < 0
                         else " (giữ nguyên thứ hạng so với cùng kỳ)")
            return text + "."
        elif self.spec.get("crit_rank_style") == "hang_thu_tren":  # round 15: "Xếp hạng thứ 4 trên 18 (tăng 2 bậc)."
            text = f"Xếp hạng thứ {r} trên {t}"
            if crit.rank_change:
                n = crit.rank_change
                text += f" ({'tăng' if n > 0 else 'giảm'} {abs(n)} bậc)"
            else:
                crit.rank_change = None  # no change printed
            return text + "."
        elif self.spec.get("crit_rank_style") == "hang":  # round 5
            text = f"Xếp hạng {r}/{t}"
            if crit.rank_change is not None:
                n = crit.rank_change
                text += f" ({f'tăng {n:02d} bậc' if n > 0 else f'giảm {-n:02d} bậc' if n < 0 else 'giữ nguyên thứ bậc'})"
            return text + "."
        if crit.rank_change is not None:
            n = crit.rank_change
            text += (f", tăng {n} bậc" if n > 0 else f", giảm {-n} bậc" if n < 0 else ", giữ nguyên thứ bậc") + \
                f" so với năm {self.year - 1}"
        return text + "."

    def number_label(self, crit: Criterion) -> str:
        printed = crit.printed_number
        if self.layout in ("prose_c", "prose_i") or self.spec.get("roman_crit"):  # round 12: roman_crit
            return ROMAN[int(printed) - 1]
        if self.layout == "prose_h":
            return LETTERS[int(printed) - 1]
        return printed

    # ---- blocks -------------------------------------------------------------------------------
    def add(self, *block: Any) -> None:
        if self.spec.get("sections_abc") and block[0] == "heading":  # round 7: sections "A. … B. …"
            match = re.match(r"(I|II|III|IV|V)\. (?=[A-ZĐ])", block[1])
            if match:
                block = (block[0], "ABCDE"[ROMAN.index(match.group(1))] + ". " + block[1][match.end():], *block[2:])
        self.blocks.append(tuple(block))

    def header(self) -> None:
        upper_unit = f"{self.level} {self.unit}".upper()
        title_only = self.spec.get("title_only_unit", False)
        left = ["ỦY BAN NHÂN DÂN"] if title_only else ["ỦY BAN NHÂN DÂN", upper_unit]
        left.append(f"Số: {self.spec.get('number_printed', self.spec['number'])}")  # round 6: "Số: 15 /BC-UBND"
        place = self.district if title_only else self.unit
        d = self.issued
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"]
        if self.spec.get("date_style") == "plain":  # round 6: "ngày 5 tháng 1 năm 2024"
            right[2] = f"{place}, ngày {d.day} tháng {d.month} năm {d.year}"
        if self.spec.get("excel"):  # round 16: printed from a spreadsheet, the two sides in two ruled cells
            self.add("table", [["\n".join(left), "\n".join(right)]])
        else:
            self.add("header", left, right)
        self.add("center", "BÁO CÁO", True)
        title_year = self.year
        for _, printed in self.plant("year_title"):
            title_year = printed
        if self.spec.get("period"):  # round 13: a quarterly or six-month report stating last year's index
            label = PERIODS[self.spec["period"]][0]
            self.add("center", f"Kết quả thực hiện công tác cải cách hành chính {label} {self.year + 1}", True)
            self.add("center", f"và kết quả Chỉ số cải cách hành chính năm {title_year} của {self.unit_phrase()}", True)
            if title_year != self.year:
                self.plants.append(Planted("year_mismatch", "title", "", [float(self.year), float(title_year)],
                                           f"Chỉ số cải cách hành chính năm {title_year}",
                                           f"the title names {title_year}; the body, the report's year {self.year}"))
        elif self.spec.get("title_caps") or title_year != self.year:  # round 5: one title line in capitals
            text = f"KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM {title_year}"
            self.add("center", text, True)
            if title_year != self.year:
                self.plants.append(Planted("year_mismatch", "title", "", [float(self.year), float(title_year)], text,
                                           f"the title names {title_year}; the body, the report's year {self.year}"))
        elif title_only:
            self.add("center", f"Kết quả thực hiện công tác cải cách hành chính năm {self.year} "
                               f"của UBND {self.unit_phrase()}", True)
        else:
            self.add("center", f"Kết quả thực hiện công tác cải cách hành chính năm {self.year}", True)
            self.add("center", f"và nhiệm vụ trọng tâm năm {self.year + 1}", True)

    def intro(self) -> None:
        d = self.issued
        decided = date(self.year + 1, 1, 2) if d.month == 1 and d.day < 10 else d.replace(day=max(1, d.day - 5))
        decision = f"{decided.day:02d}/{decided.month:02d}/{decided.year}"
        if self.spec.get("date_words"):  # round 5: "ngày 05 tháng 01 năm 2024"
            decision = f"{decided.day:02d} tháng {decided.month:02d} năm {decided.year}"
        elif self.spec.get("date_style") == "plain":  # round 6: "ngày 5/1/2024"
            decision = f"{decided.day}/{decided.month}/{decided.year}"
        elif self.spec.get("date_style") == "dash":  # round 6: "ngày 05-01-2024"
            decision = f"{decided.day:02d}-{decided.month:02d}-{decided.year}"
        for _, printed in self.plant("date_ref"):
            decision = printed
            if self.spec.get("date_words"):
                dd, mm, yy = printed.split("/")
                decision = f"{dd} tháng {mm} năm {yy}"
            elif self.spec.get("date_style") == "dash":
                decision = printed.replace("/", "-")
            self.plants.append(Planted("date_inconsistency", "reference", "", [], f"ngày {decision}",
                                       f"Quyết định dated {printed}, after the report's date {d.isoformat()}"))
        number = 100 + self.rng.randint(0, 800)
        unit_word = "UBND xã" if self.spec.get("title_only_unit") else f"UBND {self.unit_phrase()}"
        self.add("para", f"Căn cứ Kế hoạch số {self.rng.randint(20, 90)}/KH-UBND ngày {self.rng.randint(10, 28)}/12/"
                         f"{self.year - 1} của {unit_word} về cải cách hành chính năm {self.year}; Căn cứ Quyết định số "
                         f"{number}/QĐ-UBND ngày {decision} của UBND {self.decider()} về việc công bố Chỉ số cải cách "
                         f"hành chính năm {self.year} của UBND các xã, phường{'' if self.no_district else ', thị trấn'}; "
                         f"{unit_word} báo cáo kết quả như sau:")
        if self.spec.get("period"):  # round 13: the period's own records: another period, another total
            label = PERIODS[self.spec["period"]][0]
            resolved = self.spec["records"][1] * PERIOD_TENTHS[self.spec["period"]] // 10
            on_time = resolved - 2
            period_pct = vn(percent(Decimal(on_time), Decimal(resolved), 2), 2)
            self.add("para", f"Trong {label} {self.year + 1}, Bộ phận tiếp nhận và trả kết quả của {self.level} đã giải "
                             f"quyết {thousands(resolved)} hồ sơ TTHC, trong đó đúng hạn {thousands(on_time)}/"
                             f"{thousands(resolved)} hồ sơ, đạt {period_pct}%. Kết quả Chỉ số CCHC năm {self.year} "
                             f"của {self.level} được UBND {self.district_kind} công bố như sau:")
            self.qty(on_time, resolved, period_pct, f"records resolved on time in {label} {self.year + 1}")
        if self.spec.get("revises"):  # round 10: a revised report replacing one sent earlier (same commune, year)
            number_before, date_before = self.spec["revises"]
            before = date.fromisoformat(date_before)
            self.add("para", f"Báo cáo này thay thế Báo cáo số {number_before} ngày {before.day:02d}/{before.month:02d}/"
                             f"{before.year} của {unit_word} (điều chỉnh số liệu theo kết quả thẩm định của UBND "
                             f"{self.district_kind}).")
        if self.spec.get("duplicate_of"):  # round 10: the set holds two reports of this commune and year
            self.also_true.append(Planted("duplicate_report", "batch", "", [], "",
                                          f"{self.spec['duplicate_of']} reports the same commune and year"))
        for _, printed in self.plant("bad_date"):
            self.add("para", f"Thực hiện Công văn số {self.rng.randint(200, 900)}/UBND-NV ngày {printed} của UBND "
                             f"{self.district_kind} về việc hướng dẫn tự đánh giá, chấm điểm Chỉ số CCHC năm {self.year}, "
                             "UBND xã đã tổ chức tự chấm điểm và cung cấp tài liệu kiểm chứng đầy đủ.")
            self.plants.append(Planted("date_inconsistency", "reference", "", [], f"ngày {printed}",
                                       f"Công văn dated {printed}: no such day"))

    def overall(self) -> dict[str, Any]:
        total_text, total = self.total_text()
        pct_text = vn(percent(total, Decimal(100)), 2)  # a three-decimal total's percent is printed with two
        score_needle = f"{total_text} điểm trên tổng số 100" if self.spec.get("overall_style") == "pct_first" \
            else f"({total_text}) điểm trên tổng số 100" if self.spec.get("overall_style") == "words" \
            else f"Tổng điểm đạt được {total_text}" if self.spec.get("overall_style") == "grid" \
            else f"{total_text}/100"  # round 5: the points stated apart from the percent; round 16: a grid's cells
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
            self.plants.append(Planted("percent_mismatch", "overall", "", [num(percent(total, Decimal(100))), num(dec(printed))],
                                       f"{printed}%", f"overall {total_text}/100 printed as {printed}%"))
        for _, printed in self.plant("total"):
            self.plants.append(Planted("total_mismatch", "overall", "", [num(self.printed_sum()), num(total)],
                                       score_needle,
                                       f"criteria add up to {vn(self.printed_sum())}, total printed {printed}"))
        if self.plant("missing") and not self.plant("total"):  # true, but a checker may say it once (missing_criterion)
            self.also_true.append(Planted("total_mismatch", "overall", "", [num(self.printed_sum()), num(total)],
                                          score_needle,
                                          f"a criterion is left out: the nine printed add up to {vn(self.printed_sum())}, "
                                          f"total printed {total_text}"))
        rank_text, rank, rank_total = self.rank_phrase()
        change_text, change = self.change_phrase(rank)
        for _, where, printed in self.plant("rank_oor"):
            if where == "overall":
                self.plants.append(Planted("rank_out_of_range", "overall", "", [float(rank), float(rank_total)], printed,
                                           f"overall rank {printed}"))
        classification = self.spec["classification"]
        subject = f"UBND {self.unit_phrase()}" if not self.spec.get("title_only_unit") else "UBND xã"
        variant = self.rng.randint(0, 2)
        change_part = f" ({change_text})" if change_text else ""
        if self.spec.get("overall_style") == "fields":  # labelled fields, one statement a line
            for line in (f"- Tổng điểm đạt được: {total_text}/100 điểm; tỷ lệ đạt: {pct_text}%.",
                         f"- Xếp hạng: {rank_text}" + (f" ({change_text})." if change_text else "."),
                         f"- Xếp loại: {classification}."):
                self.add("para", line)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        style = self.spec.get("overall_style")
        if style == "grid":  # round 16: a spreadsheet's summary cells, one label and one value a row
            sign = "" if change is None else f"{change:+d}" if change else "0"
            unit = f"UBND {self.unit_phrase()}, {self.district_kind} {self.district}, {self.province_phrase()}"
            rows = [["Chỉ tiêu", "Kết quả"], ["Đơn vị", unit],
                    ["Năm đánh giá", str(self.year)], ["Tổng điểm đạt được", total_text], ["Điểm tối đa", "100"],
                    ["Tỷ lệ đạt (%)", pct_text], ["Xếp hạng", f"{rank}/{rank_total}"],
                    ["Tăng (+), giảm (-) thứ hạng so với năm trước", sign], ["Xếp loại", classification]]
            self.add("table", rows)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "pct_first":  # round 5: the percent here, the points in the assessment further on
            text = (f"Chỉ số CCHC năm {self.year} của {self.level} đạt {pct_text}%, {rank_text}"
                    + (f" ({change_text})" if change_text else "") + ".")
            self.add("para", text)
            self.deferred.append(f"Với tổng điểm đạt được là {total_text} điểm trên tổng số 100 điểm, {subject} được "
                                 f"xếp loại {classification}.")
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "tham_dinh":  # round 6: "đạt 88,25 điểm trên thang điểm 100", the rank after the class
            text = (f"Theo kết quả thẩm định của UBND {self.district_kind}, năm {self.year} {subject} đạt {total_text} "
                    f"điểm trên thang điểm 100, tỷ lệ {pct_text}%, xếp loại {classification}, {rank_text}"
                    + (f" {change_text}" if change_text.startswith("(") else f", {change_text}" if change_text else "")
                    + ".")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "tuong_ung":  # round 6: the percent first, the points "tương ứng"
            text = (f"Chỉ số CCHC năm {self.year} của {subject} đạt {pct_text}% (tương ứng {total_text}/100 điểm), "
                    f"{rank_text}" + (f" {change_text}" if change_text.startswith("(") else f", {change_text}"
                                      if change_text else "") + f". Xếp loại {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "toan_huyen":  # round 5
            text = (f"Năm {self.year}, {subject} đạt {total_text}/100 điểm (tỷ lệ {pct_text}%), {rank_text}"
                    + (f"; {change_text}" if change_text else "") + f". Xếp loại: {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "duoc_cham":  # round 12: "được UBND huyện chấm 86,75/100 điểm"
            text = (f"Năm {self.year}, {subject} được UBND {self.district_kind} chấm {total_text}/100 điểm, đạt tỷ lệ "
                    f"{pct_text}%, {rank_text}" + (f" ({change_text})" if change_text else "")
                    + f"; xếp loại {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "two_years":  # round 12: last year's score beside this year's in one sentence
            prev = self.spec["prev_total"]
            text = (f"Chỉ số CCHC của {subject} qua hai năm: năm {self.year - 1} đạt {prev} điểm; năm {self.year} đạt "
                    f"{total_text}/100 điểm, tỷ lệ {pct_text}%, {rank_text}" + (f" ({change_text})" if change_text else "")
                    + f", xếp loại {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "words":  # round 13: the total in words, the digits in brackets, "trên tổng số 100 điểm"
            text = (f"Chỉ số CCHC năm {self.year} của {subject} đạt {decimal_words(total_text)} ({total_text}) điểm trên "
                    f"tổng số 100 điểm, tỷ lệ {pct_text}%, {rank_text}" + (f" ({change_text})" if change_text else "")
                    + f". Xếp loại: {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "so_diem":  # round 12: "số điểm … đạt được là 88,25/100 điểm"
            text = (f"Kết quả thẩm định Chỉ số CCHC năm {self.year}: số điểm {subject} đạt được là {total_text}/100 "
                    f"điểm, đạt tỷ lệ {pct_text}%; {rank_text}" + (f", {change_text}" if change_text else "")
                    + f". Xếp loại: {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style == "closing_total":  # round 8: the rank here, the total only in the closing paragraph
            self.add("para", f"Năm {self.year}, {subject} {rank_text}" + (f" ({change_text})" if change_text else "")
                     + f"; xếp loại {classification}.")
            self.closing_total = (f"Tổng hợp kết quả, Chỉ số CCHC năm {self.year} của {self.level} đạt {total_text}/100 "
                                  f"điểm, tỷ lệ {pct_text}%.")
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style in ("diem_td", "td_after"):  # round 17: "điểm tự đánh giá" beside "điểm thẩm định" (the index)
            own = self.spec["self_assessed"]
            if style == "diem_td":
                text = (f"Kết quả Chỉ số CCHC năm {self.year} của {subject}: điểm tự đánh giá {own} điểm; điểm thẩm "
                        f"định {total_text}/100 điểm, tỷ lệ {pct_text}%, {rank_text}"
                        + (f", {change_text}" if change_text else "") + f". Xếp loại: {classification}.")
            else:
                text = (f"Năm {self.year}, điểm thẩm định Chỉ số CCHC của {subject} là {total_text} điểm trên tổng số "
                        f"100 điểm (điểm tự đánh giá {own} điểm, chênh lệch {vn(dec(own) - total)} điểm), đạt tỷ lệ "
                        f"{pct_text}%; {rank_text}" + (f" ({change_text})" if change_text else "")
                        + f"; xếp loại {classification}.")
            self.add("para", text)
            return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                    "rank_total": rank_total, "rank_change": change, "classification": classification}
        if style in ("points_of", "self_assessed", "sentences"):  # round 4
            return self.overall_round4(style, subject, total, total_text, pct_text, rank_text, rank, rank_total,
                                       change_text, change, classification)
        if variant == 0:
            text = (f"{subject} được UBND {self.district_kind} chấm điểm đạt {total_text}/100 điểm (đạt tỷ lệ {pct_text}% "
                    f"chỉ số tổng hợp), {rank_text}{change_part} và được xếp loại {classification}.")
        elif variant == 1:
            text = (f"Kết quả Chỉ số CCHC năm {self.year} của {subject} đạt {total_text}/100 điểm, tỷ lệ {pct_text}%, "
                    f"{rank_text}" + (f", {change_text}" if change_text else "") + f"; xếp loại {classification}.")
        else:
            text = (f"Chỉ số CCHC năm {self.year} của {subject} đạt {pct_text}% ({total_text}/100 điểm), {rank_text}"
                    + (f", {change_text}" if change_text else "") + f". Xếp loại: {classification}.")
        self.add("para", text)
        return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                "rank_total": rank_total, "rank_change": change, "classification": classification}

    def misdate_overall(self, first: int, year: int) -> None:
        """Round 9 plant: the overall statement names another year than the title, the headings and the closing."""
        for i in range(first, len(self.blocks)):
            block = self.blocks[i]
            if block[0] == "para" and re.search(rf"[Nn]ăm {self.year}\b", block[1]):
                text = re.sub(rf"([Nn]ăm) {self.year}\b", rf"\g<1> {year}", block[1], count=1)
                self.blocks[i] = (block[0], text, *block[2:])
                self.plants.append(Planted("year_mismatch", "overall", "", [float(self.year), float(year)], text,
                                           f"the overall statement names {year}, the report {self.year}"))
                return
        raise ValueError(f"{self.spec['name']}: no overall statement names the year")

    def overall_round4(self, style: str, subject: str, total: Decimal, total_text: str, pct_text: str, rank_text: str,
                       rank: int, rank_total: int, change_text: str, change: int | None,
                       classification: str) -> dict[str, Any]:
        """The overall statement in round 4's wordings ("đạt 86,25 điểm/100 điểm", a self-assessed score first)."""
        if style == "points_of":
            text = (f"Năm {self.year}, {subject} đạt {total_text} điểm/100 điểm, đạt tỷ lệ {pct_text}%, {rank_text}"
                    + (f" ({change_text})" if change_text else "") + f"; xếp loại {classification}.")
        elif style == "self_assessed":  # the commune's own score, then the district's: two scores, one is the result
            text = (f"{subject} tự đánh giá, chấm điểm đạt {self.spec['self_assessed']} điểm; qua thẩm định, UBND "
                    f"{self.district_kind} công nhận đạt {total_text}/100 điểm, tỷ lệ {pct_text}%, {rank_text}"
                    + (f", {change_text}" if change_text else "") + f". Xếp loại: {classification}.")
        else:
            text = (f"Tổng điểm Chỉ số CCHC năm {self.year} của {subject} là {total_text}/100 điểm, tương ứng tỷ lệ "
                    f"{pct_text}%. Về xếp hạng, xã {rank_text}" + (f", {change_text}" if change_text else "")
                    + f". Xếp loại: {classification}.")
        self.add("para", text)
        return {"score": num(total), "max_score": 100.0, "percent": num(dec(pct_text)), "rank": rank,
                "rank_total": rank_total, "rank_change": change, "classification": classification}

    # indicators under a criterion: full / incomplete lists whose lost points add up to the criterion's
    def components(self, crit: Criterion, number: str) -> None:
        titles = INDICATORS.get(crit.code)
        if not titles:
            return
        n = len(titles)
        maxima = self.split_max(crit.max_score, n)
        lost = crit.max_score - crit.score
        order = list(range(n))
        self.rng.shuffle(order)
        lost_parts: dict[int, Decimal] = {}
        remaining = lost
        for i in order:
            if remaining <= 0:
                break
            part = min(remaining, maxima[i])
            lost_parts[i] = part
            remaining -= part
        if remaining > 0:  # the criterion lost more than its components hold: state no component scores
            return

        def code(i: int) -> str:
            return f"{crit.code}.{i + 1}"

        for _, dcode, printed in self.plant("deduction"):
            if dcode == crit.code:
                first = min(lost_parts)
                stated_lost = lost - dec(printed)
                lost_parts[first] -= dec(printed)
                assert lost_parts[first] > 0, (self.spec["name"], crit.code)
                self.plants.append(Planted("deduction_mismatch", f"criterion {crit.code}", str(crit.code),
                                           [num(lost), num(stated_lost)],
                                           f"{code(first)} ({titles[first]})",
                                           f"criterion {crit.code} lost {vn(lost)}, its indicators {vn(stated_lost)}"))
        if self.spec.get("indicator_table"):
            return self.indicator_table(crit, titles, maxima, lost_parts)
        moved = None
        if self.plant_for("full_lost", crit.code) and lost_parts:
            moved = min(lost_parts)
        twice = None
        if self.plant_for("both", crit.code) and lost_parts:
            twice = min(lost_parts)
        full = [i for i in range(n) if i not in lost_parts or i == moved or i == twice]
        incomplete = [i for i in range(n) if i in lost_parts and i != moved]
        prefix = self.rng.choice(["Mục", "Chỉ số", "Tiêu chí thành phần"])
        full_head, lost_head = self.list_headings(number)
        self.add("subheading", full_head)
        for i in full:
            ind_score = maxima[i] - lost_parts.get(i, Decimal(0))
            show_score = i == moved or self.rng.random() < 0.3
            sentence = f"{self.item_lead(prefix, code(i), titles[i])} {self.rng.choice(FULL_PROSE)}"
            if show_score:
                sentence += f", đạt {vn(ind_score)}/{vn(maxima[i])} điểm"
            self.add("para", sentence + ".")
            entry: dict[str, Any] = {"listed_as": "full"}
            if show_score:
                entry |= {"score": num(ind_score), "max_score": num(maxima[i])}
            self.indicators[code(i)] = entry
            if i == moved:
                self.plants.append(Planted("status_contradiction", f"indicator {code(i)}", code(i),
                                           [num(maxima[i]), num(ind_score)], sentence,
                                           f"{code(i)} listed among full-score indicators with {vn(ind_score)}/{vn(maxima[i])}"))
        if incomplete:
            self.add("subheading", lost_head)
            for i in incomplete:
                ind_score = maxima[i] - lost_parts[i]
                sentence = (f"{self.item_lead(prefix, code(i), titles[i])} {self.rng.choice(LOST_PROSE)}, "
                            f"đạt {vn(ind_score)}/{vn(maxima[i])} điểm.")
                self.add("para", sentence)
                if i == twice:
                    self.indicators[code(i)] = {"listed_as": None, "score": num(ind_score), "max_score": num(maxima[i])}
                    self.plants.append(Planted("status_contradiction", f"indicator {code(i)}", code(i),
                                               [num(maxima[i]), num(ind_score)], sentence,
                                               f"{code(i)} listed both as full and as not achieved ({vn(ind_score)}/{vn(maxima[i])})"))
                else:
                    self.indicators[code(i)] = {"listed_as": "incomplete", "score": num(ind_score),
                                                "max_score": num(maxima[i])}

    def indicator_table(self, crit: Criterion, titles: list[str], maxima: list[Decimal],
                        lost_parts: dict[int, Decimal]) -> None:
        """Round 9: a criterion's indicators as a table "Mã chỉ số | Nội dung | Điểm tối đa | Điểm đạt", no lists (so
        no indicator is listed as anything: the truth holds its scores only); tab-separated in a text file."""
        rows = [["Mã chỉ số", "Nội dung", "Điểm tối đa", "Điểm đạt"]]
        for i, title in enumerate(titles):
            code = f"{crit.code}.{i + 1}"
            score = maxima[i] - lost_parts.get(i, Decimal(0))
            rows.append([code, title, vn(maxima[i]), vn(score)])
            self.indicators[code] = {"listed_as": None, "score": num(score), "max_score": num(maxima[i])}
        separator = "\t" if self.spec["fmt"] in ("txt", "txt_utf16") else " "
        for planted in self.plants:  # a deduction plant names its indicator's row
            if planted.kind == "deduction_mismatch" and planted.concerns == f"criterion {crit.code}":
                code = planted.sentence.split(" ")[0]
                planted.sentence = separator.join(next(row for row in rows if row[0] == code))
        self.add("para", f"Điểm các chỉ số thành phần của lĩnh vực {crit.title[0].lower() + crit.title[1:]}:")
        if self.spec["fmt"] in ("txt", "txt_utf16"):
            self.add("pre", ["\t".join(row) for row in rows])
        else:
            self.add("table", rows)

    def item_lead(self, prefix: str, code: str, title: str) -> str:
        """An indicator's lead: "- Mục 1.3 (Kiểm tra …):", or in round 6 "+ 1.3. Kiểm tra …:"."""
        if self.spec.get("item_style") == "r6":
            return f"+ {code}. {title}:"
        return f"- {prefix} {code} ({title}):"

    def list_headings(self, number: str) -> tuple[str, str]:
        """The two component lists' headings, numbered as this report numbers them."""
        full, lost = "Các chỉ số thành phần đạt điểm tối đa:", "Các chỉ số thành phần chưa đạt điểm tối đa:"
        if self.spec.get("list_words") == "alt":
            full, lost = "Những nội dung đạt điểm tối đa gồm:", "Những nội dung còn bị trừ điểm:"
        elif self.spec.get("list_words") == "alt2":  # round 4
            full, lost = "Các chỉ số đạt điểm tối đa gồm:", "Các chỉ số bị trừ điểm:"
        elif self.spec.get("list_words") == "r6":  # round 6
            full, lost = "Các nội dung đạt điểm tối đa:", "Các nội dung chưa đạt điểm tối đa (bị trừ điểm):"
        style = self.list_style
        if style == "numbered":
            return f"{number}.1. {full}", f"{number}.2. {lost}"
        if style == "lettered":
            return f"a) {full}", f"b) {lost}"
        return f"* {full}", f"* {lost}"

    def plant_for(self, kind: str, code: int) -> bool:
        return any(p[1] == code for p in self.plant(kind))

    @staticmethod
    def split_max(total: Decimal, n: int) -> list[Decimal]:
        base = (total / n * 2).to_integral_value(rounding="ROUND_FLOOR") / 2
        parts = [base] * (n - 1)
        parts.append(total - base * (n - 1))
        return parts

    # ---- quantities in prose ------------------------------------------------------------------
    def qty(self, numerator: int, denominator: int, pct_text: str | None, what: str) -> None:
        entry: dict[str, Any] = {"numerator": float(numerator), "denominator": float(denominator), "what": what}
        if pct_text is not None:
            entry["percent"] = num(dec(pct_text))
        self.quantities.append(entry)

    def records_paragraphs(self) -> list[str]:
        received, resolved, ontime, online_total, _ = self.spec["records"]
        tricky = self.spec.get("tricky", [])
        out = []
        if self.spec.get("qty_table"):  # round 5: the records in a table under criterion 3
            return self.records_table()
        if "received_resolved" in tricky and not self.alt_words:
            p = vn(percent(Decimal(resolved), Decimal(received), 1), 1)
            out.append(f"Trong năm {self.year}, Bộ phận Một cửa của xã đã tiếp nhận {thousands(received)} hồ sơ TTHC; "
                       f"đã giải quyết {thousands(resolved)}/{thousands(received)} hồ sơ tiếp nhận (đạt {p}%), số còn lại "
                       "đang trong thời hạn giải quyết.")
            self.qty(resolved, received, p, "records resolved of records received")
        p = vn(percent(Decimal(ontime), Decimal(resolved), 2), 2)
        sentence_pct = p
        for _, printed in self.plant("pct_qty"):
            sentence_pct = printed
        text = (f"+ Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: {thousands(ontime)}/{thousands(resolved)} hồ sơ "
                f"được giải quyết trong năm, đạt {sentence_pct}%.")
        if self.spec.get("qty_words") == "r6":  # round 6: received split by channel, "đúng và trước hạn"
            online_received = self.spec["records"][3] + 7
            out.append(f"- Tổng số hồ sơ tiếp nhận: {thousands(received)} hồ sơ (trực tuyến: {thousands(online_received)} "
                       f"hồ sơ; trực tiếp: {thousands(received - online_received)} hồ sơ).")
            text = (f"- Đã giải quyết đúng và trước hạn {thousands(ontime)}/{thousands(resolved)} hồ sơ đã giải quyết, "
                    f"đạt tỷ lệ {sentence_pct}%.")
        if self.alt_words:  # received, resolved and on time in one sentence; the percent is of the resolved
            text = (f"- Tổng số hồ sơ TTHC tiếp nhận trong năm {self.year}: {thousands(received)} hồ sơ; đã giải quyết "
                    f"{thousands(resolved)} hồ sơ, trong đó giải quyết đúng hạn {thousands(ontime)} hồ sơ, "
                    f"đạt {sentence_pct}%.")
        out.append(text)
        self.qty(ontime, resolved, sentence_pct, "records resolved on time")
        for _, printed in self.plant("pct_qty"):
            self.plants.append(Planted("percent_mismatch", "records resolved on time", "",
                                       [num(dec(p)), num(dec(printed))], text,
                                       f"{ontime}/{resolved} = {p}%, printed {printed}%"))
        if "field_subset" in tricky:  # one field's records inside the commune's: a part, not the same population
            part = resolved * 2 // 5
            part_on = part - 1
            sp = vn(percent(Decimal(part_on), Decimal(part), 2), 2)
            out.append(f"Trong đó, lĩnh vực Tư pháp - Hộ tịch giải quyết đúng hạn {thousands(part_on)}/{thousands(part)} "
                       f"hồ sơ, đạt {sp}%.")
            self.qty(part_on, part, sp, "records of one field resolved on time")
        if "half_year" in tricky:  # round 8: the first six months' records beside the year's
            half = resolved * 11 // 20
            half_on = half - 2
            hp = vn(percent(Decimal(half_on), Decimal(half), 2), 2)
            out.append(f"Riêng 6 tháng đầu năm {self.year}, Bộ phận Một cửa đã giải quyết đúng hạn "
                       f"{thousands(half_on)}/{thousands(half)} hồ sơ, đạt {hp}%.")
            self.qty(half_on, half, hp, "records resolved on time in the first six months")
        if "quarter" in tricky:  # round 9: one quarter's records beside the year's
            quarter = resolved * 3 // 10
            quarter_on = quarter - 3
            qp = vn(percent(Decimal(quarter_on), Decimal(quarter), 2), 2)
            out.append(f"Riêng quý IV năm {self.year}, Bộ phận Một cửa tiếp nhận và giải quyết {thousands(quarter)} hồ sơ, "
                       f"trong đó giải quyết đúng hạn {thousands(quarter_on)}/{thousands(quarter)} hồ sơ ({qp}%).")
            self.qty(quarter_on, quarter, qp, "records resolved on time in the fourth quarter")
        if "village" in tricky:  # round 8: one village's online records, a part of the commune's
            v_all = online_total // 6 + 1
            v_on = v_all - 1
            vp = vn(percent(Decimal(v_on), Decimal(v_all), 2), 2)
            out.append(f"Tại {self.spec['village']}, Tổ công nghệ số cộng đồng đã hỗ trợ người dân nộp {v_all} hồ sơ "
                       f"trực tuyến; {v_on}/{v_all} hồ sơ của {self.spec['village']} được giải quyết đúng hạn ({vp}%).")
            self.qty(v_on, v_all, vp, "one village's online records resolved on time")
        if "last_year" in tricky:
            last_res = resolved - 211
            last_on = last_res - 9
            lp = vn(percent(Decimal(last_on), Decimal(last_res), 2), 2)
            out.append(f"So với năm {self.year - 1} (giải quyết đúng hạn {thousands(last_on)}/{thousands(last_res)} hồ sơ, "
                       f"đạt {lp}%), số hồ sơ giải quyết trong năm {self.year} tăng {thousands(resolved - last_res)} hồ sơ.")
            self.qty(last_on, last_res, lp, "last year's records resolved on time")
        return out

    def records_table(self) -> list[str]:
        """Round 5: received, resolved, on time and its percent as a table (a DOCX/PDF table, text columns in .txt)."""
        received, resolved, ontime, _, _ = self.spec["records"]
        p = vn(percent(Decimal(ontime), Decimal(resolved), 2), 2)
        printed = p
        for _, wrong in self.plant("pct_qty"):
            printed = wrong
        rows = [["Số hồ sơ tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn", "Tỷ lệ đúng hạn (%)"],
                [thousands(received), thousands(resolved), thousands(ontime), printed]]
        self.add("para", f"- Kết quả tiếp nhận, giải quyết hồ sơ TTHC năm {self.year}:")
        if self.spec["fmt"] in ("txt", "txt_utf16"):
            self.add("pre", [f"{rows[0][0]:<22}{rows[0][1]:>16}{rows[0][2]:>22}{rows[0][3]:>22}",
                             f"{rows[1][0]:<22}{rows[1][1]:>16}{rows[1][2]:>22}{rows[1][3]:>22}"])
            row_text = f"{rows[1][0]:<22}{rows[1][1]:>16}{rows[1][2]:>22}{rows[1][3]:>22}"
        else:
            self.add("table", rows)
            row_text = " ".join(rows[1])
        self.qty(ontime, resolved, printed, "records resolved on time")
        for _, wrong in self.plant("pct_qty"):
            self.plants.append(Planted("percent_mismatch", "records resolved on time", "",
                                       [num(dec(p)), num(dec(wrong))], row_text,
                                       f"{ontime}/{resolved} = {p}%, printed {wrong}%"))
        return []

    def online_paragraphs(self) -> list[str]:
        _, resolved, _, online, online_ontime = self.spec["records"]
        shown = resolved
        for _, other in self.plant("conflict_records"):
            shown = other
        p = vn(percent(Decimal(online), Decimal(shown), 1), 1)
        text = (f"+ Tỷ lệ hồ sơ TTHC được xử lý trực tuyến: có {thousands(online)}/{thousands(shown)} tổng số hồ sơ TTHC "
                f"được giải quyết trong năm, đạt tỷ lệ {p}%.")
        if self.alt_words:
            text = (f"- Số hồ sơ tiếp nhận, giải quyết trực tuyến: {thousands(online)} hồ sơ trên tổng số "
                    f"{thousands(shown)} hồ sơ TTHC đã giải quyết trong năm, chiếm {p}%.")
        elif self.spec.get("qty_words") == "r6":  # round 6
            text = (f"- Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ TTHC đã giải quyết trong năm: "
                    f"{thousands(online)}/{thousands(shown)} hồ sơ ({p}%).")
        self.qty(online, shown, p, "records resolved online of all records resolved")
        out = [text]
        for _, other in self.plant("conflict_records"):
            self.plants.append(Planted("conflicting_values", "records resolved in the year", "",
                                       [float(resolved), float(other)], text,
                                       f"records resolved in the year: {resolved} in criterion 3, {other} in criterion 7"))
        if "online_all" in self.spec.get("tricky", []):
            op = vn(percent(Decimal(online_ontime), Decimal(online), 2), 2)
            if self.alt_words:
                out.append(f"- Trong số hồ sơ trực tuyến, {thousands(online_ontime)}/{thousands(online)} hồ sơ được trả "
                           f"kết quả đúng hạn ({op}%).")
            else:
                out.append(f"+ Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn: {thousands(online_ontime)}/"
                           f"{thousands(online)} hồ sơ trực tuyến, đạt {op}%.")
            self.qty(online_ontime, online, op, "online records resolved on time")
        return out

    def staff_paragraphs(self) -> list[str]:
        total, standard = self.spec["staff"]
        p = vn(percent(Decimal(standard), Decimal(total), 2), 2)
        out = [f"- Tổng số cán bộ, công chức đạt chuẩn của UBND xã là {standard}/{total} người, đạt {p}%."]
        if self.alt_words:
            out = [(f"- UBND xã hiện có {total} cán bộ, công chức, trong đó {standard} người đạt chuẩn theo quy định "
                    f"(đạt {p}%).")]
        elif self.spec.get("qty_words") == "r6":  # round 6
            out = [f"- Tổng số cán bộ, công chức của xã: {total} người; trong đó đạt chuẩn {standard}/{total} người ({p}%)."]
        if self.spec.get("words_parens"):  # round 10: counts in words, the digits in brackets
            out = [(f"- UBND {self.level} hiện có {number_words(total)} ({total}) cán bộ, công chức; trong đó "
                    f"{number_words(standard)} ({standard}) người đạt chuẩn theo quy định, đạt tỷ lệ {p}%.")]
        self.qty(standard, total, p, "cadres and civil servants up to standard")
        if "field_subset" in self.spec.get("tricky", []):
            out.append("- Bộ phận Tiếp nhận và Trả kết quả của xã bố trí 5 công chức; 5/5 công chức đã được bồi dưỡng "
                       "kỹ năng giao tiếp, ứng xử.")
            self.qty(5, 5, None, "civil servants of the one-stop office trained")
        if "staff_cadres" in self.spec.get("tricky", []):
            cadres = 9 if total > 18 else 8
            servants = total - cadres
            ok = servants - 1
            sp = vn(percent(Decimal(ok), Decimal(servants), 2), 2)
            if self.alt_words:
                out.append(f"- Trong tổng số cán bộ, công chức có {cadres} cán bộ và {servants} công chức; {ok} trên tổng "
                           f"số {servants} công chức có trình độ đại học trở lên, chiếm {sp}%.")
            elif self.spec.get("qty_words") == "r6":  # round 6
                out.append(f"- Cơ cấu: {cadres} cán bộ chuyên trách, {servants} công chức; công chức có trình độ đại học: "
                           f"{ok}/{servants} người ({sp}%).")
            else:
                out.append(f"- Xã có {cadres} cán bộ chuyên trách và {servants} công chức; số công chức có trình độ đại "
                           f"học trở lên là {ok}/{servants} công chức ({sp}%).")
            self.qty(ok, servants, sp, "civil servants with a university degree")
        return out

    def staff_closing(self) -> str:
        total, standard = self.spec["staff"]
        shown = total
        for _, other in self.plant("conflict_staff"):
            shown = other
        text = (f"Chất lượng đội ngũ cán bộ, công chức tuy đã được nâng lên nhưng vẫn còn {total - standard}/{shown} "
                "cán bộ, công chức chưa đạt chuẩn theo quy định.")
        if self.alt_words:
            text = (f"Chất lượng đội ngũ tuy đã được nâng lên nhưng vẫn còn {total - standard} trên tổng số {shown} "
                    "cán bộ, công chức chưa đạt chuẩn theo quy định.")
        elif self.spec.get("qty_words") == "r6":  # round 6
            text = (f"Đội ngũ cán bộ, công chức vẫn còn {total - standard}/{shown} người chưa đạt chuẩn theo quy định "
                    "của chức danh đảm nhiệm.")
        self.qty(total - standard, shown, None, "cadres and civil servants not up to standard")
        for _, other in self.plant("conflict_staff"):
            self.plants.append(Planted("conflicting_values", "cadres and civil servants of the commune", "",
                                       [float(total), float(other)], text,
                                       f"the commune's cadres and civil servants: {total} in criterion 5, {other} later"))
        return text

    def survey_paragraph(self) -> str:
        if "round_double" in self.spec.get("tricky", []):
            self.qty(1183, 1186, "99,8", "valid survey forms")
            return ("- Phòng Nội vụ phối hợp với Bưu điện huyện phát phiếu khảo sát; tỷ lệ phiếu hợp lệ thu về: "
                    "1.183/1.186 phiếu, đạt 99,8%.")
        if self.no_district:  # round 21: the province's department surveys
            return "- Sở Nội vụ phối hợp với Bưu điện tỉnh lấy ý kiến người dân, tổ chức đã giao dịch tại Bộ phận Một cửa."
        return "- Phòng Nội vụ phối hợp với Bưu điện huyện lấy ý kiến người dân, tổ chức đã giao dịch tại Bộ phận Một cửa."

    # ---- criteria sections ---------------------------------------------------------------------
    def criterion_body(self, crit: Criterion, number: str, with_components: bool) -> None:
        code = crit.code
        if code == 3:
            self.add("para", "- Thực hiện tốt việc công khai TTHC tại Bộ phận Một cửa và trên Cổng dịch vụ công của tỉnh.")
            for text in self.records_paragraphs():
                self.add("para", text)
            if self.spec.get("footnote"):  # round 8: a footnote on where the figures come from, with a date
                self.add("para", f"(1) Số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC của "
                                 f"{self.province_phrase()}, tính đến hết ngày 15/12/{self.year}.")
        elif code == 5:
            for text in self.staff_paragraphs():
                self.add("para", text)
        elif code == 7:
            for text in self.online_paragraphs():
                self.add("para", text)
        elif code == 10:
            self.add("para", self.survey_paragraph())
        elif code == 8:
            self.add("para", f"- Có {self.rng.randint(12, 18)} chỉ tiêu kinh tế - xã hội được giao, phần lớn đạt và vượt kế hoạch.")
        else:
            self.add("para", "- " + self.rng.choice([
                "UBND xã đã ban hành đầy đủ các văn bản chỉ đạo, phân công nhiệm vụ cụ thể cho từng công chức.",
                "Các nhiệm vụ được triển khai kịp thời, bám sát chỉ đạo của cấp trên.",
                "Thực hiện nghiêm túc các quy định; chưa để xảy ra sai sót lớn trong năm.",
            ]))
        if with_components:
            self.components(crit, number)

    def heading_for(self, crit: Criterion) -> str:
        """The criterion's heading with its score statement (prose layouts)."""
        label = self.number_label(crit)
        score = self.score_phrase(crit)
        if self.layout == "prose_a":
            head = f"Về {crit.title}: {score}, đạt tỷ lệ {crit.percent_text}%."
            if self.spec.get("pct_words"):  # round 8: "đạt 84,67 phần trăm số điểm"
                head = f"Về {crit.title}: {score}, đạt {crit.percent_text} phần trăm số điểm."
            rank = self.crit_rank_sentence(crit)
            head = f"{head} {rank}".strip()
            if self.spec.get("unnumbered"):  # round 8: criteria named by their title only ("Về cải cách thể chế: …")
                return head
            return head if self.autonum else f"{label}. {head}"
        if self.layout == "prose_e":
            return f"{label}. {crit.title.upper()} ({score.upper()})"
        title = crit.title[0].upper() + crit.title[1:]
        rank = self.crit_rank_sentence(crit)
        if self.layout == "prose_g":  # round 4: "1/ Công tác …: đạt 12,5/15 điểm, tỷ lệ 83,33%."
            head = f"{title}: đạt {score}, tỷ lệ {crit.percent_text}%. {rank}".strip()
            return head if self.autonum else f"{label}/ {head}"
        if self.layout == "prose_h":  # round 4: criteria lettered "a)"
            head = f"{title}: {score} (đạt {crit.percent_text}%). {rank}".strip()
            return head if self.autonum else f"{label}) {head}"
        if self.layout == "prose_d":
            head = f"{crit.title[0].upper()}{crit.title[1:]}: đạt {score} ({crit.percent_text} %)."
            rank = self.crit_rank_sentence(crit)
            return f"{label}) {head} {rank}".strip()
        raise ValueError(self.layout)

    def prose_ab_d(self) -> None:
        year = self.year
        for _, printed in self.plant("year_heading"):
            year = printed
        if self.layout == "prose_c":
            text = f"PHẦN I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
        elif self.layout == "prose_i":  # round 5: the overall under PHẦN I, the criteria under PHẦN II
            text = f"PHẦN II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC NĂM {year}"
        else:
            text = f"I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM {year}"
        self.add("heading", text)
        if year != self.year:
            self.plants.append(Planted("year_mismatch", "body", "", [float(self.year), float(year)], text,
                                       f"the results heading names {year}, title {self.year}"))
        if self.layout == "prose_o":
            return self.prose_runon()
        if self.layout == "prose_u":  # round 20: the framework's maxima first, the criteria then give points lost
            self.framework_table()
        if self.spec.get("restate"):  # round 10: every criterion's score in a summary first, then the sections
            self.restated_summary()
        for crit in self.criteria:
            number = str(crit.code)
            with_components = crit.code in (1, 3, 5, 7) or self.plant_for("full_lost", crit.code) or \
                self.plant_for("both", crit.code)
            if self.layout == "prose_e" and crit.score < crit.max_score and not crit.malformed and self.rng.random() < 0.4:
                lost = crit.max_score - crit.score  # stated as points lost: the score is the maximum minus them
                self.add("heading", f"{crit.code}. {crit.title.upper()}")
                self.add("para", f"Bị mất {vn(lost)}/{crit.max_text} điểm, đạt tỷ lệ {crit.percent_text}%. "
                                 f"{self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_e":
                self.add("heading", self.heading_for(crit))
                self.add("para", f"Tỷ lệ đạt {crit.percent_text}%. {self.crit_rank_sentence(crit)}".strip())
            elif self.layout in ("prose_a", "prose_d", "prose_g", "prose_h"):
                self.add("autonum" if self.autonum else "heading", self.heading_for(crit))
            elif self.layout == "prose_f":  # round 4: "Lĩnh vực 1: …", the score on the next line
                title = crit.title[0].upper() + crit.title[1:]
                self.add("autonum" if self.autonum else "heading",
                         title if self.autonum else f"Lĩnh vực {crit.printed_number}: {title}")
                self.add("para", f"Điểm đạt: {self.score_phrase(crit)}; tỷ lệ: {self.pct(crit)}. "
                                 f"{self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_i":  # round 5: "III. Title", a long title wrapped onto a second line
                title = crit.title[0].upper() + crit.title[1:]
                lines = [title]
                if len(title) > 48:
                    words = title.split()
                    cut = len(words) // 2
                    lines = [" ".join(words[:cut]), " ".join(words[cut:])]
                first = lines[0] if self.autonum else f"{self.number_label(crit)}. {lines[0]}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                for rest in lines[1:]:
                    self.add("heading", rest)
                self.add("para", f"{self.score_words(crit)}. {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_k":  # round 6: "Lĩnh vực thứ nhất: …", "Số điểm đạt được: 12,75 điểm/15 điểm"
                title = crit.title[0].upper() + crit.title[1:]
                first = f"Lĩnh vực thứ {ORDINALS[int(crit.printed_number)]}: {title}"
                crit.heading_line = first
                self.add("heading", first)
                score = f"{crit.malformed} điểm" if crit.malformed else f"{crit.score_text} điểm/{crit.max_text} điểm"
                self.add("para", f"Số điểm đạt được: {score}, đạt {crit.percent_text}% số điểm. "
                                 f"{self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_l":  # round 6: the maximum, the points lost, what remains
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{crit.printed_number}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                lost = crit.max_score - crit.score
                if lost > 0:
                    text = (f"Điểm tối đa {crit.max_text} điểm, bị trừ {vn(lost)} điểm, còn lại {crit.score_text} điểm "
                            f"({crit.percent_text}%).")
                else:
                    text = f"Điểm tối đa {crit.max_text} điểm, không bị trừ điểm, đạt {crit.score_text} điểm ({crit.percent_text}%)."
                self.add("para", f"{text} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_j":  # round 5: labelled lines, the maximum before the score
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{crit.printed_number}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                self.add("para", f"- Điểm tối đa: {crit.max_text} điểm; điểm đạt: {crit.score_text} điểm; "
                                 f"tỷ lệ: {crit.percent_text}%.")
                if crit.rank:
                    self.add("para", "- " + self.crit_rank_sentence(crit))
            elif self.layout == "prose_m":  # round 9: "Thứ nhất, về …: đạt 12,5/15 điểm, tỷ lệ 83%.", not bold
                lead = f"Thứ {ORDINALS[int(crit.printed_number)]}, về {crit.title[0].lower() + crit.title[1:]}"
                crit.heading_line = (f"{lead}: đạt {self.score_phrase(crit)}, tỷ lệ {self.pct(crit)}. "
                                     f"{self.crit_rank_sentence(crit)}").strip()
                self.add("para", crit.heading_line)
            elif self.layout == "prose_n":  # round 9: the score over two sentences, or "Điểm chuẩn: 15 điểm; …"
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{crit.printed_number}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                if self.rng.random() < 0.5:
                    text = (f"Tổng điểm tiêu chí này là {crit.score_text}. Điểm tối đa là {crit.max_text} điểm, "
                            f"tỷ lệ đạt {self.pct(crit)}.")
                else:
                    text = f"Điểm chuẩn: {crit.max_text} điểm; điểm đạt: {crit.score_text} điểm; tỷ lệ {self.pct(crit)}."
                if self.spec.get("self_prose"):  # the commune's own score after the appraised one
                    text += f" (Điểm {self.level} tự đánh giá: {vn(self.self_score(crit))} điểm.)"
                self.add("para", f"{text} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_p":  # round 10: "• TITLE IN CAPITALS: đạt 12,5/15 điểm (83,33%). Hạng 4/20."
                crit.heading_line = (f"{self.spec.get('bullet', '•')} {crit.title.upper()}: đạt {self.score_phrase(crit)} "
                                     f"({self.pct(crit)}). {self.crit_rank_sentence(crit)}").strip()
                self.add("heading", crit.heading_line)
            elif self.layout == "prose_q":  # round 12: "được chấm …", "số điểm đạt được là …", "điểm thẩm định"
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{self.number_label(crit)}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                self.add("para", f"{self.score_q(crit)} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_u":  # round 20: only the points deducted; the maximum in the framework table
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{self.number_label(crit)}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                crit.score_line = f"{self.score_u(crit)} {self.crit_rank_sentence(crit)}".strip()
                self.add("para", crit.score_line)
            elif self.layout == "prose_r":  # round 13: scores in words, or only the points lost
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{self.number_label(crit)}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                self.add("para", f"{self.score_r(crit)} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_s":  # round 14: the score typed in the heading line as clerks type it
                title = crit.title[0].upper() + crit.title[1:]
                heading, rest = self.score_s(crit, title)
                first = heading if self.autonum else f"{self.number_label(crit)}. {heading}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                self.add("para", f"{rest} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_t":  # round 15: scores and percents typed with a clerk's odd spacing
                title = crit.title[0].upper() + crit.title[1:]
                first = title if self.autonum else f"{self.number_label(crit)}. {title}"
                crit.heading_line = first
                self.add("autonum" if self.autonum else "heading", first)
                crit.score_line = self.score_t(crit)
                self.add("para", f"{crit.score_line} {self.crit_rank_sentence(crit)}".strip())
            elif self.layout == "prose_b":
                title = crit.title[0].upper() + crit.title[1:]
                self.add("autonum" if self.autonum else "heading",
                         title if self.autonum else f"Tiêu chí {crit.printed_number}: {title}")
                self.add("para", f"Kết quả: đạt {self.score_phrase(crit)} (tỷ lệ {self.pct(crit)}). "
                                 f"{self.crit_rank_sentence(crit)}".strip())
            else:  # prose_c
                self.add("autonum" if self.autonum else "heading",
                         crit.title.upper() if self.autonum else f"{self.number_label(crit)}. {crit.title.upper()}")
                self.add("para", f"Điểm đạt được: {self.score_phrase(crit)}, tỷ lệ {self.pct(crit)}. "
                                 f"{self.crit_rank_sentence(crit)}".strip())
            self.criterion_body(crit, number, with_components)

    def score_q(self, crit: Criterion) -> str:
        """Round 12: a criterion's score in other clerks' words, and (``crit_prev``) last year's score beside it."""
        pct = self.pct(crit)
        variant = self.rng.randint(0, 2)
        if crit.malformed:
            variant = 0
        if variant == 0:
            text = f"Lĩnh vực này được chấm {self.score_phrase(crit)}, đạt tỷ lệ {pct}."
        elif variant == 1:
            text = f"Số điểm đạt được là {crit.score_text} điểm trên {crit.max_text} điểm tối đa, đạt tỷ lệ {pct}."
        else:
            text = f"Điểm thẩm định: {crit.score_text}/{crit.max_text} điểm ({pct})."
        if self.spec.get("crit_prev") and not crit.malformed:  # last year's score: another year, not a conflict
            text += f" Năm {self.year - 1}, lĩnh vực này đạt {vn(self.last_year_score(crit))} điểm."
        return text

    def score_s(self, crit: Criterion, title: str) -> tuple[str, str]:
        """Round 14: a criterion's heading with its score ("Title (11,5/12)", "Title: 11,5 điểm/12 điểm",
        "Title: 11,5/12đ", "Title: 11.5/12 điểm") and the sentence under it, or the score under a bare heading
        ("Đạt 11,5 điểm (tối đa 12 điểm), tỷ lệ 95,83%.")."""
        forms = self.spec.get("s_forms", ("paren", "diem_tren", "d", "toi_da"))
        form = forms[(crit.code - 1) % len(forms)]
        pct = self.pct(crit)
        score, top = crit.score_text, crit.max_text
        if form == "paren":
            return f"{title} ({score}/{top})", f"Tỷ lệ đạt {pct}."
        if form == "diem_tren":
            return f"{title}: {score} điểm/{top} điểm", f"Đạt tỷ lệ {pct}."
        if form == "d":
            return f"{title}: {score}/{top}đ", f"Tỷ lệ {pct}."
        if form == "dot":
            return f"{title}: {score.replace(',', '.')}/{top.replace(',', '.')} điểm", f"Tỷ lệ {pct}."
        return title, f"Đạt {score} điểm (tối đa {top} điểm), tỷ lệ {pct}."

    def score_t(self, crit: Criterion) -> str:
        """Round 15: a criterion's score as a clerk types it with stray spaces, cycled over ``t_forms``: "sp_comma"
        "Đạt 11 ,5/12 điểm" (a space before the decimal comma), "sp_slash" "Đạt 11,5 / 12 điểm", "pct_sp" the percent
        "tỷ lệ 95, 83%" (a space after the decimal comma), "plain". A space inside a number is a malformed print a
        reader still reads: malformed_number there is true (``also_true``), not required."""
        forms = self.spec.get("t_forms", ("sp_comma", "sp_slash", "pct_sp", "plain"))
        form = forms[(crit.code - 1) % len(forms)]
        score, top, pct = crit.score_text, crit.max_text, self.pct(crit)
        if crit.malformed:
            return f"Đạt {self.score_phrase(crit)}, tỷ lệ {pct}."
        if form == "sp_comma" and "," in score:
            whole, frac = score.split(",")
            text = f"Đạt {whole} ,{frac}/{top} điểm, tỷ lệ {pct}."
            self.also_true.append(Planted("malformed_number", f"criterion {crit.code}", str(crit.code),
                                          [num(crit.score), num(crit.max_score)], text,
                                          f"criterion {crit.code}'s score typed {whole} ,{frac} (a stray space)"))
            return text
        if form == "pct_sp" and "," in crit.percent_text:
            whole, frac = crit.percent_text.split(",")
            text = f"Đạt {score}/{top} điểm, tỷ lệ {whole}, {frac}%."
            self.also_true.append(Planted("malformed_number", f"criterion {crit.code}", str(crit.code),
                                          [num(dec(crit.percent_text))], text,
                                          f"criterion {crit.code}'s percent typed {whole}, {frac}% (a stray space)"))
            return text
        if form in ("sp_slash", "sp_comma"):
            return f"Đạt {score} / {top} điểm, tỷ lệ {pct}."
        return f"Đạt {score}/{top} điểm, tỷ lệ {pct}."

    def score_r(self, crit: Criterion) -> str:
        """Round 13: a criterion's score in words with the digits in brackets, or only the points it lost against its
        maximum ("bị trừ 1,5 điểm so với điểm tối đa 15 điểm": the score is the maximum less the points lost)."""
        pct = self.pct(crit)
        variant = self.rng.randint(0, 2)
        planted_pct = any(code == crit.code for _, code, _ in self.plant("pct"))
        if crit.malformed or (variant == 1 and (planted_pct or crit.score == crit.max_score)):
            variant = 0
        if variant == 0:
            return (f"Lĩnh vực này đạt {decimal_words(crit.score_text)} ({crit.score_text}) điểm trên tổng số "
                    f"{crit.max_text} điểm, tỷ lệ {pct}.")
        if variant == 1:
            return (f"Lĩnh vực này bị trừ {vn(crit.max_score - crit.score)} điểm so với điểm tối đa {crit.max_text} "
                    f"điểm, đạt tỷ lệ {pct}.")
        return f"Kết quả đạt {crit.score_text} điểm trên tổng số {crit.max_text} điểm ({pct})."

    def restated_summary(self) -> None:
        """Round 10: the criteria's scores in one summary paragraph before the detailed sections (the sections' scores
        are the truth; a ``restate`` plant prints another score for one criterion in the summary)."""
        parts, summary_sum = [], Decimal(0)
        for crit in self.criteria:
            score_text, score = crit.score_text, crit.score
            for _, code, printed in self.plant("restate"):
                if code == crit.code:
                    score_text, score = printed, dec(printed)
            summary_sum += score
            parts.append(f"({crit.code}) {crit.title[0].lower() + crit.title[1:]}: {score_text}/{crit.max_text} điểm")
        text = "Tóm tắt điểm từng lĩnh vực: " + "; ".join(parts) + ". Chi tiết từng lĩnh vực như sau:"
        self.add("para", text)
        for _, code, printed in self.plant("restate"):
            crit = next(c for c in self.criteria if c.code == code)
            needle = f"({code}) {crit.title[0].lower() + crit.title[1:]}: {printed}/{crit.max_text}"
            self.plants.append(Planted("conflicting_values", f"criterion {code}", str(code),
                                       [num(crit.score), num(dec(printed))], needle,
                                       f"criterion {code}: {printed} in the summary, {crit.score_text} in its section",
                                       kinds=["conflicting_values"]))
            self.also_true.append(Planted("percent_mismatch", f"criterion {code}", str(code),
                                          [num(percent(dec(printed), crit.max_score)), num(dec(crit.percent_text))],
                                          "", f"the summary's {printed}/{crit.max_text} is not the section's "
                                              f"{crit.percent_text}%"))
            total_text, total = self.total_text()
            self.also_true.append(Planted("total_mismatch", "summary", "", [num(summary_sum), num(total)], "",
                                          f"the summary's criteria add up to {vn(summary_sum)}, the total {total_text}"))

    def runon_part(self, crit: Criterion) -> str:
        """Round 9: one criterion inside a run-on sentence ("cải cách thể chế đạt 5,5/6 điểm (91,67%), xếp thứ 3/15")."""
        text = f"{crit.title[0].lower() + crit.title[1:]} đạt {self.score_phrase(crit)} ({self.pct(crit)})"
        if crit.rank:
            text += f", xếp thứ {crit.rank[0]}/{crit.rank[1]}"
            if crit.rank_change:
                n = crit.rank_change
                text += f" ({'tăng' if n > 0 else 'giảm'} {abs(n)} bậc)"
            else:
                crit.rank_change = None  # no change printed
        return text

    def prose_runon(self) -> None:
        """Round 9: every criterion's score in two run-on sentences of one paragraph; then the component lists of
        some criteria, each under its title (no number)."""
        def joined(criteria: list[Criterion]) -> str:
            parts = [self.runon_part(c) for c in criteria]
            return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + " và " + parts[-1]

        first = [c for c in self.criteria if c.code <= 5]
        rest = [c for c in self.criteria if c.code > 5]
        self.add("para", f"Kết quả chấm điểm từng lĩnh vực như sau: {joined(first)}. Bên cạnh đó, {joined(rest)}.")
        self.add("heading", "Kết quả một số lĩnh vực cụ thể:")
        for crit in self.criteria:
            with_components = crit.code in (1, 3, 5, 7) or self.plant_for("full_lost", crit.code) or \
                self.plant_for("both", crit.code)
            if with_components or crit.code == 10:
                self.add("heading", f"+ Lĩnh vực {crit.title[0].lower() + crit.title[1:]}:")
                self.criterion_body(crit, str(crit.code), with_components)

    def score_words(self, crit: Criterion) -> str:
        """Round 5: a criterion's score in words ("12,7 điểm trên tổng số 15 điểm", "12,7 điểm (tối đa 15 điểm)")."""
        if self.spec.get("score_form") == "toida":
            return f"Điểm đạt: {crit.score_text} điểm (tối đa {crit.max_text} điểm), tỷ lệ {crit.percent_text} %"
        return f"Đạt {crit.score_text} điểm trên tổng số {crit.max_text} điểm, tỷ lệ {crit.percent_text}%"

    def table_at_end(self) -> None:
        """Round 10: the only statement of the criteria's scores, a table after the tasks."""
        total_text, total = self.total_text()
        if self.spec.get("two_row_header"):
            return self.table_two_row_header()
        rows = [["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]]
        rows += self.criteria_rows_with_total(total_text, total)
        self.add("table", rows)

    def table(self) -> None:
        total_text, total = self.total_text()
        self.add("heading", f"I. KẾT QUẢ CHỈ SỐ CCHC NĂM {self.year}")
        self.add("para", "Kết quả cụ thể theo từng lĩnh vực như sau:")
        ranked = bool(self.spec.get("table_ranks"))
        score_first = self.spec.get("table_cols") == "score_first"  # round 5: "Điểm đạt | Điểm tối đa"
        roman = self.spec.get("table_cols") == "roman"  # round 5: criteria numbered I … X in the table
        head = ["TT", "Nội dung", "Điểm đạt", "Điểm tối đa", "Tỷ lệ %"] if score_first else \
            ["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]
        if self.layout == "table_self":
            return self.table_self()
        if self.spec.get("table_groups"):
            return self.table_groups()
        if self.spec.get("two_year"):
            return self.table_two_years()
        if self.spec.get("two_row_header"):
            return self.table_two_row_header()
        if self.spec.get("table_sub"):
            return self.table_sub()
        if self.spec.get("head3"):
            return self.table_head3()
        rows = [head + (["Xếp hạng"] if ranked else [])]
        for crit in self.criteria:
            score_cell = crit.malformed.split("/")[0] if crit.malformed else crit.score_text
            number = ROMAN[int(crit.printed_number) - 1] if roman else crit.printed_number
            if self.spec.get("table_cols") == "letters":  # round 16: "a" … "k" in the STT column
                number = LETTERS[int(crit.printed_number) - 1]
            cells = [score_cell, crit.max_text] if score_first else [crit.max_text, score_cell]
            rows.append([number, crit.title[0].upper() + crit.title[1:], *cells,
                         crit.percent_text] + ([f"{crit.rank[0]}/{crit.rank[1]}" if crit.rank else ""] if ranked else []))
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        rows.append(["", self.spec.get("total_label", "Tổng cộng"),
                     *([total_text, "100"] if score_first else ["100", total_text]), pct_text] + ([""] if ranked else []))
        if self.spec.get("totals_top"):  # round 13: as a spreadsheet sums it, the totals row first under the header
            rows.insert(1, rows.pop())
        if self.spec.get("cell_paras"):  # round 13: a long title typed over two paragraphs of its cell (Enter)
            for row in rows[1:]:
                words = row[1].split()
                if len(row[1]) > 30:
                    half = len(words) // 2
                    row[1] = " ".join(words[:half]) + "\n" + " ".join(words[half:])
        if self.spec.get("table_split"):  # round 5: the table runs onto the next page, its header repeated
            cut = 1 + len(rows) // 2
            self.add("table", rows[:cut])
            self.add("pagebreak")
            self.add("table", [rows[0], *rows[cut:]])
        else:
            self.add("table", rows)

    def year_over_year(self) -> None:
        """Round 18 (``yoy``): a table comparing the index with last year's, "Năm 2022 | Năm 2023 | Tăng (+)/giảm (-)"
        (``yoy`` "this_first": this year's column first), a row a criterion, the total and the rank; last year's
        scores are ``last_year_score``, last year's rank this year's plus the change. Nothing in it is this year's
        that the report does not state elsewhere the same way."""
        this_first = self.spec["yoy"] == "this_first"
        total = sum((c.score for c in self.criteria), Decimal(0))
        last_total = sum((self.last_year_score(c) for c in self.criteria), Decimal(0))

        def signed(diff: Decimal) -> str:
            return "0" if diff == 0 else ("+" if diff > 0 else "-") + vn(abs(diff))

        years = [f"Năm {self.year}", f"Năm {self.year - 1}"] if this_first else \
            [f"Năm {self.year - 1}", f"Năm {self.year}"]
        rows = [["STT", "Lĩnh vực, tiêu chí", *years, "Tăng (+)/giảm (-)"]]
        for crit in self.criteria:
            last = self.last_year_score(crit)
            cells = [crit.score_text, vn(last)] if this_first else [vn(last), crit.score_text]
            rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], *cells, signed(crit.score - last)])
        cells = [vn(total, 2), vn(last_total, 2)] if this_first else [vn(last_total, 2), vn(total, 2)]
        rows.append(["", "Tổng điểm", *cells, signed(total - last_total)])
        position, of = (int(x) for x in self.spec["rank"].split("/"))
        change = self.spec.get("change", "=")
        moved = 0 if change in ("=", "0") else int(change)
        ranks = [f"{position}/{of}", f"{position + moved}/{of}"]
        rows.append(["", "Xếp hạng", *(ranks if this_first else ranks[::-1]),
                     "giữ nguyên" if moved == 0 else f"{'tăng' if moved > 0 else 'giảm'} {abs(moved)} bậc"])
        self.add("para", f"So sánh kết quả Chỉ số CCHC năm {self.year} với năm {self.year - 1} như sau:")
        self.add("table", rows)

    def table_head3(self) -> None:
        """Round 16: a header over two rows, "Điểm" over "Đạt | Tối đa | Tỷ lệ (%)" (the score before the maximum);
        with ``table_cols`` "letters" the criteria lettered "a" … "k"; ``total_label`` and ``totals_top`` as in table()."""
        total_text, total = self.total_text()
        rows = [["STT", "Lĩnh vực, tiêu chí", "Điểm", "", ""], ["", "", "Đạt", "Tối đa", "Tỷ lệ (%)"]]
        for crit in self.criteria:
            score_cell = crit.malformed.split("/")[0] if crit.malformed else crit.score_text
            number = LETTERS[int(crit.printed_number) - 1] if self.spec.get("table_cols") == "letters" \
                else crit.printed_number
            rows.append([number, crit.title[0].upper() + crit.title[1:], score_cell, crit.max_text, crit.percent_text])
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        totals = ["", self.spec.get("total_label", "Tổng cộng"), total_text, "100", pct_text]
        if self.spec.get("totals_top"):
            rows.insert(2, totals)
        else:
            rows.append(totals)
        self.add("table2h", rows, "score3")

    def table_sub(self) -> None:
        """Round 12: each criterion's row followed by its indicators' rows ("1.1 | Kế hoạch CCHC năm | 2 | 1,5 |"), their
        percent cells empty; the points a criterion lost are taken from its last indicators first. A ``deduction`` plant
        prints one indicator's score higher, so the rows under the criterion no longer make up its score."""
        total_text, total = self.total_text()
        rows = [["TT", "Lĩnh vực, tiêu chí / chỉ số thành phần", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]]
        for crit in self.criteria:
            rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], crit.max_text, crit.score_text,
                         crit.percent_text])
            titles = INDICATORS.get(crit.code, [])
            maxima = self.split_max(crit.max_score, len(titles)) if titles else []
            lost_parts: dict[int, Decimal] = {}
            remaining = crit.max_score - crit.score
            for i in reversed(range(len(titles))):
                if remaining <= 0:
                    break
                lost_parts[i] = min(remaining, maxima[i])
                remaining -= lost_parts[i]
            if remaining > 0 or not titles:
                continue
            planted_row = None
            for _, dcode, printed in self.plant("deduction"):
                if dcode == crit.code:
                    first = min(lost_parts)
                    lost = crit.max_score - crit.score
                    lost_parts[first] -= dec(printed)
                    assert lost_parts[first] > 0, (self.spec["name"], crit.code)
                    planted_row = first
                    self.plants.append(Planted("deduction_mismatch", f"criterion {crit.code}", str(crit.code),
                                               [num(lost), num(lost - dec(printed))], "",
                                               f"criterion {crit.code} lost {vn(lost)}, its indicators' rows "
                                               f"{vn(lost - dec(printed))}"))
            for i, title in enumerate(titles):
                code = f"{crit.code}.{i + 1}"
                score = maxima[i] - lost_parts.get(i, Decimal(0))
                rows.append([code, title, vn(maxima[i]), vn(score), ""])
                self.indicators[code] = {"listed_as": None, "score": num(score), "max_score": num(maxima[i])}
                if i == planted_row:
                    self.plants[-1].sentence = " ".join(rows[-1][:4])
        rows.append(["", "Tổng cộng", "100", total_text, vn(percent(total, Decimal(100)), 2)])
        self.add("table", rows)

    @staticmethod
    def last_year_score(crit: Criterion) -> Decimal:
        """Round 9: a criterion's score the year before (a fixed shift by its code, within 0 and its maximum)."""
        shift = [Decimal("0.5"), Decimal("-0.25"), Decimal(1), Decimal(0), Decimal("0.75")][crit.code % 5]
        return max(Decimal(0), min(crit.max_score, crit.score - shift))

    def table_two_years(self) -> None:
        """Round 9: last year's and this year's scores side by side ("Năm 2022 | Năm 2023"); the report's is read."""
        total_text, total = self.total_text()
        rows = [["STT", "Lĩnh vực", "Điểm tối đa", f"Năm {self.year - 1}", f"Năm {self.year}",
                 f"Tỷ lệ năm {self.year} (%)"]]
        for crit in self.criteria:
            rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], crit.max_text,
                         vn(self.last_year_score(crit)), crit.score_text, crit.percent_text])
        last_total = sum((self.last_year_score(c) for c in self.criteria), Decimal(0))
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        rows.append(["", "Tổng cộng", "100", vn(last_total, 2), total_text, pct_text])
        self.add("table", rows)

    def criteria_rows_with_total(self, total_text: str, total: Decimal) -> list[list[str]]:
        """A criteria table's body: a row a criterion (number, title, maximum, score, percent), then "Tổng cộng"."""
        rows = []
        for crit in self.criteria:
            score_cell = crit.malformed.split("/")[0] if crit.malformed else crit.score_text
            rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], crit.max_text, score_cell,
                         crit.percent_text])
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        rows.append(["", "Tổng cộng", "100", total_text, pct_text])
        return rows

    def table_two_row_header(self) -> None:
        """Round 10: the header over two rows ("Điểm" spanning "Tối đa | Đạt"; STT, title and percent spanning both)."""
        total_text, total = self.total_text()
        rows = [["STT", "Lĩnh vực, tiêu chí", "Điểm", "", "Tỷ lệ đạt (%)"], ["", "", "Tối đa", "Đạt", ""]]
        rows += self.criteria_rows_with_total(total_text, total)
        self.add("table2h", rows)

    def row_title(self, crit: Criterion) -> tuple[str, ...]:
        """Round 7: in a grouped table a criterion's row is found by its title too (a score "2,5" is in "12,5")."""
        return (crit.title[0].upper() + crit.title[1:],) if self.spec.get("table_groups") else ()

    def remark(self, crit: Criterion) -> str:
        """Round 7: the "Ghi chú" cell of a criterion: the points lost, and a count the criterion rests on."""
        lost = crit.max_score - crit.score
        note = "Đạt điểm tối đa" if lost <= 0 else f"Bị trừ {vn(lost)} điểm"
        _, resolved, ontime, _, _ = self.spec["records"]
        total, standard = self.spec["staff"]
        if crit.code == 3:
            note += f"; {thousands(ontime)}/{thousands(resolved)} hồ sơ đúng hạn"
        elif crit.code == 5:
            note += f"; {standard}/{total} CBCC đạt chuẩn"
        return note

    def table_groups(self) -> None:
        """Round 7: the criteria under merged group rows ("I. Nhóm chỉ số …"), a "Ghi chú" column with numbers."""
        total_text, total = self.total_text()
        rows = [["TT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)", "Ghi chú"]]
        merged = []
        by_code = {c.code: c for c in self.criteria}
        for number, title, codes in GROUPS:
            merged.append(len(rows))
            rows.append([number, f"Nhóm chỉ số {title}", "", "", "", ""])
            for code in codes:
                if code in by_code:
                    crit = by_code[code]
                    rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], crit.max_text,
                                 crit.score_text, crit.percent_text, self.remark(crit)])
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        if self.spec.get("pct_dot"):
            pct_text = pct_text.replace(",", ".")
        rows.append(["", "Tổng cộng", "100", total_text, pct_text, f"Bị trừ {vn(100 - total)} điểm"])
        self.add("table", rows, merged)

    def annex(self) -> None:
        """Round 7: a "Phụ lục" after the signature repeating the criteria table (a score may differ: planted)."""
        total_text, total = self.total_text()
        issued = f"{self.issued.day:02d}/{self.issued.month:02d}/{self.issued.year}"
        self.add("pagebreak")
        self.add("heading", "PHỤ LỤC")
        self.add("center", f"KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM {self.year} CỦA UBND {self.unit_phrase().upper()}", True)
        self.add("center", f"(Kèm theo Báo cáo số {self.spec['number']} ngày {issued} của UBND {self.unit_phrase()})",
                 False)
        rows = [["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]]
        annex_sum = Decimal(0)
        for crit in self.criteria:
            score, score_text, pct_text = crit.score, crit.score_text, crit.percent_text
            for _, code, printed in self.plant("annex_score"):
                if code == crit.code:  # the annex kept a score from before the appraisal
                    score, score_text = dec(printed), printed
                    pct_text = vn(percent(score, crit.max_score), 2)
                    row = ("\t" if self.spec["fmt"] in ("txt", "txt_utf16") else " ").join([str(crit.code), crit.title[0].upper() + crit.title[1:], crit.max_text, printed,
                                    pct_text])
                    self.plants.append(Planted("conflicting_values", f"criterion {code}", str(code),
                                               [num(crit.score), num(score)], row,
                                               f"criterion {code} scored {crit.score_text} in the body, {printed} in "
                                               f"the annex", kinds=["conflicting_values"]))
            annex_sum += score
            rows.append([str(crit.code), crit.title[0].upper() + crit.title[1:], crit.max_text, score_text, pct_text])
        rows.append(["", "Tổng cộng", "100", total_text, vn(percent(total, Decimal(100)), 2)])
        if annex_sum != self.printed_sum() and not self.plant("total"):
            self.also_true.append(Planted("total_mismatch", "annex", "", [num(annex_sum), num(total)], "",
                                          f"the annex's criteria add up to {vn(annex_sum)}, its total {total_text}"))
        if self.spec["fmt"] in ("txt", "txt_utf16"):
            self.add("pre", ["\t".join(row) for row in rows])
        else:
            self.add("table", rows)

    def previous_year(self, overall: dict[str, Any]) -> None:
        """Round 7: last year's score and rank beside this year's (rank + change = last year's rank)."""
        prev = dec(self.spec["prev_score"])
        prev_rank = overall["rank"] + (overall["rank_change"] or 0)
        diff = Decimal(str(overall["score"])) - prev
        way = "tăng" if diff > 0 else "giảm"
        self.add("para", f"So với năm {self.year - 1} (năm {self.year - 1} đạt {self.spec['prev_score']} điểm, xếp thứ "
                         f"{prev_rank}), Chỉ số CCHC năm {self.year} của {self.level} {way} {vn(abs(diff))} điểm.")

    def summary_bullets(self) -> list[str]:
        """Round 7: strengths stated as counts over the criteria (true of the printed scores)."""
        _, total = self.total_text()
        n = len(self.criteria)
        full = sum(1 for c in self.criteria if c.score == c.max_score)
        high = sum(1 for c in self.criteria if percent(c.score, c.max_score) >= 80)
        wrong = {p[1] for p in self.plant("pct")}
        worst = min((c for c in self.criteria if c.code not in wrong), key=lambda c: c.score / c.max_score)
        return [f"- Có {full:02d}/{n:02d} lĩnh vực đạt điểm tối đa;" if full else "- Chưa có lĩnh vực nào đạt điểm tối đa;",
                f"- {high:02d}/{n:02d} lĩnh vực đạt tỷ lệ từ 80% số điểm trở lên;",
                (f"- Tổng số điểm bị trừ là {vn(100 - total)} điểm; lĩnh vực {worst.title[0].lower() + worst.title[1:]} "
                 f"đạt thấp nhất ({worst.score_text}/{worst.max_text} điểm, {worst.percent_text}%).")]

    def self_score(self, crit: Criterion) -> Decimal:
        """Round 6: the commune's own score of a criterion, at or above the district's, never above the maximum."""
        extra = [Decimal(0), Decimal("0.5"), Decimal("0.25"), Decimal(0), Decimal(1)][crit.code % 5]
        return max(crit.score, min(crit.max_score, crit.score + extra))

    def table_self(self) -> None:
        """Round 6: the criteria table with the commune's self-assessed score beside the appraised one (the result)."""
        total_text, total = self.total_text()
        self_head = "Điểm tự chấm" if self.spec.get("self_head") == "tu_cham" else "Điểm tự đánh giá"  # round 22
        rows = [["STT", "Lĩnh vực", "Điểm tối đa", self_head, "Điểm thẩm định", "Tỷ lệ (%)"]]
        for crit in self.criteria:
            rows.append([crit.printed_number, crit.title[0].upper() + crit.title[1:], crit.max_text,
                         vn(self.self_score(crit)), crit.score_text, crit.percent_text])
        self_total = sum((self.self_score(c) for c in self.criteria), Decimal(0))
        pct_text = vn(percent(total, Decimal(100)), 2)
        for _, printed in self.plant("pct_overall"):
            pct_text = printed
        rows.append(["", "Tổng cộng", "100", vn(self_total), total_text, pct_text])
        if self.spec.get("table_split"):  # round 22: over two pages, the header repeated on the second
            cut = 1 + len(rows) // 2
            self.add("table", rows[:cut])
            self.add("pagebreak")
            self.add("table", [rows[0], *rows[cut:]])
            return
        self.add("table", rows)

    def sections_table(self, first: int) -> None:
        """Round 17: the body as one long table "STT | Nội dung | Kết quả": the sections are bold rows merged across,
        with no number; the overall statement, each criterion's score and the records and staff are cells."""
        overall_texts = [b[1] for b in self.blocks[first:] if b[0] == "para"]
        del self.blocks[first:]
        rows: list[list[str]] = [["STT", "Nội dung", "Kết quả"]]
        merged: list[int] = []

        def section(title: str) -> None:
            merged.append(len(rows))
            rows.append(["", title, ""])

        section(f"Kết quả Chỉ số cải cách hành chính năm {self.year}")
        rows.append(["1", "Kết quả chung", " ".join(overall_texts)])
        section("Kết quả cụ thể từng lĩnh vực")
        for crit in self.criteria:
            text = f"Đạt {self.score_phrase(crit)}, tỷ lệ {self.pct(crit)}. {self.crit_rank_sentence(crit)}".strip()
            rows.append([str(crit.code), crit.title[0].upper() + crit.title[1:], text])
        section("Một số kết quả nổi bật")
        rows.append(["1", "Giải quyết thủ tục hành chính", "\n".join(self.records_paragraphs())])
        rows.append(["2", "Đội ngũ cán bộ, công chức", "\n".join(self.staff_paragraphs())])
        section("Tồn tại, hạn chế")
        rows.append(["1", "Hạn chế", "Việc cập nhật tài liệu kiểm chứng lên phần mềm chấm điểm còn chậm. "
                                     + self.staff_closing()])
        section(f"Nhiệm vụ trọng tâm năm {self.year + 1}")
        rows.append(["1", "Nhiệm vụ", "Tiếp tục đẩy mạnh tuyên truyền về CCHC; nâng cao tỷ lệ hồ sơ trực tuyến."])
        self.add("table", rows, merged)

    def table_prose(self) -> None:
        self.add("heading", "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC")
        for crit in self.criteria:
            title = crit.title[0].upper() + crit.title[1:]
            self.add("autonum" if self.autonum else "heading", title if self.autonum else f"{crit.code}. {title}")
            self.criterion_body(crit, str(crit.code), crit.code <= 7)

    def table_text(self) -> None:
        """A criteria table as it comes out of a text export: columns aligned with spaces."""
        total_text, total = self.total_text()
        self.add("heading", f"I. KẾT QUẢ CHỈ SỐ CCHC NĂM {self.year}")
        if self.layout == "table_tabs":  # round 6: pasted from a spreadsheet, one tab between the cells
            lines = ["STT\tLĩnh vực, tiêu chí\tĐiểm tối đa\tĐiểm đạt\tTỷ lệ (%)"]
            lines += [f"{c.printed_number}\t{c.title[0].upper() + c.title[1:]}\t{c.max_text}\t{c.score_text}\t"
                      f"{c.percent_text}" for c in self.criteria]
            lines.append(f"\tTổng cộng\t100\t{total_text}\t{vn(percent(total, Decimal(100)), 2)}")
            self.add("pre", lines)
            self.add("heading", "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC")
            for crit in self.criteria:
                title = crit.title[0].upper() + crit.title[1:]
                self.add("heading", f"{crit.code}. {title}")
                self.criterion_body(crit, str(crit.code), crit.code in (1, 3, 5, 7))
            return
        lines = [f"{'STT':<5}{'Tiêu chí':<62}{'Tối đa':>8}{'Đạt':>8}{'Tỷ lệ':>9}"]
        for crit in self.criteria:
            title = crit.title[0].upper() + crit.title[1:]
            if len(title) > 60:
                title = title[:57].rsplit(" ", 1)[0] + " ..."
            lines.append(f"{crit.printed_number:<5}{title:<62}{crit.max_text:>8}{crit.score_text:>8}{crit.percent_text + '%':>9}")
        hundred = "100,00" if self.spec.get("two_places") else "100"  # round 7: as the rows print
        total_pct = vn(percent(total, Decimal(100)), 2).replace(",", "." if self.spec.get("pct_dot") else ",")
        lines.append(f"{'':<5}{'Tổng cộng':<62}{hundred:>8}{total_text:>8}{total_pct + '%':>9}")
        self.add("pre", lines)
        self.add("heading", "II. KẾT QUẢ CỤ THỂ TỪNG LĨNH VỰC")
        for crit in self.criteria:
            title = crit.title[0].upper() + crit.title[1:]
            self.add("heading", f"{crit.code}. {title}")
            self.criterion_body(crit, str(crit.code), crit.code in (1, 3, 5, 7))

    def status_table(self) -> None:
        """Round 15: after the signature, every listed indicator in a table of "Đạt" / "Không đạt" instead of scores
        (``status_table`` "x": two columns, an "x" in one; "words": one column "Đạt" or "Không đạt"; "tick": "✓" or
        "✗", DOCX and text only). Full-score indicators are "Đạt", the others "Không đạt"; a ``status_row`` plant
        marks criterion c's first full-score indicator "Không đạt" (the prose lists it as full) -> status_contradiction."""
        style = self.spec["status_table"]
        issued = f"{self.issued.day:02d}/{self.issued.month:02d}/{self.issued.year}"
        self.add("pagebreak")
        self.add("heading", "PHỤ LỤC")
        self.add("center", f"TÌNH HÌNH THỰC HIỆN CÁC CHỈ SỐ THÀNH PHẦN NĂM {self.year}", True)
        self.add("center", f"(Kèm theo Báo cáo số {self.spec['number']} ngày {issued} của UBND {self.unit_phrase()})",
                 False)
        header = ["Mã chỉ số", "Nội dung", "Đánh giá"] if style == "words" else ["Mã chỉ số", "Nội dung", "Đạt", "Không đạt"]
        rows = [header]
        contradicted = {}
        for _, ccode in self.plant("status_row"):
            code = next(c for c, e in self.indicators.items() if c.split(".")[0] == str(ccode) and e["listed_as"] == "full")
            contradicted[code] = ccode
        for code, entry in sorted(self.indicators.items(), key=lambda item: [int(x) for x in item[0].split(".")]):
            if entry["listed_as"] not in ("full", "incomplete"):
                continue
            crit, index = code.split(".")
            title = INDICATORS[int(crit)][int(index) - 1]
            achieved = entry["listed_as"] == "full" and code not in contradicted
            if style == "words":
                rows.append([code, title, "Đạt" if achieved else "Không đạt"])
            else:
                mark = ("✓", "✗") if style == "tick" else ("x", "x")
                rows.append([code, title, mark[0], ""] if achieved else [code, title, "", mark[1]])
            if code in contradicted:
                sentence = ("\t" if self.spec["fmt"] in ("txt", "txt_utf16") else " ").join(rows[-1])
                score = [entry["max_score"], entry["score"]] if "score" in entry else []
                self.plants.append(Planted("status_contradiction", f"indicator {code}", code, score, sentence,
                                           f"{code} listed among full-score indicators, marked Không đạt in the annex"))
                self.indicators[code] = {k: v for k, v in entry.items() if k != "listed_as"} | {"listed_as": None}
        if self.spec["fmt"] in ("txt", "txt_utf16"):
            self.add("pre", ["\t".join(row) for row in rows])
        else:
            self.add("table", rows)

    def general(self, section: str) -> None:
        self.add("heading", f"{section} ĐÁNH GIÁ CHUNG")
        for text in self.deferred:
            self.add("para", text)
        self.add("subheading", "1. Ưu điểm")
        self.add("para", "Công tác CCHC được cấp ủy, chính quyền quan tâm chỉ đạo; nhận thức của cán bộ, công chức về "
                         "CCHC có chuyển biến rõ nét; việc giải quyết TTHC cho người dân ngày càng thuận lợi.")
        if self.spec.get("bullets"):  # round 7
            for line in self.summary_bullets():
                self.add("para", line)
        self.add("subheading", "2. Tồn tại, hạn chế")
        self.add("para", "Việc cập nhật tài liệu kiểm chứng lên phần mềm chấm điểm còn chậm; cơ sở vật chất của Bộ phận "
                         "Một cửa chưa đáp ứng yêu cầu.")
        self.add("para", self.staff_closing())
        self.add("subheading", "3. Nguyên nhân")
        self.add("para", "Khối lượng công việc lớn, một số công chức phải kiêm nhiệm nhiều lĩnh vực; trình độ tin học "
                         "của một bộ phận người dân còn hạn chế.")

    def tasks(self, section: str) -> None:
        if self.spec.get("period"):  # round 13: the next period's tasks
            self.add("heading", f"{section} NHIỆM VỤ TRỌNG TÂM {PERIODS[self.spec['period']][1]} {self.year + 1}")
        else:
            self.add("heading", f"{section} NHIỆM VỤ TRỌNG TÂM NĂM {self.year + 1}")
        for i, text in enumerate([
            "Tiếp tục đẩy mạnh công tác tuyên truyền về CCHC.",
            "Nâng cao chất lượng giải quyết TTHC, không để phát sinh hồ sơ quá hạn.",
            "Đẩy mạnh chuyển đổi số, nâng cao tỷ lệ hồ sơ trực tuyến.",
        ], start=1):
            self.add("para", f"{i}. {text}")

    def closing(self) -> None:
        year = self.year
        for _, printed in self.plant("year_closing"):
            year = printed
        text = f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm {year} của UBND {self.unit_phrase()}./."
        if self.spec.get("period"):  # round 13: the period's report, and the index of the year before
            text = (f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {PERIODS[self.spec['period']][0]} "
                    f"{self.year + 1} và kết quả Chỉ số CCHC năm {year} của UBND {self.unit_phrase()}./.")
        if self.closing_total:  # round 8
            self.add("para", self.closing_total)
        if year != self.year:
            self.plants.append(Planted("year_mismatch", "closing", "", [float(self.year), float(year)], text,
                                       f"closing names {year}, title {self.year}"))
        self.add("para", text)
        recipients = ["Nơi nhận:", f"- Phòng Nội vụ {self.district_kind};", "- TT Đảng ủy, HĐND xã;", "- Lưu: VP."]
        if self.no_district:  # round 21: the province's department of home affairs
            recipients[1] = f"- Sở Nội vụ {self.province_phrase()};"
        if self.spec.get("recipient_counts"):  # round 7: copies counted
            recipients = ["Nơi nhận:", f"- UBND {self.district_kind} (02 bản);",
                          f"- Phòng Nội vụ {self.district_kind} (01 bản);", "- TT Đảng ủy, HĐND xã (01 bản);",
                          "- 03 thôn, 02 tổ dân phố (05 bản);", "- Lưu: VP, 01 bản."]
        vice = self.rng.random() < 0.3 or bool(self.spec.get("vice"))  # round 14: "KT. CHỦ TỊCH" always
        right = (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if vice else ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]) + \
            ["", "", self.spec["signer"]]
        self.add("signature", recipients, right)

    # ---- truth ----------------------------------------------------------------------------------
    def sentence_with(self, *needles: str) -> str:
        """The first paragraph, heading, table row or text line that holds every needle (for the truth)."""
        for block in [b for b in self.blocks if b[0] != "center"] + [b for b in self.blocks if b[0] == "center"]:
            if block[0] in ("para", "heading", "subheading", "autonum", "center"):  # a title line last (round 5)
                texts = [block[1]]
            elif block[0] in ("table", "table2h"):
                texts = [" ".join(row).replace("\n", " ") for row in block[1]]
            elif block[0] == "pre":
                texts = list(block[1])
            else:
                continue
            for text in texts:
                if all(n in text for n in needles):
                    return text
        raise ValueError(f"{self.spec['name']}: no block holds {needles}")

    def criterion_plants(self) -> None:
        for crit in self.criteria:
            pct = percent(crit.score, crit.max_score)
            for _, code, printed in self.plant("pct"):
                if code == crit.code:
                    self.plants.append(Planted("percent_mismatch", f"criterion {code}", str(code),
                                               [num(pct), num(dec(printed))], crit.score_line or self.sentence_with(printed) if self.layout in ("prose_s", "prose_t", "prose_u")
                                               else self.sentence_with(crit.score_text, printed),
                                               f"{crit.score_text}/{crit.max_text} = {vn(pct, 2)}%, printed {printed}%"))
            for _, code, printed in self.plant("rank_oor"):
                if code == crit.code:
                    r, t = printed.split("/")
                    self.plants.append(Planted("rank_out_of_range", f"criterion {code}", str(code),
                                               [float(r), float(t)], self.sentence_with(
                                                   f"thứ {r} trong số {t}" if self.spec.get("crit_rank_style") ==
                                                   "trong_so" else f"thứ {r} trên {t}" if self.spec.get(
                                                       "crit_rank_style") == "hang_thu_tren" else printed),  # round 13: "Đứng thứ 25 trong số 24"
                                               f"criterion {code} ranked {printed}"))
            for _, code, value in self.plant("above_max"):
                if code == crit.code:
                    self.plants.append(Planted("score_above_max", f"criterion {code}", str(code),
                                               [num(crit.score), num(crit.max_score)],
                                               self.sentence_with(value, crit.max_text, *self.row_title(crit)),
                                               f"criterion {code} scored {value} of a maximum {crit.max_text}",
                                               kinds=["score_above_max", "percent_mismatch", "max_mismatch"]))
            for _, code, printed in self.plant("malformed"):
                if code == crit.code:
                    self.plants.append(Planted("malformed_number", f"criterion {code}", str(code),
                                               [num(crit.score), num(crit.max_score)], self.sentence_with(printed),
                                               f"criterion {code} printed {printed}"))
            for _, code, printed in self.plant("gap"):
                if code == crit.code:
                    label = ROMAN[int(printed) - 1] + "." if self.layout in ("prose_c", "prose_i") else \
                        printed + ")" if self.layout == "prose_d" else \
                        f"Lĩnh vực {printed}:" if self.layout == "prose_f" else \
                        printed + "/" if self.layout == "prose_g" else \
                        LETTERS[int(printed) - 1] + ")" if self.layout == "prose_h" else printed + "."
                    heading = crit.heading_line or next(
                        b[1] for b in self.blocks if b[0] in ("heading", "autonum")
                        and b[1].startswith(label + " ") and crit.title[1:].casefold() in b[1].casefold())
                    self.plants.append(Planted("numbering_gap", f"criterion {code} heading", "", [],
                                               heading, f"criterion {code}'s heading numbered {printed}"))
        for _, code in self.plant("missing"):
            self.plants.append(Planted("missing_criterion", f"criterion {code}", str(code), [], "",
                                       f"criterion {code} is not in the report"))

    # ---- round 20 -------------------------------------------------------------------------------
    def score_u(self, crit: Criterion) -> str:
        """Round 20: a criterion stated only by the points deducted ("bị trừ 1,5 điểm", "điểm trừ: 0,5 điểm"); its
        maximum is only in the framework table before the sections, so the score is that maximum less them."""
        lost = crit.max_score - crit.score
        pct = self.pct(crit)
        if lost == 0:
            return f"Lĩnh vực này không bị trừ điểm (đạt tỷ lệ {pct})."
        return self.rng.choice([f"Lĩnh vực này bị trừ {vn(lost)} điểm, đạt tỷ lệ {pct}.",
                                f"Điểm trừ: {vn(lost)} điểm; tỷ lệ đạt {pct}.",
                                f"Kết quả thẩm định: bị trừ {vn(lost)} điểm (tỷ lệ {pct})."])

    def framework_table(self) -> None:
        """Round 20: the framework's maxima (no scores) before the criteria, as a table (a text file: tab columns)."""
        self.add("para", f"Bộ Chỉ số CCHC cấp xã của {self.province_phrase()} năm {self.year} gồm 10 lĩnh vực, tổng "
                         "điểm tối đa 100 điểm; điểm tối đa của từng lĩnh vực như sau:")
        rows = [["STT", "Lĩnh vực", "Điểm tối đa"]]
        rows += [[str(c.code), c.title[0].upper() + c.title[1:], c.max_text] for c in self.criteria]
        rows.append(["", "Tổng cộng", "100"])
        if self.spec["fmt"] == "txt":
            self.add("pre", ["\t".join(row) for row in rows])
        else:
            self.add("table", rows)
        self.add("para", "Kết quả thẩm định từng lĩnh vực (điểm bị trừ so với điểm tối đa nêu trên):")

    def docsys_preamble(self) -> None:
        """Round 20: a text saved from the province's document system: its own labelled fields before the text. The
        date it was sent is not the report's date."""
        d, sent = self.issued, self.issued + timedelta(days=2)
        self.add("pre", ["HỆ THỐNG QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH", "=" * 40,
                         f"Số/Ký hiệu: {self.spec['number']}",
                         f"Ngày văn bản: {d.day:02d}/{d.month:02d}/{d.year}",
                         f"Ngày gửi: {sent.day:02d}/{sent.month:02d}/{sent.year} 08:42",
                         f"Cơ quan ban hành: UBND {self.unit_phrase()}",
                         f"Người ký: {self.spec['signer']}",
                         "Loại văn bản: Báo cáo",
                         f"Trích yếu: Kết quả thực hiện công tác cải cách hành chính năm {self.year}",
                         f"Nơi nhận: Phòng Nội vụ {self.district_kind} {self.district}",
                         "Tệp đính kèm: 01", "=" * 40, "Nội dung văn bản:"])

    def cover_letter(self) -> None:
        """Round 20: a covering Công văn (its own number, date, "Kính gửi", signer) in front of the report in one file.
        The report's number, date and signer are the ones a reviewer files: the letter only forwards the report."""
        number, when, signer = self.spec["cover_letter"]
        d, sent = self.issued, date.fromisoformat(when)
        self.add("header", ["ỦY BAN NHÂN DÂN", f"{self.level} {self.unit}".upper(), f"Số: {number}",
                            f"V/v gửi báo cáo kết quả CCHC năm {self.year}"],
                 ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  f"{self.unit}, ngày {sent.day:02d} tháng {sent.month:02d} năm {sent.year}"])
        self.add("center", f"Kính gửi: Phòng Nội vụ {self.district_kind} {self.district}", True)
        self.add("para", f"Thực hiện hướng dẫn của UBND {self.district_kind} về việc báo cáo kết quả thực hiện công tác "
                         f"cải cách hành chính năm {self.year}, UBND {self.unit_phrase()} gửi kèm theo Công văn này Báo "
                         f"cáo số {self.spec['number']} ngày {d.day:02d}/{d.month:02d}/{d.year} của UBND "
                         f"{self.level} về kết quả thực hiện công tác CCHC năm {self.year}.")
        self.add("para", f"UBND {self.unit_phrase()} kính đề nghị Phòng Nội vụ {self.district_kind} tổng hợp./.")
        self.add("signature", ["Nơi nhận:", "- Như trên;", "- Lưu: VP."],
                 ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", signer])
        self.add("pagebreak")
        self.notes.append(f"a covering Công văn số {number} dated {when}, signed by {signer}, comes first in the file; "
                          f"the report's number {self.spec['number']}, date {self.spec['date']} and signer are the "
                          "truth: the letter only forwards the report, a reviewer files the report")

    def merged_paragraph(self) -> None:
        """Round 20: a commune formed by merging former communes; the former communes' index of the year before is
        restated (another year, other units: not the report's values)."""
        formers = self.spec["merged_from"]
        listed = [f"xã {name}" for name, _, _ in formers]
        names = ", ".join(listed[:-1]) + " và " + listed[-1]
        last = self.year - 1
        parts = "; ".join(f"xã {name} đạt {score}/100 điểm, xếp thứ {rank}" for name, score, rank in formers)
        if self.no_district:  # round 21: merged in 2025; the former communes ranked in a district that is no more
            old = self.spec["former_district"]
            self.add("para", f"Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính "
                             f"cấp xã của {self.province_phrase()} năm 2025, xã {self.unit} được thành lập trên cơ sở nhập "
                             f"toàn bộ diện tích tự nhiên và quy mô dân số của {names} (thuộc huyện {old} trước đây); "
                             f"từ ngày 01/7/2025 chính quyền địa phương hai cấp đi vào hoạt động, xã trực thuộc UBND "
                             f"{self.province_phrase()}. Năm {last}, trước khi sắp xếp: {parts} trong số các xã, thị trấn "
                             f"của huyện {old}.")
            self.notes.append(f"the former communes' {last} index results ({names}), ranked in the former district "
                              f"{old}, are another year and other units")
            return
        self.add("para", f"Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp "
                         f"xã thuộc {self.province_phrase()}, xã {self.unit} (mới) được thành lập trên cơ sở nhập toàn "
                         f"bộ diện tích tự nhiên và quy mô dân số của {names}, chính thức đi vào hoạt động từ ngày "
                         f"01/01/{self.year}. Năm {last}, trước khi sắp xếp: {parts}.")
        self.notes.append(f"the former communes' {last} index results ({names}) are another year and other units")

    def compose(self) -> tuple[list[Block], dict[str, Any]]:
        if self.spec.get("docsys"):  # round 20
            self.docsys_preamble()
        if self.spec.get("cover_letter"):  # round 20
            self.cover_letter()
        self.header()
        self.intro()
        if self.spec.get("merged_from"):  # round 20
            self.merged_paragraph()
        if self.layout == "prose_i":
            self.add("heading", "PHẦN I. KẾT QUẢ CHUNG")
        first_overall = len(self.blocks)
        overall = self.overall()
        for _, printed in self.plant("year_overall"):  # round 9
            self.misdate_overall(first_overall, printed)
        if self.spec.get("prev_score"):  # round 7
            self.previous_year(overall)
        if self.layout in ("table", "table_only", "table_self"):
            self.table()
            if self.spec.get("yoy"):  # round 18
                self.year_over_year()
            if self.layout in ("table", "table_self"):
                self.table_prose()
                self.general("III.")
                self.tasks("IV.")
            else:
                self.general("II.")
                self.tasks("III.")
        elif self.layout == "grid":  # round 16: a report printed from a spreadsheet, cells and little prose
            self.table()
            self.records_table()
        elif self.layout == "sections_table":  # round 17: the whole body as one table of sections
            self.sections_table(first_overall)
        elif self.layout in ("table_text", "table_tabs"):
            self.table_text()
            self.general("III.")
            self.tasks("IV.")
        elif self.layout == "table_end":  # round 10: the sections without scores; the scores in a table at the end
            self.add("heading", f"I. KẾT QUẢ THỰC HIỆN CÁC LĨNH VỰC NĂM {self.year}")
            for crit in self.criteria:
                title = crit.title[0].upper() + crit.title[1:]
                self.add("autonum" if self.autonum else "heading", title if self.autonum else f"{crit.code}. {title}")
                self.criterion_body(crit, str(crit.code), crit.code in (1, 3, 5, 7))
            self.general("II.")
            self.tasks("III.")
            self.add("heading", f"IV. BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM {self.year} CỦA {self.unit_phrase().upper()}")
            self.table_at_end()
        else:
            self.prose_ab_d()
            if self.spec.get("yoy"):  # round 18
                self.year_over_year()
            if self.layout == "prose_c":
                self.general("PHẦN II.")
                self.tasks("PHẦN III.")
            elif self.layout == "prose_i":
                self.general("PHẦN III.")
                self.tasks("PHẦN IV.")
            else:
                self.general("II.")
                self.tasks("III.")
        self.closing()
        if self.spec.get("annex"):  # round 7
            self.annex()
        if self.spec.get("status_table"):  # round 15
            self.status_table()
        self.criterion_plants()
        for planted in self.plants + self.also_true:
            if planted.sentence:
                planted.sentence = self.sentence_with(planted.sentence)
        return self.blocks, self.truth(overall)

    def truth(self, overall: dict[str, Any]) -> dict[str, Any]:
        spec = self.spec
        criteria = {}
        for crit in self.criteria:
            criteria[str(crit.code)] = {
                "title": crit.title, "score": num(crit.score), "max_score": num(crit.max_score),
                "percent": num(dec(crit.percent_text)),
                "rank": crit.rank[0] if crit.rank else None, "rank_total": crit.rank[1] if crit.rank else None,
                "rank_change": crit.rank_change,
            }
        if self.no_district:
            self.notes.append("district null: the report is of 2025, after the districts were abolished (01/07/2025); "
                              "the commune answers to the province, the index is the province's, no district is named "
                              "as the unit's (a former district named for last year's ranks is history, not the unit's)")
        self.notes += [NOTES_R22[key] for key in NOTES_R22 if spec.get(key)]  # round 22: what a reader must not take
        self.notes += [NOTES_R23[key] for key in NOTES_R23 if spec.get(key)]  # round 23: how the text is stored
        self.notes += [NOTES_R24[key] for key in NOTES_R24 if spec.get(key)]  # round 24: how the page is drawn
        self.notes += [NOTES_R25[key] for key in NOTES_R25 if spec.get(key)]  # round 25: how the page reached us
        meta = {"unit_name": self.unit, "unit_level": self.level,
                "district": None if self.no_district else self.district,
                "province": spec["province"].removeprefix("Thành phố "),  # a centrally-run city: "Hồ Chí Minh"
                "doc_number": spec["number"], "issued_date": spec["date"],
                "report_year": self.year, "signer": spec["signer"]}
        return {
            "name": spec["name"], "format": spec["fmt"], "layout": spec["layout"],
            "meta": meta, "overall": overall, "criteria": criteria, "indicators": self.indicators,
            "quantities": self.quantities, "planted": [p.as_dict() for p in self.plants],
            "tricky": spec.get("tricky", []), "also_true": [p.as_dict() for p in self.also_true],
        } | ({"notes": self.notes} if self.notes else {})


NOTES_R25 = {  # round 25: the page as a reader sees it on a photograph, a 2-up sheet or a landscape annex
    "photo": "each page is a phone's photograph of the printed page (seen a little from the side, lit unevenly, a "
             "little blurred, saved as JPEG) in a PDF; there is no text layer, and every value is readable on the "
             "photograph, which the truth holds",
    "two_up": "the report was printed two pages to a sheet (A4 landscape, each page shrunk to about 0.69) and the "
              "sheets scanned: pages 1 and 2 side by side, then 3 and 4; a reader reads the left page, then the right",
    "annex_landscape": "the annex holding the criteria table is a section on a landscape page after the signature",
}
NOTES_R24 = {  # round 24: the page a reader sees is an ordinary one; its text layer is drawn otherwise
    "pdf_draw": "the PDF's text layer is drawn in pieces or in another order than it reads (a text object per glyph with "
                "no space drawn, or each page's lines from the bottom up, or the header's two columns alternating line "
                "by line and a table's cells column by column, or the body with wide character spacing); the page "
                "shows the report in reading order, which the truth holds",
    "annex_only": "the criteria table stands only in an annex ('Phụ lục') after the signature, the body giving the "
                  "overall score and rank and referring to it; the annex's values are the criteria's",
    "fullwidth_table": "the criteria table's digits are full-width (U+FF10-FF19, '１８,５', typed with an input method "
                       "left in full-width mode); a reader reads them as the digits they are",
}
NOTES_R23 = {  # round 23: the same words stored as other tools store them; the truth is what a reader reads
    "unicode_form": "the text is stored decomposed (NFD: a tone mark is a combining character after its letter, as "
                    "macOS and some web forms save; Đ has no decomposition and stays one character); read after NFC it "
                    "is the report, which the truth holds. A PDF draws each mark as its own glyph; a DOCX converted "
                    "from such a PDF keeps the marks decomposed and cuts a few words where a mark sits ('cô ng tác', "
                    "'điều hà nh'): a reader reads the words whole",
    "web_paste": "pasted from a web page: zero-width spaces (U+200B) between words and soft hyphens (U+00AD) inside "
                 "long words; neither is shown (a soft hyphen only where a line breaks), a reader reads the words whole",
    "typographic": "an en dash leads the list items and the colons are full-width ('：', typed with an input "
                   "method on); a reader reads them as '-' and ':'",
    "fullwidth_digits": "the overall statement's digits are full-width (U+FF10-FF19, '９１,５０/１００', typed with an "
                        "input method left in full-width mode); a reader reads them as the digits they are",
    "thousands": "the thousands of the counts are separated by a space (a plain or a narrow no-break one, '1 231'), "
                 "not a dot: the counts are whole numbers, 1231",
    "date_field": "the date in the header is a Word field (w:fldSimple SAVEDATE) whose shown result is the date the "
                  "report was saved and signed; that result is the report's date",
    "tracked_cells": "revisions left in the criteria table's cells (w:del with a draft's values, w:ins with the "
                     "final ones): the printed table is the final one, with the changes accepted",
}
NOTES_R22 = {  # round 22: why the truth is what the printed page shows
    "hidden": "hidden text (w:vanish runs) holds other figures (a draft's, a note to the chairman): Word neither shows "
              "nor prints it, so it is not the report's; the truth is the text as printed",
    "alt_box": "a text box (wps:txbx) stored twice, in mc:AlternateContent's mc:Choice and its VML mc:Fallback: the "
               "same words once on the page; its figures are the report's and repeat the body's (no conflict)",
    "sym_bullets": "list items begin with a Wingdings symbol (w:sym), not a typed dash",
    "tcvn3_pdf": "printed from a document typed in TCVN3 (.VnTime): the PDF's text layer (and a DOCX converted from "
                 "that PDF) holds the TCVN3 bytes read as Latin-1 (glibc's table, iconv -t TCVN5712-1; 0xAD, U+00AD, "
                 "is ư); a line in capitals has the lower-case codes (.VnTimeH); decoded, it is the report, which the "
                 "truth holds",
    "xlsx_formulas": "the percent and total cells are formulas (ROUND(score/max*100;2), SUM) with the values "
                     "LibreOffice computed cached beside them; a cell the clerk typed over holds a number",
}


def compose(spec: dict[str, Any]) -> tuple[list[Block], dict[str, Any]]:
    """The blocks and the truth of one spec."""
    return Composer(spec).compose()
