"""The benchmark corpus builder (bench/corpus.py) makes valid reports of the requested size that state
the values it records: built here, read back with cchc.api.extract_file."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from cchc.api import extract_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench-corpus")
    rng = random.Random(7)
    taken: set[str] = set()
    docs = {}
    for name, kind, pages in (("prose-2p", "prose", 2), ("table-3p", "table", 3), ("docx-2p", "docx", 2)):
        facts = corpus.invent(rng, taken)
        docs[kind] = (facts, corpus.build_document(corpus.DocSpec(name, kind, pages, 99), folder, facts))
    return docs


@pytest.mark.parametrize("kind, pages", [("prose", 2), ("table", 3)])
def test_pdf_has_the_requested_pages(built, kind: str, pages: int) -> None:
    _, doc = built[kind]
    assert doc.pages == pages
    pdf = pdfium.PdfDocument(doc.path)
    try:
        assert len(pdf) == pages
        assert "BÁO CÁO" in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


@pytest.mark.parametrize("kind", ["prose", "table", "docx"])
def test_extraction_reads_back_the_stated_values(built, kind: str) -> None:
    facts, doc = built[kind]
    record = extract_file(doc.path)
    # the builder's numbers: overall is the sum of the ten criterion scores it drew
    assert doc.overall == float(sum(facts.scores))
    assert record.overall.score == doc.overall
    assert record.overall.max_score == 100.0
    assert record.meta.unit_name == facts.commune
    got = {c.code: c for c in record.criteria}
    assert got["3"].score == doc.criteria["3"] == float(facts.scores[2])
    assert got["3"].max_score == 18.5
    assert {code: c.score for code, c in got.items()} == doc.criteria
    assert record.source.format == ("docx" if kind == "docx" else "pdf")


def test_docx_is_nominally_two_pages_and_names_are_invented(built, corpus) -> None:
    _, doc = built["docx"]
    assert doc.pages == 2 and doc.path.endswith(".docx")
    names = {built[k][0].commune for k in built}
    assert len(names) == 3
    assert all(name.split()[0] in corpus.SYLLABLES and name.split()[1] in corpus.SYLLABLES for name in names)


def test_plan_is_deterministic_and_covers_2_to_60_pages(corpus) -> None:
    plan = corpus.plan(quick=False, seed=1)
    assert plan == corpus.plan(quick=False, seed=1)
    pages = [s.pages for s in plan if s.kind in ("prose", "table")]
    assert min(pages) == 2 and max(pages) == 60
    assert {s.kind for s in plan} == {"prose", "table", "docx", "scan"}
    assert "scan" not in {s.kind for s in corpus.plan(quick=True, scans=False)}
