#!/bin/sh
# Fails unless the translation is valid and complete: no untranslated and
# no fuzzy message.
set -eu
po=$1
stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
