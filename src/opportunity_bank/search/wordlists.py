"""Swedish and English dictionary words and their lemmas, kept compact.

The dictionaries come from the ``simplemma`` package (installed from PyPI with the app; no
download at run time): 964,000 Swedish and 182,000 English word forms, each with its lemma.
As simplemma keeps them (a Python dict) they cost about 107 and 28 MB in every process; here
each is one sorted blob of ``form[\\tlemma]`` lines (22 and 3 MB), searched by bisection.
Building the blob takes seconds, so it is kept in the temporary directory, named after the
user and the simplemma version, and later processes map it. The translations
(translations.py) are kept the same way (`kept_wordlist`).
"""

from __future__ import annotations

import gc
import mmap
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

_lock = threading.Lock()


class Wordlist:
    """Sorted ``form`` or ``form\\tlemma`` lines (no lemma when it is the form itself)."""

    def __init__(self, blob: bytes | mmap.mmap) -> None:
        self._blob = blob

    @classmethod
    def of(cls, pairs: dict[bytes, bytes]) -> Wordlist:
        lowered: dict[bytes, bytes] = {}
        for form, lemma in pairs.items():
            key = form.lower()
            if b"\t" not in key and b"\n" not in key:
                lowered[key] = lemma.lower()
        # "\t" sorts before every letter, so sorting the lines sorts the forms
        return cls(b"\n".join(sorted(
            form if lemma == form else form + b"\t" + lemma for form, lemma in lowered.items()
        )))

    def get(self, word: str) -> str | None:
        """What is kept for a known form (a word list: its lemma), None for an unknown one."""
        key = word.encode()
        blob = self._blob
        low, high = 0, len(blob)
        while low < high:  # low ends at the start of the first line whose form >= key
            middle = (low + high) // 2
            start = blob.rfind(b"\n", 0, middle) + 1
            end = blob.find(b"\n", start)
            end = len(blob) if end < 0 else end
            if blob[start:end].partition(b"\t")[0] < key:
                low = end + 1
            else:
                high = start
        end = blob.find(b"\n", low)
        form, _, lemma = blob[low:len(blob) if end < 0 else end].partition(b"\t")
        if form != key:
            return None
        return (lemma or form).decode()


@cache
def wordlist(language: str) -> Wordlist:
    with _lock:  # two threads building at once would hold both copies
        return _load(language)


def _load(language: str) -> Wordlist:
    return kept_wordlist(f"{language}-simplemma-{version('simplemma')}", lambda: _simplemma(language))


def _simplemma(language: str) -> Wordlist:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    mapping = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(language)
    # Through its public mapping: 964,000 Swedish forms take some 2 s, once per machine.
    return Wordlist.of({form.encode(): lemma.encode() for form, lemma in mapping.items()})


def kept_wordlist(name: str, build: Callable[[], Wordlist]) -> Wordlist:
    """The word list kept in the temporary directory under ``name`` (which says what it is
    built from), built and written there by the first process that asks for it."""
    path = Path(tempfile.gettempdir()) / f"opportunity-bank-{os.getuid()}-{name}.words"
    try:
        return _mapped(path)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        pass
    words = build()
    gc.collect()  # what the build held
    part = None
    try:  # written aside under a name nobody can guess, then renamed: no reader sees half a file
        fd, part = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        with os.fdopen(fd, "wb") as file:
            file.write(words._blob)
        os.replace(part, path)
        return _mapped(path)
    except (OSError, ValueError):
        if part:
            Path(part).unlink(missing_ok=True)
        return words  # a read-only temporary directory: keep it in memory, build again next time


def _mapped(path: Path) -> Wordlist:
    """Mapped, not read: the pages a lookup touches are all that count, and processes on
    the machine (serve's workers, a reindex) share them.

    Only a regular file of this user's that nobody else may write, not through a link: the
    temporary directory is everyone's, and another user could have put a file there first.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            raise ValueError(f"{path} is not this user's own file")
        return Wordlist(mmap.mmap(fd, 0, access=mmap.ACCESS_READ))
    finally:
        os.close(fd)
