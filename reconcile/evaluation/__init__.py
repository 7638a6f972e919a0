"""`reconcile eval`: measured quality on real text, gated by pinned floors.

Three data sets, each answering one question a reader asks:
- the seed corpus against a hand-written gold file: does it find the real conflicts?
- WMT22 news translations (a translation states the same facts): does it pair the right
  sentences, and does it stay silent where there is nothing to flag? Then the same pairs
  with one planted change each: does it flag exactly that change?
- Tatoeba cmn-eng: how well does the embedder retrieve translations at all?

Evaluation code may read `../shared/eval`; the pipeline itself never does.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import InputError


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure; `ceiling` marks figures where lower is better."""

    name: str
    value: float
    detail: str = ""
    ceiling: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    figure: Figure
    bound: float | None

    @property
    def passed(self) -> bool:
        if self.bound is None:
            return True
        return self.figure.value <= self.bound if self.figure.ceiling else self.figure.value >= self.bound


def load_floors(path: Path) -> dict[str, float]:
    """Floors (and `_max` ceilings) keyed "section.figure", from a TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: floors file not found; pass --floors or run from the repository root") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error})") from None
    return {
        f"{section}.{name}": float(value)
        for section, table in data.items()
        if isinstance(table, dict)
        for name, value in table.items()
    }


def gate(figures: list[Figure], floors: dict[str, float]) -> list[Verdict]:
    """Each figure with the floor or ceiling that applies to it (None when unpinned)."""
    verdicts = []
    for figure in figures:
        key = f"{figure.name}_max" if figure.ceiling else figure.name
        verdicts.append(Verdict(figure, floors.get(key)))
    return verdicts


def format_table(verdicts: list[Verdict]) -> str:
    """The figures as an aligned plain-text table, one row per figure."""
    rows = [("figure", "value", "floor", "status", "detail")]
    for verdict in verdicts:
        bound = "—" if verdict.bound is None else ("≤ " if verdict.figure.ceiling else "≥ ") + f"{verdict.bound:g}"
        status = "ok" if verdict.passed else "BELOW FLOOR" if not verdict.figure.ceiling else "ABOVE CEILING"
        if verdict.bound is None:
            status = ""
        rows.append((verdict.figure.name, f"{verdict.figure.value:.4f}", bound, status, verdict.figure.detail))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in rows
    )
