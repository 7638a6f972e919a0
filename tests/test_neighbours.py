"""Nearest-neighbour search: exact search against a full sort, the approximate index against
exact search (same neighbours, exact cosines, stable output), and the cap on anchor partners."""

from __future__ import annotations

import numpy as np
import pytest

from reconcile.align import _closest_pairs, top_k_pairs
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


def _sorted_top_k(left: np.ndarray, right: np.ndarray, k: int) -> set[tuple[int, int]]:
    """Each row's k best columns and each column's k best rows by a full stable sort (ties to the lower index)."""
    similarity = left @ right.T
    by_row = np.argsort(-similarity, axis=1, kind="stable")[:, :k]
    by_column = np.argsort(-similarity, axis=0, kind="stable")[:k]
    return {(i, int(j)) for i, row in enumerate(by_row) for j in row} | {
        (int(i), j) for j, column in enumerate(by_column.T) for i in column
    }


@pytest.mark.parametrize(
    "rows, columns, block_rows",
    [(1, 1, 2048), (3, 20, 2048), (20, 3, 2048), (9, 9, 4), (250, 37, 64), (37, 250, 16), (500, 500, 2048)],
)
def test_exact_search_keeps_what_a_full_sort_keeps(rows: int, columns: int, block_rows: int) -> None:
    rng = np.random.default_rng(rows * 1000 + columns)
    left, right = _unit(rng.standard_normal((rows, 24))), _unit(rng.standard_normal((columns, 24)))
    pairs = top_k_pairs(left, right, K, block_rows, index_above=rows * columns)
    assert set(pairs) == _sorted_top_k(left, right, K)
    for (i, j), cosine in pairs.items():
        assert cosine == pytest.approx(float(left[i] @ right[j]), abs=1e-6)


def test_exact_search_on_embeddings_in_uneven_blocks(sides: tuple[np.ndarray, np.ndarray]) -> None:
    left, right = sides
    assert set(top_k_pairs(left, right, K, 700, index_above=len(left) * len(right))) == _sorted_top_k(left, right, K)


def test_exact_search_breaks_ties_to_the_lower_index() -> None:
    """Repeated claims embed identically: which copies are kept must not depend on chance."""
    rng = np.random.default_rng(3)
    left = np.repeat(_unit(rng.standard_normal((1, 16))), 10, axis=0)  # one claim ten times a side
    right = np.repeat(_unit(rng.standard_normal((1, 16))), 10, axis=0)
    pairs = top_k_pairs(left, right, 3, 4, index_above=100)
    assert set(pairs) == {(i, j) for i in range(10) for j in range(10) if i < 3 or j < 3}


def test_anchor_partners_are_the_closest_few_of_each_claim() -> None:
    """A term that every claim holds pairs every claim with every other; each claim keeps
    its `limit` closest, so the pairs grow with the claims, not with their product."""
    rng = np.random.default_rng(4)
    left, right = _unit(rng.standard_normal((60, 16))), _unit(rng.standard_normal((50, 16)))
    every_pair = {(i, j) for i in range(60) for j in range(50)}
    kept = _closest_pairs(every_pair, left, right, 4)
    assert set(kept) == _sorted_top_k(left, right, 4)
    assert len(kept) <= 4 * (60 + 50)
    assert all(kept[(i, j)] == pytest.approx(float(left[i] @ right[j]), abs=1e-6) for i, j in kept)
    few = {(0, 1), (0, 2), (5, 1)}
    assert set(_closest_pairs(few, left, right, 4)) == few  # a claim with fewer partners keeps them all


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
