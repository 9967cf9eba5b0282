/**
 * Removing a question in the real renderer in Chromium, over the browser bridge: a removal that
 * would delete an answer or leave a "see question N" answer pointing nowhere asks first, and
 * after a removal the "see" answers show their question's new number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CaseRecord } from '../../shared/case-format';
import { PASSPHRASE, readFixture } from '../helpers';
import { apiCall, screenshot, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.close();
});

/** FOI 2774: 1 and 2 not held, 3 and 4 "Please see the answer to question 2.", 5 exempt. */
async function openFoi2774(): Promise<void> {
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
  await page.getByLabel('Where to save the new case file').fill(path.join(h.dir, 'register.foidesk'));
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByLabel('I understand that a lost passphrase cannot be recovered').check();
  await page.getByRole('button', { name: 'Create the case file' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
  const c = JSON.parse(readFixture('foi-2774.case.json')) as CaseRecord;
  await apiCall(h.bridge, 'cases:create', {
    draft: {
      reference: c.reference,
      regime: c.regime,
      received: c.received,
      requester: c.requester,
      subject: c.subject,
      requestText: c.requestText,
      questions: c.questions,
    },
  });
  // The queue loads when it opens: leave it and come back to see the case just logged.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.locator('[data-screen="queue"]').waitFor({ state: 'detached' });
  await nav.getByRole('button', { name: 'Case queue' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"][data-total="1"]').waitFor();
  const row = page.locator('.queue__body [role="row"][data-reference="FOI 2774"]');
  await row.click();
  await page.locator('[data-screen="case"][data-reference="FOI 2774"]').waitFor();
}

const answerOf = (n: string) => page.locator(`.questions > [data-question="${n}"] > .question__answer`);

describe('removing a question', () => {
  it('asks first when other answers say to see it, and keeps it when told to', async () => {
    await openFoi2774();
    await page.getByRole('button', { name: 'Edit the questions' }).click();
    await page.getByRole('button', { name: 'Remove question 2', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove question 2?' });
    await dialog.waitFor();
    await dialog
      .getByText(
        'Question 2 has an answer, which will be deleted. The answers to questions 3 and 4 say to see the answer to question 2; they will be cleared.',
      )
      .waitFor();
    await screenshot(page, 'remove-question-confirm');
    // Escape answers "keep it", and leaves the edit itself open.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save the questions' }).waitFor();
    await page.getByRole('button', { name: 'Remove question 2', exact: true }).click();
    await dialog.getByRole('button', { name: 'Keep question 2' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.qedit__row').count()).toBe(5);
    await page.getByLabel('Text of question 2').waitFor();
  });

  it('removes question 1 once confirmed, and the "see" answers show their question’s new number', async () => {
    await page.getByRole('button', { name: 'Remove question 1', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove question 1?' });
    await dialog.getByText('Question 1 has an answer, which will be deleted.', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Remove question 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.qedit__row').count()).toBe(4);
    await page.getByRole('button', { name: 'Save the questions' }).click();
    await page.getByText('The questions were saved.').waitFor();
    // The old questions 3 and 4 are now 2 and 3, and point at the old question 2, now 1.
    for (const n of ['2', '3']) {
      await answerOf(n).getByText('See the answer to question 1.', { exact: true }).waitFor();
      await answerOf(n).getByText('Please see the answer to question 1.', { exact: true }).waitFor();
    }
    expect(await page.getByText(/see the answer to question 2/i).count()).toBe(0);
    await screenshot(page, 'remove-question-renumbered');
  });

  it('clears the answers that pointed at a removed question when the officer confirms', async () => {
    await page.getByRole('button', { name: 'Edit the questions' }).click();
    await page.getByRole('button', { name: 'Remove question 1', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove question 1?' });
    await dialog.getByText(/The answers to questions 2 and 3 say to see the answer to question 1/).waitFor();
    await dialog.getByRole('button', { name: 'Remove question 1' }).click();
    await page.getByRole('button', { name: 'Save the questions' }).click();
    await page.getByText('The questions were saved.').waitFor();
    for (const n of ['1', '2']) await answerOf(n).getByText('No answer recorded yet.').waitFor();
    expect(await page.locator('.questions > [data-question]').count()).toBe(3);
    expect(h.pageErrors).toEqual([]);
  });
});
