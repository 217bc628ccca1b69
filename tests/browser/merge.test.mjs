// Sharing between two partners, each in a browser profile of their own: the coordinator
// exports, the partner imports, both edit the same sheet, the partner's file comes back, the
// conflict is settled, and the import is undone; a fiche both edited merges field by field
// (what one side changed is taken without asking, a field both changed is asked on its own).
// Also: refused files leave everything as it was, paste and drop-anywhere reach the same
// preview, partial exports, snapshots, a long title stays inside its box.
import { test, before, after } from 'node:test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failOnPageErrors, launchProfile, serveDist, watchErrors } from '../support/browser.mjs';
import { App, typeInto, press } from '../support/app.mjs';
import { assert, visible, hidden, hasText, until } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

let server;
const profiles = [];
failOnPageErrors();
before(async () => { server = await serveDist(); });
after(async () => {
  await Promise.all(profiles.map((p) => p.close()));
  await server?.close();
});

/** A person's own browser (separate storage), with the app open on the contract list. */
async function person(options = {}) {
  const context = await launchProfile(options);
  profiles.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page);
  const app = new App(page, server.url);
  await app.open();
  return { app, page };
}

/** Exports the open contract as `organisation`, returns the downloaded file's path and text. */
async function exportContract({ app, page }, organisation) {
  await app.goTo('Échanges');
  await typeInto(page.getByLabel('Organisation qui exporte'), organisation);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Télécharger le contrat (JSON)' })),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'atelier-cls-echange-')), download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function importFile({ app, page }, path) {
  await app.goTo('Échanges');
  await page.getByLabel('Choisir un fichier JSON').setInputFiles(path);
}

async function setSheetTitle({ app, page }, sheetId, title) {
  await app.open(`fiche/?id=${sheetId}&etape=1`);
  await typeInto(page.getByLabel('Intitulé de la fiche'), title);
  await app.saved();
}

async function setGeneralObjective({ app, page }, sheetId, text) {
  await app.open(`fiche/?id=${sheetId}&etape=3`);
  await typeInto(page.getByLabel('Objectif général'), text);
  await app.saved();
}

/** Types `text` into the field `label` of a fiche's step `step`, as a person does. */
async function setSheetText({ app, page }, sheetId, step, label, text) {
  await app.open(`fiche/?id=${sheetId}&etape=${step}`);
  await typeInto(page.getByLabel(label, { exact: true }), text);
  await app.saved();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sheets = async (app) => (await app.storedWorkspace()).contracts[0].sheets;
const proposal = (page, name) => page.getByRole('group', { name });

test('two partners exchange files, settle a conflict on the same sheet, and undo an import', async () => {
  const coordinator = await person();
  const partner = await person();
  await coordinator.app.loadExample();
  const original = await sheets(coordinator.app);
  const [shared, other] = [original[0], original[1]];

  // The coordinator sends the contract; the partner, who has nothing yet, adds it.
  const first = await exportContract(coordinator, 'Communauté d’agglomération du Bassin d’Aurillac');
  await importFile(partner, first.path);
  await visible(partner.page.getByText('Ce contrat n’est pas encore dans ce navigateur'));
  await press(partner.page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await visible(partner.page.getByRole('status').filter({ hasText: 'le contrat est ajouté et ouvert' }));
  await partner.app.saved();
  assert.deepEqual((await partner.app.storedWorkspace()).contracts[0], JSON.parse(first.text).contract);

  // Both edit the same sheet; the partner also edits another one.
  await setSheetTitle(partner, shared.id, 'Titre proposé par la CPAM');
  await setGeneralObjective(partner, other.id, 'Objectif revu par la CPAM');
  await partner.app.goTo('Fiches action');
  await press(partner.page.getByRole('button', { name: 'Nouvelle fiche action' }));
  await typeInto(partner.page.getByLabel('Intitulé de la fiche'), 'Fiche ajoutée par la CPAM');
  await partner.app.saved();
  await setSheetTitle(coordinator, shared.id, 'Titre retenu par la coordination');

  // The partner's file comes back: one change to take, one conflict to settle.
  const back = await exportContract(partner, 'CPAM du Cantal');
  await importFile(coordinator, back.path);
  const page = coordinator.page;
  const conflict = proposal(page, /Fiche action « Titre retenu par la coordination » — Conflit/);
  await visible(conflict);
  await hasText(conflict.getByRole('row', { name: /Intitulé/ }), 'Intitulé Titre retenu par la coordination Titre proposé par la CPAM');
  const changed = proposal(page, new RegExp(`Fiche action « ${escapeRegExp(other.title)} » — Modifié par le partenaire`));
  await visible(changed.getByRole('row', { name: /Objectif général/ }));
  assert.equal(await changed.getByRole('radio', { name: 'Prendre la version du fichier' }).isChecked(), true);
  const added = proposal(page, 'Fiche action « Fiche ajoutée par la CPAM » — Nouveau');
  await hasText(added.getByRole('row', { name: /Intitulé/ }), 'Intitulé Fiche ajoutée par la CPAM');
  assert.equal(await added.getByRole('radio', { name: 'Ajouter', exact: true }).isChecked(), true);

  // Applying before settling the conflict is refused, and says why.
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('alert').filter({ hasText: 'Choisissez une version pour chaque conflit avant d’appliquer : 1 restant.' }));
  // Only the title was changed on both sides: it is the question, never the whole fiche.
  assert.equal(await conflict.getByRole('radio', { name: 'Garder les deux' }).count(), 0);
  await press(conflict.getByRole('radio', { name: 'Garder la mienne' }), 'Space');
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('status').filter({ hasText: /Import de « cls-.*\.json » appliqué : 1 élément ajouté, 1 élément remplacé par la version du fichier, 1 version gardée ici/ }));
  await coordinator.app.saved();
  let merged = await sheets(coordinator.app);
  assert.equal(merged.length, original.length + 1);
  assert.ok(merged.some((s) => s.title === 'Fiche ajoutée par la CPAM'));
  assert.equal(merged.find((s) => s.id === shared.id).title, 'Titre retenu par la coordination');
  assert.equal(merged.find((s) => s.id === other.id).general_objective, 'Objectif revu par la CPAM');

  // The same file again brings nothing new.
  await importFile(coordinator, back.path);
  await visible(page.getByText('Ce fichier n’apporte rien de nouveau'));
  await press(page.getByRole('button', { name: 'Fermer', exact: true }));

  // "Annuler l’import" puts back the workspace as it was before the import.
  await press(page.getByRole('button', { name: 'Annuler l’import' }));
  await until(async () => {
    merged = await sheets(coordinator.app);
    assert.equal(merged.length, original.length);
    assert.equal(merged.find((s) => s.id === other.id).general_objective, other.general_objective);
  });
  assert.equal(merged.find((s) => s.id === shared.id).title, 'Titre retenu par la coordination');
});

test('a fiche both partners edited merges field by field: the file’s « Constats » are taken, « Moyens humains » is asked alone', async () => {
  const coordinator = await person();
  const partner = await person();
  await coordinator.app.loadExample();
  const [sheet, other] = await sheets(coordinator.app);
  const first = await exportContract(coordinator, 'Communauté d’agglomération du Bassin d’Aurillac');
  await importFile(partner, first.path);
  await press(partner.page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await partner.app.saved();

  // The partner rewrites the fiche's findings and human means, and adds a fiche with a long
  // title; the coordinator, in the meantime, rewrites the same fiche's human means.
  const findings = 'Constat de la CPAM : peu de dépistages chez les plus de 50 ans';
  await setSheetText(partner, sheet.id, 2, 'Constats propres à cette fiche', findings);
  await setSheetText(partner, sheet.id, 6, 'Moyens humains', 'Deux animateurs de la CPAM');
  const long = `Fiche de la CPAM : ${'prévention des chutes des personnes âgées à domicile, '.repeat(6)}et Anticonstitutionnellementdéraisonnablementinterminablementprolongé`;
  await partner.app.goTo('Fiches action');
  await press(partner.page.getByRole('button', { name: 'Nouvelle fiche action' }));
  await typeInto(partner.page.getByLabel('Intitulé de la fiche'), long);
  await partner.app.saved();
  await setSheetText(coordinator, sheet.id, 6, 'Moyens humains', '0,5 ETP de la coordinatrice');

  const back = await exportContract(partner, 'CPAM du Cantal');
  await importFile(coordinator, back.path);
  const { page } = coordinator;
  await visible(page.getByText('1 nouveauté, 1 conflit à trancher ;'));
  const fiche = proposal(page, `Fiche action « ${sheet.title} » — Conflit : modifié des deux côtés`);
  // What only the partner changed is listed, with who changed it, and taken without asking.
  await hasText(fiche.getByRole('row', { name: /^Constats locaux/ }), new RegExp(`^Constats locaux .*${escapeRegExp(findings)} Modifié dans le fichier$`));
  // The field both changed: both values, and a choice of its own, not yet made.
  const means = fiche.getByRole('group', { name: '« Moyens humains » : modifié ici et dans le fichier' });
  await hasText(means.getByRole('row', { name: /^Moyens humains/ }), 'Moyens humains 0,5 ETP de la coordinatrice Deux animateurs de la CPAM');
  const radios = await means.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => [i.labels[0].textContent.trim(), i.checked]));
  assert.deepEqual(radios, [['Garder la mienne', false], ['Prendre celle du fichier', false]]);
  assert.equal(await fiche.getByRole('radio', { name: 'Garder les deux' }).count(), 0, 'the fiche is never doubled');
  assert.deepEqual(await violations(page), [], 'the preview merged field by field passes axe-core');

  // Bug 10: a long title wraps inside its box, under the box's top border, not across it.
  const added = proposal(page, /^Fiche action « Fiche de la CPAM : prévention/);
  const boxes = await added.evaluate((fieldset) => {
    const box = (element) => element.getBoundingClientRect().toJSON();
    const style = getComputedStyle(fieldset);
    return {
      fieldset: box(fieldset),
      legend: box(fieldset.querySelector('legend')),
      preview: box(fieldset.closest('.import-preview')),
      border: { top: parseFloat(style.borderTopWidth), right: parseFloat(style.borderRightWidth), left: parseFloat(style.borderLeftWidth) },
    };
  });
  const { fieldset, legend, preview, border } = boxes;
  assert.ok(legend.height > 40, `the title wraps over several lines: ${JSON.stringify(boxes)}`);
  assert.ok(legend.top >= fieldset.top + border.top, `the border runs above the title: ${JSON.stringify(boxes)}`);
  assert.ok(legend.left >= fieldset.left + border.left && legend.right <= fieldset.right - border.right, `the title is inside the box: ${JSON.stringify(boxes)}`);
  assert.ok(legend.bottom <= fieldset.bottom, JSON.stringify(boxes));
  assert.ok(fieldset.left >= preview.left && fieldset.right <= preview.right, `the box is inside the preview: ${JSON.stringify(boxes)}`);

  // Applying first asks for that field, and goes to it.
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('alert').filter({ hasText: 'Choisissez une version pour chaque conflit avant d’appliquer : 1 restant.' }));
  await until(async () => assert.equal(await means.getByRole('radio', { name: 'Garder la mienne' }).evaluate((r) => r === document.activeElement), true));
  await press(means.getByRole('radio', { name: 'Garder la mienne' }), 'Space');
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('status').filter({ hasText: /appliqué : 1 élément ajouté, 1 élément fusionné champ par champ/ }));
  await coordinator.app.saved();
  const merged = await sheets(coordinator.app);
  const mine = merged.find((s) => s.id === sheet.id);
  assert.equal(mine.local_findings, findings);
  assert.equal(mine.human_means, '0,5 ETP de la coordinatrice');
  assert.equal(merged.find((s) => s.id === other.id).title, other.title);
  assert.equal(merged.length, 9, 'the 8 fiches of the example and the new one: none doubled');

  // The same file again asks nothing: what was merged is now shared.
  await importFile(coordinator, back.path);
  await visible(page.getByText('Ce fichier n’apporte rien de nouveau'));

  // The coordinator's answer: to the partner, who has not touched the fiche since, keeping
  // « Moyens humains » was a change made there after the last exchange, taken without a conflict.
  const answer = await exportContract(coordinator, 'Communauté d’agglomération du Bassin d’Aurillac');
  await importFile(partner, answer.path);
  const there = proposal(partner.page, `Fiche action « ${sheet.title} » — Modifié par le partenaire`);
  await hasText(there.getByRole('row', { name: /^Moyens humains/ }), 'Moyens humains Deux animateurs de la CPAM 0,5 ETP de la coordinatrice Modifié dans le fichier');
  assert.equal(await there.getByRole('radio', { name: 'Prendre la version du fichier' }).isChecked(), true);
  await press(partner.page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(partner.page.getByRole('status').filter({ hasText: /appliqué : 1 élément remplacé par la version du fichier/ }));
  await partner.app.saved();
  const partners = (await sheets(partner.app)).find((s) => s.id === sheet.id);
  assert.deepEqual([partners.local_findings, partners.human_means], [findings, '0,5 ETP de la coordinatrice']);
});

test('a refused file lists its problems with where they are, and changes nothing', async () => {
  const someone = await person();
  await someone.app.loadExample();
  await someone.app.saved();
  const before = await someone.app.storedWorkspace();
  const bad = join(mkdtempSync(join(tmpdir(), 'atelier-cls-mauvais-')), 'abime.json');
  writeFileSync(bad, '{\n  "type": "atelier-cls/contrat",\n  "schema_version": 1,\n  "contract": {\n');
  await importFile(someone, bad);
  const alert = someone.page.getByRole('alert').filter({ hasText: 'Le fichier « abime.json » n’a pas été importé' });
  await visible(alert);
  await hasText(alert.getByRole('listitem'), /^ligne 5, colonne \d+ : Le fichier n’est pas du JSON valide : le fichier est coupé avant la fin\.$/);
  await press(alert.getByRole('button', { name: 'Fermer', exact: true }));
  await hidden(alert);
  assert.deepEqual(await someone.app.storedWorkspace(), before);
});

test('a pasted export and a file dropped anywhere on the page (saved again with a byte order mark) reach the same preview', async () => {
  const coordinator = await person();
  await coordinator.app.loadExample();
  const file = await exportContract(coordinator, 'ARS');
  const partner = await person({ permissions: ['clipboard-read', 'clipboard-write'] });

  // An empty contract list points to the import; pasted as a person does (Ctrl+V).
  await press(partner.page.getByRole('link', { name: 'importez-le depuis Échanges' }));
  await visible(partner.app.heading('Échanges'));
  await partner.page.evaluate((text) => navigator.clipboard.writeText(text), file.text);
  await press(partner.page.getByLabel('Ou collez le contenu d’un export'), 'Control+V');
  await press(partner.page.getByRole('button', { name: 'Vérifier le texte collé' }));
  await visible(partner.page.getByRole('heading', { name: 'Aperçu du fichier « texte collé »' }));
  await press(partner.page.getByRole('button', { name: 'Ne pas importer' }));

  // Dropped on the contract list: the Échanges screen opens with the preview. This copy was
  // opened and saved again in a Windows editor, which put a byte order mark before the JSON.
  await partner.app.goTo('Mes contrats');
  await partner.page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['\uFEFF' + text], name, { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, { name: file.name, text: file.text });
  await visible(partner.app.heading('Échanges'));
  await visible(partner.page.getByRole('heading', { name: `Aperçu du fichier « ${file.name} »` }));
  await press(partner.page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await partner.app.saved();
  assert.equal((await partner.app.storedWorkspace()).contracts[0].id, JSON.parse(file.text).contract.id);
});

test('the sheets one partner leads are exported alone, and merging them deletes nothing', async () => {
  const coordinator = await person();
  await coordinator.app.loadExample();
  const all = await sheets(coordinator.app);
  await coordinator.app.goTo('Échanges');
  await press(coordinator.page.getByRole('radio', { name: 'Une sélection de fiches action' }), 'Space');
  const lead = coordinator.page.getByLabel('Cocher les fiches pilotées par');
  const leadName = await lead.locator('option').nth(1).innerText();
  await lead.selectOption({ label: leadName });
  const led = all.filter((s) => s.leads.some((l) => l.organisation_id !== null));
  await visible(coordinator.page.getByText(`${led.length} fiche${led.length > 1 ? 's' : ''} action`));
  const file = await exportContract(coordinator, 'ARS');
  const sent = JSON.parse(file.text).contract;
  assert.deepEqual(sent.sheets.map((s) => s.id), led.map((s) => s.id));

  await importFile(coordinator, file.path);
  await visible(coordinator.page.getByText('Ce fichier n’apporte rien de nouveau'));
  assert.equal((await sheets(coordinator.app)).length, all.length);
});

test('every import leaves a snapshot that can be restored from the screen', async () => {
  const coordinator = await person();
  await coordinator.app.loadExample();
  const file = await exportContract(coordinator, 'ARS');
  const partner = await person();
  await partner.app.goTo('Mes contrats');
  await partner.page.getByLabel('Nom du nouveau contrat').fill('Brouillon du partenaire');
  await press(partner.page.getByRole('button', { name: 'Créer le contrat' }));
  await importFile(partner, file.path);
  await press(partner.page.getByRole('button', { name: 'Ajouter ce contrat' }));
  await partner.app.saved();
  assert.equal((await partner.app.storedWorkspace()).contracts.length, 2);

  // After a reload, the snapshot is still listed with its date and what it held.
  await partner.app.open('echanges/');
  const snapshot = partner.page.getByRole('listitem').filter({ hasText: `Avant l’import de « ${file.name} » — 1 contrat, 0 fiche action` });
  await visible(snapshot);
  await press(snapshot.getByRole('button', { name: /^Restaurer l’instantané du \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/ }));
  await visible(partner.page.getByRole('status').filter({ hasText: /Instantané du .* restauré/ }));
  await partner.app.saved();
  const restored = await partner.app.storedWorkspace();
  assert.deepEqual(restored.contracts.map((c) => c.name), ['Brouillon du partenaire']);
  // Restoring took a snapshot of the present first: it can be undone.
  await visible(partner.page.getByRole('listitem').filter({ hasText: 'Avant la restauration de l’instantané du' }));
  await press(partner.page.getByRole('button', { name: 'Annuler la restauration' }));
  await until(async () => assert.equal((await partner.app.storedWorkspace()).contracts.length, 2));
});

/** A year's review as the format writes it (every field). */
const review = (year, status) => ({ year, status, comment: '', reason: '', next_steps: '', to_confirm: false });

test('a partner who gives another status for the same action and year meets a conflict on that year only', async () => {
  const coordinator = await person();
  const { app, page } = coordinator;
  await app.loadExample();
  const [sheet] = await sheets(app);
  await app.open(`fiche/?id=${sheet.id}&etape=4`);
  await press(page.getByRole('button', { name: 'Ajouter une action' }));
  await typeInto(page.getByRole('group', { name: 'Action 1' }).getByLabel('Description de l’action'), 'Former des sentinelles');
  await app.saved();
  const common = await exportContract(coordinator, 'Communauté d’agglomération du Bassin d’Aurillac');
  const contractId = JSON.parse(common.text).contract.id;
  await until(async () => assert.ok((await app.storedWorkspace()).shared_versions[contractId], 'the export is noted as shared'));

  // Since that export, the coordinator says 2025 was done (stored as the Suivi screen will)...
  await page.evaluate(([key, entry]) => {
    const workspace = JSON.parse(localStorage.getItem(key));
    workspace.contracts[0].sheets[0].actions[0].reviews = [entry];
    localStorage.setItem(key, JSON.stringify(workspace));
  }, ['atelier-cls.v1.espace', review(2025, 'done')]);
  // ...and the partner, from the same export, that it was postponed.
  const theirs = JSON.parse(common.text);
  theirs.contract.sheets[0].actions[0].reviews = [{ ...review(2025, 'postponed'), reason: 'Formateur indisponible' }];
  const back = join(mkdtempSync(join(tmpdir(), 'atelier-cls-suivi-')), 'cls-cpam.json');
  writeFileSync(back, JSON.stringify(theirs, null, 2));

  await app.open('echanges/');
  assert.equal((await sheets(app))[0].actions[0].reviews[0].status, 'done');
  await importFile(coordinator, back);
  await visible(page.getByText('1 conflit à trancher ;'));
  const conflict = proposal(page, 'Suivi « Bilan 2025 — Former des sentinelles » — Conflit : modifié des deux côtés');
  await hasText(conflict.getByRole('row', { name: /^Statut/ }), 'Statut Réalisé Reporté');
  await hasText(conflict.getByRole('row', { name: /^Pourquoi/ }), /^Pourquoi \?\s*—\s*Formateur indisponible$/);
  assert.equal(await conflict.getByRole('radio').count(), 2, 'a year is never kept twice');
  assert.equal(await proposal(page, /^Fiche action/).count(), 0, 'the fiche itself does not conflict');

  await press(conflict.getByRole('radio', { name: 'Prendre la version du fichier' }), 'Space');
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('status').filter({ hasText: '1 élément remplacé par la version du fichier' }));
  await app.saved();
  const [merged] = await sheets(app);
  assert.deepEqual(merged.actions[0].reviews, theirs.contract.sheets[0].actions[0].reviews);
});

/**
 * An avenant as the format writes it, with the version it froze: the contract as it stands,
 * without its own signed copy and avenants (what « Créer l’avenant » will store).
 */
const avenant = (contract, number, object) => ({
  id: crypto.randomUUID(),
  modified_at: 1764750000000,
  number,
  date: '2026-03-12',
  meeting_id: null,
  adopted_by: 'COPIL du 12 mars 2026',
  object,
  changes: `${object}.`,
  frozen_copy: { ...structuredClone(contract), signing: { ...contract.signing, frozen_copy: null }, amendments: [] },
});

test('two partners who both wrote « avenant n°2 » meet a conflict, and one avenant n°2 comes out', async () => {
  const coordinator = await person();
  const { app, page } = coordinator;
  await app.loadExample();
  await app.saved();
  const common = await exportContract(coordinator, 'Syndicat mixte du SCoT');
  const contractId = JSON.parse(common.text).contract.id;
  await until(async () => assert.ok((await app.storedWorkspace()).shared_versions[contractId], 'the export is noted as shared'));

  // The avenant screens are not part of this test: each side writes its avenant n°2 as those
  // screens store it. Here, in this browser's storage...
  const mine = await page.evaluate((key) => {
    const workspace = JSON.parse(localStorage.getItem(key));
    return workspace.contracts[0];
  }, 'atelier-cls.v1.espace');
  const ours = avenant(mine, 2, 'Ajout d’une action sur les addictions');
  await page.evaluate(([key, entry]) => {
    const workspace = JSON.parse(localStorage.getItem(key));
    workspace.contracts[0].amendments = [entry];
    localStorage.setItem(key, JSON.stringify(workspace));
  }, ['atelier-cls.v1.espace', ours]);
  // ...and in the partner's file, from the same export, another one with another content.
  const theirs = JSON.parse(common.text);
  theirs.contract.sheets[0].title = 'Titre modifié par l’avenant du partenaire';
  const their = avenant(theirs.contract, 2, 'Report de la fiche 3 en 2027');
  theirs.contract.amendments = [their];
  const back = join(mkdtempSync(join(tmpdir(), 'atelier-cls-avenant-')), 'cls-cpam.json');
  writeFileSync(back, JSON.stringify(theirs, null, 2));

  await app.open('echanges/');
  await importFile(coordinator, back);
  const conflict = proposal(page, 'Avenant n°2 — Conflit : ce contrat et le fichier ont chacun un avenant n°2');
  await visible(conflict);
  await hasText(conflict.getByRole('row', { name: /^Objet/ }), 'Objet Ajout d’une action sur les addictions Report de la fiche 3 en 2027');
  // The versions they froze differ in a fiche's title: one line, not one per field.
  await hasText(conflict.getByRole('row', { name: /^Version figée/ }), /^Version figée\s*présente\s*différente$/);
  assert.equal(await conflict.getByRole('row').count(), 1 + 3, 'a header, then Objet, Modifications and Version figée');
  const radios = await conflict.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.labels[0].textContent.trim()));
  assert.deepEqual(radios, [
    'Garder mon avenant n°2',
    'Prendre l’avenant n°2 du fichier à la place du mien',
    'Garder les deux : celui du fichier devient l’avenant n°3',
  ]);

  await press(conflict.getByRole('radio', { name: 'Prendre l’avenant n°2 du fichier à la place du mien' }), 'Space');
  await press(page.getByRole('button', { name: 'Appliquer la fusion' }));
  await visible(page.getByRole('status').filter({ hasText: /Import de « cls-cpam\.json » appliqué/ }));
  await app.saved();
  const stored = (await app.storedWorkspace()).contracts[0].amendments;
  assert.deepEqual(stored.map((a) => [a.number, a.object]), [[2, 'Report de la fiche 3 en 2027']]);
  assert.deepEqual(stored[0].frozen_copy, their.frozen_copy);
});
