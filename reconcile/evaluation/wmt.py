"""WMT22 zh-en news translations: pairing against the known sentence alignment, false
conflicts, slot agreement of aligned sentences, and planted conflicts.

Each WMT document pair becomes two Documents whose paragraphs are the aligned segments, so
every claim can be traced to its segment index through the source offsets.
"""

from __future__ import annotations

import bisect
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reconcile.evaluation import Figure
from reconcile.ingest import ingest_text
from reconcile.judge import compare_claims
from reconcile.lang import rules_for
from reconcile.model import Claim, DateValue, Document, Entity, Quantity, Slot
from reconcile.normalize.date import DateContext, find_dates
from reconcile.normalize.person import is_chinese_name, same_person
from reconcile.normalize.quantity import find_quantities
from reconcile.normalize.text import fold
from reconcile.pipeline import Pipeline
from reconcile.report import Reconciliation


@dataclass(frozen=True, slots=True)
class WmtPair:
    docid: str
    origlang: str
    zh_sents: tuple[str, ...]
    en_sents: tuple[str, ...]


def load_wmt(path: Path, limit: int | None = None, domains: frozenset[str] | None = None) -> list[WmtPair]:
    """Document pairs of a WMT22 jsonl file, optionally only those of some domains (news, social…)."""
    pairs = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if domains is not None and record.get("domain", "news") not in domains:
                continue
            pairs.append(
                WmtPair(record["docid"], record["origlang"], tuple(record["zh_sents"]), tuple(record["en_sents"]))
            )
            if limit and len(pairs) >= limit:
                break
    return pairs


@dataclass(frozen=True, slots=True)
class _Side:
    document: Document
    starts: tuple[int, ...]

    def segment_of(self, claim: Claim) -> int:
        return bisect.bisect_right(self.starts, self.document.source_offset(claim.start)) - 1


def _side(doc_id: str, lang: str, sentences: Sequence[str]) -> _Side:
    starts = []
    offset = 0
    for sentence in sentences:
        starts.append(offset)
        offset += len(sentence) + 2
    return _Side(ingest_text("\n\n".join(sentences), doc_id, lang=lang), tuple(starts))


@dataclass(frozen=True, slots=True)
class PairRun:
    """One WMT document pair through the pipeline, with each claim's segment index."""

    pair: WmtPair
    result: Reconciliation
    segment: dict[str, int]

    def claims_in(self, doc: str, segment: int) -> list[Claim]:
        return [c for c in self.result.claims if c.doc == doc and self.segment[c.id] == segment]


def run_pair(pair: WmtPair, pipeline: Pipeline) -> PairRun:
    en = _side("en", "en", pair.en_sents)
    zh = _side("zh", "zh", pair.zh_sents)
    result = pipeline.run([en.document, zh.document], pair.docid)
    sides = {"en": en, "zh": zh}
    return PairRun(pair, result, {claim.id: sides[claim.doc].segment_of(claim) for claim in result.claims})


def pairing_figures(runs: Sequence[PairRun]) -> list[Figure]:
    right = wrong = 0
    covered = reachable = 0
    conflicts = 0
    for run in runs:
        linked: set[int] = set()
        for finding in run.result.findings:
            if len(finding.claims) < 2:
                continue
            segments = {run.segment[claim_id] for claim_id in finding.claims}
            if len(segments) == 1:
                right += 1
                linked |= segments
            else:
                wrong += 1
            conflicts += finding.verdict == "conflict"
        with_claims = {
            segment
            for segment in range(len(run.pair.en_sents))
            if run.claims_in("en", segment) and run.claims_in("zh", segment)
        }
        reachable += len(with_claims)
        covered += len(with_claims & linked)
    return [
        Figure("wmt_news.pairing_precision", right / max(1, right + wrong), f"{right} right, {wrong} wrong pairs"),
        Figure(
            "wmt_news.pairing_recall",
            covered / max(1, reachable),
            f"{covered}/{reachable} aligned segments with claims",
        ),
        Figure(
            "wmt_news.false_conflicts_per_doc",
            conflicts / max(1, len(runs)),
            f"{conflicts} conflicts in {len(runs)} translation pairs",
            ceiling=True,
        ),
    ]


def _merged(claims: Sequence[Claim]) -> Claim:
    """All date and quantity slots of a segment's claims, as one claim without an event."""
    slots = tuple(slot for claim in claims for slot in claim.slots if slot.kind in ("date", "quantity"))
    return replace(claims[0], slots=slots, event=None, subject=None)


def slot_agreement(runs: Sequence[PairRun]) -> tuple[Figure, list[str]]:
    """Aligned segments whose number and date slots compare equal or as added detail."""
    compared = agreeing = 0
    failures: list[str] = []
    labels = {"en": "EN", "zh": "ZH"}
    for run in runs:
        published = {document.id: document.published for document in run.result.documents}
        for segment in range(len(run.pair.en_sents)):
            en = [c for c in run.claims_in("en", segment) if any(s.kind in ("date", "quantity") for s in c.slots)]
            zh = [c for c in run.claims_in("zh", segment) if any(s.kind in ("date", "quantity") for s in c.slots)]
            if not en or not zh:
                continue
            compared += 1
            verdict, reasons = compare_claims(_merged(en), _merged(zh), labels, published)
            if verdict == "conflict":
                failures.append(f"{run.pair.docid}#{segment}: {'; '.join(reasons)}")
            else:
                agreeing += 1
    figure = Figure(
        "wmt_news.slot_agreement",
        agreeing / max(1, compared),
        f"{agreeing}/{compared} aligned segments with slots on both sides",
    )
    return figure, failures


# --- Planted conflicts -------------------------------------------------------------------

CHINESE_NAMES = ("欧阳建国", "司马德明", "诸葛晓东", "上官明辉", "皇甫志强", "东方云飞")
LATIN_NAMES = (
    "Ouyang Jianguo",
    "Sima Deming",
    "Zhuge Xiaodong",
    "Shangguan Minghui",
    "Huangfu Zhiqiang",
    "Dongfang Yunfei",
)
_DIGITS = re.compile(r"[0-9０-９]+")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True, slots=True)
class Plant:
    """One change made to one side of a translation pair."""

    pair: WmtPair
    side: str
    segment: int
    kind: str
    before: str
    after: str


def _replace_number(text: str, kind: str) -> str | None:
    """`text` with its first run of digits changed (a year moved three years back)."""
    match = _DIGITS.search(text)
    if match is None:
        return None
    digits = match.group()
    number = int(digits.translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９"}))
    if kind == "date" and number >= 1000:
        changed = number - 3
    elif kind == "date":
        changed = number % 12 + 1 if number <= 12 else number - 11
    else:
        changed = number * 3 + 7
    new_digits = str(changed).translate(_FULLWIDTH) if not digits.isascii() else str(changed)
    return text[: match.start()] + new_digits + text[match.end() :]


def _renormalised(text: str, kind: str, lang: str) -> Quantity | DateValue | None:
    """The value of a changed slot read on its own, as the pipeline would read it."""
    rules = rules_for(lang)
    folded = fold(text)
    slots = find_quantities(folded, rules) if kind == "quantity" else find_dates(folded, rules, DateContext(None, None))
    return slots[0].value if len(slots) == 1 and isinstance(slots[0].value, Quantity | DateValue) else None


def _contradicts(value: Quantity | DateValue, counterpart: Sequence[Claim]) -> bool:
    """The changed value is incompatible with every value of its kind (and unit) across."""
    others = [
        slot.value
        for claim in counterpart
        for slot in claim.slots
        if type(slot.value) is type(value)
        and (not isinstance(value, Quantity) or getattr(slot.value, "unit", None) == value.unit)
    ]
    return bool(others) and not any(value.overlaps(other) for other in others)  # type: ignore[arg-type]


def _candidates(run: PairRun) -> Iterator[tuple[str, int, str, Slot]]:
    """(side, segment, kind, slot) that a checkable change can be planted in.

    Numbers and dates must be written in digits and stated absolutely, with a value of the
    same kind (and unit) in the aligned segment across; names must be Chinese names in
    pinyin that the other side also names, since person conflicts are judged only for those.
    """
    for side, other in (("zh", "en"), ("en", "zh")):
        for claim in run.result.claims:
            if claim.doc != side:
                continue
            counterpart = run.claims_in(other, run.segment[claim.id])
            for slot in claim.slots:
                value = slot.value
                if isinstance(value, Quantity) or (isinstance(value, DateValue) and value.anchor == "absolute"):
                    if _DIGITS.search(slot.text) and any(
                        type(s.value) is type(value) for c in counterpart for s in c.slots
                    ):
                        yield side, run.segment[claim.id], slot.kind, slot
                elif (
                    slot.kind == "person"
                    and isinstance(value, Entity)
                    and is_chinese_name(value.value)
                    and any(
                        isinstance(s.value, Entity) and s.kind == "person" and same_person(s.value.value, value.value)
                        for c in counterpart
                        for s in c.slots
                    )
                ):
                    yield side, run.segment[claim.id], "person", slot


def plant(run: PairRun, rng: random.Random, preferred: str) -> Plant | None:
    """Change one number, date or name on one side of `run`'s pair (seeded, reproducible).

    A change counts only if, read by the normalisers on its own, it contradicts the other
    side: "up to 175,000" -> "up to 532,000" still agrees and is not planted.
    """
    candidates = list(_candidates(run))
    rng.shuffle(candidates)
    candidates.sort(key=lambda candidate: candidate[2] != preferred)
    for side, segment, kind, slot in candidates:
        sentences = run.pair.zh_sents if side == "zh" else run.pair.en_sents
        sentence = sentences[segment]
        if slot.text not in sentence:
            continue
        other = "en" if side == "zh" else "zh"
        if kind == "person":
            names = [n for n in (CHINESE_NAMES if side == "zh" else LATIN_NAMES)]
            new_text: str | None = names[rng.randrange(len(names))]
        else:
            new_text = _replace_number(slot.text, kind)
            value = _renormalised(new_text, kind, side) if new_text else None
            if value is None or not _contradicts(value, run.claims_in(other, segment)):
                continue
        assert new_text is not None
        changed = sentence.replace(slot.text, new_text, 1)
        new_sentences = (*sentences[:segment], changed, *sentences[segment + 1 :])
        pair = replace(run.pair, zh_sents=new_sentences) if side == "zh" else replace(run.pair, en_sents=new_sentences)
        return Plant(pair, side, segment, kind, slot.text, new_text)
    return None


def _is_the_plant(run: PairRun, finding_claims: Sequence[str], reasons: Sequence[str], plant: Plant) -> bool:
    segments = {run.segment[claim_id] for claim_id in finding_claims}
    if segments != {plant.segment}:
        return False
    if plant.kind == "date":
        return any(reason.startswith("date:") for reason in reasons)
    if plant.kind == "person":
        return any(reason.startswith("person") for reason in reasons)
    return any(not reason.startswith(("date:", "person", "org", "may be outdated")) for reason in reasons)


def planted_figures(runs: Sequence[PairRun], pipeline: Pipeline, seed: int = 2022) -> tuple[list[Figure], list[str]]:
    """Recall and precision of flagging exactly the planted change as a conflict, and in
    words what was missed and which conflicts were something else."""
    kinds = ("quantity", "date", "person")
    planted = flagged = conflicts = exact = 0
    notes: list[str] = []
    for index, run in enumerate(runs):
        rng = random.Random(f"{seed}:{run.pair.docid}")
        change = plant(run, rng, kinds[index % len(kinds)])
        if change is None:
            continue
        planted += 1
        changed_run = run_pair(change.pair, pipeline)
        hit = False
        for finding in changed_run.result.findings:
            if finding.verdict != "conflict":
                continue
            conflicts += 1
            if _is_the_plant(changed_run, finding.claims, finding.reasons, change):
                exact += 1
                hit = True
            else:
                notes.append(f"conflict not the planted change: {run.pair.docid}: {'; '.join(finding.reasons)}")
        flagged += hit
        if not hit:
            notes.append(
                f"planted change missed: {run.pair.docid}#{change.segment} {change.side} {change.kind}: "
                f"{change.before!r} -> {change.after!r}"
            )
    return [
        Figure("wmt_news.planted_recall", flagged / max(1, planted), f"{flagged}/{planted} planted changes flagged"),
        Figure(
            "wmt_news.planted_precision",
            exact / max(1, conflicts),
            f"{exact}/{conflicts} conflicts are the planted change",
        ),
    ], notes
