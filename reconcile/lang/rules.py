"""The shape of per-language knowledge.

A language module (`en.py`, `zh.py`) fills one `LangRules` with data only: word lists,
lexicons and regular-expression fragments. Stage code reads these fields and never asks
which language it is handling, so adding a language means adding a data module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Bound = Literal["below", "above", "around", "at_most", "at_least"]


@dataclass(frozen=True, slots=True)
class Approximator:
    """A hedge on a number: "nearly" (before it) or 余 (after it) and the interval it implies."""

    phrase: str
    position: Literal["before", "after"]
    bound: Bound


@dataclass(frozen=True, slots=True)
class TextRules:
    """How running text is cut into sentences and clauses, and how wrapped lines rejoin."""

    sentence_terminators: str
    closing_marks: str
    abbreviations: frozenset[str]
    clause_separators: str
    space_after_terminator: bool
    header_fields: Mapping[str, tuple[str, ...]]
    # A line that ends the article ("— 完 —", "-END-"; regular expressions matched against the
    # whole line, markup removed): what follows is the site's sign-off, not the story.
    end_markers: tuple[str, ...] = ()
    # How a clause ends that frames the clause after it, and so belongs to that one's claim
    # (与2002年保护初期相比，累计增长40余倍: the year is what the growth is measured from).
    framing_clause_end: str = "(?!)"


@dataclass(frozen=True, slots=True)
class NumberRules:
    """Numerals, magnitudes, hedges and units of measure.

    Phrases are matched case-insensitively; a phrase that starts or ends with a Latin
    letter must start or end at a word boundary. Regular-expression fields say so.
    """

    number_words: Mapping[str, float]
    # Number words that multiply what precedes them (两百 = 2 x 100, "two hundred").
    multipliers: frozenset[str]
    # Number words and bare magnitudes that count only beside a magnitude, unit, classifier,
    # prefix or a hedge after them: Chinese numerals sit inside ordinary words (统一, 一些,
    # 万一), English "one" is also a pronoun ("about one of my friends").
    context_words: frozenset[str]
    # Words for one that double as articles ("a", 一个): a quantity only with a
    # magnitude ("a million", 一万) or a percent prefix (百分之一).
    article_words: frozenset[str]
    # Regex joining the words of one numeral ("twenty-five", "two hundred"; solid in Chinese).
    word_joiner: str
    magnitudes: Mapping[str, float]
    # Magnitudes written straight after the digits ("2.4k", "2.4bn").
    abbreviations: Mapping[str, float]
    # Abbreviations that are magnitudes only after a currency sign ("$75m" but "100m" is metres).
    currency_abbreviations: Mapping[str, float]
    vague_magnitudes: Mapping[str, tuple[float, float]]
    approximators: tuple[Approximator, ...]
    # "above" hedges after a number whose upper bound is the next step of its last
    # significant digit: 100余 = (100, 200), 50多 = (50, 60).
    stepped_approximators: frozenset[str]
    range_separators: tuple[str, ...]
    # Separators valid only after an opening word: "between 30 and 40".
    range_pairs: tuple[tuple[str, str], ...]
    units: Mapping[str, str]
    # Measure words that may stand between a number and the noun it counts (50多项专利),
    # with the unit they imply when no noun follows ("" for a bare count).
    classifiers: Mapping[str, str]
    currency_prefixes: Mapping[str, str]
    percent_prefixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    # How far a unit may follow its number, in gap tokens, and what one gap token is (regex).
    unit_gap: int
    gap_token: str
    # Chinese puts a measure word between a number and a distant noun (50多项专利); without
    # one, a noun a few characters on belongs to something else (百事可乐和人民日报).
    gap_needs_classifier: bool
    # Regexes of spans that hold no amount: dates, clock times, house numbers, and words
    # whose characters would otherwise read as numerals or hedges (四周 "around", 节约 "save").
    non_quantities: tuple[str, ...]
    # A bare integer in this span, with no unit but years, is read as a calendar year.
    year_span: tuple[int, int]
    # Verbs that let a unit named before a number apply to it: "its parameters had reached
    # 10 trillion", "参数量达到10万亿" (regular expressions).
    unit_links: tuple[str, ...] = ()
    # Singular count nouns among `units` ("model", "day"), in a language whose nouns take a
    # plural after numbers other than one. Such a noun either modifies the next word, and is
    # still the unit ("a 10-day trip", "a 512 GPU cluster"), or ends its noun phrase, and is
    # then what the number describes, not what it counts: "a 10 trillion model" counts no
    # models. `noun_phrase_end` (regex) is what may follow a noun that ends its phrase.
    singular_nouns: frozenset[str] = frozenset()
    noun_phrase_end: str = "(?!)"
    # A bare whole number set off after a name is an age: "Lei Jun, 54, said" (regular
    # expressions for what ends just before the number and what starts just after it; case
    # is significant, as a name is capitalised).
    age_apposition: tuple[str, str] = ("(?!)", "(?!)")
    # Words naming the unit just before a number, as a currency sign does: "magnitude 7.4",
    # 里氏7.3级.
    unit_prefixes: Mapping[str, str] = field(default_factory=dict)
    # Words that make the number after them negative: "minus 16 degrees", 零下16摄氏度.
    negative_prefixes: tuple[str, ...] = ()
    # Units after which a stepped approximator still binds to the number: 1年多 is more than a
    # year and less than two, while in 10万亿参数多模态 the 多 begins the next word.
    stepped_after_units: frozenset[str] = frozenset()
    # Whether a unit written right before a number names what it counts, with no verb between:
    # Chinese 专利40余项, 员工500人 (English "patents 40" is no such phrase).
    unit_right_before: bool = False
    # What adds a half to the number before it (regular expressions): right after the number
    # ("two and a half hours", 两个半小时), or after its unit (一年半); both hold `half_word`.
    half_word: str = ""
    half_after_number: str = "(?!)"
    half_after_unit: str = "(?!)"
    # Words that are ordinals by themselves ("fifth term"), read as 第五 and "5th" are.
    ordinal_words: Mapping[str, float] = field(default_factory=dict)
    # Units that scale their number into the canonical unit, as a magnitude does: 四成 is 40 percent.
    unit_factors: Mapping[str, float] = field(default_factory=dict)
    # The nouns a measure word counts as units, a hedge or a half between them allowed: 两个多月,
    # 一个半月, 三个多星期, 一个多小时 (月 alone is no unit: 5月 is May; 个月 is one).
    measure_word: str = ""
    measured_units: Mapping[str, str] = field(default_factory=dict)
    # What ends right before a number word that refers back to a group ("the two leaders", 这两位):
    # with no unit after it, it states no amount (regular expression).
    definite_before: str = "(?!)"


DateUnit = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateBound:
    """A phrase that opens a date on one side: "by" 2021 (on or before), 2016年"以来" (on or after).

    `phrase` is a regular-expression fragment (so a guard such as "到 but not 达到" can be data);
    `position` says whether it stands before or after the date. "below"/"above" exclude the
    date itself ("before 2020" ends in 2019), "at_most"/"at_least" include it.
    """

    phrase: str
    position: Literal["before", "after"]
    bound: Literal["below", "above", "at_most", "at_least"]


@dataclass(frozen=True, slots=True)
class DateRules:
    """Date pattern templates plus the words they are built from, read by one generic interpreter.

    Each of `patterns` is a regular expression, matched case-insensitively (and as whole
    words when `word_boundaries`), in which a space stands for `gap` ("\\s*" in Chinese, where
    "2017 年" and "2017年" both occur) and a placeholder in braces stands for a word list below,
    as a named group: {year} {month} {day} (digits or `numerals`), {month_name}, {count}
    (digits, `numerals` or `count_words`), {unit}, {later}, {earlier}, {ago}, {rel_year},
    {rel_month}, {rel_day}, {month_shift}, {prev_rel}, {part}, {month_part}, {recent}, {now},
    {subsequently}, and {not_unit} (a guard: no unit of measure follows). A template may also
    name groups itself: `cue` (required context that is not part of the date, as "in" before
    a bare year), `decade`, `century`, or any of the above with a narrower alternation. What
    a match means is read from which groups took part, so a new shape of date is a new line
    of data.

    Offsets are signed counts: `relative_*` move from the publication date ("last year" -1),
    `previous_relative` from the previous date in the text (次年 +1 year), `month_shifts` pick
    the nearest such month before (-1), in (0) or after (+1) the publication year ("last May").
    `recent_phrases` give the window in days before publication ("日前" 14); `*_parts` give the
    first and last month of a year part ("early" 1-4) or day of a month part ("上旬" 1-10).

    A day of the week ({weekday}, Monday 0) is the nearest such day on or before publication
    ("said on Tuesday"), or on or after it when its clause holds one of `future_markers` before
    it ("will meet on Monday"; not "Tencent will invest, the company said on Thursday");
    `week_shifts` count whole weeks from the publication's week (上周二 -1, 下周一 +1).
    {day_part} is a time of day that may follow it ("Thursday evening").
    A day of the week written beside a calendar date names that date, not another day.
    """

    patterns: tuple[str, ...]
    gap: str
    word_boundaries: bool
    month_names: Mapping[str, int]
    numerals: Mapping[str, int]
    count_words: Mapping[str, int]
    relative_years: Mapping[str, int]
    relative_months: Mapping[str, int]
    relative_days: Mapping[str, int]
    month_shifts: Mapping[str, int]
    previous_relative: Mapping[str, tuple[int, DateUnit]]
    recent_phrases: Mapping[str, int]
    now_phrases: tuple[str, ...]
    after_previous_phrases: tuple[str, ...]
    offset_units: Mapping[str, DateUnit]
    offset_after: tuple[str, ...]
    offset_before: tuple[str, ...]
    offset_ago: tuple[str, ...]
    year_parts: Mapping[str, tuple[int, int]]
    month_parts: Mapping[str, tuple[int, int]]
    bounds: tuple[DateBound, ...]
    range_separators: tuple[str, ...]
    weekdays: Mapping[str, int]
    week_shifts: Mapping[str, int]
    day_parts: tuple[str, ...]
    future_markers: tuple[str, ...]  # regular expressions
    # Year parts that news reports once they are over (quarters): written without a year, one
    # that has not begun by publication is the previous year's ("grew 5.4% in the fourth
    # quarter" in January), unless its clause speaks of the future.
    reported_parts: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NameRules:
    """The words around names: what marks a person or an organisation, and what to strip.

    Without a NER model, a name is recognised by its shape (a surname, capitalised words)
    plus these cues. `titles` and `speech_verbs` are evidence that the word next to them is a
    person (负责人项亮, 王成指出); `org_suffixes` end an organisation on their own (Duke
    University, 南开大学) while `unit_suffixes` only make a unit of a known parent (字节AML团队);
    `org_designators` (Inc., 有限公司) are absorbed into the organisation before them;
    `possessives` join a parent to its unit (ByteDance's AI Lab); `place_suffixes` say the
    name before them is a place (黄山市); `list_separators` chain names in a list (杨红霞、唐杰);
    `boundary_chars` never occur inside a name, so a name found by its suffix starts after them
    (从|青海省农业农村厅). `name_stopwords` are words that are not names: sentence openers for
    Latin names, generic heads (科技公司, 一家公司) and words around suffixes (内部, 部署) for Han.
    Word lists too large for a module live in `reconcile/data/` (surnames, organisations).
    """

    honorifics: tuple[str, ...]
    person_pronouns: tuple[str, ...]  # regular expressions
    org_pronouns: tuple[str, ...]  # regular expressions
    org_suffixes: tuple[str, ...]
    name_stopwords: frozenset[str]
    titles: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    unit_suffixes: tuple[str, ...] = ()
    org_designators: tuple[str, ...] = ()
    possessives: tuple[str, ...] = ()
    place_suffixes: tuple[str, ...] = ()
    list_separators: tuple[str, ...] = ()
    boundary_chars: str = ""
    # Definite descriptions (regular expressions with a `head` group) that refer back to the latest
    # organisation whose name holds the head noun: "the ministry" to the Health Ministry, 该局 to
    # 国家统计局. Unlike a pronoun, one with no such organisation before it refers to nothing.
    org_descriptions: tuple[str, ...] = ()
    # A count at the start of what would be an organisation's name (regular expression): 三家科技公司
    # and 100家保险公司 are so many companies, no one company's name.
    org_count: str = "(?!)"
    # What stands between a person and a second one it introduces (regular expression, matched in
    # full): "Wang Haifeng's former deputy, Zhao Ming, joined" and 王海峰的前副手赵明加盟 are about
    # Zhao Ming, the first name only saying whose deputy he was.
    possessive_apposition: str = "(?!)"


@dataclass(frozen=True, slots=True)
class EventRules:
    """Predicate lexicon: event type -> phrases that express it."""

    predicates: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class LangRules:
    code: str
    name: str
    text: TextRules
    numbers: NumberRules
    dates: DateRules
    names: NameRules
    events: EventRules
