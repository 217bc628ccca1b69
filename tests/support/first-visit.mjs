// Which files of dist/ a first visit downloads and which come on demand: one rule for the size
// guard (tests/build/size.test.mjs) and `make bench` (bench/run.mjs), so that they never count
// different files.

/**
 * A file loaded on demand, not on the first visit: a part of the wasm (scripts/wasm-split.sh) or
 * the screens' stylesheet (scripts/screens-css.mjs), fetched with the first part.
 */
export const isOnDemand = (file) => /^((split_[a-z_]+|chunk_\d+)-[0-9a-f]+\.wasm|screens-[0-9a-f]+\.css)$/.test(file);

/**
 * A file of the first visit: the page (its copies in the screens' folders are the same page),
 * and every script, wasm and stylesheet at the root that is not loaded on demand (the bindings,
 * the loaders, the first part, the worker).
 */
export const isFirstVisit = (file) => file === 'index.html' || (/^[^/]+\.(js|wasm|css)$/.test(file) && !isOnDemand(file));
