"""Fingerprint what extraction finds, to prove a speed-up changed nothing (issue 5).

    python scripts/extraction_fingerprint.py --out before.jsonl          # before a change
    python scripts/extraction_fingerprint.py --check before.jsonl        # after it: exit 1 on any difference

Runs ingest, segment and extract (no embedder, no cache) over the seed corpus and both
sides of every WMT22 zh-en document pair (built as benchmarks/bench.py builds them), and
writes one line per document: its key, a SHA-256 of its claims (ids, spans, slots with
their values, events, subjects, objects, terms) and, with --full, the claims themselves
so two runs can be diffed. Prints the seconds spent in extract.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.config import Config
from reconcile.extract import extract
from reconcile.ingest import ingest_corpus, ingest_text
from reconcile.model import Document
from reconcile.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "yang-hongxia-m6"
WMT = Path("/work/shared/eval/wmt22-zhen-all.jsonl")


def documents(seed: Path, wmt: Path) -> Iterator[tuple[str, Document]]:
    """(key, document) for the seed corpus, then both sides of every WMT pair."""
    for document in ingest_corpus(seed, Config(cache=False)):
        yield f"seed/{document.id}", document
    with wmt.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            pair = json.loads(line)
            for lang in ("en", "zh"):
                text = "\n\n".join(pair[f"{lang}_sents"])
                yield f"wmt/{number:03d}-{pair['docid']}/{lang}", ingest_text(text, lang, lang=lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the fingerprints here (JSON lines)")
    parser.add_argument("--check", type=Path, help="compare with fingerprints written before; exit 1 if any differ")
    parser.add_argument("--full", action="store_true", help="also write every claim, for diffing")
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--wmt", type=Path, default=WMT)
    args = parser.parse_args(argv)
    lines: dict[str, dict[str, object]] = {}
    seconds = 0.0
    claims_total = 0
    for key, document in documents(args.seed, args.wmt):
        sentences = segment(document)
        started = time.perf_counter()
        claims = extract(document, sentences)
        seconds += time.perf_counter() - started
        claims_total += len(claims)
        rows = [dataclasses.asdict(claim) for claim in claims]
        serialised = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
        line: dict[str, object] = {"doc": key, "claims": len(claims)}
        line["sha256"] = hashlib.sha256(serialised.encode()).hexdigest()
        if args.full:
            line["rows"] = rows
        lines[key] = line
    print(f"{len(lines)} documents, {claims_total} claims, extract {seconds:.2f} s", file=sys.stderr)
    if args.out:
        with args.out.open("w", encoding="utf-8") as stream:
            for line in lines.values():
                stream.write(json.dumps(line, ensure_ascii=False, sort_keys=True, default=str) + "\n")
    if args.check:
        with args.check.open(encoding="utf-8") as stream:
            before = {row["doc"]: row["sha256"] for row in map(json.loads, stream)}
        changed = sorted(
            key for key in before.keys() | lines.keys() if before.get(key) != lines.get(key, {}).get("sha256")
        )
        for key in changed:
            print(f"differs: {key}", file=sys.stderr)
        print(f"{len(lines) - len(changed)}/{len(lines)} documents identical", file=sys.stderr)
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
