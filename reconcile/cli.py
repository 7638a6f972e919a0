"""Command line: `reconcile run`. The only module that configures logging and prints.

Errors the user can fix arrive as ReconcileError and are printed as one line, with a
non-zero exit and no traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reconcile import __version__
from reconcile.config import load_config
from reconcile.errors import InputError, ReconcileError
from reconcile.pipeline import Pipeline
from reconcile.report import write_report

DEFAULT_CORPORA = Path("corpora")
DEFAULT_OUT = Path("reports")
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


def _run(args: argparse.Namespace) -> int:
    folders = _corpus_folders(args.corpora)
    config = load_config(
        args.config,
        embedder=args.embedder,
        cache=False if args.no_cache else None,
    )
    pipeline = Pipeline(config)
    failures = 0
    for folder in folders:
        started = time.perf_counter()
        try:
            result = pipeline.run_folder(folder)
            written = write_report(result, args.out)
        except ReconcileError as error:
            if len(folders) == 1:
                raise
            failures += 1
            print(f"reconcile: {folder}: {error}", file=sys.stderr)
            continue
        counts = result.counts()
        if not args.quiet:
            print(
                f"{folder.name}: {counts['conflict']} conflict, {counts['adds_detail']} adds_detail, "
                f"{counts['agree']} agree ({time.perf_counter() - started:.1f} s) -> "
                + ", ".join(str(path) for path in written)
            )
    if failures:
        print(f"reconcile: {failures} of {len(folders)} corpora failed; the others were written", file=sys.stderr)
        return EXIT_PARTIAL
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from reconcile.evaluation import format_table, gate, load_floors
    from reconcile.evaluation.run import SECTIONS, run_evaluation

    sections = tuple(args.only) if args.only else SECTIONS
    config = load_config(args.config, embedder=args.embedder, cache=False if args.no_cache else None)
    progress = (lambda message: None) if args.quiet else (lambda message: print(f"… {message}", file=sys.stderr))
    started = time.perf_counter()
    evaluation = run_evaluation(config, args.data, args.gold, sections=sections, limit=args.limit, progress=progress)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        help=f"where NAME.md, NAME.json and NAME.csv go (default: {DEFAULT_OUT}/)",
    )
    run.add_argument(
        "--embedder",
        metavar="SPEC",
        help="'use' (default, multilingual USE v3), 'st:PATH' (local sentence-transformers model) or 'none'",
    )
    run.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    run.add_argument(
        "--config",
        type=Path,
        default=Path("reconcile.toml"),
        metavar="FILE",
        help="settings file with a [tool.reconcile] table (default: ./reconcile.toml if present)",
    )
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    run.set_defaults(handler=_run)

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
    evaluate.add_argument("--embedder", metavar="SPEC", help="as for `run`")
    evaluate.add_argument("--no-cache", action="store_true", help="do not use the embedding cache")
    evaluate.add_argument("--config", type=Path, default=Path("reconcile.toml"), metavar="FILE")
    evaluate.add_argument("--verbose", action="store_true", help="also list each false conflict and missed change")
    evaluate.add_argument("--quiet", action="store_true", help="no progress messages")
    evaluate.set_defaults(handler=_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
