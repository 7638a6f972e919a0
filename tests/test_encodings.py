"""Decoding: every supported encoding reads back exactly and is reported; binaries are refused.

Real Chinese text decides between GB18030 and Big5, so the checks use the seed article and
the WMT22 news sentences. Big5 holds Traditional characters only: text is converted with
OpenCC's s2tw (Taiwan standard; plain s2t yields forms such as 爲 and 着 that Big5 lacks),
and the few characters Big5 still cannot encode (emoji, 丨, ～) are left out.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import pytest

from reconcile.config import Config
from reconcile.errors import InputError
from reconcile.ingest import decode, ingest_corpus, ingest_file, read_source
from reconcile.pipeline import Pipeline
from reconcile.report import findings_json

from .conftest import SEED_CORPUS

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_ZH = SHARED / "seeds" / "004_ee95a9730bdf68fe.txt"
WMT_NEWS = SHARED / "eval" / "wmt22-zhen-news.jsonl"
WHERE = Path("article.txt")


@cache
def _s2tw() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def traditional(text: str) -> str:
    return str(_s2tw().convert(text))


def encodable(text: str, encoding: str) -> str:
    """`text` without the characters `encoding` cannot hold."""
    return "".join(char for char in text if char.encode(encoding, errors="ignore"))


@cache
def wmt() -> list[dict[str, Any]]:
    return [json.loads(line) for line in WMT_NEWS.read_text(encoding="utf-8").splitlines()]


def wmt_sentences(side: str) -> list[str]:
    return [str(sentence) for document in wmt() for sentence in document[f"{side}_sents"]]


# (encoding written, how to prepare the text, encoding reported, how to write the bytes)
ENCODINGS: list[tuple[str, Callable[[str], str], str, Callable[[str], bytes]]] = [
    ("utf-8", str, "utf-8", lambda text: text.encode("utf-8")),
    ("utf-8 with BOM", str, "utf-8-sig", lambda text: text.encode("utf-8-sig")),
    ("utf-16 LE with BOM", str, "utf-16-le", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
    ("utf-16 BE with BOM", str, "utf-16-be", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    ("utf-16 LE without BOM", str, "utf-16-le", lambda text: text.encode("utf-16-le")),
    ("utf-16 BE without BOM", str, "utf-16-be", lambda text: text.encode("utf-16-be")),
    ("utf-32 with BOM", str, "utf-32-le", lambda text: b"\xff\xfe\x00\x00" + text.encode("utf-32-le")),
    ("gb18030", str, "gb18030", lambda text: text.encode("gb18030")),
    ("gbk", lambda text: encodable(text, "gbk"), "gb18030", lambda text: text.encode("gbk")),
    ("gb2312", lambda text: encodable(text, "gb2312"), "gb18030", lambda text: text.encode("gb2312")),
    ("big5", lambda text: encodable(traditional(text), "big5"), "big5", lambda text: text.encode("big5")),
]


@pytest.mark.parametrize("prepare, reported, write", [case[1:] for case in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_seed_article_decodes_exactly(
    tmp_path: Path, prepare: Callable[[str], str], reported: str, write: Callable[[str], bytes]
) -> None:
    text = prepare(SEED_ZH.read_text(encoding="utf-8"))
    path = tmp_path / "article.txt"
    path.write_bytes(write(text))
    assert read_source(path, Config()) == (text, reported)
    document = ingest_file(path, Config())
    assert document.encoding == reported
    assert document.lang == "zh" and document.published is not None and document.published.label == "2024-07-28"


@pytest.mark.parametrize(
    "prepare, reported, write",
    [case[1:] for case in ENCODINGS if case[0] != "utf-8"],
    ids=[case[0] for case in ENCODINGS if case[0] != "utf-8"],
)
def test_every_wmt_sentence_decodes_exactly(
    prepare: Callable[[str], str], reported: str, write: Callable[[str], bytes]
) -> None:
    """One sentence is the hardest case: little text to tell the encodings apart."""
    wrong = []
    for sentence in wmt_sentences("zh"):
        text = prepare(sentence)
        if not text.strip():
            continue
        decoded = decode(write(text), WHERE)
        if decoded != (text, reported):
            wrong.append((text, decoded))
    assert wrong == []


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16-le", "utf-16-be"])
def test_whole_wmt_documents_decode_exactly(encoding: str) -> None:
    for document in wmt():
        text = str(document["zh"])
        if encoding == "big5":
            text = encodable(traditional(text), "big5")
        assert decode(text.encode(encoding), WHERE) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_in_utf16_without_bom(encoding: str) -> None:
    for document in wmt():
        text = str(document["en"])
        assert decode(text.encode(encoding), WHERE) == (text, encoding)


SHORT = [
    ("阿里巴巴", "gb18030"),
    ("杨红霞离职了。", "gb18030"),
    ("楊紅霞離職了。", "big5"),
    ("阿里巴巴去年9月招聘了300名工程师。", "gb18030"),
    ("阿里巴巴去年9月招聘了300名工程師。", "big5"),
    ("“我承诺。”", "utf-16-be"),
    ("“我承诺。”", "utf-16-le"),
]


@pytest.mark.parametrize("text, encoding", SHORT)
def test_short_chinese_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), WHERE) == (text, encoding)


NOT_TEXT = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "this is a PNG image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "this is a JPEG image"),
    ("gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "this is a GIF image"),
    ("pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "this is a PDF document"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "this is a zip archive"),
    ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "this is a gzip archive"),
    ("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Microsoft Office"),
    ("rtf", b"{\\rtf1\\ansi Alibaba hired 300 engineers.}", "this is an RTF document"),
    ("elf", b"\x7fELF\x02\x01\x01\x00", "this is an executable"),
    ("random", bytes((index * 7919 + 13) % 251 for index in range(600)), "not readable as text"),
    ("random, no NUL", bytes((index * 104729 + 7) % 255 + 1 for index in range(400)), "not readable as text"),
    ("controls", b"Alibaba\x01\x02\x03\x04\x05\x06 hired\x07\x08 300\x0e\x0f engineers", "not readable as text"),
    ("latin-1", "Le café était très bon, déjà à l'école.".encode("latin-1"), "not readable as text"),
    ("cp1252 quotes", "He said \u201chello\u201d \u2014 it\u2019s fine.".encode("cp1252"), "not readable as text"),
    ("utf-16 odd length", "Alibaba hired".encode("utf-16-le") + b"\x00", "not readable as text"),
    ("bad BOM", b"\xef\xbb\xbfAlibaba \xff hired", "starts with a UTF-8 byte-order mark but is not valid UTF-8"),
]


@pytest.mark.parametrize("raw, message", [case[1:] for case in NOT_TEXT], ids=[case[0] for case in NOT_TEXT])
def test_not_text_is_refused_naming_the_file(raw: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(raw, Path("corpus/b.md"))
    assert str(raised.value).startswith("corpus/b.md: ") and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_random_bytes_are_refused() -> None:
    """Noise of any length is not mistaken for GB18030 or Big5 text."""
    import random

    rng = random.Random(6)
    accepted = []
    for length in (8, 64, 512, 4096):
        for _ in range(100):
            raw = rng.randbytes(length)
            with contextlib.suppress(InputError):
                accepted.append(decode(raw, WHERE))
    assert len(accepted) <= 3  # a few 8-byte draws may read as two or three characters


LINE_ENDINGS = [
    (
        "crlf",
        "Alibaba hired 300\r\nengineers in 2021.\r\n\r\nIt said so.\r\n",
        "Alibaba hired 300 engineers in 2021.\nIt said so.",
    ),
    (
        "cr",
        "Alibaba hired 300\rengineers in 2021.\r\rIt said so.\r",
        "Alibaba hired 300 engineers in 2021.\nIt said so.",
    ),
    (
        "mixed",
        "Alibaba hired 300\r\nengineers in 2021.\n\rIt said so.",
        "Alibaba hired 300 engineers in 2021.\nIt said so.",
    ),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in LINE_ENDINGS], ids=[c[0] for c in LINE_ENDINGS])
def test_line_endings(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + ("---\r\nlang: en\r\npublished: 2023-03\r\n---\r\n" + text).encode("utf-16-le"))
    document = ingest_file(path, Config())
    assert (document.text, document.lang, document.encoding) == (expected, "en", "utf-16-le")
    assert document.published is not None and document.published.label == "2023-03"
    source, _ = read_source(path, Config())
    start = document.text.index("It said so")
    assert source[document.source_offset(start) :].startswith("It said so")


def test_front_matter_after_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(
        "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了300名工程师。\n".encode("utf-8-sig")
    )
    document = ingest_file(path, Config())
    assert (document.lang, document.encoding, document.text) == (
        "zh",
        "utf-8-sig",
        "阿里巴巴去年9月招聘了300名工程师。",
    )


def test_encoding_is_reported_in_findings_json(tmp_path: Path) -> None:
    corpus = tmp_path / "story"
    corpus.mkdir()
    english = (SEED_CORPUS / "pandaily-en.txt").read_text(encoding="utf-8")
    chinese = (SEED_CORPUS / "qbitai-zh.md").read_text(encoding="utf-8")
    (corpus / "en.txt").write_bytes(b"\xff\xfe" + english.encode("utf-16-le"))
    (corpus / "zh-simplified.md").write_bytes(encodable(chinese, "gbk").encode("gbk"))
    (corpus / "zh-traditional.md").write_bytes(encodable(traditional(chinese), "big5").encode("big5"))
    documents = ingest_corpus(corpus, Config())
    result = Pipeline(Config(embedder="none")).run(documents, "story")
    reported = {document["id"]: document["encoding"] for document in findings_json(result)["documents"]}
    assert reported == {"en": "utf-16-le", "zh-simplified": "gb18030", "zh-traditional": "big5"}
    assert {document.lang for document in documents} == {"en", "zh"}
