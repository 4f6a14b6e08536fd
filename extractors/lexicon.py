"""What a stated quantity counts: the lexicon of counted nouns, stages, qualifiers and periods, as data.

A ratio such as "899/899" or "727/1.039 tổng số hồ sơ TTHC được giải quyết trong năm" counts a part of
a population. The population (the whole, the denominator) is a counted noun (hồ sơ, records), the stage
it has reached (giải quyết, resolved), the scopes that narrow it (trực tuyến, online; one village; one
field) and a period (năm 2022, quý I). The part (the numerator) adds its own qualifiers: a polarity
(đúng hạn vs trễ hạn, đạt chuẩn vs chưa đạt chuẩn) narrows the numerator, never the whole.

Every entry below says why it is there. The wording comes from the provincial CCHC index's own
indicator names (Bộ chỉ số CCHC cấp xã, e.g. "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "Tỷ lệ hồ sơ
TTHC được tiếp nhận trực tuyến", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn", "Tỷ lệ văn bản đi được ký
số") or from plain Vietnamese usage, never from one report. Patterns other than the counted nouns apply
to folded text (:func:`cchc.extractors.normalize.fold`: NFC, lower case).
"""

from __future__ import annotations

# Counted nouns, most specific first: (pattern, canonical noun, why). Matched case-insensitively.
COUNTED_NOUNS: list[tuple[str, str, str]] = [
    (r"hồ\s+sơ\s+(?:TTHC|thủ\s+tục\s+hành\s+chính)", "hồ sơ",
     "records of administrative procedures are records: 'TTHC' qualifies 'hồ sơ', it is not the counted noun"),
    (r"cán\s+bộ,?\s+công\s+chức(?:,?\s+viên\s+chức)?|CBCC(?:VC)?", "cán bộ, công chức",
     "the commune's whole staff (cán bộ and công chức together), printed with or without its comma"),
    (r"công\s+chức", "công chức", "civil servants alone: a smaller population than cán bộ, công chức"),
    (r"cán\s+bộ", "cán bộ", "elected cadres alone: not the civil servants"),
    (r"hồ\s+sơ", "hồ sơ", "records (applications) filed with the one-stop office"),
    (r"thủ\s+tục\s+hành\s+chính|TTHC", "TTHC", "administrative procedures: a list of procedures, not of records"),
    (r"văn\s+bản", "văn bản", "documents (index: 'văn bản đi, văn bản đến')"),
    (r"nhiệm\s+vụ", "nhiệm vụ", "tasks of a plan"),
    (r"cuộc(?:\s+đối\s+thoại|\s+tiếp\s+xúc)?", "cuộc", "meetings (dialogues with the people)"),
    (r"sáng\s+kiến", "sáng kiến", "initiatives (index: 'sáng kiến, giải pháp mới trong CCHC')"),
    (r"chỉ\s+tiêu", "chỉ tiêu", "socio-economic targets"),
    (r"phiếu", "phiếu", "survey forms"),
    (r"phản\s+ánh,?\s+kiến\s+nghị|phản\s+ánh|kiến\s+nghị|PAKN", "phản ánh, kiến nghị", "feedback and petitions (PAKN)"),
    (r"hoạt\s+động", "hoạt động", "activities of a plan"),
    (r"lĩnh\s+vực", "lĩnh vực", "fields (of procedures or inspections)"),
    (r"thôn|khu\s+dân\s+cư|tổ\s+dân\s+phố", "thôn, khu dân cư", "villages and residential groups"),
    (r"tin\s+bài|tin,\s+bài", "tin bài", "news items on the web portal"),
    (r"(?<!(?:ủng|cứu|bảo)\s)hộ(?:\s+gia\s+đình)?(?!\s+(?:tịch|khẩu|chiếu|lý))", "hộ",
     "households (hộ nghèo); not hộ tịch (civil status), hộ khẩu, hộ chiếu, hộ lý, ủng hộ, cứu hộ, bảo hộ"),
]  # fmt: skip

# Counted nouns that name a standing population of the commune: said alone ("cán bộ, công chức", "hồ sơ")
# they mean all of it, so two wholes named by the noun alone are one population. Tasks, targets, meetings,
# documents or initiatives belong to a plan or a list that must be named ("nhiệm vụ của Kế hoạch CCHC"):
# "6/7 nhiệm vụ" and "18/20 nhiệm vụ" may well count the tasks of two plans.
STANDING_POPULATIONS: dict[str, str] = {
    "cán bộ, công chức": "the commune's staff (index: 'cán bộ, công chức cấp xã')",
    "công chức": "the commune's civil servants",
    "cán bộ": "the commune's elected cadres",
    "hồ sơ": "the records filed with the commune in the period (index: 'hồ sơ TTHC')",
    "hộ": "the commune's households",
}

# The stage a population has reached: (pattern, stage, why). Two wholes at different stages are
# different populations: the records received are not the records resolved (a backlog lies between).
STAGES: list[tuple[str, str, str]] = [
    (r"tiếp\s+nhận", "tiếp nhận", "received (index: 'hồ sơ được tiếp nhận')"),
    (r"giải\s+quyết", "giải quyết", "resolved (index: 'hồ sơ được giải quyết đúng hạn')"),
    (r"xử\s+lý", "xử lý", "processed (index: 'hồ sơ được xử lý trực tuyến'); not said to be 'giải quyết'"),
    (r"trả\s+kết\s+quả", "trả kết quả", "results returned to the applicant (index: 'trả kết quả')"),
    (r"số\s+hóa", "số hóa", "digitised (index: 'số hóa hồ sơ, kết quả giải quyết TTHC')"),
    (r"phát\s+sinh", "phát sinh", "records that arose in the year for a procedure (index: 'có phát sinh hồ sơ')"),
    (r"công\s+khai", "công khai", "procedures published (index: 'công khai TTHC')"),
    (r"ban\s+hành", "ban hành", "documents issued"),
    (r"(?<!bàn\s)giao(?!\s+(?:dịch|thông|tiếp|lưu))", "giao", "targets or tasks assigned (plain usage: 'chỉ tiêu được giao')"),
]  # fmt: skip

# Polarities: (pattern, name, attribute, why). They say which part of the whole the numerator is:
# "đúng hạn" and "trễ hạn" are two parts of the same whole, so they never narrow the whole. Longer
# (negated) forms come first. Two wholes named by the counted noun alone are compared only when their
# numerators speak of the same attribute ("đạt chuẩn" and "chưa đạt chuẩn" both speak of the standard).
POLARITIES: list[tuple[str, str, str, str]] = [
    (r"(?:chưa|không)\s+đạt\s+chuẩn", "chưa đạt chuẩn", "chuẩn", "not up to standard (index: 'đạt chuẩn')"),
    (r"đạt\s+chuẩn", "đạt chuẩn", "chuẩn", "up to standard (index: 'cán bộ, công chức cấp xã đạt chuẩn')"),
    (r"đúng\s+(?:hạn|thời\s+hạn)", "đúng hạn", "hạn", "on time (index: 'giải quyết đúng hạn')"),
    (r"trước\s+(?:hạn|thời\s+hạn)", "trước hạn", "hạn", "early (index: 'giải quyết trước hạn')"),
    (r"(?:trễ|quá|chậm)\s+(?:hạn|thời\s+hạn)|trễ\s+hẹn", "trễ hạn", "hạn", "late or overdue: 'trễ/quá/chậm hạn'"),
    (r"chưa\s+hoàn\s+thành", "chưa hoàn thành", "hoàn thành", "not completed (plans: 'nhiệm vụ chưa hoàn thành')"),
    (r"hoàn\s+thành", "hoàn thành", "hoàn thành", "completed (plans: 'hoàn thành x/y nhiệm vụ')"),
    (r"không\s+đạt", "không đạt", "đạt", "not reached (targets: 'chỉ tiêu không đạt')"),
    (r"chưa\s+đạt", "chưa đạt", "đạt", "not yet reached (targets: 'chỉ tiêu chưa đạt')"),
    (r"đạt(?:\s+và\s+vượt)?(?=\s+(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|yêu\s+cầu))|vượt", "đạt", "đạt",
     "reached (targets: 'chỉ tiêu đạt và vượt kế hoạch'); 'đạt 85%' frames a percent, it is not this"),
    (r"hài\s+lòng", "hài lòng", "hài lòng", "satisfied (index: 'mức độ hài lòng' surveys)"),
]  # fmt: skip

# Scopes that narrow a whole: (pattern, scope, why). A scope on one side only makes two different
# populations (the online records are a part of all records). "{}" in a scope takes the pattern's group.
SCOPES: list[tuple[str, str, str]] = [
    (r"liên\s+thông", "liên thông", "inter-agency procedures (index: 'TTHC liên thông')"),
    (r"(?:dịch\s+vụ\s+công\s+)?trực\s+tuyến\s+toàn\s+trình", "trực tuyến toàn trình",
     "fully online (index: 'dịch vụ công trực tuyến toàn trình'): a part of the online records"),
    (r"(?:dịch\s+vụ\s+công\s+)?trực\s+tuyến\s+một\s+phần", "trực tuyến một phần",
     "partly online (index: 'dịch vụ công trực tuyến một phần')"),
    (r"trực\s+tuyến|dịch\s+vụ\s+công", "trực tuyến", "online (index: 'dịch vụ công trực tuyến')"),
    (r"(?:dịch\s+vụ\s+)?bưu\s+chính(?:\s+công\s+ích)?", "bưu chính", "through the postal service (index: 'dịch vụ bưu chính công ích')"),
    (r"lĩnh\s+vực\s+(\p{L}+(?:\s+\p{L}+)?)", "lĩnh vực {}", "one field of procedures ('lĩnh vực đất đai')"),
    (r"tạm\s+dừng", "tạm dừng", "suspended (index: 'hồ sơ tạm dừng')"),
    (r"trả\s+lại", "trả lại", "returned (index: 'hồ sơ trả lại')"),
    (r"điện\s+tử|môi\s+trường\s+mạng", "điện tử", "electronic documents or results ('trên môi trường mạng')"),
    (r"ký\s+số|chữ\s+ký\s+số", "ký số", "digitally signed documents (index: 'văn bản đi được ký số')"),
    (r"(?<=văn\s+bản\s+)đi", "đi", "documents sent (index: 'văn bản đi')"),
    (r"(?<=văn\s+bản\s+)đến", "đến", "documents received (index: 'văn bản đến')"),
    (r"nữ", "nữ", "women only"),
    (r"đảng\s+viên", "đảng viên", "Party members only"),
    (r"hợp\s+đồng", "hợp đồng", "contract staff only"),
    (r"không\s+chuyên\s+trách", "không chuyên trách", "part-time staff only (người hoạt động không chuyên trách)"),
    (r"chuyên\s+trách", "chuyên trách", "full-time cadres only"),
    (r"cấp\s+(huyện|tỉnh)", "cấp {}", "the district or province level, not the commune"),
    (r"mức\s+độ\s+(\d(?:\s*,\s*\d)*)", "mức độ {}", "a service level (mức độ 3, 4): records of the procedures offered at it"),
    (r"nghèo", "nghèo", "poor households (hộ nghèo)"),
    (r"cận\s+nghèo", "cận nghèo", "near-poor households (hộ cận nghèo)"),
]  # fmt: skip

# One village or residential group of the commune named by its name or number, in the report's own case
# ("thôn Đông", "buôn Ea Kmar", "bản Nà Đon", "ấp Tân Lập", "khu phố 2", "tổ dân phố số 3"): its records or
# people are a part of the commune's, never the commune's whole (issue 11: 'one village vs the commune'; held-out
# round 8: 'hồ sơ của buôn Ea Kmar'). Villages counted ("5/7 thôn đạt chuẩn") name none. Read on the unfolded
# text (a name starts with a capital); the scope it gives is NAMED_SUBUNIT_SCOPE.
NAMED_SUBUNIT = (
    r"(?<!\p{L})(?:[Tt]hôn|[Ấấ]p|[Bb]uôn|[Ll]àng|[Pp]lei|[Xx]óm|[Kk]hóm|[Ss]óc|[Tt]ổ\s+dân\s+phố|[Kk]hu\s+phố"
    r"|[Kk]hu\s+dân\s+cư)\s+(?:số\s+)?(?:\p{Lu}|\d{1,3}(?![\d/.,]|\s*(?:hồ\s+sơ|người|%)))"
    r"|(?<!\p{L})(?<![Vv]ăn\s|[Pp]hiên\s)[Bb]ản\s+\p{Lu}"  # "bản Nà Đon", never "văn bản", "phiên bản"
)
NAMED_SUBUNIT_SCOPE = "thôn"

# Scopes that can also say how a part was handled. Said of the verb ("hồ sơ được tiếp nhận trực tuyến",
# "văn bản đi được ký số": after a stage or "được"), they qualify the numerator: the index's "Tỷ lệ hồ sơ
# được tiếp nhận trực tuyến" is the online records over all records received. Said of the noun ("hồ sơ
# trực tuyến", "TTHC liên thông") or after the fraction ("a/b hồ sơ trực tuyến"), they narrow the whole.
MANNERS = (
    "trực tuyến", "trực tuyến toàn trình", "trực tuyến một phần", "bưu chính", "liên thông", "ký số", "điện tử",
)  # fmt: skip

# Periods: (pattern, period, why). The report's own year is the default period, so "trong năm" and
# "năm 2022" in a 2022 report are the same period.
PERIODS: list[tuple[str, str, str]] = [
    (r"lũy\s+kế|luỹ\s+kế|tính\s+từ\s+đầu", "lũy kế", "cumulative over several years"),
    (r"cùng\s+kỳ|năm\s+trước|năm\s+ngoái", "năm trước", "the previous year or the same period of it"),
    (r"quý\s+(iv|i{1,3}|[1-4])(?!\p{L})", "quý {}", "one quarter"),
    (r"(\d{1,2})\s+tháng", "{} tháng", "some months ('6 tháng đầu năm')"),
    (r"tháng\s+(\d{1,2})(?![/\d])", "tháng {}", "one month"),
    (r"năm\s+((?:19|20)\d\d)", "năm {}", "a year named by its number"),
]  # fmt: skip

# Phrases that name the whole of a ratio after its fraction: "2.252/3.177 tổng số hồ sơ …".
WHOLE_MARKERS = ("trên tổng số", "trong tổng số", "tổng số", "trong số", "trên tổng", "trên", "tổng")

# Words that open a sentence stating a part of the whole stated just before it ("Trong đó, lĩnh vực Tư
# pháp - Hộ tịch giải quyết 1.143/1.144 hồ sơ"): its whole is that part, never the report's whole.
# Plain usage: "trong đó" / "trong số đó" 'of which', "riêng" 'alone, for … only'.
SUBSET_OPENERS: dict[str, str] = {
    "trong đó": "'of which': a part of the whole stated before",
    "trong số đó": "'among them': a part of the whole stated before",
    "riêng": "'for … alone': one part singled out",
}

# Words that start a new clause inside a sentence ("… tuy đã được nâng lên nhưng vẫn còn 1/24 cán bộ …"):
# the ratio's population is named in its own clause, not in the one before the connector. Plain usage.
CLAUSE_CONNECTORS: dict[str, str] = {
    "nhưng": "'but'",
    "song": "'yet'",
    "tuy nhiên": "'however'",
}

# The one-stop office's names hold the stages' words ("Bộ phận tiếp nhận và trả kết quả"): read first
# and dropped, so that they never give a stage.
OFFICE_NAMES = ("bộ phận tiếp nhận và trả kết quả", "bộ phận một cửa", "một cửa")

# Phrases that carry no population of their own: the ratio's framing ("tỷ lệ", "tổng số"), the report's
# furniture ("mục", "chỉ số", "theo biểu điểm": 'per the scoring table').
FRAMING_PHRASES: dict[str, str] = {
    "bộ phận": "'the office of': framing",
    "kết quả": "'the result of': framing (after the stage 'trả kết quả' is read)",
    "tổng số": "names the whole, not what is counted",
    "tỷ lệ": "a ratio's framing",
    "tỉ lệ": "a ratio's framing (other spelling)",
    "số lượng": "a count's framing",
    "đội ngũ": "'the body of' staff: framing",
    "trong năm": "the period, which defaults to the report year",
    "trong đó": "'of which': framing",
    "vẫn còn": "'still': framing",
    "hiện nay": "'now': framing",
    "hiện có": "'now there are': framing",
    "theo biểu điểm": "'per the scoring table': how the value was scored, not what is counted",
    "theo quy định": "'as required': framing",
    "thực hiện": "'carry out': any action",
    "đề ra": "'set out' (in a plan): framing",
    "kế hoạch": "'the plan': framing; a plan's name after it ('kế hoạch ứng dụng CNTT') still tells plans apart",
    "ủy ban nhân dân": "the issuer's name",
    "thị trấn": "a unit level's name",
    "mục": "an item label",
    "chỉ số": "an indicator label",
    "cải cách": "'reform': the report's subject and its criteria's titles ('Cải cách thủ tục hành chính')",
    "tồn tại": "a section heading of the report form ('Tồn tại, hạn chế'), run into a paragraph",
    "hạn chế": "a section heading of the report form ('Tồn tại, hạn chế')",
    "khó khăn": "a section heading of the report form ('Khó khăn, vướng mắc')",
    "vướng mắc": "a section heading of the report form ('Khó khăn, vướng mắc')",
    "nguyên nhân": "a section heading of the report form ('Nguyên nhân')",
    "ưu điểm": "a section heading of the report form ('Ưu điểm')",
    "toàn xã": "the whole commune: the default scope",
    "cấp xã": "the commune level: the report's own level (index: 'cán bộ, công chức cấp xã')",
    "cấp phường": "the ward level: the report's own level",
    "trình độ chuyên môn": "what the standard is about (index: 'đạt chuẩn về trình độ chuyên môn')",
    "chuyên môn": "what the standard is about ('trình độ chuyên môn, nghiệp vụ')",
    "nghiệp vụ": "what the standard is about ('trình độ chuyên môn, nghiệp vụ')",
    "trình độ": "what the standard is about",
    "toàn phường": "the whole ward: the default scope",
    "trên địa bàn": "'in the area': the default scope",
}

# Vietnamese function words (prepositions, particles, classifiers, the unit's own name): never what is
# counted. Plain grammar.
FUNCTION_WORDS = frozenset((
    "của", "là", "và", "các", "những", "có", "được", "trong", "với", "cho", "theo", "về", "do", "để", "tại",
    "trên", "dưới", "đã", "đang", "sẽ", "này", "đó", "thì", "mà", "bị", "từ", "ra", "vào", "vẫn", "còn", "mới",
    "chỉ", "nên", "số", "tổng", "gồm", "như", "năm", "xã", "ubnd", "phường", "đến", "hết", "cả", "toàn",
    "một", "hai", "ba", "người", "chiếm", "ở", "khi", "đạt", "qua", "lên", "tất", "hiện", "nay", "đều",
))  # fmt: skip

__all__ = [
    "CLAUSE_CONNECTORS", "COUNTED_NOUNS", "FRAMING_PHRASES", "FUNCTION_WORDS", "MANNERS", "NAMED_SUBUNIT", "NAMED_SUBUNIT_SCOPE", "OFFICE_NAMES", "PERIODS", "POLARITIES", "SCOPES", "STAGES", "STANDING_POPULATIONS",
    "SUBSET_OPENERS", "WHOLE_MARKERS",
]  # fmt: skip
