// A page object for Atelier CLS: what a person does, by roles and French accessible names.
import { assert, until, visible } from './expect.mjs';
import { readStorage, wholeWorkspace } from './stored.mjs';

export class App {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(path = '') {
    await this.page.goto(this.baseUrl + path);
    await this.page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  }

  heading(name, level = 1) {
    return this.page.getByRole('heading', { name, level });
  }

  /** A part of « Suivi » below its dashboard: « Bilan des actions », « Indicateurs », « Budget ». */
  followUpPart(name) {
    return this.page.getByRole('navigation', { name: 'Parties du suivi' }).getByRole('link', { name, exact: true });
  }

  async goTo(area) {
    await this.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: area, exact: true }).click();
  }

  async createContract(name) {
    await this.open();
    await this.page.getByLabel('Nom du nouveau contrat').fill(name);
    await this.page.getByRole('button', { name: 'Créer le contrat' }).click();
    await visible(this.heading('Le contrat'));
  }

  /**
   * Loads the example contract (Aurillac) from the contract list, as a person does from the
   * keyboard; resolves once it is open on « Le contrat » and written to local storage.
   */
  async loadExample() {
    await this.open();
    await press(this.page.getByRole('button', { name: 'Charger l’exemple' }));
    await visible(this.heading('Le contrat'));
    await until(async () => {
      const stored = await this.storedWorkspace();
      const open = stored?.contracts.find((contract) => contract.id === stored.active_contract);
      assert.match(open?.name ?? '', /Aurillac/);
    });
  }

  /** Waits until autosave says everything is written. */
  async saved() {
    await visible(this.page.getByText('Modifications enregistrées dans ce navigateur'));
  }

  /** The stored workspace, its frozen copies (stored apart) put back in place. */
  async storedWorkspace() {
    return wholeWorkspace(await this.page.evaluate(readStorage));
  }
}

/**
 * Chooses an option of a <select> with the keyboard only: arrow keys until the label matches.
 * `select` is a Playwright locator or a puppeteer element handle (the Firefox suite): only what
 * both have is used.
 */
export async function chooseWithKeyboard(select, wanted) {
  await select.focus();
  await select.press('Home');
  const count = await select.evaluate((el) => el.options.length);
  const matches = (text) => (wanted instanceof RegExp ? wanted.test(text) : text === wanted);
  for (let i = 0; i <= count; i += 1) {
    const current = await select.evaluate((el) => el.options[el.selectedIndex]?.text ?? '');
    if (matches(current)) return current;
    await select.press('ArrowDown');
  }
  throw new Error(`option « ${wanted} » introuvable`);
}

/** Focuses a control and types into it, as a person at the keyboard would. */
export async function typeInto(field, text) {
  await field.focus();
  await field.press('Control+A');
  await field.pressSequentially(text);
}

/** Presses a button or a link from the keyboard. */
export async function press(control, key = 'Enter') {
  await control.focus();
  await control.press(key);
}
