"""References are read without spaCy unless spaCy could change them (extractors/references.py).

The oracle is spaCy itself: ``spacy_references`` reads every candidate through the pipeline, as every
text was read before; ``find_references`` must give exactly the same on real report text (the samples,
the invented variants, the benchmark's reports) and on candidates set in every punctuation context.
"""

from __future__ import annotations

import importlib.util
import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest

from cchc.extractors.readers import read_document
from cchc.extractors.references import (
    REFERENCE_RE,
    SENTENCE_ENDS_BUT_PERIOD,
    find_references,
    needs_spacy,
    reference_pipeline,
    spacy_references,
)
from tests.variants import variants

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _needs_spacy(text: str) -> bool:
    return needs_spacy(text, list(REFERENCE_RE.finditer(text)))


def _with_candidates(texts: list[str]) -> list[str]:
    return [t for t in texts if REFERENCE_RE.search(t)]


def test_the_sentence_ends_are_the_sentencizers() -> None:
    from spacy.pipeline import Sentencizer

    assert set(Sentencizer.default_punct_chars) - {"."} == SENTENCE_ENDS_BUT_PERIOD
    assert reference_pipeline().get_pipe("sentencizer").punct_chars == set(Sentencizer.default_punct_chars)


def test_tokens_never_span_whitespace() -> None:
    """needs_spacy's first premise: the tokenizer splits at every whitespace character, and none of its
    special cases joins words across one (those with whitespace are whitespace only)."""
    tokenizer = reference_pipeline().tokenizer
    with_space = [key for key in tokenizer.rules if any(c.isspace() for c in key)]
    assert with_space and all(key.isspace() for key in with_space)
    doc = tokenizer("Quyết định số 855/QĐ-UBND\tngày 22/3/2023\n của  UBND\u00a0huyện Tứ Kỳ. TP.HCM")
    assert all(not any(c.isspace() for c in t.text) or t.text.isspace() for t in doc)


def _sample_blocks() -> list[str]:
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    return [b.text for p in paths for b in read_document(p).blocks]


def _variant_blocks(tmp_path: Path) -> list[str]:
    return [b.text for v in variants() if not v.table for b in read_document(v.write(tmp_path, "txt")).blocks]


def _bench_report_paragraphs(n: int = 60) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_corpus_refs", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus
    spec.loader.exec_module(corpus)
    rng, taken, texts = random.Random(15), set(), []
    for k in range(n):
        facts = corpus.invent(rng, taken)
        build = corpus.prose_report if k % 2 else corpus.table_report
        report = build(f"r{k}", facts, seed=k, n_pad=k % 9, detail=k % 3 != 0)
        texts += corpus.text_report(report).split("\n")
    return texts


def test_same_as_spacy_on_report_text(tmp_path: Path) -> None:
    texts = _sample_blocks() + _variant_blocks(tmp_path) + _bench_report_paragraphs()
    with_refs = _with_candidates(texts)
    assert len(with_refs) > 150
    assert find_references(texts) == spacy_references(texts)
    # and it is the point: no block of these reports needs spaCy
    assert [t for t in with_refs if _needs_spacy(t)] == []


REFERENCES = [
    "Quyết định số 855/QĐ-UBND ngày 22/3/2023 của UBND huyện Tứ Kỳ",
    "Kế hoạch số 29/ KH-UBND",
    "Công văn 225-CV/ĐU của Đảng ủy xã",
    "Nghị quyết số 12/2023/NQ-HĐND",
]
BEFORE = [
    "", "Căn cứ ", "ban hành ngày 5/3/2023 ", "ngày 5/3/2023 đã có ", "(", "TP. ", "TP.", "Đ/c Nguyễn Văn A. ",
    "a. ", "x.", "năm 2022. ", "ngày 5/3/2023 ra sao? ", "ngày 5/3/2023! ", "ngày 5/3/2023; ", "ngày 5/3/2023 … ",
    "ngày 5/3/2023 。", "ngày 5/3/2023 ?!", "\n", "ngày 5/3/2023 – ", "số liệu: 2.252. ", "1.", "“",
    "ngày 5/3/2023. ", "ngày 5/3/2023 tại TP.HCM ", "ngày 5/3/2023 xã.Trung ", "ngày 5/3/2023 (a. b.) ",
]
BETWEEN = [" và ", ", ", ",", "; ", ". ", ".", "(", ")(", " (", "? ", "?", "!", "\n", " ngày 1/2/2023 về ", "/", ""]
AFTER = ["", ".", " về việc ban hành", ")", "?", ". Xã A.", ", ngày 9/9/2023"]


def _combinations() -> list[str]:
    one = [b + r + a for b, r, a in itertools.product(BEFORE, REFERENCES, AFTER)]
    two = [
        b + r1 + m + r2 + a
        for b, (r1, r2), m, a in itertools.product(BEFORE[::3], itertools.permutations(REFERENCES, 2), BETWEEN, AFTER[:4])
    ]
    return one + two


def test_same_as_spacy_in_every_punctuation_context() -> None:
    texts = _combinations()
    assert find_references(texts) == spacy_references(texts)
    deferred = [t for t in texts if _needs_spacy(t)]
    assert 0 < len(deferred) < len(texts) / 2


def test_a_date_in_the_sentence_before_is_not_taken() -> None:
    """A question mark ends the sentence that holds the date: the decision after it has no date.
    Without spaCy the look-back would take 5/3/2023."""
    text = "Kế hoạch ban hành ngày 5/3/2023 đã thực hiện chưa? Quyết định số 855/QĐ-UBND của UBND huyện"
    assert _needs_spacy(text)
    ((_, ref),) = find_references([text])
    assert (ref.number, ref.date) == ("855/QĐ-UBND", None)
    # with a full stop instead, the date is not taken either (DATE_BEFORE_RE stops at a "."): no spaCy
    text = text.replace("?", ".")
    assert not _needs_spacy(text)
    ((_, ref),) = find_references([text])
    assert (ref.number, ref.date) == ("855/QĐ-UBND", None)


def test_a_date_before_in_the_same_sentence_is_taken() -> None:
    text = "UBND xã đã ban hành ngày 27/12/2021 Kế hoạch số 29/KH-UBND về cải cách hành chính."
    assert not _needs_spacy(text)
    ((_, ref),) = find_references([text])
    assert (ref.number, ref.date) == ("29/KH-UBND", "2021-12-27")


def test_candidates_sharing_a_word_go_to_spacy() -> None:
    """'UBND(Kế' is one token for spaCy: of two candidates that share it, spaCy keeps one."""
    text = "Quyết định số 1/QĐ-UBND(Kế hoạch số 2/KH-UBND)"
    assert _needs_spacy(text)
    assert len(list(REFERENCE_RE.finditer(text))) == 2
    assert find_references([text]) == spacy_references([text])
    assert [r.number for _, r in find_references([text])] == ["1/QĐ-UBND"]
    spaced = text.replace("(", "; (")
    assert not _needs_spacy(spaced)
    assert [r.number for _, r in find_references([spaced])] == ["1/QĐ-UBND", "2/KH-UBND"]


def test_results_keep_the_order_of_the_texts() -> None:
    texts = ["Quyết định số 1/QĐ-UBND(Kế hoạch số 2/KH-UBND)", "không có", "Kế hoạch số 3/KH-UBND",
             "Vì sao? Báo cáo số 4/BC-UBND."]
    assert [_needs_spacy(t) for t in texts] == [True, False, False, True]
    assert [(i, r.number) for i, r in find_references(texts)] == [(0, "1/QĐ-UBND"), (2, "3/KH-UBND"), (3, "4/BC-UBND")]


@pytest.mark.parametrize("sample", ["minh-duc-2022.pdf", "minh-duc-2022.docx", "phuoc-an-2021.docx"])
def test_extracting_a_sample_does_not_import_spacy(sample: str) -> None:
    code = (
        "import sys; from cchc.api import extract_file; "
        f"r = extract_file({str(SAMPLES / sample)!r}); "
        "print(len(r.references), 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1] == "False"
