"""Shared fixtures: the real embedder once per session, a fake one for stage tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reconcile.config import Config
from reconcile.embed import Embedder, UniversalSentenceEncoder

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpora" / "yang-hongxia-m6"


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
