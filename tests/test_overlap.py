"""Extraction in a helper process (reconcile.overlap): same results as in one process, errors
kept per corpus, and a helper that fails or dies costs time, never a result."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

import reconcile.extract
import reconcile.pipeline
from reconcile import overlap
from reconcile.cli import main
from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.errors import InputError, ReconcileError
from reconcile.ingest import ingest_corpus, ingest_text
from reconcile.model import Document
from reconcile.pipeline import Pipeline

from .conftest import SEED_CORPUS

needs_helper = pytest.mark.skipif(not overlap.available(), reason="a helper needs Linux and two cores")

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了500名工程师。\n"


def _corpora(root: Path) -> list[Path]:
    """The seed, a small corpus, a corpus with one article (an error), and a copy of the seed."""
    small, lonely = root / "small", root / "lonely"
    for folder, files in ((small, {"a.md": EN, "b.md": ZH}), (lonely, {"a.md": EN})):
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    copy = shutil.copytree(SEED_CORPUS, root / "seed-copy")
    return [SEED_CORPUS, small, lonely, copy]


def _reports(pipeline: Pipeline, folders: list[Path], out: Path) -> dict[str, object]:
    """Each corpus' files (name -> bytes) or error message."""
    outcomes: dict[str, object] = {}
    for folder, outcome in pipeline.report_folders(folders, out):
        if isinstance(outcome, ReconcileError):
            outcomes[folder.name] = str(outcome)
        else:
            outcomes[folder.name] = {path.name: path.read_bytes() for path in outcome[1]}
    return outcomes


@needs_helper
def test_helper_gives_the_reports_of_one_process(tmp_path: Path, embedder: Embedder) -> None:
    folders = _corpora(tmp_path / "corpora")
    alone = _reports(Pipeline(Config(cache=False), embedder), folders, tmp_path / "alone")
    helped_pipeline = Pipeline(Config(cache=False), embedder, background=True)
    helped = _reports(helped_pipeline, folders, tmp_path / "helped")
    assert helped == alone
    assert "only one article" in str(helped["lonely"])
    assert helped_pipeline.stage_seconds["waiting for the helper"] > 0  # the helper did the first


@needs_helper
def test_helper_does_the_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`reconcile run` extracts in one other process (each extraction notes its process id)."""
    pids = tmp_path / "pids"
    extract = reconcile.extract.extract

    def noting(*args: object) -> object:
        with pids.open("a") as stream:
            stream.write(f"{os.getpid()}\n")
        return extract(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reconcile.extract, "extract", noting)
    folders = _corpora(tmp_path / "corpora")
    del folders[2]
    assert main(["run", *map(str, folders), "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]) == 0
    noted = pids.read_text().split()
    here = str(os.getpid())
    assert len(noted) == 6 and len(set(noted)) == 1 and here not in noted


@needs_helper
def test_a_failing_helper_leaves_the_work_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder: Embedder
) -> None:
    """A bug that shows only in the helper: the job is done here, with the same result."""
    here = os.getpid()
    extract = reconcile.extract.extract

    def broken_elsewhere(*args: object) -> object:
        if os.getpid() != here:
            raise RuntimeError("a bug in the helper")
        return extract(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reconcile.extract, "extract", broken_elsewhere)
    documents = ingest_corpus(SEED_CORPUS, Config())
    expected = Pipeline(Config(cache=False), embedder).run(documents, "seed").to_json()
    helped = Pipeline(Config(cache=False), embedder, background=True)
    assert [result.to_json() for result in helped.run_many([(documents, "seed")] * 2)] == [expected] * 2


@needs_helper
def test_a_dead_helper_is_reported_as_failed() -> None:
    helper: overlap.Helper[int, int] = overlap.Helper(os._exit)
    helper.submit(3)
    with pytest.raises(overlap.HelperFailed, match="gone"):
        helper.result()
    helper.close()


@needs_helper
def test_an_input_error_in_the_helper_comes_back_as_it_is() -> None:
    def refuse(name: str) -> None:
        raise InputError(f"{name}: the file is empty; write the article into it")

    helper: overlap.Helper[str, None] = overlap.Helper(refuse)
    helper.submit("a.md")
    with pytest.raises(InputError, match=r"^a\.md: the file is empty; write the article into it$"):
        helper.result()
    helper.submit("b.md")  # the helper goes on after an error
    with pytest.raises(InputError, match=r"^b\.md"):
        helper.result()
    helper.close()


@needs_helper
def test_a_rerun_the_results_cache_answers_starts_no_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking a helper was a fifth of a warm rerun of the 437 WMT pairs: only a corpus to extract starts one."""
    started: list[object] = []
    helper_class = overlap.Helper

    def counted(work: object) -> object:
        started.append(work)
        return helper_class(work)  # type: ignore[arg-type]

    monkeypatch.setattr(overlap, "Helper", counted)
    folders = _corpora(tmp_path / "corpora")
    config = Config(cache_dir=tmp_path / "cache")
    first = _reports(Pipeline(config, background=True), folders, tmp_path / "first")
    assert len(started) == 1
    again = _reports(Pipeline(config, background=True), folders, tmp_path / "again")
    assert again == first and len(started) == 1


def test_run_many_gives_what_run_gives(embedder: Embedder) -> None:
    documents = ingest_corpus(SEED_CORPUS, Config())
    pipeline = Pipeline(Config(cache=False), embedder, background=True)
    single = Pipeline(Config(cache=False), embedder).run(documents, "seed").to_json()
    assert [result.to_json() for result in pipeline.run_many([(documents, "seed"), (documents[::-1], "seed")])] == [
        single,
        Pipeline(Config(cache=False), embedder).run(documents[::-1], "seed").to_json(),
    ]
    with pytest.raises(InputError, match="at least two"):
        list(pipeline.run_many([(documents[:1], "one")]))


@needs_helper
def test_the_helper_is_busy_while_it_works_only() -> None:
    """What the embedder's share of the cores follows: a job in hand, not one waiting or done."""
    import multiprocessing

    go_on = multiprocessing.get_context("fork").Event()  # made before the fork, so the helper shares it
    helper: overlap.Helper[int, int] = overlap.Helper(lambda job: job if go_on.wait(timeout=60) else -1)
    assert not helper.busy
    helper.submit(7)
    assert helper.busy
    go_on.set()
    assert helper.result() == 7
    assert not helper.busy
    helper.close()


def _small_corpora(count: int, consumed: list[int]) -> Iterator[tuple[list[Document], str]]:
    """`count` two-article corpora; `consumed` counts those taken so far."""
    for index in range(count):
        consumed[0] += 1
        yield [ingest_text(EN, "en"), ingest_text(ZH, "zh")], f"corpus-{index}"


@pytest.mark.parametrize(
    ("background", "text_bound_in_corpora", "read_before_the_first"),
    [
        (True, 1_000, 40),  # READ_AHEAD_CORPORA, set to 40 below
        (True, 10, 10),
        (False, 1_000, 1),
    ],
)
def test_corpora_are_read_ahead_for_the_helper_and_only_so_far(
    monkeypatch: pytest.MonkeyPatch, background: bool, text_bound_in_corpora: int, read_before_the_first: int
) -> None:
    """The helper gets corpora to extract ahead of the one embedded, as many as the bounds
    allow (they are held in memory); without a helper nothing is read ahead."""
    if background and not overlap.available():
        pytest.skip("a helper needs Linux and two cores")
    corpus_text = len(ingest_text(EN, "en").text) + len(ingest_text(ZH, "zh").text)
    monkeypatch.setattr(reconcile.pipeline, "READ_AHEAD_CHARACTERS", text_bound_in_corpora * corpus_text)
    monkeypatch.setattr(reconcile.pipeline, "READ_AHEAD_CORPORA", 40)
    consumed = [0]
    pipeline = Pipeline(Config(cache=False, embedder="none"), background=background)
    results = pipeline.run_many(_small_corpora(100, consumed))
    assert next(results).corpus == "corpus-0"
    assert consumed[0] == read_before_the_first
    assert [result.corpus for result in results] == [f"corpus-{index}" for index in range(1, 100)]


class _Recording:
    """The session's embedder, noting the thread counts it is asked to use."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.asked: list[int | None] = []
        self.calls = 0

    def load(self) -> None:
        self.inner.load()

    def use_threads(self, threads: int | None) -> None:
        self.asked.append(threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return self.inner.encode(texts)


@needs_helper
@pytest.mark.parametrize(("most_claims", "calls"), [(256, 1), (1, 3)])
def test_corpora_whose_claims_are_in_are_embedded_in_one_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder: Embedder, most_claims: int, calls: int
) -> None:
    """The model costs less per text in one call than in one call per corpus's few claims: the
    corpora next in line whose claims are in (here all, from the claims cache) are embedded
    together, up to EMBED_TOGETHER_CLAIMS claims, with the findings of one corpus at a time."""
    seed = ingest_corpus(SEED_CORPUS, Config())
    small = [ingest_text(EN, "en"), ingest_text(ZH, "zh")]
    other = [ingest_text(EN.replace("300", "120"), "en"), ingest_text(ZH.replace("500", "120"), "zh")]
    corpora = [(seed, "seed"), (small, "small"), (other, "other")]
    config = Config(cache_dir=tmp_path / "cache")
    alone = [Pipeline(config, embedder).run(documents, name) for documents, name in corpora]  # fills the claims cache
    monkeypatch.setattr(reconcile.pipeline, "EMBED_TOGETHER_CLAIMS", most_claims)
    recording = _Recording(embedder)
    together = list(Pipeline(config, recording, background=True).run_many(corpora))
    assert recording.calls == calls
    assert [result.claims for result in together] == [result.claims for result in alone]
    assert [[(f.verdict, f.claims, f.similarity) for f in r.findings] for r in together] == [
        [(f.verdict, f.claims, f.similarity) for f in r.findings] for r in alone
    ]


class _Unwritable(_Recording):
    """An embedder whose cache cannot be written, as CachedEmbedder reports it."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise InputError("cache: cannot keep the embedding cache there (read-only)")


@needs_helper
def test_an_embedding_error_is_each_corpus_outcome(tmp_path: Path, embedder: Embedder) -> None:
    """Corpora embedded together fail together, each with the error, and the batch goes on."""
    folders = _corpora(tmp_path / "corpora")
    pipeline = Pipeline(Config(cache=False), _Unwritable(embedder), background=True)
    outcomes = {folder.name: outcome for folder, outcome in pipeline.report_folders(folders, tmp_path / "out")}
    assert list(outcomes) == [folder.name for folder in folders]
    assert "only one article" in str(outcomes["lonely"])
    assert {str(outcomes[name]) for name in ("yang-hongxia-m6", "small", "seed-copy")} == {
        "cache: cannot keep the embedding cache there (read-only)"
    }


@needs_helper
@pytest.mark.parametrize(("helper_busy", "threads"), [(True, (os.cpu_count() or 1) - 1), (False, None)])
def test_the_embedder_leaves_the_helper_a_core_while_it_extracts(
    monkeypatch: pytest.MonkeyPatch, embedder: Embedder, helper_busy: bool, threads: int | None
) -> None:
    monkeypatch.setattr(overlap.Helper, "busy", property(lambda helper: helper_busy))
    recording = _Recording(embedder)
    pipeline = Pipeline(Config(cache=False), recording, background=True)
    assert len(list(pipeline.run_many(_small_corpora(3, [0])))) == 3
    assert recording.calls >= 1  # the corpora whose claims are in by then are embedded together
    assert recording.asked == [threads] * recording.calls
