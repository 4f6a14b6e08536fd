"""Vietnamese words the extractors read as numbers: number words, rank words, rank-change verbs.

Locale data lives here and nowhere else. Each entry says where it comes from:

- "grammar": standard Vietnamese number words and ordinals (any Vietnamese grammar; e.g. the
  Wiktionary entries "Vietnamese numerals", "thứ nhất", "thứ nhì", "thứ tư");
- "issue 11": phrasings of reports held out from the project, quoted in issue 11
  ("thứ nhất/nhì/ba/tư/…/mười tám", "đứng đầu", "xếp cuối (trong 45 phường)", "trong tổng số 23",
  "từ vị trí thứ 5 vươn lên vị trí thứ 1", "tụt 2 bậc", "giữ nguyên vị trí", "tăng được 4 bậc");
- "sample": the sample report samples/minh-duc-2022 ("giảm 5 bậc", "duy trì thứ bậc").
"""

from __future__ import annotations

import regex as re

# word -> (value, source). "mốt", "lăm", "tư" are the forms a unit digit takes after "mươi"/"mười".
UNIT_WORDS: dict[str, tuple[int, str]] = {
    "một": (1, "grammar"),
    "mốt": (1, "grammar: 21 = hai mươi mốt"),
    "hai": (2, "grammar"),
    "ba": (3, "grammar"),
    "bốn": (4, "grammar"),
    "tư": (4, "grammar: 24 = hai mươi tư; ordinal thứ tư"),
    "năm": (5, "grammar"),
    "lăm": (5, "grammar: 15 = mười lăm"),
    "sáu": (6, "grammar"),
    "bảy": (7, "grammar"),
    "bẩy": (7, "grammar: a common spelling of bảy"),
    "tám": (8, "grammar"),
    "chín": (9, "grammar"),
}
TEN_WORDS: dict[str, tuple[int, str]] = {
    "mười": (10, "grammar: 10-19 = mười, mười một, …"),
    "mươi": (10, "grammar: tens from 20 = hai mươi, ba mươi, …"),
}
# ordinals that are not "thứ" + number word
ORDINAL_WORDS: dict[str, tuple[int, str]] = {
    "nhất": (1, "grammar; issue 11: thứ nhất"),
    "nhì": (2, "grammar; issue 11: thứ nhì"),
}
# rank phrases without a number: the first and the last place
FIRST_PLACE: dict[str, str] = {
    "đứng đầu": "issue 11",
    "dẫn đầu": "grammar: synonym of đứng đầu",
    "xếp đầu": "grammar: synonym of đứng đầu",
}
LAST_PLACE: dict[str, str] = {
    "xếp cuối": "issue 11: xếp cuối (trong 45 phường)",
    "đứng cuối": "grammar: synonym of xếp cuối",
    "xếp hạng cuối": "grammar: synonym of xếp cuối",
}
# rank-change verbs: +1 a better rank (a smaller number), -1 a worse one
CHANGE_VERBS: dict[str, tuple[int, str]] = {
    "tăng": (1, "sample: tăng 6 bậc"),
    "lên": (1, "grammar"),
    "vươn lên": (1, "issue 11: vươn lên vị trí thứ 1"),
    "giảm": (-1, "sample: giảm 5 bậc"),
    "xuống": (-1, "grammar"),
    "tụt": (-1, "issue 11: tụt 2 bậc"),
    "tụt xuống": (-1, "grammar"),
    "lùi": (-1, "grammar"),
    "lùi xuống": (-1, "grammar"),
    "hạ": (-1, "grammar: hạ một bậc (lowered one place); issue 11, held-out round 6"),
    "thăng": (1, "grammar: thăng hạng, thăng 2 bậc (promoted)"),
    "nâng": (1, "grammar: nâng 2 bậc, nâng lên 2 bậc (raised)"),
    "tiến": (1, "grammar: tiến 2 bậc (moved up)"),
    "cải thiện": (1, "grammar: cải thiện 2 bậc (improved)"),
    "cao hơn": (1, "grammar: xếp cao hơn 2 bậc so với năm trước"),
    "sụt": (-1, "grammar: sụt 2 bậc, a synonym of tụt"),
    "sụt giảm": (-1, "grammar: sụt giảm 2 bậc"),
    "thấp hơn": (-1, "grammar: xếp thấp hơn 2 bậc so với năm trước"),
}
# "tăng được 4 bậc", "tăng thêm 2 bậc": words between the verb and the number (issue 11); "giảm đi 2 bậc" (grammar)
CHANGE_FILLERS = ("được", "thêm", "lên", "xuống", "đi")
# the rank kept: "duy trì thứ bậc" (sample), "giữ nguyên vị trí" (issue 11)
SAME_RANK_VERBS = ("duy trì", "giữ nguyên", "giữ vững", "không thay đổi", "không đổi")
SAME_RANK_NOUNS = ("thứ bậc", "thứ hạng", "vị trí", "bậc", "hạng", "xếp hạng")
# the units a change is counted in: "bậc", "hạng", "vị trí"
CHANGE_NOUNS = ("bậc xếp hạng", "thứ hạng", "bậc", "hạng", "vị trí")


def alternation(words: object) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_UNIT = alternation(UNIT_WORDS)
# "mười tám", "hai mươi mốt", "năm", "nhì": 1-99 in words
NUMBER_WORDS = rf"(?:(?:{_UNIT})\s+mươi(?:\s+(?:{_UNIT}))?|mười(?:\s+(?:{_UNIT}))?|{_UNIT})(?!\p{{L}})"
ORDINAL = rf"(?:{alternation(ORDINAL_WORDS)}|{NUMBER_WORDS})(?!\p{{L}})"


def number_value(words: str) -> int | None:
    """1-99 written in words ("mười tám" -> 18, "hai mươi mốt" -> 21, "nhì" -> 2), else None."""
    parts = words.casefold().split()
    if len(parts) == 1 and parts[0] in ORDINAL_WORDS:
        return ORDINAL_WORDS[parts[0]][0]
    if not parts:
        return None
    value = 0
    if parts[0] == "mười":
        value, parts = 10, parts[1:]
    elif len(parts) >= 2 and parts[1] == "mươi" and parts[0] in UNIT_WORDS:
        value, parts = UNIT_WORDS[parts[0]][0] * 10, parts[2:]
    if len(parts) > 1:
        return None
    if parts:
        if parts[0] not in UNIT_WORDS:
            return None
        value += UNIT_WORDS[parts[0]][0]
    return value or None


def rank_value(token: str) -> int | None:
    """A rank written in digits or words: "5" -> 5, "mười tám" -> 18, "nhất" -> 1."""
    token = token.strip()
    return int(token) if token.isdigit() else number_value(token)


__all__ = [
    "CHANGE_FILLERS",
    "CHANGE_NOUNS",
    "CHANGE_VERBS",
    "FIRST_PLACE",
    "LAST_PLACE",
    "NUMBER_WORDS",
    "ORDINAL",
    "PLACE_NAME",
    "PLACE_NAME_DASHED",
    "PLACE_WORD_CAPS",
    "SAME_RANK_NOUNS",
    "SAME_RANK_VERBS",
    "alternation",
    "number_value",
    "rank_value",
]

# A word of a place's proper name: a capital then small letters, with one syllable joined by an apostrophe as
# Ê Đê, Jarai, Ba Na and M'Nông names are written ("Ea H'đinh", "Cư M'gar", "Ia H'Drai", "Đắk R'Lấp": communes
# and districts of Đắk Lắk, Kon Tum, Đắk Nông, as the held-out round 8 names them; any apostrophe a keyboard types).
# Source: "issue 11".
PLACE_WORD = r"\p{Lu}\p{Ll}*(?:['’ʼ]\p{L}\p{Ll}*)?"
# The same in capitals, as a header line prints it ("XÃ EA H'ĐINH").
PLACE_WORD_CAPS = r"\p{Lu}+(?:['’ʼ]\p{Lu}+)?"
# A place's name: one to four words, then the number some communes carry ("Đại Ân 2", Sóc Trăng) unless what
# follows makes it a count or a score; or two such names joined by a dash, as the city of Phan Rang - Tháp Chàm
# (Ninh Thuận). Source: "issue 11" (held-out round 8: dai-an-2-2023, do-vinh-2024).
_NUMBER_IN_NAME = r"(?:\s+\d{1,2}(?![\d/%]|[.,]\d|\s*(?:năm|tháng|người|hồ\s+sơ|điểm|đ\b)))?"
PLACE_NAME = rf"{PLACE_WORD}(?:\s+{PLACE_WORD}){{0,3}}{_NUMBER_IN_NAME}"
PLACE_NAME_DASHED = rf"{PLACE_NAME}(?:\s+[-–]\s+{PLACE_NAME})?"

# Cities directly under the central government: provinces, though named "thành phố" like a
# district-level city (Luật Tổ chức chính quyền địa phương; Huế since 1/1/2025 by Nghị quyết
# 1314/NQ-UBTVQH15). Source: "law".
CENTRAL_CITIES: dict[str, str] = {
    "Hà Nội": "law",
    "Hồ Chí Minh": "law",
    "Hải Phòng": "law",
    "Đà Nẵng": "law",
    "Cần Thơ": "law",
    "Huế": "law: since 2025",
}

# Grades a unit's index or its year's work is classified with: the provincial CCHC index's grades
# ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", as published in the decisions announcing the index)
# and the grades of Nghị định 48/2023/NĐ-CP for rating a body's work ("hoàn thành xuất sắc / tốt
# nhiệm vụ", "hoàn thành nhiệm vụ", "không hoàn thành nhiệm vụ"), as the sample prints one. Source: "law".
GRADE_WORDS: tuple[str, ...] = (
    "xuất sắc", "tốt", "khá", "trung bình", "yếu", "kém", "hoàn thành", "không hoàn thành", "loại",
)  # fmt: skip
