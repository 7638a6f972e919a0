"""Approximate nearest neighbours between two sets of unit vectors, for corpora of thousands of claims.

Exact search compares every claim with every other: fine for a news pair (tens of claims a
side), quadratic beyond. This inverted-file index (IVF) splits the space into cells with a
spherical k-means quantiser trained on both sides, `CELL_SIZE` vectors to a cell, and compares
each query only with the vectors of its `PROBES` nearest cells. The work per query is then
fixed whatever the size of the corpus; only the comparison with the cell centres grows with
it, a small fraction of a brute-force pass. Similarities returned are exact dot products:
only *which* neighbours are found is approximate (about 0.95 of the exact top k on sentence
embeddings). Everything is seeded, so the same input gives the same pairs.
"""

from __future__ import annotations

import numpy as np

CELL_SIZE = 64  # vectors (both sides) per cell on average
PROBES = 32  # cells searched per query
TRAINING_PER_CELL = 16  # k-means sample size, per cell
ITERATIONS = 5  # k-means rounds: enough for cells that group neighbours, not an exact optimum
QUERY_CHUNK = 32_768  # queries whose candidates are held at once (bounds memory)
SEED = 0


def approximate_top_k_pairs(
    left: np.ndarray, right: np.ndarray, k: int, block_rows: int
) -> dict[tuple[int, int], float]:
    """(i, j) -> cosine for about each row's k nearest columns and each column's k nearest rows."""
    centres = _quantiser(left, right, block_rows)
    left_probes, right_probes = (_probes(side, centres, block_rows) for side in (left, right))
    pairs: dict[tuple[int, int], float] = {}
    sides = ((left, left_probes, right, right_probes), (right, right_probes, left, left_probes))
    for transposed, (queries, probes, base, base_probes) in enumerate(sides):
        cells = _Cells(base, base_probes[:, 0], len(centres))
        for start in range(0, len(queries), QUERY_CHUNK):
            chunk = slice(start, start + QUERY_CHUNK)
            nearest, cosines = cells.search(queries[chunk], probes[chunk], min(k, len(base)))
            for i, (row_nearest, row_cosines) in enumerate(zip(nearest.tolist(), cosines.tolist(), strict=True), start):
                for j, cosine in zip(row_nearest, row_cosines, strict=True):
                    if j >= 0:
                        pairs[(j, i) if transposed else (i, j)] = cosine
    return pairs


def _quantiser(left: np.ndarray, right: np.ndarray, block_rows: int) -> np.ndarray:
    """Cell centres from spherical k-means on a seeded sample of both sides."""
    total = len(left) + len(right)
    cells = max(1, total // CELL_SIZE)
    rng = np.random.default_rng(SEED)
    rows = np.sort(rng.choice(total, size=min(total, TRAINING_PER_CELL * cells), replace=False))
    split = np.searchsorted(rows, len(left))
    sample = np.concatenate([left[rows[:split]], right[rows[split:] - len(left)]])
    centres = sample[rng.choice(len(sample), size=cells, replace=False)].copy()
    for _ in range(ITERATIONS):
        assigned = np.concatenate(
            [np.argmax(sample[at : at + block_rows] @ centres.T, axis=1) for at in range(0, len(sample), block_rows)]
        )
        order = np.argsort(assigned, kind="stable")
        counts = np.bincount(assigned, minlength=cells)
        filled = counts > 0
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))[filled]
        sums = np.add.reduceat(sample[order], starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres[filled] = sums / np.maximum(norms, 1e-12)  # an empty cell keeps its centre
    return centres


def _probes(vectors: np.ndarray, centres: np.ndarray, block_rows: int) -> np.ndarray:
    """The PROBES cells most similar to each vector, its own (nearest) cell in column 0.

    One pass serves both roles of a side: the cells it searches as queries, and the cell
    its rows are filed under as the base the other side searches.
    """
    count = min(PROBES, len(centres))
    probes = np.empty((len(vectors), count), dtype=np.int64)
    for start in range(0, len(vectors), block_rows):
        similarity = vectors[start : start + block_rows] @ centres.T
        top = np.argpartition(-similarity, count - 1, axis=1)[:, :count]
        best = np.argmax(np.take_along_axis(similarity, top, axis=1), axis=1)
        rows = np.arange(len(top))
        nearest = top[rows, best]
        top[rows, best] = top[:, 0]
        top[:, 0] = nearest
        probes[start : start + block_rows] = top
    return probes


class _Cells:
    """The base side filed by cell: members of a cell are contiguous rows of `members`."""

    def __init__(self, base: np.ndarray, cells: np.ndarray, count: int) -> None:
        self.order = np.argsort(cells, kind="stable")
        self.bounds = np.searchsorted(cells[self.order], np.arange(count + 1))
        self.members = base[self.order]

    def search(self, queries: np.ndarray, probes: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Each query's k best base rows among its probed cells: (indices, cosines); -1 where fewer exist.

        Work goes cell by cell: every query probing a cell is compared with that cell's members
        in one matrix product, and each keeps its k best there in the slot of that probe.
        """
        width = probes.shape[1]
        by_cell = np.argsort(probes.ravel(), kind="stable")
        query_bounds = np.searchsorted(probes.ravel()[by_cell], np.arange(len(self.bounds)))
        best = np.full((len(queries), width * k), -np.inf, dtype=np.float32)
        where = np.full((len(queries), width * k), -1, dtype=np.int64)
        for cell in range(len(self.bounds) - 1):
            low, high = self.bounds[cell], self.bounds[cell + 1]
            first, last = query_bounds[cell], query_bounds[cell + 1]
            if low == high or first == last:
                continue
            entries = by_cell[first:last]
            rows, slots = entries // width, entries % width
            similarity = queries[rows] @ self.members[low:high].T
            if high - low > k:
                top = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
                similarity = np.take_along_axis(similarity, top, axis=1)
            else:
                top = np.broadcast_to(np.arange(high - low), similarity.shape)
            columns = slots[:, None] * k + np.arange(top.shape[1])
            best[rows[:, None], columns] = similarity
            where[rows[:, None], columns] = top + low
        keep = np.argpartition(-best, k - 1, axis=1)[:, :k]
        cosines = np.take_along_axis(best, keep, axis=1)
        found = np.take_along_axis(where, keep, axis=1)
        return np.where(found >= 0, self.order[np.maximum(found, 0)], -1), cosines
