"""Findings -> what people and programs read: Markdown, findings JSON, CSV.

The JSON is the contract other tools build on (schema "reconcile/findings@1"); its keys
stay stable. Every output is deterministic: the same input gives the same bytes. Article
text is escaped before it enters Markdown, so a quote cannot break a table or inject markup.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from reconcile.errors import OutputError
from reconcile.lang import rules_for
from reconcile.model import (
    OPEN_FUTURE,
    OPEN_PAST,
    VERDICTS,
    Claim,
    DateValue,
    Document,
    Entity,
    Finding,
    Quantity,
    Slot,
)

if TYPE_CHECKING:
    import pandas

    from reconcile.cache import TimelineCache

SCHEMA = "reconcile/findings@1"
VERDICT_TITLES = {"conflict": "Conflict", "adds_detail": "Adds detail", "agree": "Agree"}


@dataclass(frozen=True)
class Reconciliation:
    """The result of comparing the documents of one corpus: what `compare()` returns."""

    corpus: str
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    embedder: str

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    def counts(self) -> dict[str, int]:
        """Findings per verdict, every verdict present (zero included)."""
        counted = Counter(finding.verdict for finding in self.findings)
        return {verdict: counted.get(verdict, 0) for verdict in VERDICTS}

    def to_json(self) -> str:
        return render_json(self)

    def to_markdown(self, figure: str | None = None) -> str:
        return render_markdown(self, figure)

    def to_frame(self) -> pandas.DataFrame:
        return findings_frame(self)


# --- JSON ------------------------------------------------------------------------------


def _date_json(value: date) -> str | None:
    return None if value in (OPEN_PAST, OPEN_FUTURE) else value.isoformat()


def _float_json(value: float) -> float | None:
    return value if math.isfinite(value) else None


def slot_json(slot: Slot) -> dict[str, Any]:
    """A slot as in findings.json: kind, text, offsets and the normalised value."""
    data: dict[str, Any] = {"kind": slot.kind, "text": slot.text, "start": slot.start, "end": slot.end}
    value = slot.value
    if isinstance(value, DateValue):
        data |= {
            "value": value.label,
            "precision": value.precision,
            "low": _date_json(value.low),
            "high": _date_json(value.high),
            "basis": value.basis,
        }
    elif isinstance(value, Quantity):
        data |= {
            "value": value.value,
            "low": _float_json(value.low),
            "high": _float_json(value.high),
            "low_open": value.low_open,
            "high_open": value.high_open,
            "unit": value.unit,
            "stated_range": list(value.stated_range) if value.stated_range is not None else None,
            "rounded": value.rounded,
        }
    elif isinstance(value, Entity):
        data["value"] = value.value
    return data


def findings_json(result: Reconciliation) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "corpus": result.corpus,
        "embedder": result.embedder,
        "documents": [
            {
                "id": document.id,
                "lang": document.lang,
                "title": document.title,
                "published": document.published.label if document.published else None,
                "path": document.path,
                "source": document.source,
                "encoding": document.encoding,
            }
            for document in result.documents
        ],
        "claims": [
            {
                "id": claim.id,
                "doc": claim.doc,
                "lang": claim.lang,
                "text": claim.text,
                "start": claim.start,
                "end": claim.end,
                "sentence": claim.sentence,
                "event": claim.event,
                "events": list(claim.events),
                "subject": claim.subject,
                "object": claim.object,
                "terms": list(claim.terms),
                "slots": [slot_json(slot) for slot in claim.slots],
            }
            for claim in result.claims
        ],
        "findings": [
            {
                "id": finding.id,
                "verdict": finding.verdict,
                "claims": list(finding.claims),
                "similarity": finding.similarity,
                "score": finding.score,
                "reasons": list(finding.reasons),
                "agreements": list(finding.agreements),
                "fact": finding.fact,
            }
            for finding in result.findings
        ],
    }


def render_json(result: Reconciliation) -> str:
    return json.dumps(findings_json(result), ensure_ascii=False, indent=2) + "\n"


# --- CSV -------------------------------------------------------------------------------


def _finding_rows(result: Reconciliation) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and one row per finding; one quote column per document, so a spreadsheet
    reads side by side."""
    rows = []
    for finding in result.findings:
        members = [result.claims_by_id[claim_id] for claim_id in finding.claims]
        row: dict[str, Any] = {
            "finding": finding.id,
            "verdict": finding.verdict,
            "fact": finding.fact,
            "similarity": finding.similarity,
            "reasons": "; ".join(finding.reasons),
            "agreements": "; ".join(finding.agreements),
            "claims": " ".join(finding.claims),
        }
        for document in result.documents:
            row[f"text_{document.id}"] = " / ".join(c.text for c in members if c.doc == document.id)
        rows.append(row)
    columns = ["finding", "verdict", "fact", "similarity", "reasons", "agreements", "claims"] + [
        f"text_{document.id}" for document in result.documents
    ]
    return columns, rows


def findings_frame(result: Reconciliation) -> pandas.DataFrame:
    """The findings as a DataFrame, the columns of the CSV report."""
    import pandas

    columns, rows = _finding_rows(result)
    return pandas.DataFrame(rows, columns=columns)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run: a leading =, +, -, @ (a formula) gets a quote mark."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(result: Reconciliation) -> str:
    """The CSV report, written with the csv module: pandas would cost a quarter of a second to import."""
    columns, rows = _finding_rows(result)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: _csv_cell(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue()


# --- Markdown --------------------------------------------------------------------------

_MARKDOWN_SPECIALS = set("\\`*_[]<>#|~&")
# What would open a block if it started a line or a list item: "- x", "+ x", "2021. x", "1) x".
_BLOCK_START = re.compile(r"^([-+])|^(\d{1,9})([.)])")


def md_escape(text: str) -> str:
    """Text shown literally in Markdown: specials backslash-escaped, no line breaks, no HTML,
    nothing that opens a list at the start; safe in a table cell, a heading or a list item."""
    flat = " ".join(text.split())
    escaped = "".join(f"\\{char}" if char in _MARKDOWN_SPECIALS else char for char in flat)
    return _BLOCK_START.sub(lambda match: f"\\{match[1]}" if match[1] else f"{match[2]}\\{match[3]}", escaped)


def md_code(text: str) -> str:
    """`text` as an inline code span, with a fence longer than any run of backticks inside it."""
    flat = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}" if "`" in flat else f"{fence}{flat}{fence}"


def side_label(document: Document, documents: Sequence[Document]) -> str:
    same_language = sum(1 for d in documents if d.lang == document.lang)
    return document.lang.upper() if same_language == 1 else f"{document.lang.upper()} {document.id}"


def _slot_summary(claim: Claim) -> str:
    parts = []
    for slot in claim.slots:
        value = slot.value
        if isinstance(value, DateValue):
            parts.append(f"date {value.label}")
        elif isinstance(value, Quantity):
            parts.append(value.label)
        elif isinstance(value, Entity):
            parts.append(f"{slot.kind} {value.value}")
    return md_escape("; ".join(dict.fromkeys(parts))) if parts else "—"  # 最近…前不久: one date, said twice


def _reason_lines(finding: Finding) -> list[str]:
    """What differs, then what the sources nonetheless agree on."""
    lines = [f"- {md_escape(reason)}" for reason in finding.reasons]
    return lines + [f"- agreed: {md_escape(agreement)}" for agreement in finding.agreements]


def _quote_table(result: Reconciliation, finding: Finding) -> list[str]:
    documents = {document.id: document for document in result.documents}
    lines = ["| Source | Claim | Quote |", "|---|---|---|"]
    for claim_id in finding.claims:
        claim = result.claims_by_id[claim_id]
        side = side_label(documents[claim.doc], result.documents)
        lines.append(f"| {md_escape(side)} | {md_escape(claim.id)} | {md_escape(claim.text)} |")
    return lines


def _similarity(finding: Finding) -> str:
    return f"{finding.similarity:.2f}" if finding.similarity is not None else "—"


def render_markdown(result: Reconciliation, figure: str | None = None) -> str:
    """The report a person reads: sources, counts, conflicts first, then detail, then agreement."""
    counts = result.counts()
    paired = [f for f in result.findings if len(f.claims) > 1]
    one_sided = [f for f in result.findings if len(f.claims) == 1]
    lines = [f"# Reconciliation report: {md_escape(result.corpus)}", ""]
    lines += [
        f"Claims from {len(result.documents)} sources compared with embedder {md_code(result.embedder)}. "
        "A **conflict** means normalised facts (dates, quantities, people) are incompatible; "
        "**adds detail** means one side is more precise or says more; **agree** means nothing disagrees.",
        "",
        "## Sources",
        "",
        "| Id | Language | Published | Title | Source |",
        "|---|---|---|---|---|",
    ]
    for document in result.documents:
        published = document.published.label if document.published else "unknown"
        lines.append(
            f"| {md_escape(document.id)} | {rules_for(document.lang).name} ({document.lang}) | {published} "
            f"| {md_escape(document.title)} | {md_escape(document.source) or '—'} |"
        )
    lines += [
        "",
        "## Summary",
        "",
        "| Verdict | Findings |",
        "|---|---|",
        f"| Conflict | {counts['conflict']} |",
        f"| Adds detail | {counts['adds_detail']} ({sum(1 for f in paired if f.verdict == 'adds_detail')} paired, "
        f"{len(one_sided)} one-sided) |",
        f"| Agree | {counts['agree']} |",
        "",
    ]
    if figure:
        lines += [f"![Timeline of dated claims per source]({figure})", ""]
    lines += ["## Conflicts", ""]
    conflicts = [f for f in result.findings if f.verdict == "conflict"]
    if not conflicts:
        lines += ["No conflicts found.", ""]
    for finding in conflicts:
        lines += [f"### {finding.id} · {md_escape(finding.fact)}", ""]
        lines += _reason_lines(finding)
        lines += ["", *_quote_table(result, finding), "", f"Similarity {_similarity(finding)}.", ""]
    lines += ["## Added detail", "", "### Paired claims where one side says more", ""]
    detailed = [f for f in paired if f.verdict == "adds_detail"]
    if not detailed:
        lines += ["None.", ""]
    for finding in detailed:
        lines += [f"#### {finding.id} · {md_escape(finding.fact)}", ""]
        lines += _reason_lines(finding)
        lines += ["", *_quote_table(result, finding), ""]
    for document in result.documents:
        own = [f for f in one_sided if result.claims_by_id[f.claims[0]].doc == document.id]
        lines += [f"### Only in {md_escape(side_label(document, result.documents))} ({md_escape(document.id)})", ""]
        if not own:
            lines += ["None.", ""]
            continue
        lines += ["| Finding | Claim | Slots |", "|---|---|---|"]
        for finding in own:
            claim = result.claims_by_id[finding.claims[0]]
            lines.append(f"| {finding.id} | {md_escape(claim.text)} | {_slot_summary(claim)} |")
        lines.append("")
    lines += ["## Agreements", ""]
    agreements = [f for f in result.findings if f.verdict == "agree"]
    if not agreements:
        lines += ["None.", ""]
    else:
        headers = [side_label(d, result.documents) for d in result.documents]
        lines += [
            "| Finding | " + " | ".join(md_escape(h) for h in headers) + " | Similarity | Why |",
            "|---|" + "---|" * len(headers) + "---|---|",
        ]
        for finding in agreements:
            members = [result.claims_by_id[c] for c in finding.claims]
            cells = [md_escape(" / ".join(c.text for c in members if c.doc == d.id)) or "—" for d in result.documents]
            lines.append(
                f"| {finding.id} | "
                + " | ".join(cells)
                + f" | {_similarity(finding)} | {md_escape('; '.join(finding.reasons))} |"
            )
        lines.append("")
    return "\n".join(lines)


# --- Files -----------------------------------------------------------------------------


def write_outputs(files: dict[Path, str | bytes]) -> None:
    """Write all `files` or none: each goes to a temporary file first, then all are renamed.

    If anything fails before the last rename (an error, a full disk, Ctrl-C), the files
    already renamed are put back as they were, so the previous reports stay untouched and
    no temporary file is left behind.
    """
    staged: list[tuple[str, Path]] = []
    renamed: list[tuple[str | None, Path]] = []
    target: Path | None = None
    try:
        for path, content in files.items():
            target = path
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.is_file() else 0o644)
        for temporary, path in staged:
            target = path
            renamed.append((_keep_previous(path, temporary), path))
            os.replace(temporary, path)
    except BaseException as error:
        _roll_back(staged, renamed)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {target}: {_why(error, target)}; choose a writable --out folder") from None
        raise
    for previous, _ in renamed:
        if previous is not None:
            with contextlib.suppress(OSError):
                os.unlink(previous)


def _keep_previous(path: Path, temporary: str) -> str | None:
    """A second name for the current `path` (a hard link, else a copy), to restore it on failure."""
    if not path.is_file():
        return None
    previous = f"{temporary}.old"
    try:
        os.link(path, previous)
    except OSError:
        shutil.copy2(path, previous)
    return previous


def _roll_back(staged: list[tuple[str, Path]], renamed: list[tuple[str | None, Path]]) -> None:
    for previous, path in reversed(renamed):
        with contextlib.suppress(OSError):
            if previous is None:
                os.unlink(path)
                continue
            os.replace(previous, path)
            # Renaming a hard link onto its twin (the path whose own rename failed) keeps both names.
            if os.path.exists(previous) and os.path.samefile(previous, path):
                os.unlink(previous)
    for temporary, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _why(error: OSError, target: Path | None) -> str:
    """The reason in words; a file where a folder should be is named (the OS only says "File exists")."""
    folders = (target.parent, *target.parent.parents) if target is not None else ()
    blocker = next((folder for folder in folders if folder.exists() and not folder.is_dir()), None)
    return f"{blocker} is a file, not a folder" if blocker is not None else error.strerror or str(error)


def _timeline(result: Reconciliation, timelines: TimelineCache | None) -> bytes | None:
    """The timeline PNG of `result` (None when no claim is dated), from `timelines` if drawn before."""
    from reconcile.figure import dated_marks, render_timeline

    if timelines is None:
        return render_timeline(result)
    marks = dated_marks(result)
    if not marks:
        return None
    key = timelines.key(result)
    png = timelines.get(key)
    if png is None and (png := render_timeline(result, marks)) is not None:
        timelines.put(key, png)
    return png


def write_report(
    result: Reconciliation, out_dir: Path, *, figure: bool = True, timelines: TimelineCache | None = None
) -> list[Path]:
    """NAME.md, NAME.json, NAME.csv and (when some claim is dated and `figure`) the timeline
    NAME.png for one corpus, written atomically together; returns the paths. A timeline
    already in `timelines` is not drawn again.

    A corpus without a figure loses the NAME.png of an earlier run, so the folder never
    holds a timeline its report does not show.
    """
    png = _timeline(result, timelines) if figure else None
    image = out_dir / f"{result.corpus}.png"
    files: dict[Path, str | bytes] = {
        out_dir / f"{result.corpus}.json": render_json(result),
        out_dir / f"{result.corpus}.csv": render_csv(result),
    }
    if png is not None:
        files[image] = png
    files[out_dir / f"{result.corpus}.md"] = render_markdown(result, quote(image.name) if png is not None else None)
    write_outputs(files)
    if png is None:
        with contextlib.suppress(FileNotFoundError):
            image.unlink()
    return list(files)
