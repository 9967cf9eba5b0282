/**
 * The disclosure log in the real renderer in Chromium, over the browser bridge: choose a closed
 * case on its page, decide each personal-data finding on the log's screen (the export waits until
 * all are decided), and download the web page, which has nothing of the requester in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '../../shared/contract';
import { formatUkDate } from '../../shared/dates';
import { apiCall, isoDaysAgo, openSeededFile, screenshot, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'disclosure.foidesk');
  const received = isoDaysAgo(12);
  const c = await apiCall<CaseDetail>(h.bridge, 'cases:create', {
    draft: {
      reference: 'FOI 8001',
      regime: 'FOIA',
      received,
      requester: { name: 'Priya Raman', email: 'priya.raman@example.org' },
      subject: 'Parking permits for staff',
      requestText:
        'Priya Raman here. How many staff parking permits were issued in 2025? My manager, on 07700 900456, asked too.',
      questions: [
        {
          number: '1',
          text: 'How many staff parking permits were issued in 2025?',
          response: { outcome: 'provided', text: '2,140 permits. Estates: Lower Lane, L9 7LJ.' },
        },
      ],
    },
  });
  await apiCall(h.bridge, 'cases:update', {
    id: c.id,
    patch: { status: 'closed', outcome: 'granted', responded: isoDaysAgo(1) },
  });
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('the disclosure log', () => {
  it('is chosen on the case, decided finding by finding, and exported without the requester', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page
      .getByRole('group', { name: 'Which cases' })
      .getByRole('button', { name: /^Closed/ })
      .click();
    await page.locator('.queue__body [role="row"][data-reference="FOI 8001"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 8001"]').waitFor();
    const publish = page.getByLabel('Publish this request and its response in the disclosure log');
    await publish.check();
    // Saved before the log is read: over HTTP the log's read could reach main before the save.
    await publish.and(page.locator('input:checked:not([aria-busy])')).waitFor();

    await nav.getByRole('button', { name: 'Disclosure log' }).click();
    // A period that holds the response whatever day the test runs (the default is this quarter).
    await page.getByLabel('From', { exact: true }).fill(formatUkDate(isoDaysAgo(40)));
    const entry = page.locator('[data-entry="FOI 8001"]');
    await entry.waitFor();
    await entry.locator('[data-finding="requester"]').first().getByText('Always left out').waitFor();
    await page.getByText('2 findings still to decide.').waitFor();
    expect(await page.getByRole('button', { name: 'Export as a web page' }).isDisabled()).toBe(true);

    await entry
      .getByRole('group', { name: 'Telephone number 07700 900456' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await entry.locator('[data-finding="phone"][data-decision="remove"]').waitFor();
    await entry.getByRole('group', { name: 'Postcode L9 7LJ' }).getByRole('button', { name: 'Keep' }).click();
    await entry.locator('[data-finding="postcode"][data-decision="keep"]').waitFor();
    await screenshot(page, 'disclosure-log');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as a web page' }).click(),
    ]);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('FOI 8001: Parking permits for staff');
    expect(html).toContain('L9 7LJ');
    for (const gone of ['Priya', 'Raman', 'priya.raman', '07700 900456']) expect(html).not.toContain(gone);
  });
});
