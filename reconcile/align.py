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
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from reconcile.config import Config
from reconcile.lang import EVENT_TYPES
from reconcile.model import Alignment, Claim, DateValue, Entity, Quantity
from reconcile.neighbours import approximate_top_k_pairs
from reconcile.normalize.org import lookup, org_parent, same_org
from reconcile.normalize.person import may_be_same_person, same_person
from reconcile.normalize.romanise import romanised_words

# Score weights. Cosine similarity of translations is ~0.5-0.8 with USE; the bonuses are
# of the size of the gap between a true and a false pair, the clash penalties larger.
W_PERSON = 0.12
W_SUBJECT = 0.10
W_SUBJECT_CLASH = 0.05
W_ORG = 0.08
W_ORG_CLASH = 0.12
W_TERM = 0.10
W_OBJECT_CLASH = 0.20
W_EVENT = 0.08
W_EVENT_DRIFT = 0.05
W_EVENT_CLASH = 0.12
W_EVENT_OPPOSED = 0.30
# Slot kinds both claims state (a date each, amounts in one unit) suggest one fact; their
# values are left to the judge, so a changed number does not unpair its sentence.
W_DATE = 0.06
W_UNIT = 0.08
# A bare number with no unit says little, unless both sides give exactly the same one.
W_SAME_NUMBER = 0.06
# Claims that disagree on one kind of slot may contradict each other; claims that disagree
# on every kind they share (date and amount) are more likely about different events.
W_ALL_DISAGREE = 0.20
W_NO_EVIDENCE = 0.07
# A date bounds an event only when it is tight: "by the end of 2022" overlaps everything before.
TIGHT_DATE_DAYS = 366

# Candidate generation limits that keep alignment about linear in the corpus (see _anchor_pairs).
MAX_ANCHOR_SHARERS = 64
PERSON_PAIRS_COMPARED = 2_500
# With embeddings, a claim keeps its this many closest anchor partners (by cosine), as the
# search keeps its top_k: a term that 40 claims of each side hold makes 1,600 pairs to
# score, and an archive repeats its facts. Over the 20k-sentence benchmark documents (each
# WMT claim about five times a side) the scored pairs went from 107k to 75k; a news pair's
# claims rarely have this many.
MAX_ANCHOR_PARTNERS = 8


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


# Organisations outside the lexicon are taken as one when their names embed this close
# and share a romanised word (a place name: "Lanzhou" in 兰州交通大学). Embeddings alone
# confuse sister institutions (Peking University and 清华大学 embed at 0.72).
ORG_NAME_COSINE = 0.5


class NameMatcher:
    """Cross-source identity of people and organisations, memoised.

    People and lexicon organisations are compared by their canonical names (pinyin, alias
    lexicon, fuzzy spelling); two organisations the lexicon lacks fall back to their name
    embeddings (`org_vectors`, unit rows keyed by name) confirmed by a shared romanised word.
    """

    def __init__(self, org_vectors: Mapping[str, np.ndarray] | None = None) -> None:
        self._memo: dict[tuple[str, str, str], bool] = {}
        self._org_vectors = org_vectors or {}

    def same(self, kind: str, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (kind, a, b) if a < b else (kind, b, a)
        if key not in self._memo:
            self._memo[key] = same_person(a, b) if kind == "person" else self._same_org(a, b)
        return self._memo[key]

    def _same_org(self, a: str, b: str) -> bool:
        if same_org(a, b):
            return True
        if a not in self._org_vectors or b not in self._org_vectors:
            return False
        similar = float(self._org_vectors[a] @ self._org_vectors[b]) >= ORG_NAME_COSINE
        return similar and bool(romanised_words(a) & romanised_words(b))

    def shared(self, kind: str, left: Sequence[str], right: Sequence[str]) -> int:
        """Names matched on both sides, counted the same whichever side comes first."""
        return min(
            sum(1 for a in left if any(self.same(kind, a, b) for b in right)),
            sum(1 for b in right if any(self.same(kind, a, b) for a in left)),
        )

    def related_orgs(self, left: Sequence[str], right: Sequence[str]) -> bool:
        """Whether some organisation on one side is, contains or belongs to one on the other."""
        lineage_left = {name for org in left for name in _lineage(org)}
        lineage_right = {name for org in right for name in _lineage(org)}
        return any(self.same("org", a, b) for a in left for b in lineage_right) or any(
            self.same("org", a, b) for a in lineage_left for b in right
        )

    def part_of(self, unit: str, whole: str) -> bool:
        """Whether organisation `unit` belongs to `whole` in the lexicon (Microsoft Research Asia
        to Microsoft, DAMO Academy to Alibaba), not whether it is it."""
        return any(self.same("org", parent, whole) for parent in _lineage(unit)[1:])

    def same_subject(self, a: str, b: str) -> bool:
        return self.same("person", a, b) or self.same("org", a, b) or a.casefold() == b.casefold()


def _lineage(org: str) -> list[str]:
    """The organisation and its parents in the lexicon (DAMO Academy -> Alibaba)."""
    chain = [org]
    while (parent := org_parent(chain[-1])) is not None and parent not in chain:
        chain.append(parent)
    return chain


def _events_agree(a: Claim, b: Claim) -> float:
    """Bonus for the same main event; a small penalty within one family, a larger one across,
    the largest for opposite events (joining and leaving).

    A claim whose predicates include the other's main event is not penalised: a sentence
    often names two events ("when Alibaba Cloud released…, its parameters had reached…").
    """
    if not a.event or not b.event:
        return 0.0
    if a.event == b.event:
        return W_EVENT
    if a.event in b.events or b.event in a.events:
        return 0.0
    if EVENT_TYPES[a.event].opposite == b.event:
        return -W_EVENT_OPPOSED
    if EVENT_TYPES[a.event].family == EVENT_TYPES[b.event].family:
        return -W_EVENT_DRIFT
    return -W_EVENT_CLASH


def _known(orgs: Sequence[str]) -> bool:
    """Every organisation is in the lexicon (itself or its parent), so its identity across
    languages is known."""
    return all(lookup(org) is not None or lookup(org_parent(org) or "") is not None for org in orgs)


def _orgs_clash(left: Sequence[str], right: Sequence[str], shared: int, matcher: NameMatcher) -> bool:
    """Both claims name organisations, none the same or related, and all are known names.

    An organisation outside the lexicon (兰州交通大学) may well be the other side's
    "Lanzhou Jiaotong University": not knowing is no evidence of a difference.
    """
    return bool(
        left and right and not shared and _known(left) and _known(right) and not matcher.related_orgs(left, right)
    )


def _objects_clash(a: Claim, b: Claim, anchors_a: _Anchors, anchors_b: _Anchors, matcher: NameMatcher) -> bool:
    """Both claims act on an organisation (joined, left), and the two are unrelated."""
    if not (a.object and b.object) or a.object not in anchors_a.orgs or b.object not in anchors_b.orgs:
        return False
    if not (_known([a.object]) and _known([b.object])):
        return False
    return not matcher.related_orgs([a.object], [b.object])


def _tight(date: DateValue) -> bool:
    return date.anchor != "now" and date.span_days <= TIGHT_DATE_DAYS


def _disagreements(anchors_a: _Anchors, anchors_b: _Anchors) -> int:
    """Kinds of slot (date, amount) present on both sides with no compatible pair."""
    count = 0
    dates_a = [d for d in anchors_a.dates if _tight(d)]
    dates_b = [d for d in anchors_b.dates if _tight(d)]
    if dates_a and dates_b and not any(x.overlaps(y) for x in dates_a for y in dates_b):
        count += 1
    same_unit = [(x, y) for x in anchors_a.quantities for y in anchors_b.quantities if x.unit and x.unit == y.unit]
    if same_unit and not any(x.overlaps(y) for x, y in same_unit):
        count += 1
    return count


def _shared_units(left: Sequence[Quantity], right: Sequence[Quantity]) -> int:
    return len({q.unit for q in left if q.unit} & {q.unit for q in right if q.unit})


def _same_bare_numbers(left: Sequence[Quantity], right: Sequence[Quantity]) -> int:
    """Numbers stated identically on both sides, unit or not ("24,801" and "24801张")."""
    return len({q.value for q in left} & {q.value for q in right})


def _weigh(a: Claim, b: Claim, anchors_a: _Anchors, anchors_b: _Anchors, matcher: NameMatcher) -> tuple[float, float]:
    """(evidence for, evidence against) the two claims stating the same fact, apart from wording."""
    shared_orgs = matcher.shared("org", anchors_a.orgs, anchors_b.orgs)
    same_subject = bool(a.subject and b.subject and matcher.same_subject(a.subject, b.subject))
    events = _events_agree(a, b)
    evidence = (
        W_PERSON * min(2, matcher.shared("person", anchors_a.persons, anchors_b.persons))
        + W_ORG * min(2, shared_orgs)
        + W_TERM * min(2, len(anchors_a.terms & anchors_b.terms))
        + (W_SUBJECT if same_subject else 0.0)
        + max(events, 0.0)
        + (W_DATE if any(_tight(x) for x in anchors_a.dates) and any(_tight(y) for y in anchors_b.dates) else 0.0)
        + W_UNIT * min(2, _shared_units(anchors_a.quantities, anchors_b.quantities))
        + W_SAME_NUMBER * min(2, _same_bare_numbers(anchors_a.quantities, anchors_b.quantities))
    )
    against = (
        -min(events, 0.0)
        + (W_ORG_CLASH if _orgs_clash(anchors_a.orgs, anchors_b.orgs, shared_orgs, matcher) else 0.0)
        + (W_OBJECT_CLASH if _objects_clash(a, b, anchors_a, anchors_b, matcher) else 0.0)
        + (W_ALL_DISAGREE if _disagreements(anchors_a, anchors_b) >= 2 else 0.0)
    )
    # Both name their subject (not a pronoun resolved from earlier sentences), differently.
    if (
        a.subject
        and b.subject
        and not same_subject
        and a.subject in anchors_a.persons
        and b.subject in anchors_b.persons
        and not may_be_same_person(a.subject, b.subject)
    ):
        against += W_SUBJECT_CLASH
    return evidence, against


def score_pair(
    a: Claim, b: Claim, anchors_a: _Anchors, anchors_b: _Anchors, cosine: float, matcher: NameMatcher
) -> float:
    """Cosine similarity plus what the two claims visibly share, minus what they contradict in kind.

    Two claims sharing nothing but wording (no name, term, event, date or unit) must be
    closer in meaning to be paired. Symmetric: score_pair(a, b) == score_pair(b, a), so the
    order of documents in a corpus never changes which claims are paired.
    """
    evidence, against = _weigh(a, b, anchors_a, anchors_b, matcher)
    return cosine + (evidence or -W_NO_EVIDENCE) - against


def top_k_pairs(
    left: np.ndarray, right: np.ndarray, k: int, block_rows: int, index_above: int
) -> dict[tuple[int, int], float]:
    """(i, j) -> cosine for each row's k nearest columns and each column's k nearest rows
    (ties to the lower index).

    Similarities are computed `block_rows` rows at a time, so memory stays at
    block_rows x len(right) floats whatever the size of the inputs; each block gives both
    directions their candidates (see `_floors`). Above `index_above` pairs, exact search
    would take time quadratic in the corpus: an approximate index (reconcile.neighbours)
    finds nearly the same neighbours in about linear time.
    """
    if len(left) == 0 or len(right) == 0:
        return {}
    if len(left) * len(right) > index_above:
        return approximate_top_k_pairs(left, right, k, block_rows)
    found: dict[int, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {1: [], 0: []}
    for start in range(0, len(left), block_rows):
        block = left[start : start + block_rows] @ right.T
        for axis, candidates in found.items():
            floor = _floors(block, k, axis)
            hits = np.flatnonzero(block >= (floor[:, None] if axis == 1 else floor[None, :]))
            rows, columns = np.divmod(hits, block.shape[1])
            candidates.append((rows + start, columns, block.ravel()[hits]))
    pairs: dict[tuple[int, int], float] = {}
    for axis, candidates in found.items():
        rows, columns, cosines = (np.concatenate(part) for part in zip(*candidates, strict=True))
        best = _best_of_each(rows, columns, cosines, k) if axis == 1 else _best_of_each(columns, rows, cosines, k)
        pairs.update(_keyed(rows[best], columns[best], cosines[best]))
    return pairs


def _keyed(rows: np.ndarray, columns: np.ndarray, cosines: np.ndarray) -> dict[tuple[int, int], float]:
    """(row, column) -> cosine, in Python numbers."""
    return dict(zip(zip(rows.tolist(), columns.tolist(), strict=True), cosines.tolist(), strict=True))


# Runs of a row (or column) per neighbour kept, whose maxima set the floor in `_floors`.
_RUNS_PER_NEIGHBOUR = 4


def _floors(similarity: np.ndarray, k: int, axis: int) -> np.ndarray:
    """For each row (axis 1) or column (axis 0) of `similarity`, a floor under its k-th largest
    value: the k-th largest of the maxima of its runs, each maximum a value of its own.

    Only the few values at or above the floor are then sorted: np.argpartition spent 0.29 s
    on a block of 2,048 x 5,500 claims, six times the product that made the block; these
    passes take 0.013 s.
    """
    length = similarity.shape[axis]
    runs = min(length, _RUNS_PER_NEIGHBOUR * k)
    size = length // runs
    # Each axis reshapes the block as it lies in memory: a transposed view would be copied.
    if axis == 1:
        maxima = similarity[:, : runs * size].reshape(len(similarity), runs, size).max(axis=2)
        if runs * size < length:  # the last run takes the rest
            maxima[:, -1] = np.maximum(maxima[:, -1], similarity[:, runs * size :].max(axis=1))
    else:
        maxima = similarity[: runs * size].reshape(runs, size, similarity.shape[1]).max(axis=1)
        if runs * size < length:
            maxima[-1] = np.maximum(maxima[-1], similarity[runs * size :].max(axis=0))
    kth = runs - min(k, runs)
    return np.take(np.partition(maxima, kth, axis=axis), kth, axis=axis)


def _best_of_each(groups: np.ndarray, others: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Which entries are among the `k` largest `values` of their group (ties to the lower of
    `others`): a mask over the entries."""
    best = np.zeros(len(groups), dtype=bool)
    if not len(groups):
        return best
    order = np.lexsort((others, -values, groups))
    ordered = groups[order]
    first = np.empty(len(order), dtype=bool)  # where each group's run starts
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    positions = np.arange(len(order))
    rank = positions - np.maximum.accumulate(np.where(first, positions, 0))
    best[order[rank < k]] = True
    return best


def _anchor_keys(anchors: _Anchors) -> set[str]:
    """Exact keys under which two claims may share an anchor, for candidate lookup."""
    keys = {f"t:{term}" for term in anchors.terms}
    keys.update(f"q:{q.unit}:{q.value:g}" for q in anchors.quantities)
    keys.update(f"d:{d.label}" for d in anchors.dates if d.precision != "year")
    return keys


def _anchor_pairs(left: Sequence[_Anchors], right: Sequence[_Anchors], matcher: NameMatcher) -> set[tuple[int, int]]:
    """Pairs sharing a term, an exact number, a date or a person: candidates without embeddings.

    An anchor held by more than MAX_ANCHOR_SHARERS claims of one side (a bare "2" in a long
    document) singles out nothing and is skipped; with embeddings, `_closest_pairs` then
    keeps each claim's closest few, so candidates grow with the corpus, not with its square.
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


def _closest_pairs(
    pairs: Collection[tuple[int, int]], left: np.ndarray, right: np.ndarray, limit: int
) -> dict[tuple[int, int], float]:
    """(i, j) -> cosine for the pairs among `pairs` that are one of the `limit` closest of
    row i or of column j (ties to the lower index), so that they grow with the claims, not
    with the claims sharing an anchor."""
    if not pairs:
        return {}
    index = np.fromiter(itertools.chain.from_iterable(pairs), dtype=np.intp, count=2 * len(pairs)).reshape(-1, 2)
    cosines = np.einsum("ij,ij->i", left[index[:, 0]], right[index[:, 1]])
    rows, columns = index[:, 0], index[:, 1]
    if max(np.bincount(rows).max(), np.bincount(columns).max()) > limit:  # seldom in a news pair
        kept = _best_of_each(rows, columns, cosines, limit) | _best_of_each(columns, rows, cosines, limit)
        rows, columns, cosines = rows[kept], columns[kept], cosines[kept]
    return _keyed(rows, columns, cosines)


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
    matcher: NameMatcher,
) -> list[tuple[float, float | None, Claim, Claim]]:
    """Scored pairs (score, cosine, a, b) kept for two documents."""
    left_anchors = [_anchors(claim) for claim in left]
    right_anchors = [_anchors(claim) for claim in right]
    anchored = _anchor_pairs(left_anchors, right_anchors, matcher)
    cosines: dict[tuple[int, int], float] | None = None
    if left_vectors is not None and right_vectors is not None:
        cosines = top_k_pairs(left_vectors, right_vectors, config.top_k, config.block_rows, config.index_above)
        cosines = _closest_pairs(anchored, left_vectors, right_vectors, MAX_ANCHOR_PARTNERS) | cosines
    candidates = cosines.keys() if cosines is not None else anchored
    threshold = config.pair_threshold if cosines is not None else config.lexical_pair_threshold
    scored = []
    for i, j in candidates:
        cosine = round(cosines[(i, j)], 6) if cosines is not None else None
        score = score_pair(left[i], right[j], left_anchors[i], right_anchors[j], cosine or 0.0, matcher)
        if score >= threshold:
            scored.append((score, cosine, i, j))
    # Rounded cosines and ties broken by claim id keep the matching independent of document order.
    scored.sort(key=lambda item: (-round(item[0], 6), *sorted((left[item[2]].id, right[item[3]].id))))
    used_left: set[int] = set()
    used_right: set[int] = set()
    kept = []
    kept_index = []
    for score, cosine, i, j in scored:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        kept.append((score, cosine, left[i], right[j]))
        kept_index.append((score, cosine, i, j))
    for score, cosine, i, j in scored:
        if (i in used_left) == (j in used_right) or score < config.extra_pair_threshold:
            continue
        kept.append((score, cosine, left[i], right[j]))
        used_left.add(i)
        used_right.add(j)
    kept += _sibling_pairs(left, right, left_anchors, right_anchors, kept_index, used_left, used_right, matcher)
    return kept


def _sibling_pairs(
    left: Sequence[Claim],
    right: Sequence[Claim],
    left_anchors: Sequence[_Anchors],
    right_anchors: Sequence[_Anchors],
    matched: Sequence[tuple[float, float | None, int, int]],
    used_left: set[int],
    used_right: set[int],
    matcher: NameMatcher,
) -> list[tuple[float, float | None, Claim, Claim]]:
    """One source split into two claims of a sentence what the other says in one.

    A claim left over joins the partner of a claim from its own sentence when the two share
    something checkable (a unit, a date, a name) and nothing contradicts them in kind; the
    pair inherits the score of the sentence's pairing, since its own wording is a fragment.
    A fragment's own predicate may differ within one family (达到约280亿美元 beside "grew …
    to about $28 billion"): the sentence was cut there.
    """
    extra: list[tuple[float, float | None, Claim, Claim]] = []
    for own, other, own_anchors, other_anchors, used, flip in (
        (left, right, left_anchors, right_anchors, used_left, False),
        (right, left, right_anchors, left_anchors, used_right, True),
    ):
        partners = {(j if flip else i): (score, i if flip else j) for score, _, i, j in matched}
        by_sentence: dict[int, list[tuple[float, int]]] = {}  # looked up, not scanned: linear in the claims
        for sibling, partner in partners.items():
            by_sentence.setdefault(own[sibling].sentence, []).append(partner)
        for x, claim in enumerate(own):
            if x in used:
                continue
            options = []
            for score, y in by_sentence.get(claim.sentence, ()):
                evidence, against = _weigh(claim, other[y], own_anchors[x], other_anchors[y], matcher)
                drift = W_EVENT_DRIFT if _events_agree(claim, other[y]) == -W_EVENT_DRIFT else 0.0
                if evidence > 0 and against <= drift:
                    options.append((score, other[y].id, y))
            if options:
                score, _, y = max(options)
                pair = (other[y], claim) if flip else (claim, other[y])
                extra.append((score, None, *pair))
    return extra


def unknown_organisations(claims: Sequence[Claim]) -> list[str]:
    """Organisation names the lexicon lacks: the ones whose name embeddings NameMatcher needs."""
    names = {
        slot.value.value
        for claim in claims
        for slot in claim.slots
        if slot.kind == "org" and isinstance(slot.value, Entity)
    }
    return sorted(name for name in names if not _known([name]))


def align(
    claims: Sequence[Claim],
    vectors: np.ndarray | None,
    documents: Sequence[str],
    config: Config,
    names: NameMatcher | None = None,
) -> tuple[Alignment, ...]:
    """Alignments across every pair of documents, merged into groups of at most one claim per document.

    `vectors` holds one row per claim (None for lexical-only alignment); `documents` gives
    the document order, which fixes the order of claims inside an alignment.
    """
    row = {claim.id: index for index, claim in enumerate(claims)}
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    matcher = names or NameMatcher()
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
    pairs = sorted(pairs, key=lambda item: (-item[0], *sorted((item[2].id, item[3].id))))
    for score, cosine, a, b in pairs:
        ga, gb = group_of.get(a.id), group_of.get(b.id)
        if ga is None and gb is None:
            group_of[a.id] = group_of[b.id] = len(groups)
            groups.append({a.doc: a, b.doc: b})
            stats.append([(score, cosine)])
            continue
        if ga is not None and ga == gb:
            stats[ga].append((score, cosine))
            continue
        if ga is not None and gb is not None:
            if not set(groups[ga]) & set(groups[gb]):
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
