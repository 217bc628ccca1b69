// Parties and signature (issue 13): the example's contract document ends with the ten signature
// blocks of seed 001, a signatory's block is edited from the keyboard and saved, a fiche's
// co-lead is found by the « Pilote » filter, and the changed screens pass axe-core.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, press, typeInto } from '../support/app.mjs';
import { assert, hasCount, hasText, hasValue, until, visible } from '../support/expect.mjs';

const env = suite();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× ex. ${v.nodes[0].target.join(' ')})`);
  });
}

async function appWithExample() {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  return { app, page };
}

test('the signature page of the example’s contract shows the ten blocks of seed 001', async () => {
  const { app, page } = await appWithExample();
  await app.open('document/');
  await visible(page.getByRole('heading', { name: 'Signatures', exact: true }));
  await visible(page.getByText('Fait à Aurillac, le 11/03/2025', { exact: true }));
  const blocks = page.locator('.signatures .signature');
  await hasCount(blocks, 10);
  const texts = await blocks.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('p')].map((p) => p.textContent.trim()).join(' | ')));
  assert.equal(texts[0], 'Pour Agence Régionale de Santé Auvergne-Rhône-Alpes | Madame la Directrice générale | Cécile COURREGES | Signature :');
  assert.match(texts[2], /^Pour Préfecture du Cantal \| Par délégation \| Monsieur le Directeur Départemental adjoint de l’Emploi, du Travail, des Solidarités et de la Protection des Populations \| Nicolas VINRECH/);
  assert.match(texts[4], /^Pour Conseil Départemental de l’Ordre des Médecins du Cantal \| Par délégation \| Madame la Conseillère Ordinale \| Colette DIJOLS/);
  assert.match(texts[9], /Madame la Présidente \| Elodie MARTRES/);
  assert.equal(texts.filter((t) => t.includes('| Par délégation |')).length, 4);
  // The texts of the contract come before: the « Vu… » with the SCoT's deliberation.
  await visible(page.getByText('Vue la délibération du Conseil syndical du SCoT en date du 6 Mars 2025 ;'));
  await visible(page.getByRole('table', { name: /^Fiche action n°1 : Renforcer et maintenir/ }));
  assert.deepEqual(await violations(page), []);
});

test('a signatory’s block is edited from the keyboard and saved', async () => {
  const { app, page } = await appWithExample();
  const prefecture = page.getByRole('group', { name: 'Préfecture du Cantal', exact: true });
  const block = prefecture.getByRole('group', { name: 'Bloc de signature' });
  await typeInto(block.getByLabel('Nom du signataire'), 'Jeanne MARTIN');
  await typeInto(block.getByLabel('Qualité du signataire'), 'Madame la Préfète');
  await press(block.getByLabel('Signe par délégation'), 'Space');
  await app.saved();
  await until(async () => {
    const stored = await app.storedWorkspace();
    const contract = stored.contracts.find((c) => c.id === stored.active_contract);
    const organisation = contract.organisations.find((o) => o.name === 'Préfecture du Cantal');
    assert.deepEqual(
      [organisation.signatory.signer, organisation.signatory.capacity, organisation.signatory.by_delegation, organisation.signatory.rank],
      ['Jeanne MARTIN', 'Madame la Préfète', false, 3],
    );
  });
  await page.reload();
  await hasValue(page.getByRole('group', { name: 'Préfecture du Cantal', exact: true }).getByLabel('Nom du signataire'), 'Jeanne MARTIN');
});

test('a fiche’s co-lead is found by the « Pilote » filter, and the step passes axe-core', async () => {
  const { app, page } = await appWithExample();
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°2 – / }));
  await press(page.getByRole('link', { name: '5. Acteurs' }));
  await visible(page.getByRole('group', { name: 'Copilotes' }));
  await press(page.getByRole('group', { name: 'Copilotes' }).getByRole('checkbox', { name: /^Caisse Primaire/ }), 'Space');
  await press(page.getByRole('group', { name: 'Copilotes' }).getByRole('checkbox', { name: /^Centre Hospitalier/ }), 'Space');
  await app.saved();
  assert.deepEqual(await violations(page), []);
  await app.goTo('Fiches action');
  await chooseWithKeyboard(page.getByLabel('Pilote'), /^Caisse Primaire/);
  const status = page.getByRole('status').filter({ hasText: 'affichée' });
  await hasText(status, '1 fiche affichée sur 8');
  await visible(page.getByText(/copilotes : Caisse Primaire d’Assurance Maladie du Cantal, Centre Hospitalier/));
});
