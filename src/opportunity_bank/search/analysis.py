"""Finnish-aware text analysis for student search.

Meilisearch has no Finnish stemmer and does not split compounds, so *kesätöitä* never
meets *kesätyö* and *valaistus* never meets *katuvalaistus*. We bridge that on both sides:

* documents get extra searchable fields ``title_terms``, ``tags_terms`` and
  ``description_terms`` filled by :meth:`TextAnalyzer.index_terms` (Voikko base forms and
  compound parts for Finnish, Snowball stems for Swedish and English);
* the index settings in ``documents.py`` add
  ``synonyms = meilisearch_synonyms(load_synonym_groups())``;
* the student's query goes through :meth:`TextAnalyzer.query_text` and is sent in ONE
  search request with ``matchingStrategy`` "last" (see ``query.py``).
  No "all words first" retry: it measured worse (recall@10 0.86 against 0.97).

Measurements, the reasoning and the command to reproduce them are in
``docs/search-relevance.md``.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opportunity_bank.search.documents import Analyzer

FINNISH = "fi"
STEMMER_LANGUAGES = {"sv": "swedish", "en": "english"}

# Meilisearch only reads the first 10 words of a query; terms past that are silently lost.
MAX_QUERY_TERMS = 10
# Bounds on what we are willing to analyse from a single query.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 1000
# Longer "words" are pasted garbage (URLs, hashes); Voikko cannot know them anyway.
MAX_ANALYSED_WORD_LENGTH = 60
WORD_CACHE_SIZE = 200_000
# Voikko orders suggestions by likelihood; further down they are rarely what was meant.
MAX_SUGGESTIONS = 5

# Letters and digits; everything else (hyphens too) separates words, as in Meilisearch.
_WORD_RE = re.compile(r"[^\W_]+")
# One "+surface(base)" segment of Voikko's WORDBASES attribute.
_WORDBASE_RE = re.compile(r"(\+?)([^+(]+)(?:\(([^)]*)\))?")
# Voikko readings in order of preference: a student searching "puiden" means trees (puu),
# not threshing (puida); "maa" is land before it is a name.
_CLASS_PREFERENCE = ("nimisana", "nimisana_laatusana", "laatusana", "teonsana")

def tokens(text: str) -> list[str]:
    """Split text into lowercase words; hyphenated compounds become their parts."""
    return _WORD_RE.findall(text.lower())


def _dedupe(words: list[str]) -> list[str]:
    return list(dict.fromkeys(w for w in words if w))


class TextAnalyzer:
    """Base forms, compound parts and stems for indexing and querying.

    Voikko and Snowball stemmers are loaded on first use. Neither is thread-safe, so all
    calls into them go through one lock; per-word results are cached, which keeps the lock
    cold during a reindex (vocabulary is small compared to the text).
    """

    def __init__(self, vocabulary: Iterable[str] = (), cache_size: int = WORD_CACHE_SIZE,
                 dictionary_path: Path | None = None) -> None:
        """``vocabulary``: domain words (those of the synonym list) that a query word Voikko
        does not know may be normalised to, through a stem or a spelling suggestion.
        ``dictionary_path``: a directory holding the Finnish dictionary (the setting
        ``OPPORTUNITY_BANK_VOIKKO_PATH``); None: Voikko's standard places."""
        self._lock = threading.Lock()
        self._voikko = None
        self.dictionary_path = dictionary_path
        self._stemmers: dict[str, object] = {}
        self._vocabulary = frozenset(w for term in vocabulary for w in tokens(term))
        self._vocabulary_by_stem: dict[str, str] | None = None
        self.finnish_terms = functools.lru_cache(maxsize=cache_size)(self._finnish_terms)
        self.stem = functools.lru_cache(maxsize=cache_size)(self._stem)
        self.query_word = functools.lru_cache(maxsize=cache_size)(self._query_word)

    tokens = staticmethod(tokens)

    def index_terms(self, text: str, language: str) -> str:
        """Terms to index beside ``text``.

        Finnish (and any unknown language): Voikko base forms and compound parts, words
        Voikko does not know as they are. Swedish and English: Snowball stems, plus the domain
        word a stem stands for, so that synonyms reach inflected Swedish and English text.
        """
        terms: list[str] = []
        for word in tokens(text):
            if language in STEMMER_LANGUAGES:
                terms.extend([self.stem(word, language), self.vocabulary_word(word) or ""])
            else:
                terms.extend(self.finnish_terms(word) or (word,))
        return " ".join(_dedupe(terms))

    def added_terms(self, text: str, language: str) -> str:
        """:meth:`index_terms` without the words ``text`` already has.

        For long text: a word already there is found there, in a field that ranks higher, and
        leaving it out of the terms takes about a tenth off Meilisearch's indexing time
        (23,000 openings: 7.3 -> 6.4-6.9 s, byWord proximity over less text). Titles and tags
        keep all their terms: the relevance suite loses "Puistotyöntekijä kesäksi" for
        "kesätöitä puistoissa" without them.
        """
        original = set(tokens(text))
        return " ".join(t for t in self.index_terms(text, language).split() if t not in original)

    def query_text(self, query: str) -> str:
        """Rewrite a student's query into the indexed vocabulary, one term per word.

        Meilisearch ANDs query words and, with the ``last`` matching strategy, gives up words
        from the end. Alternatives for one word (other readings, compound parts, stems, the
        inflected form) would each be a further required word, so every word contributes
        only its best analysis: the Voikko base form when Voikko knows it (synonyms are
        keyed on base forms), otherwise the word as typed. The last word is also kept as
        typed and last, because Meilisearch prefix-matches only the last query word
        ("vieraslaj" -> vieraslajit); when it does not match, ``last`` drops it first.
        """
        words = [w[:MAX_ANALYSED_WORD_LENGTH] for w in tokens(query[:MAX_QUERY_CHARS])]
        words = words[:MAX_QUERY_WORDS]
        if not words:
            return ""
        last = words[-1]
        terms = [t for t in _dedupe([self.query_word(w) for w in words]) if t != last]
        return " ".join([*terms[: MAX_QUERY_TERMS - 1], last])

    def _query_word(self, word: str) -> str:
        """The one term a query word contributes (see :meth:`query_text`).

        A word Voikko does not know is a typo, a prefix, or Swedish or English. Synonyms only
        fire on exact terms, so such a word is mapped onto the domain vocabulary when one of
        its stems (parks -> park, arter -> art) or one of Voikko's spelling suggestions
        (puisot -> puisto) lands there; otherwise it is left as typed for Meilisearch's own
        typo tolerance and prefix search.
        """
        finnish = self.finnish_terms(word)
        if finnish:
            return finnish[0]
        if word in self._vocabulary or not word.isalpha():
            return word
        known = self.vocabulary_word(word)
        if known:
            return known
        for suggestion in self._suggestions(word):
            base = self.base_form(suggestion.lower())
            if base in self._vocabulary:
                return base
        return word

    def vocabulary_word(self, word: str) -> str | None:
        """The domain word sharing a Swedish or English stem with ``word``, if any.

        Used on both sides, so that "gatorna" in a document and "gator" in a query both
        reach "gata" and its synonyms.
        """
        by_stem = self._stem_vocabulary()
        stems = [self.stem(word, language) for language in STEMMER_LANGUAGES]
        # A stem that is itself a domain word beats one that only resembles it
        # (invasiva -> invasiv, not invasive).
        exact = [stem for stem in stems if stem in self._vocabulary]
        return next(iter(exact), None) or next((by_stem[s] for s in stems if s in by_stem), None)

    def _stem_vocabulary(self) -> dict[str, str]:
        if self._vocabulary_by_stem is None:
            self._vocabulary_by_stem = {
                self.stem(word, language): word
                for word in sorted(self._vocabulary)
                for language in STEMMER_LANGUAGES
            }
        return self._vocabulary_by_stem

    def _suggestions(self, word: str) -> list[str]:
        if len(word) > MAX_ANALYSED_WORD_LENGTH:
            return []
        with self._lock:
            return self._get_voikko().suggest(word)[:MAX_SUGGESTIONS]

    def analysed_phrase(self, phrase: str) -> str:
        """A phrase as queries send it: every word reduced to its base form."""
        return " ".join(self.base_form(word) for word in tokens(phrase))

    def base_form(self, word: str) -> str:
        """The most likely Finnish base form of a word, or the word itself if Voikko has none."""
        finnish = self.finnish_terms(word)
        return finnish[0] if finnish else word

    def _finnish_terms(self, word: str) -> tuple[str, ...]:
        """Base forms and compound parts of a Finnish word; empty if Voikko does not know it."""
        if len(word) > MAX_ANALYSED_WORD_LENGTH or not word.isalpha():
            return ()
        with self._lock:
            analyses = self._get_voikko().analyze(word)
        return tuple(_dedupe(_terms_of_analyses(analyses)))

    def _stem(self, word: str, language: str) -> str:
        with self._lock:
            return self._get_stemmer(language).stemWord(word)

    def require_finnish(self) -> None:
        """Load Voikko now; raise :class:`FinnishUnavailable` (one line) if it cannot be."""
        with self._lock:
            self._get_voikko()

    def finnish_available(self) -> bool:
        try:
            self.require_finnish()
        except FinnishUnavailable:
            return False
        return True

    def _get_voikko(self):
        if self._voikko is None:
            self._voikko = _load_voikko(self.dictionary_path)
        return self._voikko

    def _get_stemmer(self, language: str):
        if language not in self._stemmers:
            import Stemmer

            self._stemmers[language] = Stemmer.Stemmer(STEMMER_LANGUAGES[language])
        return self._stemmers[language]


class FinnishUnavailable(RuntimeError):
    """Voikko or its Finnish dictionary is missing; the message says what to install."""


INSTALL_HINT = "install the Debian packages `libvoikko1 voikko-fi` and the Python package `libvoikko`"


def _load_voikko(dictionary_path: Path | None = None):
    if dictionary_path is not None and not has_finnish_dictionary(dictionary_path):
        # Voikko would fall back to its standard places; a configured path must hold one.
        raise FinnishUnavailable(
            f"no Finnish Voikko dictionary in OPPORTUNITY_BANK_VOIKKO_PATH={dictionary_path} "
            f"(expected 5/mor-standard/ in it); unset it and {INSTALL_HINT}"
        )
    try:
        import libvoikko

        return libvoikko.Voikko(FINNISH, path=str(dictionary_path) if dictionary_path else None)
    except Exception as exc:  # ImportError, OSError or VoikkoException: all mean "not installed"
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise FinnishUnavailable(f"Finnish search needs Voikko: {INSTALL_HINT} ({detail})") from exc


def has_finnish_dictionary(directory: Path) -> bool:
    """Whether ``directory`` holds a Finnish dictionary in Voikko's format 5 layout."""
    for index in Path(directory).glob("5/mor-*/index.txt"):
        try:
            if "Language: fi" in index.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:
            continue
    return False


def _terms_of_analyses(analyses: list[dict]) -> list[str]:
    """Base forms (preferred reading first), then compound parts, of the plausible readings.

    Voikko over-splits (päällysteiden -> päällys+tie as well as päällyste); the reading with
    the fewest parts is nearly always the intended one, so only those readings count.
    Readings without WORDBASES (some proper names) carry no structure and always count.
    """
    split = [(a, _compound_parts(a.get("WORDBASES"))) for a in analyses if a.get("BASEFORM")]
    fewest = min((len(parts) for _, parts in split if parts), default=0)
    kept = [(a, parts) for a, parts in split if not parts or len(parts) == fewest]
    kept.sort(key=lambda reading: _class_rank(reading[0].get("CLASS")))
    bases = [a["BASEFORM"].lower() for a, _ in kept]
    parts = [p for _, ps in kept if len(ps) > 1 for p in ps]
    return bases + parts


def _class_rank(word_class: str | None) -> int:
    if word_class in _CLASS_PREFERENCE:
        return _CLASS_PREFERENCE.index(word_class)
    return len(_CLASS_PREFERENCE)


def _compound_parts(wordbases: str | None) -> list[str]:
    """Lexical parts of a compound from Voikko's WORDBASES.

    ``+puisto(puisto)+työn(työ)+teki(tehdä)+jä(+jä)`` -> puisto, työ, tekijä.
    A segment without a leading "+", or whose base starts with "+", is derivation and
    belongs to the previous part; a segment without a base is a bound prefix (geo-, epä-)
    and belongs to the next one.
    """
    if not wordbases:
        return []
    parts: list[list] = []  # [surface, base or None when the surface is the word]
    pending = ""
    for plus, surface, base in _WORDBASE_RE.findall(wordbases):
        if surface == "-":
            continue
        derivation = not plus or base.startswith("+")
        if derivation and parts:
            parts[-1] = [parts[-1][0] + pending + surface, None]
            pending = ""
        elif not base:
            pending += surface
        else:
            parts.append([pending + surface, None if pending else base.replace("=", "")])
            pending = ""
    if pending:
        if parts:
            parts[-1] = [parts[-1][0] + pending, None]
        else:
            parts.append([pending, None])
    return [(base or surface).lower() for surface, base in parts]


_analyzers: dict[Path | None, TextAnalyzer] = {}
_analyzer_lock = threading.Lock()


def get_analyzer(dictionary_path: Path | None = None) -> TextAnalyzer:
    """The process-wide analyser for a dictionary, created on first use so importing stays cheap."""
    with _analyzer_lock:
        if dictionary_path not in _analyzers:
            _analyzers[dictionary_path] = TextAnalyzer(vocabulary=_synonym_terms(),
                                                       dictionary_path=dictionary_path)
        return _analyzers[dictionary_path]


def load_synonym_groups(analyzer: Analyzer | None = None) -> list[list[str]]:
    """The curated fi/sv/en synonym groups, each extended with the analysed form of its terms.

    Queries reach Meilisearch as Voikko base forms, and Voikko's base form is not always the
    dictionary word a person would list (koneoppiminen -> koneoppia), so each term also
    appears as :meth:`TextAnalyzer.query_text` would send it.
    """
    analyzer = analyzer or get_analyzer()
    return [
        _dedupe([*group, *(analyzer.analysed_phrase(term) for term in group)])
        for group in _read_synonym_groups()
    ]


def _read_synonym_groups() -> list[list[str]]:
    source = resources.files(__package__).joinpath("synonyms.json")
    return json.loads(source.read_text(encoding="utf-8"))


def _synonym_terms() -> list[str]:
    return [term for group in _read_synonym_groups() for term in group]


def meilisearch_synonyms(groups: list[list[str]]) -> dict[str, list[str]]:
    """Meilisearch's ``synonyms`` setting: every term of a group maps to all the others.

    A term in several groups maps to the union of them. Keys are lowercased because
    Meilisearch lowercases queries before looking synonyms up.
    """
    mapping: dict[str, list[str]] = {}
    for group in groups:
        terms = _dedupe([term.strip().lower() for term in group])
        for term in terms:
            others = [t for t in terms if t != term]
            mapping[term] = _dedupe([*mapping.get(term, []), *others])
    return {term: others for term, others in mapping.items() if others}
