"""Many corpora on Dask: a running cluster (--scheduler) and a local one (--workers, --manifest).

Each run mixes good corpora with bad ones: the bad fail alone, in stderr and in summary.csv,
and the good are written.
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client

from reconcile.batch import Job, run_batch
from reconcile.cli import main
from reconcile.config import Config

ROOT = Path(__file__).resolve().parent.parent
DASK = Path(sys.executable).parent / "dask"

EN = "---\nlang: en\npublished: 2023-03\n---\nAlibaba hired 300 engineers in September last year.\n"
ZH = "---\nlang: zh\npublished: 2024-07-28\n---\n阿里巴巴去年9月招聘了300名工程师。\n"
EN_LATER = "---\nlang: en\npublished: 2023-05\n---\nByteDance opened a lab in Beijing in 2021 with 50 researchers.\n"
ZH_LATER = "---\nlang: zh\npublished: 2023-05-02\n---\n字节跳动于2021年在北京成立实验室，有60名研究人员。\n"


def _corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _summary(out: Path) -> dict[str, dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8") as stream:
        return {Path(row["corpus"]).name: row for row in csv.DictReader(stream)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and one single-threaded `dask worker`, as separate processes from this venv."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    logs = (tmp_path / "dask.log").open("w")
    processes = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
            env=env,
            stdout=logs,
            stderr=subprocess.STDOUT,
        )
    ]
    try:
        processes.append(
            subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
                env=env,
                cwd=tmp_path,
                stdout=logs,
                stderr=subprocess.STDOUT,
            )
        )
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(1, timeout=30)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        deadline = time.monotonic() + 10
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()


def test_running_cluster(tmp_path: Path, cluster: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = _corpus(tmp_path / "hiring", {"a.md": EN, "b.md": ZH})
    second = _corpus(tmp_path / "lab", {"a.md": EN_LATER, "b.md": ZH_LATER})
    bad = _corpus(tmp_path / "lonely", {"a.md": EN})
    out = tmp_path / "out"
    args = ["run", str(first), str(bad), str(second), "--scheduler", cluster, "--out", str(out), "--embedder", "none"]
    assert main(args) == 2
    for name in ("hiring", "lab"):
        assert all((out / f"{name}.{ext}").is_file() for ext in ("md", "json", "csv"))
    assert not (out / "lonely.md").exists()
    summary = _summary(out)
    assert {name: row["status"] for name, row in summary.items()} == {"hiring": "ok", "lab": "ok", "lonely": "failed"}
    assert "only one article" in summary["lonely"]["error"]
    assert int(summary["lab"]["conflict"]) + int(summary["lab"]["adds_detail"]) + int(summary["lab"]["agree"]) > 0
    error = capsys.readouterr().err
    assert "lonely" in error and "1 of 3 corpora failed" in error


def test_local_cluster_from_a_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two worker processes with the real embedder; relative paths and the out column of the manifest."""
    _corpus(tmp_path / "corpora" / "hiring", {"a.md": EN, "b.md": ZH})
    _corpus(tmp_path / "corpora" / "lab", {"a.md": EN_LATER, "b.md": ZH_LATER})
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("corpus,out\ncorpora/hiring,\ncorpora/lab,elsewhere\ncorpora/missing,\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", "--manifest", str(manifest), "--workers", "2", "--out", str(out), "--no-cache", "--quiet"])
    assert code == 2
    assert (out / "hiring.json").is_file() and (tmp_path / "elsewhere" / "lab.json").is_file()
    summary = _summary(out)
    assert [row["status"] for row in summary.values()] == ["ok", "ok", "failed"]
    assert "no such folder" in summary["missing"]["error"]
    assert "use-m3" in (out / "hiring.json").read_text(encoding="utf-8")
    assert "missing" in capsys.readouterr().err


def test_a_batch_rerun_reads_its_results(tmp_path: Path) -> None:
    """Workers keep their results in the shared results cache, under the configured embedder's
    name: a rerun of unchanged corpora aligns nothing."""
    corpora = {"hiring": {"a.md": EN, "b.md": ZH}, "lab": {"a.md": EN_LATER, "b.md": ZH_LATER}}
    jobs = [Job(_corpus(tmp_path / name, files), tmp_path / "out") for name, files in corpora.items()]
    config = Config(cache_dir=tmp_path / "cache")
    first, again = (sorted(run_batch(jobs, config, workers=1), key=lambda outcome: outcome.job.folder) for _ in "12")
    assert [outcome.status for outcome in first + again] == ["ok"] * 4
    assert [outcome.counts for outcome in again] == [outcome.counts for outcome in first]
    assert all(outcome.stage_seconds["align"] > 0 for outcome in first)
    assert all(outcome.stage_seconds.get("align", 0.0) == 0.0 for outcome in again)
    assert all(outcome.stage_seconds["results cache"] > 0 for outcome in again)
