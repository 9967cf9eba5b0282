/**
 * The queue in Chromium: a search ranks the best matches first (and says so), a sort picked while
 * searching is kept, clearing the search goes back to the due-date order; and when the background
 * check finds a damaged page the officer sees it, with what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiCall, openSeededFile, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;
let file: string;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  file = await openSeededFile(h, 'search.foidesk');
  const make = (reference: string, subject: string, requestText: string) =>
    apiCall(h.bridge, 'cases:create', {
      draft: {
        reference,
        regime: 'FOIA',
        received: '2026-11-02',
        requester: { name: `Requester of ${reference}` },
        subject,
        requestText,
        questions: [{ number: '1', text: requestText }],
      },
    });
  // "turbine" in the reference-weighted subject ranks above "turbine" once in the request text.
  await make('FOI 9001', 'Parking charges', 'Please send the wind turbine maintenance contract.');
  await make(
    'FOI 9002',
    'Wind turbine turbine costs',
    'Please send the turbine costs and turbine contracts.',
  );
  await make('FOI 9003', 'Agency staff', 'Please send agency staff spending.');
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

const summary = () => page.getByTestId('queue-summary');
const firstReference = () => page.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first();

describe('searching the queue', () => {
  it('ranks the best match first, keeps a sort picked while searching, and clearing goes back to due order', async () => {
    await page.getByRole('button', { name: 'All' }).click();
    await page.getByLabel('Search', { exact: true }).fill('turbine');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => summary().textContent())
      .toMatch(/^2 cases matching, sorted by best match first\./);
    await expect.poll(() => firstReference().textContent()).toContain('FOI 9002');
    expect(await page.getByRole('button', { name: 'Best match first' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.getByRole('button', { name: 'Reference' }).click();
    await expect.poll(() => summary().textContent()).toMatch(/sorted by reference, A to Z\./);
    await expect.poll(() => firstReference().textContent()).toContain('FOI 9001');
    await page.getByLabel('Search', { exact: true }).fill('turbines');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => summary().textContent())
      .toMatch(/^0 cases matching, sorted by reference, A to Z\./);

    await page.getByLabel('Search', { exact: true }).fill('');
    await page.keyboard.press('Enter');
    await expect.poll(() => summary().textContent()).toMatch(/sorted by reference, A to Z\./);
    await page.getByRole('button', { name: 'Best match first' }).waitFor({ state: 'detached' });
  });

  it('shows the background check finding a damaged page, and what to do', async () => {
    expect(await page.getByTestId('integrity-banner').getAttribute('data-state')).not.toBe('damaged');
    // A byte of page 1 on disk, which the app holds in its page cache (exclusive lock): the app
    // keeps working, and the check, which reads the file's bytes, finds the page damaged.
    const fd = openSync(file, 'r+');
    try {
      const one = Buffer.alloc(1);
      readSync(fd, one, 0, 1, 200);
      one[0] = one[0]! ^ 0xff;
      writeSync(fd, one, 0, 1, 200);
    } finally {
      closeSync(fd);
    }
    const status = await apiCall<{ state: string; damagedPages: number[] }>(h.bridge, 'integrity:check', {});
    expect(status).toMatchObject({ state: 'damaged', damagedPages: [1] });
    await page.getByRole('button', { name: 'Open' }).click();
    const banner = page.locator('[data-testid="integrity-banner"][data-state="damaged"]');
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toMatch(/The case file is damaged\./);
    expect(text).toMatch(/1 page of the case file is damaged/);
    expect(text).toMatch(/choose “Restore from a backup”/);
    expect(await banner.getByRole('alert').count()).toBe(1);
  });
});
