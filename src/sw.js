// The service worker of release builds: Atelier CLS opens and works with no network.
// This file is a template. At build time scripts/precache.sh (run by the post-build hook,
// scripts/route-pages.sh) writes dist/sw.js: two constants written from the files of dist/
// themselves, then this code.
// - VERSION: a hash of every file of dist/ (names and contents) and of this code. A new build is
//   a new sw.js, so browsers install it as an update, into a cache of its own.
// - FILES: every file of dist/ as a URL relative to this worker's folder, a folder's index.html
//   written as the folder ('' for the app's root, 'planning/' for a screen's copy of it).
// Everything is served from the cache first: the files of one build, together, never mixed with
// another build's. The app works from any sub-path: every URL here is relative to this file, and
// the worker's scope is its folder.
//
// Updates (src/loader.js has the page's side): a new version installs beside the old one and
// waits; the page shows « Une nouvelle version d’Atelier CLS est disponible » and only its
// « Recharger » sends 'recharger', which makes the new worker take over; the page then reloads.
// No skipWaiting before that: an open page keeps the files of its own build.

/* global VERSION, FILES */
const ROOT = new URL('./', self.location).href;
// Caches are shared by the whole origin: the name holds the app's folder so that two copies of
// the app on one host (/prod/ and /essai/) never delete each other's cache.
const PREFIX = `atelier-cls ${ROOT} `;
const CACHE = PREFIX + VERSION;
/** The files kept in a second wave, once the others are (see `install`). */
const LATER = /(^|\/)split_collecting-[0-9a-f]+\.wasm$/;

self.addEventListener('install', (event) => {
  // 'no-cache': the server is asked (a 304 is cheap), so that no stale copy of an unhashed file
  // (index.html, the manifest) from the HTTP cache gets into the new version's cache. 'low':
  // on a slow line the page's own requests (the part of the screen just opened) go first
  // (Fetch Priority; browsers without it ignore the option).
  // « Collecte »'s part (the spreadsheets' libraries, the heaviest) comes after the rest: with
  // it in the same wave, opening « Planning » on a slow line waited 2.4 s instead of 0.5 s
  // (make bench, rural). Install ends once both waves are kept.
  const request = (file) => new Request(new URL(file, ROOT), { cache: 'no-cache', priority: 'low' });
  const later = FILES.filter((file) => LATER.test(file));
  const first = FILES.filter((file) => !LATER.test(file));
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(first.map(request));
    await cache.addAll(later.map(request));
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
    await Promise.all(old.map((key) => caches.delete(key)));
    // The first visit's page is controlled at once, so that it works offline without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'recharger') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT)) return;
  event.respondWith(answer(request));
});

/** The cached answer to a request, else the network's. */
async function answer(request) {
  const cache = await caches.open(CACHE);
  const navigation = request.mode === 'navigate';
  const url = cacheKey(request.url, navigation);
  const cached = await cache.match(url, { ignoreVary: true });
  if (cached) return cached;
  // A screen's folder without its trailing slash (…/planning?annee=2025): the static server
  // redirects; so does the worker, offline too.
  if (navigation && !url.endsWith('/')) {
    const folder = new URL(request.url);
    folder.pathname += '/';
    if (await cache.match(cacheKey(folder.href, true), { ignoreVary: true })) {
      return Response.redirect(folder.href, 301);
    }
  }
  return fetch(request);
}

/**
 * The URL a response is cached under: no fragment; a page's address without its query (the
 * screens keep their filters there: planning/?vue=mois is planning/) and with a folder's
 * index.html written as the folder.
 */
function cacheKey(address, navigation) {
  const url = new URL(address);
  url.hash = '';
  if (navigation) {
    url.search = '';
    if (url.pathname.endsWith('/index.html')) url.pathname = url.pathname.slice(0, -'index.html'.length);
  }
  return url.href;
}
