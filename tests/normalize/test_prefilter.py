"""Prefilters: a pattern is skipped only where it cannot match, so the finders find what they did.

The property that matters is soundness: whenever a pattern matches a text, its need holds
there. It is checked for every pattern the finders scan with, on the seed articles, on
texts built from the words the patterns are made of, and on the tricky cases in the tables.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract import _patterns
from reconcile.lang import SUPPORTED_LANGUAGES, rules_for
from reconcile.normalize import date, org, person, quantity
from reconcile.normalize.prefilter import CASE_TRAPS, Alternation, Facts, Sieve, facts, may_match, need
from reconcile.normalize.text import fold

SEED = Path(__file__).resolve().parent.parent.parent / "corpora" / "yang-hongxia-m6"

# (pattern, flags, text, whether the pattern may match there)
NEEDS = [
    (r"(?<![a-z])one(?![a-z0-9])", re.IGNORECASE, "about one of my friends", True),
    (r"(?<![a-z])one(?![a-z0-9])", re.IGNORECASE, "money, phone and someone", False),  # not the word
    (r"\bjoin(?:s|ed|ing)?\b", re.IGNORECASE, "She JOINED in 2020", True),
    (r"\bjoin(?:s|ed|ing)?\b", re.IGNORECASE, "a joint venture", False),
    (r"\bHong\s+Kong\b", re.IGNORECASE, "hong kong", True),
    (r"\bHong\s+Kong\b", re.IGNORECASE, "Kong alone", False),
    (r"(?<!\w)(?:last|this)\s+year(?!\w)", re.IGNORECASE, "Last  year", True),
    (r"(?<!\w)(?:last|this)\s+year(?!\w)", re.IGNORECASE, "the yearly outlook", False),
    (r"[0-9]{4}年", 0, "２０２１年", False),  # full-width digits are folded before matching
    (r"\d+年", 0, "٢٠٢١年", True),  # \d is any decimal digit
    (r"\d+年", 0, "去年", False),
    (r"(?-i:No)\.?\s*\d+", re.IGNORECASE, "No. 10 Downing Street", True),
    (r"(?-i:No)\.?\s*\d+", re.IGNORECASE, "no number here", False),
    (r"(?!)|abc", 0, "xyz", False),  # (?!) never matches
    (r"向.{1,30}负责", re.IGNORECASE, "向董事会负责", True),
    (r"向.{1,30}负责", re.IGNORECASE, "负责人", False),
    (r"(?<![0-9])(?P<day>3[01]|[12][0-9]|0?[1-9])日", 0, "5月28日", True),
    (r"(?<![0-9])(?P<day>3[01]|[12][0-9]|0?[1-9])日", 0, "今日", False),
    (r"co\.?,?\s*ltd", re.IGNORECASE, "Co., Ltd.", True),
    (r"x(?=[0-9])", 0, "x-ray", False),  # what a lookahead needs is needed too
    # A case trap makes the text unreadable in lower case: every pattern may match.
    (r"(?<![a-z])one(?![a-z0-9])", re.IGNORECASE, "\u212aone", True),
    (r"\bseptember\b", re.IGNORECASE, "ſeptember", True),
]


@pytest.mark.parametrize("pattern, flags, text, possible", NEEDS)
def test_need(pattern: str, flags: int, text: str, possible: bool) -> None:
    compiled = re.compile(pattern, flags)
    assert may_match(compiled, text) is possible
    if compiled.search(text):
        assert possible


def test_case_traps_are_every_character_relating_case_to_ascii() -> None:
    """The characters lower-casing or IGNORECASE relate to an ASCII letter, from every code point."""
    everything = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    related = {char for letter in string.ascii_lowercase for char in re.findall(letter, everything, re.IGNORECASE)}
    related |= {char for char in everything if any(lowered.isascii() for lowered in char.lower())}
    assert related == CASE_TRAPS


def test_facts() -> None:
    known = Facts("Yang Hongxia joined ByteDance's AI Lab in 2020，杨红霞")
    assert {"yang", "hongxia", "bytedance", "s", "ai", "lab"} <= known.words
    assert known.digit and known.reliable
    assert not Facts("İstanbul").reliable


@cache
def scanned_patterns() -> list[re.Pattern[str]]:
    """Every pattern the finders scan whole sentences with."""
    found: list[re.Pattern[str]] = []
    for code in SUPPORTED_LANGUAGES:
        rules = rules_for(code)
        found += date._grammar(rules).patterns
        grammar = quantity._grammar(rules)
        found.append(grammar.excluded)
        found += [grammar.trigger.pattern(index) for index in range(len(grammar.trigger))]
        events = _patterns(code).events
        found += [events.pattern(index) for index in range(len(events))]
    places = person._latin_data().places
    found += [places.pattern(index) for index in range(len(places))]
    return found


@cache
def sentences() -> list[str]:
    texts = [fold(line) for path in sorted(SEED.iterdir()) for line in path.read_text("utf-8").splitlines()]
    return [text for text in texts if text.strip()]


def test_needs_hold_wherever_the_finders_match_in_the_seed_articles() -> None:
    for pattern in scanned_patterns():
        sieve = Sieve([need(pattern.pattern, pattern.flags)])
        for text in sentences():
            if pattern.search(text):
                assert sieve.possible(text) == (0,), (pattern.pattern, text)


def test_lexicon_needs_hold_in_the_seed_articles() -> None:
    aliases = org.lexicon().pattern
    for text in sentences():
        lowered = org._lower(text)
        possible = set(aliases.sieve.possible(text))
        for index in range(len(aliases)):
            if aliases.pattern(index).search(lowered):
                assert index in possible, (aliases.pattern(index).pattern, text)


@cache
def vocabulary() -> list[str]:
    """Words, numbers and punctuation the patterns are built from, to build texts that match them."""
    words = {"2021", "12", "3", "1.5", "—", "-", ",", ".", "'s", "年", "月", "日", "号"}
    for code in SUPPORTED_LANGUAGES:
        rules = rules_for(code)
        words |= set(rules.dates.month_names) | set(rules.dates.relative_years) | set(rules.dates.offset_units)
        words |= set(rules.numbers.number_words) | set(rules.numbers.magnitudes) | set(rules.numbers.units)
        words |= {a.phrase for a in rules.numbers.approximators} | set(rules.names.titles)
        words |= {re.sub(r"\\b|[\\()?:|]", "", p) for phrases in rules.events.predicates.values() for p in phrases}
    return sorted(words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(vocabulary()), min_size=1, max_size=8), st.sampled_from(["", " ", "-"]))
def test_needs_hold_on_texts_made_of_the_patterns_words(words: list[str], joint: str) -> None:
    text = joint.join(words)
    for pattern in scanned_patterns():
        if pattern.search(text):
            assert may_match(pattern, text), (pattern.pattern, text)


def test_alternation_finds_what_the_whole_alternation_finds() -> None:
    """Scanning with the alternatives a text may hold, compiled one by one, is the same scan."""
    for code in SUPPORTED_LANGUAGES:
        events = _patterns(code).events
        whole = re.compile(
            "|".join(f"(?P<a{index}>{events.pattern(index).pattern})" for index in range(len(events))),
            re.IGNORECASE,
        )
        for text in sentences():
            expected = [(int(str(m.lastgroup)[1:]), m.span()) for m in whole.finditer(text)]
            found = [(index, match.span()) for index, match in events.scanner(text).finditer()]
            assert found == expected, text


def test_alternation_match_tries_the_alternatives_in_order() -> None:
    alternation = Alternation([r"ab(?![a-z])", r"a\s*b", r"[0-9]+", r"abc"])

    def matched(text: str, pos: int, endpos: int) -> tuple[int, str] | None:
        found = alternation.match(text, pos, endpos)
        return (found[0], found[1].group()) if found else None

    assert matched("abc", 0, 3) == (1, "ab")  # "ab" is followed by a letter; "abc" comes later
    assert matched("abc", 0, 2) == (0, "ab")  # the end of the slice is not a letter
    assert matched("x12", 1, 3) == (2, "12")
    assert matched("x12", 0, 3) is None


def test_facts_are_shared_by_the_finders_of_a_sentence() -> None:
    text = "She joined in 2020."
    assert facts(text) is facts(text)
