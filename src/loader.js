// Trunk initializer (index.html, `data-initializer`): runs before the wasm and around it.
// - While the wasm downloads, the loading screen shows how much has arrived, so that a slow rural
//   link shows progress rather than a still page (Trunk streams the download and reports bytes
//   against the file's size known at build time).
// - A crash never leaves a blank page: the release wasm aborts on a panic without running any
//   Rust hook (`panic=immediate-abort`, which saves its bytes), so the French banner is put up
//   here, when the WebAssembly trap reaches JavaScript, at start or later in an event.
// - Offline (README, « Hors ligne »): once the app runs, registers the service worker of a release
//   build (sw.js; a development build has none) and offers its updates: « Une nouvelle version
//   d’Atelier CLS est disponible » with « Recharger ». Nothing reloads without that click, and the
//   new worker takes over only then (src/sw.js): an open page never runs with another build's files.
// A .js file, not .mjs: every static host serves .js as JavaScript; not all of them know .mjs.
const PROGRESS_ID = 'chargement-progression';
const TEXT_ID = 'chargement-texte';
const CRASH_MESSAGE = 'Atelier CLS a rencontré une erreur inattendue et s’est arrêté. Les données déjà '
  + 'enregistrées dans ce navigateur sont intactes. Rechargez la page pour reprendre ; si l’erreur revient, '
  + 'exportez vos contrats depuis l’écran Échanges et signalez le problème.';

/** Percent of the download, whole, never above 100 (a server may send more than announced). */
export function percent(current, total) {
  if (!total) return 0;
  return Math.min(100, Math.floor((100 * current) / total));
}

/** The banner saying the app stopped, built with plain DOM calls, once. */
function showCrashBanner() {
  if (document.querySelector('.crash-banner')) return;
  const banner = document.createElement('div');
  banner.className = 'banner banner--error crash-banner';
  banner.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = CRASH_MESSAGE;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Recharger la page';
  reload.addEventListener('click', () => location.reload());
  banner.append(text, reload);
  document.body.prepend(banner);
}

/**
 * The app's root folder, the manifest's URL and the screens' stylesheet's (fetched later, by
 * src/ui/platform/stylesheet.rs), fixed at start: the router's navigations change the address,
 * against which a relative URL of the root page would then resolve (a screen's copy of the page
 * has <base href="../">, which does not move).
 */
let root = '';
function pinAddresses() {
  root = document.baseURI;
  const manifest = document.querySelector('link[rel="manifest"]');
  if (manifest) manifest.setAttribute('href', manifest.href);
  const screensCss = document.querySelector('meta[name="atelier-cls:screens-css"]');
  if (screensCss) screensCss.content = new URL(screensCss.content, root).href;
}

/**
 * Registers the worker that a release build's pages name (scripts/route-pages.sh), then watches
 * for new versions: at start, and each time the page is shown again (a tab left open for days).
 */
function startOffline() {
  const meta = document.querySelector('meta[name="atelier-cls:service-worker"]');
  // No navigator.serviceWorker: an insecure context (plain HTTP on a network address), or a
  // browser or test run that blocks service workers. The app then runs online only.
  const workers = navigator.serviceWorker;
  if (!meta || !workers) return;
  let registration = null;
  // Set by « Recharger » only: the one case where a change of worker reloads the page.
  let reloading = false;
  // « Recharger »: the waiting version takes over, then the page reloads on the change; if
  // another tab's click already put it in charge, a plain reload brings it.
  const reload = () => {
    const waiting = registration?.waiting;
    if (!waiting) { location.reload(); return; }
    reloading = true;
    waiting.postMessage('recharger');
  };
  // Whether a worker controlled the page: the first visit's worker taking control is no update.
  let controlled = Boolean(workers.controller);
  workers.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    // Another tab's « Recharger » put a new version in charge: this page still runs the old one.
    else if (controlled) showUpdateBanner(reload);
    controlled = true;
  });
  workers.register(new URL(meta.content, root)).then((found) => {
    if (!found) return; // Playwright's serviceWorkers: 'block' resolves to nothing
    registration = found;
    const offer = () => { if (registration.waiting && workers.controller) showUpdateBanner(reload); };
    const follow = (worker) => worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(); });
    registration.addEventListener('updatefound', () => follow(registration.installing));
    follow(registration.installing);
    offer();
    const check = () => { if (workers.controller) registration.update().catch(() => {}); };
    check();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
  }, () => {}); // No worker (offline at the first visit, a private window): the app runs as before.
}

/**
 * The notice of a new version, once, at the foot of the window; `reload` is its button's.
 * « Plus tard » puts it away until the next start (or until another tab's reload changes the
 * version in charge): it covers the foot of the page.
 */
function showUpdateBanner(reload) {
  if (document.querySelector('.update-banner')) return;
  const banner = document.createElement('div');
  banner.className = 'banner banner--info update-banner';
  banner.setAttribute('role', 'status');
  document.body.append(banner);
  const text = document.createElement('p');
  text.textContent = 'Une nouvelle version d’Atelier CLS est disponible. Vos contrats restent enregistrés dans ce navigateur.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Recharger';
  button.addEventListener('click', reload);
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'secondary';
  later.textContent = 'Plus tard';
  later.addEventListener('click', () => banner.remove());
  banner.append(text, button, later);
}

const isTrap = (error) => error instanceof WebAssembly.RuntimeError;

function watchForCrashes() {
  addEventListener('error', (event) => { if (isTrap(event.error)) showCrashBanner(); });
  addEventListener('unhandledrejection', (event) => { if (isTrap(event.reason)) showCrashBanner(); });
}

export default function loader() {
  let shown = -1;
  return {
    onStart() {
      watchForCrashes();
      pinAddresses();
    },
    // Once the app runs: the worker's first download then takes no bandwidth from the wasm's.
    onSuccess: startOffline,
    onProgress({ current, total }) {
      const value = percent(current, total);
      if (value === shown) return;
      shown = value;
      const bar = document.getElementById(PROGRESS_ID);
      if (bar) bar.value = value;
      const text = document.getElementById(TEXT_ID);
      if (text) text.textContent = `Chargement d’Atelier CLS… ${value} %`;
    },
    onFailure(error) {
      if (isTrap(error)) {
        showCrashBanner();
      } else {
        const text = document.getElementById(TEXT_ID);
        if (text) text.textContent = 'Atelier CLS n’a pas pu démarrer. Vérifiez la connexion, puis rechargez la page.';
      }
      // Rethrown so that the failure is reported like any uncaught error (console, tests).
      throw error;
    },
  };
}
