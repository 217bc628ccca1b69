#!/bin/sh
# Trunk post-build hook: gives every screen of the app a real folder holding a copy of
# index.html, so that /planning/ or /fiches/ load on a plain static server (leptos_router 0.8
# has no hash router). The copy gets <base href="../">: its relative asset URLs, and the router
# base the app reads from document.baseURI, then point at the app's root folder.
# The list of screens is src/ui/screens.txt, also read by the Rust router's tests.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
while read -r screen; do
  [ -n "$screen" ] || continue
  mkdir -p "$dir/$screen"
  sed 's|<head>|<head><base href="../">|' "$dir/index.html" > "$dir/$screen/index.html"
done < "${TRUNK_SOURCE_DIR:-.}/src/ui/screens.txt"
