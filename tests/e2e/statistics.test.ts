/**
 * The Statistics screen in Chromium over the browser bridge: open it, change the period, read the
 * figures and the ICO band, and click a figure through to the cases behind it in the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSPHRASE } from '../helpers';
import { formatUkDate, todayIso } from '../../shared/dates';
import { shiftPeriod, periodContaining } from '../../shared/stats';
import { apiCall, screenshot, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;

const today = todayIso();
const thisMonth = periodContaining('month', today);
/** Two months back: far enough that a case received on its first day is past due today. */
const earlier = shiftPeriod('month', shiftPeriod('month', thisMonth, -1), -1);
const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.close();
});

async function seed(): Promise<void> {
  const make = (reference: string, received: string, department?: string) =>
    apiCall<{ id: number }>(h.bridge, 'cases:create', {
      draft: {
        reference,
        regime: 'FOIA',
        received,
        requester: { name: 'A. Journalist' },
        subject: `Request ${reference}`,
        requestText: '1. Please send the figures.',
        questions: [{ number: '1', text: 'Please send the figures.' }],
        ...(department ? { department } : {}),
      },
    });
  const late = await make('FOI 7001', earlier.from, 'Estates');
  await apiCall(h.bridge, 'cases:update', {
    id: late.id,
    patch: {
      status: 'closed',
      outcome: 'granted',
      responded: today,
      lateReason: 'Estates took two months.',
      lateDepartment: 'Estates',
    },
  });
  const inTime = await make('FOI 7002', earlier.from);
  await apiCall(h.bridge, 'cases:update', {
    id: inTime.id,
    patch: { status: 'closed', outcome: 'refused', responded: nextDay(earlier.from) },
  });
  await make('FOI 7003', today);
}

/** A figure's button in the FOI and EIR panel, by its label. */
const figure = (label: string) =>
  page.getByRole('region', { name: 'FOI and EIR requests' }).locator(`button[data-figure="${label}"]`);

describe('the Statistics screen', () => {
  it('opens with the figures for the quarter', async () => {
    await page.goto(h.bridge.url);
    await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
    await page.getByLabel('Where to save the new case file').fill(path.join(h.dir, 'stats.foidesk'));
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    await page.getByLabel('I understand that a lost passphrase cannot be recovered').check();
    await page.getByRole('button', { name: 'Create the case file' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await seed();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Statistics' }).click();
    await page.locator('[data-screen="statistics"]').waitFor();
    await page
      .getByTestId('stats-status')
      .getByText(/Figures as at/)
      .waitFor();
    await page.getByText('How “in time” is counted').click();
    await page.getByText(/on or before its due date/).waitFor();
  });

  it('changes the period and shows its figures, band and charts', async () => {
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Month' }).click();
    await figure('Received').locator('.stats__value', { hasText: /^1$/ }).waitFor();
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('button', { name: 'Previous' }).click();
    const name = new Date(Date.parse(`${earlier.from}T12:00:00Z`)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    await page
      .getByTestId('period')
      .getByText(new RegExp(`^${name} `))
      .waitFor();
    await figure('Received').locator('.stats__value', { hasText: /^2$/ }).waitFor();
    await figure('Answered late').locator('.stats__value', { hasText: /^1$/ }).waitFor();
    await figure('Answered within the time limit').locator('.stats__value', { hasText: /^1$/ }).waitFor();
    await page
      .getByTestId('band')
      .getByText(/50\.0% in time — ICO band: Unsatisfactory/)
      .waitFor();
    await page.locator('canvas[data-chart="in-time"]').waitFor();
    expect(h.cspViolations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    await screenshot(page, 'statistics');
  });

  it('clicks a figure through to the cases behind it', async () => {
    await figure('Answered late').click();
    await page.locator('[data-screen="queue"]').waitFor();
    await page
      .getByTestId('stats-filter')
      .getByText(/Answered late, /)
      .waitFor();
    await page.getByText('Request FOI 7001').waitFor();
    expect(await page.getByText('Request FOI 7002').count()).toBe(0);
    expect(await page.getByText('Request FOI 7003').count()).toBe(0);
    await screenshot(page, 'statistics-cases');
    await page.getByRole('button', { name: 'Show all cases' }).click();
    await page.getByText('Request FOI 7003').waitFor();
  });

  it('records a complaint to the Commissioner on the case page and counts it', async () => {
    await page.locator('.queue__body [role="row"][data-reference="FOI 7002"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 7002"]').waitFor();
    const panel = page.locator('[data-panel="commissioner"]');
    await panel.getByText('No complaint to the ICO is recorded.').waitFor();
    await panel.getByRole('button', { name: 'Record a complaint' }).click();
    await panel.getByLabel('Date of the complaint to the ICO').fill(formatUkDate(today));
    await panel.getByLabel('Decision', { exact: true }).selectOption('not-upheld');
    await panel.getByLabel('Decision notice reference').fill('IC-123456-A1B2');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByTestId('commissioner-decision').getByText('Not upheld (our handling stood)').waitFor();
    await panel.getByText('IC-123456-A1B2').waitFor();
    await screenshot(page, 'commissioner-panel');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Statistics' }).click();
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Month' }).click();
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('button', { name: 'Previous' }).click();
    await figure('Received').locator('.stats__value', { hasText: /^2$/ }).waitFor();
    await figure('Complaints').locator('.stats__value', { hasText: /^1$/ }).waitFor();
    await figure('Not upheld (our handling stood)').locator('.stats__value', { hasText: /^1$/ }).waitFor();
    await figure('Complaints').click();
    await page.locator('[data-screen="queue"]').waitFor();
    await page
      .getByTestId('stats-filter')
      .getByText(/Complaints to the Commissioner, /)
      .waitFor();
    await page.getByText('Request FOI 7002').waitFor();
    expect(await page.getByText('Request FOI 7001').count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });
});
