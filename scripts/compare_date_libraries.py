"""Run the date tables of tests/normalize/test_date.py through dateparser, JioNLP and find_dates.

Usage (from the repository root, with dateparser and jionlp installed):

    python scripts/compare_date_libraries.py

Every library gets the same rows and the same publication date (its middle day, as
RELATIVE_BASE / time_base). None of them has a notion of "the previous date in the text",
so the figures are given for all rows and for the rows that need no previous date.

A row passes when the library's answer falls on the expected label at the expected precision:
- no date expected: the library finds nothing (a duration JioNLP types as time_delta counts
  as nothing);
- "2022-09" (a point): a single date formats to the label at that precision (and, where the
  library reports one, its period is that precision); an interval must start and end in it;
- "2023-01..2023-04" (a span): a single date anywhere inside it passes; an interval must start
  and end on the span's ends;
- "≤2021-12" / "≥2021-03" (a bound): a single date on the bound's end passes; an interval
  passes when its closing / opening end falls on it.
So a library is never failed for returning a single date where we return an interval.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.lang import rules_for
from reconcile.model import DateValue
from reconcile.normalize.date import DateContext, date_from_iso, find_dates
from reconcile.normalize.text import fold
from scripts.import_timing import cold_import_seconds
from tests.normalize.test_date import EN_DATES, ZH_DATES, Expected, Row


@dataclass(frozen=True, slots=True)
class Answer:
    """What a library made of a row: nothing, one date (with its period if known) or an interval."""

    low: date | None = None
    high: date | None = None
    period: str | None = None

    @property
    def found(self) -> bool:
        return self.low is not None or self.high is not None


NOTHING = Answer()
Library = Callable[[str, str, DateValue | None, DateValue | None], Answer]


def _format(day: date, precision: str) -> str:
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}"}.get(precision, day.isoformat())


def passes(expected: Expected, answer: Answer) -> bool:
    """The pass rule in the module docstring."""
    if expected is None:
        return not answer.found
    if not answer.found:
        return False
    label, _, _, precision = expected
    if answer.period is not None and answer.period != precision and not label.startswith(("≤", "≥")):
        return False
    if label.startswith("≤"):
        end = answer.high or answer.low
        return end is not None and _format(end, precision) == label[1:]
    if label.startswith("≥"):
        end = answer.low or answer.high
        return end is not None and _format(end, precision) == label[1:]
    first, _, last = label.partition("..")
    last = last or first
    if answer.low is None or answer.high is None or answer.low == answer.high:
        day = answer.low or answer.high
        return day is not None and first <= _format(day, precision) <= last
    return (_format(answer.low, precision), _format(answer.high, precision)) == (first, last)


def _base(published: DateValue | None) -> datetime | None:
    if published is None:
        return None
    middle = published.low + (published.high - published.low) / 2
    return datetime(middle.year, middle.month, middle.day)


def ours(lang: str, text: str, published: DateValue | None, previous: DateValue | None) -> Answer:
    slots = find_dates(fold(text), rules_for(lang), DateContext(published, previous))
    if not slots:
        return NOTHING
    value = slots[0].value
    assert isinstance(value, DateValue)
    return Answer(None if value.low == date.min else value.low, None if value.high == date.max else value.high)


def dateparser_parse(lang: str, text: str, published: DateValue | None, _: DateValue | None) -> Answer:
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first"} | ({"RELATIVE_BASE": base} if (base := _base(published)) else {})
    data = DateDataParser(languages=[lang], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return NOTHING
    return Answer(data.date_obj.date(), data.date_obj.date(), data.period)


def dateparser_search(lang: str, text: str, published: DateValue | None, _: DateValue | None) -> Answer:
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first"} | ({"RELATIVE_BASE": base} if (base := _base(published)) else {})
    found = search_dates(text, languages=[lang], settings=settings)
    if not found:
        return NOTHING
    day = found[0][1].date()
    return Answer(day, day)


def _jio_time(detail: dict[str, object]) -> Answer:
    """JioNLP's ['2022-09-01 00:00:00', '2022-09-30 23:59:59'] as an Answer; durations are no date."""
    if detail.get("type") not in ("time_point", "time_span"):
        return NOTHING
    ends = detail.get("time")
    if not isinstance(ends, list) or len(ends) != 2:
        return NOTHING
    parsed = [date.fromisoformat(end[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", str(end)) else None for end in ends]
    return Answer(parsed[0], parsed[1])


def jionlp(lang: str, text: str, published: DateValue | None, _: DateValue | None) -> Answer:
    if lang != "zh":
        return NOTHING
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as jio
    base = _base(published)
    try:
        return _jio_time(jio.parse_time(text, time_base=base or time.time()))
    except (ValueError, KeyError, TypeError):  # JioNLP raises when the whole text is not one time
        found = jio.ner.extract_time(text, time_base=base or time.time(), with_parsing=True)
    return _jio_time(found[0]["detail"]) if found else NOTHING


def _score(library: Library, lang: str, rows: Sequence[Row]) -> tuple[int, int, int, int, list[str]]:
    """(passed, total, passed without previous, total without previous, failures)."""
    passed = total = passed_alone = total_alone = 0
    failures = []
    for text, published, previous, expected in rows:
        context = (date_from_iso(published) if published else None, date_from_iso(previous) if previous else None)
        ok = passes(expected, library(lang, text, *context))
        passed += ok
        total += 1
        if previous is None:
            passed_alone += ok
            total_alone += 1
        if not ok:
            failures.append(text)
    return passed, total, passed_alone, total_alone, failures


def main() -> None:
    libraries: dict[str, Library] = {
        "reconcile find_dates": ours,
        "dateparser.parse": dateparser_parse,
        "dateparser.search_dates": dateparser_search,
        "jionlp.parse_time / extract_time": jionlp,
    }
    modules = {
        "reconcile find_dates": "reconcile.normalize.date",
        "dateparser.parse": "dateparser",
        "dateparser.search_dates": "dateparser",
        "jionlp.parse_time / extract_time": "jionlp",
    }
    print(
        "| library | EN rows passed | ZH rows passed | all rows | rows without a previous date "
        "| cold import | first call |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, library in libraries.items():
        start = time.perf_counter()
        library("zh", "2021年10月", date_from_iso("2024-07-28"), None)
        first_call = time.perf_counter() - start
        en = _score(library, "en", EN_DATES)
        zh = _score(library, "zh", ZH_DATES)
        en_cell = f"{en[0]}/{en[1]}" if name != "jionlp.parse_time / extract_time" else "n/a (Chinese only)"
        all_passed, all_total = (en[0] + zh[0], en[1] + zh[1]) if "jionlp" not in name else zh[:2]
        alone_passed, alone_total = (en[2] + zh[2], en[3] + zh[3]) if "jionlp" not in name else zh[2:4]
        print(
            f"| {name} | {en_cell} | {zh[0]}/{zh[1]} | {all_passed}/{all_total} | {alone_passed}/{alone_total} "
            f"| {cold_import_seconds(modules[name]):.2f} s | {first_call:.2f} s |"
        )
    print()
    print("Known failures, checked:")
    pub_2023 = date_from_iso("2023-03")
    for lang, text, expected in (
        ("zh", "去年9月", "2022-09"),
        ("en", "in September last year", "2022-09"),
        ("en", "September last year", "2022-09"),
        ("zh", "2016年", "2016"),
        ("en", "trained with 480 GPUs", "no date"),
    ):
        parsed = dateparser_parse(lang, text, pub_2023, None)
        searched = dateparser_search(lang, text, pub_2023, None)
        print(
            f"- dateparser on {text!r} (article of {pub_2023.label}, expected {expected}): "
            f"parse -> {parsed.low} ({parsed.period}), search_dates -> {searched.low}"
        )
    jio_answer = jionlp("zh", "1个月后", date_from_iso("2024-07-28"), date_from_iso("2022-09"))
    print(f"- jionlp on '1个月后' (previous date 2022-09, expected 2022-10): {jio_answer.low}..{jio_answer.high}")


if __name__ == "__main__":
    main()
