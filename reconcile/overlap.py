"""Extraction in a second process, so that it runs while this one loads the model and embeds.

Extraction is pure Python on one core; embedding is BLAS on all of them. A helper forked
from this process segments and extracts the first corpus while the model loads, and later
corpora ahead of the one being embedded, keeping what it imported and compiled on first
use. While it works, the embedder leaves it a core (`Helper.busy`): on two cores, an
embedder on two BLAS threads beside a busy helper ran slower than the two one after the
other (0.92× over the 437 WMT pairs), as a BLAS thread waits for the other whenever the
helper has its core.

Used only where fork is safe and pays: Linux, two cores or more, not inside a daemon
process (a Dask worker has a core of its own and may not fork).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from reconcile.errors import ReconcileError

Job = TypeVar("Job")
Result = TypeVar("Result")


def available() -> bool:
    """Whether a helper process can run here, and has a core of its own to run on."""
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2 and not multiprocessing.current_process().daemon


class HelperFailed(Exception):
    """The helper could not do a job for a reason other than its input (a bug, or it died):
    the caller does the job itself, so a traceback is its own."""


class Helper(Generic[Job, Result]):
    """A forked process running `work` on the jobs submitted, in order; their results are
    collected in the same order. Queues carry both ways (a thread of each process feeds
    them), so neither side blocks on a full pipe, however many jobs are ahead."""

    def __init__(self, work: Callable[[Job], Result]) -> None:
        context = multiprocessing.get_context("fork")
        self._jobs: multiprocessing.Queue[Job | None] = context.Queue()
        self._results: multiprocessing.Queue[tuple[str, Any]] = context.Queue()
        self._done = context.Value("l", 0, lock=False)  # jobs finished, written by the helper only
        self._process = context.Process(
            target=_serve, args=(self._jobs, self._results, work, self._done), name="reconcile-extract", daemon=True
        )
        self._process.start()
        self._submitted = 0
        self.pending = 0

    @property
    def busy(self) -> bool:
        """Whether the helper is working on a job now (rather than waiting for one, or gone)."""
        return self._done.value < self._submitted and self._process.is_alive()

    @property
    def done_ahead(self) -> bool:
        """Whether the oldest job not yet collected is done: `result` need not wait for it to run."""
        return self.pending > 0 and self._done.value > self._submitted - self.pending

    def submit(self, job: Job) -> None:
        """Queue `job` behind those already submitted."""
        if not self._process.is_alive():
            raise HelperFailed(f"the helper process is gone (exit code {self._process.exitcode})")
        self._jobs.put(job)
        self._submitted += 1
        self.pending += 1

    def result(self) -> Result:
        """The result of the oldest job not yet collected; its ReconcileError is raised as it is."""
        assert self.pending, "no job submitted"
        self.pending -= 1
        while True:
            try:
                status, value = self._results.get(timeout=_POLL_SECONDS)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise HelperFailed(f"the helper process is gone (exit code {self._process.exitcode})") from None
        if status == "error":
            raise value
        if status == "failed":
            raise HelperFailed(value)
        return cast(Result, value)

    def close(self) -> None:
        """Stop the helper, at once if it still has work."""
        if self._process.is_alive():
            if not self.pending:
                self._jobs.put(None)
                self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
        for channel in (self._jobs, self._results):
            channel.cancel_join_thread()  # what was never collected is dropped, not waited for
            channel.close()


_POLL_SECONDS = 0.5  # how often a wait for a result checks that the helper is still alive


def _serve(
    jobs: multiprocessing.Queue[Job | None],
    results: multiprocessing.Queue[tuple[str, Any]],
    work: Callable[[Job], Result],
    done: Any,
) -> None:
    """The helper's loop: Ctrl-C is for the main process, which stops the helper itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while (job := jobs.get()) is not None:
        try:
            reply: tuple[str, Any] = ("ok", work(job))
        except ReconcileError as error:
            reply = ("error", error)
        except Exception as error:  # the caller re-runs the job, to show its traceback
            reply = ("failed", f"{type(error).__name__}: {error}")
        results.put(reply)
        done.value += 1
    results.close()
    results.join_thread()  # the last results are in the pipe before this process ends
