/**
 * Contributor tasks in the real renderer in Chromium, over the browser bridge: a department added
 * in Settings, asked about one question from the case page, the request email and then a chaser
 * downloaded as .eml files (read back: the department's address, the case reference, nothing of
 * the requester), the case in the queue's "waiting on departments", the reply recorded and copied
 * into the question's answer. The app's clock is moved on to the day the chaser falls due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import type { CaseContributors, CaseDetail } from '../../shared/contract';
import {
  apiCall,
  openSeededFile,
  receivedWithWorkingDaysLeft,
  screenshot,
  seriousAxeFindings,
  startHarness,
  type Harness,
} from './support';

let h: Harness;
let page: Page;
let caseId = 0;
const IDENTITY = ['Priya', 'Raman', 'priya.raman', 'Acacia'];

const nav = () => page.getByRole('navigation', { name: 'Main' });

async function downloadEml(button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const raw = readFileSync(await download.path(), 'latin1');
  return { raw, mail: await PostalMime.parse(raw), name: download.suggestedFilename() };
}

async function openCase() {
  await nav().getByRole('button', { name: 'Case queue' }).click();
  await page.locator('.queue__body [role="row"][data-reference="FOI 9001"]').click();
  await page.locator('[data-screen="case"][data-reference="FOI 9001"]').waitFor();
  await page.locator('[data-panel="contributors"][data-ready="true"]').waitFor();
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'contributors.foidesk');
  // The clock is moved on by days below: the idle lock must not take the file away meanwhile.
  await apiCall(h.bridge, 'settings:save', { settings: { idleLockMinutes: 0 } });
  caseId = (
    await apiCall<CaseDetail>(h.bridge, 'cases:create', {
      draft: {
        reference: 'FOI 9001',
        regime: 'FOIA',
        received: receivedWithWorkingDaysLeft(18),
        requester: { name: 'Priya Raman', email: 'priya.raman@example.org', address: '3 Acacia Road\nLeeds' },
        subject: 'Agency staff spend',
        requestText: 'Please tell me about agency staff.',
        questions: [
          { number: '1', text: 'How many agency nurses worked in 2025?' },
          { number: '2', text: 'What did the trust spend on agency staff in 2025?' },
        ],
      },
    })
  ).id;
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('asking a department, chasing it and recording the reply', () => {
  it('adds Finance to the team list in Settings', async () => {
    await nav().getByRole('button', { name: 'Settings' }).click();
    const panel = page.locator('[data-panel="departments"]');
    await panel.waitFor();
    await panel.getByLabel('Department', { exact: true }).fill('Finance');
    await panel.getByLabel('Contact name', { exact: true }).fill('Siân Evans');
    await panel.getByLabel('Contact email', { exact: true }).fill('finance@trust.nhs.uk');
    await panel.getByLabel('Escalation contact name').fill('Director of Finance');
    await panel.getByLabel('Escalation contact email').fill('fd@trust.nhs.uk');
    await panel.getByRole('button', { name: 'Add the department' }).click();
    await panel.locator('[data-department="Finance"]').waitFor();
    await panel.getByText('Finance was added.').waitFor();
  });

  it('asks Finance about question 2 and downloads the request email, which names no requester', async () => {
    await openCase();
    const panel = page.locator('[data-panel="contributors"]');
    await panel.getByLabel('2. What did the trust spend on agency staff in 2025?').check();
    await panel.getByRole('button', { name: 'Ask the department' }).click();
    const task = panel.locator('[data-task="Finance"]');
    await task.locator('[data-testid="task-status"]', { hasText: 'Asked' }).waitFor();

    const { raw, mail, name } = await downloadEml('Download the request email');
    expect(name).toBe('FOI 9001 request Finance.eml');
    expect(mail.to).toEqual([{ name: '', address: 'finance@trust.nhs.uk' }]);
    expect(mail.subject).toMatch(/^FOI 9001: information needed by /);
    expect(mail.text).toContain('2. What did the trust spend on agency staff in 2025?');
    for (const piece of IDENTITY) {
      expect(raw).not.toContain(piece);
      expect(mail.text).not.toContain(piece);
    }
  });

  it('shows the case as waiting on a department in the queue', async () => {
    await nav().getByRole('button', { name: 'Case queue' }).click();
    const row = page.locator('.queue__body [role="row"][data-reference="FOI 9001"]');
    await row.locator('[data-testid="open-tasks"]', { hasText: '1 with a department' }).waitFor();
    await page.getByLabel(/^Waiting on departments/).check();
    await page.locator('.queue__grid[data-total="1"]').waitFor();
  });

  it('chases once the internal due date has passed, then records the reply and copies it into the answer', async () => {
    const { tasks } = await apiCall<CaseContributors>(h.bridge, 'contributors:list', { caseId });
    const due = tasks[0]!.next!.due;
    // Noon on the day the first chaser falls due.
    const [y, m, d] = due.split('-').map(Number) as [number, number, number];
    h.advanceClock(new Date(y, m - 1, d, 12).getTime() - Date.now());

    await openCase();
    const task = page.locator('[data-task="Finance"]');
    await task.locator('[data-testid="next-chase"]', { hasText: 'is due today' }).waitFor();
    const { mail } = await downloadEml('Download chaser 1');
    expect(mail.subject).toMatch(/^FOI 9001: reminder 1/);
    expect(mail.to).toEqual([{ name: '', address: 'finance@trust.nhs.uk' }]);
    await task.locator('[data-testid="task-status"]', { hasText: 'Chased' }).waitFor();
    await task.getByText('chased 1×').waitFor();

    await task.getByLabel('The department’s reply').fill('We spent £2.4 million on agency staff in 2025.');
    await task.getByRole('button', { name: 'Record the reply' }).click();
    await task.locator('[data-testid="task-status"]', { hasText: 'Answered' }).waitFor();
    await task.getByRole('button', { name: 'Copy the reply into question 2' }).click();
    await page.getByText('The reply from Finance is copied into question 2.').waitFor();
    await page.getByText('Reply from a department copied into the answer to question 2').waitFor();
    const detail = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: caseId });
    expect(detail.record.questions[1]!.response).toEqual({
      outcome: 'provided',
      text: 'We spent £2.4 million on agency staff in 2025.',
    });
    // Question 2 is answered now: copying again offers to add below or replace, never silently.
    await task.getByRole('button', { name: 'Replace answer 2…' }).waitFor();
    await page.locator('[data-panel="contributors"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'contributors');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await nav().getByRole('button', { name: 'Case queue' }).click();
    await page.getByLabel(/^Waiting on departments/).check();
    await page.locator('.queue__grid[data-total="0"]').waitFor();
  });
});
