// Firefox ESR: an amount typed the French way (« 15 000,50 », narrow spaces and a decimal comma)
// in a fiche's « Moyens » step is kept as 15 001 €, the field says it was rounded, and what is
// stored and shown agree; never 1 500 050 € as a number field read it.
import { test } from 'node:test';
import { suite, typeInto, press } from './support.mjs';
import { assert, until } from '../support/expect.mjs';

const env = suite();

const valueOf = (handle) => handle.evaluate((el) => el.value.replace(/\s/g, ' '));

test('Firefox: « 15 000,50 » typed as a planned amount is kept as 15 001 €, and the field says so', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS des montants');
  await app.goTo('Fiches action');
  await press(await app.visible('button', 'Nouvelle fiche action'));
  await app.heading('Étape 1 sur 8 : Identification');
  await press(await app.visible('link', '6. Moyens'));
  await app.heading('Étape 6 sur 8 : Moyens');
  await press(await app.visible('button', 'Ajouter une ligne de financement'));
  const line = await app.visible('group', 'Ligne de financement 1');
  const planned = await app.visible('textbox', 'Montant prévu (€)', line);
  await typeInto(planned, '15\u202f000,50');
  // Entrée validates the field (its change event), as Tab does in Chromium: here BiDi's Tab left
  // the focus in the field (checked: no blur, no change), so the amount would not be read.
  await page.keyboard.press('Enter');
  await until(async () => assert.equal(await valueOf(planned), '15 001'));
  await app.says('15 000,50 € arrondi à 15 001 € : les montants se comptent en euros entiers.');
  await app.says('Total 15 001 €');
  await app.saved();
  const stored = (await app.storedWorkspace()).contracts[0].sheets[0].funding[0];
  assert.equal(stored.planned_euros, 15001);
});
