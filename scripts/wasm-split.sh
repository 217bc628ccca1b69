#!/bin/sh
# Trunk post-build step, run first (scripts/post-build.sh): splits the app's wasm into a first part and
# parts loaded on demand (issue 27; README, « Speed »), then re-does Trunk's wasm step on them.
#
# Why a hook: Trunk 0.21 cannot split (trunk-rs/trunk#1022). It names its output after a hash
# of the linked wasm, so this hook takes that same linked file (linked with `--emit-relocs`,
# scripts/wasm-env.sh), splits it with `wasm-split-cli` (the splitter cargo-leptos uses, pinned
# in scripts/setup.sh), runs wasm-bindgen on the first part with Trunk's flags plus
# `--keep-lld-exports` (the parts call the first part's functions by their linker names), runs
# wasm-opt on every part in a release build (index.html turns Trunk's own wasm-opt off), and
# writes the files over Trunk's. An unsplit build cannot start at all (its JavaScript imports
# the splitter's placeholder module), so debug builds split too: about a second per rebuild.
#
# What it writes into the staging folder, BASE being Trunk's `atelier-cls-<hash>`:
#   BASE.js, BASE_bg.wasm      the first part and its bindings (Trunk's names, same hash)
#   __wasm_split-<hash>.js     the loader of the parts (static import of BASE.js)
#   split_<part>-<hash>.wasm   one per part named in src/ui/parts.rs
#   chunk_<n>-<hash>.wasm      code shared by several parts, fetched with the first of them
# (node computes the integrity hashes: it is there anyway, for wasm-opt.)
# Every name carries the build's hash, so that a cache or the service worker never mixes parts
# of two builds (the splitter's own names do not change with their content).
set -eu
stage="${TRUNK_STAGING_DIR:?run by trunk}"
profile="${TRUNK_PROFILE:-debug}"
bin=atelier-cls
linked="${CARGO_TARGET_DIR:?set by scripts/wasm-env.sh}/wasm32-unknown-unknown/$profile/$bin.wasm"
js=$(ls "$stage/$bin"-*.js)
base=$(basename "$js" .js)
hash=${base#"$bin"-}
work="$CARGO_TARGET_DIR/wasm-split"
rm -rf "$work"
mkdir -p "$work/split" "$work/bindgen"

# 1. Split: $base.wasm (the first part, still to bind), split_*.wasm, chunk_*.wasm, and the
#    loader __wasm_split.js.
wasm-split-cli --target web --out-name "$base" "$linked" "$work/split" >/dev/null

# 2. Bind the first part as Trunk did (index.html: data-weak-refs).
wasm-bindgen --target=web --keep-lld-exports --no-typescript --weak-refs \
  --out-dir="$work/bindgen" --out-name="$base" "$work/split/$base.wasm"

# 3. Each part to the staging folder under its build-hashed name; wasm-opt in a release build,
#    two at a time (this machine's cores; it is most of the hook's time).
rename() {
  name=$(basename "$1" .wasm)
  echo "${name}-$hash.wasm"
}
{
  echo "$work/bindgen/${base}_bg.wasm ${base}_bg.wasm"
  for part in "$work/split"/split_*.wasm "$work/split"/chunk_*.wasm; do
    if [ -e "$part" ]; then echo "$part $(rename "$part")"; fi
  done
} > "$work/parts.txt"
if [ "$profile" = release ]; then
  # wasm-opt warns once per part about the name section's local names: only failures are shown.
  xargs -P 2 -L 1 sh -c 'log="$0.wasm-opt.log"
    if ! wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
        --enable-sign-ext --enable-mutable-globals --enable-multivalue "$0" -o "'"$stage"'/$1" 2>"$log"; then
      cat "$log" >&2; exit 1
    fi' < "$work/parts.txt"
else
  while read -r from to; do cp "$from" "$stage/$to"; done < "$work/parts.txt"
fi

# 4. The first part's imports get short names, in the wasm and its bindings (5.7 KB of brotli).
node "$(dirname "$0")/short-imports.mjs" "$stage/${base}_bg.wasm" "$work/bindgen/$base.js"

# 5. The loader, renamed for this build, fetching the renamed parts. In the bindings only the
#    `import … from` lines change: the keys of the wasm's import object are module names written
#    in the wasm itself and must stay "./__wasm_split.js".
loader="__wasm_split-$hash.js"
cp "$work/split/__wasm_split.js" "$stage/$loader"
while read -r from to; do
  part=$(basename "$from")
  [ "$part" = "${base}_bg.wasm" ] || sed -i "s|\"\./$part\"|\"./$to\"|g" "$stage/$loader"
done < "$work/parts.txt"
sed "/^import /s|\./__wasm_split\.js|./$loader|" "$work/bindgen/$base.js" > "$stage/$base.js"

# 6. index.html: the integrity hashes Trunk wrote for the files it made, and the size the loading
#    screen's progress line counts against, are those of the new files.
sri() {
  node -e 'const c=require("crypto");process.stdout.write("sha384-"+c.createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1"
}
for file in "$base.js" "${base}_bg.wasm"; do
  old=$(grep -o "href=\"\./$file\" crossorigin=\"anonymous\" integrity=\"[^\"]*\"" "$stage/index.html" \
    | sed 's/.*integrity="//; s/"$//')
  new=$(sri "$stage/$file")
  [ -z "$old" ] || sed -i "s|$old|$new|" "$stage/index.html"
done
# The parts' loader is a static import of the bindings: preloaded beside them, so that a slow
# line does not wait one more round trip for its 800 bytes.
integrity=$(sri "$stage/$loader")
sed -i "s|</head>|<link rel=\"modulepreload\" href=\"./$loader\" crossorigin=\"anonymous\" integrity=\"$integrity\"></head>|" "$stage/index.html"
size=$(wc -c < "$stage/${base}_bg.wasm" | tr -d ' ')
sed -i "s|\('\./${base}_bg\.wasm', \)[0-9]*|\1$size|" "$stage/index.html"
echo "wasm-split.sh: first part ${base}_bg.wasm ($size bytes), $(($(wc -l < "$work/parts.txt") - 1)) parts loaded on demand"
