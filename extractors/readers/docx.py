"""DOCX backend: body paragraphs and tables in document order, Word numbering rebuilt.

The package is read with :mod:`zipfile` and parsed with a hardened lxml parser (no DTD, no
entities, no network), not through python-docx: sizes are checked from the ZIP directory
before anything is inflated, only the parts the reader uses are inflated (the document, its
relationships, styles and numbering), each refused if it carries a DOCTYPE, and walking
the body element directly is several times faster than python-docx's proxy objects. Of
styles.xml only the styles the document asks for are parsed (:mod:`.docx_styles`).

Blocks:
- a paragraph is one block; its Word automatic number (numbering.xml) is rebuilt, put in
  ``label`` and prepended to ``text``; empty paragraphs give no block but still count in
  ``Provenance.paragraph`` (index among the paragraphs of the body outside tables, block-level
  content controls unwrapped; equal to python-docx's ``Document.paragraphs`` index otherwise);
- a data table is one TABLE block; merged cells are *repeated* in every grid cell they cover
  (horizontal ``gridSpan`` and vertical ``vMerge``), so every row has the grid's width;
- a layout table (the header "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …" or the
  signature block; the first body element or a borderless table, with a motto / issuing body /
  "Số:" / place-and-date / signature line) is split into one block per cell paragraph (and per
  soft line break): left column top to bottom, then the next column, with ``Provenance(table=t)``;
- text boxes anchored in a paragraph follow it as blocks with the anchor's provenance;
- a DOCX made by a PDF-to-Word converter (paragraphs that are printed lines, broken in
  mid-sentence) has its body paragraphs re-flowed like text lines (:mod:`.reflow`), a block then
  listing each paragraph it took in ``lines``.

Run text: ``w:t``, tabs and line breaks as spaces, inserted and moved-to text, field results,
hyperlinks, content controls (not their placeholders); deleted/moved-from text, field codes and
hidden (``w:vanish``) runs are dropped. Text goes through :func:`legacy.decode_run` with its
font (``w:rFonts`` hAnsi, else ascii; direct, character style, paragraph style, document
defaults), adjacent runs of the same font together, then ``w:caps`` upper-cases it; a run too short to
show its legacy encoding takes the one the whole body is in (:func:`legacy_encoding`).

Kinds: heading by paragraph style ("heading N", "Title", a style id "HeadingN" under a localized
name, an outline level in the style or paragraph) or by direct formatting (the whole paragraph
bold and at most 200 characters, not a bullet); otherwise :func:`layout.classify`. ``level`` is
the numbering depth of the text when it has one (as in the text and PDF readers), else the style's.
"""

from __future__ import annotations

import posixpath
import re as std_re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import regex as re
from lxml import etree

from cchc.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    LimitExceededError,
    UnsupportedFormatError,
)
from cchc.extractors.document import Block, BlockKind, Document, Provenance, nfc
from cchc.extractors.layout import PLACE_DATE_RE, classify, is_bullet, rejoins_cut_word
from cchc.extractors.legacy_fonts import decode_run, detect_legacy
from cchc.extractors.readers.docx_pictures import MIN_BLOCKS_BEFORE, Picture, picture_in, read_pictures
from cchc.extractors.readers.docx_styles import StyleIndex, styles_of_root
from cchc.extractors.readers.reflow import CONVERTED_WARNING, looks_converted, reflow, split_header_blocks
from cchc.settings import DEFAULT_SETTINGS, Settings

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_RATIO = 200
RATIO_MIN_BYTES = 1 << 20
MAX_PARTS = 10_000
BOLD_HEADING_MAX_CHARS = 200
MAX_COLUMNS = 64  # Word allows 63; caps gridSpan/gridBefore from hostile files

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"

MC_ALT, MC_CHOICE, MC_FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
M_T = f"{{{M}}}t"
M_MATH = (f"{{{M}}}oMath", f"{{{M}}}oMathPara")

FALSE_VALUES = {"0", "false", "off", "none"}
HEADING_NAME_RE = re.compile(r"^(?:heading|tiêu\s*đề|đề\s*mục)\s*([1-9])$", re.IGNORECASE)
TITLE_NAMES = {"title", "tiêu đề"}
LAYOUT_LINE_RE = re.compile(
    r"^\s*(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do|ỦY\s+BAN\s+NHÂN\s+DÂN"
    r"|UỶ\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|ĐẢNG\s+(?:ỦY|UỶ|BỘ)|UBND\b|Số\s*:|Nơi\s+nhận\s*:"
    r"|(?:TM|KT|TL|TUQ)\s*\.|CHỦ\s+TỊCH\b)",
)


class _W:
    """Qualified tag and attribute names in one WordprocessingML namespace (transitional or strict)."""

    NAMES = """
    body p pPr rPr r t tab ptab br cr noBreakHyphen softHyphen delText instrText fldChar fldSimple ins moveTo
    moveFrom hyperlink smartTag customXml sdt sdtContent sdtPr showingPlcHdr dir bdo drawing pict
    object txbxContent tbl tr tc tblPr tcPr trPr gridSpan vMerge gridBefore tblBorders tblStyle
    pStyle rStyle numPr numId ilvl outlineLvl rFonts b caps vanish style name basedOn docDefaults
    rPrDefault abstractNum abstractNumId num lvl start numFmt lvlText lvlRestart suff isLgl
    lvlOverride startOverride numStyleLink val styleId type default fldCharType ascii hAnsi
    sectPr titlePg headerReference
    """.split()  # noqa: SIM905

    def __init__(self, ns: str) -> None:
        self.ns = ns
        for name in self.NAMES:
            setattr(self, name, f"{{{ns}}}{name}")
        self.del_ = f"{{{ns}}}del"
        # inline wrappers whose content is read as the paragraph's own
        self.wrappers = frozenset(
            f"{{{ns}}}{name}" for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
        )

    def __getattr__(self, name: str) -> str:  # for type checkers: every name above is a str
        raise AttributeError(name)


@lru_cache(maxsize=2)
def _w(ns: str) -> _W:
    return _W(ns)


# ---------------------------------------------------------------------------------------------
# Package: ZIP with size checks, XML parts refused when they carry a DOCTYPE
# ---------------------------------------------------------------------------------------------

# Entities can only be declared in a DOCTYPE, and a DOCTYPE only in the prolog (before the root).
# Atomic groups: a processing instruction or comment ends at its first "?>" / "-->", never later.
_PROLOG_DOCTYPE_RE = re.compile(r"\A\ufeff?(?>\s+|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", re.DOTALL)
_PROLOG_DOCTYPE_BYTES_RE = std_re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?>\s+|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", std_re.DOTALL
)


def has_doctype(data: bytes) -> bool:
    """Whether an XML part declares a DOCTYPE (in UTF-8, UTF-16 or UTF-32)."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        for enc in ("utf-32", "utf-16", "utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if text.lstrip("\ufeff").startswith(("<", " ", "\n", "\r", "\t")):
                return bool(_PROLOG_DOCTYPE_RE.match(text))
        return b"D\x00O\x00C\x00T\x00Y\x00P\x00E" in data or b"\x00D\x00O\x00C\x00T\x00Y\x00P\x00E" in data
    return bool(_PROLOG_DOCTYPE_BYTES_RE.match(data))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


class Package:
    """An open DOCX/XLSX package whose ZIP directory passed the size checks; XML parts inflated on request.

    Only the parts a reader asks for are inflated and checked for a DOCTYPE: a Word file carries
    about 800 KB of XML the reader never looks at (``stylesWithEffects.xml``, the theme, settings).
    """

    def __init__(self, name: str, zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> None:
        self.name = name
        self._zf = zf
        self._infos = infos
        self._streams: list[IO[bytes]] = []
        self.rels: dict[str, list[tuple[etree._Element, str, str]]] = {}  # read once a part (_internal_rels)

    @property
    def names(self) -> list[str]:
        """The XML parts (``.xml``, ``.rels``), lower-cased, in the ZIP directory's order."""
        return list(self._infos)

    def __contains__(self, part: object) -> bool:
        return part in self._infos

    def get(self, part: str) -> bytes | None:
        """The part's bytes (None when absent); CorruptFileError if it cannot be unpacked or has a DOCTYPE."""
        info = self._infos.get(part)
        if info is None:
            return None
        try:
            data = self._zf.read(info)
        except _UNPACK_ERRORS as exc:
            raise self._cannot_unpack(info, exc) from exc
        return self.checked(part, data)

    def media(self, part: str) -> bytes | None:
        """A binary part's bytes (a picture; its size was checked on opening), None when absent or unreadable."""
        info = next((i for i in self._zf.infolist() if i.filename.lstrip("/").lower() == part.lower()), None)
        if info is None or info.is_dir():
            return None
        try:
            return self._zf.read(info)
        except _UNPACK_ERRORS:
            return None

    def _cannot_unpack(self, info: zipfile.ZipInfo, exc: BaseException) -> CorruptFileError:
        return CorruptFileError(self.name, f"cannot unpack {info.filename} ({_short(exc)})")

    def checked(self, part: str, data: bytes) -> bytes:
        """``data`` of ``part``, refused (CorruptFileError) if it declares a DOCTYPE."""
        if has_doctype(data):
            filename = self._infos[part].filename if part in self._infos else part
            raise CorruptFileError(self.name, f"XML DOCTYPE/entities are not allowed (in {filename})")
        return data

    def stream(self, part: str) -> Callable[[int], bytes] | None:
        """``read(n)``: the part's next (up to) n inflated bytes, b"" at its end (None when absent).

        Not checked for a DOCTYPE: the caller checks what it parses (:meth:`checked`). The part's
        CRC is checked when it is read to the end.
        """
        info = self._infos.get(part)
        if info is None:
            return None
        try:
            fh = self._zf.open(info)
        except _UNPACK_ERRORS as exc:
            raise self._cannot_unpack(info, exc) from exc
        self._streams.append(fh)

        def read(n: int) -> bytes:
            try:
                return fh.read(n)
            except _UNPACK_ERRORS as exc:
                raise self._cannot_unpack(info, exc) from exc

        return read

    def close(self) -> None:
        for fh in self._streams:
            fh.close()
        self._streams.clear()


_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError)


@contextmanager
def open_package(path: Path, settings: Settings) -> Iterator[Package]:
    """Open a DOCX/XLSX: refuse OLE files, broken ZIPs, too many or too large parts and zip bombs."""
    name = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise CorruptFileError(name, f"cannot read the file ({exc.strerror or exc})") from exc
    if head.startswith(OLE_MAGIC):
        raise _ole_error(path)
    try:
        zf = zipfile.ZipFile(path)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        OSError,
        EOFError,
    ) as exc:
        raise CorruptFileError(name, f"not a valid DOCX: the ZIP package is broken ({_short(exc)})") from exc
    with zf:
        all_infos = zf.infolist()
        if len(all_infos) > MAX_PARTS:
            raise LimitExceededError(name, f"{len(all_infos)} parts in the package, over {MAX_PARTS}")
        limit = settings.max_docx_xml_bytes
        total = 0
        infos: dict[str, zipfile.ZipInfo] = {}
        for info in all_infos:
            if info.file_size > limit:
                raise LimitExceededError(
                    name,
                    f"part {info.filename} unpacks to {info.file_size} bytes, over the limit of {limit} "
                    "(max_docx_xml_bytes)",
                )
            if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise LimitExceededError(name, f"part {info.filename} is compressed {ratio}:1 (a zip bomb)")
            if not info.filename.lower().endswith((".xml", ".rels")) or info.is_dir():
                continue
            total += info.file_size
            if total > 2 * limit:
                raise LimitExceededError(
                    name, f"XML parts unpack to over {2 * limit} bytes (max_docx_xml_bytes)"
                )
            infos[info.filename.lstrip("/").lower()] = info
        package = Package(name, zf, infos)
        try:
            yield package
        finally:
            package.close()


def read_package(path: Path, settings: Settings) -> dict[str, bytes]:
    """Every XML part of a DOCX/XLSX (lower-cased names), checked for size, zip bombs and DOCTYPEs."""
    with open_package(path, settings) as package:
        return {part: package.get(part) or b"" for part in package.names}


def _ole_error(path: Path) -> Exception:
    """An OLE container: a password-protected OOXML file, or an old binary Word file."""
    marker = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            if marker in tail + chunk:
                return EncryptedFileError(
                    str(path), "a password-protected (encrypted) Word document; remove the password"
                )
            tail = chunk[-len(marker) :]
    return UnsupportedFormatError(
        str(path), "an old Word (.doc/OLE) file; convert it to .docx (LibreOffice: soffice --convert-to docx)"
    )


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def parse_part(name: str, part: str, data: bytes) -> etree._Element:
    """Parse one XML part with the hardened parser; DOCTYPEs and syntax errors are CorruptFileError."""
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise CorruptFileError(name, f"malformed XML in {part} ({_short(exc)})") from exc
    if root.getroottree().docinfo.doctype:
        raise CorruptFileError(name, f"XML DOCTYPE/entities are not allowed (in {part})")
    return root


def _internal_rels(package: Package, source: str) -> list[tuple[etree._Element, str, str]]:
    """(relationship, its Target as written, the internal part name it points to) for ``source``'s rels, in order;
    external targets left out. Read once a part (the styles, the pictures and the page headers all ask)."""
    known = package.rels.get(source)
    if known is None:
        known = package.rels[source] = list(_read_internal_rels(package, source))
    return known


def _read_internal_rels(package: Package, source: str) -> Iterator[tuple[etree._Element, str, str]]:
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    data = package.get(rels_name)
    if data is None:
        return
    for rel in parse_part(package.name, rels_name, data):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        yield rel, target, full.lower()


def _rel_targets(package: Package, source: str) -> dict[str, str]:
    """Relationship type suffix (e.g. "styles") -> internal part name, for ``source``'s rels."""
    out: dict[str, str] = {}
    for rel, _, full in _internal_rels(package, source):
        out.setdefault((rel.get("Type") or "").rsplit("/", 1)[-1], full)
    return out


# ---------------------------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------------------------

# Run properties: (font, bold, caps, vanish); None = not set at this level.
Props = tuple[str | None, bool | None, bool | None, bool | None]
NO_PROPS: Props = (None, None, None, None)


def _merge(base: Props, over: Props) -> Props:
    f, b, c, v = over
    return (
        base[0] if f is None else f,
        base[1] if b is None else b,
        base[2] if c is None else c,
        base[3] if v is None else v,
    )


def _toggle(el: etree._Element, w: _W) -> bool:
    return (el.get(w.val) or "true").lower() not in FALSE_VALUES


def run_props(rpr: etree._Element | None, w: _W) -> Props:
    """The run properties cchc cares about, as set directly in ``rpr``."""
    return NO_PROPS if rpr is None else _run_props_and_style(rpr, w)[0]


def _run_props_and_style(rpr: etree._Element, w: _W) -> tuple[Props, str | None]:
    """``run_props`` and the character style (the first ``w:rStyle``'s value), in one pass."""
    font = bold = caps = vanish = None
    rstyle: etree._Element | None = None
    for child in rpr:
        tag = child.tag
        if tag == w.rFonts:
            font = child.get(w.hAnsi) or child.get(w.ascii) or font
        elif tag == w.b:
            bold = _toggle(child, w)
        elif tag == w.caps:
            caps = _toggle(child, w)
        elif tag == w.vanish:
            vanish = _toggle(child, w)
        elif tag == w.rStyle and rstyle is None:
            rstyle = child
    return (font, bold, caps, vanish), rstyle.get(w.val) if rstyle is not None else None


@dataclass(slots=True)
class Style:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    props: Props
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    borders: bool | None = None


@dataclass(slots=True)
class ParaStyle:
    """A paragraph style resolved through ``basedOn``."""

    name: str | None
    props: Props
    heading: int | None  # 1..9 from the name/id or outline level; 0 for a title
    num_id: str | None
    ilvl: int | None


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with ``tag``: ``el.find(tag)`` without ElementPath's overhead (twice as fast)."""
    return next(el.iterchildren(tag), None)


def _int(el: etree._Element | None, w: _W) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(w.val) or "")
    except ValueError:
        return None


def _has_borders(borders: etree._Element, w: _W) -> bool:
    return any((side.get(w.val) or "none") not in ("nil", "none") for side in borders)


class Styles:
    """styles.xml, with lazy, cached resolution of paragraph, character and table styles."""

    def __init__(
        self,
        w: _W,
        elements: Mapping[str, etree._Element] | None = None,
        default_para: str | None = None,
        defaults: Props = NO_PROPS,
    ) -> None:
        self.w = w
        self.elements: Mapping[str, etree._Element] = elements if elements is not None else {}
        self._default_para = default_para
        self.defaults = defaults
        self.styles: dict[str, Style] = {}
        self._para: dict[str | None, ParaStyle] = {}
        self._char: dict[str, Props] = {}

    @property
    def default_para(self) -> str | None:
        """The default paragraph style's id."""
        if isinstance(self.elements, StyleIndex):
            return self.elements.default_para
        return self._default_para

    @classmethod
    def from_root(cls, root: etree._Element, w: _W) -> Styles:
        """The styles of a parsed styles.xml (its ``w:style`` children, the first of a duplicated id)."""
        elements, default_para = styles_of_root(root, w.ns)
        return cls(w, elements, default_para, _doc_defaults(root, w))

    @classmethod
    def load(cls, package: Package, part: str, w: _W) -> Styles:
        """The package's styles part read as far as the document needs (:mod:`.docx_styles`)."""
        read = package.stream(part)
        if read is None:
            return cls(w)
        index = StyleIndex(
            read,
            w.ns,
            lambda xml: parse_part(package.name, part, xml),
            lambda xml: parse_part(package.name, part, package.checked(part, xml)),
        )
        return cls.from_index(index, w)

    @classmethod
    def from_index(cls, index: StyleIndex, w: _W) -> Styles:
        """The styles behind a :class:`StyleIndex` (its default paragraph style found when first asked for)."""
        return cls(w, index, None, _doc_defaults(index.head, w))

    def __contains__(self, sid: str | None) -> bool:
        return sid in self.elements

    def style(self, sid: str) -> Style:
        """One style as written (no inheritance); ``sid`` must exist."""
        st = self.styles.get(sid)
        if st is not None:
            return st
        w, el = self.w, self.elements[sid]
        name_el, based = _first(el, w.name), _first(el, w.basedOn)
        st = Style(
            style_id=sid,
            name=(name_el.get(w.val) if name_el is not None else None) or sid,
            kind=el.get(w.type) or "paragraph",
            based_on=based.get(w.val) if based is not None else None,
            props=run_props(_first(el, w.rPr), w),
        )
        ppr = _first(el, w.pPr)
        if ppr is not None:
            numpr = _first(ppr, w.numPr)
            if numpr is not None:
                num = _first(numpr, w.numId)
                st.num_id = num.get(w.val) if num is not None else None
                st.ilvl = _int(_first(numpr, w.ilvl), w)
            st.outline = _int(_first(ppr, w.outlineLvl), w)
        tblpr = _first(el, w.tblPr)
        if tblpr is not None and (borders := _first(tblpr, w.tblBorders)) is not None:
            st.borders = _has_borders(borders, w)
        self.styles[sid] = st
        return st

    def chain(self, sid: str | None) -> list[Style]:
        """The style and its ``basedOn`` ancestors, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        while sid and sid in self.elements and sid not in seen and len(out) < 20:
            seen.add(sid)
            st = self.style(sid)
            out.append(st)
            sid = st.based_on
        return out

    def para(self, sid: str | None) -> ParaStyle:
        """Resolved paragraph style (``None`` = the default paragraph style)."""
        if sid in self._para:
            return self._para[sid]
        chain = self.chain(sid if sid in self.elements else self.default_para)
        props = self.defaults
        for st in reversed(chain):
            props = _merge(props, st.props)
        heading: int | None = None
        for st in chain:
            heading = _heading_level(st)
            if heading is not None:
                break
        if heading is None:
            outline = next((st.outline for st in chain if st.outline is not None), None)
            if outline is not None and 0 <= outline <= 8:
                heading = outline + 1
        num_id = next((st.num_id for st in chain if st.num_id is not None), None)
        ilvl = next((st.ilvl for st in chain if st.ilvl is not None), None)
        resolved = ParaStyle(chain[0].name if chain else None, props, heading, num_id, ilvl)
        self._para[sid] = resolved
        return resolved

    def char(self, sid: str) -> Props:
        if sid not in self._char:
            props = NO_PROPS
            for st in reversed(self.chain(sid)):
                props = _merge(props, st.props)
            self._char[sid] = props
        return self._char[sid]

    def table_borders(self, sid: str | None) -> bool:
        return next((st.borders for st in self.chain(sid) if st.borders is not None), False)


def _doc_defaults(root: etree._Element, w: _W) -> Props:
    dd = _first(root, w.docDefaults)
    return run_props(dd.find(f"{w.rPrDefault}/{w.rPr}"), w) if dd is not None else NO_PROPS


def _heading_level(st: Style) -> int | None:
    for name in (st.name, st.style_id):
        name = name.strip()
        if name.lower() in TITLE_NAMES:
            return 0
        m = HEADING_NAME_RE.match(name) or re.match(r"^heading\s*([1-9])$", name, re.IGNORECASE)
        if m:
            return int(m[1])
    return None


# ---------------------------------------------------------------------------------------------
# Numbering
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    suffix: str = "tab"
    legal: bool = False
    pstyle: str | None = None


@dataclass(slots=True)
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    overrides: dict[int, etree._Element] = field(default_factory=dict)


def _level(el: etree._Element, w: _W, base: Level | None = None) -> Level:
    lv = Level() if base is None else Level(**{k: getattr(base, k) for k in Level.__slots__})
    for child in el:
        tag, val = child.tag, child.get(w.val)
        if tag == w.start:
            lv.start = _int(child, w) or 0
        elif tag == w.numFmt and val:
            lv.fmt = val
        elif tag == w.lvlText:
            lv.text = val or ""
        elif tag == w.lvlRestart:
            lv.restart = _int(child, w)
        elif tag == w.suff and val:
            lv.suffix = val
        elif tag == w.isLgl:
            lv.legal = _toggle(child, w)
        elif tag == w.pStyle:
            lv.pstyle = val
    return lv


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One level's number in a Word ``numFmt``; unknown formats fall back to decimal."""
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        if n <= 0 or n > 26 * 40:
            return str(n)
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


BULLET_KEEP = {"-", "+"}


class Numbering:
    """numbering.xml plus the running counters, advanced paragraph by paragraph in order.

    Counters are shared by every paragraph of one ``w:num`` and by every ``w:num`` of the same
    ``w:abstractNum``, except that a ``w:num`` with a ``w:startOverride`` counts on its own from
    its override. A level restarts when a shallower level is used (or as ``w:lvlRestart`` says).
    """

    def __init__(self, root: etree._Element | None, styles: Styles, w: _W) -> None:
        self.w = w
        self.styles = styles
        self.abstracts: dict[str, etree._Element] = {}  # the last w:abstractNum of each id
        self._levels: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, Num] = {}
        self.counters: dict[tuple[str, str], list[int | None]] = {}
        self._resolved: dict[str, tuple[str, dict[int, Level], Num] | None] = {}
        if root is None:
            return
        for ab in root.iterchildren(w.abstractNum):
            aid = ab.get(w.abstractNumId)
            if aid is None:
                continue
            self.abstracts[aid] = ab
            link = _first(ab, w.numStyleLink)
            if link is not None and link.get(w.val):
                self.style_links[aid] = link.get(w.val)
        for num in root.iterchildren(w.num):
            nid, ab_el = num.get(w.numId), _first(num, w.abstractNumId)
            if nid is None or ab_el is None or ab_el.get(w.val) is None:
                continue
            entry = Num(ab_el.get(w.val))
            for ov in num.iterchildren(w.lvlOverride):
                ilvl = _int_attr(ov.get(w.ilvl))
                if ilvl is None or not 0 <= ilvl <= 8:
                    continue
                so = _first(ov, w.startOverride)
                if so is not None:
                    entry.starts[ilvl] = _int(so, w) or 0
                lvl = _first(ov, w.lvl)
                if lvl is not None:
                    entry.overrides[ilvl] = lvl
            self.nums[nid] = entry

    def _resolve(self, num_id: str) -> tuple[str, dict[int, Level], Num] | None:
        """(abstractNumId, levels with overrides, num) following numbering-style links; cached."""
        if num_id not in self._resolved:
            self._resolved[num_id] = self._resolve_uncached(num_id)
        return self._resolved[num_id]

    def _resolve_uncached(self, num_id: str) -> tuple[str, dict[int, Level], Num] | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        for _ in range(5):
            link = self.style_links.get(aid)
            if link is None:
                break
            linked = self.styles.para(link).num_id if link in self.styles else None
            if linked is None or linked not in self.nums or self.nums[linked].abstract == aid:
                break
            aid = self.nums[linked].abstract
        base = self.levels(aid)
        if base is None:
            return None
        levels = dict(base)
        for ilvl, lvl in num.overrides.items():
            levels[ilvl] = _level(lvl, self.w, base.get(ilvl))
        return aid, levels, num

    def levels(self, aid: str) -> dict[int, Level] | None:
        """The levels of one abstract numbering, read on first use."""
        if aid not in self._levels:
            ab = self.abstracts.get(aid)
            if ab is None:
                return None
            levels: dict[int, Level] = {}
            for lvl in ab.iterchildren(self.w.lvl):
                ilvl = _int_attr(lvl.get(self.w.ilvl))
                if ilvl is not None and 0 <= ilvl <= 8:
                    levels[ilvl] = _level(lvl, self.w)
            self._levels[aid] = levels
        return self._levels[aid]

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        res = self._resolve(num_id)
        if res and style_id:
            for ilvl, lv in res[1].items():
                if lv.pstyle == style_id:
                    return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counters for one numbered paragraph; (label, suffix) or None."""
        res = self._resolve(num_id)
        if res is None:
            return None
        aid, levels, num = res
        ilvl = min(max(ilvl, 0), 8)
        lv = levels.get(ilvl)
        if lv is None:
            return None
        key = ("num", num_id) if num.starts else ("abstract", aid)
        counters = self.counters.setdefault(key, [None] * 9)

        def start(k: int) -> int:
            return num.starts.get(k, levels[k].start if k in levels else 1)

        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if lv.fmt == "bullet":
            text = lv.text.strip()
            return (text if text in BULLET_KEEP else "-"), lv.suffix

        def repl(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            if k not in levels:
                return ""
            value = counters[k] if counters[k] is not None else start(k)
            fmt = "decimal" if lv.legal and levels[k].fmt not in ("none",) else levels[k].fmt
            return format_number(value, fmt)  # type: ignore[arg-type]

        label = re.sub(r"%([1-9])", repl, lv.text).strip()
        return (label, lv.suffix) if label else None


def _int_attr(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Body walk
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Para:
    """A paragraph read from the XML: text with its label, bold, style, and anchored text boxes."""

    text: str
    lines: list[str]  # the text split at soft line breaks (w:br)
    label: str | None
    bold: bool
    style: str | None
    heading: int | None
    txbx: list[etree._Element]


def _join_lines(lines: list[str]) -> str:
    """A paragraph's lines (cut at soft line breaks) joined by a space; a word a hyphen cut at a line's end
    ("xếp loại Xu-" / "ất sắc") joined whole."""
    text = lines[0] if lines else ""
    for line in lines[1:]:
        text = (text[:-1] if rejoins_cut_word(text, line) else text + " ") + line
    return text


class Reader:
    """State of one document walk: styles, numbering counters, open complex fields."""

    def __init__(self, w: _W, styles: Styles, numbering: Numbering, legacy: str | None = None) -> None:
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.legacy = legacy  # the legacy encoding the whole body is typed in (legacy_encoding), or None
        self.fields: list[bool] = []  # per open complex field: True once its result started
        self.blocks: list[Block] = []
        # adjacent runs with the same (font, caps) are decoded together
        self._key: tuple[str | None, bool | None] = (None, None)
        self._buf: list[str] = []

    # -- paragraphs --------------------------------------------------------------------------

    def paragraph(self, p: etree._Element) -> Para:
        w = self.w
        ppr = _first(p, w.pPr)
        sid: str | None = None
        direct_num: str | None = None
        direct_ilvl: int | None = None
        outline: int | None = None
        if ppr is not None:
            ps = numpr = outline_el = None
            for child in ppr:  # the first of each, as find() gives
                tag = child.tag
                if tag == w.pStyle:
                    ps = child if ps is None else ps
                elif tag == w.numPr:
                    numpr = child if numpr is None else numpr
                elif tag == w.outlineLvl:
                    outline_el = child if outline_el is None else outline_el
            sid = ps.get(w.val) if ps is not None else None
            if numpr is not None:
                num = _first(numpr, w.numId)
                direct_num = num.get(w.val) if num is not None else None
                direct_ilvl = _int(_first(numpr, w.ilvl), w)
            outline = _int(outline_el, w)
        pstyle = self.styles.para(sid)
        pieces: list[str] = []
        state = [True, False]  # all bold so far, any visible text
        txbx: list[etree._Element] = []
        self._inline(p, pstyle.props, pieces, state, txbx)
        self._flush(pieces)
        joined = nfc("".join(pieces))
        if "\n" in joined:
            lines = [" ".join(line.split()) for line in joined.split("\n")]
            lines = [line for line in lines if line]
            text = _join_lines(lines)
        else:
            text = " ".join(joined.split())
            lines = [text] if text else []

        label = None
        num_id = direct_num if direct_num is not None else pstyle.num_id
        if num_id is not None and num_id != "0":
            ilvl = direct_ilvl if direct_ilvl is not None else pstyle.ilvl
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, sid)
            got = self.numbering.next_label(num_id, ilvl)
            if got is not None and text:
                label = nfc(got[0])
                prefix = label + ("" if got[1] == "nothing" else " ")
                text, lines[0] = prefix + text, prefix + lines[0]
        heading = pstyle.heading
        if outline is not None:
            heading = outline + 1 if 0 <= outline <= 8 else None
        return Para(text, lines, label, state[0] and state[1], pstyle.name, heading, txbx)

    def _inline(self, el: etree._Element, base: Props, out: list[str], state: list[bool], txbx: list) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == w.r:
                self._run(child, base, out, state, txbx)
            elif tag in w.wrappers:
                self._inline(child, base, out, state, txbx)
            elif tag == w.sdt:
                sdt_pr = _first(child, w.sdtPr)
                if sdt_pr is not None and _first(sdt_pr, w.showingPlcHdr) is not None:
                    continue
                content = _first(child, w.sdtContent)
                if content is not None:
                    self._inline(content, base, out, state, txbx)
            elif tag == MC_ALT:
                choice = _first(child, MC_CHOICE)
                if choice is not None:
                    self._inline(choice, base, out, state, txbx)
            elif tag in M_MATH:
                self._flush(out)
                out.append("".join(t.text or "" for t in child.iter(M_T)))
                state[1] = True

    def _run(self, r: etree._Element, base: Props, out: list[str], state: list[bool], txbx: list) -> None:
        w = self.w
        raw: list[str] = []
        rpr = None
        for child in r:
            tag = child.tag
            if tag == w.t:
                if not self.fields or self.fields[-1]:
                    raw.append(child.text or "")
            elif tag == w.rPr:
                rpr = child
            elif tag in (w.tab, w.ptab):
                raw.append(" ")
            elif tag in (w.br, w.cr):
                raw.append("\n")
            elif tag == w.noBreakHyphen:
                raw.append("-")
            elif tag == w.softHyphen:
                raw.append("\u00ad")  # TCVN3 text can store "ư" here; decode_run decides, nfc() drops the rest
            elif tag == w.fldChar:
                kind = child.get(w.fldCharType)
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag in (w.drawing, w.pict, w.object, MC_ALT):
                _find_txbx(child, w, txbx)
        if not raw:
            return
        props = base
        if rpr is not None:
            own, rstyle = _run_props_and_style(rpr, w)
            if rstyle:
                props = _merge(props, self.styles.char(rstyle))
            props = _merge(props, own)
        font, bold, caps, vanish = props
        if vanish:
            return
        if not all(piece.isspace() for piece in raw):
            state[1] = True
            if not bold:
                state[0] = False
        if (font, caps) != self._key:
            self._flush(out)
            self._key = (font, caps)
        self._buf.extend(raw)

    def _flush(self, out: list[str]) -> None:
        """Decode the buffered text of same-font runs and append it to ``out``."""
        if self._buf:
            raw, font = "".join(self._buf), self._key[0]
            text = decode_run(raw, font) if self.legacy is None else decode_run(raw, font, self.legacy)
            out.append(text.upper() if self._key[1] else text)
            self._buf.clear()

    # -- blocks ------------------------------------------------------------------------------

    def emit(self, para: Para, prov: Provenance, split_lines: bool = False) -> None:
        """Append the paragraph's block (if it has text), then its text boxes.

        With ``split_lines`` (layout tables) each soft line break starts a new block.
        """
        if split_lines and len(para.lines) > 1:
            for i, line in enumerate(para.lines):
                part = Para(
                    line, [line], para.label if i == 0 else None, para.bold, para.style, para.heading, []
                )
                self.blocks.append(paragraph_block(part, prov))
        elif para.text:
            self.blocks.append(paragraph_block(para, prov))
        for box in para.txbx:
            for p in box.iter(self.w.p):
                self.emit(self.paragraph(p), prov)

    def table(self, tbl: etree._Element, index: int, first: bool) -> None:
        """Emit one body table: a TABLE block, or its cell paragraphs for a layout table; a one-cell frame
        around a table gives its paragraphs and its tables as if they stood in the body."""
        w = self.w
        if self._unframe(tbl, index):
            return
        grid: list[list[tuple[int, int, bool, list[Para]]]] = []  # (col, span, v-continue, paras)
        for tr in _children(tbl, w.tr, w):
            trpr = _first(tr, w.trPr)
            if trpr is not None and _first(trpr, w.del_) is not None:
                continue
            col = min(max(_int(_first(trpr, w.gridBefore), w) or 0, 0), MAX_COLUMNS) if trpr is not None else 0
            row: list[tuple[int, int, bool, list[Para]]] = []
            for tc in _children(tr, w.tc, w):
                tcpr = _first(tc, w.tcPr)
                span, cont = 1, False
                if tcpr is not None:
                    span = min(max(_int(_first(tcpr, w.gridSpan), w) or 1, 1), MAX_COLUMNS)
                    vm = _first(tcpr, w.vMerge)
                    cont = vm is not None and (vm.get(w.val) or "continue") == "continue"
                paras = [self.paragraph(p) for p in _cell_paragraphs(tc, w)]
                row.append((col, span, cont, paras))
                col += span
            grid.append(row)
        paras_all = [p for row in grid for cell in row for p in cell[3]]
        if not any(p.text for p in paras_all):
            return
        prov = Provenance(table=index)
        if self._is_layout(tbl, grid, paras_all, first):
            for col in sorted({cell[0] for row in grid for cell in row}):
                for row in grid:
                    for c, _span, cont, paras in row:
                        if c == col and not cont:
                            for para in paras:
                                self.emit(para, prov, split_lines=True)
            return
        width = max((cell[0] + cell[1] for row in grid for cell in row), default=0)
        above: dict[int, str] = {}
        rows: list[list[str]] = []
        for row in grid:
            if width > MAX_COLUMNS:  # a hostile or broken grid: one entry per cell, no padding
                cells = [" ".join(p.text for p in paras if p.text) for _col, _span, _cont, paras in row]
            else:
                cells = [""] * width
                for col, span, cont, paras in row:
                    text = above.get(col, "") if cont else " ".join(p.text for p in paras if p.text)
                    for k in range(col, col + span):
                        cells[k] = text
                        above[k] = text
            if any(cells):
                rows.append(cells)
        text = "\n".join(" | ".join(r) for r in rows)
        self.blocks.append(Block(kind=BlockKind.TABLE, text=text, prov=prov, lines=[(0, prov)], rows=rows))
        for para in paras_all:
            for box in para.txbx:
                for p in box.iter(w.p):
                    self.emit(self.paragraph(p), prov)

    def _unframe(self, tbl: etree._Element, index: int) -> bool:
        """Emit the content of a table of one row and one cell that holds a table (a frame an office draws
        around a table and its caption: "Bảng 1. Kết quả …" over the criteria), if ``tbl`` is one."""
        w = self.w
        rows = list(_children(tbl, w.tr, w))
        cells = list(_children(rows[0], w.tc, w)) if len(rows) == 1 else []
        content = list(_blocks_in(cells[0], w)) if len(cells) == 1 else []
        if not any(child.tag == w.tbl for child in content):
            return False
        for child in content:
            if child.tag == w.p:
                self.emit(self.paragraph(child), Provenance(table=index))
            else:
                self.table(child, index, first=False)
        return True

    def _is_layout(self, tbl: etree._Element, grid: list, paras: list[Para], first: bool) -> bool:
        """A header/signature table: few columns, first in the body or borderless, with layout lines."""
        w = self.w
        cols = {cell[0] for row in grid for cell in row}
        if len(cols) > 4 or len(grid) > 8:
            return False
        if not any(LAYOUT_LINE_RE.match(p.text) or PLACE_DATE_RE.match(p.text) for p in paras if p.text):
            return False
        if first:
            return True
        tblpr = _first(tbl, w.tblPr)
        if tblpr is None:
            return True
        borders = _first(tblpr, w.tblBorders)
        if borders is not None:
            return not _has_borders(borders, w)
        ts = _first(tblpr, w.tblStyle)
        return not self.styles.table_borders(ts.get(w.val) if ts is not None else None)


def paragraph_block(para: Para, prov: Provenance) -> Block:
    """Block of one paragraph: heading by style, outline level or whole-bold short text, else layout.classify."""
    kind, level = classify(para.text)
    if para.heading is not None:
        kind = BlockKind.HEADING
        if level is None and para.heading > 0:
            level = para.heading
    elif para.bold and len(para.text) <= BOLD_HEADING_MAX_CHARS and not is_bullet(para.text):
        kind = BlockKind.HEADING
    return Block(
        kind=kind,
        text=para.text,
        prov=prov,
        lines=[(0, prov)],
        label=para.label,
        style=para.style,
        bold=para.bold,
        level=level,
    )


def _find_txbx(el: etree._Element, w: _W, out: list[etree._Element]) -> None:
    """Text-box contents under a drawing/picture (the VML fallback of a drawing is skipped)."""
    for child in el:
        if child.tag == w.txbxContent:
            out.append(child)
        elif child.tag != MC_FALLBACK and len(child):
            _find_txbx(child, w, out)


def _children(el: etree._Element, tag: str, w: _W) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == w.sdt:
            content = _first(child, w.sdtContent)
            if content is not None:
                yield from _children(content, tag, w)
        elif child.tag == w.customXml:
            yield from _children(child, tag, w)


def _cell_paragraphs(tc: etree._Element, w: _W) -> Iterator[etree._Element]:
    """A cell's paragraphs in order, nested tables flattened row by row."""
    for child in _blocks_in(tc, w):
        if child.tag == w.p:
            yield child
        else:
            for tr in _children(child, w.tr, w):
                for inner in _children(tr, w.tc, w):
                    yield from _cell_paragraphs(inner, w)


def _blocks_in(el: etree._Element, w: _W) -> Iterator[etree._Element]:
    """Block-level ``w:p``/``w:tbl`` children in order, unwrapping content controls and custom XML."""
    for child in el:
        tag = child.tag
        if tag == w.p or tag == w.tbl:
            yield child
        elif tag == w.sdt:
            content = _first(child, w.sdtContent)
            if content is not None:
                yield from _blocks_in(content, w)
        elif tag == w.customXml or tag == w.ins or tag == w.moveTo:
            yield from _blocks_in(child, w)
        elif tag == MC_ALT:
            choice = _first(child, MC_CHOICE)
            if choice is not None:
                yield from _blocks_in(choice, w)


_DOC_HEADER_RE = re.compile(r"\bSố\s*:?\s*\d+\s*/|CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm")


def _first_page_header(package: Package, main: str, body: etree._Element, w: _W) -> etree._Element | None:
    """The header part printed on the first page (w:titlePg's "first" header, else the "default" one) when it
    holds the document's own header (its number "Số: 97/…", the national motto or the date "ngày … tháng … năm")
    and the body's opening does not: a template that keeps them in the page header. A running header ("UBND xã
    …") is no document header and stays out."""
    sect = next(body.iter(w.sectPr), None)
    if sect is None:
        return None
    wanted = "first" if _first(sect, w.titlePg) is not None else "default"
    refs = [ref for ref in sect if ref.tag == w.headerReference and ref.get(w.type) == wanted]
    rid = next((v for ref in refs for k, v in ref.attrib.items() if k.endswith("}id")), None)
    part = _rel_ids(package, main).get(rid or "")
    data = package.get(part) if part else None
    if data is None:
        return None
    root = parse_part(package.name, part, data)  # type: ignore[arg-type]
    opening = " ".join(t.text or "" for _, t in zip(range(200), body.iter(w.t)))
    text = " ".join(t.text or "" for t in root.iter(w.t))
    if not _DOC_HEADER_RE.search(text) or _DOC_HEADER_RE.search(opening):
        return None
    return root


def _emit_header(reader: Reader, header: etree._Element, w: _W) -> None:
    """The blocks of the first page's header part, ahead of the body's; they point at no body paragraph or
    table (their provenance is empty), as the header is neither."""
    for el in _blocks_in(header, w):
        if el.tag == w.p:
            reader.emit(reader.paragraph(el), Provenance())
        else:
            reader.table(el, 0, first=not reader.blocks)
    for block in reader.blocks:
        block.prov = Provenance()
        block.lines = [(offset, Provenance()) for offset, _ in block.lines]


def _running_text(package: Package, main: str, w: _W) -> list[str]:
    """The paragraphs of the page header and footer parts, in the package's order (footer1, header1, …)."""
    texts: list[str] = []
    for rel, _target, part in _internal_rels(package, main):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        data = package.get(part) if kind in ("header", "footer") else None
        if data is None:
            continue
        for p in parse_part(package.name, part, data).iter(w.p):
            text = nfc(" ".join("".join(t.text or "" for t in p.iter(w.t)).split()))
            if text:
                texts.append(text)
    return texts


def _note_picture(pictures: list[Picture], p: etree._Element, rels: dict[str, str], position: int, index: int) -> None:
    """Keep the paragraph's picture when it is printed large enough to hold a table."""
    found = picture_in(p, rels)
    if found is not None:
        pictures.append(Picture(position, index, *found))


def _rel_ids(package: Package, source: str) -> dict[str, str]:
    """Relationship id -> internal part name, for ``source``'s rels."""
    return {rel.get("Id") or "": full for rel, target, full in _internal_rels(package, source) if target}


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


# A run's text as the XML holds it, whatever the prefix of the WordprocessingML namespace.
_RUN_TEXT_RE = std_re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([^<]*)<")
# UTF-8 lead bytes of the letters U+1EA0-U+1EF9 (ạ … ỹ): Unicode Vietnamese text has some of them.
_UNICODE_VI_BYTES = (b"\xe1\xba", b"\xe1\xbb")


def legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding (TCVN3, VNI, VISCII) the whole of a document part's text is clearly in, or None:
    a run too short to tell its encoding on its own ("Sè: 09/BC-UBND") is decoded in it. A part with no byte
    beyond ASCII or with a Unicode Vietnamese letter is never read further (a Unicode document pays two scans
    of bytes)."""
    if data.isascii() or any(mark in data for mark in _UNICODE_VI_BYTES):
        return None
    text = " ".join(t.decode("utf-8", "replace") for t in _RUN_TEXT_RE.findall(data))
    return detect_legacy(text)


def read_docx(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Read a DOCX report into ordered blocks (see the module docstring for what becomes a block).

    Raises CorruptFileError, EncryptedFileError, LimitExceededError, UnsupportedFormatError
    (an old .doc) or EmptyFileError, each with a one-line message naming the file.
    """
    path = Path(path)
    name = str(path)
    with open_package(path, settings) as package:
        main = _rel_targets(package, "").get("officeDocument", "word/document.xml")
        if main not in package:
            main = "word/document.xml"
        main_data = package.get(main)
        if main_data is None:
            raise CorruptFileError(name, "no word/document.xml in the package (not a Word document)")
        root = parse_part(name, main, main_data)
        ns = etree.QName(root).namespace or W_TRANSITIONAL
        if ns not in (W_TRANSITIONAL, W_STRICT):
            raise CorruptFileError(name, f"{main} is not WordprocessingML (root namespace {ns})")
        w = _w(ns)
        body = _first(root, w.body)
        if body is None:
            raise CorruptFileError(name, f"{main} has no w:body")
        rels = _rel_targets(package, main)
        folder = posixpath.dirname(main)
        styles_part = rels.get("styles", posixpath.join(folder, "styles.xml"))
        numbering_part = rels.get("numbering", posixpath.join(folder, "numbering.xml"))
        styles = Styles.load(package, styles_part, w)
        numbering_data = package.get(numbering_part)
        numbering_root = parse_part(name, numbering_part, numbering_data) if numbering_data is not None else None
        numbering = Numbering(numbering_root, styles, w)
        reader = Reader(w, styles, numbering, legacy_encoding(main_data))
        header = _first_page_header(package, main, body, w) if b"headerReference" in main_data else None
        if header is not None:  # the commune, number and date in the first page's header part
            _emit_header(reader, header, w)
        pictures: list[Picture] = []
        picture_rels = _rel_ids(package, main) if b"blip" in main_data else {}  # no picture: nothing looked at
        p_index = t_index = -1
        for el in _blocks_in(body, w):  # in the package: styles.xml is read as far as the walk needs
            if el.tag == w.p:
                p_index += 1
                para = reader.paragraph(el)
                if picture_rels and not para.text and len(reader.blocks) >= MIN_BLOCKS_BEFORE:
                    _note_picture(pictures, el, picture_rels, len(reader.blocks), p_index)
                reader.emit(para, Provenance(paragraph=p_index))
            else:
                t_index += 1
                reader.table(el, t_index, first=not reader.blocks)
        running = _running_text(package, main, w) if b"erReference" in main_data else []
        warnings: list[str] = []
        if pictures and settings.ocr:  # a criteria table pasted as a picture, read where it stands
            read_pictures(pictures, reader.blocks, package.media, settings.ocr_language, warnings)
    if not reader.blocks:
        raise EmptyFileError(name, "no text in the Word document")
    blocks = reader.blocks
    if looks_converted(blocks):
        warnings.append(CONVERTED_WARNING)
        blocks = reflow(blocks, warnings)
    else:
        blocks = split_header_blocks(blocks)
    return Document(blocks=blocks, format="docx", pages=None, warnings=warnings, running_text=running)


__all__ = ["Numbering", "Package", "Styles", "format_number", "open_package", "read_docx", "read_package"]
