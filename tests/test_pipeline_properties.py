"""Properties of the whole pipeline (ingest_text -> Pipeline with the fake embedder -> reports).

Bounded so the suite stays fast: few examples, no deadline (the first example pays for
loading lexicons). Properties of the single normalisers live with their own tests.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from reconcile.config import Config
from reconcile.errors import InputError
from reconcile.ingest import ingest_text
from reconcile.model import Document
from reconcile.pipeline import Pipeline
from reconcile.report import Reconciliation, render_csv, render_json, render_markdown

from .conftest import HashingEmbedder

PIPELINE = Pipeline(Config(cache=False), embedder=HashingEmbedder())
LEXICAL = Pipeline(Config(embedder="none", cache=False))
BOUNDED = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EN_CLAIMS = [
    "Alibaba hired 300 engineers in September 2021.",
    "Yang Hongxia left Alibaba DAMO Academy in 2022.",
    "ByteDance paid $5 million to Microsoft in March 2022.",
    "M6 reached 10 trillion parameters in October 2021.",
    "She joined ByteDance AI Lab last year.",
    "Anyone who tests positive will have to isolate for 10 days.",
    "The company said about 100 papers were published.",
]
ZH_CLAIMS = [
    "阿里巴巴去年9月招聘了300名工程师。",
    "杨红霞于2022年从达摩院离职。",
    "字节跳动在2022年3月向微软支付了500万美元。",
    "2021年10月M6正式成为全球首个10万亿参数多模态大模型。",
    "任何检测呈阳性的人都必须隔离 10 天，密切接触者也必须隔离 10 天。",
    "她发表论文100余篇。",
]

# Any text at all (no lone surrogates: they cannot be written to a file, so no article holds one).
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


@st.composite
def article(draw: st.DrawFn, claims: Sequence[str]) -> str:
    """Claim sentences with arbitrary text around and inside them, sometimes markup or front matter."""
    parts = []
    for sentence in draw(st.lists(st.sampled_from(claims), min_size=0, max_size=4)):
        noise = draw(ANY_TEXT)
        cut = draw(st.integers(0, len(sentence)))
        parts.append(draw(st.sampled_from([sentence, sentence[:cut] + noise + sentence[cut:], noise + sentence])))
    parts.append(draw(ANY_TEXT))
    separator = draw(st.sampled_from(["\n", "\n\n", " ", "\r\n", "\r", "<br>", "\n- ", "\n# "]))
    return separator.join(draw(st.permutations(parts)))


def _check(result: Reconciliation, documents: Sequence[Document]) -> None:
    claim_ids = {claim.id for claim in result.claims}
    texts = {document.id: document.text for document in documents}
    for claim in result.claims:
        assert texts[claim.doc][claim.start : claim.end] == claim.text
    for finding in result.findings:
        assert finding.verdict in ("agree", "adds_detail", "conflict")
        assert set(finding.claims) <= claim_ids
        sources = [result.claims_by_id[claim_id].doc for claim_id in finding.claims]
        assert len(set(sources)) == len(sources)  # at most one claim per document
    assert {claim_id for finding in result.findings for claim_id in finding.claims} == claim_ids
    render_markdown(result)
    render_json(result)
    render_csv(result)


@BOUNDED
@given(english=article(EN_CLAIMS), chinese=article(ZH_CLAIMS), lang=st.sampled_from([None, "en", "zh"]))
def test_any_text_gives_findings_or_a_clear_error(english: str, chinese: str, lang: str | None) -> None:
    """Whatever the text, the pipeline answers with findings or an InputError, never a crash."""
    try:
        documents = [
            ingest_text(english, "en", lang=lang or "en", published="2023-03"),
            ingest_text(chinese, "zh", lang=None if lang is None else "zh", published="2024-07-28"),
        ]
    except InputError as error:
        assert "\n" not in str(error)
        event("refused at ingest")
        return
    event("reconciled")
    for pipeline in (PIPELINE, LEXICAL):
        _check(pipeline.run(documents, "story"), documents)


@BOUNDED
@given(st.text(st.characters(codec="utf-8"), min_size=1, max_size=2000))
def test_pure_noise_is_answered(text: str) -> None:
    try:
        documents = [ingest_text(text, "a", lang="en"), ingest_text(text, "b", lang="zh")]
    except InputError as error:
        assert "\n" not in str(error)
        return
    _check(PIPELINE.run(documents, "noise"), documents)


def _findings(pipeline: Pipeline, documents: Sequence[Document]) -> set[tuple[str, frozenset[str]]]:
    return {(finding.verdict, frozenset(finding.claims)) for finding in pipeline.run(documents, "story").findings}


@settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["en", "zh"]), st.lists(st.integers(0, 5), min_size=1, max_size=4)),
        min_size=2,
        max_size=3,
    )
)
def test_reordering_documents_does_not_change_findings(spec: list[tuple[str, list[int]]]) -> None:
    documents = [
        ingest_text(" ".join((EN_CLAIMS if lang == "en" else ZH_CLAIMS)[i] for i in picks), f"d{index}", lang=lang)
        for index, (lang, picks) in enumerate(spec)
    ]
    for pipeline in (PIPELINE, LEXICAL):
        expected = _findings(pipeline, documents)
        for order in itertools.permutations(documents):
            assert _findings(pipeline, order) == expected


# Minimal reproductions of the order dependence (align.py); strict, so a fix shows up as XPASS.
def test_regression_asymmetric_quantity_score() -> None:
    english = ingest_text("Anyone who tests positive will have to isolate for 10 days.", "a", lang="en")
    chinese = ingest_text("任何检测呈阳性的人都必须隔离 10 天，密切接触者也必须隔离 10 天。", "b", lang="zh")
    assert _findings(LEXICAL, [english, chinese]) == _findings(LEXICAL, [chinese, english])


def test_regression_claim_in_two_findings() -> None:
    documents = [
        ingest_text("Alibaba hired 300 engineers in 2021.", "a", lang="en"),
        ingest_text("阿里巴巴在2021年招聘了300名工程师。", "b", lang="zh"),
        ingest_text("Alibaba hired 300 engineers in 2021.", "c", lang="en"),
    ]
    findings = PIPELINE.run(documents, "story").findings
    grouped = [claim for finding in findings for claim in finding.claims]
    assert len(grouped) == len(set(grouped))
