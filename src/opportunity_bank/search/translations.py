"""Words in Finnish, Swedish and English and their translations, from FreeDict.

Many openings are open to students of another language than the one they are written in:
a Finnish ad for a library's courtyard "open to English speakers" never says *library*. The index
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
import hashlib
import logging
import re
import threading
from pathlib import Path
from typing import NamedTuple

from opportunity_bank.search.wordlists import Wordlist, kept_wordlist

log = logging.getLogger(__name__)
DICTD_DIRECTORY = Path("/usr/share/dictd")
CODES = {"fi": "fin", "sv": "swe", "en": "eng"}
PAIRS = [(source, target) for source in CODES for target in CODES if source != target]
MAX_SENSES = 2  # an entry's later senses are its rarer meanings
MAX_PER_SENSE = 3
MAX_KEPT = 4  # translations kept per word and language: further ones are mostly loose
MAX_WORDS = 2  # a longer "translation" is an explanation (buller -> make a noise)
SEPARATOR = "|"
# The blob's name says how it was built: change this when the reading rules change, so that
# no process maps a blob built by older rules.
FORMAT = 1
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE = re.compile(r"^\s*\d+\.\s*(.*)$")
_SENSE_NUMBER = re.compile(r"\s*\d+\.?$")  # "kohina 2." in a few entries
# Words, not markup: a few entries carry wiki links ("[[valko-venäjän]] snt").
_PHRASE = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


class Translations:
    """Translations of base forms between fi, sv and en; read on first use."""

    def __init__(self, directory: Path = DICTD_DIRECTORY) -> None:
        self.directory = directory
        self._words: Wordlist | None = None
        self._lock = threading.Lock()

    def of(self, word: str, source: str, target: str) -> tuple[str, ...]:
        """Translations of a base form (``kirjasto``, "fi", "en" -> library); () if none."""
        kept = self._wordlist().get(f"{source}:{target}:{word}")
        return tuple(kept.split(SEPARATOR)) if kept else ()

    def _wordlist(self) -> Wordlist:
        if self._words is None:
            with self._lock:
                if self._words is None:
                    self._words = self._load()
        return self._words

    def _load(self) -> Wordlist:
        paths = dictionaries(self.directory)
        if not paths:
            log.warning("no FreeDict dictionaries in %s: openings are indexed without "
                        "translations (install dict-freedict-fin-eng and the other pairs)",
                        self.directory)
            return Wordlist(b"")
        return kept_wordlist(f"freedict-{fingerprint(paths)}", lambda: build_wordlist(paths))


class Dictd(NamedTuple):
    """A dictd dictionary's two files."""

    index: Path
    data: Path


def dictionaries(directory: Path) -> dict[tuple[str, str], Dictd]:
    """The pairs of fi, sv and en installed in ``directory``, by (source, target)."""
    found = {}
    for source, target in PAIRS:
        name = f"freedict-{CODES[source]}-{CODES[target]}"
        files = Dictd(directory / f"{name}.index", directory / f"{name}.dict.dz")
        if files.index.exists():
            found[source, target] = files
    return found


def fingerprint(paths: dict[tuple[str, str], Dictd]) -> str:
    """Which files, of what size and age, read by which rules: another package version
    (or FORMAT) gives another blob."""
    stamp = [str(FORMAT)]
    for files in paths.values():
        for file in files:
            stat = file.stat() if file.exists() else None
            stamp.append(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}" if stat else file.name)
    return hashlib.sha256("|".join(stamp).encode()).hexdigest()[:16]


def build_wordlist(paths: dict[tuple[str, str], Dictd]) -> Wordlist:
    """Every pair in ``paths``, each read both ways; a dictionary that cannot be read is
    left out with a warning, the others still count."""
    found: dict[tuple[str, str, str], list[str]] = {}
    inverse: dict[tuple[str, str, str], list[str]] = {}
    for (source, target), files in paths.items():
        try:
            entries = read_dictd(files)
        except (OSError, ValueError, EOFError) as error:  # UnicodeDecodeError is a ValueError
            log.warning("cannot read the dictionary %s, left out of the translations: %s",
                        files.index.with_suffix(""), error)
            continue
        for head, entry in entries:
            for phrase in translations_of(entry):
                found.setdefault((source, target, head), []).append(phrase)
                if usable(head):
                    inverse.setdefault((target, source, phrase), []).append(head)
    pairs: dict[bytes, bytes] = {}
    for key in found.keys() | inverse.keys():
        # A dictionary's own entry first, then what the reverse one says.
        kept = list(dict.fromkeys([*found.get(key, ()), *inverse.get(key, ())]))[:MAX_KEPT]
        pairs[":".join(key).encode()] = SEPARATOR.join(kept).encode()
    return Wordlist.of(pairs)


def read_dictd(files: Dictd) -> list[tuple[str, str]]:
    """(headword, entry text) of a dictd dictionary."""
    data = gzip.decompress(files.data.read_bytes())  # dictzip is gzip
    entries = []
    for line in files.index.read_text(encoding="utf-8").splitlines():
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
    return [p for p in dict.fromkeys(phrases) if usable(p)]


def usable(phrase: str) -> bool:
    """A word or two, nothing else: no explanation, markup or separator."""
    return len(phrase.split()) <= MAX_WORDS and _PHRASE.fullmatch(phrase) is not None


def _number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _BASE64.index(char)
    return value
