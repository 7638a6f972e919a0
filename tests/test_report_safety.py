"""Article text cannot break the Markdown report or inject markup into it (nor formulas into the CSV).

The corpus below smuggles table pipes, backticks, HTML, javascript: links, autolinks,
heading marks and emphasis into real claims (sentences with dates, numbers and
organisations), into front-matter titles and sources, into a file name (a document id) and
into the corpus name. HTML entities get them past the cleaner, as a scraped page would.
The report is rendered with markdown-it (CommonMark + tables) and its structure checked.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reconcile.config import Config
from reconcile.pipeline import Pipeline
from reconcile.report import Reconciliation, md_code, md_escape, write_report

from .conftest import HashingEmbedder

MARKDOWN = MarkdownIt("commonmark").enable("table")

CORPUS_NAME = "story <i>|`x`"
EN_NAME = "en|`<b>`"
EN = """---
lang: en
published: 2023-03
title: "<script>alert('title')</script> | `x` [a](javascript:alert(1))"
source: "<img src=x onerror=alert(1)> | **bold** <http://evil.example>"
---
Alibaba hired 300 engineers in 2021 | &lt;script&gt;alert(1)&lt;/script&gt;
&#91;x&#93;(javascript:alert(1)) in Hangzhou.

ByteDance paid $5 million to Microsoft in March 2022 &lt;img src=x onerror=alert(1)&gt; &#96;code&#96; &#124; cell.

Yang Hongxia joined ByteDance in September 2022, &#35;&#35; heading &#42;&#42;bold&#42;&#42; &#95;em&#95; ~~strike~~.

=HYPERLINK("http://evil.example") Alibaba released M6 with 10 trillion parameters in October 2021 &lt;http://evil.example&gt;.

Tencent said on 5 May 2023 that 2021. &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;
&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; had 40 staff.
"""
ZH = """---
lang: zh
published: 2024-07-28
title: "| 标题 `x` <b>粗</b>"
---
阿里巴巴在2021年招聘了300名工程师 &#124; &lt;script&gt;alert(1)&lt;/script&gt;。

字节跳动在2022年3月向微软支付了500万美元 &#91;x&#93;(javascript:alert(1))。

杨红霞于2022年9月加入字节跳动 &lt;img src=x onerror=alert(1)&gt; &#96;代码&#96;。
"""

OWN_HEADINGS = re.compile(
    r"(Reconciliation report: .+|Sources|Summary|Conflicts|Added detail|Agreements"
    r"|Paired claims where one side says more|Only in .+ \(.+\)|F\d+ · .+)"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Reconciliation, str, str]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / CORPUS_NAME
    corpus.mkdir()
    (corpus / f"{EN_NAME}.md").write_text(EN, encoding="utf-8")
    (corpus / "zh.md").write_text(ZH, encoding="utf-8")
    result = Pipeline(Config(cache=False), embedder=HashingEmbedder()).run_folder(corpus)
    write_report(result, root / "out")
    markdown = (root / "out" / f"{CORPUS_NAME}.md").read_text(encoding="utf-8")
    csv_text = (root / "out" / f"{CORPUS_NAME}.csv").read_text(encoding="utf-8")
    return result, markdown, csv_text


def test_the_payloads_reach_the_claims(hostile: tuple[Reconciliation, str, str]) -> None:
    """Guards the other tests against passing vacuously (if the cleaner ever drops the payloads)."""
    result, _, _ = hostile
    texts = " ".join(claim.text for claim in result.claims)
    for payload in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror", "`code`", "|", "##"):
        assert payload in texts
    assert any(claim.text.startswith("=HYPERLINK") for claim in result.claims)
    assert {document.id for document in result.documents} == {EN_NAME, "zh"}
    assert result.corpus == CORPUS_NAME


def _walk(tokens: list[Token]) -> list[Token]:
    return [token for parent in tokens for token in (parent, *(parent.children or []))]


def test_tables_keep_their_columns(hostile: tuple[Reconciliation, str, str]) -> None:
    _, markdown, _ = hostile
    tokens = MARKDOWN.parse(markdown)
    tables = 0
    columns: int | None = None
    cells = 0
    for token in tokens:
        if token.type == "table_open":
            tables += 1
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            if columns is None:
                columns = cells  # the header row
            assert cells == columns
        elif token.type == "table_close":
            columns = None
    # Every table the report wrote is parsed as a table: one per delimiter row.
    assert tables == sum(1 for line in markdown.splitlines() if line.startswith("|---"))
    # Each table row is one line with as many unescaped pipes as the header row.
    for block in re.split(r"\n(?!\|)", markdown):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) <= 1, rows


def test_headings_are_the_reports_own(hostile: tuple[Reconciliation, str, str]) -> None:
    _, markdown, _ = hostile
    tokens = MARKDOWN.parse(markdown)
    headings = [
        (token.tag, tokens[index + 1].content) for index, token in enumerate(tokens) if token.type == "heading_open"
    ]
    assert headings[0] == ("h1", f"Reconciliation report: {md_escape(CORPUS_NAME)}")
    assert [tag for tag, _ in headings].count("h1") == 1
    assert [text for tag, text in headings if tag == "h2"] == [
        "Sources",
        "Summary",
        "Conflicts",
        "Added detail",
        "Agreements",
    ]
    for _, text in headings:
        assert OWN_HEADINGS.fullmatch(text), text


def test_no_markup_from_the_articles(hostile: tuple[Reconciliation, str, str]) -> None:
    _, markdown, _ = hostile
    tokens = _walk(MARKDOWN.parse(markdown))
    kinds = {token.type for token in tokens}
    forbidden = {"html_block", "html_inline", "link_open", "code_block", "fence", "em_open", "s_open"}
    assert not kinds & (forbidden | {"blockquote_open", "ordered_list_open", "hr"})
    # The one image is the report's own timeline, beside it under the corpus' name.
    images = [token.attrs.get("src") for token in tokens if token.type == "image"]
    assert images == [quote(f"{CORPUS_NAME}.png")]
    # The report's own markup only: the embedder name in a code span, the verdicts in bold.
    assert [token.content for token in tokens if token.type == "code_inline"] == ["hashing-test"]
    bold = [tokens[index + 1].content for index, token in enumerate(tokens) if token.type == "strong_open"]
    assert bold == ["conflict", "adds detail", "agree"]
    html = MARKDOWN.render(markdown).replace(f'<img src="{quote(CORPUS_NAME)}.png"', "<figure")
    assert not re.search(r"<(script|img|a|iframe|b|i|td>\s*</tr)\b", html, re.IGNORECASE)
    assert not re.search(r"<[^>]*\b(href|src|on\w+)\s*=", html, re.IGNORECASE)
    # The text is still there, shown literally.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_csv_cells_cannot_be_formulas(hostile: tuple[Reconciliation, str, str]) -> None:
    _, _, csv_text = hostile
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


# Each text must render back exactly (whitespace squeezed) in a table cell, a list item and a heading.
ESCAPED = [
    "a | b",
    "a \\| b",
    "ends with \\",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](http://evil.example/a.png)",
    "<http://evil.example>",
    "<a@b.example>",
    "# heading",
    "## heading ##",
    "**bold** __bold__ *em* _em_",
    "~~strike~~",
    "&lt;entity&gt; &#106;&amp;",
    "2021. a year",
    "1) first",
    "- dash",
    "+ plus",
    "> quote",
    "---",
    "===",
    "    indented code",
    "line\nbreak\r\nand\u2028separator",
    "[ref]: javascript:alert(1)",
    "<!-- comment -->",
    "\\`not code\\`",
]


def _rendered_text(markdown: str) -> str:
    """Text of the last inline content of `markdown`, with any markup it produced shown as <kind>."""
    tokens = MARKDOWN.parse(markdown)
    blocks = [token.type for token in tokens if token.type.endswith("_open") and token.nesting == 1]
    if not {"ordered_list_open", "blockquote_open", "code_block"}.isdisjoint(blocks) or tokens[-1].type == "hr":
        return f"<{blocks}>"
    inline = [token for token in tokens if token.type == "inline"][-1]
    return "".join(child.content if child.type == "text" else f"<{child.type}>" for child in inline.children or [])


def _renders_literally(text: str) -> None:
    flat = " ".join(text.split())
    escaped = md_escape(text)
    assert _rendered_text(f"| h |\n|---|\n| {escaped} |\n") == flat
    assert _rendered_text(f"- {escaped}\n") == flat
    assert _rendered_text(f"### F1 · {escaped}\n") == f"F1 · {flat}"


@pytest.mark.parametrize("text", ESCAPED)
def test_md_escape_renders_literally(text: str) -> None:
    _renders_literally(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1).filter(str.strip))
def test_md_escape_renders_any_text_literally(text: str) -> None:
    _renders_literally(text)


@pytest.mark.parametrize("text", ["use-m3", "st:model`1", "a``b", "`"])
def test_md_code_holds_backticks(text: str) -> None:
    inline = [token for token in MARKDOWN.parse(f"x {md_code(text)} y\n") if token.type == "inline"][-1]
    assert [child.content for child in inline.children or [] if child.type == "code_inline"] == [text]
