"""Every interface string has its Finnish and Swedish translation, and the .mo files are current."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from babel.support import Translations

from opportunity_bank.web.i18n import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]


def extracted_msgids() -> set[str]:
    method_map, options_map = parse_mapping_cfg((ROOT / "babel.cfg").open())
    skipped = {"node_modules", "var", "tests", "migrations"}
    found = extract_from_dir(
        ROOT, method_map, options_map,
        directory_filter=lambda path: not Path(path).name.startswith(".") and Path(path).name not in skipped,
    )
    return {message[0] if isinstance(message, tuple) else message for _, _, message, _, _ in found}


def catalog(language: str):
    with (TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def test_the_extraction_finds_the_interface_strings():
    ids = extracted_msgids()
    assert {"Skip to main content", "Summer job", "Accessibility statement"} <= ids


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_string_is_translated(language):
    messages = {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in catalog(language) if m.id}
    missing = sorted(i for i in extracted_msgids()
                     if i not in messages or not messages[i].string or messages[i].fuzzy)
    assert missing == [], "run `bash scripts/i18n.sh` and translate these"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalogs_match_the_po_files(language):
    compiled = Translations.load(str(TRANSLATIONS_DIR), [language])
    for message in catalog(language):
        if message.id and not isinstance(message.id, tuple):
            assert compiled.gettext(message.id) == message.string, "run `bash scripts/i18n.sh compile`"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_translation_has_another_strings_english_glued_on(language):
    messages = [m for m in catalog(language) if m.id and isinstance(m.id, str) and isinstance(m.string, str)]
    sentences = {m.id for m in messages if len(m.id) >= 30 and " " in m.id}
    glued = sorted(m.id for m in messages for sentence in sentences
                   if sentence != m.id and sentence in m.string and sentence not in m.id)
    assert glued == [], "these translations end in another message's English text"
