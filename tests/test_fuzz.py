"""Fuzzing: parsers never crash or hang on any text; readers turn mutated files into clean errors."""

from __future__ import annotations

import ast
import random
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.api import extract_file
from cchc.errors import InputError
from cchc.extractors.document import nfc
from cchc.extractors.layout import classify, numbering, starts_block
from cchc.extractors.numbers import parse_number
from cchc.extractors.patterns import find_changes, find_percents, find_ranks, find_scores
from cchc.extractors.quantities import find_quantities
from cchc.extractors.readers.text import blocks_from_lines
from cchc.extractors.references import REFERENCE_RE

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ALPHABET = "0123456789,./%=:;()-+ điểmxếpthứbậctănggiảmMụcChỉsốĐđIVXhồsơ\n\tÀÁẢÃẠăâêôơưỦ"
NUMBERISH = st.text(alphabet="0123456789.,/%", max_size=40)
TEXTISH = st.text(alphabet=ALPHABET, max_size=400) | st.text(max_size=200)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NUMBERISH)
def test_parse_number_total(text: str) -> None:
    parsed = parse_number(text)
    if parsed is not None:
        assert parsed.value >= 0 and parsed.decimals >= 0


@settings(max_examples=300, deadline=None)
@given(TEXTISH)
def test_patterns_never_crash_and_stay_fast(text: str) -> None:
    started = time.perf_counter()
    for score in find_scores(text):
        assert score.max.value != 0 and text[score.start : score.end] == score.text
    find_percents(text), find_ranks(text), find_changes(text), find_quantities(text)
    list(REFERENCE_RE.finditer(text))
    numbering(text), classify(text), starts_block(text, text[::-1])
    assert time.perf_counter() - started < 2.0  # a guard against catastrophic backtracking, not a speed target


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTISH, max_size=30))
def test_text_blocks_keep_every_word(lines: list[str]) -> None:
    document = blocks_from_lines(lines)
    words_in = " ".join(nfc(line) for line in lines).split()  # soft hyphens and zero-width marks are not words
    words_out = " ".join(b.text for b in document.blocks).split()
    # a page number or a running header is dropped only with a warning that quotes it
    dropped = [word for w in document.warnings if (m := _DROPPED_RE.search(w))
               for word in ast.literal_eval(m[1]).split()]
    assert len(words_out) + len(dropped) >= len(words_in) - sum(1 for w in words_in if not w.strip())


_DROPPED_RE = re.compile(r": dropped (?:page number|running header) ('.*'|\".*\")$")


def _mutations(data: bytes, seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        buf = bytearray(data)
        kind = rng.randrange(4)
        if kind == 0:  # flip bytes
            for _ in range(rng.randrange(1, 50)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif kind == 1:  # truncate
            del buf[rng.randrange(len(buf)) :]
        elif kind == 2:  # delete a slice
            a = rng.randrange(len(buf))
            del buf[a : a + rng.randrange(1, 4096)]
        else:  # duplicate a slice
            a = rng.randrange(len(buf))
            buf[a:a] = buf[a : a + rng.randrange(1, 4096)]
        out.append(bytes(buf))
    return out


@pytest.mark.parametrize("name", ["minh-duc-2022.pdf", "minh-duc-2022.docx", "dong-hoa-2023.pdf"])
def test_mutated_files_give_records_or_clean_errors(name: str, tmp_path: Path) -> None:
    data = (SAMPLES / name).read_bytes()
    outcomes = {"record": 0, "error": 0}
    for i, mutated in enumerate(_mutations(data, seed=len(name), count=40)):
        path = tmp_path / f"m{i}{Path(name).suffix}"
        path.write_bytes(mutated)
        started = time.perf_counter()
        try:
            extract_file(path)
            outcomes["record"] += 1
        except InputError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            outcomes["error"] += 1
        assert time.perf_counter() - started < 20
    assert outcomes["record"] + outcomes["error"] == 40
