/**
 * Retention in the real renderer in Chromium, over the browser bridge: the schedule in Settings,
 * the cases past their review date on the Retention screen, and an anonymisation confirmed twice
 * (the dialog, then the reference typed back; a wrong reference is refused), after which the case
 * still opens with its dates and outcome and without its requester.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '../../shared/contract';
import {
  apiCall,
  openSeededFile,
  screenshot,
  seriousAxeFindings,
  startHarness,
  type Harness,
} from './support';

let h: Harness;
let page: Page;
let oldId = 0;

async function logClosed(reference: string, received: string, responded: string, name: string) {
  const c = await apiCall<CaseDetail>(h.bridge, 'cases:create', {
    draft: {
      reference,
      regime: 'FOIA',
      received,
      requester: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` },
      subject: 'Agency nursing spend',
      requestText: `How much was spent on agency nurses? Regards, ${name}`,
      questions: [
        {
          number: '1',
          text: 'How much was spent on agency nurses?',
          response: { outcome: 'provided', text: '£1.2m.' },
        },
      ],
    },
  });
  await apiCall(h.bridge, 'cases:update', {
    id: c.id,
    patch: { status: 'closed', outcome: 'granted', responded },
  });
  return c.id;
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'retention.foidesk');
  oldId = await logClosed('FOI 9001', '2019-03-04', '2019-03-29', 'Tamsin Oakenfold');
  await logClosed('FOI 9002', '2025-03-03', '2025-03-28', 'Recent Requester');
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('retention', () => {
  it('shows the schedule in Settings, the Code’s figures by default', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    const panel = page.locator('[data-panel="retention"]');
    await panel.getByRole('heading', { name: 'Retention' }).waitFor();
    expect(await panel.getByLabel('FOI: years after closure').inputValue()).toBe('3');
    expect(await panel.getByLabel('FOI: years if appealed').inputValue()).toBe('6');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'retention-settings');
  });

  it('lists the cases past their review date and anonymises one after two confirmations', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Retention' }).click();
    await page.locator('[data-screen="retention"][data-ready="true"]').waitFor();
    const row = page.locator('[data-due="FOI 9001"]');
    await row.waitFor();
    await row.getByText('29/03/2022').waitFor();
    expect(await page.locator('[data-due="FOI 9002"]').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await row.getByRole('button', { name: 'Anonymise FOI 9001' }).click();
    const first = page.getByRole('dialog', { name: 'Anonymise FOI 9001?' });
    await first.getByText(/the requester \(name, email, address, organisation\)/).waitFor();
    await first.getByRole('button', { name: 'Continue' }).click();

    const second = page.getByRole('dialog', { name: 'Confirm: anonymise FOI 9001' });
    await second.getByLabel('Type the reference FOI 9001 to confirm').fill('FOI 900');
    await second.getByRole('button', { name: 'Anonymise for good' }).click();
    await second.locator('.field__error').getByText('Type the reference FOI 9001 to confirm.').waitFor();
    await screenshot(page, 'retention-confirm');
    const still = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: oldId });
    expect(still.record.requester.name).toBe('Tamsin Oakenfold');

    await second.getByLabel('Type the reference FOI 9001 to confirm').fill('FOI 9001');
    await second.getByRole('button', { name: 'Anonymise for good' }).click();
    await page.getByText('FOI 9001 anonymised.').waitFor();
    await page.locator('[data-due="FOI 9001"]').waitFor({ state: 'detached' });
    // FOI 4951 (the seeded file's, closed 11 November 2021) is still due.
    await page.locator('[data-due="FOI 4951"]').waitFor();
    await screenshot(page, 'retention-done');

    const after = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: oldId });
    expect(after.record.requester.name).toBe('Anonymised requester');
    expect(after.record.requestText).not.toContain('Oakenfold');
    expect(after.record.responded).toBe('2019-03-29');
    expect(after.record.outcome).toBe('granted');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'disposed', entity: 'case' });
    expect(JSON.stringify(after.timeline)).not.toMatch(/Oakenfold|tamsin@/i);
  });
});
