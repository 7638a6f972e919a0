"""The pipeline end to end, and the public `compare()` built on it.

ingest -> segment -> extract -> embed -> align -> judge -> report. A `Pipeline` holds the
loaded embedder, so many corpora share one model load, and it keeps the seconds spent in
each stage for the benchmarks.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from reconcile.align import align
from reconcile.config import Config
from reconcile.embed import Embedder, embed, load_embedder
from reconcile.errors import InputError
from reconcile.extract import extract
from reconcile.ingest import ingest_corpus, ingest_file, ingest_text
from reconcile.judge import judge
from reconcile.model import Claim, Document
from reconcile.report import Reconciliation
from reconcile.segment import segment


class Pipeline:
    """Runs corpora through every stage with one embedder, loaded on first use."""

    def __init__(self, config: Config | None = None, embedder: Embedder | None = None) -> None:
        self.config = config or Config()
        self._embedder = embedder
        self._embedder_loaded = embedder is not None
        self.stage_seconds: dict[str, float] = defaultdict(float)

    @property
    def embedder(self) -> Embedder | None:
        if not self._embedder_loaded:
            cache_dir = self.config.cache_dir if self.config.cache else None
            self._embedder = load_embedder(self.config.embedder, cache_dir=cache_dir)
            self._embedder_loaded = True
        return self._embedder

    @contextmanager
    def _stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[name] += time.perf_counter() - started

    def run_folder(self, folder: Path) -> Reconciliation:
        with self._stage("ingest"):
            documents = ingest_corpus(folder, self.config)
        return self.run(documents, folder.resolve().name)  # also named for "." or "corpora/x/.."

    def run(self, documents: Sequence[Document], corpus: str) -> Reconciliation:
        """Reconcile `documents` (at least two) as the corpus called `corpus`."""
        if len(documents) < 2:
            raise InputError(f"{corpus}: {len(documents)} document(s); reconciling needs at least two")
        claims: list[Claim] = []
        for document in documents:
            with self._stage("segment"):
                sentences = segment(document)
            with self._stage("extract"):
                claims.extend(extract(document, sentences))
        embedder = self.embedder
        vectors: np.ndarray | None = None
        if embedder is not None:
            with self._stage("embed"):
                vectors = embed([claim.text for claim in claims], embedder)
        with self._stage("align"):
            alignments = align(claims, vectors, [document.id for document in documents], self.config)
        with self._stage("judge"):
            conflict_score = self.config.conflict_score if vectors is not None else self.config.lexical_conflict_score
            findings = judge(documents, claims, alignments, conflict_score)
        return Reconciliation(
            corpus=corpus,
            documents=tuple(documents),
            claims=tuple(claims),
            findings=findings,
            embedder=embedder.name if embedder is not None else "none",
        )


def compare(
    sources: Sequence[str | Path] | str | Path,
    *,
    config: Config | None = None,
    name: str = "comparison",
    langs: Sequence[str | None] | None = None,
    published: Sequence[str | None] | None = None,
) -> Reconciliation:
    """Reconcile articles given as a corpus folder, as article files, or as texts.

    A string that names an existing file or folder is read from disk; any other string is
    article text (its language is detected unless given in `langs`; `published` dates,
    as "YYYY-MM-DD" or shorter, let relative dates like "last year" be resolved).

    >>> result = compare(["corpora/yang-hongxia-m6/pandaily-en.txt", "corpora/yang-hongxia-m6/qbitai-zh.md"])
    """
    pipeline = Pipeline(config)
    if isinstance(sources, (str, Path)) and Path(sources).is_dir():
        return pipeline.run_folder(Path(sources))
    items = [sources] if isinstance(sources, (str, Path)) else list(sources)
    documents = []
    for index, item in enumerate(items):
        lang = langs[index] if langs else None
        date = published[index] if published else None
        if isinstance(item, Path) or (len(str(item)) < 4096 and "\n" not in str(item) and Path(str(item)).is_file()):
            document = ingest_file(Path(item), pipeline.config)
        else:
            document = ingest_text(str(item), f"text{index + 1}", lang=lang, published=date)
        documents.append(document)
    return pipeline.run(documents, name)
