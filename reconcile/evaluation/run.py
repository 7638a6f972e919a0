"""Runs every evaluation with one pipeline (one embedder load) and returns the figures."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.config import Config
from reconcile.errors import InputError
from reconcile.evaluation import Figure
from reconcile.evaluation.seed import evaluate_seed, load_gold
from reconcile.evaluation.tatoeba import tatoeba_figures
from reconcile.evaluation.wmt import load_wmt, pairing_figures, planted_figures, run_pair, slot_agreement
from reconcile.pipeline import Pipeline

SECTIONS = ("seed", "wmt", "planted", "tatoeba")


@dataclass(slots=True)
class Evaluation:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def run_evaluation(
    config: Config,
    data: Path,
    gold: Path,
    *,
    sections: tuple[str, ...] = SECTIONS,
    limit: int | None = None,
    wmt_file: str = "wmt22-zhen-news.jsonl",
    domains: frozenset[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> Evaluation:
    """Figures for the chosen sections; `limit` caps the number of WMT document pairs.

    The floors are pinned for WMT22 news (`wmt_file` default), the data the weights were
    calibrated on; `wmt22-zhen-all.jsonl` with the other domains is a held-out check.
    """
    pipeline = Pipeline(config)
    evaluation = Evaluation()
    if "seed" in sections:
        started = time.perf_counter()
        progress("seed corpus against its gold file")
        gold_file = load_gold(gold)
        if not gold_file.corpus.is_dir():
            raise InputError(f"{gold_file.corpus}: seed corpus not found; run from the repository root")
        seed_figures, seed_notes = evaluate_seed(pipeline.run_folder(gold_file.corpus), gold_file)
        evaluation.figures += seed_figures
        evaluation.notes += seed_notes
        evaluation.seconds["seed"] = time.perf_counter() - started
    if "wmt" in sections or "planted" in sections:
        news = data / wmt_file
        if not news.is_file():
            raise InputError(f"{news}: WMT22 evaluation data not found; pass --data (the folder holding it)")
        started = time.perf_counter()
        pairs = load_wmt(news, limit, domains)
        progress(
            f"{wmt_file}: {len(pairs)} translation pairs" + (f" ({', '.join(sorted(domains))})" if domains else "")
        )
        runs = [run_pair(pair, pipeline) for pair in pairs]
        if "wmt" in sections:
            evaluation.figures += pairing_figures(runs)
            agreement, failures = slot_agreement(runs)
            evaluation.figures.append(agreement)
            evaluation.notes += [f"slot disagreement: {failure}" for failure in failures]
            evaluation.notes += [
                f"false conflict: {run.pair.docid}: {'; '.join(finding.reasons)}"
                for run in runs
                for finding in run.result.findings
                if finding.verdict == "conflict"
            ]
        evaluation.seconds["wmt"] = time.perf_counter() - started
        if "planted" in sections:
            started = time.perf_counter()
            progress("WMT22 news with one planted change per pair")
            planted, planted_notes = planted_figures(runs, pipeline)
            evaluation.figures += planted
            evaluation.notes += planted_notes
            evaluation.seconds["planted"] = time.perf_counter() - started
    if "tatoeba" in sections and pipeline.embedder is not None:
        started = time.perf_counter()
        progress("Tatoeba cmn-eng retrieval")
        evaluation.figures += tatoeba_figures(pipeline.embedder, data)
        evaluation.seconds["tatoeba"] = time.perf_counter() - started
    return evaluation
