"""The approximate neighbour index against exact search: same neighbours, exact cosines, stable output."""

from __future__ import annotations

import numpy as np
import pytest

from reconcile.align import top_k_pairs
from reconcile.neighbours import approximate_top_k_pairs

K = 8
BLOCK_ROWS = 2048


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def sides() -> tuple[np.ndarray, np.ndarray]:
    """Two sides shaped like sentence embeddings: claims gather by topic; each right row
    translates (is a noisy copy of) one left row. Uniform random vectors have no neighbours
    worth the name, so no index (and no aligner) could learn anything from them."""
    rng = np.random.default_rng(5)
    dimensions, rows, topics = 512, 3000, 50
    centres = _unit(rng.standard_normal((topics, dimensions)))
    spread = rng.standard_normal((rows, dimensions)) / dimensions**0.5
    left = _unit(centres[rng.integers(0, topics, rows)] + 2.0 * spread)
    noise = rng.standard_normal((rows, dimensions)) / dimensions**0.5
    right = _unit(left[rng.permutation(rows)] + noise)
    return left, right


def test_index_finds_the_exact_neighbours(sides: tuple[np.ndarray, np.ndarray]) -> None:
    left, right = sides
    exact = top_k_pairs(left, right, K, BLOCK_ROWS, index_above=len(left) * len(right))
    approximate = top_k_pairs(left, right, K, BLOCK_ROWS, index_above=1)
    recall = len(exact.keys() & approximate.keys()) / len(exact)
    assert recall >= 0.95, f"recall {recall:.3f} of the exact top-{K} pairs"
    for i, j in list(approximate)[:500]:
        assert approximate[(i, j)] == pytest.approx(float(left[i] @ right[j]), abs=1e-5)


def test_index_is_deterministic(sides: tuple[np.ndarray, np.ndarray]) -> None:
    left, right = sides
    assert approximate_top_k_pairs(left, right, K, BLOCK_ROWS) == approximate_top_k_pairs(left, right, K, BLOCK_ROWS)


def test_index_with_fewer_rows_than_k() -> None:
    rng = np.random.default_rng(1)
    left, right = _unit(rng.standard_normal((200, 16))), _unit(rng.standard_normal((3, 16)))
    pairs = approximate_top_k_pairs(left, right, K, BLOCK_ROWS)
    assert {(i, j) for i in range(200) for j in range(3)} == set(pairs)
