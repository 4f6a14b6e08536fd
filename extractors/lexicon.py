"""What a stated quantity counts: the lexicon of counted nouns, stages, scopes and periods, as data.

A ratio such as "899/899" or "727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm" counts a
population: a counted noun (hồ sơ, records), the stage it has reached (giải quyết, resolved), the
scope that narrows it (trực tuyến, online; one village) and the period (năm 2022). Two statements
of the same population must give the same whole. Every entry below says why it is there; the
wording comes from the provincial CCHC index's own indicator names (Bộ chỉ số CCHC cấp xã, e.g.
"Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến",
"Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn") or from plain Vietnamese usage, never from one report.
"""

from __future__ import annotations

# Counted nouns, most specific first: (pattern, canonical noun, why).
COUNTED_NOUNS: list[tuple[str, str, str]] = [
    (r"hồ\s+sơ\s+(?:TTHC|thủ\s+tục\s+hành\s+chính)", "hồ sơ",
     "records of administrative procedures are records: 'TTHC' qualifies 'hồ sơ', it is not the counted noun"),
    (r"cán\s+bộ,?\s+công\s+chức(?:,?\s+viên\s+chức)?|CBCC(?:VC)?", "cán bộ, công chức",
     "the commune's whole staff (cán bộ and công chức together), printed with or without its comma"),
    (r"công\s+chức", "công chức", "civil servants alone: a smaller population than cán bộ, công chức"),
    (r"cán\s+bộ", "cán bộ", "elected cadres alone: not the civil servants"),
    (r"hồ\s+sơ", "hồ sơ", "records (applications) filed with the one-stop office"),
    (r"thủ\s+tục\s+hành\s+chính|TTHC", "TTHC", "administrative procedures: a list of procedures, not of records"),
    (r"văn\s+bản", "văn bản", "documents"),
    (r"nhiệm\s+vụ", "nhiệm vụ", "tasks of a plan"),
    (r"cuộc(?:\s+đối\s+thoại|\s+tiếp\s+xúc)?", "cuộc", "meetings (dialogues with the people)"),
    (r"sáng\s+kiến", "sáng kiến", "initiatives"),
    (r"chỉ\s+tiêu", "chỉ tiêu", "socio-economic targets"),
    (r"phiếu", "phiếu", "survey forms"),
    (r"phản\s+ánh|kiến\s+nghị|PAKN", "phản ánh, kiến nghị", "feedback and petitions (PAKN)"),
    (r"hoạt\s+động", "hoạt động", "activities of a plan"),
    (r"lĩnh\s+vực", "lĩnh vực", "fields (of procedures or inspections)"),
    (r"thôn|khu\s+dân\s+cư|tổ\s+dân\s+phố", "thôn, khu dân cư", "villages and residential groups"),
    (r"tin\s+bài|tin,\s+bài", "tin bài", "news items on the web portal"),
]  # fmt: skip

# The stage a population has reached. Two wholes at different stages are different populations:
# the records received are not the records resolved (one year's backlog lies between them).
STAGES: dict[str, str] = {
    "tiếp nhận": "received (index: 'hồ sơ được tiếp nhận')",
    "giải quyết": "resolved (index: 'hồ sơ được giải quyết đúng hạn')",
    "trả kết quả": "results returned to the applicant",
    "số hóa": "digitised (index: 'số hóa hồ sơ, kết quả giải quyết TTHC')",
    "phát sinh": "records that arose in the year for a procedure",
}

# Words that narrow a whole to a part of it: present for one whole and absent for the other, the two
# are different populations (the online records are a part of all records).
SCOPES: dict[str, str] = {
    "liên thông": "inter-agency procedures (index: 'TTHC liên thông')",
    "trực tuyến": "online (index: 'dịch vụ công trực tuyến')",
    "sốhóa": "digitised ('số hóa', folded to one word)",
    "bưu chính": "through the postal service (index: 'dịch vụ bưu chính công ích')",
    "lĩnh vực": "one field of procedures",
    "quý": "one quarter of the year",
    "tháng": "some months of the year",
    "trễ hạn": "late: a part of the records",
    "quá hạn": "overdue: a part of the records",
    "trước hạn": "early: a part of the records",
    "tạm dừng": "suspended (index: 'hồ sơ tạm dừng')",
    "trả lại": "returned (index: 'hồ sơ trả lại')",
    "điện tử": "electronic documents or results",
    "ký số": "digitally signed documents",
    "nữ": "women only",
    "đảng viên": "Party members only",
    "hợp đồng": "contract staff only",
    "chuyên trách": "full-time cadres only",
    "không chuyên trách": "part-time staff only",
    "cấp huyện": "the district level, not the commune",
    "cấp tỉnh": "the province level, not the commune",
    "mức độ": "a service level (mức độ 3, 4)",
}

# Phrases that name the whole of a ratio after its fraction: "2.252/3.177 tổng số hồ sơ …".
WHOLE_MARKERS = ("trên tổng số", "trong tổng số", "tổng số", "trong số", "trên tổng", "trên", "tổng")

# Phrases that carry no population of their own: the ratio's framing ("tỷ lệ", "tổng số"), the report's
# furniture ("mục", "chỉ số", "theo biểu điểm": 'per the scoring table'), the commune's name words.
FRAMING_PHRASES: dict[str, str] = {
    "tổng số": "names the whole, not what is counted",
    "tỷ lệ": "a ratio's framing",
    "tỉ lệ": "a ratio's framing (other spelling)",
    "số lượng": "a count's framing",
    "đội ngũ": "'the body of' staff: framing",
    "trong năm": "the period, kept apart as the report year",
    "trong đó": "'of which': framing",
    "vẫn còn": "'still': framing",
    "hiện nay": "'now': framing",
    "hiện có": "'now there are': framing",
    "theo biểu điểm": "'per the scoring table': how the value was scored, not what is counted",
    "thực hiện": "'carry out': any action",
    "đề ra": "'set out' (in a plan): framing",
    "ủy ban nhân dân": "the issuer's name",
    "thị trấn": "a unit level's name",
    "mục": "an item label",
    "chỉ số": "an indicator label",
}

# A whole narrowed to one village on one side and stated for the whole commune on the other.
VILLAGE_WORDS = ("thôn", "xóm", "ấp", "bản", "tổ dân phố", "khu dân cư")
COMMUNE_WIDE = ("toàn xã", "toàn phường", "toàn thị trấn", "cả xã", "trên địa bàn xã", "trên địa bàn phường")

__all__ = ["COMMUNE_WIDE", "COUNTED_NOUNS", "FRAMING_PHRASES", "SCOPES", "STAGES", "VILLAGE_WORDS", "WHOLE_MARKERS"]
