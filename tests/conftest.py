"""Shared fixtures: the real embedder once per session, a fake one for stage tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reconcile.config import Config
from reconcile.embed import Embedder, UniversalSentenceEncoder
from reconcile.ingest import ingest_text
from reconcile.model import Document

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpora" / "yang-hongxia-m6"

STORY_EN = (
    "Yang Hongxia joined ByteDance in September 2020 after leaving Alibaba.\n\n"
    "Her team trained M6, a model with 10 trillion parameters, in 2021."
)
STORY_ZH = "杨红霞于2020年9月加入字节跳动，此前在阿里巴巴工作。\n\n她的团队在2021年训练了10万亿参数的M6模型。"


def story(en: str = STORY_EN, zh: str = STORY_ZH) -> list[Document]:
    """A short English and Chinese pair with dates, amounts, people and companies: small
    enough for tests that run the whole pipeline again and again."""
    return [
        ingest_text(en, "en", lang="en", published="2023-03"),
        ingest_text(zh, "zh", lang="zh", published="2023-03"),
    ]


class HashingEmbedder:
    """Deterministic character-trigram hashing: similar strings get similar vectors.

    Stands in for the real model in stage tests, where what matters is the stage's own
    logic. It does not understand translation; end-to-end tests use the real model.
    """

    name = "hashing-test"

    def __init__(self, dimensions: int = 256) -> None:
        self.dimensions = dimensions

    def load(self) -> None:
        """Nothing to load."""

    def use_threads(self, threads: int | None) -> None:
        """One thread whatever is asked."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            for index in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[index : index + 3].encode(), digest_size=4).digest()
                vectors[row, int.from_bytes(digest, "little") % self.dimensions] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vectors / norms


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The default multilingual embedder, loaded once for the whole test session."""
    return UniversalSentenceEncoder()


@pytest.fixture(scope="session")
def fake_embedder() -> Embedder:
    return HashingEmbedder()


@pytest.fixture()
def config(tmp_path: Path) -> Config:
    """Default settings with the embedding cache inside the test's own folder."""
    return Config(cache_dir=tmp_path / "cache")
