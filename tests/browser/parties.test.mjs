// Parties and signature (issue 13): the example's contract document ends with the ten signature
// blocks of seed 001, a signatory's block is edited from the keyboard and saved, a fiche's
// co-lead is found by the « Pilote » filter, and the changed screens pass axe-core.
import { test } from 'node:test';
import { suite } from '../support/browser.mjs';
import { chooseWithKeyboard, press, typeInto } from '../support/app.mjs';
import { assert, hasCount, hasText, hasValue, until, visible } from '../support/expect.mjs';
import { violations } from '../support/axe.mjs';

const env = suite();


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
  // « Pour » and the party's article (« l’ARS », « la Préfecture »); « Signature » bound to its
  // colon by a narrow no-break space.
  assert.equal(texts[0], 'Pour l’Agence Régionale de Santé Auvergne-Rhône-Alpes | Madame la Directrice générale | Cécile COURREGES | Signature\u202f:');
  assert.match(texts[2], /^Pour la Préfecture du Cantal \| Par délégation \| Monsieur le Directeur Départemental adjoint de l’Emploi, du Travail, des Solidarités et de la Protection des Populations \| Nicolas VINRECH/);
  assert.match(texts[4], /^Pour le Conseil Départemental de l’Ordre des Médecins du Cantal \| Par délégation \| Madame la Conseillère Ordinale \| Colette DIJOLS/);
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

/** The open contract as stored in this browser. */
async function storedContract(app) {
  const stored = await app.storedWorkspace();
  return stored.contracts.find((c) => c.id === stored.active_contract);
}

test('the previous bilan, the texts and a governance body are kept after a reload', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS à relire');

  // A row of the previous contract's bilan, with its status and what was done.
  const bilan = page.getByRole('region', { name: 'Bilan du précédent contrat' });
  await typeInto(bilan.getByLabel('Fiche du précédent contrat'), 'Fiche action n°1 : Démographie médicale');
  await press(bilan.getByRole('button', { name: 'Ajouter la fiche' }));
  const former = bilan.getByRole('group', { name: 'Fiche action n°1 : Démographie médicale', exact: true });
  await typeInto(former.getByLabel('Action de cette fiche'), 'Bourses pour les internes');
  await press(former.getByRole('button', { name: 'Ajouter l’action' }));
  const row = former.getByRole('group', { name: 'Bourses pour les internes', exact: true });
  await chooseWithKeyboard(row.getByLabel('Réalisé / non réalisé'), 'Partiellement réalisé');
  await typeInto(row.getByLabel('Ce qui a été fait'), '10 bourses par an');

  // The contract's texts.
  const texts = page.getByRole('region', { name: 'Pilotage et textes du contrat' });
  await typeInto(texts.getByLabel('Références juridiques (« Vu… »)'), 'Vu le code de la santé publique ;');
  await typeInto(texts.getByLabel('Préambule'), 'Les signataires s’engagent pour la santé du territoire.');
  await typeInto(texts.getByLabel('Durée du contrat'), 'Le présent contrat prend effet pour cinq ans.');

  // A governance body: its kind, duties and how often it meets.
  const governance = page.getByRole('region', { name: 'Gouvernance' });
  await press(governance.getByRole('button', { name: 'Ajouter une instance' }));
  await chooseWithKeyboard(governance.getByLabel('Type d’instance'), 'Conseil local de santé mentale (CLSM)');
  const clsm = governance.getByRole('group', { name: 'Conseil local de santé mentale (CLSM)', exact: true });
  await typeInto(clsm.getByLabel('Attributions'), 'Coordonner les acteurs de la santé mentale');
  await typeInto(clsm.getByLabel('Fréquence des réunions'), 'Deux fois par an');
  await app.saved();

  const expected = (contract) => {
    const item = contract.previous_review.sheets[0].items[0];
    const [first] = contract.governance.bodies;
    return [
      contract.previous_review.sheets[0].title, item.action, item.status, item.comment,
      contract.texts.legal_references, contract.texts.preamble, contract.texts.duration,
      first.kind, first.duties, first.meeting_frequency,
    ];
  };
  const values = [
    'Fiche action n°1 : Démographie médicale', 'Bourses pour les internes', 'partly_done', '10 bourses par an',
    'Vu le code de la santé publique ;', 'Les signataires s’engagent pour la santé du territoire.', 'Le présent contrat prend effet pour cinq ans.',
    'mental_health_council', 'Coordonner les acteurs de la santé mentale', 'Deux fois par an',
  ];
  await until(async () => assert.deepEqual(expected(await storedContract(app)), values));

  await page.reload();
  await visible(app.heading('Le contrat'));
  const again = page.getByRole('region', { name: 'Bilan du précédent contrat' }).getByRole('group', { name: 'Bourses pour les internes', exact: true });
  await hasValue(again.getByLabel('Ce qui a été fait'), '10 bourses par an');
  assert.equal(await again.getByLabel('Réalisé / non réalisé').evaluate((s) => s.options[s.selectedIndex].text), 'Partiellement réalisé');
  const textsAgain = page.getByRole('region', { name: 'Pilotage et textes du contrat' });
  await hasValue(textsAgain.getByLabel('Références juridiques (« Vu… »)'), 'Vu le code de la santé publique ;');
  await hasValue(textsAgain.getByLabel('Préambule'), 'Les signataires s’engagent pour la santé du territoire.');
  await hasValue(textsAgain.getByLabel('Durée du contrat'), 'Le présent contrat prend effet pour cinq ans.');
  const clsmAgain = page.getByRole('region', { name: 'Gouvernance' }).getByRole('group', { name: 'Conseil local de santé mentale (CLSM)', exact: true });
  assert.equal(await clsmAgain.getByLabel('Type d’instance').evaluate((s) => s.options[s.selectedIndex].text), 'Conseil local de santé mentale (CLSM)');
  await hasValue(clsmAgain.getByLabel('Attributions'), 'Coordonner les acteurs de la santé mentale');
  await hasValue(clsmAgain.getByLabel('Fréquence des réunions'), 'Deux fois par an');
  assert.deepEqual(expected(await storedContract(app)), values);
});

test('a body of another kind without a name, and a bilan row without a status, are pointed at beside them', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS à vérifier');
  const governance = page.getByRole('region', { name: 'Gouvernance' });
  await press(governance.getByRole('button', { name: 'Ajouter une instance' }));
  await chooseWithKeyboard(governance.getByLabel('Type d’instance'), 'Autre instance');
  const body = governance.getByRole('group', { name: 'Autre instance', exact: true });
  await visible(body.getByRole('listitem').filter({ hasText: 'À vérifier : Cette instance est de type « Autre instance » mais n’a pas de nom' }));
  await typeInto(body.getByLabel('Nom de l’instance'), 'Groupe de travail addictions');
  await hasCount(governance.getByRole('listitem').filter({ hasText: 'À vérifier' }), 0);

  const bilan = page.getByRole('region', { name: 'Bilan du précédent contrat' });
  await typeInto(bilan.getByLabel('Fiche du précédent contrat'), 'Fiche 1');
  await press(bilan.getByRole('button', { name: 'Ajouter la fiche' }));
  await typeInto(bilan.getByLabel('Action de cette fiche'), 'Forum santé');
  await press(bilan.getByRole('button', { name: 'Ajouter l’action' }));
  const row = bilan.getByRole('group', { name: 'Forum santé', exact: true });
  await visible(row.getByRole('listitem').filter({ hasText: 'Cette action n’a pas de statut' }));
  await chooseWithKeyboard(row.getByLabel('Réalisé / non réalisé'), 'Réalisé');
  await hasCount(row.getByRole('listitem').filter({ hasText: 'pas de statut' }), 0);
  assert.deepEqual(await violations(page), []);
});

test('a member’s and a meeting’s « Instance » list the bodies created, so two working groups are told apart', async () => {
  const { app, page } = await env.freshApp();
  await app.createContract('CLS à deux groupes de travail');
  const governance = page.getByRole('region', { name: 'Gouvernance' });
  for (const name of ['Groupe de travail addictions', 'Groupe de travail nutrition']) {
    await press(governance.getByRole('button', { name: 'Ajouter une instance' }));
    // The new body is the last; its legend follows its kind and name as they are chosen.
    await chooseWithKeyboard(governance.getByLabel('Type d’instance').last(), 'Groupe de travail');
    await typeInto(governance.getByRole('group', { name: 'Groupe de travail', exact: true }).getByLabel('Nom de l’instance'), name);
    await visible(governance.getByRole('group', { name, exact: true }));
  }
  await press(governance.getByRole('button', { name: 'Ajouter un membre' }));
  const member = governance.getByRole('group', { name: 'Nouveau membre' });
  const options = await member.getByLabel('Instance').evaluate((s) => [...s.options].map((o) => o.text));
  assert.deepEqual(options.slice(0, 3), ['Non renseigné', 'Groupe de travail addictions', 'Groupe de travail nutrition']);
  assert.ok(!options.includes('Groupe de travail'), `a kind the contract describes is not listed again: ${options}`);
  await chooseWithKeyboard(member.getByLabel('Instance'), 'Groupe de travail nutrition');
  await press(governance.getByRole('button', { name: 'Ajouter une réunion' }));
  const meeting = governance.getByRole('group', { name: 'Réunion sans date' });
  await chooseWithKeyboard(meeting.getByLabel('Instance réunie'), 'Groupe de travail addictions');
  await app.saved();

  const stored = (await app.storedWorkspace()).contracts[0].governance;
  const [addictions, nutrition] = stored.bodies;
  assert.deepEqual([stored.members[0].body_id, stored.members[0].body], [nutrition.id, 'working_group']);
  assert.deepEqual([stored.meetings[0].body_id, stored.meetings[0].body], [addictions.id, 'working_group']);
  await page.reload();
  const again = page.getByRole('region', { name: 'Gouvernance' });
  const selected = (select) => select.evaluate((s) => s.options[s.selectedIndex].text);
  await until(async () => assert.equal(await selected(again.getByRole('group', { name: 'Nouveau membre' }).getByLabel('Instance')), 'Groupe de travail nutrition'));
  assert.equal(await selected(again.getByRole('group', { name: 'Réunion sans date' }).getByLabel('Instance réunie')), 'Groupe de travail addictions');
});
