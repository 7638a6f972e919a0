"""Findings -> a timeline figure: every dated claim on one line per source (PNG bytes).

A reader should see at a glance where the sources place the same event at different
times: paired claims are joined by a line, and a conflict is drawn in red and labelled
with the disputed fact. Labels use the canonical Latin forms of the findings (subject ·
event · kind) and the bundled DejaVu Sans font, so the figure needs no CJK font and looks
the same on any machine; a character the font lacks is romanised (Chinese) or replaced.

matplotlib is imported here only, on first use (it costs about half a second), with the
Agg canvas and never pyplot: no GUI backend, no global figure state. The PNG carries no
software version or timestamp, so the same findings give the same bytes.
"""

from __future__ import annotations

import io
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from reconcile.model import OPEN_FUTURE, OPEN_PAST, DateValue, Finding
from reconcile.report import side_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from reconcile.report import Reconciliation

CONFLICT = "#d62728"
COLOURS: dict[str, str] = {"conflict": CONFLICT, "adds_detail": "#1f77b4", "agree": "#2ca02c", "one_sided": "#a0a0a0"}
WIDTH_INCHES = 11.0
DPI = 100
LANE = 0.2  # vertical distance between stacked marks of one source, in row units
DASHED: tuple[float, Sequence[float]] = (0, (3, 2))  # a paired finding that is not a conflict


@dataclass(frozen=True, slots=True)
class Mark:
    """One date slot of one claim, as drawn: an interval (a point when it is one day long).

    `low`/`high` are None for an open bound ("before 2021-12"); `kind` is the finding's
    verdict, or "one_sided" for a claim found in one source only.
    """

    claim: str
    doc: str
    low: date | None
    high: date | None
    label: str
    finding: str
    kind: str


def dated_marks(result: Reconciliation) -> list[Mark]:
    """Every date slot of every claim, in claim order; empty when no claim carries a date."""
    finding_of = {claim_id: finding for finding in result.findings for claim_id in finding.claims}
    marks = []
    for claim in result.claims:
        finding = finding_of.get(claim.id)
        if finding is None:
            continue
        kind = finding.verdict if len(finding.claims) > 1 else "one_sided"
        for slot in claim.slots_of("date"):
            value = slot.value
            assert isinstance(value, DateValue)
            low = None if value.low == OPEN_PAST else value.low
            high = None if value.high == OPEN_FUTURE else value.high
            if low is None and high is None:
                continue
            marks.append(Mark(claim.id, claim.doc, low, high, value.label, finding.id, kind))
    return marks


def conflict_label(finding: Finding, marks: Sequence[Mark], sides: dict[str, str]) -> str:
    """The disputed fact and, when a date is in dispute, the date each source gives:
    "F001 Yang Hongxia · leave · date: 2022-09 (EN) vs 2022-10 (ZH)" (`sides`: id -> "EN")."""
    kinds = finding.fact.split(" · ")[2:]
    ends = _ends([mark for mark in marks if mark.finding == finding.id], list(sides))
    if not kinds or "date" not in kinds[-1] or len(ends) < 2:
        return f"{finding.id} {finding.fact}"
    return f"{finding.id} {finding.fact}: " + " vs ".join(f"{mark.label} ({sides[mark.doc]})" for mark in ends)


def _overlap(a: Mark, b: Mark) -> bool:
    return (a.low or date.min) <= (b.high or date.max) and (b.low or date.min) <= (a.high or date.max)


def render_timeline(result: Reconciliation, marks: list[Mark] | None = None) -> bytes | None:
    """The timeline as PNG bytes, or None when no claim of the corpus carries a date.
    `marks` are `dated_marks(result)` when the caller has them already."""
    marks = dated_marks(result) if marks is None else marks
    if not marks:
        return None
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        matplotlib.rcdefaults()  # a user's matplotlibrc must not change the committed figure
        matplotlib.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})
        figure = Figure(dpi=DPI)
        FigureCanvasAgg(figure)
        _draw(figure, result, marks)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


@dataclass(slots=True)
class _Glyph:
    """Marks of one source with the same interval, drawn once (with a count when several)."""

    doc: str
    low: date | None
    high: date | None
    marks: list[Mark]
    lane: int = 0

    @property
    def kind(self) -> str:
        return min((mark.kind for mark in self.marks), key=list(COLOURS).index)


def _glyphs(marks: Sequence[Mark]) -> list[_Glyph]:
    merged: dict[tuple[str, date | None, date | None], _Glyph] = {}
    for mark in marks:
        key = (mark.doc, mark.low, mark.high)
        merged.setdefault(key, _Glyph(mark.doc, mark.low, mark.high, [])).marks.append(mark)
    return list(merged.values())


def _draw(figure: Any, result: Reconciliation, marks: list[Mark]) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.lines import Line2D

    doc_order = [document.id for document in result.documents]
    sides = {document.id: side_label(document, result.documents) for document in result.documents}
    documents = [document for document in result.documents if any(mark.doc == document.id for mark in marks)]
    first, last = _span(marks, result)
    glyphs = _glyphs(marks)
    depth = _stack(glyphs, first, last)
    by_finding: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_finding[mark.finding].append(mark)
    verdict_of = {finding.id: finding.verdict for finding in result.findings}
    conflicts = [f for f in result.findings if f.verdict == "conflict" and len(_ends(by_finding[f.id], doc_order)) > 1]

    # Rows from the top, in data units (the y axis points down): a band per source, and
    # between sources room for the lines that join paired claims and the conflict labels.
    gap = 0.9 + 0.3 * len(conflicts)
    row_top: dict[str, float] = {}
    y = 0.0
    for index, document in enumerate(documents):
        row_top[document.id] = y
        y += (depth[document.id] - 1) * LANE + (gap if index < len(documents) - 1 else 0.0)
    bottom = y
    plot_height = (bottom + 0.7) * 0.85
    height = plot_height + 1.25
    figure.set_size_inches(WIDTH_INCHES, height)
    axes: Axes = figure.add_axes((0.17, 0.75 / height, 0.80, plot_height / height))
    axes.set_ylim(bottom + 0.35, -0.35)
    x_first, x_last = date2num(first), date2num(last + timedelta(days=1))
    axes.set_xlim(x_first, x_last)
    arrow = (x_last - x_first) * 0.006

    position: dict[Mark, tuple[float, float]] = {}
    for glyph in glyphs:
        y = row_top[glyph.doc] + glyph.lane * LANE
        kind = glyph.kind
        colour = COLOURS[kind]
        strong = kind == "conflict"
        low = date2num(glyph.low) if glyph.low else x_first
        high = date2num(glyph.high + timedelta(days=1)) if glyph.high else x_last
        if glyph.low is not None and glyph.low == glyph.high:  # one day: a point
            axes.plot([low + 0.5], [y], "o", color=colour, markersize=7 if strong else 5, zorder=4)
            centre = low + 0.5
        elif glyph.low is None or glyph.high is None or (glyph.high - glyph.low).days > 370:
            # A range ("before 2021-12", "since 2021-03"): a thin line, an arrow where it is open.
            axes.plot([low, high], [y, y], color=colour, linewidth=1.4, alpha=0.8, zorder=3)
            for end, is_open, marker in ((low, glyph.low is None, "<"), (high, glyph.high is None, ">")):
                if is_open:
                    axes.plot([end + (arrow if marker == "<" else -arrow)], [y], marker, color=colour, markersize=5)
                else:
                    axes.plot([end], [y], "|", color=colour, markersize=7, markeredgewidth=1.4, zorder=3)
            centre = high if glyph.low is None else low if glyph.high is None else (low + high) / 2
        else:  # a month or a year: a bar as long as the period
            axes.plot([low, high], [y, y], color=colour, linewidth=9 if strong else 6, solid_capstyle="butt", zorder=4)
            centre = (low + high) / 2
        if len(glyph.marks) > 1:
            axes.annotate(
                f"×{len(glyph.marks)}", (high, y), xytext=(3, 0), textcoords="offset points",
                va="center", fontsize=7, color="#666666",
            )  # fmt: skip
        for mark in glyph.marks:
            position[mark] = (centre, y)

    # Paired findings: a line from each source's mark to the next source's.
    for finding_id, own in by_finding.items():
        ends = _ends(own, doc_order)
        verdict = verdict_of[finding_id]
        strong = verdict == "conflict"
        for a, b in itertools.pairwise(ends):
            (xa, ya), (xb, yb) = position[a], position[b]
            axes.plot(
                [xa, xb],
                [ya, yb],
                color=COLOURS[verdict],
                linewidth=2.5 if strong else 1.0,
                linestyle="solid" if strong else DASHED,
                alpha=1.0 if strong else 0.7,
                zorder=5 if strong else 2,
            )

    # Conflicts: the disputed fact in red beside its line, halfway between the sources.
    for index, finding in enumerate(conflicts):
        ends = _ends(by_finding[finding.id], doc_order)
        (xa, ya), (xb, yb) = position[ends[0]], position[ends[1]]
        at = 0.5 + 0.12 * (index - (len(conflicts) - 1) / 2)
        anchor = (xa + (xb - xa) * at, ya + (yb - ya) * at)
        right_half = anchor[0] > x_first + (x_last - x_first) * 0.6
        axes.annotate(
            _drawable(conflict_label(finding, marks, sides)),
            xy=anchor,
            xytext=(-28 if right_half else 28, 0),
            textcoords="offset points",
            ha="right" if right_half else "left",
            va="center",
            color=CONFLICT,
            fontsize=10.5,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.35", "facecolor": "#fff2f2", "edgecolor": CONFLICT, "linewidth": 1.2},
            arrowprops={"arrowstyle": "-", "color": CONFLICT, "linewidth": 1.2, "shrinkA": 0, "shrinkB": 0},
            zorder=6,
        )

    # Publication dates: relative dates ("last September") were resolved against them.
    for document in documents:
        if document.published is not None and document.published.low != OPEN_PAST:
            day = date2num(document.published.low)
            top = row_top[document.id]
            axes.plot([day, day], [top - 0.3, top + (depth[document.id] - 1) * LANE + 0.3], color="#444444",
                      linewidth=0.8, linestyle=(0, (1, 1.5)), zorder=1)  # fmt: skip
            axes.annotate("published", (day, top - 0.3), xytext=(0, 2), textcoords="offset points",
                          ha="center", va="bottom", fontsize=7, color="#444444")  # fmt: skip

    axes.set_yticks([row_top[d.id] + (depth[d.id] - 1) * LANE / 2 for d in documents])
    axes.set_yticklabels([_drawable(_row_label(d.id, d.lang, result)) for d in documents])
    axes.tick_params(axis="y", length=0, labelsize=9.5)
    locator = AutoDateLocator(minticks=5, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#eeeeee", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    shown = f"{len(conflicts)} conflict{'s' if len(conflicts) > 1 else ''}" if conflicts else "no conflict"
    axes.set_title(
        _drawable(f"{result.corpus}: dated claims per source ({len(marks)} dates, {shown})"),
        loc="left",
        fontsize=11,
        pad=14,
    )
    kinds = {glyph.kind for glyph in glyphs} | {"conflict"}
    entries: tuple[tuple[str, float, Literal["solid"] | tuple[float, Sequence[float]], str], ...] = (
        ("conflict", 2.5, "solid", "conflict"),
        ("adds_detail", 1.0, DASHED, "paired, one adds detail"),
        ("agree", 1.0, DASHED, "paired, agree"),
        ("one_sided", 6, "solid", "one source only (month / year)"),
    )
    legend = [
        Line2D([], [], color=COLOURS[kind], linewidth=width, linestyle=style, label=label)
        for kind, width, style, label in entries
        if kind in kinds
    ]
    if any(glyph.low is None or glyph.high is None for glyph in glyphs):
        legend.append(Line2D([], [], color="#666666", linewidth=1.4, marker="<", markersize=5, label="open-ended"))
    figure.legend(
        handles=legend, loc="lower center", ncol=len(legend), frameon=False, fontsize=8.5, bbox_to_anchor=(0.5, 0.0)
    )


def _ends(own: Sequence[Mark], doc_order: Sequence[str]) -> list[Mark]:
    """One mark per source for a finding's connecting line: the disputed date where one is."""
    ends = []
    for doc in doc_order:
        mine = [mark for mark in own if mark.doc == doc]
        if not mine:
            continue
        others = [mark for mark in own if mark.doc != doc]
        disputed = [mark for mark in mine if not any(_overlap(mark, other) for other in others)]
        ends.append((disputed or mine)[0])
    return ends


def _span(marks: Sequence[Mark], result: Reconciliation) -> tuple[date, date]:
    """First and last day shown: every finite bound and publication date, with a margin."""
    days = [day for mark in marks for day in (mark.low, mark.high) if day is not None]
    days += [
        day
        for document in result.documents
        if document.published is not None
        for day in (document.published.low, document.published.high)
        if day not in (OPEN_PAST, OPEN_FUTURE)
    ]
    first, last = min(days), max(days)
    margin = max((last - first).days // 25, 20)
    return first - timedelta(days=margin), last + timedelta(days=margin)


def _stack(glyphs: Sequence[_Glyph], first: date, last: date) -> dict[str, int]:
    """Put glyphs of one source that would touch in separate lanes; returns lanes per source."""
    gap = timedelta(days=max((last - first).days // 70, 1))
    depth: dict[str, int] = defaultdict(lambda: 1)
    ends: dict[str, list[date]] = defaultdict(list)  # per source, the last day used in each lane
    count_width = timedelta(days=(last - first).days // 35)  # room for a "×4" after the glyph
    for glyph in sorted(glyphs, key=lambda g: (g.doc, g.low or first, g.high or last)):
        start, end = glyph.low or first, glyph.high or last
        if len(glyph.marks) > 1 and glyph.high is not None:
            end += count_width
        used = ends[glyph.doc]
        lane = next((index for index, until in enumerate(used) if until + gap < start), len(used))
        if lane == len(used):
            used.append(end)
        else:
            used[lane] = end
        glyph.lane = lane
        depth[glyph.doc] = max(depth[glyph.doc], lane + 1)
    return depth


def _row_label(doc: str, lang: str, result: Reconciliation) -> str:
    published = next((d.published.label for d in result.documents if d.id == doc and d.published), None)
    return f"{lang.upper()}  {doc}" + (f"\npublished {published}" if published else "")


@cache
def _font_characters() -> frozenset[int]:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    return frozenset(FT2Font(path).get_charmap())


def _drawable(text: str) -> str:
    """`text` in characters the font has: Chinese romanised (pinyin), anything else as "?".

    Labels come from the findings' canonical (Latin) forms, but a subject without a Latin
    name or a file named in Chinese would otherwise show as empty boxes.
    """
    known = _font_characters() | {ord("\n")}
    if all(ord(char) in known for char in text):
        return text
    from reconcile.normalize.romanise import pinyin

    out = []
    for char in text:
        if ord(char) in known:
            out.append(char)
        elif "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            out.append(pinyin(char)[0].capitalize())
        else:
            out.append("?")
    return "".join(out)
