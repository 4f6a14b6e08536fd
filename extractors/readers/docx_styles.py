"""A byte index of a DOCX's styles.xml: each ``w:style`` element found by its styleId, parsed when asked for.

Word's and python-docx's templates carry ~160 styles and ~270 latent-style entries in ~350 KB, of
which a report uses a handful; parsing the whole part took about a third of the time of reading
such a document. The index finds the style start tags in the bytes; the part before the first style
(``w:docDefaults``, ``w:latentStyles``) and each style asked for are parsed with the caller's hardened
parser, wrapped in the root's own start tag so that every namespace prefix means what it meant.

Only the plain shape producers write is indexed: UTF-8, a prefixed root, no comment, CDATA or
processing instruction after the prolog, the styles one after another up to the end of the root,
their styleId/type/default attributes without character references. For anything else
:func:`index_styles` returns None and the caller parses the whole part. The elements given are the
ones a full parse gives as the root's ``w:style`` children; the styles never asked for are not
checked for well-formedness (as the parts the reader never opens are not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from lxml import etree

from cchc.errors import CorruptFileError

_WS = rb"[ \t\r\n]"
_ATTR = _WS + rb"+([^ \t\r\n=/>]+)" + _WS + rb"*=" + _WS + rb"*(?:\"([^\"]*)\"|'([^']*)')"
_ATTR_RE = re.compile(_ATTR)
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


class StyleIndex(Mapping[str, etree._Element]):
    """styleId -> its ``w:style`` element (first of a duplicated id), parsed on first access."""

    def __init__(
        self,
        data: bytes,
        wrap: tuple[bytes, bytes],
        spans: dict[str, tuple[int, int]],
        head: etree._Element,
        default_para: str | None,
        parse: Callable[[bytes], etree._Element],
    ) -> None:
        self.head = head  # the root with what precedes the first style (docDefaults, latentStyles)
        self.default_para = default_para
        self._data = data
        self._wrap = wrap
        self._spans = spans
        self._parse = parse
        self._parsed: dict[str, etree._Element] = {}

    def __getitem__(self, sid: str) -> etree._Element:
        el = self._parsed.get(sid)
        if el is None:
            start, end = self._spans[sid]
            el = self._parse(self._wrap[0] + self._data[start:end] + self._wrap[1])[0]
            self._parsed[sid] = el
        return el

    def __contains__(self, sid: object) -> bool:
        return sid in self._spans

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


def index_styles(data: bytes, ns: str, parse: Callable[[bytes], etree._Element]) -> StyleIndex | None:
    """Index styles.xml whose WordprocessingML namespace is ``ns``; None when its shape is not the plain one.

    ``parse`` parses XML bytes into an element and raises CorruptFileError on malformed XML.
    """
    root = _ROOT_RE.match(data)
    if root is None:
        return None
    if root[1] is not None and (enc := _ENCODING_RE.search(root[1])) and enc[1].lower() != b"utf-8":
        return None
    prefix, w_ns = root[3], ns.encode()
    declared = [(qname[6:], v1 or v2) for qname, v1, v2 in _ATTR_RE.findall(root[4]) if qname[:6] in _XMLNS]
    if (prefix, w_ns) not in declared or [v for _, v in declared].count(w_ns) != 1:
        return None
    if any(b"&" in value for _, value in declared):
        return None
    body = root.end()
    for char in (b"!", b"?"):  # a comment, CDATA section or processing instruction: parse the whole part
        i = data.find(char, body)
        while i != -1:
            if data[i - 1] == 0x3C:  # "<"
                return None
            i = data.find(char, i + 1)
    root_close = data.rfind(b"</" + prefix + b":styles", body)
    if root_close == -1 or not _TAIL_RE.match(data, root_close + len(prefix) + 9):
        return None
    open_tag, close_tag = b"<" + prefix + b":style", b"</" + prefix + b":style"
    attribute = prefix + b":"
    tag_re = _style_tag_re(prefix)

    # each style runs from its start tag to the last end tag before the next start tag,
    # with only whitespace after it; the first starts the first w:style child of the root
    spans: dict[str, tuple[int, int]] = {}
    default_para: str | None = None
    first = start = data.find(open_tag, body, root_close)
    if first == -1:
        return None
    while start != -1:
        tag = tag_re.match(data, start)
        if tag is None:
            return None
        following = data.find(open_tag, tag.end(), root_close)
        limit = following if following != -1 else root_close
        if tag[2]:
            end = tag.end()
        else:
            close = data.rfind(close_tag, tag.end(), limit)
            closed = _CLOSE_RE.match(data, close + len(close_tag)) if close != -1 else None
            if closed is None:
                return None
            end = closed.end()
        if not _BLANK_RE.match(data, end, limit):
            return None
        read: dict[bytes, bytes] = {}
        for qname, v1, v2 in _ATTR_RE.findall(tag[1]):
            if qname[:5] == b"xmlns":
                return None  # a declaration on the style itself could rebind the prefix
            if qname[: len(attribute)] == attribute and (local := qname[len(attribute) :]) in _READ:
                value = v1 or v2
                if local in read or _NOT_PLAIN_RE.search(value):
                    return None
                read[local] = value
        try:
            sid = read.get(b"styleId", b"").decode("utf-8")
        except UnicodeDecodeError:
            return None
        if sid:
            spans.setdefault(sid, (start, end))
            if (
                default_para is None
                and read.get(b"default") in (b"1", b"true", b"on")
                and (read.get(b"type") or b"paragraph") == b"paragraph"
            ):
                default_para = sid
        start = following
    wrap = (root[2], b"</" + prefix + b":styles>")
    try:
        head = parse(wrap[0] + data[body:first] + wrap[1])
    except CorruptFileError:
        return None  # let the whole part's parse say what is wrong with it
    if head.find(f"{{{ns}}}style") is not None:
        return None  # a style with its own namespace declaration before the first one found
    return StyleIndex(data, wrap, spans, head, default_para, parse)


__all__ = ["StyleIndex", "index_styles"]
