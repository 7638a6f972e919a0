"""Many corpora at once on Dask: a local cluster of single-threaded worker processes, or a running one.

A corpus (a few articles) is the unit of failure; tasks hold a chunk of corpora, large at
first and single corpora at the end, so scheduling costs little and workers finish together.
Each worker process keeps one Pipeline (a worker plugin), so it loads the embedding model
once, and only when a text is not in the shared embedding cache. Workers have one thread
and one BLAS thread each, so processes never fight over cores. A worker writes each corpus'
reports itself (atomically, as the serial path does); the caller gets one `Outcome` per
corpus, whatever happened to the others, and writes the summary.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import logging
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from reconcile.config import Config
from reconcile.embed import load_embedder
from reconcile.errors import InputError, ReconcileError
from reconcile.model import VERDICTS
from reconcile.pipeline import Pipeline
from reconcile.report import write_outputs

SUMMARY_COLUMNS = ("corpus", "status", *VERDICTS, "seconds", "error")
_PLUGIN = "reconcile-pipeline"
CHUNKS_PER_SLOT = 4  # a worker's share of the remaining corpora is cut into about this many tasks
# Set before a local worker process starts, so no library opens a thread pool per core.
_ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
# Dask's defaults cost a worker here a quarter of its embedding speed and some more: its
# MALLOC_TRIM_THRESHOLD_ makes every large numpy temporary a fresh mmap (page faults on
# each micro-batch), its profiler samples the running task every 10 ms, and its monitors
# wake 10 to 50 times a second (8% of a core on an idle 2-core cluster; 2% with these).
_LOCAL_SETTINGS = {
    "distributed.nanny.pre-spawn-environ": {},
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
}


@dataclass(frozen=True, slots=True)
class Job:
    """One corpus folder and the folder its reports go to."""

    folder: Path
    out: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one corpus; `error` (naming the folder) says why when `status` is "failed"."""

    job: Job
    status: Literal["ok", "failed"]
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    written: tuple[Path, ...] = ()
    error: str = ""
    stage_seconds: dict[str, float] = field(default_factory=dict)


def read_manifest(path: Path, out: Path) -> list[Job]:
    """Jobs from a CSV with a `corpus` column (folder paths) and an optional `out` column.

    Relative paths are read from the manifest's own folder, so a manifest works from anywhere;
    a row without `out` writes to `out`.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: cannot read the manifest ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the manifest is not UTF-8 text; save it as CSV (UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [name.strip() for name in reader.fieldnames or ()]
    if "corpus" not in columns:
        raise InputError(f"{path}: the manifest needs a 'corpus' column (found: {', '.join(columns) or 'nothing'})")
    base = path.parent
    jobs = []
    for row in reader:
        cells = {(key or "").strip(): (value or "").strip() for key, value in row.items() if isinstance(value, str)}
        if not cells.get("corpus"):
            if any(cells.values()):
                raise InputError(f"{path}: line {reader.line_num} has no corpus folder")
            continue
        target = base / cells["out"] if cells.get("out") else out
        jobs.append(Job(base / cells["corpus"], target))
    if not jobs:
        raise InputError(f"{path}: the manifest lists no corpus")
    return jobs


def run_batch(
    jobs: Sequence[Job],
    config: Config,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    pinned: Collection[str] = (),
) -> Iterator[Outcome]:
    """Reconcile every job on Dask and yield its Outcome as its chunk completes.

    `pinned` names the settings given as flags, which a corpus' own reconcile.toml keeps.

    `scheduler` ("tcp://host:port") uses a running cluster, whose workers must see the same
    files and have reconcile installed; otherwise a LocalCluster of `workers` processes runs.
    """
    load_embedder(config.embedder, cache_dir=None)  # an unknown embedder fails here, not on every worker
    with _client(workers, scheduler) as client:
        client.register_plugin(_PipelinePlugin(config, frozenset(pinned)), name=_PLUGIN)
        slots = max(1, sum(client.nthreads().values()))
        futures = {client.submit(_reconcile_all, chunk, pure=False): chunk for chunk in _chunks(jobs, slots)}
        for future in as_completed(futures):
            try:
                yield from future.result()
            except Exception as error:  # the worker died under this chunk: its corpora fail, the others go on
                for job in futures[future]:
                    yield Outcome(job, "failed", 0.0, error=f"{job.folder}: {type(error).__name__}: {error}")
            future.release()


def write_summary(outcomes: Iterable[Outcome], out_dir: Path) -> Path:
    """`out_dir/summary.csv`, one row per corpus in the order given, written atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SUMMARY_COLUMNS)
    for outcome in outcomes:
        counts = [outcome.counts.get(verdict, "") for verdict in VERDICTS]
        writer.writerow([str(outcome.job.folder), outcome.status, *counts, f"{outcome.seconds:.2f}", outcome.error])
    path = out_dir / "summary.csv"
    write_outputs({path: buffer.getvalue()})
    return path


def _chunks(jobs: Sequence[Job], slots: int) -> list[list[Job]]:
    """Jobs in tasks that shrink as the work runs out (guided self-scheduling).

    A task per corpus would cost the scheduler milliseconds each, several percent of a small
    corpus; big chunks first and single corpora last keep tasks few and still let every
    worker finish at about the same time.
    """
    chunks = []
    start = 0
    while start < len(jobs):
        size = max(1, (len(jobs) - start) // (CHUNKS_PER_SLOT * slots))
        chunks.append(list(jobs[start : start + size]))
        start += size
    return chunks


@contextlib.contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({error}); is it running?") from None
        with client:
            yield client
        return
    with dask.config.set(_LOCAL_SETTINGS):
        cluster = LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            env=_ONE_THREAD,
        )
        with cluster, Client(cluster) as client:
            yield client


class _PipelinePlugin(WorkerPlugin):
    """One Pipeline per worker process: the model is loaded once there, on first use."""

    def __init__(self, config: Config, pinned: frozenset[str]) -> None:
        self.config = config
        self.pinned = pinned
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # also on a cluster started elsewhere, with other environment variables
        # The pipeline loads the configured embedder itself, so that results are kept in the
        # shared results cache under its name (a rerun of unchanged corpora aligns nothing).
        self.pipeline = Pipeline(self.config, pinned=self.pinned)
        if (embedder := self.pipeline.embedder) is not None:
            embedder.use_threads(1)

    def teardown(self, worker: Any) -> None:
        """The worker process is about to exit: what it loaded is left to the exit, untraced by
        the collector's passes over it (0.5 s of every batch's shutdown, waited for serially)."""
        gc.freeze()


def _reconcile_all(jobs: list[Job]) -> list[Outcome]:
    """Runs on a worker: each corpus through the pipeline and into its report files."""
    plugin = get_worker().plugins[_PLUGIN]
    assert isinstance(plugin, _PipelinePlugin) and plugin.pipeline is not None
    return [_reconcile(job, plugin.pipeline) for job in jobs]


def _reconcile(job: Job, pipeline: Pipeline) -> Outcome:
    before = dict(pipeline.stage_seconds)
    started = time.perf_counter()
    try:
        result, written = pipeline.report_folder(job.folder, job.out)
    except ReconcileError as error:
        return Outcome(job, "failed", time.perf_counter() - started, error=str(error))
    except Exception as error:  # a bug shown by this corpus must not fail the corpora after it in the chunk
        message = f"{job.folder}: {type(error).__name__}: {error}"
        return Outcome(job, "failed", time.perf_counter() - started, error=message)
    stages = {name: seconds - before.get(name, 0.0) for name, seconds in pipeline.stage_seconds.items()}
    return Outcome(job, "ok", time.perf_counter() - started, result.counts(), tuple(written), "", stages)
