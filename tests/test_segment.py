"""Segment: sentences in English and Chinese, as tables of input -> expected sentences."""

from __future__ import annotations

import pytest

from reconcile.ingest import ingest_text
from reconcile.segment import segment

SENTENCES = [
    (
        "en",
        "M6 was first released in March 2021. Subsequently, it was changed.",
        ["M6 was first released in March 2021.", "Subsequently, it was changed."],
    ),
    (
        "en",
        "A few days ago, Baidu, Inc. announced that it will release its ERNIE Bot on March 27th. It remains open.",
        ["A few days ago, Baidu, Inc. announced that it will release its ERNIE Bot on March 27th.", "It remains open."],
    ),
    (
        "en",
        "Energy use is only 1.5 percent of GPT-3. Dr. Smith agreed.",
        ["Energy use is only 1.5 percent of GPT-3.", "Dr. Smith agreed."],
    ),
    ("en", "The U.S. market grew. Prices rose!", ["The U.S. market grew.", "Prices rose!"]),
    ("en", "He said: “The scale is amazing.” Then he left.", ["He said: “The scale is amazing.”", "Then he left."]),
    ("en", "Title line\n\nFirst sentence here.", ["Title line", "First sentence here."]),
    ("en", "# Title line\nFirst sentence here.", ["Title line", "First sentence here."]),
    (
        "zh",
        "杨红霞是AI领域知名科学家。她曾在IBM T.J.沃森研究中心担任研究人员。",
        ["杨红霞是AI领域知名科学家。", "她曾在IBM T.J.沃森研究中心担任研究人员。"],
    ),
    (
        "zh",
        "阿里大模型元老杨红霞去向官宣：入职香港高校！被曝创业项目也在推进",
        ["阿里大模型元老杨红霞去向官宣：入职香港高校！", "被曝创业项目也在推进"],
    ),
    ("zh", "“你只需要轻轻呼一口气。”张迪鸣介绍说。", ["“你只需要轻轻呼一口气。”", "张迪鸣介绍说。"]),
    ("zh", "能耗仅为1.5%。真的吗？是的", ["能耗仅为1.5%。", "真的吗？", "是的"]),
    ("zh", "新华社北京５月２０日电。记者获悉。", ["新华社北京５月２０日电。", "记者获悉。"]),
]


@pytest.mark.parametrize("lang, text, expected", SENTENCES)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    document = ingest_text(text, "doc", lang=lang)
    sentences = segment(document)
    assert [s.text for s in sentences] == expected
    assert all(document.text[s.start : s.end] == s.text for s in sentences)
