"""The seed corpus against its gold file (tests/gold/*.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import InputError
from reconcile.evaluation import Figure
from reconcile.model import Claim, Finding
from reconcile.report import Reconciliation

_RESERVED = {"what", "verdict", "optional"}


@dataclass(frozen=True, slots=True)
class GoldPair:
    what: str
    passages: dict[str, tuple[str, ...]]
    verdicts: frozenset[str]
    optional: bool


@dataclass(frozen=True, slots=True)
class Gold:
    corpus: Path
    pairs: tuple[GoldPair, ...]
    one_sided: tuple[tuple[str, tuple[str, ...]], ...]


def _alternatives(value: object) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(str(item) for item in value)  # type: ignore[attr-defined]


def load_gold(path: Path) -> Gold:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pairs = tuple(
        GoldPair(
            what=entry.get("what", ""),
            passages={doc: _alternatives(value) for doc, value in entry.items() if doc not in _RESERVED},
            verdicts=frozenset(entry["verdict"]),
            optional=bool(entry.get("optional", False)),
        )
        for entry in data.get("pair", [])
    )
    one_sided = tuple(
        (doc, _alternatives(value)) for entry in data.get("one_sided", []) for doc, value in entry.items()
    )
    return Gold(Path(data["corpus"]), pairs, one_sided)


class _Locator:
    """Which claims cover a gold passage: more than half of its characters."""

    def __init__(self, result: Reconciliation) -> None:
        self._texts = {document.id: document.text for document in result.documents}
        self._claims: dict[str, list[Claim]] = {}
        for claim in result.claims:
            self._claims.setdefault(claim.doc, []).append(claim)

    def claims(self, doc: str, passages: tuple[str, ...]) -> set[str]:
        if doc not in self._texts:
            raise InputError(f"gold names document {doc!r}, which is not in the corpus")
        found: set[str] = set()
        for passage in passages:
            start = self._texts[doc].find(passage)
            if start < 0:
                raise InputError(f"gold passage not found in {doc}: {passage!r}")
            end = start + len(passage)
            found.update(
                claim.id
                for claim in self._claims.get(doc, [])
                if min(end, claim.end) - max(start, claim.start) > len(passage) / 2
            )
        return found


def _matches(finding: Finding, claim_docs: dict[str, str], wanted: dict[str, set[str]]) -> bool:
    members = set(finding.claims)
    return (
        all(members & ids for ids in wanted.values())
        and len(members) >= 2
        and all(claim_docs[claim_id] in wanted for claim_id in finding.claims)
    )


def evaluate_seed(result: Reconciliation, gold: Gold) -> tuple[list[Figure], list[str]]:
    """Pairing precision/recall, conflict recall/precision, verdict precision, one-sided recall.

    Verdict precision is judged on findings holding a required gold pair (is the verdict one
    the gold accepts?) and on gold one-sided claims (is every finding holding them
    `adds_detail`?); pairs the gold does not know are what pairing precision counts. The
    notes name every miss, for `reconcile eval --verbose`.
    """
    notes: list[str] = []
    locate = _Locator(result)
    claim_docs = {claim.id: claim.doc for claim in result.claims}
    wanted = [{doc: locate.claims(doc, passages) for doc, passages in pair.passages.items()} for pair in gold.pairs]
    paired = [finding for finding in result.findings if len(finding.claims) > 1]
    true_pairs = false_pairs = right_verdicts = judged = 0
    found: set[int] = set()
    conflicts_right = 0
    for finding in paired:
        hits = [index for index, ids in enumerate(wanted) if _matches(finding, claim_docs, ids)]
        required = [index for index in hits if not gold.pairs[index].optional]
        if required:
            true_pairs += 1
            found.update(required)
            judged += 1
            if any(finding.verdict in gold.pairs[index].verdicts for index in required):
                right_verdicts += 1
                conflicts_right += finding.verdict == "conflict"
            else:
                notes.append(f"seed: wrong verdict {finding.verdict} for {gold.pairs[required[0]].what}")
        elif not hits:
            false_pairs += 1
            notes.append(f"seed: pair not in gold: {' + '.join(finding.claims)} ({finding.verdict})")
    one_sided_findings = {finding.claims[0] for finding in result.findings if len(finding.claims) == 1}
    one_sided_right = 0
    for doc, passages in gold.one_sided:
        ids = locate.claims(doc, passages)
        holding = [f for f in result.findings if ids & set(f.claims)]
        if not ids:
            notes.append(f"seed: no claim extracted for one-sided {passages[0]!r}")
            continue
        judged += 1
        if ids <= one_sided_findings:
            one_sided_right += 1
        if all(finding.verdict == "adds_detail" for finding in holding):
            right_verdicts += 1
        else:
            notes.append(f"seed: one-sided {passages[0]!r} judged {[f.verdict for f in holding]}")
    required = [index for index, pair in enumerate(gold.pairs) if not pair.optional]
    gold_conflicts = [index for index in required if gold.pairs[index].verdicts == {"conflict"}]
    conflicts_found = [
        index
        for index in gold_conflicts
        if any(f.verdict == "conflict" and _matches(f, claim_docs, wanted[index]) for f in paired)
    ]
    predicted_conflicts = sum(1 for finding in paired if finding.verdict == "conflict")
    missed = [gold.pairs[index].what.split(":")[0] for index in gold_conflicts if index not in conflicts_found]
    notes += [f"seed: gold pair not found: {gold.pairs[index].what}" for index in required if index not in found]
    figures = [
        Figure(
            "seed.pairing_precision",
            true_pairs / max(1, true_pairs + false_pairs),
            f"{true_pairs} right, {false_pairs} wrong",
        ),
        Figure(
            "seed.pairing_recall",
            len(found & set(required)) / len(required),
            f"{len(found & set(required))}/{len(required)} gold pairs",
        ),
        Figure(
            "seed.conflict_recall",
            len(conflicts_found) / max(1, len(gold_conflicts)),
            f"{len(conflicts_found)}/{len(gold_conflicts)}" + (f"; missed: {', '.join(missed)}" if missed else ""),
        ),
        Figure(
            "seed.conflict_precision",
            conflicts_right / max(1, predicted_conflicts),
            f"{conflicts_right}/{predicted_conflicts} flagged",
        ),
        Figure(
            "seed.verdict_precision",
            right_verdicts / max(1, judged),
            f"{right_verdicts}/{judged} findings on gold claims",
        ),
        Figure(
            "seed.one_sided_recall",
            one_sided_right / max(1, len(gold.one_sided)),
            f"{one_sided_right}/{len(gold.one_sided)}",
        ),
    ]
    return figures, notes
