"""Command line: `reconcile run`. The only module that configures logging and prints.

Errors the user can fix arrive as ReconcileError and are printed as one line, with a
non-zero exit and no traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from rich import box
from rich.console import Console

from reconcile import __version__
from reconcile.config import Config, load_config
from reconcile.errors import InputError, OutputError, ReconcileError
from reconcile.model import VERDICTS
from reconcile.pipeline import Pipeline
from reconcile.report import findings_json

DEFAULT_CORPORA = Path("corpora")
DEFAULT_OUT = Path("reports")
DEFAULT_CONFIG = Path("reconcile.toml")
DEFAULT_EVAL_DATA = Path("../shared/eval")
DEFAULT_GOLD = Path("tests/gold/yang-hongxia-m6.toml")
DEFAULT_FLOORS = Path("tests/eval_floors.toml")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_PARTIAL = 2


def _corpus_folders(paths: Sequence[Path]) -> list[Path]:
    if paths:
        return list(paths)
    if not DEFAULT_CORPORA.is_dir():
        raise InputError(f"no corpus given and no {DEFAULT_CORPORA}/ folder here; pass a corpus folder")
    folders = sorted(path for path in DEFAULT_CORPORA.iterdir() if path.is_dir() and not path.name.startswith("."))
    if not folders:
        raise InputError(f"{DEFAULT_CORPORA}/ holds no corpus folders; add one folder per story")
    return folders


def _settings_file(path: Path | None) -> Path | None:
    """The --config file: one given must exist; by default ./reconcile.toml, if present."""
    if path is None:
        return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None
    if not path.exists():
        raise InputError(f"{path}: no such settings file (--config); check the path or leave --config out")
    if not path.is_file():
        raise InputError(f"{path}: --config needs a TOML file with a [tool.reconcile] table, not a folder")
    return path


def _check_out(out: Path, folders: Sequence[Path]) -> None:
    """Refuse an --out that cannot hold reports, before any work is done."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out is a file, not a folder; give a folder for the reports")
    existing = next(folder for folder in (out, *out.absolute().parents) if folder.exists())
    if not existing.is_dir():
        raise InputError(f"{out}: --out cannot be created, {existing} is a file; give a folder for the reports")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"{out}: --out is not writable ({existing} is read-only); choose another folder")
    names: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir() and folder.resolve() == out.resolve():
            raise InputError(f"{out}: --out is the corpus folder itself; reports would mix with articles")
        name = _corpus_name(folder)
        if name in names and names[name].resolve() == folder.resolve():
            raise InputError(f"{folder}: corpus folder given twice; give each corpus once")
        if name in names:
            raise InputError(
                f"{names[name]} and {folder}: two corpora named {name!r} would write the same {name}.md; "
                "rename one or run them separately"
            )
        names[name] = folder


def _corpus_name(folder: Path) -> str:
    """The report name: the folder's own name, also for `.` or `corpora/x/`."""
    return folder.resolve().name or "corpus"


def _run_config(args: argparse.Namespace) -> tuple[Config, frozenset[str]]:
    """The run's settings, and the names of those given as flags (a corpus file cannot change them)."""
    flags = dict(args.settings or []) | {
        "embedder": args.embedder,
        "cache": False if args.no_cache else None,
        "max_file_bytes": args.max_file_bytes,
    }
    pinned = frozenset(key for key, value in flags.items() if value is not None)
    return load_config(_settings_file(args.config), **flags), pinned


def _setting(text: str) -> tuple[str, Any]:
    """KEY=VALUE for --set, VALUE read as in TOML (0.6, true, ["en", "zh"]) or else as a string."""
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE, like pair_threshold=0.6")
    try:
        parsed = tomllib.loads(f"value = {value.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        parsed = value.strip()
    return key.strip(), parsed


@dataclass(frozen=True, slots=True)
class _Row:
    """One corpus in the terminal summary."""

    corpus: str
    counts: dict[str, int]
    seconds: float
    report: Path | None
    error: str = ""


def _run(args: argparse.Namespace) -> int:
    if args.workers or args.scheduler or args.manifest:
        return _run_batch(args)
    folders = _corpus_folders(args.corpora)
    config, pinned = _run_config(args)
    _check_out(args.out, folders)
    pipeline = Pipeline(config, pinned=pinned, background=True)
    console = _console()
    rows: list[_Row] = []
    with _progress(console, len(folders), quiet=args.quiet or len(folders) < 2) as advance:
        started = time.perf_counter()
        for folder, outcome in pipeline.report_folders(folders, args.out):
            now = time.perf_counter()
            seconds, started = now - started, now  # reading included
            # Beyond articles and reports, errors concern the whole run (the model, the cache): they stop it.
            if isinstance(outcome, (InputError, OutputError)):
                if len(folders) == 1:
                    raise outcome
                console.print(f"reconcile: {outcome}", markup=False, highlight=False)
                rows.append(_Row(_corpus_name(folder), {}, seconds, None, str(outcome)))
                advance()
                continue
            if isinstance(outcome, ReconcileError):
                raise outcome
            result, written = outcome
            if args.json:
                print(json.dumps(findings_json(result), ensure_ascii=False, sort_keys=True), flush=True)
            markdown = next(path for path in written if path.suffix == ".md")
            rows.append(_Row(result.corpus, result.counts(), seconds, markdown))
            advance()
    return _finish(rows, args, console)


def _run_batch(args: argparse.Namespace) -> int:
    """Corpora in parallel on Dask (reconcile.batch), with a progress bar and a summary.csv."""
    from reconcile.batch import Job, read_manifest, run_batch, write_summary

    if args.workers and args.scheduler:
        raise InputError("give --workers N (a local cluster) or --scheduler ADDRESS (a running one), not both")
    jobs = read_manifest(args.manifest, args.out) if args.manifest else []
    if args.corpora or not jobs:
        jobs += [Job(folder, args.out) for folder in _corpus_folders(args.corpora)]
    config, pinned = _run_config(args)
    for out in dict.fromkeys([args.out, *(job.out for job in jobs)]):
        _check_out(out, [job.folder for job in jobs if job.out == out])
    if not args.debug:
        logging.getLogger("distributed").setLevel(logging.ERROR)  # the in-process scheduler chats at INFO
    console = _console()
    outcomes = {}
    workers = args.workers or (None if args.scheduler else os.cpu_count())
    with _progress(console, len(jobs), quiet=args.quiet) as advance:
        for outcome in run_batch(jobs, config, workers=workers, scheduler=args.scheduler, pinned=pinned):
            outcomes[outcome.job] = outcome
            if outcome.status == "failed":
                console.print(f"reconcile: {outcome.error}", markup=False, highlight=False)
            elif args.json:
                findings = next(path for path in outcome.written if path.suffix == ".json")
                print(json.dumps(json.loads(findings.read_text(encoding="utf-8")), ensure_ascii=False, sort_keys=True))
            advance()
    summary = write_summary([outcomes[job] for job in jobs], args.out)
    rows = [
        _Row(
            _corpus_name(outcome.job.folder),
            outcome.counts,
            outcome.seconds,
            next((path for path in outcome.written if path.suffix == ".md"), None),
            outcome.error,
        )
        for outcome in (outcomes[job] for job in jobs)
    ]
    return _finish(rows, args, console, summary)


def _console() -> Console:
    """Where progress, the summary table and per-corpus errors go: stderr, so stdout stays for --json."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def _progress(console: Console, total: int, *, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar over corpora, on a terminal only (not in logs or pipes) and unless `quiet`;
    yields the function that advances it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("reconciling"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet or not console.is_terminal, transient=True) as progress:
        bar = progress.add_task("corpora", total=total)
        yield lambda: progress.advance(bar)


LOG_WIDTH = 200
SUMMARY_ROWS = 20  # corpora listed one by one in the terminal; a bigger batch shows its totals (summary.csv has all)


def _finish(rows: Sequence[_Row], args: argparse.Namespace, console: Console, summary: Path | None = None) -> int:
    """The summary table (unless --quiet), then the exit code: 0 all written, 2 some failed, 1 none."""
    failures = sum(1 for row in rows if row.error)
    if not args.quiet:
        table_console = Console(file=sys.stderr if args.json else sys.stdout, highlight=False)
        if not table_console.is_terminal:
            table_console.width = LOG_WIDTH  # a log or pipe has no width: keep each corpus on one line
        _summary_table(rows, summary, table_console)
    where = f"; see {summary}" if summary else ""
    if failures == len(rows):
        console.print(
            f"reconcile: error: none of the {failures} corpora could be reconciled; nothing written{where}",
            markup=False,
        )
        return EXIT_ERROR
    if failures:
        console.print(
            f"reconcile: {failures} of {len(rows)} corpora failed; the others were written{where}", markup=False
        )
        return EXIT_PARTIAL
    return EXIT_OK


def _summary_table(rows: Sequence[_Row], summary: Path | None, console: Console) -> None:
    from rich.table import Table

    done = [row for row in rows if not row.error]
    if not done:
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("corpus", overflow="fold")
    for verdict in VERDICTS:
        table.add_column(verdict.replace("_", " "), justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("report", overflow="fold")
    shown = done if len(done) <= SUMMARY_ROWS else []
    for row in shown:
        counts = [str(row.counts.get(verdict, 0)) for verdict in VERDICTS]
        style = "bold red" if row.counts.get("conflict") else None
        table.add_row(row.corpus, *counts, f"{row.seconds:.1f}", str(row.report or ""), style=style)
    if len(done) > 1:
        totals = [str(sum(row.counts.get(verdict, 0) for row in done)) for verdict in VERDICTS]
        label = f"{len(done)} corpora" + (f" ({len(rows) - len(done)} failed)" if len(done) < len(rows) else "")
        table.add_row(label, *totals, f"{sum(row.seconds for row in done):.1f}", str(summary or ""), end_section=True)
    console.print(table)


def _explain(args: argparse.Namespace) -> int:
    from reconcile.explain import explain, list_findings, load_findings

    data = load_findings(args.findings)
    print(explain(data, args.finding, args.findings) if args.finding else list_findings(data))
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from reconcile.evaluation import format_table, gate, load_floors
    from reconcile.evaluation.run import SECTIONS, run_evaluation

    sections = tuple(args.only) if args.only else SECTIONS
    config = load_config(args.config, embedder=args.embedder, cache=False if args.no_cache else None)
    progress = (lambda message: None) if args.quiet else (lambda message: print(f"… {message}", file=sys.stderr))
    started = time.perf_counter()
    domains = frozenset(args.domain) if args.domain else None
    evaluation = run_evaluation(
        config,
        args.data,
        args.gold,
        sections=sections,
        limit=args.limit,
        progress=progress,
        wmt_file=args.wmt,
        domains=domains,
    )
    floors = load_floors(args.floors) if config.embedder == "use" or args.floors != DEFAULT_FLOORS else {}
    verdicts = gate(evaluation.figures, floors)
    if args.verbose:
        for note in evaluation.notes:
            print(note)
    print(f"embedder: {config.embedder}" + ("" if floors else " (no floors pinned for this embedder)"))
    print(format_table(verdicts))
    timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in evaluation.seconds.items())
    print(f"time: {time.perf_counter() - started:.1f} s ({timings})")
    failed = [verdict.figure.name for verdict in verdicts if not verdict.passed]
    if failed:
        print(f"reconcile eval: below floor: {', '.join(failed)}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one line, like every other error (exit code 1)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see `{self.prog} --help`)")


class _UsageError(ReconcileError):
    pass


def _byte_count(text: str) -> int:
    """A positive whole number of bytes for --max-file-bytes (2000000 or 2_000_000)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of bytes, like 5000000") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1 byte")
    return value


def _count(text: str) -> int:
    """A whole number, at least 1, for --workers."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reconcile",
        description="Compare news articles about one story across languages, claim by claim.",
    )
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="reconcile corpus folders and write reports")
    run.add_argument(
        "corpora",
        nargs="*",
        type=Path,
        metavar="CORPUS_DIR",
        help=f"corpus folders (default: every folder under {DEFAULT_CORPORA}/)",
    )
    run.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="DIR",
        help=f"where NAME.md, NAME.json, NAME.csv and NAME.png go (default: {DEFAULT_OUT}/)",
    )
    run.add_argument(
        "--embedder",
        metavar="SPEC",
        help="'use' (default, multilingual USE v3), 'st:PATH' (local sentence-transformers model) or 'none'",
    )
    run.add_argument(
        "--no-cache", action="store_true", help="do not read or write the embedding, claims and results caches"
    )
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"settings file with a [tool.reconcile] table (default: ./{DEFAULT_CONFIG} if present)",
    )
    run.add_argument(
        "--max-file-bytes",
        type=_byte_count,
        metavar="N",
        help="refuse article files larger than N bytes (default: 2000000, or max_file_bytes in the settings)",
    )
    run.add_argument(
        "--workers",
        type=_count,
        metavar="N",
        help="reconcile corpora in parallel on a local Dask cluster of N single-threaded processes",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="use a running Dask cluster (tcp://HOST:PORT); its workers must see the same files",
    )
    run.add_argument(
        "--manifest",
        type=Path,
        metavar="FILE",
        help="CSV listing corpora (column corpus; optional column out), run on Dask (default --workers: all cores)",
    )
    run.add_argument(
        "--set",
        dest="settings",
        action="append",
        type=_setting,
        metavar="KEY=VALUE",
        help="any setting of the settings table (README), e.g. pair_threshold=0.6 or figure=false; repeatable",
    )
    run.add_argument("--quiet", action="store_true", help="print nothing but errors (no progress bar, no summary)")
    run.add_argument(
        "--json",
        action="store_true",
        help="also print each corpus' findings JSON to stdout, one line per corpus (the summary goes to stderr)",
    )
    run.set_defaults(handler=_run)

    explain = commands.add_parser("explain", help="show one finding of a NAME.json: claims, slots, scores, why")
    explain.add_argument("findings", type=Path, metavar="NAME.json", help="a findings file written by `reconcile run`")
    explain.add_argument("finding", nargs="?", metavar="FINDING_ID", help="F001, f1 or 1 (default: list every finding)")
    explain.set_defaults(handler=_explain)

    evaluate = commands.add_parser("eval", help="measure quality on the seed gold, WMT22 and Tatoeba; gate on floors")
    evaluate.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_EVAL_DATA,
        metavar="DIR",
        help=f"folder with the WMT22 and Tatoeba files (default: {DEFAULT_EVAL_DATA})",
    )
    evaluate.add_argument(
        "--gold",
        type=Path,
        default=DEFAULT_GOLD,
        metavar="FILE",
        help=f"gold file of the seed corpus (default: {DEFAULT_GOLD})",
    )
    evaluate.add_argument(
        "--floors",
        type=Path,
        default=DEFAULT_FLOORS,
        metavar="FILE",
        help=f"pinned floors; a figure below its floor fails the run (default: {DEFAULT_FLOORS})",
    )
    evaluate.add_argument(
        "--only",
        action="append",
        choices=("seed", "wmt", "planted", "tatoeba"),
        help="run only these sections (repeatable)",
    )
    evaluate.add_argument("--limit", type=int, metavar="N", help="use only the first N WMT document pairs")
    evaluate.add_argument(
        "--wmt",
        default="wmt22-zhen-news.jsonl",
        metavar="FILE",
        help="WMT22 file inside --data (default: the news pairs the floors are pinned for)",
    )
    evaluate.add_argument(
        "--domain",
        action="append",
        choices=("news", "social", "ecommerce", "conversational"),
        help="only WMT documents of this domain (repeatable); held-out checks use the non-news ones",
    )
    evaluate.add_argument("--embedder", metavar="SPEC", help="as for `run`")
    evaluate.add_argument(
        "--no-cache", action="store_true", help="do not read or write the embedding and claims caches"
    )
    evaluate.add_argument("--config", type=Path, default=Path("reconcile.toml"), metavar="FILE")
    evaluate.add_argument("--verbose", action="store_true", help="also list each false conflict and missed change")
    evaluate.add_argument("--quiet", action="store_true", help="no progress messages")
    evaluate.set_defaults(handler=_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as error:
        print(f"reconcile: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return int(args.handler(args))
    except ReconcileError as error:
        if args.debug:
            raise
        print(f"reconcile: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reconcile: interrupted; reports already written are complete, none is half-written", file=sys.stderr)
        return 130


def entry() -> NoReturn:
    """The `reconcile` command: `main`, then an exit that skips tearing the interpreter down.

    Freeing what a run loaded (pypinyin's dictionaries, matplotlib, the model) took 0.4 s at
    every exit. By then every report is closed and renamed into place and the helper process
    is stopped, so the output streams are all there is to flush.
    """
    exit_now(main())


def exit_now(code: int) -> NoReturn:
    """Flush the output streams and end the process without tearing the interpreter down
    (the benchmarks' children end so too, to time what the command does)."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (reconcile run --json | head)
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
