"""styles.xml read through the byte index (docx_styles.py): the same styles as parsing the whole part.

Each case is a styles.xml written here by hand: the shapes Word, LibreOffice, python-docx and
ElementTree write are indexed; anything the index does not understand falls back to the whole
part's parse. Either way every style resolves as the full parse resolves it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from cchc.errors import CorruptFileError
from cchc.extractors.readers import docx as docx_reader
from cchc.extractors.readers.docx import W_STRICT, W_TRANSITIONAL, Styles, parse_part, read_docx
from cchc.extractors.readers.docx_styles import CHUNK, MAX_CHUNK, StyleIndex
from cchc.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PART = "word/styles.xml"

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = (
    f'<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="{W_TRANSITIONAL}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
)
HEAD = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    "</w:rPr></w:rPrDefault></w:docDefaults>"
    '<w:latentStyles w:defQFormat="0" w:count="2"><w:lsdException w:name="heading 1" w:uiPriority="9"/>'
    '<w:lsdException w:name="Title"/></w:latentStyles>'
)
NORMAL = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
HEADING = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
)
STYLES = (
    NORMAL
    + HEADING
    + '<w:style w:type="paragraph" w:styleId="MucLon"><w:name w:val="Mục lớn"/><w:basedOn w:val="Heading1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TieuDe"><w:name w:val="Tiêu đề 2"/></w:style>'
    '<w:style w:type="character" w:styleId="Dam"><w:name w:val="Đậm VnTime"/>'
    '<w:rPr><w:rFonts w:ascii=".VnTime"/><w:b/><w:caps w:val="0"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="LuoiBang"><w:name w:val="Table Grid"/>'
    '<w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Rong"/>'
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal again"/></w:style>'
)
END = "</w:styles>"
PLAIN = DECL + ROOT + HEAD + STYLES + END

PRETTY = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    + ROOT.replace(" xmlns:w=", "\n\txmlns:w=")
    + "\n  "
    + HEAD
    + "\n  "
    + STYLES.replace('"', "'")
    .replace("</w:style>", "</w:style >\n  ")
    .replace(" w:styleId=", "\n    w:styleId = ")
    + "\n"
    + END
    + "\n"
)

# (case, styles.xml, namespace, indexed)
CASES: list[tuple[str, bytes, str, bool]] = [
    ("Word / python-docx", PLAIN.encode(), W_TRANSITIONAL, True),
    ("pretty-printed, single quotes, blanks in tags", PRETTY.encode(), W_TRANSITIONAL, True),
    (
        "byte order mark, no declaration",
        b"\xef\xbb\xbf" + (ROOT + HEAD + STYLES + END).encode(),
        W_TRANSITIONAL,
        True,
    ),
    (
        "ElementTree's ns0 prefix",
        PLAIN.replace("w:", "ns0:").replace("xmlns:w=", "xmlns:ns0=").encode(),
        W_TRANSITIONAL,
        True,
    ),
    ("strict namespace", PLAIN.replace(W_TRANSITIONAL, W_STRICT).encode(), W_STRICT, True),
    ("no docDefaults before the first style", (DECL + ROOT + STYLES + END).encode(), W_TRANSITIONAL, False),
    ("'!' and '?' in names", PLAIN.replace("Tiêu đề 2", "Tiêu đề 2?!").encode(), W_TRANSITIONAL, True),
    (
        "a comment between styles",
        PLAIN.replace(HEADING, "<!-- h1 -->" + HEADING).encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "CDATA that looks like a style",
        PLAIN.replace(
            '<w:name w:val="Normal"/>',
            '<w:name w:val="Normal"/><w:x><![CDATA[</w:style><w:style w:styleId="Gia">]]></w:x>',
        ).encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "a processing instruction",
        PLAIN.replace(HEADING, "<?cchc x?>" + HEADING).encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "windows-1252",
        PLAIN.replace("UTF-8", "windows-1252")
        .replace("Mục lớn", "Título")
        .replace("Tiêu đề 2", "Encabezado 2")
        .replace("Đậm", "Énfasis")
        .encode("cp1252"),
        W_TRANSITIONAL,
        False,
    ),
    ("UTF-16", PLAIN.replace("UTF-8", "UTF-16").encode("utf-16"), W_TRANSITIONAL, False),
    (
        "character reference in a styleId",
        PLAIN.replace('"Heading1"', '"Heading&#49;"').encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "new line in a styleId",
        PLAIN.replace('w:styleId="TieuDe"', 'w:styleId="Tieu\nDe"').encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "the namespace bound to a second prefix",
        PLAIN.replace(ROOT, ROOT.replace(">", f' xmlns:ww="{W_TRANSITIONAL}">'))
        .replace(END, '<ww:style ww:type="paragraph" ww:styleId="Ww"><ww:name ww:val="ww"/></ww:style>' + END)
        .encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "a declaration on a style",
        PLAIN.replace(
            HEADING, HEADING.replace("<w:style ", f'<w:style xmlns:w="{W_TRANSITIONAL}" ')
        ).encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "a style declaring its own prefix before the first",
        PLAIN.replace(
            NORMAL, f'<x:style xmlns:x="{W_TRANSITIONAL}" x:type="paragraph" x:styleId="X"/>' + NORMAL
        ).encode(),
        W_TRANSITIONAL,
        False,
    ),
    (
        "a style in a wrapper before the first",
        PLAIN.replace(
            NORMAL,
            '<mc:AlternateContent><mc:Choice Requires="w14">'
            + NORMAL
            + "</mc:Choice></mc:AlternateContent>"
            + HEADING,
        ).encode(),
        W_TRANSITIONAL,
        False,
    ),
    ("text between styles", PLAIN.replace(HEADING, "x" + HEADING).encode(), W_TRANSITIONAL, False),
    (
        "a style in a style",
        PLAIN.replace("</w:style>" + HEADING, HEADING + "</w:style>").encode(),
        W_TRANSITIONAL,
        False,
    ),
    ("an element after the styles", PLAIN.replace(END, "<w:x/>" + END).encode(), W_TRANSITIONAL, False),
    (
        "default namespace",
        PLAIN.replace("w:", "").replace("xmlns:w=", "xmlns=").encode(),
        W_TRANSITIONAL,
        False,
    ),
    ("no styles", (DECL + ROOT + HEAD + END).encode(), W_TRANSITIONAL, False),
]


def resolved(styles: Styles, ids: list[str]) -> tuple:
    """Everything the reader asks of the styles, in the order a walk asks it; the ids listed last."""
    asked = [None, *ids, "KhongCo"]
    return (
        [styles.para(sid) for sid in asked],
        styles.default_para,
        styles.defaults,
        [sid in styles for sid in asked],
        [styles.style(sid) for sid in ids],
        [styles.char(sid) for sid in ids],
        [styles.table_borders(sid) for sid in asked],
        sorted(styles.elements),
    )


def full(data: bytes, ns: str) -> Styles:
    return Styles.from_root(parse_part("x.docx", PART, data), docx_reader._w(ns))


def indexed_styles(data: bytes, ns: str, chunk: int = CHUNK) -> Styles:
    """Styles read through the index from ``data`` in chunks of ``chunk`` bytes (growing from there by default)."""
    index = StyleIndex(
        io.BytesIO(data).read, ns, parse_styles, parse_styles, chunk, chunk if chunk < CHUNK else MAX_CHUNK
    )
    return Styles.from_index(index, docx_reader._w(ns))


def parse_styles(xml: bytes) -> etree._Element:
    return parse_part("x.docx", PART, xml)


@pytest.mark.parametrize("chunk", [1, 7, 64, CHUNK])
@pytest.mark.parametrize(("case", "data", "ns", "indexed"), CASES, ids=[c[0] for c in CASES])
def test_index_resolves_every_style_as_the_full_parse(
    case: str, data: bytes, ns: str, indexed: bool, chunk: int
) -> None:
    expected = full(data, ns)
    ids = sorted(expected.elements)
    styles = indexed_styles(data, ns, chunk)
    assert resolved(styles, ids) == resolved(expected, ids)
    assert isinstance(styles.elements, StyleIndex) and styles.elements.parsed_whole is not indexed


def test_index_reads_only_as_far_as_the_styles_asked_for() -> None:
    stream = io.BytesIO(PLAIN.encode())
    index = StyleIndex(stream.read, W_TRANSITIONAL, parse_styles, parse_styles, 64, 64)
    assert index.default_para == "Normal" and "Heading1" in index
    assert stream.tell() < PLAIN.encode().index(b'w:styleId="TieuDe"')
    assert "KhongCo" not in index and stream.tell() == len(PLAIN.encode()) and not index.parsed_whole


def test_odd_shape_after_the_styles_answered() -> None:
    """Styles answered from the index, then the rest parsed whole: the answers agree with the whole part's."""
    data = PLAIN.replace(END, "<!-- end --><w:x/>" + END).encode()
    expected = full(data, W_TRANSITIONAL)
    styles = indexed_styles(data, W_TRANSITIONAL, 64)
    index = styles.elements
    assert isinstance(index, StyleIndex)
    assert styles.para("Heading1") == expected.para("Heading1") and not index.parsed_whole
    assert "KhongCo" not in styles and index.parsed_whole
    assert styles.para("MucLon") == expected.para("MucLon") and styles.char("Dam") == expected.char("Dam")


def test_plain_case_values() -> None:
    """The hand-written styles resolve to what the XML says (not only to what the full parse says)."""
    styles = indexed_styles(PLAIN.encode(), W_TRANSITIONAL)
    assert styles.default_para == "Normal" and styles.defaults == ("Times New Roman", None, None, None)
    assert styles.style("Normal").name == "Normal"  # the first of a duplicated id
    muc_lon = styles.para("MucLon")
    assert (muc_lon.name, muc_lon.heading, muc_lon.num_id, muc_lon.ilvl) == ("Mục lớn", 1, "3", 1)
    assert muc_lon.props == ("Times New Roman", True, None, None)
    assert styles.para("TieuDe").heading == 2 and styles.para(None).name == "Normal"
    assert styles.char("Dam") == (".VnTime", True, False, None)
    assert styles.table_borders("LuoiBang") and not styles.table_borders("Rong")
    assert "Gia" not in indexed_styles(CASES[8][1], W_TRANSITIONAL)


def test_word_files_index_as_they_parse(tmp_path: Path) -> None:
    """The samples (Word) and a python-docx file with styles added: every style, indexed and parsed whole."""
    d = docx.Document()
    base = d.styles.add_style("Mục Số", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    d.styles.add_style("Mục Số Con", WD_STYLE_TYPE.PARAGRAPH).base_style = base
    d.styles.add_style("Nhấn", WD_STYLE_TYPE.CHARACTER).font.all_caps = True
    d.add_paragraph("Nội dung.", style="Mục Số Con")
    d.save(str(tmp_path / "built.docx"))
    paths = [*sorted(SAMPLES.glob("*.docx")), tmp_path / "built.docx"]
    for path in paths:
        data = docx_reader.read_package(path, Settings())[PART]
        expected = full(data, W_TRANSITIONAL)
        ids = sorted(expected.elements)
        styles = indexed_styles(data, W_TRANSITIONAL)
        assert resolved(styles, ids) == resolved(expected, ids), path.name
        assert isinstance(styles.elements, StyleIndex) and not styles.elements.parsed_whole


def test_samples_read_the_same_without_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    indexed = {path: read_docx(path, Settings()) for path in sorted(SAMPLES.glob("*.docx"))}
    monkeypatch.setattr(StyleIndex, "_start", lambda self: False)  # every styles.xml parsed whole
    for path, doc in indexed.items():
        assert read_docx(path, Settings()) == doc, path.name


def test_malformed_styles(tmp_path: Path) -> None:
    """A style the document uses must be well-formed; one it never uses is not read, like the parts never opened."""
    broken_heading = PLAIN.replace('<w:outlineLvl w:val="0"/>', "<w:outlineLvl>").encode()
    styles = indexed_styles(broken_heading, W_TRANSITIONAL)
    assert styles.para("Normal").name == "Normal"
    with pytest.raises(CorruptFileError, match=r"^x.docx: malformed XML in word/styles.xml \("):
        styles.para("Heading1")
    broken_head = PLAIN.replace("</w:latentStyles>", "").encode()
    with pytest.raises(CorruptFileError, match=r"^x.docx: malformed XML in word/styles.xml \("):
        indexed_styles(broken_head, W_TRANSITIONAL)


SNIPPETS = [
    "<!-- c -->",
    "<?cchc pi?>",
    "<w:x/>",
    "x",
    "\n\t ",
    '<w:style w:type="paragraph" w:styleId="Moi"/>',
]


def test_any_snippet_at_any_tag_boundary_resolves_as_the_full_parse() -> None:
    """Comments, PIs, stray elements, text, blanks and a new style put before every tag of the plain case."""
    plain = PLAIN.encode()
    boundaries = [i for i, byte in enumerate(plain) if byte == ord("<") and i > len(DECL)]
    checked = 0
    for i in boundaries:
        for snippet in SNIPPETS:
            data = plain[:i] + snippet.encode() + plain[i:]
            try:
                expected = full(data, W_TRANSITIONAL)
            except CorruptFileError:
                continue  # not well-formed there (text or a style outside the root)
            ids = sorted(expected.elements)
            for chunk in (7, CHUNK):
                assert resolved(indexed_styles(data, W_TRANSITIONAL, chunk), ids) == resolved(
                    expected, ids
                ), (
                    i,
                    snippet,
                )
            checked += 1
    assert checked > 5 * len(boundaries)
