"""Dates in running text -> DateValue intervals, relative phrases resolved against context.

One generic interpreter reads `LangRules.dates`: its pattern templates are expanded into
regular expressions once per language, and a match means whatever its named groups say
(a year, a relative year, an offset, a year part...), so no language is special-cased here.
Overlapping matches keep the leftmost, then the longest. A range ("5月28日至6月1日",
"from May 28 to June 1") comes back as two slots, one per end, so each end is compared on
its own; "since 2016" or 截至2023年6月 come back as one slot open on one side.

Relative dates resolve against the publication date (去年, "yesterday", "now") or the last
date stated before them (1个月后, "subsequently"); `previous` moves on as dates are found,
so the second of two dates in one sentence is read after the first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from reconcile.lang.rules import DateBound, DateUnit, LangRules
from reconcile.model import OPEN_FUTURE, OPEN_PAST, DateAnchor, DateValue, Precision, Slot
from reconcile.normalize.prefilter import Sieve, pattern_need

# A number outside these years is not read as a year ("3000-4000万美元", "10000").
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_LEVEL: Mapping[Precision, int] = {"year": 0, "month": 1, "day": 2}
_UNIT_PRECISION: Mapping[DateUnit, Precision] = {"day": "day", "week": "day", "month": "month", "year": "year"}
_Direction = Literal["later", "earlier", "ago"]


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a relative date is relative to: the document's publication date, the last stated date."""

    published: DateValue | None
    previous: DateValue | None


_ISO = re.compile(
    r"\s*(?P<year>[0-9]{4})(?:(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?:(?P=sep)(?P<day>[0-9]{1,2})"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)?)?\s*"
)


def date_from_iso(text: str) -> DateValue:
    """A DateValue from "2023", "2023-03", "2024-07-28", "2024/07/28" or "2024-07-28 12:39".

    Front matter and header lines are the only dates a writer types by hand, so a bad one
    raises a ValueError that names what was given and what is allowed.
    """
    match = _ISO.fullmatch(text)
    if match is None:
        raise ValueError(
            f"not a date: {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD hh:mm; "
            "'/' or '.' may separate the parts)"
        )
    year = int(match["year"])
    if match["month"] is None:
        return _whole(year, None, None)
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"not a date: {text!r} (month {month} is not 1-12)")
    if match["day"] is None:
        return _whole(year, month, None)
    day = int(match["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"not a date: {text!r} ({year:04d}-{month:02d} has no day {day})")
    return _whole(year, month, day)


def _whole(year: int, month: int | None, day: int | None) -> DateValue:
    low, high, precision = _unit(year, month, day)
    return DateValue(low, high, precision, _label(low, high, precision))


# -- grammar: templates expanded once per language ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Grammar:
    patterns: tuple[re.Pattern[str], ...]
    sieve: Sieve  # which patterns a sentence may match: most hold no month name, digit or date word
    numbers: Mapping[str, Mapping[str, int]]  # group name -> folded phrase -> number
    parts: Mapping[str, Mapping[str, tuple[int, int]]]  # "part" / "month_part" -> span
    previous_relative: Mapping[str, tuple[int, DateUnit]]
    units: Mapping[str, DateUnit]
    prefix_bounds: tuple[tuple[re.Pattern[str], DateBound], ...]
    suffix_bounds: tuple[tuple[re.Pattern[str], DateBound], ...]
    range_gap: re.Pattern[str]
    future: re.Pattern[str]  # a sentence that speaks of what is to come ("will meet on Monday")
    reported_parts: frozenset[str]


_GRAMMARS: dict[str, _Grammar] = {}


def _grammar(rules: LangRules) -> _Grammar:
    grammar = _GRAMMARS.get(rules.code)
    if grammar is None:
        grammar = _GRAMMARS[rules.code] = _compile(rules)
    return grammar


def _key(phrase: str) -> str:
    """How a matched phrase is looked up: case, hyphens and runs of spaces do not matter
    ("third-quarter" is "third quarter")."""
    return " ".join(phrase.casefold().replace("-", " ").split())


def _alternation(phrases: Sequence[str], gap: str) -> str:
    """Literal phrases, longest first, spaces inside them matching `gap`; never matches if empty."""
    if not phrases:
        return "(?!)"
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(gap.join(re.escape(word) for word in phrase.split(" ")) for phrase in ordered)


def _compile(rules: LangRules) -> _Grammar:
    dates = rules.dates
    gap = dates.gap
    word_end = r"(?!\w)" if dates.word_boundaries else ""
    word_start = r"(?<!\w)" if dates.word_boundaries else ""

    def group(name: str, phrases: Sequence[str]) -> str:
        return f"(?P<{name}>{_alternation(phrases, gap)}){word_end}"

    def number(name: str, digits: str, words: Mapping[str, int], limit: int) -> str:
        spelled = [word for word, value in words.items() if value <= limit]
        extra = f"|{_alternation(spelled, gap)}" if spelled else ""
        return f"(?<![0-9])(?P<{name}>{digits}{extra})(?![0-9])"

    counts = {**dates.numerals, **dates.count_words}
    expansions = {
        # Four digits after "6," are no thousands group: "M6，2021年10月" (folded to "M6,2021") is a date.
        "year": r"(?<![0-9])(?<![0-9]\.)(?P<year>[0-9]{4})(?![0-9]|[,.][0-9])",
        "month": number("month", "1[0-2]|0?[1-9]", dates.numerals, 12),
        "day": number("day", "3[01]|[12][0-9]|0?[1-9]", dates.numerals, 31),
        "count": rf"(?<![0-9])(?<![0-9][,.])(?P<count>[0-9]{{1,3}}|{_alternation(list(counts), gap)})"
        r"(?![0-9]|[,.][0-9])",
        # An abbreviation's full stop belongs to the date only when a number follows ("Dec. 11").
        "month_name": group("month_name", list(dates.month_names)) + r"(?:\.(?=\s*[0-9]))?",
        "unit": group("unit", list(dates.offset_units)),
        "later": group("later", dates.offset_after),
        "earlier": group("earlier", dates.offset_before),
        "ago": group("ago", dates.offset_ago),
        "rel_year": group("rel_year", list(dates.relative_years)),
        "rel_month": group("rel_month", list(dates.relative_months)),
        "rel_day": group("rel_day", list(dates.relative_days)),
        "month_shift": group("month_shift", list(dates.month_shifts)),
        "prev_rel": group("prev_rel", list(dates.previous_relative)),
        "part": group("part", list(dates.year_parts)),
        "month_part": group("month_part", list(dates.month_parts)),
        "recent": group("recent", list(dates.recent_phrases)),
        "now": group("now", dates.now_phrases),
        "subsequently": group("subsequently", dates.after_previous_phrases),
        "weekday": group("weekday", list(dates.weekdays)),
        "week_shift": group("week_shift", list(dates.week_shifts)),
        "day_part": f"(?:{_alternation(dates.day_parts, gap)}){word_end}",
        "not_unit": rf"(?!\s*(?:{_alternation(list(rules.numbers.units), gap)}){word_end})",
    }

    def expand(template: str) -> str:
        def placeholder(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in expansions:
                raise ValueError(f"date pattern {template!r} of {rules.code!r}: unknown placeholder {{{name}}}")
            return expansions[name]

        return re.sub(r"\{([a-z_]+)\}", placeholder, template.replace(" ", gap))

    patterns = tuple(
        re.compile(f"{word_start}(?:{expand(template)}){word_end}", re.IGNORECASE) for template in dates.patterns
    )

    def bound(entry: DateBound) -> re.Pattern[str]:
        if entry.position == "before":
            return re.compile(f"{word_start}(?:{entry.phrase}){gap}\\Z", re.IGNORECASE)
        return re.compile(f"{gap}(?:{entry.phrase}){word_end}", re.IGNORECASE)

    def folded(mapping: Mapping[str, int]) -> dict[str, int]:
        return {_key(phrase): value for phrase, value in mapping.items()}

    return _Grammar(
        patterns=patterns,
        sieve=Sieve([pattern_need(pattern) for pattern in patterns]),
        numbers={
            "month_name": folded(dates.month_names),
            "month": folded(dates.numerals),
            "day": folded(dates.numerals),
            "count": folded(counts),
            "rel_year": folded(dates.relative_years),
            "rel_month": folded(dates.relative_months),
            "rel_day": folded(dates.relative_days),
            "month_shift": folded(dates.month_shifts),
            "recent": folded(dates.recent_phrases),
            "weekday": folded(dates.weekdays),
            "week_shift": folded(dates.week_shifts),
        },
        parts={
            "part": {_key(phrase): span for phrase, span in dates.year_parts.items()},
            "month_part": {_key(phrase): span for phrase, span in dates.month_parts.items()},
        },
        previous_relative={_key(phrase): offset for phrase, offset in dates.previous_relative.items()},
        units={_key(phrase): unit for phrase, unit in dates.offset_units.items()},
        prefix_bounds=tuple((bound(entry), entry) for entry in dates.bounds if entry.position == "before"),
        suffix_bounds=tuple((bound(entry), entry) for entry in dates.bounds if entry.position == "after"),
        range_gap=re.compile(rf"\s*(?:{_alternation(dates.range_separators, gap)})\s*\Z", re.IGNORECASE),
        future=re.compile("|".join(dates.future_markers) or "(?!)", re.IGNORECASE),
        reported_parts=frozenset(map(_key, dates.reported_parts)),
    )


# -- matching: candidates -> what each one states ----------------------------------------


@dataclass(frozen=True, slots=True)
class _Fields:
    """What one match states, before any context is applied."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel_year: int | None = None
    rel_month: int | None = None
    rel_day: int | None = None
    month_shift: int | None = None
    prev_rel: tuple[int, DateUnit] | None = None
    part: tuple[int, int] | None = None
    month_part: tuple[int, int] | None = None
    offset: tuple[int, DateUnit, _Direction] | None = None
    recent: int | None = None
    now: bool = False
    subsequently: bool = False
    decade: int | None = None
    weekday: int | None = None
    week_shift: int | None = None
    reported: bool = False  # the part is one news reports once it is over (a quarter)


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    fields: _Fields


def _number(name: str, raw: str, grammar: _Grammar) -> int | None:
    if raw.isascii() and raw.isdigit():
        return int(raw)
    return grammar.numbers[name].get(_key(raw))


def _fields(groups: Mapping[str, str], grammar: _Grammar) -> _Fields | None:
    """The statement a match makes, or None when a group holds something that is not a date."""
    unknown: list[str] = []

    def number(name: str) -> int | None:
        raw = groups.get(name)
        value = None if raw is None else _number(name, raw, grammar)
        if raw is not None and value is None:
            unknown.append(raw)
        return value

    def part(name: str) -> tuple[int, int] | None:
        span = grammar.parts[name].get(_key(groups[name])) if name in groups else None
        if name in groups and span is None:
            unknown.append(groups[name])
        return span

    offset: tuple[int, DateUnit, _Direction] | None = None
    if "count" in groups:
        count, unit = number("count"), grammar.units.get(_key(groups.get("unit", "")))
        direction: _Direction = "later" if "later" in groups else "earlier" if "earlier" in groups else "ago"
        if count is None or unit is None:
            return None
        offset = (count, unit, direction)
    previous_relative = None
    if "prev_rel" in groups:
        previous_relative = grammar.previous_relative.get(_key(groups["prev_rel"]))
        if previous_relative is None:
            return None
    decade = int(groups["decade"]) if "decade" in groups else None
    if decade is not None and "century" in groups:
        decade += (int(groups["century"]) - 1) * 100  # 20世纪90年代
    fields = _Fields(
        year=number("year"),
        month=number("month") if "month" in groups else number("month_name"),
        day=number("day"),
        rel_year=number("rel_year"),
        rel_month=number("rel_month"),
        rel_day=number("rel_day"),
        month_shift=number("month_shift"),
        prev_rel=previous_relative,
        part=part("part"),
        month_part=part("month_part"),
        offset=offset,
        recent=number("recent"),
        now="now" in groups,
        subsequently="subsequently" in groups,
        decade=decade,
        weekday=number("weekday"),
        week_shift=number("week_shift"),
        reported="part" in groups and _key(groups["part"]) in grammar.reported_parts,
    )
    if unknown:
        return None
    for year in (fields.year, fields.decade):
        if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
    if fields.month is not None and not 1 <= fields.month <= 12:
        return None
    if fields.day is not None and not 1 <= fields.day <= 31:
        return None
    return fields


def _atoms(text: str, grammar: _Grammar) -> list[_Atom]:
    """Every match of every template, then the leftmost-longest that do not overlap."""
    found: list[tuple[int, int, int, _Fields]] = []
    for rank in grammar.sieve.possible(text):
        for match in grammar.patterns[rank].finditer(text):
            groups = {name: value for name, value in match.groupdict().items() if value is not None}
            start = match.start()
            if "cue" in groups:
                start = match.end("cue")
                groups.pop("cue")
                while start < match.end() and text[start].isspace():
                    start += 1
            if start >= match.end():
                continue
            fields = _fields(groups, grammar)
            if fields is not None:
                found.append((start, match.end(), rank, fields))
    found.sort(key=lambda item: (item[0], item[0] - item[1], item[2]))
    atoms: list[_Atom] = []
    for start, end, _, fields in found:
        if atoms and start < atoms[-1].end:
            continue
        atoms.append(_Atom(start, end, fields))
    return atoms


# -- calendar arithmetic -------------------------------------------------------------------


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _unit(year: int, month: int | None, day: int | None) -> tuple[date, date, Precision]:
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    if day is None:
        return date(year, month, 1), date(year, month, _month_end(year, month)), "month"
    return date(year, month, day), date(year, month, day), "day"


def _format(day: date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _label(low: date, high: date, precision: Precision, open_high: bool = False) -> str:
    """How a reader writes the interval: 2022-09, ≤2021-12, ≥2021-03, 2023-01..2023-04."""
    if low == OPEN_PAST:
        return "≤" + _format(high, precision)
    if high == OPEN_FUTURE or open_high:
        return "≥" + _format(low, precision)
    first, last = _format(low, precision), _format(high, precision)
    return first if first == last else f"{first}..{last}"


def _coarser(first: Precision, second: Precision) -> Precision:
    return first if _LEVEL[first] <= _LEVEL[second] else second


def _widen(low: date, high: date, precision: Precision) -> tuple[date, date]:
    """`low` and `high` moved out to the edges of the units they fall in."""
    if precision != "day":
        if low != OPEN_PAST:
            low = date(low.year, 1 if precision == "year" else low.month, 1)
        if high != OPEN_FUTURE:
            month = 12 if precision == "year" else high.month
            high = date(high.year, month, _month_end(high.year, month))
    return low, high


def _shift_day(day: date, count: int, unit: DateUnit) -> date | None:
    """`day` moved by `count` units, or None outside the calendar; open ends stay open."""
    if day in (OPEN_PAST, OPEN_FUTURE):
        return day
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        if not date.min.toordinal() < day.toordinal() + days < date.max.toordinal():
            return None
        return day + timedelta(days=days)
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    if not 1 <= year <= 9999:
        return None
    return date(year, month + 1, min(day.day, _month_end(year, month + 1)))


def _shifted(value: DateValue, count: int, unit: DateUnit) -> tuple[date, date, Precision] | None:
    """`value` moved by an offset, at the coarser of its precision and the offset's unit.

    "2022-09 + 1个月" is 2022-10; "two years after 2016-05-20" is 2018, not a day the
    source never stated; "yesterday" in an article dated only 2023-03 stays a month span.
    """
    low, high = _shift_day(value.low, count, unit), _shift_day(value.high, count, unit)
    if low is None or high is None:
        return None
    precision = _coarser(value.precision, _UNIT_PRECISION[unit])
    low, high = _widen(low, high, precision)
    return low, high, precision


def _reference(value: DateValue) -> date | None:
    """The middle of `value`, or its one closed end; None when both ends are open."""
    if value.low != OPEN_PAST and value.high != OPEN_FUTURE:
        return value.low + (value.high - value.low) / 2
    if value.low != OPEN_PAST:
        return value.low
    if value.high != OPEN_FUTURE:
        return value.high
    return None


def _in_article(phrase: str, published: DateValue) -> str:
    return f'"{phrase}" in an article of {published.label}'


def _after(phrase: str, previous: DateValue) -> str:
    return f'"{phrase}" after {previous.label}'


# -- resolution: a statement plus its context -> DateValue ---------------------------------


@dataclass(frozen=True, slots=True)
class _Base:
    """An interval resolved from context, before the month or day the text adds to it."""

    low: date
    high: date
    precision: Precision
    anchor: DateAnchor
    basis: str


def _relative(phrase: str, fields: _Fields, context: DateContext, previous: DateValue | None) -> _Base | None:
    """The interval a relative word names (去年, "last month", 次年, "last May"), if any."""
    published = context.published
    offsets: tuple[tuple[int | None, DateUnit], ...] = (
        (fields.rel_year, "year"),
        (fields.rel_month, "month"),
        (fields.rel_day, "day"),
    )
    for count, unit in offsets:
        if count is not None:
            if published is None or (unit == "month" and published.precision == "year"):
                return None
            shifted = _shifted(published, count, unit)
            return _Base(*shifted, "published", _in_article(phrase, published)) if shifted else None
    if fields.prev_rel is not None:
        count, unit = fields.prev_rel
        if previous is None:
            return None
        shifted = _shifted(previous, count, unit)
        return _Base(*shifted, "previous", _after(phrase, previous)) if shifted else None
    reference = _reference(published) if published is not None else None
    if published is None or reference is None:
        return None
    if fields.part is not None and fields.month is None:
        low, high, _ = _unit(reference.year, None, None)  # 年初 alone: early in the year of publication
        return _Base(low, high, "year", "published", _in_article(phrase, published))
    if fields.month_shift is not None and fields.month is not None:
        if fields.month_shift and published.precision == "year":
            return None
        year = reference.year
        if fields.month_shift < 0 and fields.month >= reference.month:
            year -= 1
        elif fields.month_shift > 0 and fields.month <= reference.month:
            year += 1
        if not 1 <= year <= 9999:
            return None
        low, high, _ = _unit(year, None, None)
        return _Base(low, high, "year", "published", _in_article(phrase, published))
    return None


def _inferred(
    phrase: str, fields: _Fields, context: DateContext, previous: DateValue | None, future: bool
) -> _Base | None:
    """The year (and month) of "12月11日" or "11日", taken from the publication date.

    A news article's undated month is most often earlier in its own year ("5月消息称" in
    July), so the publication year wins unless it would put the date after publication;
    then the nearest of publication, the previous date and, unless the clause speaks of the
    future, the year before publication does ("2022年9月……12月11日"; "up from $220 billion in
    December" written in April is last December, "in May" written in April this May).
    """
    candidates: list[tuple[bool, int, _Base]] = []
    for anchor, value in (("published", context.published), ("previous", previous)):
        reference = _reference(value) if value is not None else None
        if value is None or reference is None:
            continue
        if fields.month is None and value.precision == "year":
            continue  # a day alone needs a known month
        month = fields.month or reference.month
        day = fields.day or 15
        if day > _month_end(reference.year, month):
            continue
        candidate = date(reference.year, month, day)
        settled = anchor == "published" and date(reference.year, month, fields.day or 1) <= value.high
        if fields.month is None:
            low, high, precision = _unit(reference.year, month, None)
        else:
            low, high, precision = _unit(reference.year, None, None)
        basis = _in_article(phrase, value) if anchor == "published" else _after(phrase, value)
        base = _Base(low, high, precision, "published" if anchor == "published" else "previous", basis)
        candidates.append((not settled, abs((candidate - reference).days), base))
    if candidates and not future and fields.month is not None and context.published is not None:
        candidates += _last_year(phrase, fields, context.published)
    return min(candidates, key=lambda item: item[:2])[2] if candidates else None


def _last_year(phrase: str, fields: _Fields, published: DateValue) -> list[tuple[bool, int, _Base]]:
    """The month in the year before publication, as a candidate of `_inferred`, when in the
    publication year it would fall after publication."""
    reference = _reference(published)
    month = fields.month
    if reference is None or month is None or date(reference.year, month, fields.day or 1) <= published.high:
        return []
    year = reference.year - 1
    if (fields.day or 15) > _month_end(year, month):
        return []
    low, high, precision = _unit(year, None, None)
    distance = abs((date(year, month, fields.day or 15) - reference).days)
    return [(True, distance, _Base(low, high, precision, "published", _in_article(phrase, published)))]


def _calendar(
    phrase: str, fields: _Fields, context: DateContext, previous: DateValue | None, future: bool
) -> DateValue | None:
    """A date stated by year, month and day, any of which may come from a relative word or context."""
    if fields.year is not None:
        low, high, _ = _unit(fields.year, None, None)
        base: _Base | None = _Base(low, high, "year", "absolute", "")
    else:
        base = _relative(phrase, fields, context, previous)
        if base is None and fields.month_shift is None and (fields.month or fields.day) is not None:
            base = _inferred(phrase, fields, context, previous, future)
    if base is None:
        return None
    month, day = fields.month, fields.day
    if month is None and day is None and fields.part is None and fields.month_part is None:
        return DateValue(
            base.low, base.high, base.precision, _label(base.low, base.high, base.precision), base.basis, base.anchor
        )
    if _format(base.low, base.precision) != _format(base.high, base.precision):
        return None  # a span cannot take a month or a day ("昨天5月")
    year = base.low.year
    if base.precision == "month":
        if month is not None or (day is None and fields.month_part is None):
            return None
        month = base.low.month
    elif base.precision == "day":
        return None
    if month is None:
        if day is not None:
            return None
        first, last = fields.part or (1, 12)
        low, high = date(year, first, 1), date(year, last, _month_end(year, last))
        precision: Precision = "month" if fields.part else "year"
    elif day is None and fields.month_part is not None:
        first, last = fields.month_part
        end = _month_end(year, month)
        low, high, precision = date(year, month, min(first, end)), date(year, month, min(last, end)), "day"
    else:
        if day is not None and day > _month_end(year, month):
            return None
        low, high, precision = _unit(year, month, day)
    return DateValue(low, high, precision, _label(low, high, precision), base.basis, base.anchor)


def _offset(phrase: str, fields: _Fields, context: DateContext, previous: DateValue | None) -> DateValue | None:
    """ "1个月后" / "a month earlier" from the previous date, "three years ago" from publication."""
    if fields.offset is None:
        return None
    count, unit, direction = fields.offset
    anchor_value = context.published if direction == "ago" else previous
    if anchor_value is None:
        return None
    shifted = _shifted(anchor_value, count if direction == "later" else -count, unit)
    if shifted is None:
        return None
    low, high, precision = shifted
    if direction == "ago":
        return DateValue(
            low, high, precision, _label(low, high, precision), _in_article(phrase, anchor_value), "published"
        )
    return DateValue(low, high, precision, _label(low, high, precision), _after(phrase, anchor_value), "previous")


def _present(phrase: str, fields: _Fields, published: DateValue) -> DateValue | None:
    """ "Now" is the publication month; "recently" a window of days before publication."""
    basis = _in_article(phrase, published)
    if fields.now:
        precision = _coarser(published.precision, "month")
        low, high = _widen(published.low, published.high, precision)
        return DateValue(low, high, precision, _label(low, high, precision), basis, "now")
    start = _shift_day(published.low, -(fields.recent or 0), "day")
    if start is None:
        return None
    return DateValue(start, published.high, "day", _label(start, published.high, "day"), basis, "published")


def _subsequent(phrase: str, published: DateValue | None, previous: DateValue) -> DateValue:
    """ "Subsequently": on or after the previous date, and (being reported) by publication."""
    high = OPEN_FUTURE
    if published is not None and previous.low <= published.high and published.high != OPEN_FUTURE:
        high = published.high
    label = _label(previous.low, high, previous.precision, open_high=True)
    return DateValue(previous.low, high, previous.precision, label, _after(phrase, previous), "previous")


def _weekday(phrase: str, fields: _Fields, published: DateValue | None, future: bool) -> DateValue | None:
    """ "On Tuesday": the nearest Tuesday on or before a publication day (on or after it in a
    sentence about the future); 上周二: Tuesday of the week before the publication's."""
    if published is None or published.precision != "day" or fields.weekday is None:
        return None
    day = published.low
    if fields.week_shift is not None:
        shift = 7 * fields.week_shift + fields.weekday - day.weekday()
    elif future:
        shift = (fields.weekday - day.weekday()) % 7
    else:
        shift = -((day.weekday() - fields.weekday) % 7)
    moved = _shift_day(day, shift, "day")
    if moved is None:
        return None
    return DateValue(moved, moved, "day", _label(moved, moved, "day"), _in_article(phrase, published), "published")


def _resolve(
    phrase: str, fields: _Fields, context: DateContext, previous: DateValue | None, future: bool
) -> DateValue | None:
    """What the statement in `phrase` means in `context`; None when it cannot be pinned down."""
    published = context.published
    if fields.weekday is not None:
        return _weekday(phrase, fields, published, future)
    if fields.offset is not None:
        return _offset(phrase, fields, context, previous)
    if fields.recent is not None or fields.now:
        if published is None or published.low == OPEN_PAST or published.high == OPEN_FUTURE:
            return None
        return _present(phrase, fields, published)
    if fields.subsequently:
        if previous is None or previous.low == OPEN_PAST:
            return None
        return _subsequent(phrase, published, previous)
    if fields.decade is not None:
        low, high = date(fields.decade, 1, 1), date(fields.decade + 9, 12, 31)
        return DateValue(low, high, "year", _label(low, high, "year"))
    value = _calendar(phrase, fields, context, previous, future)
    if value is None or not fields.reported or value.anchor != "published" or future:
        return value
    if published is None or value.low <= published.high:
        return value
    return _a_year_before(value)


def _a_year_before(value: DateValue) -> DateValue | None:
    """`value` in the year before, at its own precision (a quarter not yet begun is last year's)."""
    low, high = _shift_day(value.low, -1, "year"), _shift_day(value.high, -1, "year")
    if low is None or high is None:
        return None
    return DateValue(low, high, value.precision, _label(low, high, value.precision), value.basis, value.anchor)


def _bounded(value: DateValue, bound: DateBound, vague: bool) -> DateValue | None:
    """`value` opened on one side by a phrase such as "by", "since" or 以来. A `vague` value
    (the end of 2025, 年底) is some point inside its interval, not the whole of it: before it
    is up to its last day, after it from its first."""
    low: date | None = OPEN_PAST
    high: date | None = OPEN_FUTURE
    if bound.bound == "at_most" or (vague and bound.bound == "below"):
        high = value.high
    elif bound.bound == "below":
        high = _shift_day(value.low, -1, "day") if value.low != OPEN_PAST else None
    elif bound.bound == "at_least" or vague:
        low = value.low
    else:
        low = _shift_day(value.high, 1, "day") if value.high != OPEN_FUTURE else None
    if low is None or high is None or (low, high) == (OPEN_PAST, OPEN_FUTURE):
        return None
    return DateValue(low, high, value.precision, _label(low, high, value.precision), value.basis, value.anchor)


def _bound_at(
    text: str, start: int, end: int, limit_before: int, limit_after: int, grammar: _Grammar
) -> tuple[int, int, DateBound] | None:
    """The bound phrase around text[start:end], if any, and the span it extends the date to."""
    before = [
        (match.start(), entry)
        for pattern, entry in grammar.prefix_bounds
        if (match := pattern.search(text, limit_before, start))
    ]
    after = [
        (match.end(), entry)
        for pattern, entry in grammar.suffix_bounds
        if (match := pattern.match(text, end, limit_after))
    ]
    first = min(before, key=lambda item: item[0]) if before else None
    last = max(after, key=lambda item: item[0]) if after else None
    if last is not None:
        if first is not None and first[1].bound == last[1].bound:
            return first[0], last[0], last[1]
        return start, last[0], last[1]
    if first is not None:
        return first[0], end, first[1]
    return None


def _beside_a_calendar_date(text: str, atoms: Sequence[_Atom]) -> list[_Atom]:
    """`atoms` without each day of the week written next to a month or day ("Thursday
    evening, March 28", "3月28日(周四)"): it names that date, not a day of its own."""

    def calendar_date(atom: _Atom) -> bool:
        return atom.fields.weekday is None and (atom.fields.month is not None or atom.fields.day is not None)

    kept: list[_Atom] = []
    for index, atom in enumerate(atoms):
        neighbours = (atoms[index - 1] if index else None, atoms[index + 1] if index + 1 < len(atoms) else None)
        if atom.fields.weekday is not None and any(
            other is not None
            and calendar_date(other)
            and _WEEKDAY_GAP.fullmatch(text, min(atom.end, other.end), max(atom.start, other.start))
            for other in neighbours
        ):
            continue
        kept.append(atom)
    return kept


# What may stand between a day of the week and the date it names: "Thursday, March 28", "28日(周四)".
_WEEKDAY_GAP = re.compile(r"[\s,()]*")


# Where a clause ends in folded text: "will" before it is not the tense of a day named after it
# ("Tencent will invest …, the company said on Thursday").
_CLAUSE_END = re.compile(r"[,;]")


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding text[position] starts."""
    return max((match.end() for match in _CLAUSE_END.finditer(text, 0, position)), default=0)


def find_dates(text: str, rules: LangRules, context: DateContext) -> list[Slot]:
    """Dates in `text` (already folded) as intervals, relative phrases resolved against `context`."""
    grammar = _grammar(rules)
    atoms = _atoms(text, grammar)
    if any(atom.fields.weekday is not None for atom in atoms):
        atoms = _beside_a_calendar_date(text, atoms)
    in_range = [False] * len(atoms)
    for index in range(len(atoms) - 1):
        if grammar.range_gap.match(text, atoms[index].end, atoms[index + 1].start):
            in_range[index] = in_range[index + 1] = True
    slots: list[Slot] = []
    previous = context.previous
    for index, atom in enumerate(atoms):
        fields = atom.fields
        future = (
            fields.weekday is not None or fields.reported or (fields.month is not None and fields.year is None)
        ) and bool(grammar.future.search(text, _clause_start(text, atom.start), atom.start))
        value = _resolve(text[atom.start : atom.end], fields, context, previous, future)
        if value is None:
            continue
        start, end = atom.start, atom.end
        if not in_range[index] and fields.recent is None:  # not "到最近", "从近日…获悉"
            limit_before = slots[-1].end if slots else 0
            limit_after = atoms[index + 1].start if index + 1 < len(atoms) else len(text)
            found = _bound_at(text, start, end, limit_before, limit_after, grammar)
            vague = fields.part is not None or fields.month_part is not None
            bounded = found and _bounded(value, found[2], vague)
            if found and bounded:
                start, end, value = found[0], found[1], bounded
        slots.append(Slot("date", text[start:end], start, end, value))
        if value.anchor != "now":
            previous = value
    return slots


__all__ = ["DateContext", "date_from_iso", "find_dates"]
