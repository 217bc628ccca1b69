#!/bin/sh
# Trunk's post-build hook (Trunk.toml). Trunk starts every hook of a stage at the same time, so
# steps that must follow one another run from here, in order:
# 1. scripts/wasm-split.sh: the wasm split into parts loaded on demand, in place of Trunk's file;
# 2. scripts/screens-css.mjs: the screens' stylesheet, fetched with the first part loaded on
#    demand, out of index.html;
# 3. scripts/route-pages.sh: a folder per screen (copies of index.html, which must be final),
#    then the service worker's list of every file of the build, which must see the parts.
set -eu
source="${TRUNK_SOURCE_DIR:-.}"
sh "$source/scripts/wasm-split.sh"
node "$source/scripts/screens-css.mjs" "${TRUNK_STAGING_DIR:?run by trunk}" "$source"
sh "$source/scripts/route-pages.sh"
