"""Files -> Documents: decoding, front matter, Markdown/HTML cleaning, offsets back to the source.

The clean text is what every later stage reads and what claim offsets index. Each
stretch copied from the file is recorded in `Document.source_map`, so a quote can always
be traced to the bytes it came from. Input files are only ever read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from reconcile.config import Config
from reconcile.errors import InputError
from reconcile.lang import SUPPORTED_LANGUAGES, rules_for
from reconcile.lang.detect import detect_language
from reconcile.model import DateValue, Document
from reconcile.normalize.date import date_from_iso

ARTICLE_SUFFIXES = (".md", ".txt", ".markdown", ".html", ".htm")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
_FRONT_MATTER_KEYS = ("lang", "published", "title", "source")

# Inline Markdown/HTML constructs, in the order they are tried at each position.
_INLINE = re.compile(
    r"(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<link_text>[^\]\n]*)\]\([^)\n]*\))"
    r"|(?P<url>(?:https?|ftp)://\S+|www\.\S+)"
    r"|(?P<tag></?(?P<tag_name>[A-Za-z][A-Za-z0-9]*)[^<>\n]*>|<![A-Za-z][^<>\n]*>)"
    r"|(?P<entity>&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});)"
    r"|(?P<emphasis>\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|`+)"
)
# What every match of _INLINE holds: most lines hold none of it, and one search for it is
# cheaper than trying _INLINE's alternatives at every position (half of ingest's time).
_INLINE_HINT = re.compile(r"[!\[<&*_`]|://|www\.")
# Blanked before cleaning (newlines kept, so line numbers hold): invisible HTML, comments,
# and tags of HTML elements broken over several lines.
_INVISIBLE = re.compile(
    r"<(script|style|head|noscript|template)\b.*?</\1\s*>"
    r"|<!--.*?-->"
    r"|</?(?:a|article|b|blockquote|br|div|em|figure|h[1-6]|i|img|li|ol|p|section|span|strong|table|td|th|tr|ul)"
    r"\b[^<>\n]*\n[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
# Tags that separate words (a line break, a paragraph, a cell): removed, they leave a space.
_SEPARATING_TAGS = frozenset(
    "br p div li td th tr h1 h2 h3 h4 h5 h6 ul ol table section article blockquote figure hr".split()
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_RULE_LINE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_OPENING_PUNCT = re.compile(r"[\s,.;:!?)\]}，。；：！？）】、”’]")
_HEADER_SCAN_LINES = 15
_HEADER_LINE = re.compile(r"^[*_]*(?P<key>[^:：*_]{1,30}?)[*_]*\s*[:：]\s*(?P<value>\S.*)$")


@dataclass(slots=True)
class _CleanText:
    """Accumulates clean text and the runs copied verbatim from the source."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0

    def copy(self, source_start: int, chunk: str) -> None:
        if not chunk:
            return
        if (
            self.runs
            and self.runs[-1][0] + self.runs[-1][2] == self.length
            and (self.runs[-1][1] + self.runs[-1][2] == source_start)
        ):
            clean_start, start, length = self.runs[-1]
            self.runs[-1] = (clean_start, start, length + len(chunk))
        else:
            self.runs.append((self.length, source_start, len(chunk)))
        self.parts.append(chunk)
        self.length += len(chunk)

    def insert(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)

    @property
    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def text(self) -> str:
        return "".join(self.parts)


class _Line(NamedTuple):  # a tuple: a document has thousands, made three times over
    start: int
    text: str


def read_source(path: Path, config: Config) -> tuple[str, str]:
    """Decoded text of `path` and the encoding used; refuses what is not a text article."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file; give an article file or a corpus folder")
    try:
        size = path.stat().st_size
        if size > config.max_file_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is over the {config.max_file_bytes:,}-byte limit for one article; "
                "split it, or raise the limit with --max-file-bytes or max_file_bytes in reconcile.toml"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror or error})") from None
    if not raw.strip():
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    text, encoding = decode(raw, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    # A lone CR (old Mac line ends) becomes LF: same length, so offsets into the source still hold.
    return _LONE_CR.sub("\n", text), encoding


_LONE_CR = re.compile(r"\r(?!\n)")

# File signatures of formats people save articles in by mistake, named in the refusal.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.epub, which is one)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office (.doc/.xls) file"),
    (b"{\\rtf", "an RTF document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
)

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# Tried, in this order of preference, when a file is neither UTF-8 nor marked with a BOM.
_FALLBACK_ENCODINGS = ("gb18030", "big5", "cp950", "utf-16-le", "utf-16-be")
_TRIED = "tried UTF-8, UTF-16, GB18030, Big5"


def _common_hanzi() -> frozenset[str]:
    """The ~6,700 everyday Chinese characters: GB2312 level 1 (Simplified) and Big5 level 1 (Traditional).

    Both encodings list their characters by frequency band, so the tables themselves are the
    data. A wrong decoding of Chinese bytes yields rare characters, kana or private-use code
    points instead; the right one is almost all everyday characters.
    """
    pairs = [(0x40, 0x7F), (0xA1, 0xFF)]
    chars = {
        bytes((lead, trail)).decode("gb2312")
        for lead in range(0xB0, 0xD8)
        for trail in range(0xA1, 0xFF)
        if lead < 0xD7 or trail < 0xFA
    }
    for lead in range(0xA4, 0xC7):
        for low, high in pairs:
            for trail in range(low, high):
                if lead == 0xC6 and trail > 0x7E:
                    continue
                chars.add(bytes((lead, trail)).decode("big5"))
    return frozenset(chars)


_COMMON_HANZI = _common_hanzi()
_PLAIN_SYMBOLS = re.compile(r"[\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u303f\uff01-\uff5e]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE_CHARS = 20_000
_MIN_TEXT_SHARE = 0.7


def _text_share(text: str, *, count_ascii: bool) -> float:
    """Share of the characters that are everyday Chinese, common punctuation or (if counted) ASCII.

    For GB18030 and Big5, ASCII is left out: it reads the same in both, and a Latin-1 file
    read as GB18030 is mostly ASCII plus a few rare characters made of an accent and the next
    letter. Read as UTF-16, ASCII is evidence: it comes from byte pairs holding a NUL.
    """
    sample = text[:_SAMPLE_CHARS]
    counted = sample if count_ascii else [char for char in sample if char > "\x7f"]
    if not counted:
        return 1.0
    plain = sum(1 for char in counted if char in _COMMON_HANZI or char.isascii() or _PLAIN_SYMBOLS.match(char))
    return plain / len(counted)


def _looks_binary(text: str) -> bool:
    """Control characters (other than tab, line and page breaks) in more than 1 in 100 characters."""
    return len(_CONTROL.findall(text[:_SAMPLE_CHARS])) > min(len(text), _SAMPLE_CHARS) // 100


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding name: a BOM if present, else strict UTF-8, else the most plausible
    of GB18030, Big5 and BOM-less UTF-16 (judged by how much of it is everyday text).

    Refuses, naming the file, what is binary (a PDF, an image, an archive) or decodes to no
    plausible text in any of them.
    """
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"{path}: this is {kind}, not a text article; save the article as UTF-8 .txt or .md")
    refusal = InputError(f"{path}: not readable as text ({_TRIED}); convert it to UTF-8 or remove it from the corpus")
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()}; "
                    "convert it to UTF-8 or remove it from the corpus"
                ) from None
            if _looks_binary(text):
                raise refusal
            return text, name
    if b"\x00" not in raw:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _looks_binary(text):
                raise refusal
            return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for encoding in _FALLBACK_ENCODINGS:
        wide = encoding.startswith("utf-16")
        if (wide and len(raw) % 2) or (not wide and b"\x00" in raw):
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            continue
        share = _text_share(text, count_ascii=wide)
        if best is None or share > best[0]:
            best = (share, text, encoding)
    if best is None or best[0] < _MIN_TEXT_SHARE:
        raise refusal
    return best[1], best[2]


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: `published` is checked by date_from_iso, which
    names a bad date instead of crashing on 2023-02-30."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_UNCLOSED_FRONT_MATTER = re.compile(rf"\A---[ \t]*\r?\n[ \t]*(?:{'|'.join(_FRONT_MATTER_KEYS)})[ \t]*:", re.IGNORECASE)


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], int]:
    """The YAML front matter (or {}) and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if _UNCLOSED_FRONT_MATTER.match(text):
            raise InputError(
                f"{path}: line 1: front matter is never closed; add a line with only --- after its last key"
            )
        return {}, 0
    try:
        data = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed "[") beats where the parser gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(
            f"{path}:{line}: malformed front matter ({problem}); fix the YAML between the --- lines"
        ) from None
    if data is None:
        return {}, match.end()
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter must be key: value lines (got {type(data).__name__})")
    unknown = sorted(str(key) for key in data if key not in _FRONT_MATTER_KEYS)
    if unknown:
        raise InputError(
            f"{path}:{_key_line(match.group(1), unknown[0])}: unknown front matter key(s) {', '.join(unknown)} "
            f"(allowed: {', '.join(_FRONT_MATTER_KEYS)})"
        )
    if "published" in data:
        data["published"] = _published(data["published"], path, _key_line(match.group(1), "published"))
    return data, match.end()


def _key_line(front_matter: str, key: str) -> str:
    """' line N' of `key` in the file (front matter starts on line 2), or '' if not found."""
    for number, line in enumerate(front_matter.split("\n"), start=2):
        if line.lstrip().startswith(f"{key}:") or line.lstrip().startswith(f"{key} :"):
            return f" line {number}"
    return ""


def _published(value: object, path: Path, line: str) -> DateValue:
    if isinstance(value, DateValue):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return date_from_iso(value.isoformat())
    try:
        return date_from_iso(str(value))
    except ValueError as error:
        raise InputError(f"{path}:{line}: front matter `published:` is {error}") from None


def _lines(text: str, start: int) -> Iterator[_Line]:
    offset = start
    for raw_line in text[start:].split("\n"):
        yield _Line(offset, raw_line.rstrip("\r"))
        offset += len(raw_line) + 1


def _header_fields(lines: Iterable[_Line], lang: str) -> tuple[dict[str, str], set[int]]:
    """`key: value` metadata lines near the top (发布时间: ..., Published: ...) and their indexes."""
    keys = {alias.casefold(): name for name, aliases in rules_for(lang).text.header_fields.items() for alias in aliases}
    fields: dict[str, str] = {}
    consumed: set[int] = set()
    seen = 0
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _HEADER_SCAN_LINES:
            break
        match = _HEADER_LINE.match(stripped)
        name = keys.get(match.group("key").casefold()) if match else None
        if match and name is not None:
            fields.setdefault(name, match.group("value").strip())
            consumed.add(index)
    return fields, consumed


@cache
def _end_marker(lang: str) -> re.Pattern[str] | None:
    markers = rules_for(lang).text.end_markers
    return re.compile("|".join(f"(?:{marker})" for marker in markers), re.IGNORECASE) if markers else None


def _after_the_end(lines: list[_Line], lang: str) -> set[int]:
    """Indexes of the lines from an end-of-article marker on ("— 完 —" and the sign-off after
    it), when some article text comes before the marker."""
    ending = _end_marker(lang)
    if ending is None:
        return set()
    seen_text = False
    for index, line in enumerate(lines):
        content = _INLINE.sub("", line.text).strip()
        if seen_text and content and ending.fullmatch(content):
            return set(range(index, len(lines)))
        seen_text = seen_text or bool(content)
    return set()


_SPACE_RUN = re.compile(r"\s{2,}")


def _copy_compact(out: _CleanText, source_start: int, chunk: str) -> None:
    """Copy `chunk`, squeezing runs of whitespace (left where markup was removed) to one space."""
    position = 0
    for run in _SPACE_RUN.finditer(chunk):
        out.copy(source_start + position, chunk[position : run.start()])
        if out.last_char and not out.last_char.isspace():
            out.insert(" ")
        position = run.end()
    out.copy(source_start + position, chunk[position:])


def _clean_line(line: _Line, out: _CleanText) -> None:
    """Copy `line` into `out` without Markdown marks, images, URLs or HTML tags."""
    text = line.text
    prefix = _HEADING.match(text) or _BLOCK_MARK.match(text)
    position = prefix.end() if prefix else 0
    for match in _INLINE.finditer(text, position) if _INLINE_HINT.search(text, position) else ():
        _copy_compact(out, line.start + position, text[position : match.start()])
        kind = match.lastgroup
        if kind == "link":
            out.copy(line.start + match.start("link_text"), match.group("link_text"))
        elif kind == "entity":
            out.insert(html.unescape(match.group()))
        elif kind == "tag" and str(match.group("tag_name")).lower() in _SEPARATING_TAGS:
            following = text[match.end() : match.end() + 1]
            if out.last_char and not out.last_char.isspace() and following.strip() and following != "<":
                out.insert(" ")
        position = match.end()
    _copy_compact(out, line.start + position, text[position:].rstrip())


def _join_needs_space(before: str, after: str) -> bool:
    """Wrapped lines rejoin with a space between words of spaced scripts, with nothing in CJK."""
    if not before or not after or before.isspace():
        return False
    return not (_OPENING_PUNCT.match(after) or _CJK.match(after) or _CJK.match(before))


def clean(text: str, body_start: int, skip: set[int]) -> tuple[str, tuple[tuple[int, int, int], ...], tuple[int, ...]]:
    """Clean text of the body: one paragraph per line, wrapped lines joined, marks removed.

    Also returns the clean offsets where headings start: a heading opens a new section.
    """
    # Hard line breaks are read before blanking: a blanked comment must not leave trailing spaces.
    lines = list(_lines(text, body_start))
    hard_breaks = {index for index, line in enumerate(lines) if _HARD_BREAK.search(line.text)}
    blanked = _INVISIBLE.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)
    if blanked != text:
        lines = list(_lines(blanked, body_start))
    out = _CleanText()
    headings: list[int] = []
    paragraph_open = False
    for index, line in enumerate(lines):
        content = line.text.strip()
        unmarked = _INLINE.sub("", content) if _INLINE_HINT.search(content) else content
        stripped_inline = unmarked.strip(" \t>#-*+|")
        if index in skip or not content or _RULE_LINE.match(content) or not stripped_inline:
            if paragraph_open:
                out.insert("\n")
                paragraph_open = False
            continue
        standalone = bool(_HEADING.match(line.text))
        if paragraph_open and standalone:
            out.insert("\n")
            paragraph_open = False
        if paragraph_open:
            first = stripped_inline[0]
            if _join_needs_space(out.last_char, first):
                out.insert(" ")
        if standalone:
            headings.append(out.length)
        _clean_line(line, out)
        paragraph_open = not (standalone or index in hard_breaks)
        if not paragraph_open:
            out.insert("\n")
    body = out.text()
    return body.rstrip("\n"), tuple(out.runs), tuple(headings)


def ingest_file(
    path: Path, config: Config, doc_id: str | None = None, *, lang: str | None = None, published: str | None = None
) -> Document:
    """One article file as a Document; raises InputError with a one-line reason otherwise.

    `lang` and `published`, when given, take the place of what the file says (the API's
    `compare(..., langs=, published=)`).
    """
    source, encoding = read_source(path, config)
    meta, body_start = _front_matter(source, path)
    meta |= {key: value for key, value in {"lang": lang, "published": published}.items() if value is not None}
    return _document(source, body_start, meta, path, doc_id or path.stem, encoding)


def ingest_text(
    text: str, doc_id: str, *, lang: str | None = None, published: str | None = None, title: str | None = None
) -> Document:
    """A Document from text in memory (front matter, if present, is read as from a file)."""
    where = Path(f"<{doc_id}>")
    text = _LONE_CR.sub("\n", text)
    meta, body_start = _front_matter(text, where)
    overrides = {"lang": lang, "published": published, "title": title}
    meta |= {key: value for key, value in overrides.items() if value is not None}
    return _document(text, body_start, meta, where, doc_id, "utf-8")


def _document(source: str, body_start: int, meta: dict[str, Any], path: Path, doc_id: str, encoding: str) -> Document:
    if not source[body_start:].strip():
        after = " after the front matter" if body_start else ""
        raise InputError(f"{path}: no article text{after}; add the article text")
    supported = ", ".join(SUPPORTED_LANGUAGES)
    if meta.get("lang"):
        # Tags people write by hand: EN, zh-CN, zh_Hant, en-US.
        lang = re.split(r"[-_]", str(meta["lang"]).strip().lower(), maxsplit=1)[0]
        if lang not in SUPPORTED_LANGUAGES:
            raise InputError(
                f"{path}: language {meta['lang']!r} is not supported (set by `lang:` in front matter; "
                f"supported: {supported})"
            )
    else:
        lang = detect_language(_INLINE.sub(" ", source[body_start:]))
        if lang == "und":
            raise InputError(f"{path}: too little text to tell its language; add text or set `lang:` in front matter")
        if lang not in SUPPORTED_LANGUAGES:
            raise InputError(
                f"{path}: language {lang!r} is not supported (detected from the text; supported: {supported}); "
                "remove the file, or set `lang:` in front matter if it was misdetected"
            )
    lines = list(_lines(source, body_start))
    header, header_lines = _header_fields(lines, lang)
    text, runs, headings = clean(source, body_start, header_lines | _after_the_end(lines, lang))
    if not text.strip():
        raise InputError(f"{path}: no article text left after removing markup; check the file")
    published: DateValue | None = None
    if "published" in meta:
        published = _published(meta["published"], path, "")
    elif "published" in header:
        try:
            published = date_from_iso(header["published"])
        except ValueError:
            published = None
    title = str(meta.get("title") or header.get("title") or text.split("\n", 1)[0])[:200]
    return Document(
        id=doc_id,
        lang=lang,
        title=title.strip(),
        published=published,
        path=str(path),
        text=text,
        source=str(meta.get("source") or header.get("source") or header.get("author") or ""),
        encoding=encoding,
        source_map=runs,
        sections=headings,
    )


def article_files(folder: Path) -> list[Path]:
    """Article files of a corpus folder, sorted by name (hidden files ignored)."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")
    )


def _unique_ids(paths: Iterable[Path]) -> list[str]:
    ids: list[str] = []
    for path in paths:
        candidate = path.stem
        if candidate in ids:
            candidate = path.name
        ids.append(candidate)
    return ids


def _hint(folder: Path) -> str:
    """What to do about a folder without articles: its subfolders may be the corpora, or add articles."""
    children = sorted(path for path in folder.iterdir() if not path.name.startswith("."))
    corpora = [path.name for path in children if path.is_dir() and _holds_articles(path)]
    if corpora:
        return f"; its subfolders ({_few(corpora)}) look like corpora: give those instead"
    others = [path.name for path in children if path.is_file()]
    if others:
        return f"; ignored {_few(others)}; add at least two articles"
    return "; add at least two articles on the same story"


def _holds_articles(folder: Path) -> bool:
    try:
        return bool(article_files(folder))
    except OSError:
        return False


def _few(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def ingest_corpus(folder: Path, config: Config) -> tuple[Document, ...]:
    """Every article of a corpus folder; a corpus needs at least two to compare."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder; give a corpus folder holding article files")
    if not folder.is_dir():
        raise InputError(
            f"{folder}: not a folder; a corpus is a folder of .md/.txt articles (put this file in one with the others)"
        )
    try:
        paths = article_files(folder)
    except OSError as error:
        raise InputError(f"{folder}: cannot list the folder ({error.strerror or error})") from None
    if not paths:
        raise InputError(f"{folder}: no articles found (looked for {', '.join(ARTICLE_SUFFIXES)}){_hint(folder)}")
    if len(paths) < 2:
        raise InputError(
            f"{folder}: only one article ({paths[0].name}); add at least one more article on the same story to compare"
        )
    return tuple(ingest_file(path, config, doc_id) for path, doc_id in zip(paths, _unique_ids(paths), strict=True))
