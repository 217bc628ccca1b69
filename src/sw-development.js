// sw.js of development builds (`make serve`, `trunk build` without --release): the app
// registers no service worker there (scripts/route-pages.sh). This one is only fetched by a
// browser that still has the worker of a release build served earlier on the same address (a
// `python3 -m http.server 8080` in dist/, say): checking it for an update, the browser finds
// this file, which deletes that build's cache, unregisters, and reloads the pages it had, so
// that development is never served stale files.
self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const prefix = `atelier-cls ${new URL('./', self.location).href} `;
    const keys = (await caches.keys()).filter((key) => key.startsWith(prefix));
    await Promise.all(keys.map((key) => caches.delete(key)));
    await self.registration.unregister();
    const pages = await self.clients.matchAll({ type: 'window' });
    await Promise.all(pages.map((page) => page.navigate(page.url)));
  })());
});
