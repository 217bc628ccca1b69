#!/bin/sh
# Writes DIR/sw.js, the service worker of a release build: the list of every file of DIR (the
# built app) and a hash of them all, then the worker's code (src/sw.js, which explains both).
# Run by the post-build hook (scripts/route-pages.sh) once every other file of the build is in
# place, and by tests/browser/offline.test.mjs on a modified copy of dist/ (a "new version").
# The list comes from the files themselves: nothing to keep up to date by hand.
#   sh scripts/precache.sh dist
set -eu
dir="${1:?usage: precache.sh DIR}"
template="$(cd "$(dirname "$0")/.." && pwd)/src/sw.js"
cd "$dir"
if command -v sha256sum >/dev/null 2>&1; then sum=sha256sum; else sum='shasum -a 256'; fi

# Every file but the worker itself, in a stable order (bytes, not the locale's collation).
files=$(find . -type f ! -path ./sw.js | sed 's|^\./||' | LC_ALL=C sort)
# The names go into JavaScript strings and URLs as they are: refuse anything that would need
# escaping rather than escape it wrong.
if printf '%s\n' "$files" | grep -qv '^[A-Za-z0-9._/-]*$'; then
  echo "precache.sh: a file name in $dir needs escaping:" >&2
  printf '%s\n' "$files" | grep -v '^[A-Za-z0-9._/-]*$' >&2
  exit 1
fi

# The version: each file's name and content's hash, and the worker's code.
version=$(
  {
    printf '%s\n' "$files" | while read -r file; do printf '%s %s\n' "$file" "$($sum < "$file" | cut -c1-64)"; done
    cat "$template"
  } | $sum | cut -c1-16
)

{
  echo "// Written by scripts/precache.sh from the files of this folder: do not edit (src/sw.js)."
  echo "const VERSION = '$version';"
  echo "const FILES = ["
  # A folder's index.html is cached as the folder: it is what a link to a screen asks for.
  printf '%s\n' "$files" | sed -e 's|^index\.html$||' -e 's|/index\.html$|/|' -e "s|.*|  '&',|"
  echo "];"
  echo
  cat "$template"
} > sw.js.tmp
mv sw.js.tmp sw.js
echo "precache.sh: sw.js lists $(printf '%s\n' "$files" | wc -l | tr -d ' ') files, version $version"
