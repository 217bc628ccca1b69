// « Signature et avenants » (issue 13): the example signed, a fiche's action dates and an
// objective changed, read back as pending changes and on the other screens, then made avenant
// n°1 (date, COPIL meeting, object), its changes read field by field, kept after a reload and in
// the exported file, then printed from its link; axe-core on the screen before and after
// signing. Keyboard only.
import { test } from 'node:test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasValue, until } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

const env = suite();


const ACTION = 'Ateliers mémoire dans les communes rurales';
const OBJECTIVE = 'Réduire de moitié le délai d’accès à un rendez-vous de santé mentale';

/** Opens fiche n°1 on a step, from the fiche list, with the keyboard. */
async function openFirstSheet(app, page, step) {
  await app.goTo('Fiches action');
  await press(page.getByRole('link', { name: /^Fiche action n°1 –/ }));
  await press(page.getByRole('navigation', { name: 'Étapes de la fiche' }).getByRole('link', { name: step }));
}

test('sign the example, change a fiche’s dates and an objective, make them avenant n°1, find it all after a reload and in the exported file', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();

  // Before signing: the COPIL meeting that will adopt the avenant, and an action with dates
  // (the example's fiches have none).
  await press(page.getByRole('button', { name: 'Ajouter une réunion' }));
  const meeting = page.getByRole('group', { name: 'Réunion sans date' });
  await chooseWithKeyboard(meeting.getByLabel('Instance réunie'), 'Comité de pilotage (COPIL)');
  await meeting.getByLabel('Date de la réunion').fill('2026-03-12');
  await openFirstSheet(app, page, '4. Actions');
  await press(page.getByRole('button', { name: 'Ajouter une action' }));
  const action = page.getByRole('group', { name: 'Action 1' });
  await typeInto(action.getByLabel('Description de l’action'), ACTION);
  await action.getByLabel('Début (mois et année)').fill('2025-01');
  await action.getByLabel('Fin (mois et année)').fill('2025-12');
  await app.saved();

  // Not signed yet: nothing missing, the date and place prefilled from the example.
  await app.goTo('Signature et avenants');
  await visible(app.heading('Signature et avenants'));
  await visible(page.getByText('Tout ce qu’une signature demande est renseigné.'));
  await hasValue(page.getByLabel('Date de signature'), '2025-03-11');
  await hasValue(page.getByLabel('Lieu de signature'), 'Aurillac');
  assert.deepEqual(await violations(page), [], 'axe-core, before signing');
  await press(page.getByRole('button', { name: 'Signer le contrat' }));
  const confirm = page.getByRole('alertdialog', { name: 'Signer le contrat maintenant ?' });
  await visible(confirm.getByText(/copie du contrat tel qu’il est maintenant sera figée/));
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Oui, signer le contrat'));
  await page.keyboard.press('Enter');
  await visible(page.getByText('Signé à Aurillac le 11 mars 2025.'));
  await visible(page.getByText('Aucune modification depuis la version en vigueur : le contrat est tel qu’il a été signé.'));
  await visible(page.getByRole('heading', { name: 'Créer l’avenant n°1', level: 2 }));
  await visible(page.getByText('Aucun avenant pour l’instant', { exact: false }));

  // Change the action's dates and a specific objective, as a coordinator does after a COPIL.
  await openFirstSheet(app, page, '4. Actions');
  await action.getByLabel('Début (mois et année)').fill('2025-06');
  await action.getByLabel('Fin (mois et année)').fill('2026-06');
  await press(page.getByRole('navigation', { name: 'Étapes de la fiche' }).getByRole('link', { name: '3. Objectifs' }));
  await typeInto(page.getByRole('textbox', { name: /^Objectif spécifique / }).first(), OBJECTIVE);
  const notice = page.getByRole('note', { name: 'Modifications depuis la signature' });
  await visible(notice.getByText(/^Modifiée depuis la version signée : /));
  for (const field of [/› Début/, /› Fin/, /Objectifs spécifiques ›/]) await visible(notice.getByText(field));
  await app.saved();

  // The fiche list and the contract screen say so too.
  await app.goTo('Fiches action');
  const first = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Fiche action n°1 –/ }) });
  await visible(first.getByText('Modifiée depuis la signature'));
  const second = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Fiche action n°2 –/ }) });
  await hidden(second.getByText('Modifiée depuis la signature'));
  await app.goTo('Contrat');
  await visible(page.getByText(/Signé à Aurillac le 11 mars 2025 — 1 élément modifié depuis la version en vigueur\./));

  // Pending changes, grouped by fiche, Champ / Avant / Après.
  await press(page.getByRole('link', { name: 'Signature et avenants' }).first());
  await visible(app.heading('Signature et avenants'));
  const pending = page.getByRole('region', { name: 'Modifications depuis la version en vigueur' });
  await visible(pending.getByRole('heading', { name: /^Fiche action n°1 — .* : modifiée$/, level: 3 }));
  const table = pending.getByRole('table');
  await visible(table.getByRole('columnheader', { name: 'Avant' }));
  await visible(table.getByRole('row', { name: /Début janvier 2025 juin 2025/ }));
  await visible(table.getByRole('row', { name: /Fin décembre 2025 juin 2026/ }));
  await visible(table.getByRole('cell', { name: OBJECTIVE }));
  assert.deepEqual(await violations(page), [], 'axe-core, signed with pending changes');

  // Avenant n°1.
  const create = page.getByRole('region', { name: 'Créer l’avenant n°1' });
  await create.getByLabel('Date de l’avenant').fill('2026-03-12');
  await chooseWithKeyboard(create.getByLabel('Adopté par'), 'Comité de pilotage (COPIL) du 12 mars 2026');
  await typeInto(create.getByLabel('Objet de l’avenant'), 'Report des ateliers mémoire et nouvel objectif d’accès');
  assert.match(await create.getByLabel('Ce qu’il modifie').inputValue(), /^Fiche action n°1 — .* \(modifiée\) : .*Fin/);
  await press(create.getByRole('button', { name: 'Créer l’avenant n°1' }));
  const avenant = page.getByRole('article', { name: 'Avenant n°1' });
  await visible(avenant);
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Avenant n°1'));
  await visible(page.getByText('Aucune modification depuis la version en vigueur : le contrat est tel que l’a modifié l’avenant n°1.'));
  await visible(page.getByRole('heading', { name: 'Créer l’avenant n°2', level: 2 }));
  // The signature can no longer be cancelled, and the screen says why.
  const cancel = page.getByRole('region', { name: 'Annuler la signature' });
  await visible(cancel.getByText('La signature ne peut plus être annulée : l’avenant n°1 s’appuie sur elle.', { exact: false }));
  await hidden(cancel.getByRole('button', { name: 'Annuler la signature' }));
  await visible(avenant.getByRole('heading', { name: /^Fiche action n°1 — .* : modifiée$/, level: 5 }));
  await visible(avenant.getByRole('row', { name: /Fin décembre 2025 juin 2026/ }));
  await visible(avenant.getByRole('columnheader', { name: 'Après' }));
  const link = avenant.getByRole('link', { name: 'Voir et imprimer l’avenant n°1' });
  assert.match(await link.getAttribute('href'), /\/document\/\?avenant=1$/);
  assert.deepEqual(await violations(page), [], 'axe-core, with an avenant');
  await app.saved();

  // Stored: all of it after a reload; the marker is gone (the avenant is the version in force).
  await page.reload();
  await visible(page.getByText('Signé à Aurillac le 11 mars 2025. Version en vigueur : avenant n°1.'));
  await hasValue(avenant.getByLabel('Objet de l’avenant n°1'), 'Report des ateliers mémoire et nouvel objectif d’accès');
  // Its validation shows beside it: an avenant without an object is to be checked.
  const object = avenant.getByLabel('Objet de l’avenant n°1');
  await object.focus();
  await object.press('Control+A');
  await object.press('Delete');
  await visible(avenant.getByText('Cet avenant n’a pas d’objet', { exact: false }));
  await typeInto(object, 'Report des ateliers mémoire et nouvel objectif d’accès');
  await hidden(avenant.getByText('Cet avenant n’a pas d’objet', { exact: false }));
  await hasValue(avenant.getByLabel('Date de l’avenant n°1'), '2026-03-12');
  assert.equal(await avenant.getByLabel('Adopté par').evaluate((el) => el.options[el.selectedIndex].text), 'Comité de pilotage (COPIL) du 12 mars 2026');
  await visible(avenant.getByRole('row', { name: /Début janvier 2025 juin 2025/ }));
  // Edited in place, autosaved.
  await typeInto(avenant.getByLabel('Ce que modifie l’avenant n°1'), 'Fiche 1 : dates et objectif');
  await app.saved();
  await app.goTo('Fiches action');
  await visible(first);
  await hidden(first.getByText('Modifiée depuis la signature'));

  // The exported file holds the signed copy and the avenant with its own.
  await app.goTo('Échanges');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Télécharger le contrat (JSON)' }))]);
  const { contract } = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const signedSheet = contract.signing.frozen_copy.sheets.find((s) => s.id === contract.sheets[0].id) ?? contract.signing.frozen_copy.sheets[0];
  assert.equal(contract.signing.place, 'Aurillac');
  assert.ok(contract.signing.frozen_copy.sheets.length > 0);
  assert.equal(contract.amendments.length, 1);
  const [exported] = contract.amendments;
  assert.equal(exported.number, 1);
  assert.equal(exported.date, '2026-03-12');
  assert.equal(exported.changes, 'Fiche 1 : dates et objectif');
  assert.ok(exported.meeting_id);
  const amended = JSON.stringify(exported.frozen_copy.sheets);
  assert.ok(amended.includes(OBJECTIVE) && !JSON.stringify(contract.signing.frozen_copy.sheets).includes(OBJECTIVE));
  assert.ok(signedSheet);

  // Printed from its link: the avenant's document, its changes, the signature blocks, on A4.
  await app.goTo('Signature et avenants');
  await press(page.getByRole('article', { name: 'Avenant n°1' }).getByRole('link', { name: 'Voir et imprimer l’avenant n°1' }));
  await visible(page.getByRole('heading', { name: /^Avenant n°1 au Contrat local de santé/, level: 1 }));
  const changes = page.getByRole('table', { name: /^Fiche action n°1 — .* : avant et après l’avenant n°1$/ });
  await visible(changes.getByRole('row', { name: /Fin décembre 2025 juin 2026/ }));
  await visible(changes.getByRole('cell', { name: OBJECTIVE }));
  await page.emulateMedia({ media: 'print' });
  const pdf = join(mkdtempSync(join(tmpdir(), 'atelier-cls-avenant-')), 'avenant.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /\(A4\)/);
  const printed = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Article 1 — Objet', 'Report des ateliers mémoire et nouvel objectif d’accès', 'juin 2026', 'Fiche 1 : dates et objectif', 'Signature :']) {
    assert.ok(printed.includes(expected), `the printed avenant has « ${expected} »`);
  }
  assert.ok(!printed.includes('Navigation principale') && !printed.includes('Télécharger (ODT)'), 'no app chrome in print');
  await page.emulateMedia({ media: 'screen' });
});

/** Signs the open contract from « Signature et avenants », confirming with the keyboard. */
async function sign(app, page, said = 'Signé à Aurillac le 11 mars 2025.') {
  await app.goTo('Signature et avenants');
  await press(page.getByRole('button', { name: 'Signer le contrat' }));
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Oui, signer le contrat'));
  await page.keyboard.press('Enter');
  await visible(page.getByText(said));
}

test('once signed, the date and place are read-only until « Annuler la signature » is confirmed', async () => {
  const { app, page } = await env.freshApp();
  await app.loadExample();
  await sign(app, page);

  // « Contrat »: the date and place as text, with the way back.
  await app.goTo('Contrat');
  const signature = page.getByRole('group', { name: 'Signature', exact: true });
  await visible(signature.getByText('11 mars 2025'));
  await visible(signature.getByText('Enregistrés par la signature du contrat', { exact: false }));
  await hidden(page.getByLabel('Date de signature'));
  await hidden(page.getByLabel('Lieu de signature'));
  assert.deepEqual(await violations(page), [], 'axe-core, signed contract screen');
  await press(signature.getByRole('link', { name: 'Signature et avenants' }));
  await visible(app.heading('Signature et avenants'));

  // « Annuler la signature » asks first; « Non » keeps it.
  const cancel = page.getByRole('region', { name: 'Annuler la signature' });
  await press(cancel.getByRole('button', { name: 'Annuler la signature' }));
  const confirm = page.getByRole('alertdialog', { name: 'Annuler la signature du contrat ?' });
  await visible(confirm.getByText(/La date et le lieu de signature redeviendront modifiables/));
  assert.deepEqual(await violations(page), [], 'axe-core, confirming');
  await press(confirm.getByRole('button', { name: 'Non, garder la signature' }));
  await hidden(confirm);
  await visible(page.getByText('Signé à Aurillac le 11 mars 2025.'));
  await press(cancel.getByRole('button', { name: 'Annuler la signature' }));
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Oui, annuler la signature'));
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { name: 'Signer le contrat', level: 2 }));
  await visible(page.getByText('Signature annulée : la date et le lieu de signature sont de nouveau modifiables.'));
  await app.saved();
  const stored = await app.storedWorkspace();
  const contract = stored.contracts.find((c) => c.id === stored.active_contract);
  assert.equal(contract.signing.frozen_copy, null);
  assert.equal(contract.signing.date, '2025-03-11');

  // The date is editable again, on « Contrat » too.
  await app.goTo('Contrat');
  await page.getByLabel('Date de signature').fill('2025-03-15');
  await app.saved();
  await sign(app, page, 'Signé à Aurillac le 15 mars 2025.');
});

test('before signing, what is missing links to where it is filled in and « Signer le contrat » waits', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS du Pays de Salers');
  await app.goTo('Signature et avenants');
  const missing = page.getByRole('group', { name: 'Avant de signer, il reste à renseigner :' });
  await visible(missing.getByRole('link', { name: 'La date de signature' }));
  await visible(missing.getByRole('link', { name: /^Au moins une organisation signataire/ }));
  assert.equal(await page.getByRole('button', { name: 'Signer le contrat' }).isDisabled(), true);
  assert.deepEqual(await violations(page), []);
  await press(missing.getByRole('link', { name: /^Au moins une organisation signataire/ }));
  await visible(app.heading('Le contrat'));
  assert.match(page.url(), /\/contrat\/#annuaire$/);
});
