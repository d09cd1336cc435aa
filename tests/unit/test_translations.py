"""FreeDict's dictd files read into translations both ways, and what the index gets of them."""

from __future__ import annotations

import gzip
import logging
import os
import tempfile

import pytest

from opportunity_bank.search import translations
from opportunity_bank.search.analysis import TextAnalyzer, get_analyzer
from opportunity_bank.search.translations import _BASE64, Translations
from opportunity_bank.search.wordlists import Wordlist

FIN_ENG = {
    "00databaseinfo": "This is the Finnish-English FreeDict dictionary.\n",
    "melu": "melu /mˈelu/ <n>\nnoise, racket\nhäiritsevä ääni\n",
    "muokata": "muokata /mˈuokata/ <v>\n1. modify\nsaattaa uuteen muotoon\n2. edit\n"
               "käsitellä tekstiä\n3. revise\nmuuttaa\n",
    "kohina": "kohina /kˈohina/ <n>\nhiss 2., static\ntasainen ääni\n",
}
SWE_ENG = {"buller": "buller /bˈɵlːɛr/ <n>\nmake a noise, din\n"}


def _number(value: int) -> str:
    digits = ""
    while True:
        value, digit = divmod(value, 64)
        digits = _BASE64[digit] + digits
        if not value:
            return digits


def write_dictd(directory, name: str, entries: dict[str, str]) -> None:
    data, index = b"", []
    for head, text in entries.items():
        encoded = text.encode()
        index.append(f"{head}\t{_number(len(data))}\t{_number(len(encoded))}")
        data += encoded
    (directory / f"freedict-{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (directory / f"freedict-{name}.dict.dz").write_bytes(gzip.compress(data))


@pytest.fixture
def dictionaries(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the built blob is kept
    directory = tmp_path / "dictd"
    directory.mkdir()
    write_dictd(directory, "fin-eng", FIN_ENG)
    write_dictd(directory, "swe-eng", SWE_ENG)
    return directory


def test_a_dictionary_gives_its_first_senses_translations(dictionaries):
    translations = Translations(dictionaries)
    assert translations.of("melu", "fi", "en") == ("noise", "racket")
    # two senses at most; the definition lines between them are not translations
    assert translations.of("muokata", "fi", "en") == ("modify", "edit")
    assert translations.of("kohina", "fi", "en") == ("hiss", "static")  # "2." is no word
    # an explanation is no translation
    assert translations.of("buller", "sv", "en") == ("din",)
    assert translations.of("databaseinfo", "fi", "en") == ()
    assert translations.of("melu", "fi", "sv") == ()


def test_a_dictionary_is_also_read_backwards(dictionaries):
    translations = Translations(dictionaries)
    assert translations.of("noise", "en", "fi") == ("melu",)
    assert translations.of("din", "en", "sv") == ("buller",)


def test_a_second_process_maps_what_the_first_built(dictionaries, tmp_path, monkeypatch):
    assert Translations(dictionaries).of("melu", "fi", "en")
    assert len(list(tmp_path.glob("opportunity-bank-*-freedict-*.words"))) == 1
    built = translations.build_wordlist
    monkeypatch.setattr(translations, "build_wordlist", lambda paths: pytest.fail("built again"))
    assert Translations(dictionaries).of("melu", "fi", "en") == ("noise", "racket")
    # changed dictionaries (another package version) are built anew, not read from the old blob
    monkeypatch.setattr(translations, "build_wordlist", built)
    write_dictd(dictionaries, "fin-eng", {**FIN_ENG, "katu": "katu <n>\nstreet\n"})
    assert Translations(dictionaries).of("katu", "fi", "en") == ("street",)


def test_markup_and_explanations_are_left_out_both_ways(dictionaries):
    write_dictd(dictionaries, "eng-fin", {
        "cronyism": "cronyism <n>\nhyvä veli järjestelmä, suosikkijärjestelmä\n",
        "belarusian": "Belarusian <adj>\n[[valko-venäjän]] snt, valkovenäläinen\n",
    })
    found = Translations(dictionaries)
    assert found.of("cronyism", "en", "fi") == ("suosikkijärjestelmä",)
    assert found.of("belarusian", "en", "fi") == ("valkovenäläinen",)
    assert found.of("hyvä veli järjestelmä", "fi", "en") == ()


def test_a_dictionary_that_cannot_be_read_is_left_out(dictionaries, caplog):
    (dictionaries / "freedict-swe-eng.dict.dz").write_bytes(b"not gzip")
    with caplog.at_level(logging.WARNING):
        found = Translations(dictionaries)
        assert found.of("melu", "fi", "en") == ("noise", "racket")  # the others still count
        assert found.of("buller", "sv", "en") == ()
    assert "freedict-swe-eng" in caplog.text


def test_without_dictionaries_there_are_no_translations(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with caplog.at_level(logging.WARNING):
        assert Translations(tmp_path / "missing").of("melu", "fi", "en") == ()
    assert "dict-freedict" in caplog.text


def test_an_opening_gets_its_title_in_the_languages_it_is_open_to():
    analyzer = get_analyzer()  # the dictionaries scripts/setup.sh installs from Debian
    english = set(analyzer.translation_terms("Katuvalaistuksen kartoitus", "fi", ["fi", "en"]).split())
    # the compound's parts are translated too: dictionaries seldom have the compound
    assert {"street", "lighting", "survey"} <= english
    swedish = set(analyzer.translation_terms("Gatubelysning för Esbo", "sv", ["fi"]).split())
    assert {"katuvalaistus", "katu", "valaistus"} <= swedish
    # "för" is a stop word: not translated (liian, koska, sillä, keula)
    assert analyzer.translations.of("för", "sv", "fi") and not {"liian", "koska", "keula"} & swedish
    assert analyzer.translation_terms("Katuvalaistuksen kartoitus", "fi", ["fi"]) == ""


def test_each_word_is_looked_up_in_the_dictionaries_once(dictionaries, monkeypatch):
    """Indexing translates the same words of opening after opening; a lookup in the mapped
    dictionary was nearly half of what making a document cost."""
    asked = []
    found = Translations(dictionaries)
    monkeypatch.setattr(found, "of", lambda *key: asked.append(key) or Translations.of(found, *key))
    analyzer = TextAnalyzer(translations=found)
    english = "noise nois racket"  # the words and their stems
    assert analyzer.translation_terms("Melu ja melu", "fi", ["fi", "en"]) == english
    assert analyzer.translation_terms("Melu", "fi", ["en"]) == english
    assert asked.count(("melu", "fi", "en")) == 1


def test_a_blob_someone_else_could_write_is_not_read(dictionaries, tmp_path):
    planted = Wordlist.of({b"fi:en:melu": b"planted"})
    stamp = translations.fingerprint(translations.dictionaries(dictionaries))
    name = f"opportunity-bank-{os.getuid()}-freedict-{stamp}.words"
    (tmp_path / name).write_bytes(planted._blob)
    (tmp_path / name).chmod(0o666)  # writable by anyone: not to be trusted
    assert Translations(dictionaries).of("melu", "fi", "en") == ("noise", "racket")
    # built anew and put in its place, as this user's own file
    assert not (tmp_path / name).stat().st_mode & 0o022
    assert Translations(dictionaries).of("melu", "fi", "en") == ("noise", "racket")
