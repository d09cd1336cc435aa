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

import bisect
import difflib
import functools
import itertools
import json
import re
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opportunity_bank.search.documents import Analyzer

from opportunity_bank.search.translations import Translations
from opportunity_bank.search.wordlists import wordlist

FINNISH = "fi"
STEMMER_LANGUAGES = {"sv": "swedish", "en": "english"}
FOREIGN_LANGUAGES = tuple(STEMMER_LANGUAGES)
NAME_CLASSES = ("etunimi", "sukunimi")
# Finnish case and plural endings, longest first, to find an inflected colloquial word.
COLLOQUIAL_ENDINGS = (
    "eihin", "ihin", "issa", "issä", "ista", "istä", "illa", "illä", "ille", "eja", "ejä",
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lle", "ksi", "ita", "itä", "in", "an", "än",
    "ja", "jä", "ia", "iä", "a", "ä", "n", "t",
)
# Shortest first and last part a compound split accepts: shorter ones are mostly endings.
MIN_HEAD, MIN_TAIL = 3, 4

# Meilisearch only reads the first 10 words of a query; terms past that are silently lost.
MAX_QUERY_TERMS = 10
# Bounds on what we are willing to analyse from a single query.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 1000
# Longer "words" are pasted garbage (URLs, hashes); Voikko cannot know them anyway.
MAX_ANALYSED_WORD_LENGTH = 60
WORD_CACHE_SIZE = 200_000
LEMMA_CACHE_SIZE = 20_000
# Voikko orders suggestions by likelihood; further down they are rarely what was meant.
MAX_SUGGESTIONS = 5
# A word this near a domain word it begins is read as that word (as a suggestion would be).
MAX_MISSING_LETTERS = 2

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

    def __init__(
        self,
        vocabulary: Iterable[str] = (),
        cache_size: int = WORD_CACHE_SIZE,
        colloquial: dict[str, str] | None = None,
        stopwords: Iterable[str] = (),
        dictionary_path: Path | None = None,
        associations: dict[str, list[str]] | None = None,
        translations: Translations | None = None,
        synonym_groups: Iterable[Iterable[str]] = (),
    ) -> None:
        """``vocabulary``: domain words (those of the synonym list) that a query word Voikko
        does not know may be normalised to, through a stem or a spelling suggestion.
        ``colloquial``: clipped and colloquial forms -> the vocabulary word they stand for;
        ``stopwords``: query words that carry no topic (both from lexicon.json).
        ``associations``: a term -> terms a student searching it may also want (related,
        broader and narrower concepts; associations.json), used only for related openings.
        ``dictionary_path``: a directory holding the Finnish dictionary (the setting
        ``OPPORTUNITY_BANK_VOIKKO_PATH``); None: Voikko's standard places.
        ``translations``: fi/sv/en dictionaries (translations.py); None: no translations.
        ``synonym_groups``: synonyms.json's groups, whose members share their associations."""
        self._lock = threading.Lock()
        self._voikko = None
        self.dictionary_path = dictionary_path
        self._stemmers: dict[str, object] = {}
        self._colloquial = dict(colloquial or {})
        self._stopwords = frozenset(stopwords)
        self._associations = {key.lower(): list(values) for key, values in (associations or {}).items()}
        self._synonyms: dict[str, list[str]] = {}
        for group in synonym_groups:
            members = _dedupe([term.strip().lower() for term in group])
            for member in members:
                self._synonyms.setdefault(member, []).extend(m for m in members if m != member)
        self._vocabulary = frozenset(
            w for term in [*vocabulary, *self._colloquial.values()] for w in tokens(term)
        )
        self._vocabulary_by_stem: dict[tuple[str, str], str] | None = None
        self.translations = translations
        self.finnish_terms = functools.lru_cache(maxsize=cache_size)(self._finnish_terms)
        self.finnish_reading = functools.lru_cache(maxsize=cache_size)(self._finnish_reading)
        self.stem = functools.lru_cache(maxsize=cache_size)(self._stem)
        self.foreign_terms = functools.lru_cache(maxsize=cache_size)(self._foreign_terms)
        self.query_word = functools.lru_cache(maxsize=cache_size)(self._query_word)
        self.word_languages = functools.lru_cache(maxsize=cache_size)(self._word_languages)
        # Indexing translates the same words of every opening again; looking each up in the
        # mapped dictionary took 44% of making a document (profiled on the benchmark's data).
        self.word_translations = functools.lru_cache(maxsize=cache_size)(self._word_translations)
        # Analysing one unknown word looks up its cuts in both dictionaries many times over;
        # the same lookups recur within one analysis, so a small cache holds what is reused.
        self.dictionary_lemma = functools.lru_cache(maxsize=LEMMA_CACHE_SIZE)(self._dictionary_lemma)

    tokens = staticmethod(tokens)

    def index_terms(self, text: str, language: str) -> str:
        """Terms to index beside ``text``.

        Finnish (and any unknown language): Voikko base forms, compound parts and their
        derivational roots, words Voikko does not know as they are. Swedish and English:
        Snowball stems, the dictionary lemma, the parts of a compound, and the domain word a
        stem stands for, so that synonyms reach inflected Swedish and English text.
        """
        terms: list[str] = []
        for word in tokens(text):
            if language in STEMMER_LANGUAGES:
                terms.extend(self.foreign_terms(word, language))
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

    def translation_terms(self, text: str, language: str, targets: Iterable[str]) -> str:
        """The words of ``text`` (written in ``language``) translated into each of the
        ``targets``, as those languages' text is indexed (kirjasto -> library; bibliotek).

        By base form (Voikko's for Finnish, the dictionary lemma for Swedish and English)
        and by the parts of a compound, which dictionaries have far more often than the
        compound (katuvalaistus -> street, lighting; gatubelysning -> katu, valaistus).
        """
        languages = (FINNISH, *FOREIGN_LANGUAGES)
        wanted = tuple(t for t in targets if t != language and t in languages)
        if self.translations is None or not wanted or language not in languages:
            return ""
        terms: list[str] = []
        for word in tokens(text):
            if len(word) < MIN_HEAD or not word.isalpha() or word in self._stopwords:
                continue  # "för", "the": a dictionary translates them too (liian, koska; se)
            terms.extend(self.word_translations(word, language, wanted))
        return " ".join(_dedupe(terms))

    def _word_translations(self, word: str, language: str, targets: tuple[str, ...]) -> tuple[str, ...]:
        if language == FINNISH:
            reading = self.finnish_reading(word)
            bases = [reading[0], *(p for p, _ in reading[1])] if reading else []
        else:
            lemma = self.dictionary_lemma(word, language)
            bases = [*([lemma] if lemma else []),
                     *self._foreign_parts(lemma or word, language, whole_known=True)]
        terms: list[str] = []
        for base in _dedupe(bases):
            for target in targets:
                for phrase in self.translations.of(base, language, target):
                    terms.extend(self._translation_terms(phrase, target))
        return tuple(terms)

    def _translation_terms(self, phrase: str, language: str) -> list[str]:
        """A translation as ``language`` indexes it, but without splitting a Swedish or
        English one: its parts are seldom what the dictionary meant (uppgift -> upp, gift)."""
        if language == FINNISH:
            return self.index_terms(phrase, language).split()
        # The words themselves too: unlike the document's own text, they are nowhere else.
        return [t for w in tokens(phrase) for t in (w, self.stem(w, language), self._lemma(w, language))]

    def query_text(self, query: str, interface_language: str = "") -> str:
        """Rewrite a student's query into the indexed vocabulary, a few terms per word.

        Meilisearch ANDs query words and, with the ``last`` matching strategy, gives up words
        from the end. Alternatives for one word (other readings, stems, the inflected form)
        would each be a further required word, so every word contributes only its best
        analysis (:meth:`query_word`): one term, or the parts of a compound, which the index
        has for compounds and split phrases alike. Words that carry no topic ("in", "the",
        "om") are left out. The last word is also kept as typed and last, because
        Meilisearch prefix-matches only the last query word ("vieraslaj" -> vieraslajit);
        when it does not match, ``last`` drops it first. In a Swedish or English query
        (:meth:`query_language`), a word that is also Finnish is read in the query's language
        (*thesis position* is not *positio*).
        """
        words = [w[:MAX_ANALYSED_WORD_LENGTH] for w in tokens(query[:MAX_QUERY_CHARS])]
        words = [w for w in words[:MAX_QUERY_WORDS] if w not in self._stopwords] or words
        if not words:
            return ""
        last = words[-1]
        language = self.query_language(query, interface_language)
        terms = _dedupe([t for w in words for t in self.query_word_in(w, language)])
        # ``last`` gives up words from the end: words no dictionary knows go last, and before
        # them words that are no domain word, so a query keeps its topic longest
        # (*thesis position stormwater*: position goes before stormwater).
        terms.sort(key=lambda term: (not self.recognised(term), term not in self._vocabulary))
        if self.recognised(last):
            return " ".join(terms[:MAX_QUERY_TERMS])
        terms = [t for t in terms if t != last]
        return " ".join([*terms[: MAX_QUERY_TERMS - 1], last])

    def query_word_in(self, word: str, language: str | None) -> tuple[str, ...]:
        """:meth:`query_word`, except that a word a Swedish or English query's own dictionary
        knows is read in that language when Voikko reads it as a Finnish word that is no
        domain word (English position, not Finnish positio)."""
        lemma = self.dictionary_lemma(word, language) if language in FOREIGN_LANGUAGES else None
        reading = self.finnish_reading(word) if lemma else None
        if not reading or reading[0] in self._vocabulary or word in self._vocabulary \
                or self.colloquial_form(word):
            return self.query_word(word)
        return (self.vocabulary_word(lemma) or self.vocabulary_word(word) or lemma,)

    def relaxed_query_text(self, query: str) -> str:
        """The query for openings *near* it, asked when it finds less than a page.

        Every word's terms (:meth:`query_word`) and also the parts of every compound, domain
        words included (*ilmastonmuutos* -> ilmasto, muutos; *gatuunderhåll* -> gata,
        underhåll), each part with its root: sent with ``matchingStrategy`` "frequency",
        which gives up the commonest terms first, so what is left is the query's most
        specific words. On the held-out sets this fills a short answer with what students
        judged relevant (recall@10 +0.055 on the second set, docs/search-relevance.md).
        """
        terms: list[str] = []
        for word in tokens(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]:
            word = word[:MAX_ANALYSED_WORD_LENGTH]
            if word in self._stopwords:
                continue
            terms.extend(self.query_word(word))
            reading = self.finnish_reading(word)
            if reading and len(reading[1]) > 1:
                terms.extend(t for pair in reading[1] for t in pair)
            for language in FOREIGN_LANGUAGES:
                terms.extend(self._foreign_parts(self._lemma(word, language), language, whole_known=True))
        return " ".join(_dedupe(terms)[:MAX_QUERY_TERMS])

    def associated_terms(self, query: str) -> list[str]:
        """Terms associated with the query's words (associations.json), analysed as queries
        send them, without the query's own terms: for related openings only, each asked on
        its own (*arboristi* -> katupuu, puunhoito…). Then those of the words' synonyms: the
        thesaurus keys one word of a synonym group (*talvihoito* has talvikunnossapito's)."""
        words = [w[:MAX_ANALYSED_WORD_LENGTH] for w in tokens(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]]
        terms = [t for w in words for t in self.query_word(w)]
        own = set(terms)
        keys = [*words, *terms, *(s for t in terms for s in self._synonyms.get(t, ()))]
        found = [self.analysed_phrase(value) for key in keys for value in self._associations.get(key, ())]
        return [t for t in _dedupe(found) if t and t not in own][:MAX_QUERY_TERMS]

    def recognised(self, term: str) -> bool:
        """Whether a dictionary (Voikko, Swedish, English) or the lexicon knows the word."""
        return term in self._vocabulary or bool(self.word_languages(term))

    def is_name(self, word: str) -> bool:
        """Whether Voikko can read the word as a first name or a surname."""
        if len(word) > MAX_ANALYSED_WORD_LENGTH or not word.isalpha():
            return False
        with self._lock:
            analyses = self._get_voikko().analyze(word)
        return any(a.get("CLASS") in NAME_CLASSES for a in analyses)

    def suggestion(self, query: str) -> str | None:
        """"Did you mean": the query with each word no dictionary knows replaced by the
        closest domain or lexicon word (any language), else by Voikko's first suggestion
        that Voikko knows; None when nothing would change."""
        words = tokens(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]
        better = [self._better_word(w) for w in words]
        return " ".join(better) if better != words else None

    def _better_word(self, word: str) -> str:
        if not word.isalpha() or self.recognised(word) or self.colloquial_form(word):
            return word
        close = difflib.get_close_matches(word, self._suggestable_words, n=1, cutoff=0.8)
        if close:
            return close[0]
        known = [s.lower() for s in self._suggestions(word) if self.finnish_reading(s.lower())]
        return known[0] if known else word

    @functools.cached_property
    def _suggestable_words(self) -> list[str]:
        return sorted(self._vocabulary | set(self._colloquial))

    def domain_completion(self, word: str) -> str | None:
        """For the beginning of a longer domain or lexicon word: the shortest such word if
        at most MAX_MISSING_LETTERS are missing (kesäty -> kesätyö), else "" (kes); None
        when ``word`` begins none."""
        words = self._suggestable_words
        completions = itertools.takewhile(lambda w: w.startswith(word),
                                          itertools.islice(words, bisect.bisect_right(words, word), None))
        shortest = min(completions, key=len, default=None)
        if shortest is None:
            return None
        return shortest if len(shortest) - len(word) <= MAX_MISSING_LETTERS else ""

    def _query_word(self, word: str) -> tuple[str, ...]:
        """The terms a query word contributes (see :meth:`query_text`).

        A colloquial or clipped form is read as the word it stands for (oppari ->
        opinnäytetyö). A Finnish word is its base form when that is a domain word (its
        synonyms fire on it), else the parts of its compound, each reduced to its
        derivational root unless it is a domain word itself (kunnossapitoharjoitteluun ->
        kunnossapito harjoittelu; suunnittelijaksi -> suunnitella), which the index has for
        every derived form. A word Voikko does not know is a compound Voikko cannot split
        (kesäjobi, ilmastoopinnäytetyö), a typo, a prefix, or Swedish or English: it is
        mapped onto the domain vocabulary by a stem (parks -> park), a dictionary lemma or
        compound split (snöröjningen -> snöröjning, trafikplaneringspraktik ->
        trafikplanering praktik) or one of Voikko's spelling suggestions (puisot ->
        puisto); otherwise it is left as typed for Meilisearch's typo tolerance and prefix
        search.
        """
        colloquial = self.colloquial_form(word)
        if colloquial:
            return self.query_word(colloquial)
        reading = self.finnish_reading(word)
        if reading:
            return self._finnish_query_terms(word, *reading)
        if word in self._vocabulary or not word.isalpha():
            return (word,)
        known = self.vocabulary_word(word)
        if known:
            return (known,)
        joined = self._split_unknown_finnish(word)
        if joined:
            return joined
        for language in FOREIGN_LANGUAGES:
            lemma = self._lemma(word, language)
            if lemma != word and (lemma in self._vocabulary or self.vocabulary_word(lemma)):
                return (self.vocabulary_word(lemma) or lemma,)
            parts = self._foreign_parts(word, language)
            if parts:
                return tuple(self.vocabulary_word(p) or p for p in parts)
        # A Swedish or English word is itself, not a domain word it begins or a Finnish word
        # Voikko would spell it as; a word that is its own lemma in one of the two (English
        # gig) is that one, not the other's form of something else (Swedish giga).
        known = sorted((self.dictionary_lemma(word, language) != word, self._lemma(word, language))
                       for language in FOREIGN_LANGUAGES if self._known(word, language))
        if known:
            return (known[0][1],)
        completion = self.domain_completion(word)
        if completion is not None:
            # What a student is still typing. Nearly written, it is read as the domain word
            # (vieraslaj -> vieraslaji, and its synonyms); otherwise Meilisearch matches it
            # as a prefix. Either way Voikko's suggestions (a few ms a word) are not needed.
            return self.query_word(completion) if completion else (word,)
        for suggestion in self._suggestions(word):
            base = self.base_form(suggestion.lower())
            if base in self._vocabulary:
                return (base,)
        return (word,)

    def _finnish_query_terms(
        self, word: str, base: str, parts: tuple[tuple[str, str], ...]
    ) -> tuple[str, ...]:
        if base in self._vocabulary or word in self._vocabulary or not parts:
            return (base,)
        if len(parts) == 1:
            return (parts[0][1],)
        tail = self._domain_tail(word)
        if tail:
            return tail
        terms: list[str] = []
        for part, root in parts:
            if part in self._colloquial:
                terms.extend(self.query_word(self._colloquial[part]))
            else:
                terms.append(part if part in self._vocabulary else root)
        return tuple(terms)

    def _domain_tail(self, word: str) -> tuple[str, ...]:
        """A compound that ends in a domain word, as the head's terms and that word whole, so
        its synonyms fire: *puistokesätöitä* -> puisto, kesätyö (sommarjobb, summer job);
        *liikenneturvallisuusopinnäytetyö* -> …, opinnäytetyö. The longest such tail wins."""
        for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
            reading = self.finnish_reading(word[cut:])
            if reading and reading[0] in self._vocabulary and self._known_finnish(word[:cut]):
                return _dedupe_tuple([*self.query_word(word[:cut]), reading[0]])
        return ()

    def _split_unknown_finnish(self, word: str) -> tuple[str, ...]:
        """A compound of two words Voikko or the lexicon knows that Voikko itself does not
        split: a colloquial part (kesä+jobi) or a doubled vowel at the seam (ilmasto+
        opinnäytetyö, written ilmasto-opinnäytetyö)."""
        for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
            head, tail = word[:cut], word[cut:]
            if not (self._known_finnish(head) and self._known_finnish(tail)):
                continue
            colloquial = self.colloquial_form(tail)
            # kesä + jobi is kesätyö, a domain word with synonyms, not kesä and työ apart
            if colloquial and self.finnish_reading(head + colloquial):
                return self.query_word(head + colloquial)
            return _dedupe_tuple([*self.query_word(head), *self.query_word(tail)])
        return ()

    def colloquial_form(self, word: str) -> str | None:
        """The word a colloquial or clipped form stands for, inflected or not.

        Swedish and English ones by their lemma; Voikko knows few Finnish ones (oppari, jobi),
        so endings are taken off by hand:
        opparista, jobit, harkkaan, kesäjobeja. Only lexicon words are looked up this way,
        so a normal word that happens to end like them is never changed.
        """
        if word in self._colloquial:
            return self._colloquial[word]
        reading = self.finnish_reading(word)
        if reading and reading[0] in self._colloquial:
            return self._colloquial[reading[0]]
        for language in FOREIGN_LANGUAGES:  # traineeships, exjobbet
            lemma = self._lemma(word, language)
            if lemma in self._colloquial:
                return self._colloquial[lemma]
        for ending in COLLOQUIAL_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_HEAD:
                stem = word[: -len(ending)]
                for candidate in (stem, stem + "i", stem + "a", stem + "ä"):
                    if candidate in self._colloquial:
                        return self._colloquial[candidate]
        return None

    def _known_finnish(self, word: str) -> bool:
        return bool(self.colloquial_form(word) or self.finnish_reading(word))

    def _foreign_terms(self, word: str, language: str) -> tuple[str, ...]:
        lemma = self._lemma(word, language)
        terms = [self.stem(word, language), lemma, self.vocabulary_word(word) or ""]
        # Split the lemma even when the dictionary knows it, as Voikko splits Finnish ones.
        for part in self._foreign_parts(lemma, language, whole_known=True):
            terms.extend([part, self.vocabulary_word(part) or ""])
        return _dedupe_tuple(terms)

    def _foreign_parts(self, word: str, language: str, whole_known: bool = False,
                       depth: int = 1) -> tuple[str, ...]:
        """The dictionary words of a Swedish or English compound, as lemmas (gatubelysningen
        -> gata, belysning; trädvårdspraktik -> träd, vård, praktik), with the Swedish
        linking -s- and -u-/-e- forms of a first part (trafikplanerings-, gatu-); empty if
        it is not one."""
        if len(word) < MIN_HEAD + MIN_TAIL or (not whole_known and self._known(word, language)):
            return ()
        heads: list[tuple[str, str]] = []
        for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
            head, tail = word[:cut], word[cut:]
            if not self._known(tail, language):
                continue
            linked = language == "sv"  # gatu-, trafikplanerings-: Swedish linking forms
            for candidate in (head, head[:-1] if linked and head.endswith("s") else "",
                              head[:-1] + "a" if linked and head[-1] in "ue" else ""):
                if candidate and len(candidate) >= MIN_HEAD:
                    if self._known(candidate, language):
                        return (self._lemma(candidate, language), self._lemma(tail, language))
                    heads.append((candidate, tail))
        # No two dictionary words: a head that is itself a compound (trädvårds|praktik ->
        # träd, vård, praktik), the longest tail first as above; three parts at most, so a
        # long unknown word costs a few ms, not a search of every way to cut it.
        for head, tail in heads if depth else ():
            parts = self._foreign_parts(head, language, depth=depth - 1)
            if parts:
                return (*parts, self._lemma(tail, language))
        return ()

    def _known(self, word: str, language: str) -> bool:
        return word in self._vocabulary or self.dictionary_lemma(word, language) is not None

    def _lemma(self, word: str, language: str) -> str:
        return self.dictionary_lemma(word, language) or word

    @staticmethod
    def _dictionary_lemma(word: str, language: str) -> str | None:
        return wordlist(language).get(word)

    def query_language(self, query: str, interface_language: str = "") -> str | None:
        """The language the query is written in, by its words.

        A word Voikko knows is Finnish; one the Swedish or English dictionary knows (or
        whose compound parts it knows) is Swedish or English. A word known in several
        languages splits its vote. A tie goes to the interface language when it is among
        the tied ones, and a Swedish-English tie otherwise to English: Swedish dictionaries
        list many English loans (jobs, parks), English ones hardly any Swedish words.
        No known word at all leaves only the interface language; None means no preference.
        """
        votes = dict.fromkeys((FINNISH, *FOREIGN_LANGUAGES), 0.0)
        for word in tokens(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]:
            if word in self._stopwords or not word.isalpha():
                continue
            languages = self.word_languages(word)
            for language in languages:
                votes[language] += 1 / len(languages)
        best = max(votes.values())
        if best == 0:
            return interface_language or None
        winners = [language for language, count in votes.items() if count == best]
        if len(winners) == 1:
            return winners[0]
        if interface_language in winners:
            return interface_language
        return "en" if set(winners) == {"sv", "en"} else None

    def _word_languages(self, word: str) -> tuple[str, ...]:
        colloquial = self.colloquial_form(word)
        if colloquial and colloquial != word:
            # A clipped or colloquial form speaks the language of what it stands for
            # (traineeship -> internship: English; exjobb -> examensarbete: Swedish).
            return self.word_languages(tokens(colloquial)[0]) if tokens(colloquial) else ()
        found = [FINNISH] if self._known_finnish(word) else []
        found += [lang for lang in FOREIGN_LANGUAGES if self.dictionary_lemma(word, lang) is not None]
        if not found:
            found = [lang for lang in FOREIGN_LANGUAGES if self._foreign_parts(word, lang)]
        return tuple(found)

    def vocabulary_word(self, word: str) -> str | None:
        """The domain word sharing a Swedish or English stem with ``word``, if any; a
        stem of one language reaches only the domain words of that language (or of none
        the dictionaries know).

        Used on both sides, so that "gatorna" in a document and "gator" in a query both
        reach "gata" and its synonyms.
        """
        by_stem = self._stem_vocabulary()
        stems = [(self.stem(word, language), language) for language in STEMMER_LANGUAGES]
        # A stem that is itself a domain word beats one that only resembles it
        # (invasiva -> invasiv, not invasive).
        exact = [stem for stem, _ in stems if stem in self._vocabulary]
        return next(iter(exact), None) or next((by_stem[s] for s in stems if s in by_stem), None)

    def _stem_vocabulary(self) -> dict[tuple[str, str], str]:
        if self._vocabulary_by_stem is None:
            self._vocabulary_by_stem = {
                (self.stem(word, language), language): word
                for word in sorted(self._vocabulary)
                for language in STEMMER_LANGUAGES
                if self._vocabulary_language(word, language)
            }
        return self._vocabulary_by_stem

    def _vocabulary_language(self, word: str, language: str) -> bool:
        """May a domain word be reached by a ``language`` stem? Not when it is plainly
        another language's word (programmering is Swedish, so English programme is not it)."""
        languages = self.word_languages(word)
        return not languages or language in languages

    def _suggestions(self, word: str) -> list[str]:
        if len(word) > MAX_ANALYSED_WORD_LENGTH:
            return []
        with self._lock:
            return self._get_voikko().suggest(word)[:MAX_SUGGESTIONS]

    def analysed_phrase(self, phrase: str) -> str:
        """A phrase as queries send it (:meth:`query_word` of every word)."""
        return " ".join(t for word in tokens(phrase) for t in self.query_word(word))

    def base_form(self, word: str) -> str:
        """The most likely Finnish base form of a word, or the word itself if Voikko has none."""
        finnish = self.finnish_terms(word)
        return finnish[0] if finnish else word

    def _finnish_reading(self, word: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """Base form and (part, root) pairs of the preferred reading; None if unknown."""
        if len(word) > MAX_ANALYSED_WORD_LENGTH or not word.isalpha():
            return None
        with self._lock:
            analyses = self._get_voikko().analyze(word)
        return _preferred_reading(analyses, self._vocabulary)

    def _finnish_terms(self, word: str) -> tuple[str, ...]:
        """Base forms and compound parts of a Finnish word; empty if Voikko does not know it."""
        if len(word) > MAX_ANALYSED_WORD_LENGTH or not word.isalpha():
            return ()
        with self._lock:
            analyses = self._get_voikko().analyze(word)
        return tuple(_dedupe(_terms_of_analyses(analyses, self._vocabulary)))

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


def _dedupe_tuple(words: list[str]) -> tuple[str, ...]:
    return tuple(_dedupe(words))


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


def _terms_of_analyses(analyses: list[dict], vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Base forms (preferred reading first), then compound parts, of the plausible readings,
    then the domain words that runs of their parts make (:func:`_domain_runs`).

    Voikko over-splits (päällysteiden -> päällys+tie as well as päällyste); the reading with
    the fewest parts is nearly always the intended one, so only those readings count.
    Readings without WORDBASES (some proper names) carry no structure and always count.
    """
    split = [(a, _compound_segments(a.get("WORDBASES"))) for a in analyses if a.get("BASEFORM")]
    fewest = min((len(segments) for _, segments in split if segments), default=0)
    kept = [(a, segments) for a, segments in split if not segments or len(segments) == fewest]
    kept.sort(key=lambda reading: _class_rank(reading[0].get("CLASS")))
    bases = [a["BASEFORM"].lower() for a, _ in kept]
    parts = [p for _, ss in kept if len(ss) > 1 for _, p, _ in ss]
    roots = [r for _, ss in kept for _, _, r in ss]
    runs = [w for _, ss in kept if len(ss) > 2 for w in _domain_runs(ss, vocabulary)]
    prefixed = [r for a, _ in kept for r in _prefixed_roots(a.get("WORDBASES"))]
    return bases + parts + roots + runs + prefixed


def _prefixed_roots(wordbases: str | None) -> list[str]:
    """The roots of parts that follow a bound prefix, for the index only: *infrasuunnittelija*
    is one part to Voikko (infra- binds), but its ad is found by *suunnittelijaksi*
    (suunnitella). A query keeps such a word whole: *infrahanke* is not any *hanke*."""
    found, prefix = [], False
    for _plus, surface, base in _WORDBASE_RE.findall(wordbases or ""):
        if prefix and base and not base.startswith("+"):
            found.append(base.replace("=", "").lower())
        prefix = not base and surface != "-"
    return found


def _domain_runs(segments: list[tuple[str, str, str]], vocabulary: frozenset[str]) -> list[str]:
    """The domain words made by two or more neighbouring parts of a longer compound.

    The query keeps a domain compound whole so that its synonyms apply (*mittausinsinööri*:
    surveyor, mätningsingenjör), but in an ad's *mittausinsinööriharjoittelija* Voikko
    sees mittaus, insinööri and harjoittelija. The run is the parts as written up to its last
    one, which is taken in its base form (*kadun* + *hoito* -> kadunhoito). ``segments``:
    :func:`_compound_segments`."""
    found = []
    for start, end in itertools.combinations(range(len(segments) + 1), 2):
        if 2 <= end - start < len(segments):
            run = "".join(s for s, _, _ in segments[start:end - 1]) + segments[end - 1][1]
            if run in vocabulary:
                found.append(run)
    return found


def _preferred_reading(analyses: list[dict], vocabulary: frozenset[str] = frozenset()
                       ) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The base form and the (part, root) pairs of the reading :func:`_terms_of_analyses`
    puts first, except that a reading whose base form is a domain word comes before the
    others: *katuvalojen* is street lights (katuvalo), not street oaths (katu + vala)."""
    split = [(a, _compound_parts(a.get("WORDBASES"))) for a in analyses if a.get("BASEFORM")]
    if not split:
        return None
    fewest = min((len(parts) for _, parts in split if parts), default=0)
    kept = [(a, parts) for a, parts in split if not parts or len(parts) == fewest]
    kept.sort(key=lambda reading: (reading[0]["BASEFORM"].lower() not in vocabulary,
                                   _class_rank(reading[0].get("CLASS")),
                                   _changed_stems(reading[0].get("WORDBASES"))))
    analysis, parts = kept[0]
    return analysis["BASEFORM"].lower(), tuple(parts)


def _changed_stems(wordbases: str | None) -> int:
    """How many lexical parts have a base other than their stem in the word. Of two readings
    alike otherwise, the one with fewer is meant: *turvallisuus* is +turva(turva), safety,
    not +turva(turpa), the muzzle whose genitive stem is also turva-."""
    return sum(1 for plus, surface, base in _WORDBASE_RE.findall(wordbases or "")
               if plus and base and not base.startswith("+") and base.replace("=", "") != surface.lower())


def _class_rank(word_class: str | None) -> int:
    if word_class in _CLASS_PREFERENCE:
        return _CLASS_PREFERENCE.index(word_class)
    return len(_CLASS_PREFERENCE)


def _compound_parts(wordbases: str | None) -> list[tuple[str, str]]:
    """(part, root) pairs of a compound (see :func:`_compound_segments`)."""
    return [(part, root) for _, part, root in _compound_segments(wordbases)]


def _compound_segments(wordbases: str | None) -> list[tuple[str, str, str]]:
    """Lexical parts of a compound from Voikko's WORDBASES, each with its derivational root.

    ``+puisto(puisto)+työn(työ)+teki(tehdä)+jä(+jä)`` -> (puisto, puisto, puisto), (työn,
    työ, työ), (tekijä, tekijä, tehdä): the part as written, its base and its root. A segment
    without a leading "+", or whose base starts with "+", is derivation and belongs to the
    previous part (whose root stays the lexical base it was derived from: harjoittelu and
    harjoittelija both come from harjoittaa); a segment without a base is a bound prefix
    (geo-, epä-) and belongs to the next one.
    """
    if not wordbases:
        return []
    parts: list[list] = []  # [surface, base or None when the surface is the word, root]
    pending = ""
    for plus, surface, base in _WORDBASE_RE.findall(wordbases):
        if surface == "-":
            continue
        derivation = not plus or base.startswith("+")
        if derivation and parts:
            parts[-1] = [parts[-1][0] + pending + surface, None, parts[-1][2]]
            pending = ""
        elif not base:
            pending += surface
        else:
            lexical = base.replace("=", "")
            parts.append([pending + surface, None, None] if pending else [surface, lexical, lexical])
            pending = ""
    if pending:
        if parts:
            parts[-1] = [parts[-1][0] + pending, None, parts[-1][2]]
        else:
            parts.append([pending, None, None])
    return [(surface.lower(), (base or surface).lower(), (root or base or surface).lower())
            for surface, base, root in parts]


_analyzers: dict[Path | None, TextAnalyzer] = {}
_analyzer_lock = threading.Lock()


def get_analyzer(dictionary_path: Path | None = None) -> TextAnalyzer:
    """The process-wide analyser for a dictionary, created on first use so importing stays cheap."""
    with _analyzer_lock:
        if dictionary_path not in _analyzers:
            lexicon = read_lexicon()
            groups = _read_synonym_groups()
            _analyzers[dictionary_path] = TextAnalyzer(
                vocabulary=[term for group in groups for term in group],
                colloquial=lexicon["colloquial"],
                stopwords=lexicon["stopwords"],
                dictionary_path=dictionary_path,
                associations=read_associations()["related"],
                translations=Translations(),
                synonym_groups=groups,
            )
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


def read_associations() -> dict:
    """Related, broader and narrower terms (associations.json, with its provenance)."""
    source = resources.files(__package__).joinpath("associations.json")
    return json.loads(source.read_text(encoding="utf-8"))


def read_lexicon() -> dict:
    """Colloquial and clipped forms and stop words (lexicon.json, with its provenance)."""
    source = resources.files(__package__).joinpath("lexicon.json")
    return json.loads(source.read_text(encoding="utf-8"))


def _read_synonym_groups() -> list[list[str]]:
    source = resources.files(__package__).joinpath("synonyms.json")
    return json.loads(source.read_text(encoding="utf-8"))


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
