// Avenant n°1 to the example, written straight into the stored workspace, for the tests of the
// avenant's document (documents.test.mjs, accessibility.test.mjs): a fixed fixture (fixed dates,
// so a fixed ODT file name) that these tests reach in one reload. The screens that produce the
// same data (« Signer le contrat », the edits, « Créer l’avenant ») are driven end to end by
// avenants.test.mjs, which also follows « Voir et imprimer l’avenant n°1 » to this document.
//
// On the example loaded and saved: fiche n°3 (« Parcours de santé et bien vivre ») gets an
// action from March to June 2025; the contract is « signed » (a copy without its own frozen
// copies and avenants kept as `signing.frozen_copy`; the example already has its date and
// place, 11 March 2025 at Aurillac); then the action's end moves to September 2026 and the
// fiche's first specific objective is rewritten; then avenant n°1 is pushed, dated 2 April 2026,
// adopted by « COPIL du 12 mars 2026 », with a frozen copy of that live contract.
// The page is reloaded so the app reads it.

export const AVENANT = {
  fiche: 'Parcours de santé et bien vivre',
  action: 'Ateliers cuisine dans les centres sociaux',
  objective: 'Former 40 animateurs à la nutrition',
  object: 'Prolonger les ateliers cuisine jusqu’en septembre 2026 et revoir un objectif de la fiche n°3.',
  adoptedBy: 'COPIL du 12 mars 2026',
};

/** Writes avenant n°1 into the open contract of the stored workspace (see above). */
export async function seedAvenant(page) {
  await page.evaluate((avenant) => {
    const key = 'atelier-cls.v1.espace';
    const workspace = JSON.parse(localStorage.getItem(key));
    const contract = workspace.contracts.find((c) => c.id === workspace.active_contract);
    const sheet = contract.sheets.find((s) => s.title === avenant.fiche);
    const now = contract.modified_at;
    sheet.actions.push({
      id: '00000000-0000-4000-8aaa-0000000000a1', modified_at: now, description: avenant.action,
      start: { year: 2025, month: 3 }, end: { year: 2025, month: 6 }, lead_id: null, milestone: false, reviews: [],
    });
    const frozen = (c) => ({ ...structuredClone(c), signing: { ...c.signing, frozen_copy: null }, amendments: [] });
    contract.signing.frozen_copy = frozen(contract);
    sheet.actions.at(-1).end = { year: 2026, month: 9 };
    sheet.specific_objectives[0].text = avenant.objective;
    contract.amendments.push({
      id: '00000000-0000-4000-8aaa-0000000000a2', modified_at: now, number: 1, date: '2026-04-02',
      meeting_id: null, adopted_by: avenant.adoptedBy, object: avenant.object, changes: '',
      frozen_copy: frozen(contract),
    });
    localStorage.setItem(key, JSON.stringify(workspace));
  }, AVENANT);
  await page.reload();
}
