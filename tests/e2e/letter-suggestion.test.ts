/**
 * The letter template the case suggests follows its answers as the officer records them, without
 * reopening the case: an open FOIA request with everything provided suggests "Full disclosure";
 * recording an exemption on one question makes it suggest the partial disclosure, in the same
 * page. Once the officer picks a template, the choice is theirs. The requester's name holds a
 * right-to-left override, which the case page shows as a marker rather than obeying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createCaseFile } from '../../db/case-file';
import { importInterchange } from '../../main/services/import-export';
import { isoDaysAgo } from './support';
import { apiCall, startHarness, type Harness } from './support';
import { PASSPHRASE, readFixture } from '../helpers';

const CASE = {
  format: 'foi-desk/case@1',
  reference: 'FOI 6001',
  regime: 'FOIA',
  received: isoDaysAgo(2),
  status: 'open',
  channel: 'email',
  requester: { name: 'Ada \u202eecalevoL', email: 'ada@example.org' },
  subject: 'Agency nurse spending',
  requestText: '1. How much did the Trust spend on agency nurses in 2024/25?\n2. Which agencies were used?',
  questions: [
    {
      number: '1',
      text: 'How much did the Trust spend on agency nurses in 2024/25?',
      response: { outcome: 'provided', text: '£1,234,567.' },
    },
    { number: '2', text: 'Which agencies were used?' },
  ],
};

async function selected(page: Page): Promise<{ value: string; label: string | null }> {
  const list = page.getByTestId('letters').getByLabel('Letter template');
  return { value: await list.inputValue(), label: await list.locator('option:checked').textContent() };
}

describe('the suggested letter template', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    const file = path.join(h.dir, 'suggestion.foidesk');
    const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
    try {
      importInterchange(
        cf,
        [
          { path: 'walton.organisation.json', text: readFixture('walton.organisation.json') },
          { path: 'foi-6001.case.json', text: JSON.stringify(CASE) },
        ],
        'e2e',
      );
    } finally {
      cf.close();
    }
    await apiCall(h.bridge, 'session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
    await page.goto(h.bridge.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the hidden override in the requester’s name as a marker', async () => {
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    const row = page.locator('.queue__body [role="row"][data-reference="FOI 6001"]');
    expect(await row.getByTestId('bidi-marker').textContent()).toContain('⟨U+202E⟩');
    await row.click();
    await page.locator('[data-screen="case"][data-reference="FOI 6001"]').waitFor();
    const requester = page.locator('.summary-list dd', { has: page.getByTestId('bidi-marker') });
    expect(await requester.getByTestId('bidi-marker').locator('[aria-hidden="true"]').textContent()).toBe(
      '⟨U+202E⟩',
    );
    // The text after it reads in the order it was typed: the override is shown, not obeyed.
    expect(await requester.textContent()).toContain('ecalevoL');
    expect(await requester.evaluate((el) => el.textContent?.includes('\u202e'))).toBe(false);
  });

  it('suggests full disclosure, then the partial disclosure once an exemption is recorded', async () => {
    await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
    expect(await selected(page)).toEqual({ value: 'full-disclosure', label: 'Full disclosure (suggested)' });

    await page.getByRole('button', { name: 'Record the answer to question 2', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 2' });
    await form.getByLabel('Exempt (withheld)').check();
    await form.getByLabel('Exemption', { exact: true }).selectOption('foia-s43');
    await form.getByLabel('Subsection').selectOption('(2)');
    await form.getByLabel('Disclosure would be likely to prejudice').check();
    await form
      .getByLabel('Why it applies')
      .fill('Naming the agencies would prejudice the Trust’s tendering.');
    await form.getByLabel('Factors in favour of disclosure').fill('Transparency in the use of public money.');
    await form.getByLabel('Factors in favour of withholding').fill('A fair tender for the next framework.');
    await form.getByLabel('Conclusion').fill('The public interest favours withholding the names for now.');
    await form.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 2 was saved.').waitFor();

    // The same page, not reopened: the list now suggests the partial disclosure, and selects it.
    const list = page.getByTestId('letters').getByLabel('Letter template');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLSelectElement>('[data-testid="letters"] select')?.value ===
        'partial-disclosure',
    );
    const now = await selected(page);
    expect(now.value).toBe('partial-disclosure');
    expect(now.label).toMatch(/\(suggested\)$/);
    const full = await list.locator('option[value="full-disclosure"]').textContent();
    expect(full).toBe('Full disclosure');
  });

  it('leaves a template the officer picked alone when the answers change', async () => {
    const list = page.getByTestId('letters').getByLabel('Letter template');
    await list.selectOption('not-held');
    // Question 2 is provided after all: the suggestion goes back to full disclosure…
    await page.getByRole('button', { name: 'Change the answer to question 2', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 2' });
    await form.getByLabel('Information provided').check();
    await form.getByLabel('Answer text').fill('Agency A and Agency B.');
    await form.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 2 was saved.').waitFor();
    await list
      .locator('option[value="full-disclosure"]', { hasText: '(suggested)' })
      .waitFor({ state: 'attached' });
    // …but the template the officer chose stays chosen.
    expect((await selected(page)).value).toBe('not-held');
  });
});
