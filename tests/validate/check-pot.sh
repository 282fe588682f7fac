#!/bin/sh
# Fails when a translation misses a message of the sources: extracts the
# current template and checks every .po covers it.
set -eu
srcdir=$1
builddir=$2
pot="$builddir/local4action-check.pot"
cd "$srcdir"
GETTEXTDATADIRS="$srcdir/data" xgettext --files-from=po/POTFILES.in --directory="$srcdir" \
  --output="$pot" --from-code=UTF-8 --add-comments=translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3
status=0
for po in po/*.po; do
  out=$(msgmerge --quiet -o - "$po" "$pot" | msgfmt --check --statistics -o /dev/null - 2>&1)
  echo "$po against the sources: $out"
  case "$out" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
done
exit $status
