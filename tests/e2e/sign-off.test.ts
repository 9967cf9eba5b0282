/**
 * Sign-off in the real renderer in Chromium, over the browser bridge: the team requires approval
 * for FOI responses (Settings → Sign-off), "Mark as sent" is refused with the rule's reason, the
 * officer asks a colleague, the colleague (unlocked as themselves) approves, and the letter goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '../../shared/contract';
import { PASSPHRASE } from '../helpers';
import {
  apiCall,
  holdChannel,
  isoDaysAgo,
  openSeededFile,
  screenshot,
  seriousAxeFindings,
  startHarness,
  type Harness,
} from './support';

const ALEX = 'Alex Officer';
const BEA = 'Bea Approver';

let h: Harness;
let page: Page;
let file: string;

/** Locks (Ctrl+L) and unlocks as another officer, naming them as the unlock screen asks. */
async function unlockAs(officer: string): Promise<void> {
  await page.keyboard.press('Control+L');
  await page.locator('[data-screen="unlock"]').waitFor();
  await page.getByLabel('Your name (for the case history)').fill(officer);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
}

async function openCase(): Promise<void> {
  await page.locator('.queue__body [role="row"][data-reference="FOI 8101"]').click();
  await page.locator('[data-screen="case"][data-reference="FOI 8101"]').waitFor();
  await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  file = await openSeededFile(h, 'sign-off.foidesk');
  for (const name of [ALEX, BEA])
    await apiCall(h.bridge, 'settings:save-officer', { name, title: 'IG Officer', active: true });
  await apiCall<CaseDetail>(h.bridge, 'cases:create', {
    draft: {
      reference: 'FOI 8101',
      regime: 'FOIA',
      received: isoDaysAgo(10),
      requester: { name: 'Jo Requester', email: 'jo@example.org' },
      subject: 'Agency nurse spend',
      requestText: 'How much did the trust spend on agency nurses in 2025?',
      questions: [
        {
          number: '1',
          text: 'How much did the trust spend on agency nurses in 2025?',
          response: { outcome: 'provided', text: '£1.2 million in the financial year 2024/25.' },
        },
      ],
    },
  });
  await apiCall(h.bridge, 'session:open', { path: file, passphrase: Buffer.from(PASSPHRASE), officer: ALEX });
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('sign-off', () => {
  it('is required in Settings, refuses the send, and is asked of another officer', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    const settings = page.locator('[data-panel="sign-off-settings"]');
    // Each tick shows while main saves it, and a second tick made meanwhile builds on the first.
    const policySaves = await holdChannel(page, 'sign-off:save-policy');
    await settings.getByLabel('FOI (FOIA)').click();
    await settings.getByLabel('Any case flagged as sensitive').click();
    expect(await settings.getByLabel('FOI (FOIA)').isChecked()).toBe(true);
    await policySaves.release();
    await settings.getByText('Sign-off saved.').waitFor();
    await expect
      .poll(() => apiCall(h.bridge, 'sign-off:policy', {}))
      .toMatchObject({ regimes: ['FOIA'], sensitive: true });
    expect(await seriousAxeFindings(page)).toEqual([]);
    await nav.getByRole('button', { name: 'Case queue' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await openCase();

    const panel = page.locator('[data-panel="sign-off"]');
    await panel.getByText(/Needs approval before it is sent: the team approves every FOI response/).waitFor();
    const letters = page.getByTestId('letters');
    await letters.getByRole('button', { name: 'Generate the letter' }).click();
    await panel.getByText('Not yet sent for approval.').waitFor();

    await letters.getByRole('button', { name: 'Mark as sent' }).click();
    await page
      .getByRole('dialog', { name: 'Mark the letter as sent?' })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await letters.getByText(/Ask an approver to approve this version first/).waitFor();

    // Only the others are offered: no one approves their own response.
    const approver = panel.getByLabel('Approver');
    expect(await approver.locator('option').allTextContents()).toEqual([BEA]);
    await panel.getByLabel('Note for the approver (optional)').fill('Spend figure checked with Finance.');
    await panel.getByRole('button', { name: 'Ask for approval' }).click();
    await panel.getByText(`Waiting for ${BEA} to approve (asked by ${ALEX}).`).waitFor();
    // The tick shows while main is saving it, and a refused save puts the box back.
    const sensitive = panel.getByLabel('Sensitive case');
    const flagSaves = await holdChannel(page, 'sign-off:set-sensitive', { refuseFirst: true });
    await sensitive.click();
    await panel.getByText('Refused for the test.').waitFor();
    expect(await sensitive.isChecked()).toBe(false);
    await sensitive.click();
    expect(await sensitive.isChecked()).toBe(true);
    expect(await sensitive.getAttribute('aria-busy')).toBe('true');
    await flagSaves.release();
    await panel.locator('.alert--success', { hasText: 'The case is flagged as sensitive.' }).waitFor();
    expect(await sensitive.isChecked()).toBe(true);
    expect(await sensitive.getAttribute('aria-busy')).toBeNull();
  });

  it('is approved by the approver, and then the letter is sent', async () => {
    await unlockAs(BEA);
    const row = page.locator('.queue__body [role="row"][data-reference="FOI 8101"]');
    await row.locator('.tag--sensitive', { hasText: 'Sensitive' }).waitFor();
    await screenshot(page, 'sign-off-queue');
    await openCase();
    const panel = page.locator('[data-panel="sign-off"]');
    await panel.getByRole('button', { name: 'Approve version 1' }).click();
    await panel.getByText(`Approved by ${BEA}.`).waitFor();
    await screenshot(page, 'sign-off-approved');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await unlockAs(ALEX);
    await openCase();
    await panel.getByText(`Approved by ${BEA}.`).waitFor();
    const letters = page.getByTestId('letters');
    await letters.getByRole('button', { name: 'Mark as sent' }).click();
    await page
      .getByRole('dialog', { name: 'Mark the letter as sent?' })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await letters.getByText(/Version 1 was marked as sent/).waitFor();
    await panel.getByText('Marked as sent; locked.').waitFor();
    const timeline = await page.locator('[data-screen="case"]').textContent();
    expect(timeline).toContain(`Approval asked of ${BEA}`);
    expect(timeline).toContain('Letter approved');
    await screenshot(page, 'sign-off-sent');
    expect(h.pageErrors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
  });
});
