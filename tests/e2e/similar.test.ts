/**
 * Similar requests in the real renderer in Chromium, over the browser bridge: a round robin
 * answered last month shows on the new copy's case page with what matched and the aggregation
 * flag, and its answers copy into this case's questions, asking before one replaces an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '../../shared/contract';
import { apiCall, openSeededFile, screenshot, startHarness, type Harness } from './support';

const TEXT = `1. Does the trust still run any computers on Windows 7 or Windows Server 2008?
2. Has the trust suffered a ransomware attack since 2020, and was a ransom paid?
3. Which SIEM product does the trust use to monitor its network?`;
const QUESTIONS = [
  { number: '1', text: 'Does the trust still run any computers on Windows 7 or Windows Server 2008?' },
  { number: '2', text: 'Has the trust suffered a ransomware attack since 2020, and was a ransom paid?' },
  { number: '3', text: 'Which SIEM product does the trust use to monitor its network?' },
];

let h: Harness;
let page: Page;
let copyId = 0;

function draft(reference: string, received: string, answered: boolean) {
  return {
    reference,
    regime: 'FOIA',
    received,
    requester: { name: 'Helen Mirza', email: 'helen@campaign.example' },
    subject: 'Cyber security: legacy Windows, ransomware and SIEM',
    requestText: TEXT,
    questions: answered
      ? [
          {
            ...QUESTIONS[0],
            response: { outcome: 'provided', text: 'No. The last Windows 7 device was retired in 2023.' },
          },
          {
            ...QUESTIONS[1],
            response: { outcome: 'provided', text: 'No ransomware attack has succeeded since 2020.' },
          },
          QUESTIONS[2],
        ]
      : QUESTIONS,
  };
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'similar.foidesk');
  const first = await apiCall<CaseDetail>(h.bridge, 'cases:create', {
    draft: draft('FOI 5001', '2026-10-05', true),
  });
  await apiCall(h.bridge, 'cases:update', {
    id: first.id,
    patch: { status: 'closed', outcome: 'granted', responded: '2026-10-20' },
  });
  copyId = (
    await apiCall<CaseDetail>(h.bridge, 'cases:create', { draft: draft('FOI 5002', '2026-11-23', false) })
  ).id;
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('similar requests on the case page', () => {
  it('shows the round robin answered before, with the flag, and copies its answers per question', async () => {
    await page.locator('.queue__body [role="row"][data-reference="FOI 5002"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 5002"]').waitFor();
    const panel = page.locator('[data-panel="similar"]');
    const item = panel.locator('[data-similar="FOI 5001"]');
    await item.waitFor();
    await expect(item.locator('.similar__score').textContent()).resolves.toMatch(/^(9\d|100)% alike$/);
    await expect(item.locator('.similar__matched').textContent()).resolves.toMatch(/ransomware/);
    await item.locator('[data-flag="aggregation"]').waitFor();
    // The requester's other case is not in the list twice, and this case is not in it at all.
    expect(await panel.locator('[data-similar="FOI 5002"]').count()).toBe(0);

    await item.getByRole('button', { name: 'FOI 5001' }).click();
    const answer1 = item.locator('[data-answer="1"]');
    await answer1.waitFor();
    // Unanswered questions of the other case offer nothing to copy.
    expect(await item.locator('[data-answer="3"]').count()).toBe(0);
    await expect(answer1.getByLabel('Copy to question').inputValue()).resolves.not.toBe('');
    await answer1.getByRole('button', { name: 'Copy answer' }).click();
    await page.getByText('Copied the answer to question 1 of FOI 5001 into question 1.').waitFor();
    await screenshot(page, 'similar-requests');

    let copy = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: copyId });
    expect(copy.record.questions[0]!.response).toEqual({
      outcome: 'provided',
      text: 'No. The last Windows 7 device was retired in 2023.',
    });

    // Question 2's answer copied into question 1, which now has one: asked first; kept when told.
    const answer2 = item.locator('[data-answer="2"]');
    await answer2.getByLabel('Copy to question').selectOption({ label: '1 (answered)' });
    await answer2.getByRole('button', { name: 'Copy answer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the answer to question 1?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep the answer' }).click();
    await dialog.waitFor({ state: 'detached' });
    copy = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: copyId });
    expect(copy.record.questions[0]!.response?.text).toBe(
      'No. The last Windows 7 device was retired in 2023.',
    );

    await answer2.getByRole('button', { name: 'Copy answer' }).click();
    await dialog.getByRole('button', { name: 'Replace the answer' }).click();
    await page.getByText('Copied the answer to question 2 of FOI 5001 into question 1.').waitFor();
    copy = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: copyId });
    expect(copy.record.questions[0]!.response?.text).toBe('No ransomware attack has succeeded since 2020.');
  });
});
