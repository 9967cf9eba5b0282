/**
 * The officer's path through the real renderer in Chromium, over the browser bridge: create a case
 * file, log FOI 4951 from the Walton letter and get its questions proposed, record the s31(1)(a)
 * exemption with its public interest test, see the due date and its working, close the case as
 * refused, find it again by searching, lock and unlock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSPHRASE } from '../helpers';
import {
  apiCall,
  foi4951RequestText,
  holdChannel,
  isoDaysAgo,
  receivedWithWorkingDaysLeft,
  screenshot,
  startHarness,
  type Harness,
} from './support';

let h: Harness;
let page: Page;
let caseFile: string;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  caseFile = path.join(h.dir, 'FOI register.foidesk');
});
afterAll(async () => {
  await h?.close();
});

async function createCaseFile(): Promise<void> {
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
  await page.getByLabel('Where to save the new case file').fill(caseFile);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByText('Strength: ').waitFor();
  await page.getByLabel('I understand that a lost passphrase cannot be recovered').check();
  await page.getByRole('button', { name: 'Create the case file' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
}

/** Other open cases, so the queue shows every state: on track, due soon, overdue, clock stopped. */
async function seedOtherCases(): Promise<void> {
  const make = (reference: string, received: string, subject: string, name: string, officer?: string) =>
    apiCall<{ id: number }>(h.bridge, 'cases:create', {
      draft: {
        reference,
        regime: 'FOIA',
        received,
        requester: { name },
        subject,
        requestText: `1. Please send me information about ${subject.toLowerCase()}.`,
        questions: [{ number: '1', text: `Please send me information about ${subject.toLowerCase()}.` }],
        ...(officer ? { officer } : {}),
      },
    });
  await apiCall(h.bridge, 'settings:save-officer', {
    name: 'Sam Patel',
    title: 'Information Governance Officer',
    active: true,
  });
  await make(
    'FOI 5001',
    receivedWithWorkingDaysLeft(18),
    'Agency nurse spending 2024/25',
    'A. Journalist',
    'Sam Patel',
  );
  await make('FOI 5002', receivedWithWorkingDaysLeft(3), 'Car parking income', 'B. Campaigner', 'Sam Patel');
  await make('FOI 5003', receivedWithWorkingDaysLeft(-12), 'Number of MRI scanners', 'C. Researcher');
  const stopped = await make('FOI 5004', isoDaysAgo(3), 'Waiting list validation', 'D. Patient group');
  await apiCall(h.bridge, 'cases:add-event', {
    id: stopped.id,
    event: { type: 'clarification-requested', date: isoDaysAgo(1) },
  });
}

describe('casework in the browser', () => {
  it('creates a case file and shows the empty queue', async () => {
    await createCaseFile();
    await page.getByText('0 open cases').waitFor();
    expect(await page.title()).toBe('FOI Desk');
    // The token has left the address bar.
    expect(page.url()).not.toContain('token=');
  });

  it('logs FOI 4951 from the letter, proposing its questions, with the due date and its working', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Log a request' })
      .click();
    await page.locator('[data-screen="new-case"]').waitFor();
    await page.getByLabel('Request text').fill(foi4951RequestText());
    // Two questions with four parts: 1.1, 1.2, 2.1, 2.2 (the letter quotes 2.1 twice; the second becomes 2.2).
    await page.getByText('Proposed from the request: 2 questions with 4 parts.').waitFor();
    await page.getByText('Question 2.1 appears twice in the request; the second is numbered 2.2.').waitFor();
    const numbers = await page
      .locator('.qedit__number input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(numbers).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);

    await page.getByLabel('Reference').fill('FOI 4951');
    await page.getByLabel('Subject').fill('Cyber Essentials accreditation');
    await page.getByLabel('Date received').fill('11/11/2021');
    await page.getByLabel('Name', { exact: true }).fill('Requester (name withheld)');
    await page.getByLabel('Email (optional)').fill('requester@example.org');
    // The due date appears as soon as the date received is set: 20 working days from Friday 12 November,
    // skipping weekends and St Andrew's Day (a Scottish bank holiday counts for FOIA across the UK).
    await page.locator('[data-testid="due-date"]', { hasText: '10/12/2021' }).waitFor();
    await page.getByText('Show the working').click();
    await page
      .getByRole('cell', { name: /St Andrew/ })
      .first()
      .waitFor();
    await screenshot(page, 'new-case');

    await page.getByRole('button', { name: 'Log the request' }).click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'FOI 4951: Cyber Essentials accreditation' }).waitFor();
  });

  it('records the s31(1)(a) exemption with its public interest test', async () => {
    await page.getByRole('button', { name: 'Record the answer to question 1', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 1' });
    await form.getByLabel('Exempt (withheld)').check();
    await form.getByLabel('Exemption', { exact: true }).selectOption('foia-s31');
    await form.getByLabel('Subsection').selectOption('(1)(a)');
    await form.getByText('Qualified: needs a public interest test').waitFor();
    await form.getByLabel('Disclosure would be likely to prejudice').check();
    await form
      .getByLabel('Statement about whether the information is held (optional)')
      .fill(
        'I confirm that the Trust holds the information you have requested. However, I am unable to provide it as the following exemption applies.',
      );
    await form
      .getByLabel('Why it applies')
      .fill(
        'If the data were combined with other information in the public domain, there would likely be an increased risk of a cyber-security attack upon the Trust.',
      );
    await form
      .getByLabel('Factors in favour of disclosure')
      .fill('Disclosure supports the general public interest in transparency and accountability.');
    await form
      .getByLabel('Factors in favour of withholding')
      .fill(
        'A breach of Trust security would threaten confidential patient data.\nTemporary or long term lack of availability of IT systems',
      );
    await form
      .getByLabel('Conclusion')
      .fill(
        'There is a strong public interest in protecting the confidentiality of patient data, so the Trust withholds the information.',
      );
    await form.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 1 was saved.').waitFor();
    await page.locator('.response__provision', { hasText: 'FOIA s31(1)(a)' }).waitFor();
    await page.getByText('The prevention or detection of crime').first().waitFor();

    await page.getByRole('button', { name: 'Record the answer to question 2', exact: true }).click();
    const form2 = page.getByRole('form', { name: 'Answer to question 2' });
    await form2.getByLabel('See another answer').check();
    await form2.getByLabel('See the answer to question').selectOption('1');
    await form2.getByLabel(/Answer text/).fill('As above.');
    await form2.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 2 was saved.').waitFor();
    await page.getByText('See the answer to question 1.').waitFor();
  });

  it('shows the due date and its working on the case', async () => {
    const deadline = page.locator('.panel--deadline');
    await deadline.locator('[data-testid="due-date"]', { hasText: '10/12/2021' }).waitFor();
    await deadline.getByText('Friday 10 December 2021').first().waitFor();
    await deadline.getByText(/Show the working \(20 days counted/).click();
    await deadline
      .getByRole('cell', { name: /St Andrew/ })
      .first()
      .waitFor();
    await screenshot(page, 'case');
  });

  it('shows a status chosen while main saves it, saves one chosen meanwhile after it, and back', async () => {
    const status = page.getByLabel('Status', { exact: true });
    const updates = await holdChannel(page, 'cases:update');
    try {
      await status.selectOption('clarification');
      // Main has not answered: the select shows the choice rather than springing back to Open.
      expect(await status.inputValue()).toBe('clarification');
      // A second choice while the first is saved is kept, not dropped.
      await status.selectOption('on-hold');
      expect(await status.inputValue()).toBe('on-hold');
    } finally {
      await updates.release();
    }
    await page.getByText('Status changed to On hold.').waitFor();
    expect(await status.inputValue()).toBe('on-hold');
    const onHold = await apiCall<{ rows: { reference: string }[] }>(h.bridge, 'cases:list', {
      view: 'open',
      status: 'on-hold',
      offset: 0,
      limit: 10,
    });
    expect(onHold.rows.map((r) => r.reference)).toEqual(['FOI 4951']);
    await status.selectOption('open');
    await page.getByText('Status changed to Open.').waitFor();
  });

  it('closes the case as refused, with the change on the timeline', async () => {
    await page.getByRole('button', { name: 'Close the case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close the case' });
    await dialog.getByLabel('Outcome').selectOption('refused');
    await dialog.getByLabel('Date the response was sent').fill('11/11/2021');
    await dialog.getByRole('button', { name: 'Close the case' }).click();
    await page.getByText('The case was closed: Refused.').waitFor();
    await page.getByText('Answered within the time limit.').waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Request logged as FOI 4951').waitFor();
    await timeline.getByText('Answer to question 1 recorded: Exempt (withheld) (FOIA s31(1)(a))').waitFor();
    await timeline.getByText('Case closed (was Open)').waitFor();
    await timeline.getByText('Changed the outcome from nothing to Refused').waitFor();
    await screenshot(page, 'case-closed');
  });

  it('finds it again by searching "Cyber Essentials"', async () => {
    await seedOtherCases();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case queue' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"][data-total="4"]').waitFor();
    // Overdue, due soon, on track and stopped: each in colour and in words.
    for (const word of ['Overdue', 'Due soon', 'On track', 'Clock stopped']) {
      await page.locator('.queue__body .badge', { hasText: word }).first().waitFor();
    }
    await screenshot(page, 'queue');

    await page.getByRole('searchbox', { name: 'Search' }).fill('Cyber Essentials');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No cases match.').waitFor();
    await page.getByRole('button', { name: 'Search all cases, open and closed' }).click();
    const row = page.locator('.queue__body [role="row"][data-reference="FOI 4951"]');
    await row.waitFor();
    await row.getByText('Answered on time').waitFor();
    await row.getByText('Refused').waitFor();
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"][data-total="1"]').waitFor();
    await screenshot(page, 'queue-search');
    await row.click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
  });

  it('offers the next free reference, FOI 5005 after FOI 5004', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Log a request' })
      .click();
    await page.locator('[data-screen="new-case"]').waitFor();
    await page.waitForFunction(
      () => (document.querySelector<HTMLInputElement>('input[id$="-reference"]')?.value ?? '') !== '',
    );
    expect(await page.getByLabel('Reference').inputValue()).toBe('FOI 5005');
  });

  it('proposes the next reference of the regime chosen, keeping one the officer typed', async () => {
    await apiCall(h.bridge, 'settings:save', { settings: { referenceFormats: { EIR: 'EIR {n}' } } });
    const reference = page.getByLabel('Reference');
    await page.getByLabel('Regime').selectOption('EIR');
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[id$="-reference"]')?.value === 'EIR 1',
    );
    await page.getByLabel('Regime').selectOption('FOIA');
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[id$="-reference"]')?.value === 'FOI 5005',
    );
    await page.locator('[data-screen="new-case"][data-reference-proposed-for="FOIA"]').waitFor();
    await reference.fill('LEGACY 12');
    await page.getByLabel('Regime').selectOption('EIR');
    // The proposal for EIR arrives and is not taken over the reference the officer typed.
    await page.locator('[data-screen="new-case"][data-reference-proposed-for="EIR"]').waitFor();
    expect(await reference.inputValue()).toBe('LEGACY 12');
  });

  it('shows the reference format of each regime in Settings and saves a new one', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.locator('[data-screen="settings"]').waitFor();
    expect(await page.getByLabel('EIR references').inputValue()).toBe('EIR {n}');
    await page.getByLabel('Subject access references').fill('SAR {n}');
    await page.getByRole('button', { name: 'Save the casework settings' }).click();
    await page.getByText('The casework settings were saved.').waitFor();
    const bundle = await apiCall<{ settings: { referenceFormats: unknown } }>(h.bridge, 'settings:get', {});
    expect(bundle.settings.referenceFormats).toEqual({ EIR: 'EIR {n}', SAR: 'SAR {n}' });
  });

  it('locks with Ctrl+L, leaving no case data on the page, and unlocks', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case queue' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    // Main is slow to close the file (the automatic backup runs first): the unlock screen shows at
    // once, and what the officer types there is kept when main's answer comes.
    const closing = await holdChannel(page, 'session:lock');
    await page.keyboard.press('Control+l');
    await page.locator('[data-screen="unlock"]').waitFor();
    await page.getByText('The case file is locked. Enter the passphrase to open it again.').waitFor();
    await page.getByLabel('Passphrase').fill('typed while main locks');
    const status = page.waitForResponse((r) => r.url().endsWith('/api/session:status'));
    await closing.release();
    await status;
    expect(h.bridge.desk.isOpen).toBe(false);
    expect(await page.getByLabel('Passphrase').inputValue()).toBe('typed while main locks');
    await page.getByLabel('Passphrase').fill('');
    const html = await page.content();
    expect(html).not.toContain('Cyber Essentials');
    expect(html).not.toContain('FOI 4951');
    expect(h.bridge.desk.isOpen).toBe(false);
    // No case data in the page's storage; only the bridge token is kept for the tab.
    const stored = await page.evaluate(() => ({
      local: { ...localStorage },
      session: { ...sessionStorage },
    }));
    expect(Object.keys(stored.local)).toEqual([]);
    expect(Object.keys(stored.session)).toEqual(['foi-desk.token']);

    // The recent file is chosen already; a wrong passphrase is said plainly.
    await page.getByRole('radio', { name: /FOI register\.foidesk/ }).isChecked();
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor();
    await screenshot(page, 'unlock-wrong-passphrase');
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="queue"] [data-ready="true"][data-total="4"]').waitFor();
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.locator('.queue__body [role="row"][data-reference="FOI 4951"]').waitFor();
  });

  it('locks itself after the idle time (10 minutes by default), dropping the key and the data', async () => {
    // The page's timers run on a fake clock: ten minutes pass without a real wait.
    await page.clock.install();
    await page.reload();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    // Main counts the idle time and tells the page at its next heartbeat that the lock is due.
    h.advanceClock(10 * 60_000 + 5_000);
    await page.clock.fastForward('01:00');
    await page.getByText('Locked after a period without activity.', { exact: false }).waitFor();
    expect(h.bridge.desk.isOpen).toBe(false);
    expect(await page.content()).not.toContain('Cyber Essentials');
  });

  it('shows the unlock screen when the file was locked behind the page’s back', async () => {
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await h.bridge.desk.enqueue(() => h.bridge.desk.lockNow());
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.getByText('The case file was locked. Enter the passphrase to open it again.').waitFor();
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', () => {
    expect(h.cspViolations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
