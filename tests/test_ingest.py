"""Ingest: decoding, front matter, Markdown cleaning, offsets back to the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.config import Config
from reconcile.errors import InputError
from reconcile.ingest import _INLINE, _INLINE_HINT, ingest_corpus, ingest_file, ingest_text
from reconcile.lang.detect import detect_language

from .conftest import SEED_CORPUS

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

CLEANING = [
    # (markdown, clean text)
    ("最新消息，阿里大模型元老**杨红霞** 入职香港理工大学。", "最新消息，阿里大模型元老杨红霞 入职香港理工大学。"),
    ("她曾在IBM\nT.J.沃森研究中心担任研究人员。", "她曾在IBM T.J.沃森研究中心担任研究人员。"),
    ("M6项目在启动研发**1年时间左右**\n，快速完成扩展。", "M6项目在启动研发1年时间左右，快速完成扩展。"),
    ("She joined the\nlab in 2016.", "She joined the lab in 2016."),
    ("图片如下\n\n![](https://example.com/a.png)\n\n正文继续。", "图片如下\n正文继续。"),
    ("See [the paper](https://example.com/x) for details.", "See the paper for details."),
    ("## 通义千问奠基人物\n杨红霞本科毕业于南开大学。", "通义千问奠基人物\n杨红霞本科毕业于南开大学。"),
    ("Tom &amp; Jerry <b>won</b> a prize.", "Tom & Jerry won a prize."),
    ("Before.<script>alert(1)</script> After.", "Before. After."),
    ("参考链接：  \nhttps://www.polyu.edu.hk/comp/people/", "参考链接："),
    ("Line one\r\nline two.\r\n", "Line one line two."),
    # Issue 6: line ends and HTML left in.
    ("Line one\rline two.\r\rNext paragraph.\r", "Line one line two.\nNext paragraph."),
    ("Alibaba hired<br>300 engineers in 2021.", "Alibaba hired 300 engineers in 2021."),
    ("<p>One claim.</p><p>Another.</p>", "One claim. Another."),
    ("un<b>believ</b>able", "unbelievable"),
    ("Alibaba <!-- a comment\nover lines --> hired 300 engineers.", "Alibaba hired 300 engineers."),
    (
        "<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body><p>Alibaba hired.</p></body></html>",
        "Alibaba hired.",
    ),
    ("<div\n  class='x'>Alibaba hired 300 engineers.</div>", "Alibaba hired 300 engineers."),
    ("Shown as text: &lt;script&gt;alert(1)&lt;/script&gt;", "Shown as text: <script>alert(1)</script>"),
    ("<script>\nvar a;\n</script>\n发布时间: 2024-07-28\n\n杨红霞从达摩院离职。", "杨红霞从达摩院离职。"),
    # The end-of-article marker: what follows is the site's sign-off (the seed's QbitAI footer).
    (
        "杨红霞入职香港理工大学。\n\n— **完** —\n\n欢迎投稿专题 **一千零一个AI应****用** ，**365行AI落地方案**",
        "杨红霞入职香港理工大学。",
    ),
    ("新华社北京12月11日电 会议在京召开。\n（完）\n责任编辑：王成", "新华社北京12月11日电 会议在京召开。"),
    ("Li Wei joined Baidu.\n\n-END-\n\nSubscribe for 5 dollars a month.", "Li Wei joined Baidu."),
    ("Li Wei joined Baidu.\n\n###\n\nAbout the company: 300 staff.", "Li Wei joined Baidu."),
    ("完成了交易。\n完善了制度。", "完成了交易。完善了制度。"),  # 完 inside words ends nothing
    ("— 完 —\n\n杨红霞入职。", "— 完 —\n杨红霞入职。"),  # a marker before any text is not an end
    ("The end of an era came in 2021.", "The end of an era came in 2021."),
]


@pytest.mark.parametrize("markdown, expected", CLEANING)
def test_markdown_is_cleaned(markdown: str, expected: str) -> None:
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in markdown) else "en"
    assert ingest_text(markdown, "doc", lang=lang).text == expected


LANGUAGES = [
    ("Yang Hongxia left her post at the Alibaba DAMO Academy in September last year.", "en"),
    ("而就在这项重磅发布1个月后，杨红霞被曝因家庭原因从达摩院离职。", "zh"),
    ("楊紅霞從達摩院離職，這項發佈引起了業界的關注和討論。", "zh"),
    ("Le ministre a annoncé que la réforme sera mise en place dans les prochains mois.", "fr"),
    ("Die Regierung hat angekündigt, dass die Reform in den nächsten Monaten umgesetzt wird.", "de"),
    ("東京で開かれた会議では、多くの研究者が新しい技術について話し合いました。", "ja"),
    ("서울에서 열린 회의에서 많은 연구자들이 새로운 기술에 대해 논의했습니다.", "ko"),
    ("Президент заявил, что реформа будет проведена в ближайшие месяцы.", "ru"),
    ("ok", "und"),
]


@pytest.mark.parametrize("text, lang", LANGUAGES)
def test_language_is_detected(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_seed_corpus_reads_front_matter() -> None:
    english, chinese = ingest_corpus(SEED_CORPUS, Config())
    assert (english.id, english.lang, english.published and english.published.label) == ("pandaily-en", "en", "2023-03")
    assert (chinese.id, chinese.lang, chinese.published and chinese.published.label) == (
        "qbitai-zh",
        "zh",
        "2024-07-28",
    )
    assert chinese.title.startswith("阿里大模型元老杨红霞")


def test_header_date_is_read_without_front_matter() -> None:
    document = ingest_file(SEEDS / "004_ee95a9730bdf68fe.txt", Config())
    assert document.lang == "zh"
    assert document.published is not None and document.published.label == "2024-07-28"
    assert "发布时间" not in document.text and "mmbiz.qpic.cn" not in document.text


def test_clean_offsets_map_back_to_the_source() -> None:
    path = SEED_CORPUS / "qbitai-zh.md"
    source = path.read_text(encoding="utf-8")
    document = ingest_file(path, Config())
    for needle in ("杨红霞被曝因家庭原因从达摩院离职", "2021年10月M6正式成为全球首个10万亿参数多模态大模型"):
        start = document.text.index(needle)
        mapped = document.source_offset(start)
        assert source[mapped : mapped + len(needle)] == needle


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("lang: en\npublished: [2023\n", "malformed front matter"),
        ("lang: en\npublished: March\n", "is not a date"),
        ("lang: en\nauthor: someone\n", "unknown front matter key"),
        ("lang: fr\n", "not supported"),
    ],
)
def test_bad_front_matter_is_named(tmp_path: Path, front_matter: str, message: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front_matter}---\nSome text about a company that hired people.\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        ingest_file(path, Config())


@pytest.mark.parametrize(
    "line",
    [
        "an image ![logo](a.png) here",
        "a [link](/about) here",
        "see example.com/a via https://example.com/a",
        "files at ftp://files.example.org",
        "visit www.example.com today",
        "one<br>two",
        "<!DOCTYPE html>",
        "AT&amp;T",
        "**bold** words",
        "an _italic_ word",
        "run `make`",
    ],
)
def test_every_kind_of_markup_shows_the_hint(line: str) -> None:
    """Cleaning tries the markup pattern only on lines holding its hint."""
    assert _INLINE.search(line) and _INLINE_HINT.search(line)


@given(st.text(alphabet=st.sampled_from("htpsfw .:/!?[]()<>&#;*_`-\n中a1"), max_size=40))
def test_a_line_without_the_hint_holds_no_markup(line: str) -> None:
    if _INLINE.search(line):
        assert _INLINE_HINT.search(line)
