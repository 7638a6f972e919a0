"""Claims x claims -> Alignments: which claims of different sources talk about the same thing.

Candidates come from the embedding space (top-k per claim in both directions, computed a
block of rows at a time so no dense N x M matrix is ever held) and from shared anchors
(a person, a product name, a number). Each candidate is then scored exactly: cosine
similarity plus agreement of subject, entities, event type and slot kinds, and minus
disagreement of event type. Matching is greedy on that score, one-to-one first; a claim
left over may still join a matched claim when its own score is high (one source splitting
into two sentences what the other says in one). A claim below the threshold stays one-sided.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from reconcile.config import Config
from reconcile.model import Alignment, Claim, DateValue, Quantity
from reconcile.neighbours import approximate_top_k_pairs
from reconcile.normalize.org import same_org
from reconcile.normalize.person import same_person

# Score weights. Cosine similarity of translations is ~0.5-0.8 with USE; the bonuses are
# of the size of the gap between a true and a false pair, the event penalty larger.
W_PERSON = 0.12
W_SUBJECT = 0.10
W_SUBJECT_CLASH = 0.15
W_ORG = 0.08
W_TERM = 0.10
W_EVENT = 0.08
W_EVENT_CLASH = 0.30
W_DATE = 0.08
W_QUANTITY = 0.10
W_UNIT = 0.03

# Candidate generation limits that keep alignment about linear in the corpus (see _anchor_pairs).
MAX_ANCHOR_SHARERS = 64
PERSON_PAIRS_COMPARED = 2_500


@dataclass(frozen=True, slots=True)
class _Anchors:
    """The comparable content of a claim, precomputed once."""

    persons: tuple[str, ...]
    orgs: tuple[str, ...]
    terms: frozenset[str]
    dates: tuple[DateValue, ...]
    quantities: tuple[Quantity, ...]


def _anchors(claim: Claim) -> _Anchors:
    persons, orgs, dates, quantities = [], [], [], []
    for slot in claim.slots:
        value = slot.value
        if isinstance(value, DateValue):
            dates.append(value)
        elif isinstance(value, Quantity):
            quantities.append(value)
        elif slot.kind == "person":
            persons.append(value.value)
        else:
            orgs.append(value.value)
    return _Anchors(
        tuple(dict.fromkeys(persons)),
        tuple(dict.fromkeys(orgs)),
        frozenset(term.casefold() for term in claim.terms),
        tuple(dates),
        tuple(quantities),
    )


class _Matcher:
    """Cross-source entity identity with memoised fuzzy comparisons."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, str, str], bool] = {}

    def same(self, kind: str, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (kind, a, b) if a < b else (kind, b, a)
        if key not in self._memo:
            self._memo[key] = same_person(a, b) if kind == "person" else same_org(a, b)
        return self._memo[key]

    def shared(self, kind: str, left: Iterable[str], right: Sequence[str]) -> int:
        return sum(1 for a in left if any(self.same(kind, a, b) for b in right))

    def same_subject(self, a: str, b: str) -> bool:
        return self.same("person", a, b) or self.same("org", a, b) or a.casefold() == b.casefold()


def score_pair(a: Claim, b: Claim, anchors_a: _Anchors, anchors_b: _Anchors, cosine: float, matcher: _Matcher) -> float:
    """Cosine similarity adjusted by what the two claims visibly share or contradict in kind."""
    score = cosine
    score += W_PERSON * min(2, matcher.shared("person", anchors_a.persons, anchors_b.persons))
    score += W_ORG * min(2, matcher.shared("org", anchors_a.orgs, anchors_b.orgs))
    score += W_TERM * min(2, len(anchors_a.terms & anchors_b.terms))
    if a.subject and b.subject:
        score += W_SUBJECT if matcher.same_subject(a.subject, b.subject) else -W_SUBJECT_CLASH
    if a.event and b.event:
        score += W_EVENT if a.event == b.event else -W_EVENT_CLASH
    if anchors_a.dates and anchors_b.dates and any(x.overlaps(y) for x in anchors_a.dates for y in anchors_b.dates):
        score += W_DATE
    shared_quantities = sum(
        1 for x in anchors_a.quantities if any(x.unit == y.unit and x.overlaps(y) for y in anchors_b.quantities)
    )
    score += W_QUANTITY * min(2, shared_quantities)
    if not shared_quantities and {q.unit for q in anchors_a.quantities if q.unit} & {
        q.unit for q in anchors_b.quantities if q.unit
    }:
        score += W_UNIT
    return score


def top_k_pairs(
    left: np.ndarray, right: np.ndarray, k: int, block_rows: int, index_above: int = 4_000_000
) -> dict[tuple[int, int], float]:
    """(i, j) -> cosine for each row's k nearest columns and each column's k nearest rows.

    Similarities are computed `block_rows` rows at a time, so memory stays at
    block_rows x len(right) floats whatever the size of the inputs. Above `index_above`
    pairs, exact search would take time quadratic in the corpus: an approximate index
    (reconcile.neighbours) finds nearly the same neighbours in about linear time.
    """
    pairs: dict[tuple[int, int], float] = {}
    if len(left) == 0 or len(right) == 0:
        return pairs
    if len(left) * len(right) > index_above:
        return approximate_top_k_pairs(left, right, k, block_rows)
    for transposed, (rows, columns) in enumerate(((left, right), (right, left))):
        keep = min(k, len(columns))
        for start in range(0, len(rows), block_rows):
            block = rows[start : start + block_rows] @ columns.T
            nearest = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
            for offset, row_nearest in enumerate(nearest):
                for column in row_nearest:
                    i, j = start + offset, int(column)
                    key = (j, i) if transposed else (i, j)
                    pairs[key] = float(block[offset, column])
    return pairs


def _anchor_keys(anchors: _Anchors) -> set[str]:
    """Exact keys under which two claims may share an anchor, for candidate lookup."""
    keys = {f"t:{term}" for term in anchors.terms}
    keys.update(f"q:{q.unit}:{q.value:g}" for q in anchors.quantities)
    keys.update(f"d:{d.label}" for d in anchors.dates if d.precision != "year")
    return keys


def _anchor_pairs(left: Sequence[_Anchors], right: Sequence[_Anchors], matcher: _Matcher) -> set[tuple[int, int]]:
    """Pairs sharing a term, an exact number, a date or a person: candidates without embeddings.

    An anchor held by more than MAX_ANCHOR_SHARERS claims of one side (a bare "2" in a long
    document) singles out nothing and is skipped, so candidates grow with the corpus, not
    with its square; a news pair has far fewer claims than that.
    """
    right_keys = _postings(_anchor_keys(anchors) for anchors in right)
    pairs: set[tuple[int, int]] = set()
    for key, rows in _postings(_anchor_keys(anchors) for anchors in left).items():
        columns = right_keys.get(key, [])
        if columns and len(rows) <= MAX_ANCHOR_SHARERS and len(columns) <= MAX_ANCHOR_SHARERS:
            pairs.update(itertools.product(rows, columns))
    left_names = _postings(anchors.persons for anchors in left)
    right_names = _postings(anchors.persons for anchors in right)
    for a, b in _name_pairs(left_names, right_names):
        rows, columns = left_names[a], right_names[b]
        if len(rows) <= MAX_ANCHOR_SHARERS and len(columns) <= MAX_ANCHOR_SHARERS and matcher.same("person", a, b):
            pairs.update(itertools.product(rows, columns))
    return pairs


def _postings(keys_per_claim: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """Key -> the claims (by position) holding it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, keys in enumerate(keys_per_claim):
        for key in keys:
            index[key].append(position)
    return index


def _name_pairs(left: Iterable[str], right: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Distinct name pairs worth asking `same_person` about.

    Every pair while there are few; beyond PERSON_PAIRS_COMPARED, only names sharing a word
    (or the words run together: "Yanghongxia"), so a long document with thousands of names
    costs about linear time instead of names x names fuzzy comparisons.
    """
    left, right = sorted(left), sorted(right)
    if len(left) * len(right) <= PERSON_PAIRS_COMPARED:
        yield from itertools.product(left, right)
        return
    by_word: dict[str, list[str]] = defaultdict(list)
    for name in right:
        for word in _name_words(name):
            by_word[word].append(name)
    for name in left:
        for other in sorted({other for word in _name_words(name) for other in by_word.get(word, ())}):
            yield name, other


def _name_words(name: str) -> set[str]:
    words = re.findall(r"\w+", name.casefold())
    return {*words, "".join(words), "".join(sorted(words))}


def _align_two(
    left: Sequence[Claim],
    right: Sequence[Claim],
    left_vectors: np.ndarray | None,
    right_vectors: np.ndarray | None,
    config: Config,
    matcher: _Matcher,
) -> list[tuple[float, float | None, Claim, Claim]]:
    """Scored pairs (score, cosine, a, b) kept for two documents."""
    left_anchors = [_anchors(claim) for claim in left]
    right_anchors = [_anchors(claim) for claim in right]
    cosines: dict[tuple[int, int], float] = {}
    if left_vectors is not None and right_vectors is not None:
        cosines = top_k_pairs(left_vectors, right_vectors, config.top_k, config.block_rows, config.index_above)
    candidates = set(cosines) | _anchor_pairs(left_anchors, right_anchors, matcher)
    threshold = config.pair_threshold if left_vectors is not None else config.lexical_pair_threshold
    scored = []
    for i, j in candidates:
        if (i, j) in cosines:
            cosine: float | None = cosines[(i, j)]
        elif left_vectors is not None and right_vectors is not None:
            cosine = float(left_vectors[i] @ right_vectors[j])
        else:
            cosine = None
        score = score_pair(left[i], right[j], left_anchors[i], right_anchors[j], cosine or 0.0, matcher)
        if score >= threshold:
            scored.append((score, cosine, i, j))
    scored.sort(key=lambda item: (-item[0], item[2], item[3]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    kept = []
    for score, cosine, i, j in scored:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        kept.append((score, cosine, left[i], right[j]))
    for score, cosine, i, j in scored:
        if score < config.extra_pair_threshold or (i in used_left and j in used_right):
            continue
        if (i in used_left) == (j in used_right):
            continue
        kept.append((score, cosine, left[i], right[j]))
        used_left.add(i)
        used_right.add(j)
    return kept


def align(
    claims: Sequence[Claim], vectors: np.ndarray | None, documents: Sequence[str], config: Config
) -> tuple[Alignment, ...]:
    """Alignments across every pair of documents, merged into groups of at most one claim per document.

    `vectors` holds one row per claim (None for lexical-only alignment); `documents` gives
    the document order, which fixes the order of claims inside an alignment.
    """
    row = {claim.id: index for index, claim in enumerate(claims)}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    matcher = _Matcher()
    pairs: list[tuple[float, float | None, Claim, Claim]] = []
    for doc_a, doc_b in itertools.combinations(documents, 2):
        left, right = by_doc.get(doc_a, []), by_doc.get(doc_b, [])
        left_vectors = vectors[[row[c.id] for c in left]] if vectors is not None and left else None
        right_vectors = vectors[[row[c.id] for c in right]] if vectors is not None and right else None
        pairs.extend(_align_two(left, right, left_vectors, right_vectors, config, matcher))
    return _merge(pairs, documents)


def _merge(pairs: list[tuple[float, float | None, Claim, Claim]], documents: Sequence[str]) -> tuple[Alignment, ...]:
    """Join pairs that share a claim into one group when no document would appear twice."""
    order = {doc: index for index, doc in enumerate(documents)}
    group_of: dict[str, int] = {}
    groups: list[dict[str, Claim]] = []
    stats: list[list[tuple[float, float | None]]] = []
    pairs = sorted(pairs, key=lambda item: (-item[0], item[2].id, item[3].id))
    for score, cosine, a, b in pairs:
        ga, gb = group_of.get(a.id), group_of.get(b.id)
        if ga is None and gb is None:
            group_of[a.id] = group_of[b.id] = len(groups)
            groups.append({a.doc: a, b.doc: b})
            stats.append([(score, cosine)])
            continue
        if ga is not None and gb is not None:
            if ga != gb and not set(groups[ga]) & set(groups[gb]):
                groups[ga].update(groups[gb])
                stats[ga].extend(stats[gb] + [(score, cosine)])
                for claim in groups[gb].values():
                    group_of[claim.id] = ga
                groups[gb] = {}
                continue
        elif ga is not None and b.doc not in groups[ga]:
            groups[ga][b.doc] = b
            group_of[b.id] = ga
            stats[ga].append((score, cosine))
            continue
        elif gb is not None and a.doc not in groups[gb]:
            groups[gb][a.doc] = a
            group_of[a.id] = gb
            stats[gb].append((score, cosine))
            continue
        groups.append({a.doc: a, b.doc: b})
        stats.append([(score, cosine)])
    alignments = []
    for members, scores in zip(groups, stats, strict=True):
        if not members:
            continue
        cosines = [cosine for _, cosine in scores if cosine is not None]
        alignments.append(
            Alignment(
                claims=tuple(claim.id for claim in sorted(members.values(), key=lambda c: (order[c.doc], c.start))),
                similarity=round(sum(cosines) / len(cosines), 4) if cosines else None,
                score=round(max(score for score, _ in scores), 4),
            )
        )
    return tuple(sorted(alignments, key=lambda alignment: alignment.claims))
