"""What a regular expression needs to find in a text, so a sentence that lacks it is never scanned.

Python's `re` tries a large alternation (month names, predicates, place names, the
organisation lexicon) at every position of a sentence, and most sentences hold none of
the words it is built from. `need` reads a pattern's parse tree once and derives strings
that any match must contain; where the pattern bounds a word ("\\bjoined\\b", "(?<![a-z])one"),
the whole word must occur, not only its letters ("one" is not in "money"). A `Sieve`
indexes the needs of many alternatives, so that per sentence only the alternatives whose
words or characters occur are checked; an `Alternation` scans a sentence with those only.
A caller that builds its patterns from known strings (the organisation lexicon) spells them
out as `Literal`s, and nothing is parsed.

A need is a necessary condition only: a pattern that passes is still run, so what the
finders find never changes. It holds for a scan of the whole text (`search`, `finditer`,
`sub` from any `pos`), not for a slice cut short by `endpos`, where a word may end early.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

# The non-ASCII characters that str.lower() or re.IGNORECASE relate to an ASCII letter
# (İ ı ſ and the Kelvin sign; a test derives them from every code point). A text holding
# one is scanned with every pattern: its lower-case form may hide or invent a word.
CASE_TRAPS = frozenset("\u0130\u0131\u017f\u212a")

_WORDS_KEPT = 1 << 16  # words a sieve keeps what run keys they hold for
_LIMIT = 64  # most strings one part of a pattern is spelt out into before it is only required
_IGNORECASE = int(re.IGNORECASE)
_LETTERS = re.compile("[a-z]+")
_LETTER_BYTES = bytes(code if ord("a") <= code <= ord("z") else ord(" ") for code in range(256))
_DECIMAL = re.compile(r"\d")
_TRAP_CODES = tuple(map(ord, CASE_TRAPS))
_CASE_TRAP = re.compile(f"[{re.escape(''.join(sorted(CASE_TRAPS)))}]")  # sooner than a set of the text's characters
_BOUNDING_AT = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING, sre.AT_BOUNDARY})
_BEFORE_AT = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING})
_AFTER_AT = frozenset({sre.AT_END, sre.AT_END_STRING})
_NON_LETTER_CATEGORIES = frozenset({sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE, sre.CATEGORY_LINEBREAK})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


@dataclass(frozen=True, slots=True)
class Atom:
    """Strings a match contains, all of them (lower case), and whole words it contains, all of
    them; or, for `\\d`, any decimal digit."""

    texts: tuple[str, ...]
    words: tuple[str, ...] = ()
    digit: bool = False

    def implies(self, other: Atom) -> bool:
        """Whether every text holding this atom holds `other`."""
        if other.digit or self.digit:
            return other == self
        if not all(word in self.words for word in other.words):
            return False
        strings = "\x00".join(self.texts + self.words)  # no pattern string holds a NUL
        return all(text in strings for text in other.texts)


_ANY_DIGIT = Atom((), digit=True)

Clause = frozenset[Atom]  # one of these holds
Conjunction = tuple[Clause, ...]  # each of these holds
Need = tuple[Conjunction, ...]  # one of these holds (one per top-level alternative)


class Facts:
    """What one text contains, worked out once and shared by every pattern that asks."""

    __slots__ = ("digit", "lowered", "reliable", "words")

    def __init__(self, text: str) -> None:
        self.reliable = text.isascii() or _CASE_TRAP.search(text) is None
        self.digit = _DECIMAL.search(text) is not None
        self.lowered = text.lower()
        # The runs of a-z, split out at C speed: every other byte (and "?" for a character
        # that is not ASCII) made a space.
        self.words = frozenset(self.lowered.encode("ascii", "replace").translate(_LETTER_BYTES).decode().split())


@lru_cache(maxsize=1 << 16)
def _trigrams(word: str) -> tuple[str, ...]:
    """The trigrams of a word, kept: a word recurs in many sentences."""
    return tuple(word[i : i + 3] for i in range(len(word) - 2))


@lru_cache(maxsize=64)
def facts(text: str) -> Facts:
    """The facts of `text`; the finders of one sentence all ask about the same text."""
    return Facts(text)


# ---------------------------------------------------------------------------------- checking


class _ClauseTest:
    """One clause as set lookups and one scan: whole words and digits are looked up in sets,
    other strings found by one alternation of literals, the rest (and a lone string, sooner
    found by `in` than by a regex that must be compiled first) one by one."""

    __slots__ = ("digit", "others", "strings", "words")

    def __init__(self, clause: Clause) -> None:
        self.digit = _ANY_DIGIT in clause
        plain = [atom for atom in clause if not atom.digit]
        words = [atom for atom in plain if not atom.texts and len(atom.words) == 1]
        strings = [atom for atom in plain if not atom.words and len(atom.texts) == 1]
        strings = strings if len(strings) > 1 else []
        self.words = frozenset(atom.words[0] for atom in words)
        texts = sorted({atom.texts[0] for atom in strings}, key=len)
        self.strings = re.compile("|".join(map(re.escape, reversed(texts)))) if texts else None
        self.others = tuple(
            (frozenset(atom.words), atom.texts) for atom in plain if atom not in words and atom not in strings
        )

    def __call__(self, known: Facts) -> bool:
        if (self.digit and known.digit) or not self.words.isdisjoint(known.words):
            return True
        if self.strings is not None and self.strings.search(known.lowered) is not None:
            return True
        for words, texts in self.others:
            if words <= known.words and all(text in known.lowered for text in texts):
                return True
        return False


class Check:
    """A need made ready to test, the rarest clause of each alternative first."""

    __slots__ = ("_alternatives",)

    def __init__(self, need: Need) -> None:
        self._alternatives = tuple(
            tuple(_ClauseTest(clause) for clause in sorted(conjunction, key=_rarity, reverse=True))
            for conjunction in need
        )

    def __call__(self, known: Facts) -> bool:
        """Whether a text with these facts may hold a match (False: it certainly holds none)."""
        if not known.reliable:
            return True
        for tests in self._alternatives:
            for test in tests:
                if not test(known):
                    break
            else:
                return True
        return False


def has_capitalised_word(words: frozenset[str], text: str) -> bool:
    """Whether `text` may hold one of `words` (lower-case ASCII letters) as a whole word that
    starts with a capital ("University", "UNIVERSITY"; not "university")."""
    known = facts(text)
    if not known.reliable:
        return True
    for word in known.words & words:
        start = known.lowered.find(word)  # a reliable text's lower-case form keeps its offsets
        while start != -1:
            if text[start].isupper():
                return True
            start = known.lowered.find(word, start + 1)
    return False


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether scanning all of `text` with `pattern` can find anything."""
    return _pattern_sieve(pattern).any(text)


@cache
def _pattern_sieve(pattern: re.Pattern[str]) -> Sieve:
    """The top-level alternatives of `pattern` (dates, URLs, clock times...) sieved one by one."""
    return Sieve([(conjunction,) for conjunction in pattern_need(pattern)])


def pattern_need(pattern: re.Pattern[str]) -> Need:
    return need(pattern.pattern, pattern.flags)


# ---------------------------------------------------------------------------------- sieving


class Sieve:
    """Which of many alternatives may match a text, found through an index: word or character
    -> the alternatives that need it. A candidate is then checked in full, unless its key
    alone settles it (an alternative that needs one of some words, and one of them occurs)."""

    def __init__(self, needs: Sequence[Need]) -> None:
        self._needs = tuple(needs)
        self._checks: list[Check | None] = [None] * len(self._needs)  # made when first needed: most never are
        self._always: list[int] = []
        self._by_digit: list[int] = []
        self._by_key: dict[str, dict[str, list[int]]] = {kind: {} for kind in ("word", "run", "pair", "char")}
        self._settled_by_digit: list[int] = []
        self._settled_by_word: dict[str, list[int]] = {}
        indexed: list[tuple[int, Atom, bool]] = []
        for index, alternative in enumerate(needs):
            if any(not conjunction for conjunction in alternative):
                self._always.append(index)
                continue
            settles = len(alternative) == 1 and len(alternative[0]) == 1
            indexed.extend((index, atom, settles) for conjunction in alternative for atom in best_clause(conjunction))
        # Each atom goes under its best rank of key, and of those under the key fewest other
        # atoms may use, the longest of those: "dalian" rather than "university".
        shared = Counter(key for _, atom, _ in indexed if not atom.digit for key in set(_keys(atom)))
        for index, atom, settles in indexed:
            if atom.digit:
                (self._settled_by_digit if settles else self._by_digit).append(index)
                continue
            kind, key, _ = min(
                _keys(atom), key=lambda option: (option[2], shared[option], -len(option[1]), -ord(option[1][0]))
            )
            if settles and not atom.texts and atom.words == (key,):
                self._settled_by_word.setdefault(key, []).append(index)
            else:
                self._by_key[kind].setdefault(key, []).append(index)
        self._words = frozenset(self._by_key["word"])
        self._settling_words = frozenset(self._settled_by_word)
        self._runs_by_start: dict[str, list[str]] = {}  # a run key's first three letters -> the run keys
        for run in self._by_key["run"]:
            self._runs_by_start.setdefault(run[:3], []).append(run)
        self._runs_in: dict[str, tuple[int, ...]] = {}  # a word -> the alternatives keyed under runs it holds
        self._runless: set[str] = set()  # words met that hold no run key: most words
        self._pair_keys = frozenset(self._by_key["pair"])
        self._pairs = _pair_pattern(self._pair_keys)
        self._chars = _char_class_pattern(self._by_key["char"])
        self._ascii_chars = any(char.isascii() for char in self._by_key["char"])

    def __len__(self) -> int:
        return len(self._needs)

    def possible(self, text: str) -> tuple[int, ...]:
        """The indices, in order, of the alternatives that may match somewhere in `text`."""
        known = facts(text)
        if not known.reliable:
            return tuple(range(len(self._needs)))
        settled, candidates = self._candidates(known)
        settled.update(index for index in candidates - settled if self._check(index)(known))
        return tuple(sorted(settled))

    def any(self, text: str) -> bool:
        """Whether any of the alternatives may match somewhere in `text`."""
        known = facts(text)
        if not known.reliable:
            return True
        settled, candidates = self._candidates(known)
        return bool(settled) or any(self._check(index)(known) for index in candidates)

    def _check(self, index: int) -> Check:
        check = self._checks[index]
        if check is None:
            check = self._checks[index] = Check(self._needs[index])
        return check

    def _candidates(self, known: Facts) -> tuple[set[int], set[int]]:
        """The alternatives the index settles, and those it leaves to check."""
        settled: set[int] = set()
        candidates = set(self._always)
        if known.digit:
            settled.update(self._settled_by_digit)
            candidates.update(self._by_digit)
        for word in known.words & self._settling_words:
            settled.update(self._settled_by_word[word])
        by_key = self._by_key
        for word in known.words & self._words:
            candidates.update(by_key["word"][word])
        if self._runs_by_start:
            for word in known.words - self._runless:  # most words are known to hold no run key
                if word not in self._runs_in:
                    self._meet(word)
                candidates.update(self._runs_in.get(word, ()))
        ascii_text = known.lowered.isascii()  # it holds no pair key, and only ASCII char keys
        if self._pairs is not None and not ascii_text:
            for pair in self._pair_keys.intersection(self._pairs.findall(known.lowered)):
                candidates.update(by_key["pair"][pair])
        if self._chars is not None and (self._ascii_chars or not ascii_text):
            for char in set(self._chars.findall(known.lowered)):
                candidates.update(by_key["char"][char])
        return settled, candidates

    def _meet(self, word: str) -> None:
        """Note the alternatives keyed under a run of letters that `word` holds (a run lies
        inside a word), or that it holds none: a word recurs in many texts."""
        if len(self._runless) + len(self._runs_in) >= _WORDS_KEPT:
            self._runless.clear()
            self._runs_in.clear()
        found = tuple(
            index
            for start, trigram in enumerate(_trigrams(word))
            for run in self._runs_by_start.get(trigram, ())
            if word.startswith(run, start)
            for index in self._by_key["run"][run]
        )
        if found:
            self._runs_in[word] = found
        else:
            self._runless.add(word)


def _pair_pattern(pairs: Collection[str]) -> re.Pattern[str] | None:
    """Every two characters of a text (overlapping) that may be one of `pairs`: a first
    character of one, then a second character of one."""
    if not pairs:
        return None
    firsts, seconds = ("".join(sorted({pair[index] for pair in pairs})) for index in (0, 1))
    return re.compile(f"(?=([{re.escape(firsts)}][{re.escape(seconds)}]))")


def _char_class_pattern(chars: Iterable[str]) -> re.Pattern[str] | None:
    members = "".join(sorted(set(chars)))
    return re.compile(f"[{re.escape(members)}]") if members else None


def _keys(atom: Atom) -> list[tuple[str, str, int]]:
    """What an atom may be indexed under, with a rank (the lower, the rarer in text): one of
    its words of three letters or more (0); a run of three letters or more of its strings,
    which the text holds inside a word, or two characters of a string, the first not ASCII
    (1); a shorter word (2); else a character (the later in Unicode, the rarer in text,
    roughly: "@" before ".")."""
    keys = [("word", word, 0 if len(word) >= 3 else 2) for word in atom.words]
    keys += [("run", run, 1) for text in atom.texts for run in _LETTERS.findall(text) if len(run) >= 3]
    keys += [("pair", text[i : i + 2], 1) for text in atom.texts for i in range(len(text) - 1) if not text[i].isascii()]
    return keys or [("char", char, 3) for text in atom.texts for char in text]


class Literal(NamedTuple):
    """An alternative its caller spells out, so that what it needs is known without a parse:
    every match is `pieces[0]`, then anything, `pieces[1]`, ..., `pieces[-1]`, each verbatim
    and in lower case ("" where a match starts or ends otherwise); `before`/`after`: no ASCII
    letter of either case stands just before / after a match."""

    pieces: tuple[str, ...]
    before: bool = False
    after: bool = False


@dataclass(frozen=True, slots=True)
class _AlternationIndex:
    sieve: Sieve
    anywhere: tuple[int, ...]  # alternatives that may start with any character
    by_first: dict[str, tuple[int, ...]]  # a character -> the alternatives that may start with it
    prefixes: tuple[str, ...]  # what every match of an alternative starts with, where it is known


class Alternation:
    """An ordered alternation of many patterns, scanned per text with only the alternatives
    the text may hold, each compiled on first use. It finds what the whole alternation would
    find (the leftmost match, and there the first alternative that matches) without compiling
    the whole, or a smaller one for every set of alternatives a text needs. No alternative may
    match the empty string. Nothing is worked out before the first scan: a run that reads its
    claims from the cache never pays for it.

    `literals`, if given, spell the sources out one for one (trusted, not checked): a lexicon
    of names is then indexed without parsing a pattern, and `match` compiles only the
    alternatives whose first piece stands where it looks."""

    def __init__(self, sources: Sequence[str], flags: int = 0, literals: Sequence[Literal] | None = None) -> None:
        self._sources = tuple(sources)
        self._flags = flags
        self._literals = None if literals is None else tuple(literals)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)
        self._indexed: _AlternationIndex | None = None

    def __len__(self) -> int:
        return len(self._sources)

    @property
    def _index(self) -> _AlternationIndex:
        if self._indexed is None:
            if self._literals is None:
                parsed = [_parser.parse(source, self._flags) for source in self._sources]
                needs = [_need(tree) for tree in parsed]
                firsts = [_first_chars(list(tree), int(tree.state.flags)) for tree in parsed]
                prefixes = [""] * len(parsed)
            else:
                needs = [_literal_need(literal) for literal in self._literals]
                prefixes = [literal.pieces[0] for literal in self._literals]
                firsts = [frozenset(prefix[0]) if prefix else None for prefix in prefixes]
            anywhere: list[int] = []
            by_first: dict[str, list[int]] = {}
            for index, first in enumerate(firsts):
                if first is None:
                    anywhere.append(index)
                for char in first or ():
                    by_first.setdefault(char, []).append(index)
            self._indexed = _AlternationIndex(
                Sieve(needs),
                tuple(anywhere),
                {char: tuple(indices) for char, indices in by_first.items()},
                tuple(prefixes),
            )
        return self._indexed

    @property
    def sieve(self) -> Sieve:
        return self._index.sieve

    def pattern(self, index: int) -> re.Pattern[str]:
        compiled = self._compiled[index]
        if compiled is None:
            compiled = self._compiled[index] = re.compile(self._sources[index], self._flags)
        return compiled

    def scanner(self, text: str, facts_of: str | None = None) -> Scanner:
        """A scan of `text` with the alternatives the facts of `facts_of` (default `text`, else
        a text of which `text` is the lower-case form) allow."""
        return Scanner(self, text, self.sieve.possible(text if facts_of is None else facts_of))

    def match(self, text: str, pos: int, endpos: int) -> tuple[int, re.Match[str]] | None:
        """What the whole alternation's `match(text, pos, endpos)` finds, and which alternative."""
        index_of = self._index
        first = text[pos : pos + 1] if pos < endpos else ""
        for index in sorted({*index_of.anywhere, *index_of.by_first.get(first, ())}):
            if not text.startswith(index_of.prefixes[index], pos, endpos):
                continue
            if found := self.pattern(index).match(text, pos, endpos):
                return index, found
        return None


class Scanner:
    """One text scanned with some alternatives of an `Alternation`, their next matches kept."""

    def __init__(self, alternation: Alternation, text: str, possible: tuple[int, ...]) -> None:
        self._alternation = alternation
        self._text = text
        self._possible = possible
        self._next: dict[int, re.Match[str] | None] = {}  # an alternative's leftmost match from the last search

    def search(self, pos: int = 0) -> tuple[int, re.Match[str]] | None:
        """The leftmost match at or after `pos`, and the first alternative (in order) matching there."""
        best: tuple[int, re.Match[str]] | None = None
        for index in self._possible:
            found = self._next.get(index)
            if index not in self._next or (found is not None and found.start() < pos):
                found = self._next[index] = self._alternation.pattern(index).search(self._text, pos)
            if found is not None and (best is None or found.start() < best[1].start()):
                best = index, found
        return best

    def finditer(self) -> Iterator[tuple[int, re.Match[str]]]:
        """Every match of the alternation, left to right, as `re.finditer` gives them."""
        pos = 0
        while (found := self.search(pos)) is not None:
            yield found
            pos = found[1].end()


# ---------------------------------------------------------------------------------- deriving


@dataclass(frozen=True, slots=True)
class _Piece:
    """A string a part of a pattern consumes; `before`/`after`: no ASCII letter touches that end."""

    text: str
    before: bool = False
    after: bool = False


_EMPTY = _Piece("")


@dataclass(slots=True)
class _Summary:
    exact: frozenset[_Piece] | None  # every string the part can consume, if few
    clauses: list[Clause]  # what the text must hold besides
    solid: bool  # consumes a character and never an ASCII letter: a word ends beside it


def need(source: str, flags: int = 0) -> Need:
    """What any match of the regular expression `source` needs in a text."""
    return _need(_parser.parse(source, flags))


def _need(parsed: Any) -> Need:
    flags = int(parsed.state.flags)
    items = list(parsed)
    while len(items) == 1 and items[0][0] == sre.SUBPATTERN and items[0][1][0] is None:
        _, added, removed, inner = items[0][1]
        flags = (flags | added) & ~removed
        items = list(inner)
    if len(items) == 1 and items[0][0] == sre.BRANCH:
        return tuple(_conjunction(branch, flags) for branch in items[0][1][1])
    return (_conjunction(items, flags),)


def _literal_need(literal: Literal) -> Need:
    """Each piece of a spelt-out alternative; the first and the last as whole words where the
    match is bounded there."""
    last = len(literal.pieces) - 1
    pieces = [
        _Piece(piece, index == 0 and literal.before, index == last and literal.after)
        for index, piece in enumerate(literal.pieces)
    ]
    clauses = [clause for piece in pieces if (clause := _clause([piece], False))]
    return (tuple(dict.fromkeys(_merged(clauses))),)


def _first_chars(items: list[tuple[Any, Any]], flags: int) -> frozenset[str] | None:
    """The characters a match may start with; None when that may be any."""
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next part starts the match
        if op == sre.LITERAL:
            char = chr(value)
            return None if flags & _IGNORECASE and char.lower() != char.upper() else frozenset(char)
        if op == sre.IN:
            summary = _char_class(value, 0)
            pieces = summary.exact
            if pieces is None or (flags & _IGNORECASE and any(p.text.lower() != p.text.upper() for p in pieces)):
                return None
            return frozenset(_members(value))
        if op == sre.SUBPATTERN:
            return _first_chars(list(value[3]), (flags | value[1]) & ~value[2])
        if op in _REPEATS and value[0] >= 1:
            return _first_chars(list(value[2]), flags)
        if op == sre.BRANCH:
            firsts = [_first_chars(list(branch), flags) for branch in value[1]]
            return None if any(first is None for first in firsts) else frozenset().union(*firsts)  # type: ignore[arg-type]
        return None
    return None


def _members(members: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, value in members:
        if op == sre.LITERAL:
            chars.add(chr(value))
        else:
            chars.update(map(chr, range(value[0], value[1] + 1)))
    return chars


def _conjunction(items: Iterable[Any], flags: int) -> Conjunction:
    summary = _sequence(items, flags)
    clauses = list(summary.clauses)
    if summary.exact is not None and (clause := _clause(summary.exact, False)):
        clauses.append(clause)
    return tuple(dict.fromkeys(_merged(clauses)))


def _clause(pieces: Iterable[_Piece], after: bool) -> Clause | None:
    atoms = []
    for piece in pieces:
        if not piece.text:
            return None  # the part may consume nothing: it needs nothing
        atoms.append(_atom(piece.text, piece.before, piece.after or after))
    return _simplest(atoms)


def _simplest(atoms: Iterable[Atom]) -> Clause:
    """The clause without the atoms that imply another of it ("june." holds only where "june"
    does). An atom is left out only for one that stays, so two that imply each other keep one."""
    kept: list[Atom] = []
    for atom in sorted(set(atoms), key=lambda atom: (atom.texts, atom.words, atom.digit)):
        if any(atom.implies(other) for other in kept):
            continue
        kept = [other for other in kept if not other.implies(atom)]
        kept.append(atom)
    return frozenset(kept)


def _atom(text: str, before: bool, after: bool) -> Atom:
    words = tuple(
        match.group()
        for match in _LETTERS.finditer(text)
        if (match.start() > 0 or before) and (match.end() < len(text) or after)
    )
    return Atom(() if text in words else (text,), words)


def _merged(clauses: list[Clause]) -> list[Clause]:
    """The one-atom clauses made one atom: "the end of" needs all three words together."""
    singles = [atom for clause in clauses if len(clause) == 1 and not (atom := next(iter(clause))).digit]
    if len(singles) < 2:
        return clauses
    words = tuple(dict.fromkeys(word for atom in singles for word in atom.words))
    texts = sorted({text for atom in singles for text in atom.texts}, key=len, reverse=True)
    kept: list[str] = []
    for text in texts:
        if not any(text in string for string in (*kept, *words)):
            kept.append(text)
    others = [clause for clause in clauses if len(clause) != 1 or next(iter(clause)).digit]
    return [*others, frozenset({Atom(tuple(kept), words)})]


def _join(first: _Piece, second: _Piece) -> _Piece:
    return _Piece(
        first.text + second.text,
        first.before if first.text else first.before or second.before,
        second.after if second.text else second.after or first.after,
    )


def _sequence(items: Iterable[Any], flags: int, before: bool = False, after: bool = False) -> _Summary:
    """A run of parts; `before`/`after`: no ASCII letter stands just outside it."""
    parts = list(items)
    clauses: list[Clause] = []
    spelt: set[_Piece] = {_Piece("", before)}
    exact = True
    consumes = False
    solid = True
    for index, (op, value) in enumerate(parts):
        bounded_after = _opens_bounded(parts[index + 1], flags) if index + 1 < len(parts) else after
        part = _item(op, value, flags, all(map(_ends_bounded, spelt)), bounded_after)
        clauses.extend(part.clauses)
        zero_width = part.exact is not None and all(not piece.text for piece in part.exact)
        consumes = consumes or not zero_width
        solid = solid and (part.solid or zero_width)
        if part.exact is not None and len(spelt) * len(part.exact) <= _LIMIT:
            spelt = {_join(a, b) for a in spelt for b in part.exact}
            continue
        exact = False
        if clause := _clause(spelt, part.solid or _opens_bounded((op, value), flags)):
            clauses.append(clause)
        spelt = set(part.exact) if part.exact is not None else {_Piece("", part.solid)}
    if exact:
        return _Summary(frozenset(spelt), clauses, solid and consumes)
    if clause := _clause(spelt, after):
        clauses.append(clause)
    return _Summary(None, _merged(clauses), solid and consumes)


def _ends_bounded(piece: _Piece) -> bool:
    """Whether no ASCII letter stands just before what follows `piece`."""
    return piece.before if not piece.text else not ("a" <= piece.text[-1] <= "z")


def _opens_bounded(part: tuple[Any, Any], flags: int) -> bool:
    """Whether a part guarantees that no ASCII letter stands where it starts."""
    op, value = part
    if op == sre.AT:
        return value in _BOUNDING_AT and value not in _BEFORE_AT
    if op == sre.ASSERT_NOT:
        return bool(value[0] > 0 and _excludes_letters(list(value[1]), flags))
    if op == sre.LITERAL:
        return _non_letter(value, value, flags & _IGNORECASE)
    if op == sre.IN:
        return _char_class(value, flags & _IGNORECASE).solid
    if op in _REPEATS:
        inner = list(value[2])
        return value[0] >= 1 and bool(inner) and _opens_bounded(inner[0], flags)
    if op == sre.SUBPATTERN:
        inner = list(value[3])
        return bool(inner) and _opens_bounded(inner[0], (flags | value[1]) & ~value[2])
    if op == sre.BRANCH:
        return all(bool(branch) and _opens_bounded(next(iter(branch)), flags) for branch in value[1])
    return False


def _item(op: Any, value: Any, flags: int, before: bool, after: bool) -> _Summary:
    ignore_case = flags & _IGNORECASE
    if op == sre.LITERAL:
        char = chr(value)
        exact = frozenset({_Piece(char.lower())}) if _spellable(char) else None
        return _Summary(exact, [], _non_letter(value, value, ignore_case))
    if op == sre.IN:
        return _char_class(value, ignore_case)
    if op == sre.BRANCH:
        return _branch([_sequence(branch, flags, before, after) for branch in value[1]], after)
    if op == sre.SUBPATTERN:
        _, added, removed, inner = value
        return _sequence(inner, (flags | added) & ~removed, before, after)
    if op == sre.ATOMIC_GROUP:
        return _sequence(value, flags, before, after)
    if op in _REPEATS:
        low, high, inner = value
        once = high == 1  # a part repeated may stand beside itself: its outside is not its edges
        return _repeat(low, high, _sequence(inner, flags, before and once, after and once))
    if op == sre.AT:
        bounded = value in _BOUNDING_AT
        return _Summary(
            frozenset({_Piece("", bounded and value not in _AFTER_AT, bounded and value not in _BEFORE_AT)}), [], False
        )
    if op == sre.ASSERT_NOT:
        direction, inner = value
        if not list(inner):
            return _Summary(frozenset({_EMPTY}), [frozenset()], False)  # (?!): never matches
        bounds = _excludes_letters(list(inner), flags)
        return _Summary(frozenset({_Piece("", bounds and direction < 0, bounds and direction > 0)}), [], False)
    if op == sre.ASSERT:
        inner_summary = _sequence(value[1], flags)
        clauses = list(inner_summary.clauses)
        if inner_summary.exact is not None and (clause := _clause(inner_summary.exact, False)):
            clauses.append(clause)
        return _Summary(frozenset({_EMPTY}), clauses, False)
    return _Summary(None, [], False)  # ANY, NOT_LITERAL, back references, conditionals


def _spellable(char: str) -> bool:
    """Whether lower-casing the text finds this character as lower-casing the pattern does:
    ASCII, or a character without case (Han, digits, punctuation)."""
    return char.isascii() or (char not in CASE_TRAPS and char.lower() == char == char.upper())


def _non_letter(low: int, high: int, ignore_case: int) -> bool:
    """Whether no character from `low` to `high` is, or (ignoring case) matches, an ASCII letter."""
    if (low <= ord("Z") and high >= ord("A")) or (low <= ord("z") and high >= ord("a")):
        return False
    return not (ignore_case and any(low <= code <= high for code in _TRAP_CODES))


def _char_class(members: list[tuple[Any, Any]], ignore_case: int) -> _Summary:
    chars: set[str] = set()
    countable = True
    solid = True
    digits = True  # only digits: a clause of "some decimal digit" where the members are too many
    for op, value in members:
        if op == sre.LITERAL:
            chars.add(chr(value))
            solid = solid and _non_letter(value, value, ignore_case)
            digits = digits and chr(value).isdecimal()
        elif op == sre.RANGE:
            low, high = value
            if high - low < _LIMIT:
                chars.update(map(chr, range(low, high + 1)))
            else:
                countable = False
            solid = solid and _non_letter(low, high, ignore_case)
            digits = digits and high - low < _LIMIT and all(chr(code).isdecimal() for code in range(low, high + 1))
        elif op == sre.CATEGORY:
            countable = False
            solid = solid and value in _NON_LETTER_CATEGORIES
            digits = digits and value == sre.CATEGORY_DIGIT
        else:  # NEGATE
            return _Summary(None, [], False)
    if countable and len(chars) <= _LIMIT and all(map(_spellable, chars)):
        return _Summary(frozenset(_Piece(char.lower()) for char in chars), [], solid)
    return _Summary(None, [frozenset({_ANY_DIGIT})] if digits and members else [], solid)


def _excludes_letters(inner: list[tuple[Any, Any]], flags: int) -> bool:
    """Whether a negative lookaround of one character rules out every ASCII letter."""
    if len(inner) != 1:
        return False
    op, value = inner[0]
    members = value if op == sre.IN else [(op, value)]
    covered = 0  # a bit per ASCII code point
    for member, argument in members:
        if member == sre.NEGATE:
            return False
        if member == sre.CATEGORY and argument == sre.CATEGORY_WORD:
            return True
        low, high = (argument, argument) if member == sre.LITERAL else argument if member == sre.RANGE else (1, 0)
        low, high = max(low, 0), min(high, 127)
        if low <= high:
            covered |= ((1 << (high - low + 1)) - 1) << low
    alphabet = (1 << 26) - 1
    upper, lower = (covered >> ord("A")) & alphabet, (covered >> ord("a")) & alphabet
    if flags & _IGNORECASE:
        return upper | lower == alphabet
    return upper == lower == alphabet


def _branch(branches: list[_Summary], after: bool) -> _Summary:
    solid = all(branch.solid for branch in branches)
    exacts = [branch.exact for branch in branches]
    if all(exact is not None for exact in exacts):
        union = frozenset(piece for exact in exacts if exact is not None for piece in exact)
        if len(union) <= _LIMIT:
            return _Summary(union, [], solid)
    atoms: set[Atom] = set()
    for branch in branches:
        options = list(branch.clauses)
        if branch.exact is not None and (clause := _clause(branch.exact, after)):
            options.append(clause)
        if not options:
            return _Summary(None, [], solid)
        atoms |= best_clause(options)
    return _Summary(None, [_simplest(atoms)], solid)


def _repeat(low: int, high: int, inner: _Summary) -> _Summary:
    if low == 0:
        exact = inner.exact | {_EMPTY} if high == 1 and inner.exact is not None else None
        return _Summary(exact, [], False)
    if inner.exact is not None and low == high and len(inner.exact) ** low <= _LIMIT:
        spelt = set(inner.exact)
        for _ in range(low - 1):
            spelt = {_join(a, b) for a, b in product(spelt, inner.exact)}
        return _Summary(frozenset(spelt), inner.clauses, inner.solid)
    clauses = list(inner.clauses)
    if inner.exact is not None and (clause := _clause(inner.exact, False)):
        clauses.append(clause)
    return _Summary(None, clauses, inner.solid)


def _strength(atom: Atom) -> int:
    """How rarely a text holds the atom, roughly: longer strings and whole words (but the
    shortest) are rarer; a number is rarer than two letters, a mark of punctuation commonest."""
    if atom.digit or (len(atom.texts) == 1 and not atom.words and atom.texts[0].isdecimal()):
        return 3
    if len(atom.texts) == 1 and not atom.words and len(atom.texts[0]) == 1 and not atom.texts[0].isalnum():
        return 0
    return max(map(len, atom.texts + atom.words), default=0) + 4 * sum(len(word) > 2 for word in atom.words)


def _rarity(clause: Clause) -> tuple[int, int]:
    return min(map(_strength, clause), default=1 << 30), -len(clause)


def best_clause(clauses: Sequence[Clause]) -> Clause:
    """The clause a text is least likely to satisfy: strong atoms, few of them (none: impossible)."""
    return max(clauses, key=_rarity)


__all__ = [
    "CASE_TRAPS",
    "Alternation",
    "Atom",
    "Check",
    "Facts",
    "Literal",
    "Need",
    "Scanner",
    "Sieve",
    "facts",
    "has_capitalised_word",
    "may_match",
    "need",
    "pattern_need",
]
