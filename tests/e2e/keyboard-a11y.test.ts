/**
 * Every screen without a mouse (labels, focus order, visible focus, Enter submits, Escape closes),
 * and axe-core finding no serious or critical issue on the unlock, queue, case and settings screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSPHRASE } from '../helpers';
import {
  apiCall,
  focusIsVisible,
  receivedWithWorkingDaysLeft,
  screenshot,
  seriousAxeFindings,
  startHarness,
  tabTo,
  type Harness,
} from './support';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.close();
});

async function expectNoSeriousAxe(screen: string): Promise<void> {
  const findings = await seriousAxeFindings(page);
  expect(findings, `axe on the ${screen}: ${JSON.stringify(findings, null, 2)}`).toEqual([]);
}

async function focusedText(): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
}

describe('keyboard only, and axe', () => {
  it('creates a case file from the keyboard; the unlock screen passes axe', async () => {
    await page.goto(h.bridge.url);
    await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
    await expectNoSeriousAxe('unlock screen (create)');

    await tabTo(page, '#create-path');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(path.join(h.dir, 'keyboard.foidesk'));
    await tabTo(page, '#create-passphrase');
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, '#create-confirm');
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, '#create-understood');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Space');
    // Enter in a field submits the form.
    await tabTo(page, '#create-confirm', 10, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
  });

  it('logs a request from the keyboard (Ctrl+Enter submits)', async () => {
    await tabTo(page, '.nav .nav__link:nth-of-type(2)');
    expect(await focusedText()).toBe('Log a request');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="new-case"]').waitFor();
    await tabTo(page, 'textarea[id$="-request"]');
    await page.keyboard.type(
      '1. How many beds does the Trust have?\n2. How many of them are in critical care?',
    );
    await page.getByText('Proposed from the request: 2 questions.').waitFor();
    await tabTo(page, 'input[id$="-subject"]');
    await page.keyboard.type('Bed numbers');
    await tabTo(page, 'input[id$="-requester"]');
    await page.keyboard.type('E. Reporter');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-screen="case"][data-ready="true"]').waitFor();
  });

  it('answers a question, and Escape closes the editor and the dialogs; the case passes axe', async () => {
    await expectNoSeriousAxe('case page');
    await tabTo(page, 'button[id$="-answer-0"]');
    await page.keyboard.press('Enter');
    // The editor opens with the keyboard on the outcome.
    await page.getByRole('form', { name: 'Answer to question 1' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    await page.keyboard.press('Space');
    await tabTo(page, 'textarea[id$="-text"]');
    await page.keyboard.type('The Trust has 612 beds.');
    await tabTo(page, '.answer button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText('The answer to question 1 was saved.').waitFor();

    // An exemption with its public interest test, checked by axe, then abandoned with Escape.
    await tabTo(page, 'button[id$="-answer-1"]');
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Answer to question 2' });
    await form.waitFor();
    await form.getByLabel('Exempt (withheld)').check();
    await form.getByLabel('Exemption', { exact: true }).selectOption('foia-s38');
    await form.getByText('Public interest test', { exact: true }).waitFor();
    await expectNoSeriousAxe('answer editor with an exemption');
    await form.getByLabel('Exemption', { exact: true }).selectOption('foia-s41');
    await form.getByText('is absolute: no public interest test is needed').waitFor();
    expect(await form.getByText('Factors in favour of disclosure').count()).toBe(0);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    // Focus returns on the next frame: wait for it rather than read it at once.
    await page.waitForFunction(() => /-answer-1$/.test(document.activeElement?.id ?? ''));

    // A clock action opens a dialog; Escape closes it and gives focus back.
    await tabTo(page, '.clock-actions button:first-child');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ask for clarification' });
    await dialog.waitFor();
    await expectNoSeriousAxe('clock dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.innerText === 'Ask for clarification',
    );
  });

  it('moves through the queue with the arrow keys and opens a case with Enter; the queue passes axe', async () => {
    await apiCall(h.bridge, 'cases:create', {
      draft: {
        reference: 'FOI 9',
        regime: 'EIR',
        received: receivedWithWorkingDaysLeft(-2),
        requester: { name: 'F. Neighbour' },
        subject: 'Noise from the boiler house',
        requestText: 'Please send the noise surveys.',
        questions: [{ number: '1', text: 'Please send the noise surveys.' }],
      },
    });
    await tabTo(page, '.nav .nav__link:nth-of-type(1)');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="queue"] [data-ready="true"][data-total="2"]').waitFor();
    await expectNoSeriousAxe('case queue');
    await tabTo(page, '[role="grid"]');
    expect(await focusIsVisible(page)).toBe(true);
    // Soonest due first: the overdue EIR case, then the new one.
    await page.keyboard.press('ArrowDown');
    await page.locator('.queue__row--active[data-reference="FOI 1"]').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.locator('.queue__row--active[data-reference="FOI 9"]').waitFor();
    await screenshot(page, 'queue-keyboard');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="case"][data-reference="FOI 9"]').waitFor();
  });

  it('the settings screen passes axe and saves with Enter', async () => {
    await tabTo(page, '.nav .nav__link:last-of-type');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="settings"]').waitFor();
    await expectNoSeriousAxe('settings screen');
    await screenshot(page, 'settings');
    await page.getByLabel('Name', { exact: true }).first().focus();
    await page.keyboard.type('Example NHS Foundation Trust');
    await page.keyboard.press('Enter');
    await page.getByText('The organisation profile was saved.').waitFor();
  });

  it('explains an internal target past the statutory limit at the field, and keeps the saved one', async () => {
    const foi = page.getByLabel('FOI (working day)', { exact: true });
    await foi.fill('25');
    const problem =
      'FOI: day 25 is after the statutory limit of 20 working days (FOIA s10(1)); choose working day 20 or earlier.';
    await page.locator('.field__error', { hasText: problem }).waitFor();
    expect(await foi.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Subject access (calendar day)', { exact: true }).inputValue()).toBe('21');
    await page.getByRole('button', { name: 'Save the casework settings' }).click();
    await page.getByRole('alert').filter({ hasText: problem }).waitFor();
    type Bundle = { settings: { internalTargetDay: Record<string, number> } };
    expect((await apiCall<Bundle>(h.bridge, 'settings:get', {})).settings.internalTargetDay.FOIA).toBe(15);
    await foi.fill('20');
    await page.getByRole('button', { name: 'Save the casework settings' }).click();
    await page.getByText('The casework settings were saved.').waitFor();
    expect((await apiCall<Bundle>(h.bridge, 'settings:get', {})).settings.internalTargetDay.FOIA).toBe(20);
  });

  it('locks from the keyboard and unlocks with Enter; the unlock screen with a recent file passes axe', async () => {
    await tabTo(page, '.header__lock');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="unlock"]').waitFor();
    await page.getByRole('radio', { name: /keyboard\.foidesk/ }).waitFor();
    await expectNoSeriousAxe('unlock screen (open)');
    await tabTo(page, '#open-passphrase');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="queue"] [data-ready="true"][data-total="2"]').waitFor();
    expect(h.cspViolations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
