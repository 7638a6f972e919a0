"""Do the number and date slots of aligned WMT22 translations compare equal?

A translation states the same facts, so every aligned sentence pair whose two sides both
hold a number or a date should compare equal (or as added detail). Printed side by side:
a naive comparison of the digit strings of each pair, and reconcile's normalised slots.

    python scripts/slot_agreement.py [--data ../shared/eval] [--show N]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from reconcile.config import Config
from reconcile.evaluation.wmt import load_wmt, run_pair, slot_agreement
from reconcile.normalize.text import fold
from reconcile.pipeline import Pipeline

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _digits(sentence: str) -> set[str]:
    return {number.replace(",", "") for number in _NUMBER.findall(fold(sentence))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--show", type=int, default=5, help="print this many disagreements of each method")
    args = parser.parse_args()
    pairs = load_wmt(args.data / "wmt22-zhen-news.jsonl")

    naive_compared = naive_different = 0
    naive_examples = []
    for pair in pairs:
        for zh, en in zip(pair.zh_sents, pair.en_sents, strict=True):
            zh_numbers, en_numbers = _digits(zh), _digits(en)
            if zh_numbers and en_numbers:
                naive_compared += 1
                if zh_numbers != en_numbers:
                    naive_different += 1
                    naive_examples.append(f"  {sorted(en_numbers)} vs {sorted(zh_numbers)}: {en[:70]!r}")

    pipeline = Pipeline(Config())
    figure, failures = slot_agreement([run_pair(pair, pipeline) for pair in pairs])

    print(f"WMT22 news: {len(pairs)} document pairs")
    print(
        f"naive digit strings: {naive_compared - naive_different}/{naive_compared} aligned sentence pairs agree "
        f"({(naive_compared - naive_different) / naive_compared:.1%}); "
        f"{naive_different / len(pairs):.2f} false 'conflicts' per document pair"
    )
    print(f"reconcile slots:     {figure.detail}: {figure.value:.1%} agree or add detail")
    for title, examples in (("naive disagreements", naive_examples), ("reconcile disagreements", failures)):
        print(f"{title} (first {args.show}):")
        for example in examples[: args.show]:
            print(example if example.startswith("  ") else f"  {example}")


if __name__ == "__main__":
    main()
