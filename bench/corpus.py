"""Build the benchmark corpus: CCHC reports of invented communes, 2 to 60 pages, deterministic.

    .venv/bin/python bench/corpus.py [--quick] [--seed N] [--out bench/corpus]

Kinds (each document states all ten criteria, the overall score and a few indicators, phrased as
in samples/minh-duc-2022.txt with other numbers; the rest of the length is realistic prose):
- ``prose``: digital PDF, criteria in prose, padded with "III. ĐÁNH GIÁ CHUNG" / "Tồn tại, hạn chế" /
  task lists (reportlab, DejaVu Serif);
- ``table``: digital PDF, criteria in a ruled table, one ruled indicator table per criterion and ruled
  statistics tables on most pages;
- ``docx``: the prose report as Word (python-docx), page count nominal (as the PDF would print);
- ``scan``: pages of a prose PDF rasterised at 200 dpi (pypdfium2) and saved as an image-only PDF (Pillow).

The renderers are those of samples/build_samples.py. Commune and district names are drawn from
syllable lists. ``manifest.json`` in the output folder records every document with the values it
states; a second call with the same plan reuses the files.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "bench" / "corpus"
CORPUS_VERSION = 1  # bump when the documents change

Kind = Literal["prose", "table", "docx", "scan"]

# Default plan: ~200 prose pages, ~120 table pages, 30 DOCX, 2 short scans.
PROSE_PAGES = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 60)
TABLE_PAGES = (2, 3, 5, 8, 10, 15, 20, 60)
DOCX_PAGES = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20)
DOCX_COPIES = 3
SCAN_PAGES = (2, 2)
QUICK_PROSE, QUICK_TABLE, QUICK_DOCX, QUICK_SCAN = (2, 5, 10, 20), (2, 8), (2, 5, 10), (2,)

# Maxima of the ten criteria (as in the sample's framework); they add up to 100.
MAXIMA = ("15", "5", "18.5", "6", "11", "7", "11.5", "2", "14", "10")
TITLES = (
    "công tác chỉ đạo, điều hành",
    "cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "cải cách tổ chức bộ máy nhà nước, chính quyền địa phương",
    "cải cách chế độ công vụ",
    "cải cách tài chính công",
    "xây dựng Chính quyền điện tử, chính quyền số",
    "tác động của CCHC đến sự phát triển kinh tế - xã hội",
    "chỉ số đánh giá tác động của các tổ chức đối với CCHC của UBND xã (qua điều tra xã hội học)",
    (
        "chỉ số thành phần đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính nhà nước tại UBND xã (qua điều tra xã hội học)"
    ),
)
TABLE_TITLES = (
    "Công tác chỉ đạo, điều hành CCHC",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Tác động của CCHC đến phát triển kinh tế - xã hội",
    "Chỉ số đánh giá tác động của các tổ chức đối với CCHC (qua điều tra xã hội học)",
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
)
# Indicators of criteria 1-7 (code, short title), as section I of the sample lists them.
INDICATORS = {
    "1": [
        ("1.1", "Kế hoạch CCHC năm"),
        ("1.2", "Thực hiện công tác báo cáo định kỳ"),
        ("1.3", "Kiểm tra công tác CCHC"),
        ("1.4", "Công tác tuyên truyền CCHC"),
    ],
    "2": [("2.1", "Theo dõi thi hành pháp luật"), ("2.2", "Phổ biến, giáo dục pháp luật")],
    "3": [
        ("3.1", "Kiểm soát TTHC"),
        ("3.2", "Công khai TTHC và tiến độ giải quyết hồ sơ"),
        ("3.3", "Thực hiện cơ chế một cửa, một cửa liên thông"),
    ],
    "4": [("4.1", "Sắp xếp tổ chức bộ máy hành chính cấp xã")],
    "5": [("5.1", "Bố trí cán bộ, công chức theo vị trí việc làm")],
    "6": [("6.1", "Công khai dự toán, quyết toán ngân sách")],
    "7": [("7.1.1", "Ban hành Kế hoạch ứng dụng CNTT"), ("7.1.5", "Chế độ báo cáo trên hệ thống thông tin")],
}

SYLLABLES = (
    "An",
    "Bảo",
    "Bình",
    "Cẩm",
    "Đan",
    "Điền",
    "Gia",
    "Hạnh",
    "Hiệp",
    "Hoài",
    "Khánh",
    "Kiều",
    "Lâm",
    "Liên",
    "Lương",
    "Mai",
    "Mỹ",
    "Ngọc",
    "Nhân",
    "Phong",
    "Quế",
    "Sa",
    "Tảo",
    "Thạch",
    "Thuận",
    "Tiến",
    "Trà",
    "Uyên",
    "Vân",
    "Viên",
    "Xuyên",
    "Yến",
)
GIVEN = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
FIELDS = (
    "Tư pháp - Hộ tịch",
    "Đất đai",
    "Lao động - Thương binh và Xã hội",
    "Xây dựng",
    "Chứng thực",
    "Văn hóa - Thông tin",
    "Nông nghiệp",
    "Tài chính - Kế toán",
)
AREAS = (
    "chỉ đạo điều hành",
    "cải cách thể chế",
    "cải cách thủ tục hành chính",
    "cải cách tổ chức bộ máy",
    "cải cách chế độ công vụ",
    "tài chính công",
    "xây dựng và phát triển chính quyền điện tử, chính quyền số",
)


@dataclass(frozen=True, slots=True)
class DocSpec:
    """One document to build: its file name, kind and requested page count."""

    name: str
    kind: Kind
    pages: int
    seed: int


@dataclass(slots=True)
class BuiltDoc:
    """A built document and the values it states (JSON numbers)."""

    path: str
    kind: Kind
    pages: int  # pages of the PDF; for DOCX the pages the same content takes as PDF (nominal)
    commune: str
    overall: float
    criteria: dict[str, float]
    size_bytes: int


# ---------------------------------------------------------------------------------------------------
# The sample builder's renderers
# ---------------------------------------------------------------------------------------------------

_SAMPLES_MODULE: ModuleType | None = None


def samples_builder() -> ModuleType:
    """samples/build_samples.py as a module (its Report model and PDF/DOCX renderers)."""
    global _SAMPLES_MODULE
    if _SAMPLES_MODULE is None:
        spec = importlib.util.spec_from_file_location(
            "cchc_build_samples", ROOT / "samples" / "build_samples.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while being created
        spec.loader.exec_module(module)
        _SAMPLES_MODULE = module
    return _SAMPLES_MODULE


def vn(value: Decimal) -> str:
    """12.50 -> "12,5", 6.00 -> "6" (Vietnamese decimal comma, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def pct(score: Decimal, max_score: Decimal) -> Decimal:
    return (score / max_score * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------------
# Content of one invented report
# ---------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Facts:
    """What an invented report states."""

    commune: str
    district: str
    year: int
    number: int
    signer: str
    scores: list[Decimal]
    ranks: list[tuple[int, int, int]]  # rank, total, change
    overall_rank: tuple[int, int, int]

    @property
    def total(self) -> Decimal:
        return sum(self.scores, Decimal(0))


def invent(rng: random.Random, taken: set[str]) -> Facts:
    """Draw a commune (name not in ``taken``) and its scores."""
    while True:
        commune = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        words = commune.split()
        if words[0] != words[1] and commune not in taken:
            taken.add(commune)
            break
    district = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
    scores = []
    for m in MAXIMA:
        top = Decimal(m)
        step = rng.choice((Decimal("0.01"), Decimal("0.1"), Decimal("0.5")))
        low = int(top * Decimal("0.6") / step)
        value = Decimal(rng.randint(low, int(top / step))) * step
        scores.append(value.quantize(step))
    ranks = []
    for _ in MAXIMA:
        total = rng.randint(12, 25)
        ranks.append((rng.randint(1, total), total, rng.randint(-9, 9)))
    overall_total = rng.randint(15, 30)
    signer = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(SYLLABLES)}"
    return Facts(
        commune=commune,
        district=district,
        year=rng.randint(2020, 2024),
        number=rng.randint(10, 250),
        signer=signer,
        scores=scores,
        ranks=ranks,
        overall_rank=(rng.randint(1, overall_total), overall_total, rng.randint(-6, 6)),
    )


def change_text(change: int, year: int) -> str:
    if change == 0:
        return f"duy trì thứ bậc như năm {year}"
    return f"{'tăng' if change > 0 else 'giảm'} {abs(change)} bậc so với năm {year}"


def _header(f: Facts, b: ModuleType, grounds: bool = True) -> list[Any]:
    """Agency header, title, the grounds ("Căn cứ …", left out of the shortest reports), overall result."""
    items = [
        b.Header(
            [
                ("ỦY BAN NHÂN DÂN", False),
                (f"XÃ {f.commune.upper()}", True),
                (f"Số: {f.number}/BC-UBND", False),
            ],
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True),
                (f"{f.commune}, ngày 12 tháng 3 năm {f.year + 1}", False),
            ],
        ),
        b.Title(
            [
                "BÁO CÁO",
                f"Tổng kết công tác Cải cách hành chính xã {f.commune} năm {f.year}",
                f"và triển khai nhiệm vụ Cải cách hành chính năm {f.year + 1}",
            ]
        ),
        b.Para(
            f"Căn cứ Kế hoạch số {f.number - 3}/KH-UBND ngày 27/12/{f.year - 1} của UBND xã {f.commune} về cải "
            f"cách hành chính nhà nước xã năm {f.year}; Căn cứ Quyết định số {f.number * 7}/QĐ-UBND ngày "
            f"02/3/{f.year + 1} của UBND huyện {f.district} về Công bố chỉ số Cải cách hành chính năm {f.year} "
            f"của Ủy ban nhân dân các xã, thị trấn, UBND xã {f.commune} báo cáo kết quả tổng kết công tác CCHC "
            f"năm {f.year} và triển khai nhiệm vụ CCHC năm {f.year + 1}, cụ thể như sau:"
        ),
    ]
    if not grounds:
        del items[2]
    return items + [
        b.Para(
            f"UBND xã {f.commune} được UBND huyện chấm điểm đạt {vn(f.total)}/100 điểm (đạt tỷ lệ "
            f"{vn(pct(f.total, Decimal(100)))}% chỉ số tổng hợp), xếp thứ {f.overall_rank[0]}/{f.overall_rank[1]} "
            f"xã, thị trấn ({change_text(f.overall_rank[2], f.year - 1)}) và được xếp loại hoàn thành tốt "
            "nhiệm vụ."
        ),
    ]


def _criterion_line(f: Facts, i: int, compact: bool = False) -> str:
    """The criterion's heading line; ``compact`` uses the short title and rank phrase."""
    score, top = f.scores[i], Decimal(MAXIMA[i])
    rank, total, change = f.ranks[i]
    title = TABLE_TITLES[i].lower() if compact else TITLES[i]
    group = "" if compact else " nhóm hạng các xã, thị trấn"
    return (
        f"Về {title}: {vn(score)}/{vn(top)} điểm, đạt tỷ lệ {vn(pct(score, top))}%, xếp hạng "
        f"{rank}/{total}{group}, {change_text(change, f.year - 1)}."
    )


def _indicator_lines(f: Facts, i: int) -> list[str]:
    lines = []
    for code, title in INDICATORS.get(str(i + 1), []):
        lines.append(
            f"- Mục {code} ({title}): đã thực hiện đầy đủ, đúng quy định, giao nhiệm vụ cụ thể cho từng cá "
            f"nhân theo từng lĩnh vực; ban hành đủ các văn bản chỉ đạo trên {len(title) % 7 + 2} lĩnh vực."
        )
    return lines


def _filler(rng: random.Random, f: Facts, k: int) -> str:
    """One realistic prose paragraph (no scores), varied by ``k``."""
    area = AREAS[k % len(AREAS)]
    field = FIELDS[k % len(FIELDS)]
    a, b_ = rng.randint(120, 4000), rng.randint(2, 90)
    sentences = [
        (
            f"Trong lĩnh vực {area}, công tác CCHC năm {f.year} trên địa bàn xã đã có sự chuyển biến hơn so với "
            f"năm {f.year - 1}, nhưng chưa có sự đột phá mạnh mẽ, chưa đáp ứng được yêu cầu phát triển của xã."
        ),
        (
            f"Bộ phận Một cửa của xã tiếp nhận {a} hồ sơ lĩnh vực {field}, đã giải quyết đúng hạn {a - b_ % 5} hồ "
            f"sơ, đạt tỷ lệ {vn(pct(Decimal(a - b_ % 5), Decimal(a)))}%; các hồ sơ trễ hạn đều có văn bản xin lỗi "
            "tổ chức, công dân."
        ),
        (
            "Lãnh đạo Đảng, chính quyền còn thiếu kiên quyết trong chỉ đạo thực hiện nhiệm vụ CCHC nên việc thực "
            "hiện kế hoạch CCHC chưa bám sát vào mục tiêu, nhiệm vụ trong Kế hoạch CCHC của huyện."
        ),
        (
            "Công tác kiểm tra, giám sát việc chấp hành kỷ luật, kỷ cương hành chính và thực thi công vụ đối với "
            "cán bộ, công chức chưa được thực hiện thường xuyên."
        ),
        (
            f"Thực hiện Kế hoạch số {b_ + 10}/KH-UBND ngày {k % 27 + 1}/{k % 12 + 1}/{f.year} của UBND xã về "
            f"tuyên truyền CCHC, xã đã tổ chức {b_ % 9 + 2} hội nghị với {a // 10} lượt người tham dự."
        ),
        (
            "Cơ sở vật chất, máy móc thiết bị, hạ tầng kỹ thuật trang bị tại Bộ phận Một cửa của xã chưa đáp "
            "ứng được yêu cầu nhiệm vụ cải cách TTHC."
        ),
        (
            "Một số cán bộ, công chức chưa tận tâm, tận tụy và chưa nêu cao tinh thần trách nhiệm trong thực thi "
            "công vụ, nên tham mưu cho lãnh đạo xã thực hiện các nhiệm vụ CCHC chưa đầy đủ và còn chậm tiến độ."
        ),
        (
            f"Trong năm {f.year}, xã có {f.number * 11} hồ sơ TTHC được xử lý trực tuyến trên tổng số {f.number * 17} "
            "hồ sơ; nhu cầu của người dân, doanh nghiệp nộp hồ sơ trực tuyến còn thấp do mất thời gian đăng "
            "nhập, đăng tải hồ sơ, giấy tờ."
        ),
        (
            "Phần lớn người dân là nông dân, người lao động nên trình độ tin học hạn chế, khó tiếp cận ứng dụng "
            "công nghệ thông tin trong sử dụng dịch vụ công trực tuyến."
        ),
    ]
    rng.shuffle(sentences)
    return " ".join(sentences[: rng.randint(3, 5)])


def _task(rng: random.Random, f: Facts, k: int) -> str:
    area = AREAS[k % len(AREAS)]
    return (
        f"- Tiếp tục đẩy mạnh công tác {area}; tập trung nâng cao chất lượng, hiệu quả triển khai CCHC, nhất là "
        f"các nội dung còn yếu của năm {f.year}; gắn trách nhiệm cho từng cán bộ, công chức, quy định thời "
        f"gian hoàn thành trước ngày {k % 27 + 1}/{k % 12 + 1}/{f.year + 1} và báo cáo kết quả về UBND xã."
    )


def _closing(f: Facts, b: ModuleType, compact: bool = False) -> list[Any]:
    return [
        b.Para(
            f"Trên đây là Báo cáo tổng kết công tác CCHC năm {f.year} và triển khai nhiệm vụ Cải cách hành chính "
            f"năm {f.year + 1} của UBND xã {f.commune}./."
        ),
        b.Signature(
            [f"- Phòng Nội vụ huyện {f.district};", "- Lưu: VP."]
            if compact
            else [
                f"- Phòng Nội vụ huyện {f.district};",
                "- BTV Đảng ủy;",
                "- Thường trực HĐND;",
                "- Lưu: VP.",
            ],
            ["TM. ỦY BAN NHÂN DÂN XÃ", "CHỦ TỊCH"],
            f.signer,
        ),
    ]


def prose_report(name: str, f: Facts, seed: int, n_pad: int, detail: bool = True) -> Any:
    """The prose report with ``n_pad`` padding paragraphs spread over sections III-V; without
    ``detail`` (for 2-4 page reports) the indicator lines and section fillers are left out."""
    b = samples_builder()
    rng = random.Random(seed * 7919 + 1)
    items = _header(f, b, grounds=detail or n_pad > 0)
    items.append(b.Para(f"KẾT QUẢ THỰC HIỆN CCHC NĂM {f.year}", label="I.", section=True))
    for i in range(7):
        items.append(b.Para(_criterion_line(f, i, compact=not detail), label=f"{i + 1}.", bold=True))
        if detail:
            items += [b.Para(line) for line in _indicator_lines(f, i)]
    items.append(b.Para("KẾT QUẢ ĐÁNH GIÁ TÁC ĐỘNG CỦA CCHC", label="II.", section=True))
    for i in range(7, 10):
        items.append(b.Para(_criterion_line(f, i, compact=not detail), label=f"{i + 1}.", bold=True))
        if detail:
            items.append(b.Para(_filler(rng, f, i)))
    pads = [_filler(rng, f, k) for k in range(n_pad)]
    third = (len(pads) + 2) // 3
    if detail or n_pad:
        items.append(b.Para("ĐÁNH GIÁ CHUNG", label="III.", section=True))
        items.append(b.Para("Ưu điểm:", label="1.", bold=True))
        items.append(b.Para(_filler(rng, f, 99)))
        items += [b.Para(p) for p in pads[:third]]
        items.append(b.Para("Tồn tại, hạn chế:", label="2.", bold=True))
        items += [b.Para(p) for p in pads[third : 2 * third]]
        items.append(
            b.Para(f"TRIỂN KHAI THỰC HIỆN KẾ HOẠCH CCHC NĂM {f.year + 1}", label="IV.", section=True)
        )
        items += [b.Para(p) for p in pads[2 * third :]]
        items.append(b.Para("MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI", label="V.", section=True))
        items += [b.Para(_task(rng, f, k)) for k in range(3 + n_pad // 6)]
    items += _closing(f, b, compact=not detail and not n_pad)
    return b.Report(name=name, items=items, page_number="footer")


def _stats_table(rng: random.Random, f: Facts, k: int) -> list[list[str]]:
    rows = [["TT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn (%)"]]
    for j, field in enumerate(FIELDS):
        got = rng.randint(20, 900)
        late = rng.randint(0, 4)
        rows.append(
            [
                str(j + 1),
                field,
                str(got),
                str(got - late),
                str(late),
                vn(pct(Decimal(got - late), Decimal(got))),
            ]
        )
    return rows


def table_report(name: str, f: Facts, seed: int, n_pad: int, detail: bool = True) -> Any:
    """The table-heavy report: criteria table, indicator tables (with ``detail``), ``n_pad``
    statistics tables."""
    b = samples_builder()
    rng = random.Random(seed * 7919 + 2)
    items = _header(f, b)
    items.append(b.Para(f"KẾT QUẢ CHỈ SỐ CCHC NĂM {f.year}", label="I.", section=True))
    items.append(b.Para("Kết quả điểm số, tỷ lệ và thứ hạng của từng lĩnh vực được tổng hợp tại bảng sau:"))
    rows = [["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)", "Xếp hạng"]]
    for i in range(10):
        score, top = f.scores[i], Decimal(MAXIMA[i])
        rows.append(
            [
                str(i + 1),
                TABLE_TITLES[i],
                vn(top),
                vn(score),
                vn(pct(score, top)),
                f"{f.ranks[i][0]}/{f.ranks[i][1]}",
            ]
        )
    rows.append(
        [
            "",
            "Tổng cộng",
            "100",
            vn(f.total),
            vn(pct(f.total, Decimal(100))),
            f"{f.overall_rank[0]}/{f.overall_rank[1]}",
        ]
    )
    items.append(b.Table(rows, widths=[0.07, 0.41, 0.12, 0.13, 0.12, 0.15]))
    items.append(b.Para("KẾT QUẢ CÁC CHỈ SỐ THÀNH PHẦN", label="II.", section=True))
    for i in range(7 if detail else 0):
        code = str(i + 1)
        items.append(
            b.Para(f"Chỉ số thành phần của lĩnh vực {TABLE_TITLES[i].lower()}", label=f"{code}.", bold=True)
        )
        ind = [["Mã", "Nội dung chỉ số", "Kết quả thực hiện", "Đánh giá"]]
        for icode, title in INDICATORS[code]:
            ind.append([icode, title, "Thực hiện đầy đủ, đúng quy định", "Đạt"])
        items.append(b.Table(ind, widths=[0.1, 0.4, 0.35, 0.15]))
    items.append(b.Para("SỐ LIỆU GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", label="III.", section=True))
    for k in range(n_pad):
        items.append(
            b.Para(f"Kết quả giải quyết hồ sơ TTHC theo lĩnh vực, quý {k % 4 + 1} (đợt {k + 1}):", bold=True)
        )
        items.append(b.Table(_stats_table(rng, f, k), widths=[0.07, 0.37, 0.13, 0.13, 0.12, 0.18]))
    items.append(b.Para("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM " + str(f.year + 1), label="IV.", section=True))
    items += [b.Para(_task(rng, f, k)) for k in range(3 if detail else 1)]
    items += _closing(f, b)
    return b.Report(name=name, items=items, page_number="footer")


# ---------------------------------------------------------------------------------------------------
# Rendering to the requested page count
# ---------------------------------------------------------------------------------------------------


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def fit_pdf(make: Any, pages: int, out: Path, per_page: float) -> tuple[int, bool]:
    """Render ``make(n_pad, detail)`` to ``out`` with exactly ``pages`` pages, or the closest it can
    get; returns (n_pad, detail). ``detail`` is dropped when the detailed report alone is too long.
    Page count is monotone in n_pad and grows by at most one page per padding unit (a unit is
    shorter than a page), so bisection finds it."""
    b = samples_builder()

    def render(n: int, detail: bool) -> int:
        b.build_pdf(make(n, detail), out)
        return pdf_pages(out)

    detail = True
    base = render(0, detail)
    if base > pages:
        detail = False
        base = render(0, detail)
    if base >= pages:
        return 0, detail
    lo, hi = 0, max(1, round((pages - base) * per_page))
    got = render(hi, detail)
    while got < pages:
        # a secant step from what the last render showed, then bisection below
        lo, hi = hi, hi + max(1, round((pages - got) * hi / max(got - base, 1) * 1.1))
        got = render(hi, detail)
    best = hi
    while got != pages and hi - lo > 1:
        mid = (lo + hi) // 2
        got_mid = render(mid, detail)
        if got_mid < pages:
            lo = mid
        else:
            hi, got = mid, got_mid
        best = hi
    if pdf_pages(out) != got:
        render(best, detail)
    return best, detail


def rasterise(src: Path, out: Path, pages: int, dpi: int = 200) -> None:
    """The first ``pages`` pages of ``src`` as an image-only PDF (grayscale, ``dpi``)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    try:
        images = [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(min(pages, len(pdf)))]
    finally:
        pdf.close()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])


def build_document(spec: DocSpec, folder: Path, facts: Facts) -> BuiltDoc:
    """Write one document of the corpus into ``folder``."""
    b = samples_builder()

    def prose(n: int, detail: bool) -> Any:
        return prose_report(spec.name, facts, spec.seed, n, detail)

    if spec.kind == "prose":
        path = folder / f"{spec.name}.pdf"
        fit_pdf(prose, spec.pages, path, per_page=3.6)
        pages = pdf_pages(path)
    elif spec.kind == "scan":
        path = folder / f"{spec.name}.pdf"
        digital = folder / f"{spec.name}-digital.pdf"
        fit_pdf(prose, spec.pages, digital, per_page=3.6)
        rasterise(digital, path, spec.pages)
        digital.unlink()
        pages = pdf_pages(path)
    elif spec.kind == "table":
        path = folder / f"{spec.name}.pdf"
        fit_pdf(lambda n, d: table_report(spec.name, facts, spec.seed, n, d), spec.pages, path, per_page=2.5)
        pages = pdf_pages(path)
    else:
        path = folder / f"{spec.name}.docx"
        scratch = folder / f"{spec.name}-layout.pdf"
        n_pad, detail = fit_pdf(prose, spec.pages, scratch, per_page=3.6)
        pages = pdf_pages(scratch)
        scratch.unlink()
        b.build_docx(prose(n_pad, detail), path, heading_style=True)
    return BuiltDoc(
        path=str(path),
        kind=spec.kind,
        pages=pages,
        commune=facts.commune,
        overall=float(facts.total),
        criteria={str(i + 1): float(s) for i, s in enumerate(facts.scores)},
        size_bytes=path.stat().st_size,
    )


def plan(quick: bool = False, seed: int = 2024, scans: bool = True) -> list[DocSpec]:
    """The documents of the default (or quick) corpus."""
    prose, table, docx, scan = (
        (QUICK_PROSE, QUICK_TABLE, QUICK_DOCX, QUICK_SCAN)
        if quick
        else (PROSE_PAGES, TABLE_PAGES, DOCX_PAGES * DOCX_COPIES, SCAN_PAGES)
    )
    specs: list[DocSpec] = []
    n = 0
    for kind, sizes in (("prose", prose), ("table", table), ("docx", docx), ("scan", scan if scans else ())):
        for j, pages in enumerate(sizes):
            n += 1
            specs.append(DocSpec(f"{kind}-{j + 1:02d}-{pages}p", kind, pages, seed * 1000 + n))  # type: ignore[arg-type]
    return specs


def build_corpus(
    folder: Path = CORPUS_DIR, *, quick: bool = False, seed: int = 2024, scans: bool = True, log: Any = None
) -> list[BuiltDoc]:
    """Build (or reuse) the corpus in ``folder``; returns its documents in plan order."""
    specs = plan(quick, seed, scans)
    key = hashlib.sha256(
        json.dumps([CORPUS_VERSION, [asdict(s) for s in specs]]).encode()
        + (ROOT / "samples" / "build_samples.py").read_bytes()
        + Path(__file__).read_bytes()
    ).hexdigest()[:16]
    manifest = folder / f"manifest-{key}.json"
    if manifest.is_file():
        docs = [BuiltDoc(**d) for d in json.loads(manifest.read_text("utf-8"))["documents"]]
        if all(Path(d.path).is_file() for d in docs):
            return docs
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    taken: set[str] = set()
    docs = []
    for spec in specs:
        facts = invent(rng, taken)
        if log:
            log(f"  building {spec.name} (xã {facts.commune})")
        docs.append(build_document(spec, folder, facts))
    manifest.write_text(
        json.dumps(
            {"seed": seed, "quick": quick, "documents": [asdict(d) for d in docs]},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return docs


# ---------------------------------------------------------------------------------------------------
# The scale corpus: many short reports of mixed formats (bench/bench_scale.py)
# ---------------------------------------------------------------------------------------------------

SCALE_VERSION = 2
# kind, share: short digital prose PDFs, table PDFs, DOCX and plain text, as a province's inbox might mix them
SCALE_MIX: tuple[tuple[str, int], ...] = (("prose", 40), ("table", 20), ("docx", 25), ("text", 15))


def text_report(report: Any) -> str:
    """A report as a plain-text file: the header's two columns one after the other, numbered paragraphs,
    table rows with tab-separated cells (what a copy from a word processor gives)."""
    b = samples_builder()
    lines: list[str] = []
    for item in report.items:
        if isinstance(item, b.Header):
            lines += [text for text, _ in item.left] + [text for text, _ in item.right] + [""]
        elif isinstance(item, b.Title):
            lines += [*item.lines, ""]
        elif isinstance(item, b.Para):
            lines.append(f"{item.label} {item.text}" if item.label else item.text)
        elif isinstance(item, b.Table):
            lines += ["\t".join(cell.replace("\n", " ") for cell in row) for row in item.rows]
        elif isinstance(item, b.Signature):
            lines += ["", *item.lines, "", item.name, "Nơi nhận:", *item.recipients]
    return "\n".join(lines) + "\n"


def scale_kinds(n: int) -> list[str]:
    """The kinds of ``n`` scale documents: the shares of SCALE_MIX, interleaved (smooth weighted round robin)."""
    total = sum(share for _, share in SCALE_MIX)
    current = {kind: 0 for kind, _ in SCALE_MIX}
    kinds = []
    for _ in range(n):
        for kind, share in SCALE_MIX:
            current[kind] += share
        chosen = max(current, key=lambda k: current[k])
        current[chosen] -= total
        kinds.append(chosen)
    return kinds


def as_districts(all_facts: list[Facts], rng: random.Random) -> None:
    """Group consecutive reports into districts of 12-30 units of one year, ranked by their scores.

    A real district ranks its communes by the scores it gave them, so the batch rules that compare
    ranks with scores across units find nothing in a clean batch, and their work grows with the
    batch as a country's does (districts of ~20), not with its square.
    """
    used: set[str] = set()
    start = 0
    while start < len(all_facts):
        group = all_facts[start : start + rng.randint(12, 30)]
        start += len(group)
        district = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        while district in used:
            district = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)} {len(used)}"
        used.add(district)
        year = rng.randint(2020, 2024)
        overall = _ranks([f.total for f in group])
        by_criterion = [_ranks([f.scores[j] for f in group]) for j in range(len(MAXIMA))]
        for k, f in enumerate(group):
            f.district, f.year = district, year
            f.overall_rank = (overall[k], len(group), f.overall_rank[2])
            f.ranks = [(by_criterion[j][k], len(group), f.ranks[j][2]) for j in range(len(MAXIMA))]


def _ranks(values: list[Decimal]) -> list[int]:
    """Competition ranks, highest value first (equal values share a rank)."""
    return [1 + sum(1 for other in values if other > v) for v in values]


def build_scale_corpus(n: int, seed: int = 2024, folder: Path | None = None, log: Any = None) -> list[BuiltDoc]:
    """``n`` short reports (2-4 pages, no page fitting) of distinct invented communes, mixed formats, in ``inbox/``.

    Reused while the plan and the builders are unchanged. Names repeat only across districts (the store
    keys a unit by level, name and district), so every document is a distinct unit's report.
    """
    folder = folder or CORPUS_DIR / f"scale-{n}-{seed}"
    key = hashlib.sha256(
        json.dumps([SCALE_VERSION, n, seed, SCALE_MIX]).encode()
        + (ROOT / "samples" / "build_samples.py").read_bytes()
        + Path(__file__).read_bytes()
    ).hexdigest()[:16]
    manifest = folder / f"manifest-{key}.json"
    if manifest.is_file():
        docs = [BuiltDoc(**d) for d in json.loads(manifest.read_text("utf-8"))["documents"]]
        if all(Path(d.path).is_file() for d in docs):
            return docs
    b = samples_builder()
    inbox = folder / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    taken: set[str] = set()
    all_facts = []
    for _ in range(n):
        if len(taken) > 600:  # the syllable lists give about 1,000 names: start over (another district)
            taken.clear()
        all_facts.append(invent(rng, taken))
    as_districts(all_facts, rng)
    docs = []
    for i, kind in enumerate(scale_kinds(n)):
        facts = all_facts[i]
        doc_seed, n_pad, detail = seed * 100_000 + i, rng.randint(0, 4), rng.random() < 0.5
        name = f"{i + 1:05d}-{kind}"
        if kind == "table":
            report = table_report(name, facts, doc_seed, n_pad, detail)
        else:
            report = prose_report(name, facts, doc_seed, n_pad, detail)
        if kind in ("prose", "table"):
            path = inbox / f"{name}.pdf"
            b.build_pdf(report, path)
            pages = pdf_pages(path)
        elif kind == "docx":
            path = inbox / f"{name}.docx"
            b.build_docx(report, path, heading_style=bool(i % 2))
            pages = 0
        else:
            path = inbox / f"{name}.txt"
            path.write_text(text_report(report), encoding="utf-8")
            pages = 0
        if log and (i + 1) % 100 == 0:
            log(f"  built {i + 1}/{n}")
        docs.append(
            BuiltDoc(
                path=str(path),
                kind=kind,  # type: ignore[arg-type]
                pages=pages,
                commune=facts.commune,
                overall=float(facts.total),
                criteria={str(j + 1): float(v) for j, v in enumerate(facts.scores)},
                size_bytes=path.stat().st_size,
            )
        )
    manifest.write_text(
        json.dumps({"seed": seed, "n": n, "documents": [asdict(d) for d in docs]}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the benchmark corpus (invented communes).")
    parser.add_argument("--quick", action="store_true", help="a small corpus")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=CORPUS_DIR)
    parser.add_argument("--no-scans", action="store_true")
    args = parser.parse_args()
    docs = build_corpus(args.out, quick=args.quick, seed=args.seed, scans=not args.no_scans, log=print)
    for d in docs:
        print(f"{Path(d.path).name:<24} {d.kind:<6} {d.pages:>3} p  {d.size_bytes:>9} B  xã {d.commune}")


if __name__ == "__main__":
    main()
