"""Document -> Sentences, with rules per language (terminators, abbreviations) read as data.

A line break in the clean text always ends a sentence: ingest has already joined lines
wrapped inside a sentence, so the remaining breaks are paragraphs and headings.
"""

from __future__ import annotations

import re
from functools import cache

from reconcile.lang import rules_for
from reconcile.lang.rules import TextRules
from reconcile.model import Document, Sentence
from reconcile.normalize.text import fold


@cache
def _boundary_pattern(lang: str) -> re.Pattern[str]:
    rules = rules_for(lang).text
    terminators = re.escape(rules.sentence_terminators)
    closing = re.escape(rules.closing_marks)
    after = r"(?=\s+|$)" if rules.space_after_terminator else ""
    return re.compile(rf"[{terminators}]+[{closing}]*{after}")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, end: int, rules: TextRules) -> bool:
    """Whether the '.' at `end - 1` closes an abbreviation or an initial, not a sentence."""
    if text[end - 1] != ".":
        return False
    word = _WORD_BEFORE.search(text, 0, end - 1)
    if word is None:
        return False
    token = word.group(1).rstrip(".").lower()
    if token in rules.abbreviations or len(token) == 1:
        return True
    next_char = text[end:].lstrip()[:1]
    return bool(next_char) and next_char.islower()


def segment(document: Document) -> tuple[Sentence, ...]:
    """The sentences of `document`, in order, with offsets into its text."""
    rules = rules_for(document.lang).text
    pattern = _boundary_pattern(document.lang)
    folded = fold(document.text)
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in folded.split("\n"):
        start = line_start
        for match in pattern.finditer(line):
            if _is_abbreviation(line, match.end(), rules):
                continue
            spans.append((start, line_start + match.end()))
            start = line_start + match.end()
        spans.append((start, line_start + len(line)))
        line_start += len(line) + 1
    sentences: list[Sentence] = []
    for start, end in spans:
        while start < end and document.text[start].isspace():
            start += 1
        while end > start and document.text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(document.id, len(sentences), start, end, document.text[start:end]))
    return tuple(sentences)
