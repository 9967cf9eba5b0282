/**
 * A request email as an officer logs it in Chromium through the bridge: the .eml chosen in the
 * page's file input (uploaded to the bridge with the session's token), the new-case form prefilled
 * for review, logged, its attachments listed on the case with size and type, one downloaded, one
 * removed after asking; and a WhatDoTheyKnow email shows that the reply will be published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fixture } from '../helpers';
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

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'intake.foidesk');
});
afterAll(async () => {
  await h?.close();
});

async function toQueue(): Promise<void> {
  // A load of its own: the address differs from the page's only in its fragment otherwise.
  await page.goto('about:blank');
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
}

describe('logging a request from an email file', () => {
  it('uploads an .eml, reviews the prefilled form, logs it, lists and downloads its attachment', async () => {
    await toQueue();
    await page.getByTestId('email-file-input').setInputFiles(fixture('email/with-attachments.eml'));
    const review = page.getByTestId('email-review');
    await review.waitFor();
    await page.getByRole('heading', { name: 'Log a request from an email' }).waitFor();
    // Prefilled from the email, for the officer to check before anything is written.
    expect(await page.getByLabel('Subject').inputValue()).toBe('car parking income');
    expect(await page.getByLabel('Name').inputValue()).toBe('Priya Shah');
    expect(await page.getByLabel('Email (optional)').inputValue()).toBe('p.shah@localpaper.example.co.uk');
    expect(await page.getByLabel('Date received').inputValue()).toMatch(/^(2026-07-14|14\/07\/2026)$/);
    expect(await page.getByLabel('Request text').inputValue()).toContain('parking fines');
    await page
      .getByTestId('proposal-count')
      .getByText(/2 questions/)
      .waitFor();
    await review.getByText('Earlier letter.pdf').waitFor();
    expect(await review.getByRole('checkbox', { name: /Earlier letter\.pdf/ }).isChecked()).toBe(true);
    expect(await review.getByRole('checkbox', { name: /tariffs\.csv/ }).isChecked()).toBe(true);
    // Keep the PDF only.
    await review.getByRole('checkbox', { name: /tariffs\.csv/ }).uncheck();
    expect(
      await apiCall<{ total: number }>(h.bridge, 'cases:list', { view: 'all', offset: 0, limit: 5 }),
    ).toMatchObject({
      total: 1,
    });
    await screenshot(page, 'email-intake-review');
    expect(JSON.stringify(await seriousAxeFindings(page))).toBe('[]');

    await page.getByRole('button', { name: 'Log the request' }).click();
    const files = page.locator('[data-testid="attachments-panel"][data-ready="true"]');
    await files.waitFor();
    const rows = files.getByTestId('attachment-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toMatch(
      /with-attachments\.eml\s+The request email\s+message\/rfc822\s+1\.\d KB/,
    );
    expect(await rows.nth(1).innerText()).toMatch(
      /Earlier letter\.pdf\s+Sent with the request\s+application\/pdf\s+\d+ bytes/,
    );
    await files.getByText(/Each file can be up to 25\.0 MB, and one case can hold up to 100\.0 MB/).waitFor();

    const downloading = page.waitForEvent('download');
    await rows.nth(1).getByRole('button', { name: 'Download Earlier letter.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Earlier letter.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).toString('latin1')).toContain('PDFMARKER-car-park-letter-5e1b');
    await screenshot(page, 'email-intake-case-files');
    expect(JSON.stringify(await seriousAxeFindings(page))).toBe('[]');

    // Add a disclosed document through the page's picker, then remove it after the question.
    await files.getByLabel('Add as').selectOption('disclosure');
    await files.getByTestId('attachment-file-input').setInputFiles({
      name: 'Disclosure 2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('site,income\r\nMain,12345\r\n'),
    });
    await files.getByText('Disclosure 2025.csv is kept with the case.').waitFor();
    await rows.nth(2).getByText('Disclosed document').waitFor();
    await rows.nth(2).getByRole('button', { name: 'Remove Disclosure 2025.csv' }).click();
    await page
      .getByRole('dialog', { name: 'Remove this file?' })
      .getByRole('button', { name: 'Remove the file' })
      .click();
    await files.getByText('Disclosure 2025.csv was removed from the case.').waitFor();
    expect(await rows.count()).toBe(2);
    expect(h.pageErrors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
  });

  it('flags an email already logged, and notes that a WhatDoTheyKnow reply will be published', async () => {
    await toQueue();
    await page.getByTestId('email-file-input').setInputFiles(fixture('email/with-attachments.eml'));
    const review = page.getByTestId('email-review');
    await review.getByText(/This email looks already logged: FOI \S+ \(the same message\)/).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();

    await page.getByTestId('email-file-input').setInputFiles(fixture('email/whatdotheyknow.eml'));
    await review.getByText(/will be published on whatdotheyknow\.com/).waitFor();
    expect(await page.getByLabel('Request text').inputValue()).not.toMatch(
      /Disclaimer|Please use this email address/,
    );
    await page.getByRole('button', { name: 'Log the request' }).click();
    const files = page.locator('[data-testid="attachments-panel"][data-ready="true"]');
    await files.getByText(/will be published on whatdotheyknow\.com/).waitFor();
    await screenshot(page, 'email-intake-whatdotheyknow-case');
  });
});
