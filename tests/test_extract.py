"""Extract stage: sentences -> claims, as tables of real text -> (claim start, subject, event, object).

Rows are passages of the seed articles (a sentence or two, so that pronouns and dropped
subjects have something to refer to) and phrases of the same shapes. Each row lists every
claim the passage yields, in order.
"""

from __future__ import annotations

import re

import pytest

from reconcile.config import Config
from reconcile.extract import extract
from reconcile.ingest import ingest_file, ingest_text
from reconcile.model import Claim
from reconcile.segment import segment

from .conftest import SEED_CORPUS

Expected = tuple[str, str | None, str | None, str | None]  # claim text starts with, subject, event, object

CLAIMS: list[tuple[str, str, list[Expected]]] = [
    # "she" and 她 continue with the last person written about
    (
        "en",
        "Yang Hongxia left Alibaba in September 2022. She joined ByteDance in March 2023.",
        [
            ("Yang Hongxia left", "Yang Hongxia", "leave", "Alibaba"),
            ("She joined", "Yang Hongxia", "join", "ByteDance"),
        ],
    ),
    (
        "zh",
        "2016年，杨红霞回国入职阿里巴巴。而就在这项重磅发布1个月后，她被曝因家庭原因从达摩院离职。",
        [
            ("2016年", "Yang Hongxia", "join", "Alibaba"),
            ("而就在", "Yang Hongxia", "leave", "DAMO Academy"),
        ],
    ),
    # a Chinese dropped subject: a personal event continues with the last person
    (
        "zh",
        "杨红霞2016年加入阿里巴巴。2023年3月入职字节跳动。",
        [
            ("杨红霞", "Yang Hongxia", "join", "Alibaba"),
            ("2023年3月", "Yang Hongxia", "join", "ByteDance"),
        ],
    ),
    # the person before 向…汇报 is the subject; the one reported to is the object
    (
        "zh",
        "杨红霞曾在字节跳动任职。任职字节期间，她主要负责大模型研发，向字节AML和豆包大模型Foundation团队负责人项亮汇报。",
        [
            ("杨红霞", "Yang Hongxia", "hold_role", "ByteDance"),
            ("任职字节期间", "Yang Hongxia", "report_to", "Xiang Liang"),
        ],
    ),
    # one claim per dated event: a sentence is cut where a second date starts
    (
        "zh",
        "2020年6月项目启动，2021年5月发布万亿参数规模M6并投入使用，2021年10月M6正式成为全球首个10万亿参数多模态大模型。",
        [
            ("2020年6月", None, "launch", None),
            ("2021年5月", "M6", "release", None),
            ("2021年10月", "M6", "reach", None),
        ],
    ),
    # a later clause whose names all follow its predicate shares the sentence's subject:
    # GPT-3 is what M6 is compared with, not what trained the model
    (
        "en",
        "Subsequently, M6 was changed to trillion parameters with 480 GPUs, and then successfully trained "
        "a 10 trillion model within 10 days on the basis of 512 GPUs, which has the same parameter scale as GPT-3.",
        [
            ("Subsequently", "M6", "reach", None),
            ("then successfully trained", "M6", "train", None),
        ],
    ),
    (
        "en",
        "Alibaba launched Tmall in 2012, and then acquired Ele.me from Baidu in 2018.",
        [
            ("Alibaba launched", "Alibaba", "launch", "Tmall"),
            ("then acquired", "Alibaba", "acquire", "Ele.me"),  # what was acquired, not whom from
        ],
    ),
    # ...but a clause that names its own subject before the predicate keeps it
    (
        "en",
        "Alibaba acquired Ele.me in 2018, and then Tencent acquired Sogou in 2021.",
        [
            ("Alibaba acquired", "Alibaba", "acquire", "Ele.me"),
            ("then Tencent acquired", "Tencent", "acquire", None),
        ],
    ),
    # a relative clause with its own amount is its own claim
    (
        "en",
        "Li Wei joined Baidu in 2021. At Baidu he leads a team of about 200 people working on the ERNIE 3.0 "
        "Titan model, which has 260 billion parameters.",
        [
            ("Li Wei joined", "Li Wei", "join", "Baidu"),
            ("At Baidu he leads", "Li Wei", "lead", "Baidu"),
            ("which has 260 billion parameters", None, None, None),
        ],
    ),
    # a clause that frames the next (与…相比) belongs to its claim: 2002 is what the growth is
    # measured from, not a date of the 10.85万吨 (wmt)
    (
        "zh",
        "青海湖裸鲤资源蕴藏量达到10.85万吨，与2002年保护初期相比，累计增长40余倍。",
        [
            ("青海湖裸鲤资源蕴藏量达到10.85万吨", None, "reach", None),
            ("与2002年保护初期相比，累计增长40余倍", None, "grow", None),
        ],
    ),
    # a clause that is only a date frames the next: no claim of a bare "2月7日"
    (
        "zh",
        "发布时间：2024-02-07\n\n2月7日，阿里巴巴集团公布截至2023年12月31日的季度业绩，收入为2603.5亿元，同比增长5%。",
        [
            ("2月7日，阿里巴巴集团公布", "Alibaba", None, None),
            ("同比增长5%", None, "grow", None),
        ],
    ),
    # a fall is a change in an amount as a rise is, as 减少 is in Chinese
    (
        "en",
        "Net income fell 12% to 43.9 billion yuan.",
        [("Net income fell", None, "grow", None)],
    ),
    # 夺得 is "won" (a headline with a name and no number is a claim when it names an event)
    (
        "zh",
        "郑钦文夺得中国首枚奥运网球单打金牌",
        [("郑钦文夺得中国首枚奥运网球单打金牌", "Zheng Qinwen", "award", None)],
    ),
    # "the bureau", 该局: a description refers back to the latest organisation its head noun names
    (
        "en",
        "The National Bureau of Statistics released the data on Monday. "
        "The bureau said retail sales grew 3% in November.",
        [
            ("The National Bureau", "National Bureau of Statistics", "release", None),
            ("The bureau said", "National Bureau of Statistics", "grow", None),
        ],
    ),
    (
        "en",
        "Iran's Health Ministry reported 58 deaths on Saturday. According to the ministry, 3,126 patients are in "
        "intensive care.",  # wmt
        [
            ("Iran's Health Ministry", "Health Ministry", None, None),
            ("According to the ministry", "Health Ministry", None, None),
        ],
    ),
    (
        "zh",
        "国家统计局周一发布数据。该局表示，11月社会消费品零售总额增长3%。",
        [
            ("国家统计局周一发布数据", "National Bureau of Statistics", "release", None),
            ("该局表示", "National Bureau of Statistics", "grow", None),
        ],
    ),
    # ...and to nothing when no organisation before it has that noun: Tencent is no ministry
    (
        "en",
        "Tencent reported revenue of 100 billion yuan on Monday. The ministry said sales grew 3% in November.",
        [("Tencent reported", "Tencent", None, None), ("The ministry said", None, "grow", None)],
    ),
    (
        "zh",
        "阿里巴巴周一发布财报。该部分收入增长3%。",
        [("阿里巴巴周一", "Alibaba", "release", None), ("该部分收入", None, "grow", None)],
    ),
    # a person named only to say whose deputy the subject is, is not the subject
    (
        "en",
        "Wang Haifeng's former deputy, Zhao Ming, has joined Tencent as vice president.",
        [("Wang Haifeng", "Zhao Ming", "join", "Tencent")],
    ),
    ("zh", "百度首席技术官王海峰的前副手赵明已加盟腾讯。", [("百度", "Zhao Ming", "join", "Tencent")]),
    ("zh", "习近平的讲话中提到李强等100多人。", [("习近平", "Xi Jinping", None, None)]),  # 的 and no role after it
    # no date, number, name or known predicate: nothing to check, no claim
    ("en", "The weather was nice and everyone was happy.", []),
]


def _claims(lang: str, text: str) -> tuple[Claim, ...]:
    document = ingest_text(text, "doc", lang=lang)
    return extract(document, segment(document))


@pytest.mark.parametrize(("lang", "text", "expected"), CLAIMS)
def test_claims(lang: str, text: str, expected: list[Expected]) -> None:
    claims = _claims(lang, text)
    assert [claim.text[: len(start)] for claim, (start, *_) in zip(claims, expected, strict=False)] == [
        start for start, *_ in expected
    ]
    assert [(claim.subject, claim.event, claim.object) for claim in claims] == [tuple(rest) for _, *rest in expected]


def test_a_count_of_companies_is_a_quantity_not_a_name() -> None:
    """100家保险公司 counts companies: the count stays a quantity, and 家保险公司 is no company."""
    claims = _claims("zh", "他服务过近千家企业用户，合作超过100家保险公司。")
    slots = [(slot.kind, slot.text) for claim in claims for slot in claim.slots]
    assert ("quantity", "超过100家") in slots
    assert [text for kind, text in slots if kind == "org"] == []


def test_claims_of_the_seed_do_not_end_in_a_clause_separator() -> None:
    """The separator between two claims (", and", ", but", "；", "，") belongs to neither quote."""
    for path in sorted(SEED_CORPUS.iterdir()):
        document = ingest_file(path, Config())
        for claim in extract(document, segment(document)):
            assert not re.search(r"(?:[,，;；、]|\b(?:and|but))\s*$", claim.text), claim.text


def test_claim_offsets_point_into_the_document() -> None:
    text = "杨红霞2016年加入阿里巴巴。2023年3月入职字节跳动。"
    for claim in _claims("zh", text):
        assert text[claim.start : claim.end] == claim.text
        for slot in claim.slots:
            assert text[slot.start : slot.end] == slot.text
