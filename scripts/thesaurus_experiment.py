"""The two general thesauri Debian ships for our languages, against the search (issue 14).

Debian's `mythes-sv` (Synlex, Folkets synonymlexikon) and `mythes-en-us` (from WordNet) are
LibreOffice thesauri; there is no Finnish one. Neither is a dependency of the service; to
measure them, unpack them apart and run:

    (cd /tmp && apt-get download mythes-sv mythes-en-us && \\
        for f in mythes-*.deb; do dpkg-deb -x "$f" /tmp/mythes; done)
    .venv/bin/python scripts/thesaurus_experiment.py /tmp/mythes/usr/share/mythes [--set NAME …]

Printed next to our search as it is (scripts/relevance.py's table):
- "index side N": a Swedish or English opening's title and tags also indexed with the first
  N synonyms of each word's lemma, in `translation_terms` (below the opening's own words);
- "index side N, translations too": and the synonyms of its translations into Swedish and
  English;
- "query side": one-way Meilisearch synonyms from a thesaurus word a student may type to its
  first two synonyms that the set's Swedish and English openings use.
docs/search-relevance.md ("Seventh round") has the figures and the decision.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import relevance
from opportunity_bank.search.analysis import TextAnalyzer, get_analyzer, tokens
from opportunity_bank.search.engine import SearchEngine
from vector_experiment import indexed

FILES = {"sv": "th_sv_SE_v2.dat", "en": "th_en_US_v2.dat"}


def read_thesaurus(path: Path, per_word: int) -> dict[str, list[str]]:
    """A MyThes file: its encoding on the first line, then "word|senses" and a line of
    synonyms per sense. Single words only, the first ``per_word`` kept."""
    raw = path.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii").strip()
    lines = raw.decode(encoding).split("\n")[1:]
    synonyms: dict[str, list[str]] = {}
    position = 0
    while position < len(lines):
        if "|" not in lines[position]:
            position += 1
            continue
        word, senses = lines[position].rsplit("|", 1)
        found: list[str] = []
        for sense in lines[position + 1:position + 1 + int(senses)]:
            # "|(noun)|synonym…" in WordNet's, "|synonym…" in Synlex's: no part of speech
            found += [s.strip().lower() for s in sense.split("|")[1:] if s and "(" not in s]
        kept = [s for s in dict.fromkeys(found) if s != word.lower() and " " not in s]
        synonyms[word.lower()] = kept[:per_word]
        position += 1 + int(senses)
    return synonyms


class IndexSide(TextAnalyzer):
    """The service's analyser, whose translation terms carry thesaurus synonyms too."""

    def __init__(self, base: TextAnalyzer, thesauri: dict, with_translations: bool) -> None:
        self.__dict__.update(base.__dict__)
        self.thesauri, self.with_translations = thesauri, with_translations

    def translation_terms(self, text: str, language: str, targets) -> str:
        terms = super().translation_terms(text, language, targets).split()
        extra: list[str] = []
        for target in [language, *(targets if self.with_translations else [])]:
            if target not in self.thesauri:
                continue
            for word in tokens(text) if target == language else terms:
                if word.isalpha() and word not in self._stopwords:
                    for synonym in self.thesauri[target].get(self._lemma(word, target), []):
                        extra += [synonym, self.stem(synonym, target)]
        return " ".join(dict.fromkeys([*terms, *extra]))


class QuerySide(SearchEngine):
    """The service's search, with one-way synonyms from a thesaurus word to its synonyms
    that the set's openings use."""

    def __init__(self, client, uid: str, thesauri: dict, folder: Path) -> None:
        super().__init__(client, uid, get_analyzer())
        used: set[str] = set()
        for line in (folder / "openings.jsonl").read_text(encoding="utf-8").splitlines():
            opening = json.loads(line)
            used.update(tokens(" ".join([opening["title"], opening.get("description", ""),
                                         *opening.get("tags", [])])))
        stopwords = self.analyzer._stopwords
        self.extra: dict[str, list[str]] = {}
        for thesaurus in thesauri.values():
            for word, synonyms in thesaurus.items():
                hits = [s for s in synonyms if s in used and s not in stopwords]
                if hits and " " not in word and word not in stopwords:
                    self.extra.setdefault(word, []).extend(hits)

    def ensure(self, uid: str) -> None:
        super().ensure(uid)
        index = self.client.index(uid)
        synonyms = dict(index.get_settings()["synonyms"])
        for word, extra in self.extra.items():
            synonyms[word] = sorted({*synonyms.get(word, []), *extra})
        self.wait(index.update_settings({"synonyms": synonyms}).task_uid)


def main() -> None:
    directory = Path(sys.argv.pop(1))
    base = get_analyzer()

    def thesauri(per_word: int) -> dict:
        return {language: read_thesaurus(directory / name, per_word)
                for language, name in FILES.items()}

    variants: dict[str, relevance.Variant] = {}
    for per_word in (2, 4):
        for with_translations in (False, True):
            analyzer = IndexSide(base, thesauri(per_word), with_translations)
            name = f"index side {per_word}{', translations too' if with_translations else ''}"
            variants[name] = (lambda client, uid, database, folder, analyzer=analyzer:
                              indexed(SearchEngine(client, uid, analyzer), database))
    two = thesauri(2)
    variants["query side"] = (lambda client, uid, database, folder:
                              indexed(QuerySide(client, uid, two, folder), database))
    relevance.main(variants)


if __name__ == "__main__":
    main()
