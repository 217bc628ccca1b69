// Firefox ESR: a fiche action filled from the keyboard (text typed key by key, selects chosen
// with the arrow keys), kept across a reload (local storage), and its action on the planning.
import { test } from 'node:test';
import { suite, typeInto, press, chooseWithKeyboard } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

const valueOf = (handle) => handle.evaluate((el) => el.value);

test('Firefox: a fiche typed at the keyboard survives a reload and its action is on the planning', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS planifié');
  await typeInto(await app.visible('textbox', 'Intitulé du nouvel axe'), 'Santé mentale');
  await press(await app.visible('button', 'Ajouter l’axe'));
  await app.goTo('Fiches action');
  await press(await app.visible('button', 'Nouvelle fiche action'));

  await app.heading('Étape 1 sur 8 : Identification');
  assert.match(await chooseWithKeyboard(await app.visible('combobox', 'Axe stratégique'), /^Axe 1 /), /Santé mentale/);
  await typeInto(await app.visible('textbox', 'Intitulé de la fiche'), 'Former au repérage');
  await chooseWithKeyboard(await app.visible('combobox', 'Priorité'), 'Haute');
  await press(await app.visible('link', 'Étape suivante →'));

  await app.heading('Étape 2 sur 8 : Constat');
  await typeInto(await app.visible('textbox', 'Constats propres à cette fiche'), 'Peu de professionnels formés au repérage');
  await press(await app.visible('link', 'Étape suivante →'));

  await app.heading('Étape 3 sur 8 : Objectifs');
  await typeInto(await app.visible('textbox', 'Objectif général'), 'Repérer plus tôt la souffrance psychique');
  await press(await app.visible('link', 'Étape suivante →'));

  await app.heading('Étape 4 sur 8 : Actions');
  await press(await app.visible('button', 'Ajouter une action'));
  const action = await app.visible('group', 'Action 1');
  await typeInto(await app.visible('textbox', 'Description de l’action', action), 'Former les professionnels');
  // The month fields are <input type="month">: Firefox ESR has no month picker and shows a
  // text field (role textbox), where the format « 2025-03 » the help gives is typed.
  for (const [label, month] of [['Début (mois et année)', '2026-01'], ['Fin (mois et année)', '2026-12']]) {
    const field = await app.visible('textbox', label, action);
    assert.equal(await field.evaluate((el) => el.type), 'text');
    await typeInto(field, month);
  }
  await app.saved();

  await page.reload();
  await app.heading('Étape 4 sur 8 : Actions');
  const reloaded = await app.visible('group', 'Action 1');
  assert.equal(await valueOf(await app.visible('textbox', 'Description de l’action', reloaded)), 'Former les professionnels');
  const stored = (await app.storedWorkspace()).contracts[0].sheets[0];
  assert.equal(stored.title, 'Former au repérage');
  assert.equal(stored.actions.length, 1);
  assert.equal(stored.priority, 'high');
  assert.equal(stored.general_objective, 'Repérer plus tôt la souffrance psychique');
  assert.match(JSON.stringify(stored), /Peu de professionnels formés au repérage/);
  assert.deepEqual([stored.actions[0].start, stored.actions[0].end], [{ year: 2026, month: 1 }, { year: 2026, month: 12 }]);

  await app.goTo('Planning');
  await app.heading('Planning');
  const region = await app.visible('region', 'Planning des actions');
  await until(async () => {
    const names = await region.$$eval('button', (buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? (b.title || b.textContent)));
    assert.ok(names.some((n) => /^Former les professionnels –/.test(n ?? '')), `barres : ${names.join(' | ')}`);
  });
});
