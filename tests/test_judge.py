"""Judge stage: two claims in two languages -> verdict, reasons, and what they agree on.

Rows pair a claim of an English article (published 2023-03) with one of a Chinese article
(published 2024-07-28), as in the seed; the claims are extracted from the real phrases, so
the table checks the verdicts a reader sees, not hand-built slots.
"""

from __future__ import annotations

import pytest

from reconcile.extract import extract
from reconcile.ingest import ingest_text
from reconcile.judge import judge
from reconcile.model import Alignment, Claim, Document, Finding
from reconcile.segment import segment

ENGLISH_HEADER = "Published: 2023-03\n\n"
CHINESE_HEADER = "发布时间：2024-07-28\n\n"

# (English text, Chinese text, verdict, reasons, agreements)
PAIRS: list[tuple[str, str, str, list[str], list[str]]] = [
    (
        "Yang Hongxia left her post at the DAMO Academy in September last year.",
        "杨红霞2022年10月从达摩院离职。",
        "conflict",
        ['date: 2022-09 (EN, "September last year" in an article of 2023-03) vs 2022-10 (ZH)'],
        [],
    ),
    (
        "She has nearly 100 top papers in international conferences.",
        "她在顶级会议和期刊上发表论文100余篇。",
        "conflict",
        ["papers: <100 papers (EN) vs >100 papers (ZH)"],
        [],
    ),
    # the date differs in precision, the amount is the same: both are said
    (
        "By the end of 2021, when Alibaba Cloud released the latest progress of M6, "
        "its parameters had reached 10 trillion.",
        "2021年10月M6正式成为全球首个10万亿参数多模态大模型。",
        "adds_detail",
        ["date: ZH is more precise (2021-10 within ≤2021-12)", "org: only EN names Alibaba Cloud"],
        ["parameters: 10 trillion parameters"],
    ),
    # "trillions" and 万亿 share a floor, but 万亿 names one order of magnitude
    (
        "Yang Hongxia led the M6 model to trillions of parameters.",
        "杨红霞领导M6大模型进化到万亿参数规模。",
        "adds_detail",
        ["parameters: ZH is more precise (1–10 trillion parameters within 1–1000 trillion parameters)"],
        [],
    ),
    (
        "M6 was released in March 2021 with 100 billion parameters.",
        "M6于2021年3月发布，参数规模达1000亿。",
        "agree",
        ["date: 2021-03", "parameters: 100 billion parameters"],
        ["date: 2021-03", "parameters: 100 billion parameters"],
    ),
    # one number written to different last digits is one figure; a hedge or another number is not
    (
        "The standard version is priced at 215,900 yuan.",
        "标准版售价21.59万元。",
        "agree",
        ["CNY: 215,900 CNY"],
        ["CNY: 215,900 CNY"],
    ),
    (
        "The fund raised 150 million dollars.",
        "该基金募集了1.5亿美元。",
        "agree",
        ["USD: 150 million USD"],
        ["USD: 150 million USD"],
    ),
    (
        "The fund raised 152 million dollars.",
        "该基金募集了1.5亿美元。",
        "adds_detail",
        ["USD: EN is more precise (152 million USD within 150 million USD)"],
        [],
    ),
    (
        "About 50 people attended.",
        "共有50人参加。",
        "adds_detail",
        ["people: ZH is more precise (50 people within ~50 people)"],
        [],
    ),
    # a whole number of trillions is rounded to them (not a conflict with the exact figure),
    # within a twentieth: 1 million is not 1.2 million
    (
        "China's economy reached 126 trillion yuan in 2023.",
        "2023年国内生产总值1260582亿元。",
        "adds_detail",
        ["CNY: ZH is more precise (126.058 trillion CNY within 126 trillion CNY)"],
        ["date: 2023"],
    ),
    (
        "The petition has 1 million signatures.",
        "请愿书已有120万个签名。",
        "conflict",
        ["signatures: 1 million signatures (EN) vs 1.2 million signatures (ZH)"],
        [],
    ),
    # decimals are known to their last digit, open above: 7.4 and 7.3 do not meet at 7.35
    (
        "A magnitude 7.4 earthquake struck Hualien.",
        "花莲发生7.3级地震。",
        "conflict",
        ["magnitude: 7.4 magnitude (EN) vs 7.3 magnitude (ZH)"],
        [],
    ),
    # the closest amounts pair first, a unit left unsaid on one side no obstacle
    (
        "At least nine people were killed and more than 1,000 injured.",
        "1011人受伤。",
        "adds_detail",
        ["people: ZH is more precise (1,011 people within >1,000)", "only EN gives ≥9 people"],
        [],
    ),
    # an age set off after a name; vehicles counted by 辆
    (
        "Lei Jun, 54, said deliveries would start soon.",
        "现年55岁的雷军表示，交付即将开始。",
        "conflict",
        ["age: 54 years old (EN) vs 55 years old (ZH)"],
        [],
    ),
    (
        "The plant can produce 150,000 cars a year.",
        "工厂年产能为20万辆。",
        "conflict",
        ["vehicles: 150,000 vehicles (EN) vs 200,000 vehicles (ZH)"],
        [],
    ),
    # a lab of a company is the more specific name, not one only the other side gives
    (
        "Former Microsoft researcher Zhao Lin joins Baidu.",
        "前微软亚洲研究院副院长赵林加盟百度。",
        "adds_detail",
        ["org: ZH is more specific (Microsoft Research Asia within Microsoft)"],
        [],
    ),
    # 120余 and "more than 120" both read ">120": the more precise shows both its ends
    (
        "Zhao Lin has published more than 120 papers.",
        "赵林已发表论文120余篇。",
        "adds_detail",
        ["papers: ZH is more precise (120–130 papers within >120 papers)"],
        [],
    ),
    # two figures over different periods are two facts: the third quarter against January-September
    (
        "The economy grew 4.6% in the third quarter of 2024.",
        "2024年前三季度国内生产总值同比增长4.8%。",
        "adds_detail",
        [
            "date: different periods (2024-07..2024-09 (EN), 2024-01..2024-09 (ZH))",
            "percent: 4.6% (EN) and 4.8% (ZH), over those periods",
        ],
        [],
    ),
    # "so far" on one side only is the time of writing, not an event's date the other lacks
    (
        "China has won 13 gold medals at the Games.",
        "截至目前，中国代表团已获得13枚金牌。",
        "adds_detail",
        ['date: ZH speaks of the time of writing (≤2024-07 (ZH, "目前" in an article of 2024-07-28))'],
        ["number: 13"],
    ),
    # a noun right before the number is what it counts: 专利40余项 are patents
    (
        "He holds 40 patents.",
        "他拥有专利40余项。",
        "adds_detail",
        ["patents: ZH hedges it (>40 patents)"],
        [],
    ),
]


def _document(doc_id: str, lang: str, text: str) -> tuple[Document, tuple[Claim, ...]]:
    document = ingest_text(text, doc_id, lang=lang)
    return document, extract(document, segment(document))


def _finding(english: str, chinese: str) -> Finding:
    en, en_claims = _document("en-doc", "en", ENGLISH_HEADER + english)
    zh, zh_claims = _document("zh-doc", "zh", CHINESE_HEADER + chinese)
    assert len(en_claims) == 1 and len(zh_claims) == 1, (en_claims, zh_claims)
    alignment = Alignment((en_claims[0].id, zh_claims[0].id), similarity=0.8, score=0.8)
    [finding] = judge([en, zh], [*en_claims, *zh_claims], [alignment])
    return finding


@pytest.mark.parametrize(("english", "chinese", "verdict", "reasons", "agreements"), PAIRS)
def test_verdict(english: str, chinese: str, verdict: str, reasons: list[str], agreements: list[str]) -> None:
    finding = _finding(english, chinese)
    assert (finding.verdict, list(finding.reasons), list(finding.agreements)) == (verdict, reasons, agreements)


def test_an_unsure_pairing_is_not_called_a_conflict() -> None:
    en, en_claims = _document("en-doc", "en", ENGLISH_HEADER + "She has nearly 100 top papers.")
    zh, zh_claims = _document("zh-doc", "zh", CHINESE_HEADER + "她发表论文100余篇。")
    alignment = Alignment((en_claims[0].id, zh_claims[0].id), similarity=0.3, score=0.3)
    [finding] = judge([en, zh], [*en_claims, *zh_claims], [alignment], conflict_score=0.5)
    assert finding.verdict == "adds_detail"
    assert finding.reasons[0].startswith("uncertain pairing (score 0.30 < 0.50)")
