"""Run the quantity tables of tests/normalize/test_quantity.py through cn2an, JioNLP and find_quantities.

Usage (from the repository root, with cn2an and jionlp installed):

    python scripts/compare_quantity_libraries.py

Neither library finds quantities in running text the way find_quantities does, so each gets
the fairest reading we could give it (rows are folded first, as the extract stage does):
- cn2an converts numerals, it does not find them. Every numeric run of the row (digits,
  Chinese numerals, 万/亿, thousands commas dropped) goes through cn2an.cn2an(run, "smart"),
  and the whole row through cn2an.transform(row, "cn2an"); every number either produces counts.
- JioNLP reads money: jionlp.ner.extract_money on the row, else jionlp.parse_money on the whole
  row; its "num" (one number, or [low, high] for a range or 余/多) counts, and its currency
  ("case") is compared where the row's unit is a currency.
- find_quantities: the value of every slot counts.

"value" passes when a number the library produced equals the expected value, or when it
produced both ends of an expected range. "value + unit + interval" also needs the canonical
unit and the interval: a single number passes for a row that states one number (exactly or to
its last decimal digit); a hedged or ranged row needs the library's [low, high] to match.
cn2an offers neither units nor intervals (n/a); JioNLP is scored on the money rows only.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.lang import rules_for
from reconcile.model import Quantity
from reconcile.normalize.quantity import find_quantities
from reconcile.normalize.text import fold
from scripts.import_timing import cold_import_seconds
from tests.normalize.test_quantity import EN_QUANTITIES, ZH_QUANTITIES

Row = tuple[str, Quantity]

# JioNLP's currency names -> our canonical units.
JIO_CURRENCIES = {
    "元": "cny",
    "人民币": "cny",
    "美元": "usd",
    "英镑": "gbp",
    "欧元": "eur",
    "港元": "hkd",
    "日元": "jpy",
}
CURRENCIES = frozenset(JIO_CURRENCIES.values())
NUMERIC_RUN = re.compile(r"[0-9.,零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+")
ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# Pure Chinese numerals: the sub-task cn2an was written for.
PURE_NUMERALS: list[tuple[str, float]] = [
    ("五", 5),
    ("十二", 12),
    ("三十五", 35),
    ("两百", 200),
    ("一百二十三", 123),
    ("三千", 3000),
    ("五千", 5000),
    ("一千零一", 1001),
    ("两千零二十", 2020),
    ("一百万", 1e6),
    ("两百万", 2e6),
    ("九亿", 9e8),
    ("十万亿", 1e13),
    ("二〇二二", 2022),
    ("兩百萬", 2e6),
]


@dataclass(frozen=True, slots=True)
class Answer:
    """What a library made of a row: the numbers it produced, and its readings with unit and ends."""

    numbers: tuple[float, ...] = ()
    readings: tuple[tuple[float, float, str | None], ...] = ()


Library = Callable[[str, str], Answer]


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9) or a == b


def _states_one_number(expected: Quantity) -> bool:
    """An exact number, or one known to its last decimal digit (`Quantity.rounded`)."""
    return expected.is_exact or expected.rounded


def value_passes(expected: Quantity, answer: Answer) -> bool:
    if any(_same(number, expected.value) for number in answer.numbers):
        return True
    ends = [end for end in (expected.low, expected.high) if math.isfinite(end)]
    return len(ends) == 2 and all(any(_same(number, end) for number in answer.numbers) for end in ends)


def full_passes(expected: Quantity, answer: Answer) -> bool:
    for low, high, unit in answer.readings:
        if unit != expected.unit:
            continue
        if low == high and _same(low, expected.value) and _states_one_number(expected):
            return True
        if _same(low, expected.low) and _same(high, expected.high):
            return True
    return False


def ours(lang: str, text: str) -> Answer:
    slots = find_quantities(fold(text), rules_for(lang))
    values = [slot.value for slot in slots if isinstance(slot.value, Quantity)]
    return Answer(
        tuple(value.value for value in values),
        tuple(
            (value.value, value.value, value.unit) if value.low == value.high else (value.low, value.high, value.unit)
            for value in values
        ),
    )


def cn2an_numbers(_: str, text: str) -> Answer:
    import cn2an

    numbers: list[float] = []
    folded = fold(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for run in NUMERIC_RUN.findall(folded):
            with contextlib.suppress(ValueError, KeyError, IndexError):
                numbers.append(float(cn2an.cn2an(run.replace(",", "").strip("."), "smart")))
        numbers.extend(float(number) for number in ARABIC.findall(cn2an.transform(folded, "cn2an")))
    return Answer(tuple(numbers))


def _jio_reading(detail: dict[str, object]) -> tuple[float, float, str | None]:
    num = detail["num"]
    low, high = (float(num[0]), float(num[1])) if isinstance(num, list) else (float(str(num)),) * 2
    return low, high, JIO_CURRENCIES.get(str(detail.get("case")))


def jionlp_money(_: str, text: str) -> Answer:
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp

        folded = fold(text)
        details = [entity["detail"] for entity in jionlp.ner.extract_money(folded, with_parsing=True)]
        if not details:
            with contextlib.suppress(Exception):  # parse_money raises on anything it cannot read
                details = [jionlp.parse_money(folded)]
    readings = tuple(_jio_reading(detail) for detail in details)
    return Answer(tuple(number for low, high, _ in readings for number in {low, high}), readings)


@dataclass(frozen=True, slots=True)
class Score:
    value: int
    full: int
    money: int
    total: int
    failures: tuple[str, ...]


def _score(library: Library, lang: str, rows: Sequence[Row]) -> Score:
    value = full = money = 0
    failures = []
    for text, expected in rows:
        answer = library(lang, text)
        ok = value_passes(expected, answer)
        value += ok
        full += full_passes(expected, answer)
        money += expected.unit in CURRENCIES and full_passes(expected, answer)
        if not ok:
            failures.append(text)
    return Score(value, full, money, len(rows), tuple(failures))


def main() -> None:
    libraries: dict[str, tuple[Library, str]] = {
        "reconcile find_quantities": (ours, "reconcile.normalize.quantity"),
        "cn2an (cn2an + transform)": (cn2an_numbers, "cn2an"),
        "jionlp (extract_money / parse_money)": (jionlp_money, "jionlp"),
    }
    money_rows = {
        lang: sum(expected.unit in CURRENCIES for _, expected in rows)
        for lang, rows in (("en", EN_QUANTITIES), ("zh", ZH_QUANTITIES))
    }
    print(
        "| library | EN value | ZH value | EN value + unit + interval | ZH value + unit + interval "
        f"| money rows value + unit + interval (EN {money_rows['en']}, ZH {money_rows['zh']}) "
        "| cold import | first call |"
    )
    print("|---|---|---|---|---|---|---|---|")
    scores: dict[str, tuple[Score, Score]] = {}
    for name, (library, module) in libraries.items():
        start = time.perf_counter()
        library("zh", "3000-4000万美元")
        first_call = time.perf_counter() - start
        en, zh = _score(library, "en", EN_QUANTITIES), _score(library, "zh", ZH_QUANTITIES)
        scores[name] = (en, zh)
        full = (f"{en.full}/{en.total}", f"{zh.full}/{zh.total}") if library is ours else ("n/a", "n/a")
        money = "n/a" if library is cn2an_numbers else f"EN {en.money}, ZH {zh.money}"
        print(
            f"| {name} | {en.value}/{en.total} | {zh.value}/{zh.total} | {full[0]} | {full[1]} | {money} "
            f"| {cold_import_seconds(module):.2f} s | {first_call:.3f} s |"
        )
    print()
    import cn2an

    zh_rules = rules_for("zh")
    ours_pure = sum(
        any(
            _same(slot.value.value, value)
            for slot in find_quantities(fold(numeral + "人"), zh_rules)
            if isinstance(slot.value, Quantity)
        )
        for numeral, value in PURE_NUMERALS
    )
    cn2an_pure = 0
    for numeral, value in PURE_NUMERALS:
        with contextlib.suppress(ValueError, KeyError, IndexError):
            cn2an_pure += _same(float(cn2an.cn2an(fold(numeral), "smart")), value)
    print(
        f"Pure Chinese numerals ({len(PURE_NUMERALS)}; ours reads them before 人): "
        f"cn2an {cn2an_pure}/{len(PURE_NUMERALS)}, find_quantities {ours_pure}/{len(PURE_NUMERALS)}"
    )
    print()
    print("Known failures, checked:")
    for text in ("1.2万亿元", "3000-4000万美元", "17.5 万", "100余篇", "十多年", "百分之三十五"):
        print(f"- cn2an on {text!r}: numbers {cn2an_numbers('zh', text).numbers}")
    for text in ("3000-4000万美元", "约三千人", "50多项专利", "$1.5 billion", "1.5亿美元", "约 35 亿美元"):
        print(f"- jionlp on {text!r}: readings {jionlp_money('zh', text).readings}")
    for name, (_, zh) in scores.items():
        print(f"- {name}: ZH rows with no right value ({len(zh.failures)}), e.g. {list(zh.failures[:8])}")


if __name__ == "__main__":
    main()
