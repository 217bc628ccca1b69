#!/bin/sh
# Trunk post-build step, after scripts/wasm-split.sh (scripts/post-build.sh runs both).
# 1. Every screen of the app gets a real folder holding a copy of index.html, so that
#    /planning/ or /fiches/ load on a plain static server (leptos_router 0.8 has no hash router).
#    The copy gets <base href="../">: its relative asset URLs, and the router base the app reads
#    from document.baseURI, then point at the app's root folder. The list of screens is
#    src/ui/screens.txt, also read by the Rust router's tests.
# 2. Offline (README, « Hors ligne »): a release build (`make build`) gets its service worker,
#    sw.js, listing every file of the build (scripts/precache.sh, run last, once every file is
#    in place), and its pages say where it is (<meta name="atelier-cls:service-worker">, which
#    src/loader.js registers). A development build (`make serve`) registers none, so that it is
#    never served stale files; its sw.js only removes a worker that a release build served on
#    the same address left behind (src/sw-development.js).
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
source="${TRUNK_SOURCE_DIR:-.}"
if [ "${TRUNK_PROFILE:-}" = release ]; then
  sed 's|<head>|<head><meta name="atelier-cls:service-worker" content="sw.js">|' "$dir/index.html" > "$dir/index.html.tmp"
  mv "$dir/index.html.tmp" "$dir/index.html"
fi
while read -r screen; do
  [ -n "$screen" ] || continue
  mkdir -p "$dir/$screen"
  sed 's|<head>|<head><base href="../">|' "$dir/index.html" > "$dir/$screen/index.html"
done < "$source/src/ui/screens.txt"
if [ "${TRUNK_PROFILE:-}" = release ]; then
  sh "$source/scripts/precache.sh" "$dir"
else
  cp "$source/src/sw-development.js" "$dir/sw.js"
fi
