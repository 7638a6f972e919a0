"""End to end on a second story, so that nothing is tuned to the seed alone.

`tests/data/xiaomi-su7/` is a hand-written English and Chinese pair about the launch of
Xiaomi's SU7 (April 2024), in the shapes wire and finance copy use: a day of the week for the
date ("on Tuesday"), prices in 万元 against full digits, an age set off after a name, a plant
capacity in 辆 against "cars a year". The Chinese article changes two facts (Lei Jun's age,
the plant's capacity); the reader must see exactly those two as conflicts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.model import Finding
from reconcile.pipeline import Pipeline, Reconciliation

STORY = Path(__file__).resolve().parent / "data" / "xiaomi-su7"


@pytest.fixture(scope="module")
def result(embedder: Embedder) -> Reconciliation:
    return Pipeline(Config(cache=False), embedder=embedder).run_folder(STORY)


def _paired(result: Reconciliation, english: str) -> Finding:
    """The paired finding whose English claim contains `english`."""
    texts = {claim.id: claim.text for claim in result.claims}
    return next(
        finding
        for finding in result.findings
        if len(finding.claims) == 2 and any(english in texts[claim] for claim in finding.claims)
    )


def test_the_two_changed_facts_are_the_conflicts(result: Reconciliation) -> None:
    conflicts = sorted(
        reason for finding in result.findings if finding.verdict == "conflict" for reason in finding.reasons
    )
    assert conflicts == [
        "age: 55 years old (ZH) vs 54 years old (EN)",  # finance-zh.md is the first document
        "vehicles: 200,000 vehicles (ZH) vs 150,000 vehicles (EN)",
    ]


def test_a_day_of_the_week_meets_the_calendar_date(result: Reconciliation) -> None:
    """ "on Tuesday" in an article of Friday 2024-04-05 is 4月2日."""
    assert "date: 2024-04-02" in _paired(result, "on Tuesday").agreements


def test_prices_in_wan_and_in_digits_are_one_figure(result: Reconciliation) -> None:
    finding = _paired(result, "215,900 yuan")
    assert "CNY: 215,900 CNY" in finding.agreements
    assert not any("more precise" in reason for reason in finding.reasons)
    assert _paired(result, "299,900 yuan").verdict == "agree"


def test_the_launch_date_and_the_order_count_agree(result: Reconciliation) -> None:
    assert "date: 2024-03-28" in _paired(result, "March 28").agreements
    assert "number: 88,898" in _paired(result, "88,898").agreements
