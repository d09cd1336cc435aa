#!/usr/bin/env bash
# The interface catalogs (Finnish, Swedish, English; msgids in English).
#
#   bash scripts/i18n.sh            extract strings, update the three .po files, compile .mo
#   bash scripts/i18n.sh compile    only compile the .po files into the committed .mo files
#
# Translate by editing src/opportunity_bank/web/translations/{fi,sv}/LC_MESSAGES/messages.po
# (English needs none: the msgid is the English text), then run `bash scripts/i18n.sh compile`
# and commit the .po and .mo files together. tests/unit/test_catalogs.py fails while a string
# lacks its Finnish or Swedish translation.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
[[ -x "$PYBABEL" ]] || PYBABEL="$(command -v pybabel || echo /work/venv/bin/pybabel)"
CATALOGS="src/opportunity_bank/web/translations"
POT="$(mktemp --suffix=.pot)"
trap 'rm -f "$POT"' EXIT

extract() {
    "$PYBABEL" extract -F babel.cfg --ignore-dirs=".* node_modules" --no-location --sort-output \
        --project "Opportunity Bank" --copyright-holder "City of Espoo" -o "$POT" .
}

compile() {
    "$PYBABEL" compile --statistics -d "$CATALOGS" -D messages
}

case "${1:-update}" in
    update)
        extract
        for lang in fi sv en; do
            if [[ -f "$CATALOGS/$lang/LC_MESSAGES/messages.po" ]]; then
                "$PYBABEL" update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date \
                    -i "$POT" -d "$CATALOGS" -D messages -l "$lang"
            else
                "$PYBABEL" init -i "$POT" -d "$CATALOGS" -D messages -l "$lang"
            fi
        done
        compile
        ;;
    compile)
        compile
        ;;
    *)
        echo "usage: $0 [update|compile|check]" >&2
        exit 2
        ;;
esac
