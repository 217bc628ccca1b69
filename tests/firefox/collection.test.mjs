// Firefox ESR: a lead's answer to the yearly collection (« Collecte », issue 24), an .ods typed
// as LibreOffice Calc saves it (`collection-sheets answered`), picked in « Collecte »: its
// preview shows what it fills in, and applying it marks the lead as answered.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite, press } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('Firefox: a lead’s answer picked in « Collecte » is previewed and applied', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'atelier-cls-collecte-firefox-'));
  const name = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'collection-sheets', '--', 'answered', folder], { cwd: ROOT }).toString().trim();

  const { app, page } = await env.freshApp();
  // The demonstration as its file has it (its ids, which the answer's references name).
  await app.open('echanges/');
  await app.heading('Échanges');
  const json = await page.waitForSelector('input[type="file"]');
  await json.uploadFile(join(ROOT, 'examples/cls-demonstration-2024-2028.json'));
  await press(await app.visible('button', 'Ajouter ce contrat'));
  await app.saved();
  await app.open('suivi/?annee=2025&partie=collecte');
  await app.heading('Collecte 2025');
  const input = await page.waitForSelector('input[type="file"][multiple]');
  assert.equal(await input.evaluate((el) => el.labels[0]?.textContent.trim()), 'Choisir les tableaux des pilotes');
  await input.uploadFile(join(folder, name));
  await app.says('Ce que la réponse de');
  await app.says('Réalisé');
  const apply = await page.waitForSelector('::-p-text(Appliquer la réponse de)');
  await press(apply);
  await app.says('Réponse appliquée');
  await app.saved();
  await until(async () => {
    const stored = await app.storedWorkspace();
    const contract = stored.contracts.find((c) => c.id === stored.active_contract);
    const received = contract.collections.find((c) => c.year === 2025)?.recipients.filter((r) => r.received_on);
    assert.equal(received?.length, 1);
  });
});
