"""A DOCX's styles.xml read as far as the document needs: each ``w:style`` found in the bytes, parsed when asked for.

Word's and python-docx's templates carry ~160 styles and ~270 latent-style entries in ~350 KB, of
which a report uses a handful (usually near the top: Normal, the headings). Inflating and parsing
the whole part took about a third of the time of reading such a document. :class:`StyleIndex`
inflates the part a chunk at a time and finds the style start tags in the bytes, only as far as
the styles asked for (a style that is not there, or every style, reads to the end). The part
before the first style (``w:docDefaults``, ``w:latentStyles``) and each style asked for are parsed
with the caller's hardened parser, wrapped in the root's own start tag so that every namespace
prefix means what it meant.

Only the plain shape producers write is indexed: UTF-8, a prefixed root, no comment, CDATA or
processing instruction after the prolog, the styles one after another up to the end of the root,
their styleId/type/default attributes without character references, the namespace bound once.
Where the bytes read show anything else the whole part is inflated and parsed, as before, and
answers the rest (what was already answered is what the whole part gives). The elements given are
the root's ``w:style`` children a full parse gives, the first of a duplicated id; a style never
asked for, and the part after the last style needed, are not checked (as the parts the reader
never opens are not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from lxml import etree

from cchc.errors import CorruptFileError

CHUNK = 1 << 14  # inflated bytes read first; each further read doubles, up to MAX_CHUNK
MAX_CHUNK = 1 << 20
ROOT_WINDOW = 1 << 16  # the root's start tag must end within this many bytes

_WS = rb"[ \t\r\n]"
_ATTR_RE = re.compile(_WS + rb"+([^ \t\r\n=/>]+)" + _WS + rb"*=" + _WS + rb"*(?:\"([^\"]*)\"|'([^']*)')")
_ATTRS = rb"((?:" + _WS + rb"+[^ \t\r\n=/>]+" + _WS + rb"*=" + _WS + rb"*(?:\"[^\"]*\"|'[^']*'))*)"
_ROOT_RE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:<\?xml("
    + _WS
    + rb"[^?]*)\?>)?"
    + _WS
    + rb"*(<([A-Za-z_][\w.\-]*):styles"
    + _ATTRS
    + _WS
    + rb"*>)"
)
_ENCODING_RE = re.compile(rb"encoding" + _WS + rb"*=" + _WS + rb"*[\"']([^\"']*)[\"']")
_BLANK_RE = re.compile(_WS + rb"*\Z")
_CLOSE_RE = re.compile(_WS + rb"*>")
_TAIL_RE = re.compile(_WS + rb"*>" + _WS + rb"*\Z")
_XMLNS = (b"xmlns", b"xmlns:")
_NOT_PLAIN_RE = re.compile(rb"[&\t\n\r]")  # a character reference, or whitespace the parser normalises
_READ = (b"styleId", b"type", b"default")


@lru_cache(maxsize=4)
def _style_tag_re(prefix: bytes) -> re.Pattern[bytes]:
    return re.compile(b"<" + re.escape(prefix) + rb":style" + _ATTRS + _WS + rb"*(/?)>")


def styles_of_root(root: etree._Element, ns: str) -> tuple[dict[str, etree._Element], str | None]:
    """styleId -> ``w:style`` child (the first of a duplicated id), and the default paragraph style."""
    style, style_id, default, kind = (f"{{{ns}}}{n}" for n in ("style", "styleId", "default", "type"))
    elements: dict[str, etree._Element] = {}
    default_para: str | None = None
    for el in root.iterchildren(style):
        sid = el.get(style_id)
        if sid:
            elements.setdefault(sid, el)
            if (
                default_para is None
                and el.get(default) in ("1", "true", "on")
                and (el.get(kind) or "paragraph") == "paragraph"
            ):
                default_para = sid
    return elements, default_para


def _has_markup(data: bytearray, start: int, end: int) -> bool:
    """Whether a comment, CDATA section, DOCTYPE or processing instruction starts in ``data[start:end]``."""
    for char in b"!?":
        i = data.find(char, start, end)
        while i != -1:
            if i > 0 and data[i - 1] == 0x3C:  # "<"
                return True
            i = data.find(char, i + 1, end)
    return False


class StyleIndex(Mapping[str, etree._Element]):
    """styleId -> its ``w:style`` element (the first of a duplicated id), found and parsed on first access.

    ``read(n)`` gives the next (up to) ``n`` inflated bytes of styles.xml, b"" at its end; ``parse``
    parses XML bytes (CorruptFileError when malformed); ``parse_whole`` the whole part's bytes.
    """

    def __init__(
        self,
        read: Callable[[int], bytes],
        ns: str,
        parse: Callable[[bytes], etree._Element],
        parse_whole: Callable[[bytes], etree._Element],
        chunk: int = CHUNK,
        max_chunk: int = MAX_CHUNK,
    ) -> None:
        self._read = read
        self._ns = ns
        self._parse = parse
        self._parse_whole = parse_whole
        self._chunk = chunk
        self._max_chunk = max_chunk
        self._data = bytearray()
        self._eof = False
        self._spans: dict[str, tuple[int, int]] = {}
        self._parsed: dict[str, etree._Element] = {}
        self._default: str | None = None
        self._whole: dict[str, etree._Element] | None = None  # once the whole part is parsed
        self._next = -1  # the start tag of the next style to index; -1 when every one is
        self.head: etree._Element  # the root with what precedes the first style (docDefaults, latentStyles)
        self.parsed_whole = False  # the shape was not the plain one somewhere: the whole part was parsed
        if not self._start():
            self._parse_all()

    # -- the bytes ----------------------------------------------------------------------------

    def _more(self) -> bool:
        """Inflate the next chunk; False at the end of the part."""
        if self._eof:
            return False
        chunk = self._read(self._chunk)
        self._chunk = min(self._chunk * 2, self._max_chunk)
        if not chunk:
            self._eof = True
            return False
        self._data += chunk
        return True

    def _find(self, needle: bytes, start: int) -> int:
        """Where ``needle`` first occurs at or after ``start``, inflating as needed; -1 if nowhere."""
        searched = start
        while (i := self._data.find(needle, searched)) == -1:
            searched = max(start, len(self._data) - len(needle) + 1)
            if not self._more():
                return -1
        return i

    # -- the shape ----------------------------------------------------------------------------

    def _start(self) -> bool:
        """Read the root's start tag and the head; False when the shape is not the plain one."""
        while (root := _ROOT_RE.match(self._data)) is None:
            if len(self._data) >= ROOT_WINDOW or not self._more():
                return False
        if root[1] is not None and (enc := _ENCODING_RE.search(root[1])) and enc[1].lower() != b"utf-8":
            return False
        prefix, w_ns = bytes(root[3]), self._ns.encode()
        declared = [(q[6:], v1 or v2) for q, v1, v2 in _ATTR_RE.findall(root[4]) if q[:6] in _XMLNS]
        if (prefix, w_ns) not in declared or [v for _, v in declared].count(w_ns) != 1:
            return False
        if any(b"&" in value for _, value in declared):
            return False
        self._prefix = prefix
        self._attribute = prefix + b":"
        self._open = b"<" + prefix + b":style"
        self._close = b"</" + prefix + b":style"
        self._root_close = b"</" + prefix + b":styles"
        self._tag_re = _style_tag_re(prefix)
        self._wrap = (bytes(root[2]), self._root_close + b">")
        body = root.end()
        first = self._find(self._open, body)
        if first == -1 or _has_markup(self._data, body, first):
            return False
        try:
            head = self._parse(self._wrap[0] + bytes(self._data[body:first]) + self._wrap[1])
        except CorruptFileError:
            return False  # let the whole part's parse say what is wrong with it
        if head.find(f"{{{self._ns}}}style") is not None:
            return False  # a style with its own namespace declaration before the first one found
        if head.find(f"{{{self._ns}}}docDefaults") is None:
            return False  # the defaults could come after a style: only the whole part can say
        self.head = head
        self._next = first
        return True

    def _step(self) -> bool:
        """Index the next style; False when there is none left (or the whole part had to be parsed)."""
        start = self._next
        if start == -1 or self._whole is not None:
            return False
        # a style runs from its start tag to the last end tag before the next start tag, with only
        # whitespace after it; the last one, to the root's end tag at the end of the part
        following = self._find(self._open, start + len(self._open))
        data = self._data
        if following == -1:
            limit = data.rfind(self._root_close, start)
            if limit == -1 or not _TAIL_RE.match(data, limit + len(self._root_close)):
                return self._odd()
        else:
            limit = following
        if _has_markup(data, start, len(data) if following == -1 else limit):
            return self._odd()
        tag = self._tag_re.match(data, start, limit)
        if tag is None:
            return self._odd()
        if tag[2]:
            end = tag.end()
        else:
            close = data.rfind(self._close, tag.end(), limit)
            closed = _CLOSE_RE.match(data, close + len(self._close), limit) if close != -1 else None
            if closed is None:
                return self._odd()
            end = closed.end()
        if not _BLANK_RE.match(data, end, limit):
            return self._odd()
        read: dict[bytes, bytes] = {}
        attribute = self._attribute
        for qname, v1, v2 in _ATTR_RE.findall(tag[1]):
            if qname[:5] == b"xmlns":
                return self._odd()  # a declaration on the style itself could rebind the prefix
            if qname[: len(attribute)] == attribute and (local := qname[len(attribute) :]) in _READ:
                value = v1 or v2
                if local in read or _NOT_PLAIN_RE.search(value):
                    return self._odd()
                read[local] = value
        try:
            sid = read.get(b"styleId", b"").decode("utf-8")
        except UnicodeDecodeError:
            return self._odd()
        if sid:
            self._spans.setdefault(sid, (start, end))
            if (
                self._default is None
                and read.get(b"default") in (b"1", b"true", b"on")
                and (read.get(b"type") or b"paragraph") == b"paragraph"
            ):
                self._default = sid
        self._next = following
        return True

    def _odd(self) -> bool:
        self._parse_all()
        return False

    def _parse_all(self) -> None:
        """Inflate the rest and parse the whole part (CorruptFileError when it is malformed)."""
        while self._more():
            pass
        root = self._parse_whole(bytes(self._data))
        self._whole, self._default = styles_of_root(root, self._ns)
        self._data = bytearray()
        self._next = -1
        self.parsed_whole = True
        if not hasattr(self, "head"):
            self.head = root

    # -- the mapping --------------------------------------------------------------------------

    @property
    def default_para(self) -> str | None:
        """The first paragraph style marked default."""
        while self._default is None and self._step():
            pass
        return self._default

    def __contains__(self, sid: object) -> bool:
        if not isinstance(sid, str):
            return False
        while self._whole is None and sid not in self._spans and self._step():
            pass
        return sid in (self._whole if self._whole is not None else self._spans)

    def __getitem__(self, sid: str) -> etree._Element:
        if sid not in self:
            raise KeyError(sid)
        if self._whole is not None:
            return self._whole[sid]
        el = self._parsed.get(sid)
        if el is None:
            start, end = self._spans[sid]
            el = self._parse(self._wrap[0] + bytes(self._data[start:end]) + self._wrap[1])[0]
            self._parsed[sid] = el
        return el

    def _all(self) -> Mapping[str, object]:
        while self._step():
            pass
        return self._whole if self._whole is not None else self._spans

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._all()))

    def __len__(self) -> int:
        return len(self._all())


__all__ = ["StyleIndex", "styles_of_root"]
