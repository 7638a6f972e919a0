"""The pipeline end to end, and the public `compare()` built on it.

ingest -> segment -> extract -> embed -> align -> judge -> report. A `Pipeline` holds the
loaded embedder, so many corpora share one model load, and it keeps the seconds spent in
each stage for the benchmarks.

The stages between ingest and report are imported where the pipeline first runs them: a
rerun the results cache answers runs none of them, and their imports (numpy, rapidfuzz,
the extraction lexicons; 85 ms) were a quarter of such a rerun of the 437 WMT pairs. The
helper process imports the extractors itself, beside the model load.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from reconcile import overlap
from reconcile.cache import ClaimsCache, KnownResult, ResultsCache, TimelineCache
from reconcile.config import Config, corpus_config
from reconcile.errors import InputError, ReconcileError
from reconcile.ingest import ARTICLE_SUFFIXES, ingest_corpus, ingest_file, ingest_text
from reconcile.model import Claim, Document
from reconcile.report import Reconciliation, write_report

if TYPE_CHECKING:
    import numpy as np

    from reconcile.align import NameMatcher
    from reconcile.embed import Embedder

_Claims = list[tuple[Claim, ...]]  # one tuple per document

# With a helper, corpora are read and handed to it this far ahead of the one being
# reconciled, and the queue is topped up when half of it is left: the helper gets through
# the extraction early, beside an embedder that leaves it a core, and is then idle while
# the embedder has every core (on two cores, 64 ahead took 8.6-9.8 s over the 437 WMT
# pairs against 7.0-8.2 s, in four interleaved rounds). Bounded by text as well, since the
# corpora ahead are held in memory.
READ_AHEAD_CORPORA = 512
READ_AHEAD_CHARACTERS = 16_000_000
# Corpora whose claims are in are embedded together (with the names of their unknown
# organisations), up to this many claims a call: the model streams its weights once per
# micro-batch of up to 384 tokens, so a call for one corpus' few claims ran at 370 texts/s on
# two cores, and calls of 64 texts or more at 570 (the 437 WMT pairs).
EMBED_TOGETHER_CLAIMS = 256
_END = object()


@dataclass(frozen=True, slots=True)
class _Embedded:
    """A corpus' claim vectors (one row per claim), and its names matcher holding the name
    vectors of the organisations the lexicon lacks."""

    vectors: np.ndarray
    names: NameMatcher


@dataclass(slots=True)
class _Corpus:
    """One corpus on its way through `Pipeline._each`: read, then its claims looked up in the
    cache; the documents still `missing` are extracted, by the helper when there is one."""

    source: object
    name: str = ""
    documents: Sequence[Document] = ()
    config: Config | None = None
    claims: Sequence[tuple[Claim, ...] | None] = ()
    missing: list[Document] = field(default_factory=list)
    error: ReconcileError | None = None
    in_helper: bool = False
    collected: bool = False  # its claims are in (or its error is known)
    embedded: _Embedded | None = None
    result_key: bytes | None = None
    known: KnownResult | None = None  # from the results cache: nothing to extract, embed or align
    characters: int = 0  # of its documents' text, which the read-ahead bounds


class Pipeline:
    """Runs corpora through every stage with one embedder, loaded on first use.

    With `background` (and where `reconcile.overlap.available()`), `run_many` and
    `report_folders` extract in a helper process: the first corpora while the model loads,
    and later ones while this process embeds those before them.
    """

    def __init__(
        self,
        config: Config | None = None,
        embedder: Embedder | None = None,
        *,
        pinned: Collection[str] = (),
        background: bool = False,
    ) -> None:
        self.config = config or Config()
        self.pinned = frozenset(pinned)  # settings given as flags: a corpus' reconcile.toml keeps them
        self.background = background and overlap.available()
        self._embedder = embedder
        self._embedder_loaded = embedder is not None
        self._claims_cache = ClaimsCache(self.config.cache_dir) if self.config.cache else None
        # Only a configured embedder is named in the settings, and so in a result's key.
        self._results_cache = ResultsCache(self.config.cache_dir) if self.config.cache and embedder is None else None
        self._timelines = TimelineCache(self.config.cache_dir) if self.config.cache else None
        self.stage_seconds: dict[str, float] = defaultdict(float)

    @property
    def embedder(self) -> Embedder | None:
        if not self._embedder_loaded:
            from reconcile.embed import load_embedder

            cache_dir = self.config.cache_dir if self.config.cache else None
            self._embedder = load_embedder(self.config.embedder, cache_dir=cache_dir)
            self._embedder_loaded = True
        return self._embedder

    @contextmanager
    def _stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[name] += time.perf_counter() - started

    def run_folder(self, folder: Path) -> Reconciliation:
        documents, config = self.read_folder(folder)
        return self.run(documents, folder.resolve().name, config)  # also named for "." or "corpora/x/.."

    def report_folder(self, folder: Path, out: Path) -> tuple[Reconciliation, list[Path]]:
        """Reconcile a corpus folder and write its reports into `out`; returns the result and
        the files written. InputError for its articles, OutputError for its reports."""
        documents, config = self.read_folder(folder)
        result = self.run(documents, folder.resolve().name, config)
        return result, write_report(result, out, figure=config.figure, timelines=self._timelines)

    def report_folders(
        self, folders: Iterable[Path], out: Path
    ) -> Iterator[tuple[Path, tuple[Reconciliation, list[Path]] | ReconcileError]]:
        """`report_folder` for each folder in turn, each with its result and files or the
        error that stopped it (an error stops that folder only)."""

        def read(folder: object) -> tuple[Sequence[Document], str, Config]:
            assert isinstance(folder, Path)
            documents, config = self.read_folder(folder)
            return documents, folder.resolve().name, config

        def report(result: Reconciliation, config: Config) -> list[Path]:
            return write_report(result, out, figure=config.figure, timelines=self._timelines)

        for corpus, outcome in self._each(folders, read, report, _importer(_REPORT_IMPORTS)):
            assert isinstance(corpus.source, Path)
            yield corpus.source, outcome

    def run_many(self, corpora: Iterable[tuple[Sequence[Document], str]]) -> Iterator[Reconciliation]:
        """`run(documents, name)` for each (documents, name) in turn; the first error is raised."""

        with_config = ((documents, name, self.config) for documents, name in corpora)
        for _, outcome in self._each(with_config, _given, lambda result, config: [], lambda: None):
            if isinstance(outcome, ReconcileError):
                raise outcome
            yield outcome[0]

    def read_folder(self, folder: Path) -> tuple[tuple[Document, ...], Config]:
        """The articles of a corpus folder, and the settings for it: the pipeline's, with the
        folder's own reconcile.toml (if any) on top. Problems with the input raise InputError."""
        config = corpus_config(self.config, folder, self.pinned) if folder.is_dir() else self.config
        with self._stage("ingest"):
            return ingest_corpus(folder, config), config

    def run(self, documents: Sequence[Document], corpus: str, config: Config | None = None) -> Reconciliation:
        """Reconcile `documents` (at least two) as the corpus called `corpus`, with `config`
        (default: the pipeline's; its embedder settings are the pipeline's in any case)."""
        prepared = self._prepared((documents, corpus, config or self.config), _given)
        self._collect(prepared, None)
        self._embed_window([prepared], None)
        if prepared.error is not None:
            raise prepared.error
        return self._reconciled(prepared)

    def _checked(self, documents: Sequence[Document], corpus: str, config: Config) -> Config:
        if len(documents) < 2:
            raise InputError(f"{corpus}: {len(documents)} document(s); reconciling needs at least two")
        for document in documents:
            if document.lang not in config.languages:
                raise InputError(
                    f"{document.path or document.id}: an article in {document.lang!r}, but the setting languages "
                    f"allows only {', '.join(config.languages)}; remove the article or widen languages"
                )
        return config

    def _cached(self, documents: Sequence[Document]) -> list[tuple[Claim, ...] | None]:
        with self._stage("extract"):  # the claims cache stands in for extraction: its time is counted there
            return self._claims_cache.get(documents) if self._claims_cache is not None else [None] * len(documents)

    def _extract(self, documents: Sequence[Document]) -> tuple[_Claims, dict[str, float]]:
        """Each document's claims, and the seconds spent segmenting and extracting them."""
        from reconcile.extract import extract
        from reconcile.segment import segment

        seconds = {"segment": 0.0, "extract": 0.0}
        claims: _Claims = []
        for document in documents:
            started = time.perf_counter()
            sentences = segment(document)
            segmented = time.perf_counter()
            claims.append(extract(document, sentences))
            seconds["segment"] += segmented - started
            seconds["extract"] += time.perf_counter() - segmented
        return claims, seconds

    def _filled(
        self,
        cached: Sequence[tuple[Claim, ...] | None],
        missing: Sequence[Document],
        extracted: tuple[_Claims, dict[str, float]],
    ) -> _Claims:
        """The cached claims with the extracted ones in the gaps; the extracted go into the cache."""
        claims, seconds = extracted
        for stage, spent in seconds.items():
            self.stage_seconds[stage] += spent
        if self._claims_cache is not None and missing:
            with self._stage("extract"):
                self._claims_cache.put(list(zip(missing, claims, strict=True)))
        fresh = iter(claims)
        return [known if known is not None else next(fresh) for known in cached]

    def _finish(
        self,
        documents: Sequence[Document],
        corpus: str,
        config: Config,
        extracted: _Claims,
        embedded: _Embedded | None,
    ) -> Reconciliation:
        """Align and judge the claims of one corpus, `embedded` already (None: no embedder)."""
        from reconcile.align import NameMatcher, align
        from reconcile.judge import judge

        claims = _all_claims(extracted)
        embedder = self.embedder
        vectors = embedded.vectors if embedded is not None else None
        names = embedded.names if embedded is not None else NameMatcher()
        with self._stage("align"):
            alignments = align(claims, vectors, [document.id for document in documents], config, names)
        with self._stage("judge"):
            conflict_score = config.conflict_score if vectors is not None else config.lexical_conflict_score
            findings = judge(documents, claims, alignments, conflict_score, names)
        return Reconciliation(
            corpus=corpus,
            documents=tuple(documents),
            claims=tuple(claims),
            findings=findings,
            embedder=embedder.name if embedder is not None else "none",
        )

    def _embed_together(self, corpora: Sequence[Sequence[Claim]]) -> list[_Embedded]:
        """The claims of each corpus embedded, with its unknown organisations' names, in one
        call for them all."""
        from reconcile.align import NameMatcher, unknown_organisations
        from reconcile.embed import embed

        embedder = self.embedder
        assert embedder is not None
        with self._stage("embed"):
            organisations = [unknown_organisations(claims) for claims in corpora]
            texts = [
                text
                for claims, names in zip(corpora, organisations, strict=True)
                for text in itertools.chain((claim.text for claim in claims), names)
            ]
            rows = embed(texts, embedder)
            embedded = []
            start = 0
            for claims, names in zip(corpora, organisations, strict=True):
                vectors = rows[start : start + len(claims)]
                name_rows = rows[start + len(claims) : start + len(claims) + len(names)]
                start += len(claims) + len(names)
                embedded.append(_Embedded(vectors, NameMatcher(dict(zip(names, name_rows, strict=True)))))
            return embedded

    def _each(
        self,
        sources: Iterable[object],
        read: Callable[[object], tuple[Sequence[Document], str, Config]],
        report: Callable[[Reconciliation, Config], list[Path]],
        warm_up: Callable[[], None],
    ) -> Iterator[tuple[_Corpus, tuple[Reconciliation, list[Path]] | ReconcileError]]:
        """Each source read, reconciled and reported, in order. With a helper, extraction is
        the helper's: the first corpora while this process loads the model and runs `warm_up`,
        later ones ahead of the corpus this process embeds (see READ_AHEAD_CORPORA). The
        corpora whose claims are in are embedded together (see EMBED_TOGETHER_CLAIMS)."""
        helper: overlap.Helper[Sequence[Document], Any] | None = None  # started for the first corpus to extract
        ahead: deque[_Corpus] = deque()
        remaining = iter(sources)
        try:
            while True:
                if not ahead or (self.background and len(ahead) <= READ_AHEAD_CORPORA // 2):
                    helper = self._read_ahead(remaining, read, ahead, helper)
                if not ahead:
                    return
                if not self._embedder_loaded and helper is not None:
                    with self._stage("model load"):
                        if (embedder := self.embedder) is not None:
                            embedder.load()
                    with self._stage("imports"):
                        warm_up()
                corpus = ahead.popleft()
                self._collect(corpus, helper)
                if _needs_embedding(corpus) and self.embedder is not None:
                    self._embed_window(self._window(corpus, ahead, helper), helper)
                yield corpus, self._outcome(corpus, report)
        finally:
            if helper is not None:
                helper.close()

    def _read_ahead(
        self,
        sources: Iterator[object],
        read: Callable[[object], tuple[Sequence[Document], str, Config]],
        ahead: deque[_Corpus],
        helper: overlap.Helper[Sequence[Document], Any] | None,
    ) -> overlap.Helper[Sequence[Document], Any] | None:
        """The next corpora of `sources` prepared into `ahead`: one without a helper, or as many
        as the read-ahead bounds allow, their extraction handed to the helper; the helper,
        forked for the first corpus to extract, so that a rerun the results cache answers
        starts none. Returns the helper."""
        most = READ_AHEAD_CORPORA if self.background else 1
        characters = sum(corpus.characters for corpus in ahead)
        while len(ahead) < most and characters < READ_AHEAD_CHARACTERS:
            source = next(sources, _END)
            if source is _END:
                return helper
            corpus = self._prepared(source, read)
            if self.background and corpus.missing:
                if helper is None:
                    helper = overlap.Helper(self._extract)
                with contextlib.suppress(overlap.HelperFailed):  # then it is extracted here
                    helper.submit(corpus.missing)
                    corpus.in_helper = True
            ahead.append(corpus)
            characters += corpus.characters
        return helper

    def _window(
        self, first: _Corpus, ahead: Iterable[_Corpus], helper: overlap.Helper[Sequence[Document], Any] | None
    ) -> list[_Corpus]:
        """`first`, and the corpora next in line whose claims are in or come in without a wait
        (the helper has them), up to EMBED_TOGETHER_CLAIMS claims in all: embedded together."""
        window = [first]
        claims = len(_all_claims(first.claims))
        for corpus in ahead:
            if claims >= EMBED_TOGETHER_CLAIMS or not _in_without_a_wait(corpus, helper):
                break
            self._collect(corpus, helper)
            window.append(corpus)
            claims += len(_all_claims(corpus.claims))
        return window

    def _embed_window(self, window: Sequence[_Corpus], helper: overlap.Helper[Sequence[Document], Any] | None) -> None:
        """The corpora of `window` still to be aligned, embedded in one call (none without an
        embedder): on a core fewer while the helper extracts. An error (the embedding cache
        unusable) is each one's."""
        embedder = self.embedder
        waiting = [corpus for corpus in window if _needs_embedding(corpus)]
        if embedder is None or not waiting:
            return
        if helper is not None:
            embedder.use_threads(_cores_beside_a_helper() if helper.busy else None)
        try:
            embedded = self._embed_together([_all_claims(corpus.claims) for corpus in waiting])
        except ReconcileError as error:
            for corpus in waiting:
                corpus.error = error
            return
        for corpus, vectors in zip(waiting, embedded, strict=True):
            corpus.embedded = vectors

    def _prepared(self, source: object, read: Callable[[object], tuple[Sequence[Document], str, Config]]) -> _Corpus:
        corpus = _Corpus(source)
        try:
            corpus.documents, corpus.name, config = read(source)
            corpus.characters = sum(len(document.text) for document in corpus.documents)
            corpus.config = self._checked(corpus.documents, corpus.name, config)
            if self._results_cache is not None:
                with self._stage("results cache"):
                    settings = corpus.config.replace(embedder=self.config.embedder)  # the one this pipeline uses
                    corpus.result_key = self._results_cache.key(corpus.documents, corpus.name, settings)
                    corpus.known = self._results_cache.get(corpus.result_key)
                if corpus.known is not None:
                    return corpus
            corpus.claims = self._cached(corpus.documents)
        except ReconcileError as error:
            corpus.error = error
            return corpus
        corpus.missing = [doc for doc, known in zip(corpus.documents, corpus.claims, strict=True) if known is None]
        return corpus

    def _collect(self, corpus: _Corpus, helper: overlap.Helper[Sequence[Document], Any] | None) -> None:
        """The claims of `corpus`, from the helper or (without one, or when it failed) from here."""
        if corpus.collected or corpus.error is not None or corpus.known is not None:
            return
        corpus.collected = True
        try:
            if corpus.in_helper:
                assert helper is not None
                with self._stage("waiting for the helper"):
                    extracted = helper.result()
            else:
                extracted = self._extract(corpus.missing)
        except overlap.HelperFailed:
            extracted = self._extract(corpus.missing)
        except ReconcileError as error:
            corpus.error = error
            return
        corpus.claims = self._filled(corpus.claims, corpus.missing, extracted)

    def _outcome(
        self, corpus: _Corpus, report: Callable[[Reconciliation, Config], list[Path]]
    ) -> tuple[Reconciliation, list[Path]] | ReconcileError:
        if corpus.error is not None:
            return corpus.error
        assert corpus.config is not None
        try:
            result = self._reconciled(corpus)
            return result, report(result, corpus.config)
        except ReconcileError as error:
            return error

    def _reconciled(self, corpus: _Corpus) -> Reconciliation:
        """The result of a corpus whose claims are in: as kept in the results cache, or made
        (and then kept there)."""
        assert corpus.config is not None
        if corpus.known is not None:
            known = corpus.known
            return Reconciliation(corpus.name, tuple(corpus.documents), known.claims, known.findings, known.embedder)
        result = self._finish(corpus.documents, corpus.name, corpus.config, corpus.claims, corpus.embedded)  # type: ignore[arg-type]
        if self._results_cache is not None and corpus.result_key is not None:
            with self._stage("results cache"):
                self._results_cache.put(corpus.result_key, KnownResult(result.claims, result.findings, result.embedder))
        return result


# What the reports import on first use (matplotlib, for the timeline: about half a second),
# imported while the helper extracts the first corpus.
_REPORT_IMPORTS = ("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.dates")


def _all_claims(per_document: Iterable[tuple[Claim, ...] | None]) -> list[Claim]:
    """A corpus' claims, document after document (a document whose claims are not in has none yet)."""
    return [claim for claims in per_document if claims is not None for claim in claims]


def _needs_embedding(corpus: _Corpus) -> bool:
    """Whether `corpus` is to be embedded still: it is neither failed, known from the results
    cache, nor embedded."""
    return corpus.error is None and corpus.known is None and corpus.embedded is None


def _in_without_a_wait(corpus: _Corpus, helper: overlap.Helper[Sequence[Document], Any] | None) -> bool:
    """Whether the claims of `corpus` are in, or to be had with no extraction here and no wait."""
    if corpus.collected or corpus.error is not None or corpus.known is not None or not corpus.missing:
        return True
    return corpus.in_helper and helper is not None and helper.done_ahead


def _cores_beside_a_helper() -> int:
    """The threads an embedder may use while the helper has a core."""
    return max(1, (os.cpu_count() or 1) - 1)


def _given(source: object) -> tuple[Sequence[Document], str, Config]:
    """A source that is already (documents, name, config)."""
    return cast(tuple[Sequence[Document], str, Config], source)


def _importer(modules: Sequence[str]) -> Callable[[], None]:
    def load() -> None:
        for module in modules:
            importlib.import_module(module)

    return load


def compare(
    sources: str | Path | Sequence[str | Path],
    *,
    langs: Sequence[str | None] | None = None,
    published: Sequence[str | None] | None = None,
    config: Config | None = None,
    embedder: str | None = None,
    name: str | None = None,
) -> Reconciliation:
    """Reconcile articles about one story: a corpus folder, article files, or article texts.

    `sources` is a corpus folder (every article in it, with the folder's own reconcile.toml
    applied), or a list of at least two article files and/or article texts. A string is a
    file when it names one, or when it looks like a file name (one line ending in .md, .txt,
    .markdown, .html or .htm, without spaces or with a "/"): a missing file is an InputError
    naming it, never compared as if it were text. Any other string is article text.

    `langs` and `published` (one entry per source, None to keep what the article says) give
    the language ("en", "zh"; detected when absent) and publication date ("2023-03-27",
    "2023-03", "2023"), against which relative dates ("last September", 去年9月) are resolved.
    `embedder` is a shortcut for `config.embedder` ("use", "st:PATH" or "none"); `name` names
    the comparison in its reports (default: the folder's name, else "comparison").

    Documents are named after their files ("pandaily-en"), texts "text1", "text2", …; a name
    taken twice gets "-2", "-3". The CLI's `reconcile run` runs the same Pipeline.

    >>> result = compare(["corpora/yang-hongxia-m6/pandaily-en.txt", "corpora/yang-hongxia-m6/qbitai-zh.md"])
    ... # doctest: +SKIP
    """
    config = config or Config()
    if embedder is not None:
        config = config.replace(embedder=embedder)
    pipeline = Pipeline(config)
    if isinstance(sources, (str, Path)) and _is_path(sources) and Path(sources).is_dir():
        if langs is not None or published is not None:
            raise InputError(
                f"{sources}: langs and published apply to a list of sources; "
                "the articles of a corpus folder say theirs in front matter"
            )
        folder = Path(sources)
        documents, corpus_settings = pipeline.read_folder(folder)
        return pipeline.run(documents, name or folder.resolve().name, corpus_settings)
    items = [sources] if isinstance(sources, (str, Path)) else list(sources)
    for given, label in ((langs, "langs"), (published, "published")):
        if given is not None and len(given) != len(items):
            raise InputError(f"{label} has {len(given)} entries for {len(items)} sources; give one per source")
    articles: list[Document] = []
    taken: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, (str, Path)):
            raise TypeError(f"source {index + 1} is a {type(item).__name__}; give a file path or the article text")
        lang = langs[index] if langs is not None else None
        date = published[index] if published is not None else None
        if _is_path(item):
            path = Path(item)
            if path.is_dir():
                raise InputError(
                    f"{path}: a folder among the sources; pass a corpus folder on its own, or its files in the list"
                )
            doc_id = _unique(path.stem, taken)
            with pipeline._stage("ingest"):
                articles.append(ingest_file(path, pipeline.config, doc_id, lang=lang, published=date))
        else:
            doc_id = _unique(f"text{index + 1}", taken)
            with pipeline._stage("ingest"):
                articles.append(ingest_text(str(item), doc_id, lang=lang, published=date))
    return pipeline.run(articles, name or "comparison")


def _is_path(item: str | Path) -> bool:
    """Whether a source names a file or folder: a Path, an existing one, or a string that looks
    like an article's file name (so a typo is reported, not reconciled as a one-line article)."""
    if isinstance(item, Path):
        return True
    if "\n" in item or len(item) > 1024 or not item.strip():
        return False
    try:
        if Path(item).exists():
            return True
    except OSError:  # a name too long for the file system is text
        return False
    looks_named = " " not in item.strip() or "/" in item or os.sep in item
    return looks_named and Path(item.strip()).suffix.lower() in ARTICLE_SUFFIXES


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
