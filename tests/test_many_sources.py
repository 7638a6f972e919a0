"""Corpora with more than two sources: every cross-source pair is reconciled."""

from __future__ import annotations

from reconcile.config import Config
from reconcile.embed import Embedder
from reconcile.ingest import ingest_text
from reconcile.pipeline import Pipeline

ENGLISH = """---
lang: en
published: 2016-05-21
---
Li Zhongming, deputy director of China Children's Center, said the center will hold a children's
art festival from May 28 to June 1. About 3,000 children are expected to attend the festival.
"""

CHINESE = """---
lang: zh
published: 2016-05-21
---
中国儿童中心副主任李忠明介绍，中国儿童中心将于5月28日至6月1日举办儿童艺术节。预计约3000名儿童将参加艺术节。
"""

# A second Chinese source, in Traditional characters, that disagrees on the head count.
TAIWANESE = """---
lang: zh
published: 2016-05-22
---
中國兒童中心副主任李忠明表示，中國兒童中心將於5月28日至6月1日舉辦兒童藝術節。預計約8000名兒童將參加藝術節。
"""


def test_three_sources_give_findings_across_all_of_them(embedder: Embedder) -> None:
    documents = [
        ingest_text(ENGLISH, "xinhua-en"),
        ingest_text(CHINESE, "xinhua-zh"),
        ingest_text(TAIWANESE, "cna-zh"),
    ]
    result = Pipeline(Config(cache=False), embedder=embedder).run(documents, "festival")
    claims = {claim.id: claim for claim in result.claims}
    three_way = [
        f for f in result.findings if {claims[c].doc for c in f.claims} == {"xinhua-en", "xinhua-zh", "cna-zh"}
    ]
    assert three_way, "a finding holds claims from all three sources"
    for finding in result.findings:
        docs = [claims[c].doc for c in finding.claims]
        assert len(docs) == len(set(docs)), "at most one claim per source in a finding"
    head_count = [f for f in three_way if any("people" in reason for reason in f.reasons)]
    assert [f.verdict for f in head_count] == ["conflict"]
    # Two sources share a language, so reasons name documents, not languages.
    reason = " ".join(head_count[0].reasons)
    assert "cna-zh" in reason and ("xinhua-en" in reason or "xinhua-zh" in reason)


def test_two_english_sources_are_compared_with_each_other(embedder: Embedder) -> None:
    changed = ENGLISH.replace("About 3,000 children", "About 8,000 children")
    documents = [ingest_text(ENGLISH, "wire"), ingest_text(changed, "paper")]
    result = Pipeline(Config(cache=False), embedder=embedder).run(documents, "festival")
    conflicts = [f for f in result.findings if f.verdict == "conflict"]
    assert len(conflicts) == 1
    assert "~3,000 people (wire) vs ~8,000 people (paper)" in conflicts[0].reasons[0]
