"""End to end on stories other than the seed, so that nothing is tuned to the seed alone.

Each folder under `tests/data/` is a hand-written English and Chinese pair in the shapes wire
and finance copy use, and its Chinese article changes two facts on purpose: the reader must
see exactly those two as conflicts, and the other facts, written differently on each side,
as agreeing.

- `xiaomi-su7/`: the launch of Xiaomi's SU7 (April 2024). A day of the week for the date
  ("on Tuesday"), prices in 万元 against full digits, an age set off after a name, a plant
  capacity in 辆 against "cars a year". Changed: Lei Jun's age, the plant's capacity.
- `tencent-ubisoft/`: Tencent buying into a Ubisoft unit (March 2025). "said on Thursday"
  after a clause in the future tense, "two and a half hours" against 两个半小时, "by the end
  of 2025" against 2025年底前. Changed: the stake, the length of the talks.
- `alibaba-results/`: Alibaba's September-quarter results (November 2024). A chief executive
  under his English name (Eddie Wu) and his Chinese one (吴泳铭), one English sentence that
  Chinese splits in two, a fall as a change ("reducing … by 1.2%", 减少1.2%), "up 1% from a
  year earlier" against 同比增长1%. Changed (in English): the net income growth.
- `tibet-quake/`: the Dingri earthquake (January 2025), where the sources really differ: the
  US Geological Survey gave magnitude 7.1, China's network 6.8. "minus 16 degrees Celsius"
  against 零下16摄氏度, "the past five years" against 近5年来 (not "nearly five"), and
  珠穆朗玛峰 (Mount Everest), which holds no person.
- `bytedance-q1/`: ByteDance's first quarter and buyback (April 2024). "In December" written in
  April against 去年12月, a Chinese sentence cut in two at 达到 where the English says "grew …
  to", users counted on both sides, a rank and "more than a year" against 一年多来第三次.
  Changed (in Chinese): the December valuation, the number laid off.
- `alibaba-taotian/`: Eddie Wu taking over Taobao and Tmall from Trudy Dai (December 2023). A
  surname alone after an English given name ("Dai, 47,", "Wu, who co-founded"), 戴珊转任 after
  the title CEO, an age beside the year someone joined. Changed (in Chinese): Dai's age and the
  year she joined.
- `tennis-french-open/`: Zheng Qinwen at Roland Garros (June 2024). A venue that reads like a
  name, "her second Grand Slam quarter-final" against 第二次打进大满贯八强, "world number one"
  against 世界第一, scores (6-3 against 6比3). Changed (in Chinese): her age.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.model import Finding
from reconcile.pipeline import Pipeline, Reconciliation

STORIES = Path(__file__).resolve().parent / "data"


def _story(folder: str, name: str) -> Callable[..., Reconciliation]:
    """A module fixture `name`: the story in tests/data/<folder>, reconciled once."""

    def reconciled(embedder: Embedder) -> Reconciliation:
        return Pipeline(Config(cache=False), embedder=embedder).run_folder(STORIES / folder)

    return pytest.fixture(reconciled, scope="module", name=name)


xiaomi = _story("xiaomi-su7", "xiaomi")
tencent = _story("tencent-ubisoft", "tencent")
alibaba = _story("alibaba-results", "alibaba")
quake = _story("tibet-quake", "quake")
bytedance = _story("bytedance-q1", "bytedance")
taotian = _story("alibaba-taotian", "taotian")
tennis = _story("tennis-french-open", "tennis")


def _conflicts(result: Reconciliation) -> list[str]:
    return sorted(reason for finding in result.findings if finding.verdict == "conflict" for reason in finding.reasons)


def _paired(result: Reconciliation, english: str, chinese: str = "") -> Finding:
    """The paired finding whose English claim contains `english` (and Chinese one `chinese`)."""
    texts = {claim.id: claim.text for claim in result.claims}
    return next(
        finding
        for finding in result.findings
        if len(finding.claims) == 2
        and any(english in texts[claim] for claim in finding.claims)
        and any(chinese in texts[claim] for claim in finding.claims)
    )


# ---------------------------------------------------------------------------------- xiaomi-su7


def test_xiaomi_the_two_changed_facts_are_the_conflicts(xiaomi: Reconciliation) -> None:
    assert _conflicts(xiaomi) == [
        "age: 55 years old (ZH) vs 54 years old (EN)",  # finance-zh.md is the first document
        "vehicles: 200,000 vehicles (ZH) vs 150,000 vehicles (EN)",
    ]


def test_xiaomi_a_day_of_the_week_meets_the_calendar_date(xiaomi: Reconciliation) -> None:
    """ "on Tuesday" in an article of Friday 2024-04-05 is 4月2日."""
    assert "date: 2024-04-02" in _paired(xiaomi, "on Tuesday").agreements


def test_xiaomi_prices_in_wan_and_in_digits_are_one_figure(xiaomi: Reconciliation) -> None:
    finding = _paired(xiaomi, "215,900 yuan")
    assert "CNY: 215,900 CNY" in finding.agreements
    assert not any("more precise" in reason for reason in finding.reasons)
    assert _paired(xiaomi, "299,900 yuan").verdict == "agree"


def test_xiaomi_the_launch_date_and_the_order_count_agree(xiaomi: Reconciliation) -> None:
    assert "date: 2024-03-28" in _paired(xiaomi, "March 28").agreements
    assert "number: 88,898" in _paired(xiaomi, "88,898").agreements


# ---------------------------------------------------------------------------------- tencent-ubisoft


def test_tencent_the_two_changed_facts_are_the_conflicts(tencent: Reconciliation) -> None:
    assert _conflicts(tencent) == [
        "months: <10 months (ZH) vs <8 months (EN)",
        "percent: 30% (ZH) vs 25% (EN)",
    ]


def test_tencent_said_on_thursday_is_the_day_before_publication(tencent: Reconciliation) -> None:
    """ "Tencent will invest …, the maker said on Thursday" (article of Friday 2025-03-14): the
    "will" is the investment's, so the saying was 2025-03-13, which the Chinese 3月13日 gives."""
    assert "date: 2025-03-13" in _paired(tencent, "said on Thursday").agreements


def test_tencent_halves_and_year_end_deadlines_agree(tencent: Reconciliation) -> None:
    assert "hours: 2.5 hours" in _paired(tencent, "two and a half hours").agreements
    assert _paired(tencent, "by the end of 2025").agreements == ("date: ≤2025-12",)


def test_tencent_no_subsidiary_is_read_as_a_company_name(tencent: Reconciliation) -> None:
    """入股育碧子公司 and 这家子公司 name no company (they had read as 股育碧子公司, 家子公司)."""
    reasons = [reason for finding in tencent.findings for reason in finding.reasons]
    assert not any("子公司" in reason for reason in reasons)


# ---------------------------------------------------------------------------------- alibaba-results


def test_alibaba_the_changed_fact_is_the_only_conflict(alibaba: Reconciliation) -> None:
    assert _conflicts(alibaba) == ["percent: 63% (ZH) vs 58% (EN)"]


def test_alibaba_both_halves_of_a_split_sentence_meet_the_english_one(alibaba: Reconciliation) -> None:
    """ "Eddie Wu … bought back $4.1 billion of shares …, reducing its share count by 1.2%"
    against 吴泳铭表示…回购了价值41亿美元的股票 and 使流通股数量减少1.2%: the English given name
    does not set the two subjects against each other, and a fall is a change like 减少."""
    assert "USD: 4.1 billion USD" in _paired(alibaba, "bought back", "回购").agreements
    assert "percent: 1.2%" in _paired(alibaba, "bought back", "减少").agreements


def test_alibaba_a_year_earlier_is_a_baseline_not_a_date(alibaba: Reconciliation) -> None:
    finding = _paired(alibaba, "from a year earlier", "同比增长1%")
    assert finding.agreements == ("percent: 1%",)
    assert not any("date" in reason for reason in finding.reasons)


# ---------------------------------------------------------------------------------- tibet-quake


def test_quake_the_magnitude_is_the_only_conflict(quake: Reconciliation) -> None:
    """The headline and the first sentence each state it; the death toll and the rest agree."""
    assert _conflicts(quake) == ["magnitude: 6.8 magnitude (ZH) vs 7.1 magnitude (EN)"] * 2  # news-zh.md comes first


def test_quake_temperatures_below_zero_and_recent_years_agree(quake: Reconciliation) -> None:
    assert _paired(quake, "minus 16 degrees").agreements == ("celsius: -16 °C",)
    assert "years: 5 years" in _paired(quake, "past five years").agreements


def test_quake_mount_everest_is_no_person(quake: Reconciliation) -> None:
    reasons = [reason for finding in quake.findings for reason in finding.reasons]
    assert not any("person" in reason for reason in reasons)


# ---------------------------------------------------------------------------------- bytedance-q1


def test_bytedance_the_two_changed_facts_are_the_conflicts(bytedance: Reconciliation) -> None:
    """ "Up from $220 billion in December", written in April, is last December, as 去年12月 is:
    so the two figures meet, and differ."""
    assert _conflicts(bytedance) == [
        "USD: 230 billion USD (ZH) vs 220 billion USD (EN)",
        "people: ~1,500 people (ZH) vs ~1,000 people (EN)",
    ]
    assert "date: 2023-12" in _paired(bytedance, "$220 billion", "2300亿美元").agreements


def test_bytedance_the_second_half_of_a_split_sentence_meets_the_english_one(bytedance: Reconciliation) -> None:
    """达到约280亿美元 is a fragment whose predicate (reach) is not the English one (grew)."""
    assert "USD: ~28 billion USD" in _paired(bytedance, "to about $28 billion", "达到约280亿美元").agreements


def test_bytedance_users_ranks_and_hedged_years_are_compared(bytedance: Reconciliation) -> None:
    assert _paired(bytedance, "750 million daily active users").agreements == ("users: ~750 million users",)
    finding = _paired(bytedance, "third buyback", "第三次")
    assert finding.agreements == ("rank: 3rd",)
    assert finding.verdict == "adds_detail"
    assert finding.reasons == ("years: ZH is more precise (1–2 years within >1 year)",)


# ---------------------------------------------------------------------------------- alibaba-taotian


def test_taotian_the_two_changed_facts_are_the_conflicts(taotian: Reconciliation) -> None:
    """The years Dai joined differ, and so does her age: a year in each claim does not make the
    ages figures of different periods."""
    assert _conflicts(taotian) == ["age: 48 years old (ZH) vs 47 years old (EN)", "date: 2000 (ZH) vs 1999 (EN)"]


def test_taotian_a_surname_alone_is_the_person_named_before(taotian: Reconciliation) -> None:
    subjects = {claim.text.split(",")[0]: claim.subject for claim in taotian.claims if claim.lang == "en"}
    assert subjects["Dai"] == "Trudy Dai"
    assert subjects["Wu"] == "Eddie Wu"


def test_taotian_a_verb_of_taking_a_post_ends_the_name(taotian: Reconciliation) -> None:
    people = {slot.value.value for claim in taotian.claims for slot in claim.slots_of("person")}
    assert "Dai Shan" in people
    assert not any(name.startswith("Dai Shan") and name != "Dai Shan" for name in people)


# ---------------------------------------------------------------------------------- tennis-french-open


def test_tennis_the_changed_age_is_the_only_conflict(tennis: Reconciliation) -> None:
    assert _conflicts(tennis) == ["age: 22 years old (ZH) vs 21 years old (EN)"]


def test_tennis_ranks_agree_and_the_venue_is_no_person(tennis: Reconciliation) -> None:
    assert "rank: 2nd" in _paired(tennis, "second Grand Slam", "第二次").agreements
    assert "rank: 1st" in _paired(tennis, "world number one", "世界第一").agreements
    reasons = [reason for finding in tennis.findings for reason in finding.reasons]
    assert not any("Roland Garros" in reason for reason in reasons)
