"""Words in Finnish, Swedish and English and their translations, from FreeDict.

Many openings are open to students of another language than the one they are written in:
a Finnish ad for a noise survey "open to English speakers" never says *noise*. The index
gives such an opening the translations of its title and tags into the languages it is open
to (documents.py), so an English query finds it the way a Finnish one does.

The dictionaries are FreeDict's, installed from Debian (``dict-freedict-fin-eng`` and the
other five pairs of fi, sv and en; GPL-3+, the Finnish ones from Wiktionary through WikDict)
as dictd files under /usr/share/dictd. Each pair is read both ways: *noise -> melu* in the
English-Finnish dictionary is also *melu -> noise*. As the word lists do (wordlists.py),
the result is one sorted blob, built once per machine and mapped by every process.
"""

from __future__ import annotations

import gzip
import logging
import re
import threading
from pathlib import Path

from opportunity_bank.search.wordlists import Wordlist, kept_wordlist

log = logging.getLogger(__name__)
DICTD_DIRECTORY = Path("/usr/share/dictd")
CODES = {"fi": "fin", "sv": "swe", "en": "eng"}
MAX_SENSES = 2  # an entry's later senses are its rarer meanings
MAX_PER_SENSE = 3
MAX_KEPT = 4  # translations kept per word and language: further ones are mostly loose
MAX_WORDS = 2  # a longer "translation" is an explanation (buller -> make a noise)
SEPARATOR = "|"
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE = re.compile(r"^\s*\d+\.\s*(.*)$")
_SENSE_NUMBER = re.compile(r"\s*\d+\.?$")  # "kohina 2." in a few entries


class Translations:
    """Translations of base forms between fi, sv and en; read on first use."""

    def __init__(self, directory: Path = DICTD_DIRECTORY) -> None:
        self.directory = directory
        self._words: Wordlist | None = None
        self._lock = threading.Lock()

    def of(self, word: str, source: str, target: str) -> tuple[str, ...]:
        """Translations of a base form (``melu``, "fi", "en" -> noise, racket); () if none."""
        kept = self._wordlist().get(f"{source}:{target}:{word}")
        return tuple(kept.split(SEPARATOR)) if kept else ()

    def _wordlist(self) -> Wordlist:
        if self._words is None:
            with self._lock:
                if self._words is None:
                    self._words = self._load()
        return self._words

    def _load(self) -> Wordlist:
        files = sorted(self.directory.glob("freedict-*.index"))
        stamp = "-".join(f"{f.stem.removeprefix('freedict-')}{f.stat().st_size}" for f in files)
        words = kept_wordlist(f"freedict-{stamp}", lambda: build_wordlist(self.directory))
        if not files:
            log.warning("no FreeDict dictionaries in %s: openings are indexed without "
                        "translations (install dict-freedict-fin-eng and the other pairs)",
                        self.directory)
        return words


def build_wordlist(directory: Path) -> Wordlist:
    """Every pair of fi, sv and en found in ``directory``, each read both ways."""
    found: dict[tuple[str, str, str], list[str]] = {}
    inverse: dict[tuple[str, str, str], list[str]] = {}
    for source, source_code in CODES.items():
        for target, target_code in CODES.items():
            name = f"freedict-{source_code}-{target_code}"
            if source == target or not (directory / f"{name}.index").exists():
                continue
            for head, entry in read_dictd(directory / name):
                for phrase in translations_of(entry):
                    found.setdefault((source, target, head), []).append(phrase)
                    inverse.setdefault((target, source, phrase), []).append(head)
    pairs: dict[bytes, bytes] = {}
    for key in found.keys() | inverse.keys():
        # A dictionary's own entry first, then what the reverse one says.
        kept = list(dict.fromkeys([*found.get(key, ()), *inverse.get(key, ())]))[:MAX_KEPT]
        pairs[":".join(key).encode()] = SEPARATOR.join(kept).encode()
    return Wordlist.of(pairs)


def read_dictd(path: Path) -> list[tuple[str, str]]:
    """(headword, entry text) of a dictd dictionary (``path``.index and ``path``.dict.dz)."""
    data = gzip.decompress(path.with_name(f"{path.name}.dict.dz").read_bytes())  # dictzip is gzip
    entries = []
    for line in path.with_name(f"{path.name}.index").read_text(encoding="utf-8").splitlines():
        head, offset, length = line.split("\t")
        if not head.startswith("00database"):  # the dictionary's own description
            start = _number(offset)
            entries.append((head.lower(), data[start:start + _number(length)].decode("utf-8")))
    return entries


def translations_of(entry: str) -> list[str]:
    """The translations of an entry: after its headword line, either the one line of them or
    the numbered senses' lines; the lines between are the source language's definitions."""
    lines = entry.splitlines()[1:]
    senses = [m.group(1) for line in lines if (m := _SENSE.match(line))] or lines[:1]
    phrases = []
    for sense in senses[:MAX_SENSES]:
        cleaned = (_SENSE_NUMBER.sub("", p.strip().lower()) for p in sense.split(","))
        phrases += [p for p in cleaned if p][:MAX_PER_SENSE]
    return [p for p in dict.fromkeys(phrases) if len(p.split()) <= MAX_WORDS and SEPARATOR not in p]


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _BASE64.index(char)
    return value
