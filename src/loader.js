// Trunk initializer (index.html, `data-initializer`): runs before the wasm and around it.
// - While the wasm downloads, the loading screen shows how much has arrived, so that a slow rural
//   link shows progress rather than a still page (Trunk streams the download and reports bytes
//   against the file's size known at build time).
// - A crash never leaves a blank page: the release wasm aborts on a panic without running any
//   Rust hook (`panic=immediate-abort`, which saves its bytes), so the French banner is put up
//   here, when the WebAssembly trap reaches JavaScript, at start or later in an event.
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

const isTrap = (error) => error instanceof WebAssembly.RuntimeError;

function watchForCrashes() {
  addEventListener('error', (event) => { if (isTrap(event.error)) showCrashBanner(); });
  addEventListener('unhandledrejection', (event) => { if (isTrap(event.reason)) showCrashBanner(); });
}

export default function loader() {
  let shown = -1;
  return {
    onStart: watchForCrashes,
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
