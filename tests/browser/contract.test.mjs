// The contract: several contracts in one browser, the set-up screens built from nothing,
// validation shown beside items, reordering by keyboard, deletions undone, and the example.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { press, typeInto } from '../support/app.mjs';
import { assert, visible, hidden, hasValue, hasText, hasCount, until } from '../support/expect.mjs';

const env = suite();

const freshApp = () => env.freshApp();

test('a contract is set up from nothing through the screens, and all of it survives a reload', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS du Pays de Saint-Flour');
  await page.getByLabel('Génération du contrat').fill('2');
  // Typed key by key: a year passes through 2, 20, 202 before 2025.
  await typeInto(page.getByLabel('Première année'), '2025');
  await typeInto(page.getByLabel('Dernière année'), '2029');
  await page.getByLabel('Date de signature').fill('2025-03-11');
  await page.getByLabel('Lieu de signature').fill('Saint-Flour');
  await page.getByLabel('Nom du coordinateur ou de la coordinatrice').fill('Camille Martin');
  // Territory
  await page.getByLabel('Nom du territoire').fill('Pays de Saint-Flour');
  // One per line, typed with spaces and Enter as a person would.
  await typeInto(page.getByLabel('EPCI membres'), 'Saint-Flour Communauté\nHautes Terres Communauté');
  await page.getByLabel('Population').fill('38000');
  await page.getByLabel('Quartiers prioritaires (QPV)').fill('Quartier des Roches');
  // Directory
  for (const name of ['ARS Auvergne-Rhône-Alpes', 'CPAM du Cantal']) {
    await page.getByLabel('Nom de la nouvelle organisation').fill(name);
    await page.getByRole('button', { name: 'Ajouter l’organisation' }).click();
  }
  const ars = page.getByRole('group', { name: 'ARS Auvergne-Rhône-Alpes' });
  await ars.getByLabel('Type d’organisation').selectOption({ label: 'ARS' });
  await ars.getByLabel('Signataire du contrat').check();
  await ars.getByLabel('Personne contact').fill('Dr Léa Roux');
  // Governance
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  const member = page.getByRole('group', { name: 'Nouveau membre' });
  await member.getByLabel('Nom du membre').fill('Léa Roux');
  await page.getByRole('group', { name: 'Léa Roux' }).getByLabel('Organisation').selectOption({ label: 'ARS Auvergne-Rhône-Alpes' });
  await page.getByRole('button', { name: 'Ajouter une réunion' }).click();
  await page.getByRole('group', { name: 'Réunion sans date' }).getByLabel('Date de la réunion').fill('2025-06-20');
  // Diagnostic
  await page.getByRole('button', { name: 'Ajouter un constat : Offre de soins' }).click();
  await page.getByLabel('Constat (Offre de soins)').fill('30 % des médecins généralistes ont plus de 60 ans');
  // Axes and objectives
  await page.getByLabel('Intitulé du nouvel axe').fill('Offre de soins');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  await page.getByLabel('Intitulé du nouvel axe').fill('Santé mentale');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  await page.getByLabel('Volet santé mentale (loi 3DS, art. 122)').nth(1).check();
  await page.getByLabel('Nouvel objectif stratégique de l’axe 2').fill('Repérer la souffrance psychique');
  await page.getByRole('button', { name: 'Ajouter l’objectif à l’axe 2' }).click();
  await hasValue(page.getByLabel('Objectif stratégique 2.1'), 'Repérer la souffrance psychique');

  await page.reload();
  await hasValue(page.getByLabel('Nom du contrat'), 'CLS du Pays de Saint-Flour');
  await hasValue(page.getByLabel('Génération du contrat'), '2');
  await hasValue(page.getByLabel('Première année'), '2025');
  await hasValue(page.getByLabel('Dernière année'), '2029');
  await hasValue(page.getByLabel('Date de signature'), '2025-03-11');
  await hasValue(page.getByLabel('Lieu de signature'), 'Saint-Flour');
  await hasValue(page.getByLabel('Nom du coordinateur ou de la coordinatrice'), 'Camille Martin');
  await hasValue(page.getByLabel('EPCI membres'), 'Saint-Flour Communauté\nHautes Terres Communauté');
  await hasValue(page.getByLabel('Population'), '38000');
  await hasValue(page.getByLabel('Quartiers prioritaires (QPV)'), 'Quartier des Roches');
  const arsAgain = page.getByRole('group', { name: 'ARS Auvergne-Rhône-Alpes' });
  await hasValue(arsAgain.getByLabel('Type d’organisation'), 'ars');
  assert.equal(await arsAgain.getByLabel('Signataire du contrat').isChecked(), true);
  await hasValue(arsAgain.getByLabel('Personne contact'), 'Dr Léa Roux');
  await visible(page.getByRole('group', { name: 'CPAM du Cantal' }));
  await hasValue(page.getByRole('group', { name: 'Léa Roux' }).getByLabel('Organisation'), await page.evaluate(() =>
    JSON.parse(localStorage.getItem('atelier-cls.v1.espace')).contracts[0].organisations[0].id));
  // The meeting is named by its date written out, as are its « Supprimer » and the notice.
  await hasValue(page.getByRole('group', { name: 'Réunion du 20 juin 2025' }).getByLabel('Date de la réunion'), '2025-06-20');
  await press(page.getByRole('button', { name: 'Supprimer la réunion du 20 juin 2025' }));
  await visible(page.getByText('Réunion du 20 juin 2025 : supprimée.'));
  await press(page.getByRole('button', { name: 'Annuler la suppression' }));
  await visible(page.getByRole('group', { name: 'Réunion du 20 juin 2025' }));
  await hasValue(page.getByLabel('Constat (Offre de soins)'), '30 % des médecins généralistes ont plus de 60 ans');
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Offre de soins');
  await hasValue(page.getByLabel('Intitulé de l’axe 2'), 'Santé mentale');
  assert.equal(await page.getByLabel('Volet santé mentale (loi 3DS, art. 122)').nth(1).isChecked(), true);
  await hasValue(page.getByLabel('Objectif stratégique 2.1'), 'Repérer la souffrance psychique');
});

test('validation issues show beside the item and in the summary, and follow fixes', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS à valider');
  const summary = page.getByRole('region', { name: 'Points à vérifier' });
  // A new contract has no mental-health component: the legal warning is there.
  await hasText(summary.locator('p').first(), /0 erreur et 1 point à vérifier/);
  await page.getByLabel('Première année').fill('2030');
  const identity = page.getByRole('region', { name: 'Identité et période' });
  await visible(identity.getByRole('listitem').filter({ hasText: /^Erreur :/ }));
  await hasText(summary.locator('p').first(), /1 erreur/);
  await page.getByLabel('Première année').fill('2024');
  await hasText(summary.locator('p').first(), /0 erreur/);
  await page.getByLabel('Intitulé du nouvel axe').fill('Santé mentale');
  await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  await page.getByLabel('Volet santé mentale (loi 3DS, art. 122)').check();
  await hasText(summary.locator('p').first(), 'Aucun problème détecté.');
});

test('axes reorder by keyboard and renumber; a deleted axis comes back with « Annuler »', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS à réordonner');
  for (const title of ['Prévention', 'Santé mentale', 'Coordination']) {
    await page.getByLabel('Intitulé du nouvel axe').fill(title);
    await page.keyboard.press('Enter');
    await hasValue(page.getByLabel('Intitulé du nouvel axe'), '');
  }
  await page.getByRole('button', { name: 'Monter l’axe 3' }).focus();
  await page.keyboard.press('Enter');
  await hasValue(page.getByLabel('Intitulé de l’axe 2'), 'Coordination');
  await hasValue(page.getByLabel('Intitulé de l’axe 3'), 'Santé mentale');
  // Focus follows the moved axis, so pressing again moves it further.
  await until(async () => assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Monter l’axe 2'));
  await page.keyboard.press('Enter');
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Coordination');

  await page.getByRole('button', { name: 'Supprimer l’axe 1' }).click();
  await hasCount(page.locator('.axis'), 2);
  await visible(page.getByText('L’axe « Coordination » : supprimé.'));
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Prévention');
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await hasCount(page.locator('.axis'), 3);
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Coordination');
  await page.reload();
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Coordination');
  await hasValue(page.getByLabel('Intitulé de l’axe 3'), 'Santé mentale');
});

test('axes reorder by drag and drop', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS à glisser');
  for (const title of ['Premier', 'Second']) {
    await page.getByLabel('Intitulé du nouvel axe').fill(title);
    await page.getByRole('button', { name: 'Ajouter l’axe' }).click();
  }
  await page.locator('.axis').nth(1).getByRole('heading', { name: 'Axe 2' })
    .dragTo(page.locator('.axis').nth(0).getByRole('heading', { name: 'Axe 1' }));
  await hasValue(page.getByLabel('Intitulé de l’axe 1'), 'Second');
});

/** Every place of the contract that cites an organisation, as stored: where, and which id. */
function organisationReferences(contract) {
  return [
    ...contract.governance.members.map((m) => [`membre « ${m.name} »`, m.organisation_id]),
    ...contract.sheets.flatMap((s) => [
      ...s.leads.map((l) => [`pilote de « ${s.title} »`, l.organisation_id]),
      ...s.partner_ids.map((id) => [`partenaire de « ${s.title} »`, id]),
      ...s.actions.map((a) => [`porteur de « ${a.description} »`, a.lead_id]),
      ...s.funding.map((f) => [`financeur ${f.year} de « ${s.title} »`, f.funder_id]),
    ]),
  ];
}

test('duplicate organisations merge, and the references follow', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS annuaire');
  for (const name of ['CPAM du Cantal', 'CPAM 15']) {
    await page.getByLabel('Nom de la nouvelle organisation').fill(name);
    await page.getByRole('button', { name: 'Ajouter l’organisation' }).click();
  }
  const duplicate = page.getByRole('group', { name: 'CPAM 15' });
  await duplicate.getByLabel('Signataire du contrat').check();
  await duplicate.getByLabel('Personne contact').fill('Julie Bernard');
  // The duplicate is cited everywhere an organisation can be: governance, and in a sheet its
  // lead, its partners (both entries), an action's lead and a funding line.
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  await page.getByRole('group', { name: 'Nouveau membre' }).getByLabel('Nom du membre').fill('Paul Lenoir');
  await page.getByRole('group', { name: 'Paul Lenoir' }).getByLabel('Organisation').selectOption({ label: 'CPAM 15' });
  await app.goTo('Fiches action');
  await page.getByRole('button', { name: 'Nouvelle fiche action' }).click();
  await page.getByLabel('Intitulé de la fiche').fill('Prévention bucco-dentaire');
  await page.getByRole('link', { name: '4. Actions' }).click();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  const action = page.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('Description de l’action').fill('Dépistage en maternelle');
  await action.getByLabel('Porteur de l’action').selectOption({ label: 'CPAM 15' });
  await page.getByRole('link', { name: '5. Acteurs' }).click();
  await page.getByLabel('Organisation pilote').selectOption({ label: 'CPAM 15' });
  const partners = page.getByRole('group', { name: 'Partenaires' });
  await partners.getByRole('checkbox', { name: 'CPAM 15', exact: true }).check();
  await partners.getByRole('checkbox', { name: 'CPAM du Cantal', exact: true }).check();
  await page.getByRole('link', { name: '6. Moyens' }).click();
  await page.getByRole('button', { name: 'Ajouter une ligne de financement' }).click();
  await page.getByRole('group', { name: 'Ligne de financement 1' }).getByLabel('Financeur').selectOption({ label: 'CPAM 15' });
  await app.saved();
  const before = (await app.storedWorkspace()).contracts[0];
  const [kept, merged] = before.organisations.map((o) => o.id);
  assert.deepEqual(organisationReferences(before).map(([, id]) => id), [merged, merged, merged, kept, merged, merged]);

  await app.goTo('Contrat');
  await duplicate.getByLabel('Doublon de').selectOption({ label: 'CPAM du Cantal' });
  await page.getByRole('button', { name: 'Fusionner « CPAM 15 » avec l’organisation choisie' }).click();
  await hidden(duplicate);
  // The kept entry takes over the duplicate's role and contact...
  const cantal = page.getByRole('group', { name: 'CPAM du Cantal' });
  assert.equal(await cantal.getByLabel('Signataire du contrat').isChecked(), true);
  await hasValue(cantal.getByLabel('Personne contact'), 'Julie Bernard');
  await hasValue(page.getByRole('group', { name: 'Paul Lenoir' }).getByLabel('Organisation'), kept);
  // ...and every reference: the partners listed twice become one.
  await until(async () => {
    const after = (await app.storedWorkspace()).contracts[0];
    assert.deepEqual(after.organisations.map((o) => o.id), [kept]);
    assert.deepEqual(organisationReferences(after), [
      ['membre « Paul Lenoir »', kept],
      ['pilote de « Prévention bucco-dentaire »', kept],
      ['partenaire de « Prévention bucco-dentaire »', kept],
      ['porteur de « Dépistage en maternelle »', kept],
      [`financeur ${before.sheets[0].funding[0].year} de « Prévention bucco-dentaire »`, kept],
    ]);
  });
  await app.goTo('Fiches action');
  await page.getByRole('link', { name: /Prévention bucco-dentaire/ }).click();
  await page.getByRole('link', { name: '5. Acteurs' }).click();
  await hasValue(page.getByLabel('Organisation pilote'), kept);
  assert.equal(await partners.getByRole('checkbox', { name: 'CPAM du Cantal', exact: true }).isChecked(), true);
  assert.equal(await partners.getByRole('checkbox', { name: 'CPAM 15', exact: true }).count(), 0);
});

test('the contract list: create, rename, duplicate, open, delete with confirmation and undo', async () => {
  const { app, page } = await freshApp();
  await app.createContract('CLS Aurillac');
  await app.createContract('CLS Mauriac');
  await app.open();
  const list = page.getByRole('list', { name: 'Contrats' });
  await hasCount(list.getByRole('listitem'), 2);
  await page.getByRole('button', { name: 'Renommer « CLS Mauriac »' }).click();
  await list.getByLabel('Nom du contrat').fill('CLS Pays de Mauriac');
  await visible(list.getByRole('heading', { name: 'CLS Pays de Mauriac' }));
  await page.getByRole('button', { name: 'Dupliquer « CLS Aurillac »' }).click();
  await visible(list.getByRole('heading', { name: 'CLS Aurillac (copie)' }));
  await page.getByRole('button', { name: 'Supprimer « CLS Aurillac (copie) »' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Confirmer la suppression' });
  await confirm.getByRole('button', { name: 'Non, garder' }).click();
  await hasCount(list.getByRole('listitem'), 3);
  await page.getByRole('button', { name: 'Supprimer « CLS Aurillac (copie) »' }).click();
  await confirm.getByRole('button', { name: 'Oui, supprimer' }).click();
  await hasCount(list.getByRole('listitem'), 2);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await hasCount(list.getByRole('listitem'), 3);
  await page.getByRole('button', { name: 'Ouvrir « CLS Aurillac »' }).click();
  await hasValue(page.getByLabel('Nom du contrat'), 'CLS Aurillac');
  await visible(page.getByRole('banner').getByText('CLS Aurillac'));
  await page.reload();
  await app.open();
  await visible(list.getByRole('heading', { name: 'CLS Pays de Mauriac' }));
  await hasCount(list.getByRole('listitem'), 3);
});

test('« Charger l’exemple » opens the signed contract of Aurillac with its 8 axes', async () => {
  const { app, page } = await freshApp();
  await app.loadExample();
  await until(async () => assert.match(await page.getByLabel('Nom du contrat').inputValue(), /Aurillac/));
  await hasCount(page.locator('.axis'), 8);
  await hasValue(page.getByLabel('Intitulé de l’axe 8'), await page.getByLabel('Intitulé de l’axe 8').inputValue());
  await visible(page.getByLabel('Objectif stratégique 2.2'));
  await visible(page.getByLabel('Objectif stratégique 8.1'));
  await hasCount(page.getByLabel('Signataire du contrat', { exact: true }).and(page.locator(':checked')), 10);
  await app.goTo('Fiches action');
  await hasCount(page.getByRole('heading', { level: 2, name: /^Axe \d/ }), 8);
  await hasCount(page.getByRole('listitem').filter({ hasText: /^Fiche action n°/ }), 8);
});

test('« Charger l’exemple » a second time offers to open the example already there rather than adding a second contract of the same name', async () => {
  const { app, page } = await freshApp();
  await app.loadExample();
  await app.open();
  await press(page.getByRole('button', { name: 'Charger l’exemple' }));
  const offer = page.getByRole('alertdialog', { name: 'L’exemple est déjà dans vos contrats.' });
  await visible(offer);
  await hasText(offer, /sous le nom « .*Aurillac.* \(copie\) »/);
  await hasCount(page.getByRole('list', { name: 'Contrats' }).getByRole('listitem'), 1);
  await press(offer.getByRole('button', { name: 'Ouvrir le contrat déjà là' }));
  await visible(app.heading('Le contrat'));
  const stored = await app.storedWorkspace();
  assert.equal(stored.contracts.length, 1);
  assert.equal(stored.active_contract, stored.contracts[0].id);
  // Twice more, on purpose: each copy gets a name nobody has.
  for (const suffix of [' (copie)', ' (copie 2)']) {
    await app.open();
    await press(page.getByRole('button', { name: 'Charger l’exemple' }));
    await press(offer.getByRole('button', { name: 'Ajouter une copie' }));
    await visible(app.heading('Le contrat'));
    await until(async () => assert.equal(await page.getByLabel('Nom du contrat').inputValue(), stored.contracts[0].name + suffix));
  }
  await until(async () => {
    const names = (await app.storedWorkspace()).contracts.map((c) => c.name);
    assert.deepEqual(names, [0, 1, 2].map((n) => stored.contracts[0].name + ['', ' (copie)', ' (copie 2)'][n]));
  });
});

test('a new contract covers five years from this one, or the next five full years in the last quarter, and the form says so', async () => {
  for (const [today, period, why] of [['2026-12-07T10:00:00', [2027, 2031], 'les cinq prochaines années pleines'],
    ['2026-03-15T10:00:00', [2026, 2030], 'cinq ans à partir de cette année']]) {
    const { app, page } = await freshApp();
    await page.clock.setFixedTime(new Date(today));
    await app.open();
    await visible(page.getByText(`Période proposée : ${period.join('-')} (${why}`));
    await app.createContract('CLS du Pays de Saint-Flour', { period: null });
    await hasValue(page.getByLabel('Première année'), String(period[0]));
    await hasValue(page.getByLabel('Dernière année'), String(period[1]));
  }
});
