// Trunk initializer (index.html, `data-initializer`): while the wasm downloads, the loading screen
// shows how much has arrived, so that a slow rural link shows progress rather than a still page.
// Trunk streams the download and reports bytes against the file's size known at build time.
const PROGRESS_ID = 'chargement-progression';
const TEXT_ID = 'chargement-texte';

/** Percent of the download, whole, never above 100 (a server may send more than announced). */
export function percent(current, total) {
  if (!total) return 0;
  return Math.min(100, Math.floor((100 * current) / total));
}

export default function loader() {
  let shown = -1;
  return {
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
      const text = document.getElementById(TEXT_ID);
      if (text) {
        text.textContent = 'Atelier CLS n’a pas pu démarrer. Vérifiez la connexion, puis rechargez la page.';
      }
      console.error(error);
    },
  };
}
