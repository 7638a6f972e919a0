"""The embedding cache: shared safely by concurrent runs, read without loading the model, no text embedded twice."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from reconcile.config import Config
from reconcile.embed import CachedEmbedder, embed
from reconcile.ingest import ingest_text
from reconcile.pipeline import Pipeline

TEXTS = [f"claim number {n}: 阿里巴巴 hired {n * 7} engineers" for n in range(600)]
PROCESSES = 6


class CountingEncoder:
    """Deterministic vectors from a hash of the text; remembers every text it was asked to embed."""

    name = "counting-test"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def load(self) -> None:
        """Nothing to load."""

    def use_threads(self, threads: int | None) -> None:
        """One thread whatever is asked."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.stack([expected(text) for text in texts]) if texts else np.zeros((0, 8), dtype=np.float32)


class RefusingEncoder:
    name = "counting-test"

    def load(self) -> None:
        """Nothing to load."""

    def use_threads(self, threads: int | None) -> None:
        """One thread whatever is asked."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise AssertionError(f"the model was asked to embed {len(texts)} text(s) although all were cached")


def expected(text: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
    vector = np.random.default_rng(seed).standard_normal(8).astype(np.float32)
    return vector / np.linalg.norm(vector)


def _batches(seed: int) -> list[list[str]]:
    """What one run asks for: many small batches overlapping those of the other runs."""
    rng = random.Random(seed)
    texts = rng.sample(TEXTS, 400)
    return [texts[first : first + 16] + rng.sample(TEXTS, 4) for first in range(0, len(texts), 16)]


def _hammer(cache_dir: str, seed: int, start: multiprocessing.synchronize.Barrier) -> None:
    """One run, each batch checked against the vectors it must get back."""
    cache = CachedEmbedder(CountingEncoder(), Path(cache_dir))
    start.wait(timeout=60)
    for batch in _batches(seed):
        vectors = cache.encode(batch)
        assert all(np.array_equal(vector, expected(text)) for vector, text in zip(vectors, batch, strict=True))


def test_concurrent_runs_lose_and_corrupt_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    runs = [context.Process(target=_hammer, args=(str(tmp_path), seed, start)) for seed in range(PROCESSES)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=120)
    assert [run.exitcode for run in runs] == [0] * PROCESSES
    asked = sorted({text for seed in range(PROCESSES) for batch in _batches(seed) for text in batch})
    with sqlite3.connect(tmp_path / "embeddings.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == len(asked)
    cached = CachedEmbedder(RefusingEncoder(), tmp_path).encode(asked)
    assert all(np.array_equal(vector, expected(text)) for vector, text in zip(cached, asked, strict=True))


def test_warm_cache_never_calls_the_model(tmp_path: Path) -> None:
    CachedEmbedder(CountingEncoder(), tmp_path).encode(TEXTS[:50])
    vectors = CachedEmbedder(RefusingEncoder(), tmp_path).encode(TEXTS[:50])
    assert np.array_equal(vectors, np.stack([expected(text) for text in TEXTS[:50]]))


def test_each_text_is_embedded_once(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    texts = TEXTS[:30] * 3 + TEXTS[10:40]
    vectors = embed(texts, CachedEmbedder(encoder, tmp_path))
    assert sorted(encoder.seen) == sorted(set(texts))
    assert np.array_equal(vectors, np.stack([expected(text) for text in texts]))


def test_a_corpus_embeds_each_claim_text_once() -> None:
    """Both articles repeat a sentence: the pipeline asks the model for it once."""
    repeated = "Alibaba hired 300 engineers in September 2022. "
    documents = [
        ingest_text(repeated * 3 + "ByteDance opened a lab in 2021.", "a", lang="en"),
        ingest_text(repeated + "Tencent bought 5% of the company in 2020.", "b", lang="en"),
    ]
    encoder = CountingEncoder()
    result = Pipeline(Config(cache=False), encoder).run(documents, "repeats")
    assert sorted(encoder.seen) == sorted({claim.text for claim in result.claims})
    assert len(result.claims) > len(encoder.seen)
