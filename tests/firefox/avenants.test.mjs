// Firefox ESR: « Signature et avenants » (issue 13) at the keyboard. The example signed, an
// objective of fiche n°1 rewritten, read back as a pending change, made avenant n°1, found after
// a reload and in local storage with its frozen copy, then printed from its link; and the
// planning's « Comparer à la version signée » showing an action's delay against the signed dates
// (tests/browser/avenants.test.mjs and planning.test.mjs have the same, and more, in Chromium).
import { test } from 'node:test';
import { suite, typeInto, press, role } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

const SHEET = 'Fiche action n°1 – Attractivité du territoire';
const CHANGED = 'Fiche action n°1 — Attractivité du territoire';
const OBJECTIVE = 'Réduire de moitié le délai d’accès à un stage en zone rurale';
const OBJECT = 'Nouvel objectif d’accès aux stages';

/** Loads the example, does `before` (what comes before the signature), then signs it. */
async function signedExample(app, before = async () => {}) {
  await app.open();
  await press(await app.visible('button', 'Charger l’exemple'));
  await app.heading('Le contrat');
  await before();
  await app.goTo('Signature et avenants');
  await app.heading('Signature et avenants');
  await press(await app.visible('button', 'Signer le contrat'));
  const confirm = await app.visible('alertdialog', 'Signer le contrat maintenant ?');
  await press(await app.visible('button', 'Oui, signer le contrat', confirm));
  await app.says('Signé à Aurillac le 11 mars 2025.');
  await app.visible('heading', 'Créer l’avenant n°1');
  await app.saved();
}

/** Opens fiche n°1 on a step from the fiche list. */
async function openSheet(app, step) {
  await app.goTo('Fiches action');
  await press(await app.visible('link', SHEET));
  await press(await app.visible('link', step, await app.visible('navigation', 'Étapes de la fiche')));
}

const valueOf = (handle) => handle.evaluate((el) => el.value);

test('Firefox: sign the example, rewrite an objective, make it avenant n°1, find it after a reload and print it', async () => {
  const { app, page } = await env.freshApp();
  await signedExample(app);
  await app.says('Aucun avenant pour l’instant');

  await openSheet(app, '3. Objectifs');
  await app.heading('Étape 3 sur 8 : Objectifs');
  await typeInto(await app.visible('textbox', 'Objectif spécifique 1.1.1'), OBJECTIVE);
  await app.visible('note', 'Modifications depuis la signature');
  await app.says('Modifiée depuis la version signée : ');
  await app.saved();

  // Back on « Signature et avenants »: the pending change, then avenant n°1.
  await app.goTo('Signature et avenants');
  const pending = await app.visible('region', 'Modifications depuis la version en vigueur');
  await app.visible('heading', `${CHANGED} : modifiée`, pending);
  await app.visible('cell', OBJECTIVE, pending);
  const create = await app.visible('region', 'Créer l’avenant n°1');
  await typeInto(await app.visible('textbox', 'Objet de l’avenant', create), OBJECT);
  assert.match(await valueOf(await app.visible('textbox', 'Ce qu’il modifie', create)), /^Fiche action n°1 — Attractivité du territoire \(modifiée\) : /);
  await press(await app.visible('button', 'Créer l’avenant n°1', create));
  await app.visible('article', 'Avenant n°1');
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Avenant n°1'));
  await app.says('Aucune modification depuis la version en vigueur');
  await app.visible('heading', 'Créer l’avenant n°2');
  await app.saved();

  // After a reload: the avenant and its object; stored with the copy it froze.
  await page.reload();
  await app.says('Signé à Aurillac le 11 mars 2025. Version en vigueur : avenant n°1.');
  const avenant = await app.visible('article', 'Avenant n°1');
  assert.equal(await valueOf(await app.visible('textbox', 'Objet de l’avenant n°1', avenant)), OBJECT);
  await app.visible('cell', OBJECTIVE, avenant);
  const stored = await app.storedWorkspace();
  const contract = stored.contracts.find((c) => c.id === stored.active_contract);
  assert.equal(contract.signing.place, 'Aurillac');
  assert.ok(!JSON.stringify(contract.signing.frozen_copy.sheets).includes(OBJECTIVE), 'the signed copy has the old objective');
  assert.deepEqual(contract.amendments.map((a) => [a.number, a.object]), [[1, OBJECT]]);
  assert.equal(contract.amendments[0].frozen_copy.sheets[0].specific_objectives[0].text, OBJECTIVE);

  // Printed from its link: its object and the objective before and after.
  await press(await app.visible('link', 'Voir et imprimer l’avenant n°1', avenant));
  await app.heading(`Avenant n°1 au ${contract.name}`);
  await app.says('Article 1 — Objet');
  await app.says(OBJECT);
  // The caption's colon is bound by a narrow no-break space, which Firefox keeps in the name.
  await app.visible('cell', OBJECTIVE, await app.visible('table', `${CHANGED}\u202f: avant et après l’avenant n°1`));
});

test('Firefox: « Comparer à la version signée » shows the signed dates under an action moved on the planning', async () => {
  const { app, page } = await env.freshApp();
  await signedExample(app, async () => {
    await openSheet(app, '4. Actions');
    await press(await app.visible('button', 'Ajouter une action'));
    const action = await app.visible('group', 'Action 1');
    await typeInto(await app.visible('textbox', 'Description de l’action', action), 'Accueillir les internes');
    await typeInto(await app.visible('textbox', 'Début (mois et année)', action), '2026-01');
    await typeInto(await app.visible('textbox', 'Fin (mois et année)', action), '2026-12');
    await app.saved();
  });

  // Three months later, typed in the planning's date editor and submitted with Enter.
  await app.goTo('Planning');
  await app.heading('Planning');
  await press(await app.visible('button', 'Modifier les dates de « Accueillir les internes »'));
  const editor = await app.visible('form', 'Modifier les dates');
  await typeInto(await app.visible('textbox', 'Nouvelle fin', editor), '2027-03');
  await page.keyboard.press('Enter');
  await until(async () => assert.equal(await page.$(role('form', 'Modifier les dates')), null));
  await app.saved();

  const region = await app.visible('region', 'Planning des actions');
  const barTitle = () => region.$$eval('button.bar', (bars) => bars.map((b) => b.title).find((t) => t.startsWith('Accueillir les internes –')));
  await until(async () => assert.match(await barTitle(), /, de janvier 2026 à mars 2027, pilote : [^;]*$/));
  assert.equal(await region.$('.baseline'), null);
  await press(await app.visible('checkbox', 'Comparer à la version signée'));
  await until(async () => assert.match(await barTitle(), /, de janvier 2026 à mars 2027, .* ; version signée : de janvier 2026 à décembre 2026, prolongée de 3 mois$/));
  assert.match(page.url(), /[?&]comparer=signee/);
  await until(async () => assert.ok(await (await region.$('.baseline--late'))?.isVisible(), 'the late baseline is shown'));
  await app.says('Dates de la version signée');
});
