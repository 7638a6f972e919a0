"""Quantities in folded text, as intervals in canonical units.

One grammar serves every language; the language module supplies the words and fragments:

    [approximator] [range opener] [ordinal | percent | currency prefix]
    AMOUNT [approximator] [magnitude] [range separator AMOUNT [magnitude]]
    [approximator] [classifier] [approximator] [gap words] [unit] [approximator]

An AMOUNT is digits ("175,000", "1.5"), number words (十二, "twenty-five"), a vague
magnitude (数百, "tens of billions") or a bare magnitude (万亿, "trillion"). The stated
number becomes an interval so that two reports of one fact overlap and two different
facts do not: a hedge widens it as its `Approximator.bound` says, a decimal is known only
to its last digit ("1.5亿" is [1.45e8, 1.55e8) and so agrees with "150 million"), a vague
or bare magnitude is an order of magnitude. `value` is the number as stated (the midpoint
for a range, the floor for an order of magnitude). Spans that only look like amounts (dates,
clock times, house numbers, identifiers such as GPT-3 or 5G, calendar years) yield nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from reconcile.lang.rules import Approximator, LangRules, NumberRules
from reconcile.model import Quantity, Slot
from reconcile.normalize.prefilter import Alternation, Scanner, may_match

_FLAGS = re.IGNORECASE | re.ASCII

# Not language knowledge: these shapes read the same in every language. `re` tries each at
# every position of a sentence, so a quick look at the first character comes first.
_ANYWHERE = (
    r"(?=[hw])(?:https?://|www\.)\S+",  # URLs
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+",  # e-mail addresses
    r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}",  # 2024-07-28
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?",  # 12:39
    r"(?=[+(0-9])(?<![0-9])(?:\+[0-9]{1,3}[\s-]?)?(?:\([0-9]{2,4}\)\s*|[0-9]{2,4}[\s-])"
    r"[0-9]{3,4}[\s-][0-9]{4}(?![0-9])",  # phones
    r"(?=[0-9])(?<![0-9])[0-9]{11,}(?![0-9])",  # ISBNs, mobile numbers and other long identifiers
    r"(?=[0-9])(?<![0-9.])[0-9]{1,9}(?:\.[0-9]{1,9}){2,}",  # versions, IP addresses
    r"(?:^|(?<=\n))\s*\(?[0-9]{1,2}[.)、](?![0-9])",  # list markers: "1. ", "2) ", "3、"
)
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
# Digits glued to a letter, to another number or to a decimal point belong to a name
# (M6, GPT-3, COVID-19, A100) or to a number already read. The digit is looked at first:
# most positions fail there.
_DIGIT_START = r"(?=[0-9])(?<![a-z0-9.])(?<![0-9],)(?<![a-z][-_])(?<![0-9][-–—~])"
_JOIN = r"[\s-]*"
# A minus sign glued to a number, not ending a name or a number ("COVID-19", "3-5"). It is read
# as a sign only before a unit that goes below zero: "-5°C" is cold, while "-3%" mostly sits
# beside "fell", so that reading it as -3% would set it against the other side's "down 3%".
_MINUS_SIGNS = ("-", "\u2212")  # hyphen-minus and the minus sign
_MINUS_SIGN = rf"(?<![a-z0-9.])[{''.join(_MINUS_SIGNS)}](?=[0-9])"
_SIGNED_UNITS = frozenset({"celsius", "fahrenheit"})
_ANY_DIGIT = re.compile("[0-9]")
_WORD_BREAK = re.compile(r"[\s-]+")
_MAX_DIGITS = 30  # longer runs are identifiers; the cap also bounds the Decimal arithmetic
_MAX_WORDS = 12  # a longer run of number words is a list ("one two three ..."), read no further
# A capitalised Latin word and one space before a number: the number is part of a name.
_CAPITALISED_BEFORE = re.compile(r"(?<![A-Za-z])(?:[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)[ ]$")  # Windows, iPhone
_NAME_REACH = 40
# ...unless a plural noun follows, which it counts: "Authentic 6 volumes", "Cellar 42 Degrees".
_PLURAL_AFTER = re.compile(r"(?-i:\s+[A-Za-z][a-z]{2,}(?<!s)s\b)")
_OPENING_MARKS = " \"'“‘([（「《"
_NEAR = Decimal("0.9")
_FAR = Decimal("1.1")
_AMOUNT_FORMS = ("digits", "words")


def _key(phrase: str) -> str:
    """Lookup key of a phrase as written or as matched: "Tens-of-millions" -> "tens of millions"."""
    return " ".join(word for word in _WORD_BREAK.split(phrase.lower()) if word) or phrase


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _phrases(phrases: Iterable[str]) -> str:
    """Alternation of `phrases`, longest first; a Latin-letter end must sit at a word boundary.

    Of many phrases, the first characters are looked at first: `re` tries every alternative
    in turn, and at most positions no phrase can start.
    """
    keys = sorted({_key(phrase) for phrase in phrases}, key=len, reverse=True)
    parts = []
    for phrase in keys:
        body = r"[\s-]+".join(re.escape(word) for word in phrase.split())
        if phrase[0].isascii() and phrase[0].isalpha():
            body = r"(?<![a-z])" + body
        if _latin(phrase[-1]):
            body += r"(?![a-z0-9])"
        parts.append(body)
    if not parts:
        return "(?!)"
    alternation = "(?:" + "|".join(parts) + ")"
    if len(parts) == 1:
        return alternation
    firsts = "".join(sorted({phrase[0] for phrase in keys}))
    return f"(?=[{re.escape(firsts)}]){alternation}"


@dataclass(frozen=True, slots=True)
class _Gate:
    """Strings one of which every text holding a quantity holds, in lower case.

    Every quantity holds a digit, a number word other than an article, or a vague or bare
    magnitude; an article ("a", 一) counts only beside a magnitude, a multiplier or a half
    (一个半小时), after a prefix, or hedged or halved beside its unit ("over a year", 一年半),
    which `_article_amount` looks for apart. Each phrase needs only one of its words, and a
    string that holds another is never looked for. Blanking look-alikes only replaces
    characters, so what the masked text holds, the text holds too.
    """

    chars: re.Pattern[str]  # the strings of one character, as one character class
    strings: tuple[str, ...]  # the others: looked for one by one, sooner than by one alternation

    @classmethod
    def of(cls, numbers: NumberRules, articles: frozenset[str]) -> _Gate:
        phrases = [
            *(word for word in map(_key, numbers.number_words) if word not in articles),
            *numbers.vague_magnitudes,
            *numbers.magnitudes,
            *numbers.ordinal_prefixes,
            *numbers.ordinal_words,
            *numbers.percent_prefixes,
            *numbers.currency_prefixes,
            *numbers.unit_prefixes,
            *([numbers.half_word] if numbers.half_word else []),
        ]
        needed = {max(_key(phrase).split(), key=len) for phrase in phrases} | set("0123456789")
        kept = sorted(string for string in needed if not any(other != string and other in string for other in needed))
        chars = "".join(string for string in kept if len(string) == 1)
        return cls(re.compile(f"[{re.escape(chars)}]"), tuple(string for string in kept if len(string) > 1))

    def may_hold(self, text: str) -> bool:
        """Whether `text` may hold a quantity (False: it certainly holds none)."""
        lowered = text.lower()
        return self.chars.search(lowered) is not None or any(string in lowered for string in self.strings)


@dataclass(frozen=True, slots=True)
class _Grammar:
    """One language's number grammar, compiled once: anchored patterns and lower-cased lookups."""

    numbers: NumberRules
    gate: _Gate
    excluded: re.Pattern[str]
    trigger: Alternation  # where a quantity may start, one phrase (or the digits) each; only where counts
    articles_from: int  # the triggers from here on are articles ("a", 一)
    article_partner: re.Pattern[str]  # what makes an article a number: a magnitude, multiplier or half
    article_unit: re.Pattern[str]  # an article and a unit ("a year", 一年): looked for first, as it is quick
    article_amount: re.Pattern[str]  # an article hedged or halved before or after its unit ("over a year", 一年半)
    measured: re.Pattern[str]  # a noun that is a unit only after its measure word (两个多月: 月)
    measured_after_article: re.Pattern[str]  # the measure word, its hedge and such a noun (一个多月, 一个多小时)
    before: re.Pattern[str]
    opener: re.Pattern[str]
    prefix: re.Pattern[str]
    negative: re.Pattern[str]
    digits: re.Pattern[str]
    numeral: re.Pattern[str]
    word: re.Pattern[str]
    vague: re.Pattern[str]
    magnitude: re.Pattern[str]
    abbreviation: re.Pattern[str]
    currency_abbreviation: re.Pattern[str]
    ordinal_suffix: re.Pattern[str]
    ordinal_word: re.Pattern[str]
    separator: re.Pattern[str]
    pair_separator: re.Pattern[str]
    after: re.Pattern[str]
    classifier: re.Pattern[str]
    unit: re.Pattern[str]
    unit_link: re.Pattern[str]  # the verb `unit_before` ends with
    unit_before: re.Pattern[str]
    gap_unit: re.Pattern[str]
    noun_phrase_end: re.Pattern[str]
    age_before: re.Pattern[str]
    definite_before: re.Pattern[str]
    age_after: re.Pattern[str]
    half_after_number: re.Pattern[str]
    half_after_unit: re.Pattern[str]
    words: Mapping[str, Decimal]
    ordinals: Mapping[str, Decimal]
    unit_factors: Mapping[str, Decimal]
    measured_units: Mapping[str, str]
    magnitudes: Mapping[str, Decimal]
    vagues: Mapping[str, tuple[Decimal, Decimal]]
    approximators: Mapping[str, Approximator]
    units: Mapping[str, str]
    longest_unit: int
    classifiers: Mapping[str, str]
    currencies: Mapping[str, str]
    unit_prefixes: Mapping[str, str]
    multipliers: frozenset[str]
    context_words: frozenset[str]
    article_words: frozenset[str]
    stepped: frozenset[str]
    singular_nouns: frozenset[str]


def _compile(numbers: NumberRules) -> _Grammar:
    before = [a.phrase for a in numbers.approximators if a.position == "before"]
    after = [a.phrase for a in numbers.approximators if a.position == "after"]
    words = _phrases(numbers.number_words)
    # In solid scripts a numeral glued to a numeral character continues it: 〇二二 in 二〇二二.
    glued = "".join(sorted({w for w in (*numbers.number_words, *numbers.magnitudes) if len(w) == 1 and not _latin(w)}))
    unglued = rf"(?<![{re.escape(glued)}])" if glued else ""
    magnitudes = {**numbers.magnitudes, **numbers.abbreviations, **numbers.currency_abbreviations}
    number_start = rf"{_DIGIT_START}|{words}"
    links = "|".join(numbers.unit_links) or "(?!)"
    gap = rf"(?:(?!{number_start}){numbers.gap_token})"
    prefixes = (
        rf"(?:(?P<ordinal>{_phrases(numbers.ordinal_prefixes)})"
        rf"|(?P<percent>{_phrases(numbers.percent_prefixes)})"
        rf"|(?P<currency>{_phrases(numbers.currency_prefixes)})"
        rf"|(?P<unit>{_phrases(numbers.unit_prefixes)}))\s*"
    )
    stepped = _phrases(numbers.stepped_approximators)
    # 个 then 月: one lookbehind per fixed stretch before the noun (个, 个多, 个余, 个半); and the
    # stretch an article may head (一个多月)
    measured, measured_after_article = "(?!)", "(?!)"
    if numbers.measure_word and numbers.measured_units:
        measure, nouns = re.escape(numbers.measure_word), _phrases(numbers.measured_units)
        between = [*numbers.stepped_approximators, *([numbers.half_word] if numbers.half_word else [])]
        behind = "|".join(f"(?<={measure}{re.escape(word)})" for word in ["", *between])
        measured = rf"(?:{behind})(?P<phrase>{nouns})"
        measured_after_article = rf"{measure}(?:{stepped})(?:{nouns})"
    articles = frozenset(map(_key, numbers.article_words))
    # Articles come last, so that a text with nothing to make them numbers can leave them out.
    lone = [phrase for phrase in numbers.number_words if _key(phrase) in articles]
    triggers = [
        *(
            _phrases([phrase])
            for phrases in (
                before,
                [opener for opener, _ in numbers.range_pairs],
                numbers.ordinal_prefixes,
                numbers.percent_prefixes,
                numbers.currency_prefixes,
                numbers.unit_prefixes,
                numbers.negative_prefixes,
                numbers.vague_magnitudes,
            )
            for phrase in phrases
        ),
        *(
            unglued + _phrases([phrase])
            for phrase in (*numbers.number_words, *numbers.magnitudes, *numbers.ordinal_words)
            if phrase not in lone
        ),
        _DIGIT_START,
        _MINUS_SIGN,
        *(unglued + _phrases([phrase]) for phrase in lone),
    ]
    return _Grammar(
        numbers=numbers,
        gate=_Gate.of(numbers, articles),
        excluded=re.compile("|".join((*_ANYWHERE, *numbers.non_quantities)), _FLAGS),
        trigger=Alternation(triggers, _FLAGS),
        articles_from=len(triggers) - len(lone),
        article_partner=re.compile(
            f"{_phrases({*numbers.magnitudes, *numbers.multipliers})}|{numbers.half_after_number}", _FLAGS
        ),
        article_unit=re.compile(
            rf"(?:{_phrases(lone)}){_JOIN}(?:{_phrases(numbers.units)}|{measured_after_article})", _FLAGS
        ),
        article_amount=re.compile(
            rf"(?:{_phrases(before)})\s*(?:{_phrases(lone)}){_JOIN}(?:{_phrases(numbers.units)})"
            rf"|(?:{_phrases(lone)}){_JOIN}(?:{_phrases(numbers.units)})(?:{numbers.half_after_unit}|{_JOIN}(?:{stepped}))"
            rf"|(?:{_phrases(lone)}){measured_after_article}",
            _FLAGS,
        ),
        measured=re.compile(measured, _FLAGS),
        measured_after_article=re.compile(measured_after_article, _FLAGS),
        before=re.compile(rf"(?P<phrase>{_phrases(before)})\s*", _FLAGS),
        opener=re.compile(rf"{_phrases(opener for opener, _ in numbers.range_pairs)}\s*", _FLAGS),
        prefix=re.compile(prefixes, _FLAGS),
        negative=re.compile(rf"(?:{_phrases(numbers.negative_prefixes)})\s*|(?P<sign>{_MINUS_SIGN})", _FLAGS),
        digits=re.compile(_DIGITS, _FLAGS),
        numeral=re.compile(rf"{words}(?:{numbers.word_joiner}{words}){{0,{_MAX_WORDS}}}", _FLAGS),
        word=re.compile(words, _FLAGS),
        vague=re.compile(_phrases(numbers.vague_magnitudes), _FLAGS),
        magnitude=re.compile(rf"\s*(?P<phrase>{_phrases(numbers.magnitudes)})", _FLAGS),
        abbreviation=re.compile(_phrases(numbers.abbreviations), _FLAGS),
        currency_abbreviation=re.compile(_phrases(numbers.currency_abbreviations), _FLAGS),
        ordinal_suffix=re.compile(_phrases(numbers.ordinal_suffixes), _FLAGS),
        ordinal_word=re.compile(_phrases(numbers.ordinal_words), _FLAGS),
        separator=re.compile(rf"\s*{_phrases(numbers.range_separators)}\s*", _FLAGS),
        pair_separator=re.compile(rf"\s*{_phrases(second for _, second in numbers.range_pairs)}\s*", _FLAGS),
        after=re.compile(rf"{_JOIN}(?P<phrase>{_phrases(after)})", _FLAGS),
        classifier=re.compile(rf"\s*(?P<phrase>{_phrases(numbers.classifiers)})", _FLAGS),
        unit=re.compile(rf"{_JOIN}(?P<phrase>{_phrases(numbers.units)})", _FLAGS),
        unit_link=re.compile(rf"(?:{links})\s*$", _FLAGS),
        # Before its number, as across a gap, a unit of one character closes another word:
        # in 年产能为20万 the 年 is "annual", not years.
        unit_before=re.compile(
            rf"(?<![\w])(?P<phrase>{_phrases(unit for unit in numbers.units if len(unit) > 1)})"
            rf"\s*(?:{numbers.gap_token}){{0,2}}?(?:{links})\s*$",
            _FLAGS,
        ),
        # Across a gap only a unit of two or more characters: in 六个单元 and 互联网客户 the
        # 元 and 户 close other words.
        gap_unit=re.compile(
            rf"{_JOIN}(?:(?P<phrase>{_phrases(numbers.units)})"
            rf"|{gap}{{1,{numbers.unit_gap}}}?(?P<far>{_phrases(unit for unit in numbers.units if len(unit) > 1)}))",
            _FLAGS,
        ),
        noun_phrase_end=re.compile(numbers.noun_phrase_end, _FLAGS),
        age_before=re.compile(rf"(?:{numbers.age_apposition[0]})\Z"),
        definite_before=re.compile(numbers.definite_before, _FLAGS),
        age_after=re.compile(numbers.age_apposition[1]),
        half_after_number=re.compile(numbers.half_after_number, _FLAGS),
        half_after_unit=re.compile(numbers.half_after_unit, _FLAGS),
        words={_key(word): Decimal(value) for word, value in numbers.number_words.items()},
        ordinals={_key(word): Decimal(value) for word, value in numbers.ordinal_words.items()},
        unit_factors={_key(word): Decimal(value) for word, value in numbers.unit_factors.items()},
        measured_units={_key(word): unit for word, unit in numbers.measured_units.items()},
        magnitudes={_key(word): Decimal(value) for word, value in magnitudes.items()},
        vagues={_key(word): (Decimal(lo), Decimal(hi)) for word, (lo, hi) in numbers.vague_magnitudes.items()},
        approximators={_key(a.phrase): a for a in numbers.approximators},
        units={_key(phrase): unit for phrase, unit in numbers.units.items()},
        longest_unit=max(map(len, numbers.units), default=0),
        classifiers={_key(phrase): unit for phrase, unit in numbers.classifiers.items()},
        currencies={_key(phrase): unit for phrase, unit in numbers.currency_prefixes.items()},
        unit_prefixes={_key(phrase): unit for phrase, unit in numbers.unit_prefixes.items()},
        multipliers=frozenset(map(_key, numbers.multipliers)),
        context_words=frozenset(map(_key, numbers.context_words)),
        article_words=articles,
        stepped=frozenset(map(_key, numbers.stepped_approximators)),
        singular_nouns=frozenset(map(_key, numbers.singular_nouns)),
    )


# The one module-level cache: a compiled grammar per language code.
_GRAMMARS: dict[str, _Grammar] = {}


def _grammar(rules: LangRules) -> _Grammar:
    grammar = _GRAMMARS.get(rules.code)
    if grammar is None:
        grammar = _GRAMMARS[rules.code] = _compile(rules.numbers)
    return grammar


@dataclass(frozen=True, slots=True)
class _Amount:
    """A number as written, before magnitude and hedges.

    `low`/`high` differ only for paired numerals (两三 = 2 to 3) and vague magnitudes;
    `half` is half a unit of the last digit written, so "1.5" stands for [1.45, 1.55].
    """

    low: Decimal
    high: Decimal
    half: Decimal
    form: Literal["digits", "words", "vague", "bare"]
    end: int
    plain: bool = False
    ordinal: bool = False
    needs_context: bool = False
    article: bool = False


def _evaluate(values: list[Decimal], multiplies: list[bool]) -> tuple[Decimal, Decimal] | None:
    """The value of a run of number words, or (low, high) for a pair such as 两三 / 七八十.

    Multipliers scale what precedes them (两百 = 2 x 100); two additive words combine only
    as tens + units ("twenty-five"); a run of three or more bare digits is positional
    (二〇二二 = 2022); two rising bare digits are a pair (三五个 = 3 to 5).
    """
    if len(values) == 1:
        return values[0], values[0]
    if len(values) >= 3 and not any(multiplies) and all(value < 10 for value in values):
        return (Decimal("".join(str(value) for value in values)),) * 2
    previous: Decimal | None = None
    for index, (value, multiplier) in enumerate(zip(values, multiplies, strict=True)):
        if multiplier or value == 0:
            previous = None
            continue
        if previous is not None and not (previous >= 20 and previous % 10 ** len(str(value)) == 0):
            if not previous < value < 10:
                return None
            low = _evaluate(values[:index] + values[index + 1 :], multiplies[:index] + multiplies[index + 1 :])
            high = _evaluate(values[: index - 1] + values[index:], multiplies[: index - 1] + multiplies[index:])
            return (low[0], high[1]) if low and high else None
        previous = value
    total = current = Decimal(0)
    for value, multiplier in zip(values, multiplies, strict=True):
        if multiplier:
            total += max(current, Decimal(1)) * value
            current = Decimal(0)
        else:
            current += value
    return (total + current,) * 2


def _amount(text: str, pos: int, g: _Grammar, currency: bool) -> _Amount | None:
    """The amount starting exactly at `pos`: vague, digits, number words or a bare magnitude."""
    if match := g.vague.match(text, pos):
        low, high = g.vagues[_key(match.group())]
        return _Amount(low, high, Decimal(0), "vague", match.end())
    if match := g.digits.match(text, pos):
        written = match.group().replace(",", "")
        if len(written) > _MAX_DIGITS:
            return None
        value = Decimal(written)
        decimals = len(written.partition(".")[2])
        half = Decimal(5).scaleb(-decimals - 1) if decimals else Decimal(0)
        end = match.end()
        if abbreviation := g.abbreviation.match(text, end) or (currency and g.currency_abbreviation.match(text, end)):
            scale = g.magnitudes[_key(abbreviation.group())]
            return _Amount(value * scale, value * scale, half * scale, "digits", abbreviation.end())
        if suffix := g.ordinal_suffix.match(text, end):
            return _Amount(value, value, half, "digits", suffix.end(), ordinal=True)
        return _Amount(value, value, half, "digits", end, plain=written.isdigit())
    if match := g.ordinal_word.match(text, pos):
        value = g.ordinals[_key(match.group())]
        return _Amount(value, value, Decimal(0), "words", match.end(), ordinal=True)
    if match := g.numeral.match(text, pos):
        tokens = [_key(token) for token in g.word.findall(match.group())]
        multiplies = [token in g.multipliers for token in tokens]
        # "a two-minute video" is an article and a number; 一千 is one number.
        if len(tokens) > _MAX_WORDS or any(
            token in g.article_words and not multiplier
            for token, multiplier in zip(tokens[:-1], multiplies[1:], strict=True)
        ):
            return None
        values = _evaluate([g.words[token] for token in tokens], multiplies)
        if values is None:
            return None
        return _Amount(
            *values,
            Decimal(0),
            "words",
            match.end(),
            plain=len(tokens) >= 3 and not any(multiplies),
            needs_context=all(token in g.context_words for token in tokens),
            article=tokens == [tokens[0]] and tokens[0] in g.article_words,
        )
    if match := g.magnitude.match(text, pos):
        phrase = _key(match.group("phrase"))
        scale = g.magnitudes[phrase]
        return _Amount(scale, scale, Decimal(0), "bare", match.end(), needs_context=phrase in g.context_words)
    return None


def _magnitude(text: str, pos: int, g: _Grammar) -> tuple[Decimal | None, int]:
    """Product of the magnitude words at `pos` ("hundred thousand", 万亿) and where they end.

    A unit that starts with a magnitude's characters wins when it is longer: 5千米 is 5 km.
    """
    scale: Decimal | None = None
    for _ in range(2):
        if not (match := g.magnitude.match(text, pos)):
            break
        if (unit := g.unit.match(text, pos)) and unit.end() > match.end():
            break
        scale = (scale or Decimal(1)) * g.magnitudes[_key(match.group("phrase"))]
        pos = match.end()
    return scale, pos


def _step(value: Decimal) -> Decimal:
    """One unit of the last significant digit: 100 -> 100, 50 -> 10, 1.5e4 -> 1e3."""
    exponent = value.normalize().as_tuple().exponent  # an int for every finite number
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


def _bounds(
    value: Decimal, half: Decimal, hedge: Approximator | None, stepped: bool
) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) for one stated number under its hedge."""
    if hedge is None:  # the reach of the last digit, open above: 7.3 and 7.4 do not meet at 7.35
        return float(value - half), float(value + half), False, half > 0
    if hedge.bound == "below":
        return float(value * _NEAR), float(value), False, True
    if hedge.bound == "above":
        return float(value), float(value + _step(value)) if stepped else math.inf, True, True
    if hedge.bound == "at_least":
        return float(value), math.inf, False, True
    if hedge.bound == "at_most":
        return -math.inf, float(value), True, False
    return float(value * _NEAR), float(value * _FAR), False, False


def _glued(text: str, amount: _Amount, end: int) -> bool:
    """Digits run straight into letters that nothing read (5G, 36Kr, 3D): part of a name."""
    return amount.form == "digits" and amount.end == end < len(text) and _latin(text[end])


@dataclass(slots=True)
class _Reading:
    """What `_parse` has read so far of one quantity."""

    pos: int
    hedge: Approximator | None = None
    unit: str = ""
    noun: str = ""  # the words the unit was read from
    fixed_unit: bool = False
    currency: bool = False
    context: bool = False

    def take_before(self, text: str, g: _Grammar) -> None:
        """A hedge before the number; it does not make a bare word a number ("about one of my friends")."""
        if match := g.before.match(text, self.pos):
            self.hedge, self.pos = g.approximators[_key(match.group("phrase"))], match.end()

    def take_prefix(self, text: str, g: _Grammar) -> None:
        """第 (ordinal), 百分之 (percent), a currency sign or a unit word ("magnitude"): each
        fixes the unit."""
        if match := g.prefix.match(text, self.pos):
            if match.group("ordinal"):
                self.unit = "ordinal"
            elif match.group("percent"):
                self.unit = "percent"
            elif match.group("unit"):
                self.unit = g.unit_prefixes[_key(match.group("unit"))]
            else:
                self.unit, self.currency = g.currencies[_key(match.group("currency"))], True
            self.fixed_unit = self.context = True
            self.pos = match.end()

    def take_after(self, text: str, g: _Grammar, stepped: bool = True) -> None:
        """A hedge after the number. A stepped one (余, 多) binds to the number, not to its noun:
        after a unit it is left alone, as in 10万亿参数多模态 where 多 begins the next word.
        """
        if self.hedge is None and (match := g.after.match(text, self.pos)):
            phrase = _key(match.group("phrase"))
            if stepped or phrase not in g.stepped:
                self.hedge, self.pos, self.context = g.approximators[phrase], match.end(), True

    def take_measured(self, text: str, g: _Grammar) -> bool:
        """A noun that is a unit after its measure word, and read as one: 两个多月, 一个半月."""
        if not (measured := g.measured.match(text, self.pos)):
            return False
        self.noun = _key(measured.group("phrase"))
        self.unit, self.pos, self.context = g.measured_units[self.noun], measured.end(), True
        return True

    def take_unit(self, text: str, g: _Grammar) -> None:
        """The unit: straight after the number, or after a classifier and a few gap words.

        A unit beats a classifier it starts with (个月 over 个); with a currency sign only
        the same currency may follow ("$5 million dollars", 人民币1.5亿元).
        """
        if not self.fixed_unit and self.take_measured(text, g):
            return
        unit = g.unit.match(text, self.pos)
        if self.fixed_unit:
            if self.currency and unit and g.units[_key(unit.group("phrase"))] == self.unit:
                self.pos = unit.end()
            return
        classifier = g.classifier.match(text, self.pos)
        if unit and (classifier is None or unit.end() >= classifier.end()):
            self.noun = _key(unit.group("phrase"))
            self.unit, self.pos, self.context = g.units[self.noun], unit.end(), True
            return
        if classifier:
            self.unit, self.pos = g.classifiers[_key(classifier.group("phrase"))], classifier.end()
            self.context = True
            self.take_after(text, g)
            if self.take_measured(text, g):
                return
        elif g.numbers.gap_needs_classifier:
            return
        if unit := g.gap_unit.match(text, self.pos):
            self.noun = _key(unit.group("phrase") or unit.group("far"))
            self.unit, self.pos, self.context = g.units[self.noun], unit.end(), True


def _scaled(amount: _Amount, scale: Decimal | None) -> Decimal:
    return amount.low * (scale or 1)


_End = tuple[_Amount, Decimal | None]  # a number of a range and its magnitude


def _rising(first: _End, last: _End, signed: bool) -> tuple[_End, _End] | None:
    """The ends of a range, the smaller number first. Falling ends are a score or a span of years
    (13-7, 1986-88), unless both are signed: -10 to -5 is 5 to 10, negated."""
    if _scaled(*last) >= _scaled(*first):
        return first, last
    return (last, first) if signed else None


def _far_end(
    text: str, pos: int, g: _Grammar, first: _Amount, read: _Reading, opened: bool, signed: bool
) -> tuple[_Amount, Decimal | None, int] | None:
    """The second number of a range ("-4000万", "to 40 million", "and 40"), its magnitude and end.

    After a signed first number the second is signed too ("-5 to -10°C")."""
    separator = g.separator.match(text, pos) or (opened and g.pair_separator.match(text, pos))
    if not separator:
        return None
    pos = separator.end()
    if signed:
        if not text.startswith(_MINUS_SIGNS, pos):
            return None
        pos += 1
    if read.currency and (match := g.prefix.match(text, pos)) and match.group("currency"):
        pos = match.end()
    second = _amount(text, pos, g, read.currency)
    if second is None or second.form != first.form or second.ordinal:
        return None
    scale, pos = _magnitude(text, second.end, g)
    return second, scale, pos


def _ordinal(text: str, first: _Amount, g: _Grammar) -> tuple[int, Quantity] | None:
    """第44届 / "44th": a rank, whatever noun follows."""
    if first.form not in _AMOUNT_FORMS:
        return None
    end = match.end() if (match := g.classifier.match(text, first.end)) else first.end
    if _glued(text, first, end):
        return None
    return end, Quantity(float(first.low), float(first.low), float(first.high), "ordinal")


_COMPOUND_DIGITS = re.compile(r"\d+(?![\d.,])")


def _compound(text: str, pos: int, first: _Amount, scale: Decimal, g: _Grammar) -> tuple[_Amount, int]:
    """2万4801 is one number (24801): digits glued after a magnitude add to it when they fill
    its places.

    A smaller magnitude may follow them (1亿2000万 = 120,000,000).
    """
    match = _COMPOUND_DIGITS.match(text, pos)
    if match is None or first.form != "digits":
        return first, pos
    rest = Decimal(match.group())
    rest_scale, end = _magnitude(text, match.end(), g)
    rest *= rest_scale or Decimal(1)
    places = len(str(int(scale))) - 1  # 万 -> 4: 2万4801, never 3万5 (colloquial for 3.5万)
    if rest >= scale or (rest_scale is not None and rest_scale >= scale):
        return first, pos
    if rest_scale is None and len(match.group()) != places:
        return first, pos
    added = rest / scale
    return replace(first, low=first.low + added, high=first.high + added, half=Decimal(0), end=end), end


def _parse(text: str, start: int, g: _Grammar) -> tuple[int, Quantity] | None:
    """The quantity that starts at `start`, and where it ends; None if there is none."""
    read = _Reading(start)
    read.take_before(text, g)
    opened = bool(match := g.opener.match(text, read.pos))
    if match:
        read.pos = match.end()
    if negative := g.negative.match(text, read.pos):
        read.pos = negative.end()
    signed = negative is not None and negative.group("sign") is not None
    read.take_prefix(text, g)
    first = _amount(text, read.pos, g, read.currency)
    if first is None:
        return None
    read.pos = first.end
    if first.ordinal or read.unit == "ordinal":
        return _ordinal(text, first, g)
    if half := g.half_after_number.match(text, read.pos):
        first = _plus_a_half(first, half.end())  # before the magnitude: "two and a half billion"
        read.pos = first.end
    read.take_after(text, g)
    scale, read.pos = _magnitude(text, read.pos, g)
    if scale is not None:
        first, read.pos = _compound(text, read.pos, first, scale, g)
    last, last_scale = first, scale
    if first.form in _AMOUNT_FORMS and (far := _far_end(text, read.pos, g, first, read, opened, signed)):
        last, last_scale, read.pos = far
        scale = scale or last_scale  # 3000-4000万: the magnitude serves both ends
        if (ends := _rising((first, scale), (last, last_scale), signed)) is None:
            return None
        (first, scale), (last, last_scale) = ends
    article_unit = first.article and (  # "a year", 一个多月; not "a quarter of homes"
        g.unit.match(text, read.pos) or g.measured_after_article.match(text, read.pos)
    )
    if first.article and not (scale or read.fixed_unit or article_unit):
        return None  # "a" or 一 alone, the commonest start of all: no need to read on
    read.take_after(text, g)
    unread = replace(read)
    read.take_unit(text, g)
    if _describes_its_noun(text, read, first, last, scale, g):
        read = unread  # "a 10 trillion model": the number counts no models
    if last is first and read.unit and (far := _far_end(text, read.pos, g, first, read, opened, signed)):
        second, second_scale, pos = far  # 5岁至11岁: the unit written at both ends
        unit = g.unit.match(text, pos)
        if (
            unit
            and g.units[_key(unit.group("phrase"))] == read.unit
            and _scaled(second, second_scale) != _scaled(first, scale)
            and (ends := _rising((first, scale), (second, second_scale), signed))
        ):
            (first, scale), (last, last_scale) = ends
            read.pos = unit.end()
    if last is first and read.unit and scale is None and (half := g.half_after_unit.match(text, read.pos)):
        first = last = _plus_a_half(first, half.end())  # 一年半
        read.pos = half.end()
    read.take_after(text, g, stepped=read.unit in g.numbers.stepped_after_units)
    if first.article and not (scale or read.fixed_unit or (read.hedge and article_unit)):
        return None  # "a year" is no amount to compare; "more than a year", 一年多 and 一年半 are
    if _glued(text, first, read.pos) or _glued(text, last, read.pos):
        return None
    if first.needs_context and not (read.context or scale):
        return None
    first_year, last_year = g.numbers.year_span
    if (
        read.unit in ("", "years", "ordinal")
        and not (read.hedge or scale or read.currency)
        and first.plain
        and last.plain
        and first_year <= first.low <= last_year
    ):
        return None  # 2016, 2016年, 2022届, 2021-2022赛季: calendar years, left to the date normaliser
    if (
        first is last
        and first.form == "digits"
        and not (read.unit or read.hedge or scale or read.currency)
        and _follows_a_name(text, start)
        and not _PLURAL_AFTER.match(text, read.pos)
    ):
        return None  # ERNIE 3.0, Windows 11, Article 5: a name's number, not an amount
    if (
        first is last
        and first.form == "words"
        and text[start].isupper()
        and not (read.unit or read.hedge or scale or read.currency)
        and _follows_a_name(text, start)
        and not _CAPITALISED_AFTER.match(text, first.end)
        and not _title_case(text)
    ):
        return None  # Rainbow Six, "Colston Four": a name ends in a capitalised number word (not Six Piece Set)
    if (
        first is last
        and first.form == "words"
        and not (read.noun or read.hedge or scale or read.currency)
        and g.definite_before.search(text, max(0, start - _DEFINITE_REACH), start)
    ):
        return None  # "the two leaders", 这两位 (a measure word is no noun): a group named before, no amount
    if signed and read.unit not in _SIGNED_UNITS:
        return None  # read again from the digit, unsigned
    if factor := g.unit_factors.get(read.noun):  # 两成 is 2 tenths: 20%, known to the tenth (15-25%)
        if first is last:
            first = last = replace(first, half=first.half or _HALF)
        scale, last_scale = (scale or 1) * factor, (last_scale or scale or 1) * factor
    quantity = _quantity((first, scale), (last, last_scale or scale), read, g)
    return read.pos, _negated(quantity) if negative else quantity


def _negated(quantity: Quantity) -> Quantity:
    """The same interval below zero: "minus 16 degrees" is -16, and "nearly minus 16" is open
    at -16 as "nearly 16" is open at 16."""
    stated = (-quantity.stated_range[1], -quantity.stated_range[0]) if quantity.stated_range else None
    return replace(
        quantity,
        value=-quantity.value,
        low=-quantity.high,
        high=-quantity.low,
        low_open=quantity.high_open,
        high_open=quantity.low_open,
        stated_range=stated,
    )


_CAPITALISED_AFTER = re.compile(r"[\s-]+[A-Z]")
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
_TITLE_CASE_SHARE = 0.7


def _title_case(text: str) -> bool:
    """Whether `text` capitalises most of its words, as headlines do ("Blast Kills Six in Kabul"),
    so that a capital says nothing of a name."""
    words = _LATIN_WORD.findall(text)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _plus_a_half(amount: _Amount, end: int) -> _Amount:
    """`amount` and a half more, read up to `end`."""
    return replace(amount, low=amount.low + _HALF, high=amount.high + _HALF, end=end, article=False)


_HALF = Decimal("0.5")
_DEFINITE_REACH = 8  # characters before a number word that `definite_before` looks at


def _follows_a_name(text: str, start: int) -> bool:
    """Whether a capitalised Latin word, not the first of the text, stands right before `start`."""
    word = _CAPITALISED_BEFORE.search(text, max(0, start - _NAME_REACH), start)
    return word is not None and bool(text[: word.start()].strip(_OPENING_MARKS))


def _describes_its_noun(
    text: str, read: _Reading, first: _Amount, last: _Amount, scale: Decimal | None, g: _Grammar
) -> bool:
    """A singular noun after a number other than one that ends its noun phrase ("a 10 trillion
    model within 10 days") is what the number describes; one that goes on ("a 10-day trip") is
    still the unit it counts."""
    one = last is first and scale is None and first.low == 1
    return read.noun in g.singular_nouns and not one and bool(g.noun_phrase_end.match(text, read.pos))


# The reach of a whole number written with a magnitude word: half a unit of it, but at most a
# twentieth of the number, so that "1 million" does not stretch to 1.4 million.
_MAGNITUDE_REACH = Decimal("0.5")
_MAGNITUDE_SHARE = Decimal("0.05")


def _whole_reach(amount: _Amount, scale: Decimal | None) -> Decimal:
    """How far a number written as digits times a magnitude word ("126 trillion", 1000亿) may
    lie from what it says, in units of that magnitude; a decimal keeps the reach of its last
    digit, and 2万4801 (written to the unit) has none."""
    whole = amount.form == "digits" and scale is not None and not amount.half
    if not whole or amount.low != amount.low.to_integral_value():
        return amount.half
    return min(_MAGNITUDE_REACH, _MAGNITUDE_SHARE * amount.low)


def _quantity(
    first: tuple[_Amount, Decimal | None], last: tuple[_Amount, Decimal | None], read: _Reading, g: _Grammar
) -> Quantity:
    """The interval the text states: hedged, ranged, or an order of magnitude."""
    (start, start_scale), (end, end_scale) = first, last
    low_scale, high_scale = start_scale or Decimal(1), end_scale or Decimal(1)
    if start.form == "vague":
        floor, ceiling = start.low * low_scale, start.high * low_scale
        return Quantity(float(floor), float(floor), float(ceiling), read.unit, high_open=True)
    if start.form == "bare" and read.hedge is None:
        floor = start.low * low_scale  # 万亿规模, "trillion parameters": an order of magnitude
        return Quantity(float(floor), float(floor), float(floor * 10), read.unit, high_open=True)
    stepped = read.hedge is not None and _key(read.hedge.phrase) in g.stepped
    first_number, last_number = start.low * low_scale, end.high * high_scale
    stated = (float(first_number), float(last_number)) if first_number != last_number else None  # 3000-4000万, 两三
    # A whole number of millions, billions or 万 is known to its last digit too: "126 trillion"
    # is 125.5-126.5 trillion, so it meets 1260582亿 (the ends of a range stay as stated).
    start_half = _whole_reach(start, start_scale) if stated is None else start.half
    end_half = _whole_reach(end, end_scale) if stated is None else end.half
    low, _, low_open, _ = _bounds(start.low * low_scale, start_half * low_scale, read.hedge, stepped)
    _, high, _, high_open = _bounds(end.high * high_scale, end_half * high_scale, read.hedge, stepped)
    rounded = read.hedge is None and stated is None and low < high
    value = float((first_number + last_number) / 2)
    return Quantity(value, low, high, read.unit, low_open, high_open, stated, rounded)


# How far back (characters) a unit may stand before its number, linked by a verb.
_UNIT_BEFORE_REACH = 48


def _unit_before(text: str, start: int, g: _Grammar) -> str:
    """A unit named before the quantity at `start` and linked to it by a verb: "its parameters
    had reached 10 trillion". A hedge that opens the quantity may be that verb (被引用数超过900);
    of two units the nearer is the one linked (模型参数达到千亿 counts parameters, not models)."""
    reach = max(0, start - _UNIT_BEFORE_REACH)
    if g.numbers.unit_right_before and (unit := _unit_right_before(text, start, g)):
        return unit
    hedge = g.before.match(text, start)
    for link_end in (start, hedge.end()) if hedge else (start,):
        if not g.unit_link.search(text, reach, link_end):  # the verb first: far cheaper to look for
            continue
        before = g.unit_before.search(text, reach, link_end)
        while before and (nearer := g.unit_before.search(text, before.start() + 1, link_end)):
            before = nearer
        if before:
            return g.units[_key(before.group("phrase"))]
    return ""


def _unit_right_before(text: str, start: int, g: _Grammar) -> str:
    """A unit of two or more characters ending right before `start` (专利|40余项); "" if none."""
    head = text[max(0, start - g.longest_unit) : start].rstrip()
    for size in range(len(head), 1, -1):
        written = head[-size:]
        if written.isalnum() and (unit := g.units.get(_key(written))) is not None:
            return unit
    return ""


def _age_apposition(text: str, start: int, end: int, g: _Grammar) -> bool:
    """A whole number of one to three digits set off after a name: "Lei Jun, 54, said"."""
    number = text[start:end]
    return (
        number.isascii()
        and number.isdigit()
        and 0 < int(number) <= 120
        and bool(g.age_before.search(text, max(0, start - _NAME_REACH), start))
        and bool(g.age_after.match(text, end))
    )


def _article_amount(text: str, g: _Grammar) -> bool:
    """Whether `text` may hold an article that is a number through its hedge or half: "more
    than a year", 一年多."""
    return g.article_unit.search(text) is not None and g.article_amount.search(text) is not None


def find_quantities(text: str, rules: LangRules) -> list[Slot]:
    """Quantities in `text` (already folded), with intervals and canonical units.

    Dates, clock times and other look-alikes are blanked first, so no quantity is read
    out of them; slots come back by position and never overlap.
    """
    g = _grammar(rules)
    if not (g.gate.may_hold(text) or _article_amount(text, g)):  # most sentences hold no number at all
        return []
    masked = text
    # Most look-alikes need only a digit: where one is, the sieve would let the text through.
    if _ANY_DIGIT.search(text) or may_match(g.excluded, text):
        masked = g.excluded.sub(lambda match: "\x00" * len(match.group()), text)
    possible = g.trigger.sieve.possible(masked)
    # "a" and 一 start a number only as in "a million", 一百, 一年多 (a hedge or prefix before one starts it)
    if not (g.article_partner.search(masked) or _article_amount(masked, g)):
        possible = tuple(index for index in possible if index < g.articles_from)
    triggers = Scanner(g.trigger, masked, possible)
    slots: list[Slot] = []
    pos = 0
    while found := triggers.search(pos):
        start = found[1].start()
        parsed = _parse(masked, start, g)
        if parsed is None:
            pos = start + 1
            continue
        end, quantity = parsed
        if not quantity.unit and (unit := _unit_before(masked, start, g)):
            quantity = replace(quantity, unit=unit)
        elif not quantity.unit and _age_apposition(masked, start, end, g):
            quantity = replace(quantity, unit="age")
        slots.append(Slot("quantity", text[start:end], start, end, quantity))
        pos = max(end, start + 1)
    return slots
