"""Files -> Documents: decoding, front matter, Markdown/HTML cleaning, offsets back to the source.

The clean text is what every later stage reads and what claim offsets index. Each
stretch copied from the file is recorded in `Document.source_map`, so a quote can always
be traced to the bytes it came from. Input files are only ever read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
    r"|(?P<tag></?[A-Za-z][^<>\n]*>)"
    r"|(?P<entity>&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});)"
    r"|(?P<emphasis>\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|`+)"
)
_SCRIPT_BLOCK = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
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


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str


def read_source(path: Path, config: Config) -> tuple[str, str]:
    """Decoded text of `path` and the encoding used; refuses what is not a text article."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file; give an article file or a corpus folder")
    size = path.stat().st_size
    if size > config.max_file_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is over the {config.max_file_bytes:,}-byte limit for one article; "
            "split it or raise max_file_bytes in reconcile.toml"
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{path}: the file is empty; remove it or add the article text")
    return decode(raw, path)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_LEGACY_ENCODINGS = ("gb18030", "big5")


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding name: BOMs first, then strict UTF-8, then the legacy Chinese encodings."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    if b"\x00" not in raw:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        from charset_normalizer import from_bytes

        best = from_bytes(raw, cp_isolation=list(_LEGACY_ENCODINGS)).best()
        if best is not None and best.encoding in ("gb18030", "big5"):
            return str(best), best.encoding
    raise InputError(
        f"{path}: not readable as text (tried UTF-8, UTF-16, GB18030, Big5); "
        "convert it to UTF-8 or remove it from the corpus"
    )


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], int]:
    """The YAML front matter (or {}) and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
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
            f"{path}: unknown front matter key(s) {', '.join(unknown)} (allowed: {', '.join(_FRONT_MATTER_KEYS)})"
        )
    return data, match.end()


def _published(value: object, path: Path, where: str) -> DateValue:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return date_from_iso(value.isoformat())
    try:
        return date_from_iso(str(value))
    except ValueError:
        raise InputError(f"{path}: {where} {value!r} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD") from None


def _lines(text: str, start: int) -> list[_Line]:
    lines = []
    offset = start
    for raw_line in text[start:].split("\n"):
        lines.append(_Line(offset, raw_line.rstrip("\r")))
        offset += len(raw_line) + 1
    return lines


def _header_fields(lines: list[_Line], lang: str) -> tuple[dict[str, str], set[int]]:
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
    for match in _INLINE.finditer(text, position):
        _copy_compact(out, line.start + position, text[position : match.start()])
        kind = match.lastgroup
        if kind == "link":
            out.copy(line.start + match.start("link_text"), match.group("link_text"))
        elif kind == "entity":
            out.insert(html.unescape(match.group()))
        position = match.end()
    _copy_compact(out, line.start + position, text[position:].rstrip())


def _join_needs_space(before: str, after: str) -> bool:
    """Wrapped lines rejoin with a space between words of spaced scripts, with nothing in CJK."""
    if not before or not after or before.isspace():
        return False
    return not (_OPENING_PUNCT.match(after) or _CJK.match(after) or _CJK.match(before))


def clean(text: str, body_start: int, skip: set[int]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Clean text of the body: one paragraph per line, wrapped lines joined, marks removed."""
    text = _SCRIPT_BLOCK.sub(lambda match: " " * len(match.group()), text)
    out = _CleanText()
    paragraph_open = False
    for index, line in enumerate(_lines(text, body_start)):
        content = line.text.strip()
        stripped_inline = _INLINE.sub("", content).strip(" \t>#-*+|")
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
        _clean_line(line, out)
        paragraph_open = not (standalone or _HARD_BREAK.search(line.text))
        if not paragraph_open:
            out.insert("\n")
    body = out.text()
    return body.rstrip("\n"), tuple(out.runs)


def ingest_file(path: Path, config: Config, doc_id: str | None = None) -> Document:
    """One article file as a Document; raises InputError with a one-line reason otherwise."""
    source, encoding = read_source(path, config)
    meta, body_start = _front_matter(source, path)
    return _document(source, body_start, meta, path, doc_id or path.stem, encoding)


def ingest_text(
    text: str, doc_id: str, *, lang: str | None = None, published: str | None = None, title: str | None = None
) -> Document:
    """A Document from text in memory (front matter, if present, is read as from a file)."""
    where = Path(f"<{doc_id}>")
    meta, body_start = _front_matter(text, where)
    overrides = {"lang": lang, "published": published, "title": title}
    meta |= {key: value for key, value in overrides.items() if value is not None}
    return _document(text, body_start, meta, where, doc_id, "utf-8")


def _document(source: str, body_start: int, meta: dict[str, Any], path: Path, doc_id: str, encoding: str) -> Document:
    lines = _lines(source, body_start)
    probe = _INLINE.sub(" ", source[body_start:])
    lang = str(meta.get("lang") or detect_language(probe))
    if lang == "und":
        raise InputError(f"{path}: too little text to tell its language; add text or set `lang:` in front matter")
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(
            f"{path}: language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)}); "
            "remove the file or set `lang:` if it was misdetected"
        )
    header, header_lines = _header_fields(lines, lang)
    text, runs = clean(source, body_start, header_lines)
    if not text.strip():
        raise InputError(f"{path}: no article text left after removing markup; check the file")
    published: DateValue | None = None
    if "published" in meta:
        published = _published(meta["published"], path, "front matter `published:`")
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


def ingest_corpus(folder: Path, config: Config) -> tuple[Document, ...]:
    """Every article of a corpus folder; a corpus needs at least two to compare."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder; give a corpus folder holding article files")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; a corpus is a folder of .md/.txt articles")
    paths = article_files(folder)
    if not paths:
        raise InputError(f"{folder}: no articles found (looked for {', '.join(ARTICLE_SUFFIXES)}); add at least two")
    if len(paths) < 2:
        raise InputError(
            f"{folder}: only one article ({paths[0].name}); add at least one more article on the same story to compare"
        )
    return tuple(ingest_file(path, config, doc_id) for path, doc_id in zip(paths, _unique_ids(paths), strict=True))
