"""The one normalisation shared by the framework matcher, the checker, the batch rules and the store."""

from __future__ import annotations

import unicodedata

import pytest

from cchc.checker.batch_rules import _key as batch_key
from cchc.checker.rules import fold as checker_fold
from cchc.extractors.framework import generic_framework
from cchc.extractors.normalize import fold, fold_loose
from cchc.store.store import fold as store_fold

# (one spelling, another spelling of the same name): each pair must fold alike
SAME = [
    ("Thanh Hoà", "Thanh Hòa"),  # old and new tone placement on a final "oa"
    ("Thuỷ Nguyên", "Thủy Nguyên"),  # ... on a final "uy"
    ("khoẻ", "khỏe"),  # ... on a final "oe"
    (unicodedata.normalize("NFD", "Minh Đức"), "Minh Đức"),  # decomposed Unicode, as some PDFs give
    ("  MINH   ĐỨC ", "minh đức"),  # capitals and spaces
    ("Hồ sơ TTHC", "hồ sơ tthc"),
]
# different words that must stay apart
DIFFERENT = [
    ("hồ sơ", "hộ"),
    ("Hoàn", "Hòan"),  # a tone before a final consonant is not moved ("hoàn" is the only spelling)
    ("quý", "qúy"),  # "qu" is a consonant: the tone stays on y
    ("Đức", "Dục"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_name_fold_alike_everywhere(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert store_fold(a) == store_fold(b)
    assert batch_key(a) == batch_key(b)
    assert checker_fold(a) == checker_fold(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_keeps_the_letters_and_new_tone_placement() -> None:
    assert fold(" Xã  THANH HOÀ ") == "xã thanh hòa"
    assert store_fold(None) == "" and batch_key(None) is None


def test_loose_fold_drops_diacritics_and_punctuation_for_titles_with_typing_errors() -> None:
    assert fold_loose("Cái cách thể chế") == fold_loose("Cải cách thể chế") == "cai cach the che"
    assert fold_loose("chỉ đạo, điều hành") == "chi dao dieu hanh"
    framework = generic_framework()
    assert framework.match_title("2. Cái cách thể chế") == "2"
    assert framework.match_title("Về CẢI CÁCH THỦ TỤC HÀNH CHÍNH") == "3"
    assert framework.match_title("Kết quả khác") is None
