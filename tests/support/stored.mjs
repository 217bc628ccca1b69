// Reading the workspace as the app stores it: the workspace under `atelier-cls.v1.espace`,
// whose frozen copies (the signature's and each avenant's) are stored apart, each under a key
// of its own, deflated then base64 (src/storage/frozen.rs), and named in a last field
// `frozen_apart`. Tests read the whole workspace back, copies in place, as an exported file has it.
import { inflateRawSync } from 'node:zlib';

export const WORKSPACE_KEY = 'atelier-cls.v1.espace';
export const FROZEN_PREFIX = 'atelier-cls.v1.figee.';
const MARK = 'deflate-base64:';

/** In the page: the stored workspace's text and every stored frozen copy, by key. */
export function readStorage() {
  const copies = {};
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (key.startsWith('atelier-cls.v1.figee.')) copies[key] = localStorage.getItem(key);
  }
  return { text: localStorage.getItem('atelier-cls.v1.espace'), copies };
}

/** A stored frozen copy, inflated. */
export function inflateCopy(stored) {
  if (!stored?.startsWith(MARK)) throw new Error(`copie figée illisible : ${String(stored).slice(0, 40)}`);
  return JSON.parse(inflateRawSync(Buffer.from(stored.slice(MARK.length), 'base64')).toString('utf8'));
}

/** The workspace of `readStorage()`'s answer, each frozen copy put back in place. */
export function wholeWorkspace({ text, copies }) {
  if (text === null) return null;
  const workspace = JSON.parse(text);
  const apart = workspace.frozen_apart ?? {};
  delete workspace.frozen_apart;
  for (const contract of workspace.contracts) {
    const slots = apart[contract.id] ?? {};
    if (slots.signature) contract.signing.frozen_copy = inflateCopy(copies[slots.signature]);
    for (const amendment of contract.amendments) {
      if (slots[amendment.id]) amendment.frozen_copy = inflateCopy(copies[slots[amendment.id]]);
    }
  }
  return workspace;
}
