"""Extraction in a helper process (reconcile.overlap): same results as in one process, errors
kept per corpus, and a helper that fails or dies costs time, never a result."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import reconcile.pipeline
from reconcile import overlap
from reconcile.cli import main
from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.errors import InputError, ReconcileError
from reconcile.ingest import ingest_corpus
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
    extract = reconcile.pipeline.extract

    def noting(*args: object) -> object:
        with pids.open("a") as stream:
            stream.write(f"{os.getpid()}\n")
        return extract(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reconcile.pipeline, "extract", noting)
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
    extract = reconcile.pipeline.extract

    def broken_elsewhere(*args: object) -> object:
        if os.getpid() != here:
            raise RuntimeError("a bug in the helper")
        return extract(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reconcile.pipeline, "extract", broken_elsewhere)
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
