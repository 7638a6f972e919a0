"""People: found by the shape of a name and the words around it, reported in Latin script.

Without a NER model, a Chinese name is a surname from `data/zh_surnames.txt` plus one or two
given-name characters, accepted when it looks like a name (common given-name characters, no
ordinary word such as 项目 or 金融 at its start) or when its context says so: a title before it
(负责人项亮), a speech verb after it (王成指出), a list or byline of names (（黄小希 周珊珊）).
A Latin name is a run of two or three capitalised words that are not months, places,
organisations or headline words; one word is enough after an honorific (Dr. Clark).

Every name is reported under one Latin-script canonical form so the two languages meet:
杨红霞 -> "Yang Hongxia" (pypinyin for the given name, the surname's own reading from the
data file: 单 -> Shan), "Prof. Yang Hongxia" -> "Yang Hongxia". `same_person` then forgives
order ("Hongxia Yang"), hyphens and small spelling differences, but not a different given name.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib.resources import files
from itertools import permutations

from rapidfuzz import fuzz

from reconcile.lang import SUPPORTED_LANGUAGES, rules_for
from reconcile.lang.rules import LangRules, NameRules
from reconcile.model import Entity, Slot
from reconcile.normalize.org import CAPITALS, Word, capitalised_runs, find_orgs, latin_words
from reconcile.normalize.prefilter import Alternation
from reconcile.normalize.romanise import pinyin
from reconcile.normalize.text import fold

# Two names with the same number of words and one word in common (the surname) are the same
# person at or above this token_sort_ratio (0-100) of their normalised forms. Calibrated on the
# people found on both sides of the WMT22 zh-en test set (300 names): a letter dropped by the
# translator (Chen Kaixian / Chen Kaixin) scores 95.7; the closest different people score
# 92.3 (Liu Hai / Lu Hai), 88.0 (Jake / Joe Sullivan), 85.7 (Tu Long / Yu Long).
SAME_PERSON_THRESHOLD = 93

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FOREIGN_DOT = "·•‧・"
_MAX_LATIN_WORDS = 3
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# A capital a Latin word can start with, case kept under re.I.
_CAPITAL = f"(?-i:[{re.escape(CAPITALS)}])"


@dataclass(frozen=True, slots=True)
class _Surname:
    reading: str
    needs_context: bool


@dataclass(frozen=True, slots=True)
class _HanData:
    """Knowledge for Chinese names: surnames, given-name characters, words that are not names."""

    surnames: Mapping[str, _Surname]
    given: frozenset[str]
    foreign: frozenset[str]
    stopwords: Mapping[str, tuple[str, ...]]  # first character -> words, longest first
    word_endings: frozenset[str]  # two-character words ending in a surname character
    common_words: frozenset[str]  # frequent two-character words
    known: Mapping[str, str]  # Chinese form of a known person -> canonical Latin name
    known_pattern: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class _LatinData:
    """Knowledge for Latin names: words that are never names, places, pinyin syllables."""

    not_names: frozenset[str]
    places: Alternation  # one place name per alternative
    syllables: frozenset[str]
    openers: frozenset[str]  # first names and surname particles (de, van, al), lower-case, no accents
    surnames: frozenset[str]  # pinyin readings of Chinese surnames
    known: Mapping[str, str]  # key of a Latin alias -> canonical name
    # The one-word Latin aliases, as written (Putin, Musk): a name with no title before it
    alone: re.Pattern[str] | None


def _data_text(name: str) -> str:
    return files("reconcile").joinpath("data", name).read_text("utf-8")


def parse_surnames(text: str) -> dict[str, _Surname]:
    """Surnames of a zh_surnames.txt text; ValueError names a malformed or repeated line."""
    surnames: dict[str, _Surname] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or not fields[1].isalpha() or fields[0] in surnames:
            raise ValueError(f"zh_surnames.txt line {number}: malformed or repeated: {line!r}")
        surnames[fields[0]] = _Surname(fields[1], len(fields) == 3 and fields[2] == "c")
    return surnames


def _person_rows(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, canonical name, listed aliases) for each entry of a persons.tsv text."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            canonical, _, aliases = line.partition("\t")
            yield number, canonical.strip(), [alias.strip() for alias in aliases.split("|") if alias.strip()]


def parse_known_persons(text: str) -> dict[str, str]:
    """Alias key -> canonical name of a persons.tsv text; ValueError on a repeated key."""
    known: dict[str, str] = {}
    for number, canonical, aliases in _person_rows(text):
        for alias in (canonical, *aliases):
            key = name_key(alias)
            if key in known:
                raise ValueError(f"persons.tsv line {number}: {alias!r} is listed twice")
            known[key] = canonical
    return known


@cache
def _han_data() -> _HanData:
    names = tomllib.loads(_data_text("zh_names.toml"))
    stopwords: dict[str, list[str]] = {}
    for word in names["stopwords"].split():
        stopwords.setdefault(word[0], []).append(word)
    known = {
        fold(alias): canonical
        for _, canonical, aliases in _person_rows(_data_text("persons.tsv"))
        for alias in aliases
        if _HAN.search(alias)
    }
    ordered = sorted(known, key=len, reverse=True)
    surnames = parse_surnames(_data_text("zh_surnames.txt"))
    return _HanData(
        surnames=surnames,
        given=frozenset("".join(names["given_chars"].split())),
        foreign=frozenset(names["foreign_chars"]),
        stopwords={char: tuple(sorted(words, key=len, reverse=True)) for char, words in stopwords.items()},
        word_endings=frozenset(names["word_endings"].split()),
        common_words=frozenset(names["common_words"].split()),
        known=known,
        known_pattern=re.compile("|".join(map(re.escape, ordered))) if ordered else None,
    )


@cache
def _latin_data() -> _LatinData:
    names = tomllib.loads(_data_text("latin_names.toml"))
    places = sorted((p.strip() for p in names["places"].splitlines() if p.strip()), key=len, reverse=True)
    bodies = [r"\s+".join(map(re.escape, place.split())) for place in places]
    return _LatinData(
        not_names=frozenset(names["not_names"].split()),
        places=Alternation([rf"\b(?:{body})\b" for body in bodies], re.IGNORECASE),
        syllables=frozenset(names["pinyin_syllables"].split()),
        openers=frozenset(names["given_names"].split()) | frozenset(names["particles"].split()),
        surnames=frozenset(s.reading for s in _han_data().surnames.values()),
        known=parse_known_persons(_data_text("persons.tsv")),
        alone=_one_word_alias_pattern(_data_text("persons.tsv")),
    )


def _one_word_alias_pattern(text: str) -> re.Pattern[str] | None:
    """A pattern of the one-word Latin aliases of a persons.tsv text ("Putin"), case as written."""
    one_word = [
        alias for _, _, aliases in _person_rows(text) for alias in aliases if alias.isascii() and " " not in alias
    ]
    if not one_word:
        return None
    firsts = "".join(sorted({alias[0] for alias in one_word}))  # lets `re` skip most positions
    return re.compile(rf"(?=[{firsts}])(?<![\w.-])(?:{_alternation(one_word)})(?![\w-])")


@dataclass(frozen=True, slots=True)
class _Cues:
    """Per-language context words, compiled once."""

    before: re.Pattern[str] | None  # a title or honorific ending right before a name
    title_end: re.Pattern[str]  # a character a title (then a dot and spaces) can end with
    after: re.Pattern[str] | None  # a speech verb or honorific right after a name
    speech: re.Pattern[str] | None  # a speech verb right after a name
    title: re.Pattern[str] | None  # a title starting here (市长 after 王成 is not the place 王成市)
    window: int  # how far back a title before a name can start
    titles: frozenset[str]  # lower-case, for Latin runs
    not_names: frozenset[str]
    separators: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    boundaries: frozenset[str]
    pronoun_before: re.Pattern[str]
    numerals: frozenset[str]
    name_start: re.Pattern[str]  # a surname's first character, a given-name character a surname away
    capital_pair: re.Pattern[str]  # two capitalised words with only a space or two, or "&", between
    titled_capital: re.Pattern[str]  # in the reversed text: a capital a title may come right before


def _words_pattern(words: Iterable[str], template: str) -> re.Pattern[str] | None:
    """`template` around an alternation of `words`, for a yes or no; Latin words must start a word
    ("king" not in "making"). They share one look-behind: one each took most of the time to compile."""
    unique = {w for w in words if w}
    latin = {w for w in unique if w[0].isascii() and w[0].isalpha()}
    groups = [(r"(?<![A-Za-z])", latin), ("", unique - latin)]
    body = "|".join(f"{guard}(?:{_alternation(group)})" for guard, group in groups if group)
    return re.compile(template.format(body), re.IGNORECASE) if body else None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _cues(rules: LangRules) -> _Cues:
    """The cues of `rules`: asked for every sentence, so a language's own are built once."""
    if rules.code in SUPPORTED_LANGUAGES and rules_for(rules.code) is rules:
        return _language_cues(rules.code)
    return _rules_cues(rules)


@cache
def _language_cues(code: str) -> _Cues:
    return _rules_cues(rules_for(code))


def _rules_cues(rules: LangRules) -> _Cues:
    return _names_cues(rules.names, frozenset(w for w in rules.numbers.number_words if len(w) == 1))


def _class(chars: Iterable[str]) -> str:
    """A character class of `chars`, which matches nothing if they are none."""
    joined = "".join(sorted(set(chars)))
    return f"[{re.escape(joined)}]" if joined else r"[^\s\S]"


def _name_start(names: NameRules, han: _HanData) -> re.Pattern[str]:
    """Where a Chinese name may start: a surname's first character, then (past the second character
    of a two-character surname) a Han character a given name can start with."""
    firsts = _class(surname[0] for surname in han.surnames)
    seconds = _class(surname[1] for surname in han.surnames if len(surname) == 2)
    never_given = _class((*names.boundary_chars, *han.foreign))
    return re.compile(f"{firsts}(?={seconds}?(?!{never_given}){_HAN.pattern})")


def _titled_capital(titles: Iterable[str]) -> re.Pattern[str]:
    """A capital right after a title (a dot, "&" and spaces between), in the reversed text: starting
    with a capital, the pattern skips to the capitals; starting with a title, it would try every
    position. It finds more than `before` does (no window, no look-behind): it only rules out."""
    backwards = {title[::-1] for title in titles if title}
    first = _class(title[0] for title in backwards)
    return re.compile(rf"{_CAPITAL}(?=\s*(?:&\s*)?\.?(?={first})(?:{_alternation(backwards)}))", re.IGNORECASE)


@cache
def _names_cues(names: NameRules, numerals: frozenset[str]) -> _Cues:
    titles = (*names.titles, *names.honorifics)
    lowered = {t.lower().rstrip(".") for t in titles}
    return _Cues(
        before=_words_pattern(titles, r"(?:{})\.?\s*$"),
        title_end=re.compile(rf"[\s.]|{_class(t[-1] for t in titles if t)}", re.IGNORECASE),
        after=_words_pattern((*names.speech_verbs, *names.honorifics), r"\s*(?:{})"),
        speech=_words_pattern(names.speech_verbs, r"\s*,?\s*(?:{})(?![A-Za-z])"),
        title=_words_pattern(titles, r"(?:{})"),
        window=max((len(t) for t in titles), default=0) + 2,
        titles=frozenset(lowered),
        not_names=_latin_data().not_names
        | {w.lower() for w in (*names.name_stopwords, *names.place_suffixes, *names.org_suffixes)},
        separators=tuple(s for s in names.list_separators if s),
        place_suffixes=tuple(names.place_suffixes),
        boundaries=frozenset(names.boundary_chars),
        pronoun_before=re.compile(f"(?:{'|'.join(names.person_pronouns) or '(?!)'})$", re.IGNORECASE),
        numerals=numerals | frozenset("0123456789"),
        name_start=_name_start(names, _han_data()),
        capital_pair=re.compile(rf"{_CAPITAL}\S*(?:[ \t\u00a0]{{1,2}}|\s*&\s*){_CAPITAL}"),
        titled_capital=_titled_capital({*titles, *lowered}),
    )


# ---------------------------------------------------------------------------------- finding


def find_persons(
    text: str, rules: LangRules, orgs: Sequence[Slot] | None = None, mentioned: Mapping[str, str] | None = None
) -> list[Slot]:
    """People named in `text` (already folded), each under one canonical Latin-script name.

    `orgs` are the organisations already found in `text` (found here when not given): a
    name inside an organisation's name is not a person. `mentioned` maps the names the
    document has given so far, as written, to their canonical names: a person once
    introduced ("联合创始人梁汝波") is named again where nothing marks the name (梁汝波是…),
    and a surname alone ("Zhang, 38, said", 丁老师) is the one person of that surname named
    before.
    """
    cues = _cues(rules)
    taken = [False] * len(text)
    for org in find_orgs(text, rules) if orgs is None else orgs:
        taken[org.start : org.end] = [True] * (org.end - org.start)
    slots: list[Slot] = []
    if _HAN.search(text):  # else neither a listed Chinese name nor a Chinese name
        slots = _known_han(text, taken)
        for slot in slots:
            taken[slot.start : slot.end] = [True] * (slot.end - slot.start)
        if mentioned:
            slots += _mentioned_han(text, mentioned, cues, taken)
        slots += _han_persons(text, cues, taken)
    latin = _latin_persons(text, cues, taken)
    if mentioned:
        latin = _surnames_alone(text, latin, mentioned, taken)
    return sorted(slots + latin, key=lambda slot: slot.start)


def _known_han(text: str, taken: list[bool]) -> list[Slot]:
    data = _han_data()
    if data.known_pattern is None:
        return []
    return [
        Slot("person", m.group(), m.start(), m.end(), Entity(data.known[m.group()]))
        for m in data.known_pattern.finditer(text)
        if not any(taken[m.start() : m.end()]) and not (m.start() and text[m.start() - 1] in _FOREIGN_DOT)
    ]  # 乔•沙利文 is another Sullivan than the listed 沙利文


def _mentioned_han(text: str, mentioned: Mapping[str, str], cues: _Cues, taken: list[bool]) -> list[Slot]:
    """The Chinese names this document has already given, wherever they stand again, and a
    surname with a title and no given name (丁老师, 王教授) for the one person of that surname."""
    data = _han_data()
    written_names = [written for written in mentioned if len(written) >= 2 and _HAN.match(written)]
    surnames: dict[str, set[str]] = {}
    for written in written_names:
        size = next((size for size in (2, 1) if len(written) > size and written[:size] in data.surnames), 0)
        if size:
            surnames.setdefault(written[:size], set()).add(mentioned[written])
    slots = [
        Slot("person", written, start, end, Entity(mentioned[written]))
        for written in sorted(written_names, key=len, reverse=True)
        for start, end in _claimed(re.finditer(re.escape(written), text), taken)
    ]
    for surname, names in surnames.items():
        if len(names) == 1:
            [name] = names
            titled = (
                match
                for match in re.finditer(re.escape(surname), text)
                if _cue_after(text, match.end(), cues, cues.after)
                and not _not_a_name_here(text, match.start(), data, cues)
            )
            slots += [Slot("person", surname, start, end, Entity(name)) for start, end in _claimed(titled, taken)]
    return slots


def _claimed(matches: Iterable[re.Match[str]], taken: list[bool]) -> Iterator[tuple[int, int]]:
    """The spans of `matches` no other name has taken, each taken as it is given."""
    for match in matches:
        start, end = match.span()
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            yield start, end


@lru_cache(maxsize=1024)
def _pinyin_surnames(names: frozenset[str]) -> Mapping[str, str]:
    """Surname -> the one Chinese name in pinyin of that surname the document has given
    ("Zhang" -> "Zhang Yiming"; "Hongxia Yang" gives "Yang"), or the one English given name
    before a Chinese surname ("Wu" -> "Eddie Wu", "Dai, 47," -> "Trudy Dai"). A surname two of
    them share names neither. Other names are left out: a Chinese article writes 约翰逊 for
    Johnson, which is not read as a name, so "Johnson" alone would only ever be "named by EN only"."""
    data = _latin_data()
    people: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if is_chinese_name(name):
            surname = next((word for word in words if _plain(word) in data.surnames), None)
        elif len(words) == 2 and _plain(words[0]) in data.openers and _plain(words[1]) in data.surnames:
            surname = words[1]
        else:
            continue
        if surname is not None:
            people.setdefault(surname, set()).add(name)
    return {surname: next(iter(names)) for surname, names in people.items() if len(names) == 1}


def _surnames_alone(text: str, latin: list[Slot], mentioned: Mapping[str, str], taken: list[bool]) -> list[Slot]:
    """`latin` with a titled surname ("Prof. Yang") read as the person named before, plus each
    capitalised surname standing alone ("Zhang, 38, said", "Liang's role")."""
    surnames = _pinyin_surnames(frozenset(mentioned.values()))
    if not surnames:
        return latin
    slots = [replace(slot, value=Entity(surnames[slot.text])) if slot.text in surnames else slot for slot in latin]
    for slot in slots:
        taken[slot.start : slot.end] = [True] * (slot.end - slot.start)
    for surname, name in surnames.items():
        if surname in text:
            alone = re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)
            slots += [Slot("person", surname, start, end, Entity(name)) for start, end in _claimed(alone, taken)]
    return slots


# Chinese names -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int
    surname: str
    given: str
    strong: bool  # a title or speech verb next to it says this is a person
    item: bool  # it fills a whole item of a list (、 or punctuation on both sides)

    @property
    def end(self) -> int:
        return self.start + len(self.surname) + len(self.given)


def _han_persons(text: str, cues: _Cues, taken: list[bool]) -> list[Slot]:
    data = _han_data()
    candidates: list[_Candidate] = []
    accepted: list[_Candidate] = []
    position = 0
    while (start := cues.name_start.search(text, position)) is not None:
        position = start.start()  # no name starts before the next surname with a given name after it
        candidate = None if taken[position] else _candidate_at(text, position, data, cues, taken)
        if candidate is None:
            position += 1
            continue
        if candidate.strong or _looks_like_name(candidate, data):
            accepted.append(candidate)
            position = candidate.end
        else:
            candidates.append(candidate)  # 向|刘遵义: a later name may start inside it
            position += 1
    _accept_lists(text, accepted, candidates, cues)
    return [
        Slot("person", text[c.start : c.end], c.start, c.end, Entity(chinese_name(c.surname, c.given)))
        for c in accepted
    ]


def _candidate_at(text: str, start: int, data: _HanData, cues: _Cues, taken: list[bool]) -> _Candidate | None:
    """The name starting at `start`, if a surname starts there: its length and its evidence."""
    if _not_a_name_here(text, start, data, cues):
        return None
    for size in (2, 1):
        surname = text[start : start + size]
        if len(surname) != size or surname not in data.surnames:
            continue
        given_start = start + size
        given = _given_chars(text, given_start, data, cues, taken)
        if not given or _cue_after(text, given_start, cues, cues.after):
            continue  # 王教授: a surname and a title, no given name to read
        if _foreign(text, start, given_start + len(given), data):
            return None
        stop = _stopword_at(text, start, data)
        if stop >= size + len(given):
            return None  # 项目, 经济: an ordinary word covers the name however long, so ask no more
        before = _title_before(text, start, cues)
        cued = _cued_length(text, given_start, given, data, cues)
        length = cued or _given_length(text, given_start, given, before, data, cues)
        end = given_start + length
        if not (cued or before) and text[given_start : given_start + 2] in data.common_words:
            return None  # 波方希望, 欧盟曾明确: a frequent word follows the surname character
        if stop and (
            stop >= end - start
            or not _usual(text[start + stop : end], data)
            or not _cue_after(text, end, cues, cues.speech)
        ):
            return None  # 项目, 任务表示, 高兴地说; but 王国华表示 is a person
        if _place_after(text, end, cues):
            return None
        if data.surnames[surname].needs_context:
            strong = _usual(given[:length], data) and (bool(cued) or (before and length == 2))
        else:
            strong = before or bool(cued)
        return _Candidate(start, surname, given[:length], strong, _item(text, start, end, cues))
    return None


def _cued_length(text: str, start: int, given: str, data: _HanData, cues: _Cues) -> int:
    """The given name's length a speech verb or honorific right after it marks (王成|指出), or 0."""
    for length in range(1, len(given) + 1):
        if (
            _cue_after(text, start + length, cues, cues.after)
            and text[start + length - 1 : start + length + 1] not in data.common_words  # 武侠小|说
        ):
            return length
    return 0


def _not_a_name_here(text: str, start: int, data: _HanData, cues: _Cues) -> bool:
    """Contexts where a surname character is something else: 担任|通讯, 他曾, 7500万."""
    return (
        text[start - 1 : start + 1] in data.word_endings
        or cues.pronoun_before.search(text, max(0, start - 4), start) is not None
        or text[:start].rstrip()[-1:] in cues.numerals
    )


def _given_length(text: str, start: int, given: str, before: bool, data: _HanData, cues: _Cues) -> int:
    """One or two given-name characters, when no speech verb marks where the name ends."""
    if len(given) < 2 or text[start + 1 : start + 3] in data.common_words:
        return 1  # 王准高兴: the second character starts a word
    if not _HAN.match(text[start + 2 : start + 3] or " ") or text[start + 2 : start + 3] in cues.separators:
        return 2  # 陈凯先、: a three-character item of a list or byline
    if (given[0] in data.given or before) and given[1] in data.given:
        return 2  # 林俊旸
    if before and text[start + 2] in cues.boundaries:
        return 2  # 主席赵宇空在: after a title, a function word closes the name
    return 1


def _item(text: str, start: int, end: int, cues: _Cues) -> bool:
    """Whether the name fills a whole item of a list: separators or punctuation on both sides."""

    def edge(char: str) -> bool:
        return char == "" or char in cues.separators or char in cues.boundaries or not _HAN.match(char)

    return edge(text[start - 1 : start]) and edge(text[end : end + 1])


def _foreign(text: str, start: int, end: int, data: _HanData) -> bool:
    """Whether the characters sit in a transliterated foreign name (诺兰德, 阿拉伯, 叶海亚·谢里夫)."""
    if start > 0 and text[start - 1] in data.foreign:
        return True
    before = text[max(0, start - 4) : start]
    after = text[end : end + 4]
    for dot in _FOREIGN_DOT:
        if dot in before and all(_HAN.match(c) for c in before[before.rindex(dot) + 1 :]):
            return True
        if dot in after and all(_HAN.match(c) for c in after[: after.index(dot)]):
            return True
    return False


def _usual(given: str, data: _HanData) -> bool:
    return data.given.issuperset(given)


def _given_chars(text: str, start: int, data: _HanData, cues: _Cues, taken: list[bool]) -> str:
    """Up to two characters after a surname that could be a given name."""
    given = ""
    for position, char in enumerate(text[start : start + 2], start):
        if taken[position] or char in cues.boundaries or not _HAN.match(char):
            break
        if char in data.foreign:
            return ""
        given += char
    return "" if text[start + len(given) : start + len(given) + 1] in data.foreign else given


def _title_before(text: str, start: int, cues: _Cues) -> bool:
    """Whether a title ends right before `start`. Most candidates fail at the character before
    them, one test, and never search their window for every title."""
    return (
        cues.before is not None
        and start > 0
        and cues.title_end.match(text, start - 1) is not None
        and cues.before.search(text, max(0, start - cues.window), start) is not None
    )


def _cue_after(text: str, end: int, cues: _Cues, pattern: re.Pattern[str] | None) -> bool:
    return bool(pattern and pattern.match(text, end))


def _stopword_at(text: str, start: int, data: _HanData) -> int:
    """Length of the longest ordinary word or place name starting here (项目, 王国, 江苏), or 0."""
    for word in data.stopwords.get(text[start], ()):
        if text.startswith(word, start):
            return len(word)
    return 0


def _place_after(text: str, end: int, cues: _Cues) -> bool:
    """Whether the name is followed by a place word (黄山市) rather than a title (市长)."""
    if not text.startswith(cues.place_suffixes, end):
        return False
    return not _cue_after(text, end, cues, cues.title) and not _cue_after(text, end, cues, cues.after)


def _looks_like_name(candidate: _Candidate, data: _HanData) -> bool:
    """Accept without context: common surname, every given character a usual name character."""
    return not data.surnames[candidate.surname].needs_context and _usual(candidate.given, data)


def _accept_lists(text: str, accepted: list[_Candidate], pending: list[_Candidate], cues: _Cues) -> None:
    """Names listed next to a name are names too: 杨红霞、唐杰 ; （黄小希 周珊珊） ; 刘遵义、陈凯先、."""
    changed = True
    while changed and pending:
        changed = False
        for candidate in list(pending):
            if any(c.start < candidate.end and candidate.start < c.end for c in accepted):
                pending.remove(candidate)
                continue
            neighbours = accepted + [c for c in pending if c is not candidate and c.item and candidate.item]
            if any(_listed_together(text, candidate, other, cues) for other in neighbours):
                accepted.append(candidate)
                pending.remove(candidate)
                changed = True
    accepted.sort(key=lambda c: c.start)


def _listed_together(text: str, a: _Candidate, b: _Candidate, cues: _Cues) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end : second.start]
    return gap.strip() in cues.separators or (gap != "" and gap.isspace())


@lru_cache(maxsize=4096)
def chinese_name(surname: str, given: str) -> str:
    """The pinyin of a Chinese name, surname first: 杨红霞 -> "Yang Hongxia", 单田芳 -> "Shan Tianfang"."""
    surnames = _han_data().surnames
    reading = surnames[surname].reading if surname in surnames else _pinyin_of(surname)
    return f"{reading.capitalize()} {_pinyin_of(given).capitalize()}".strip()


def _pinyin_of(chars: str) -> str:
    return "".join(pinyin(chars, v_to_u=True))


# Latin names ---------------------------------------------------------------------------------


def _latin_persons(text: str, cues: _Cues, taken: list[bool]) -> list[Slot]:
    after_title = _capitals_after_titles(text, cues)
    data = _latin_data()
    alone = {match.start() for match in data.alone.finditer(text)} if data.alone and data.alone.search(text) else set()
    if not (after_title or alone) and cues.capital_pair.search(text) is None:
        return []  # a name is two capitalised words side by side, one after a title, or one listed
    for _, place in data.places.scanner(text).finditer():
        taken[place.start() : place.end()] = [True] * (place.end() - place.start())
    slots = []
    words = [w for w in latin_words(text) if not any(taken[w.start : w.end])]
    for run in capitalised_runs(text, words):
        if len(run) == 1 and run[0].start not in after_title and run[0].start not in alone:
            continue  # one word, not listed, and no title before it: no name
        for part, titled in _name_parts(run, cues, data):
            start, end = part[0].start, part[-1].end
            titled_here = titled or (start in after_title and _title_before(text, start, cues))
            if (len(part) == 1 and start in alone) or _latin_person(part, titled_here, text, cues, data):
                canonical = " ".join(w.text for w in part)
                slots.append(
                    Slot("person", text[start:end], start, end, Entity(data.known.get(name_key(canonical), canonical)))
                )
    return slots


def _capitals_after_titles(text: str, cues: _Cues) -> set[int]:
    """Where a capital follows what may be a title: where a one-word name can start. Without these
    and without the capitalised words side by side that longer names need, as most sentences are,
    a sentence is never split into words."""
    last = len(text) - 1
    return {last - capital.start() for capital in cues.titled_capital.finditer(text[::-1])}


def _latin_person(part: list[Word], titled: bool, text: str, cues: _Cues, data: _LatinData) -> bool:
    """A title makes even one word a name; otherwise two or three words with a name's shape."""
    if titled:
        return True
    if len(part) == 1:
        return False
    return (
        _plain(part[0].text) in data.openers
        or name_key(" ".join(w.text for w in part)) in data.known
        or _chinese_pinyin_name(part, data)
        or _cue_after(text, part[-1].end, cues, cues.speech)
    )


@lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    """Lower case without accents: António -> antonio."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


def _name_parts(run: list[Word], cues: _Cues, data: _LatinData) -> list[tuple[list[Word], bool]]:
    """The stretches of a capitalised run that can be names, each with whether a title led it."""
    if _chinese_pinyin_name(run, data):
        return [(run, False)]
    parts: list[tuple[list[Word], bool]] = []
    current: list[Word] = []
    titled = False
    for word in run:
        lowered = word.text.lower()
        if lowered in cues.titles or not _name_word(word, cues):
            if 0 < len(current) <= _MAX_LATIN_WORDS:
                parts.append((current, titled))
            current, titled = [], lowered in cues.titles
            continue
        current.append(word)
        if word.possessive:
            break
    if 0 < len(current) <= _MAX_LATIN_WORDS:
        parts.append((current, titled))
    return parts


def _name_word(word: Word, cues: _Cues) -> bool:
    text = word.text
    return (
        text[:1].isupper()
        and text.lower() not in cues.not_names
        and ("." not in text or _INITIALS.fullmatch(text) is not None)
        and not any(char.isdigit() for char in text)
        and not word.acronym
    )


def _chinese_pinyin_name(run: list[Word], data: _LatinData) -> bool:
    """Two or three pinyin words, one a surname: a Chinese name even if a word is also English."""
    if not 2 <= len(run) <= _MAX_LATIN_WORDS or any(not w.text.istitle() for w in run):
        return False
    words = [w.text.lower().replace("-", "") for w in run]
    return all(_pinyin(word, data.syllables) for word in words) and any(w in data.surnames for w in words)


@lru_cache(maxsize=4096)
def _pinyin(word: str, syllables: frozenset[str]) -> bool:
    """Whether `word` splits into pinyin syllables ("hongxia" = hong + xia)."""
    reachable = [True] + [False] * len(word)
    for start in range(len(word)):
        if reachable[start]:
            for stop in range(start + 1, min(len(word), start + 6) + 1):
                if word[start:stop] in syllables:
                    reachable[stop] = True
    return reachable[-1]


# ---------------------------------------------------------------------------------- comparing


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Order-free comparison key: case, hyphens, apostrophes, diacritics and ü folded away."""
    return " ".join(sorted(_name_tokens(name)))


_UMLAUT = re.compile(r"^(l|n)(?:v|yu)(?=[aeiou]|n|$)")


def _name_tokens(name: str) -> list[str]:
    """Lower-case words of a name without accents, hyphens or apostrophes; pinyin ü (v, yu) as u."""
    decomposed = unicodedata.normalize("NFKD", fold(name).casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    tokens = re.split(r"[\s.]+", re.sub(r"[-‐'’‘`]", "", plain))
    return [_UMLAUT.sub(r"\1u", token) for token in tokens if token]


# Below this token-sort ratio two Chinese names cannot be one name in two spellings.
DIFFERENT_PERSON_BELOW = 80


def same_person(a: str, b: str) -> bool:
    """Whether two canonical names denote the same person (order and spelling tolerant).

    "Yang Hongxia" = "Hongxia Yang" = "Hong-Xia Yang"; "Chen Kaixian" = "Chen Kaixin" (one letter
    dropped); but "Yang Hongxia" != "Yang Zhenyuan": a shared surname is not enough.
    """
    known = _latin_data().known
    a, b = known.get(name_key(a), a), known.get(name_key(b), b)
    tokens_a, tokens_b = _name_tokens(a), _name_tokens(b)
    if not tokens_a or not tokens_b:
        return False
    if sorted(tokens_a) == sorted(tokens_b) or _joined(tokens_a) & _joined(tokens_b):
        return True
    if len(tokens_a) != len(tokens_b) or len(tokens_a) < 2:
        return False
    if not set(tokens_a) & set(tokens_b):
        return False
    return fuzz.token_sort_ratio(" ".join(tokens_a), " ".join(tokens_b)) >= SAME_PERSON_THRESHOLD


def may_be_same_person(a: str, b: str) -> bool:
    """Whether a Chinese name in pinyin and a name with an English given name may be one person:
    the second ends in the first's surname ("Eddie Wu" and 吴泳铭, read "Wu Yongming"), the way
    Chinese business people are named in English copy."""
    chinese, other = (a, b) if is_chinese_name(a) else (b, a)
    if not is_chinese_name(chinese) or is_chinese_name(other):
        return False
    tokens = _name_tokens(other)
    return len(tokens) == 2 and tokens[-1] == _name_tokens(chinese)[0]


def clearly_different(a: str, b: str) -> bool:
    """Two Chinese names in pinyin that no spelling variant explains ("Gong Bowei" and
    "Gong Baiwei" are one person read two ways: 柏 is bo or bai)."""
    if not (is_chinese_name(a) and is_chinese_name(b)):
        return False
    return fuzz.token_sort_ratio(" ".join(_name_tokens(a)), " ".join(_name_tokens(b))) < DIFFERENT_PERSON_BELOW


@lru_cache(maxsize=4096)
def is_chinese_name(name: str) -> bool:
    """Whether a canonical name is a pinyin Chinese name ("Yang Hongxia", "Ouyang Nana").

    Two such names that differ are different people; a transliterated foreign name
    (特朗普 -> "Telangpu") has no such guarantee against its English spelling.
    """
    data = _latin_data()
    tokens = _name_tokens(name)
    return (
        2 <= len(tokens) <= _MAX_LATIN_WORDS
        and all(_pinyin(token, data.syllables) for token in tokens)
        and any(token in data.surnames for token in tokens)
    )


def _joined(tokens: list[str]) -> set[str]:
    """The name with its words run together in either order ("yanghongxia", "hongxiayang")."""
    if len(tokens) > _MAX_LATIN_WORDS:
        return {"".join(tokens)}
    return {"".join(order) for order in permutations(tokens)}
