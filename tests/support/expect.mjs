// Waiting for a state, never for a fixed time: `until` retries an assertion until it holds or
// the deadline passes, then throws the assertion's own error. playwright-core has no `expect`.
import assert from 'node:assert/strict';

export async function until(check, { timeout = 5000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

export async function visible(locator) {
  await locator.waitFor({ state: 'visible' });
}

export async function hidden(locator) {
  await locator.waitFor({ state: 'hidden' });
}

export async function hasValue(locator, expected) {
  await until(async () => assert.equal(await locator.inputValue(), expected));
}

export async function hasText(locator, expected) {
  await until(async () => {
    const text = (await locator.innerText()).replace(/\s+/g, ' ').trim();
    if (expected instanceof RegExp) assert.match(text, expected);
    else assert.equal(text, expected);
  });
}

export async function hasCount(locator, expected) {
  await until(async () => assert.equal(await locator.count(), expected));
}

export { assert };
