"""The timeline figure: drawn for a corpus with dated claims, shown in its report, stable."""

from __future__ import annotations

import dataclasses
import pickle
import warnings
from pathlib import Path

import pytest

from reconcile.cache import KnownResult, TimelineCache
from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.figure import Mark, conflict_label, dated_marks, render_timeline
from reconcile.model import OPEN_FUTURE, OPEN_PAST, DateValue
from reconcile.pipeline import Pipeline
from reconcile.report import Reconciliation, side_label, write_report

from .conftest import SEED_CORPUS, HashingEmbedder

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def seed(embedder: Embedder) -> Reconciliation:
    return Pipeline(Config(cache=False), embedder=embedder).run_folder(SEED_CORPUS)


def test_the_seed_report_shows_its_timeline(seed: Reconciliation, tmp_path: Path) -> None:
    written = write_report(seed, tmp_path)
    image = tmp_path / "yang-hongxia-m6.png"
    assert image in written and image.read_bytes().startswith(PNG_MAGIC)
    markdown = (tmp_path / "yang-hongxia-m6.md").read_text(encoding="utf-8")
    assert "![Timeline of dated claims per source](yang-hongxia-m6.png)" in markdown
    assert markdown.index("yang-hongxia-m6.png") < markdown.index("## Conflicts")


def test_the_departure_conflict_is_labelled_with_both_dates(seed: Reconciliation) -> None:
    marks = dated_marks(seed)
    sides = {document.id: side_label(document, seed.documents) for document in seed.documents}
    departure = next(f for f in seed.findings if f.verdict == "conflict" and f.fact.endswith("leave · date"))
    assert (
        conflict_label(departure, marks, sides)
        == f"{departure.id} Yang Hongxia · leave · date: 2022-09 (EN) vs 2022-10 (ZH)"
    )
    conflicting = {(mark.doc, mark.label) for mark in marks if mark.finding == departure.id}
    assert {("pandaily-en", "2022-09"), ("qbitai-zh", "2022-10")} <= conflicting


def test_every_dated_claim_is_a_mark(seed: Reconciliation) -> None:
    """Every claim with a date that is bounded on at least one side is drawn, on its source's row."""
    bounded = {
        claim.id
        for claim in seed.claims
        for slot in claim.slots_of("date")
        if isinstance(slot.value, DateValue) and (slot.value.low != OPEN_PAST or slot.value.high != OPEN_FUTURE)
    }
    marks = dated_marks(seed)
    assert bounded and {mark.claim for mark in marks} == bounded
    assert {mark.doc for mark in marks} == {"pandaily-en", "qbitai-zh"}


def test_the_same_findings_give_the_same_bytes(seed: Reconciliation) -> None:
    first = render_timeline(seed)
    assert first is not None and first == render_timeline(seed)


def test_no_dates_no_figure_and_no_stale_one(tmp_path: Path) -> None:
    corpus = tmp_path / "undated"
    corpus.mkdir()
    (corpus / "en.md").write_text("Alibaba trained the M6 model with 10 trillion parameters.", encoding="utf-8")
    (corpus / "zh.md").write_text("阿里巴巴训练了10万亿参数的M6模型。", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "undated.png").write_bytes(PNG_MAGIC)  # left by an earlier run that had dates
    result = Pipeline(Config(cache=False), embedder=HashingEmbedder()).run_folder(corpus)
    assert render_timeline(result) is None
    written = write_report(result, out)
    assert sorted(path.name for path in written) == ["undated.csv", "undated.json", "undated.md"]
    assert not (out / "undated.png").exists()
    assert "![" not in (out / "undated.md").read_text(encoding="utf-8")


def test_chinese_names_are_drawn_without_missing_glyphs(tmp_path: Path) -> None:
    corpus = tmp_path / "故事"
    corpus.mkdir()
    (corpus / "新华.md").write_text("2021年3月，阿里巴巴发布M6模型。", encoding="utf-8")
    (corpus / "wire.md").write_text("Alibaba released the M6 model in March 2021.", encoding="utf-8")
    result = Pipeline(Config(cache=False), embedder=HashingEmbedder()).run_folder(corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of every glyph its font lacks
        png = render_timeline(result)
    assert png is not None and png.startswith(PNG_MAGIC)


def test_a_timeline_drawn_once_is_read_back(
    seed: Reconciliation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a timeline cache, the seed's figure is drawn on the first report only, and the one read
    back is the bytes a fresh drawing gives; the result rebuilt from the results cache finds it,
    and a changed finding is drawn again."""
    import reconcile.figure

    drawn: list[str] = []

    def counting(result: Reconciliation, marks: list[Mark] | None = None) -> bytes | None:
        drawn.append(result.corpus)
        return render_timeline(result, marks)

    monkeypatch.setattr(reconcile.figure, "render_timeline", counting)
    timelines = TimelineCache(tmp_path / "cache")
    for out in ("first", "again"):
        write_report(seed, tmp_path / out, timelines=timelines)
    assert drawn == ["yang-hongxia-m6"]
    fresh = render_timeline(seed)
    assert (tmp_path / "again" / "yang-hongxia-m6.png").read_bytes() == fresh
    read_back = pickle.loads(pickle.dumps(KnownResult(seed.claims, seed.findings, seed.embedder)))
    assert TimelineCache.key(dataclasses.replace(seed, claims=read_back.claims, findings=read_back.findings)) == (
        TimelineCache.key(seed)
    )  # as a warm rerun rebuilds it from the results cache
    changed = dataclasses.replace(seed, findings=seed.findings[1:])
    write_report(changed, tmp_path / "changed", timelines=timelines)
    assert drawn == ["yang-hongxia-m6", "yang-hongxia-m6"]
