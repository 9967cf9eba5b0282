/**
 * The spreadsheet import in the real renderer in Chromium over the browser bridge: choose a log
 * made with exceljs, map the columns the headers did not name, check the rows (the preview and
 * each row's problems), import the valid ones, and find them in the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openSeededFile, screenshot, seriousAxeFindings, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;

async function logBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow([
    'FOI Ref',
    'Date Received',
    'Requestor',
    'Précis',
    'Type',
    'Date responded',
    'Outcome',
    'Handled by whom',
  ]);
  for (let i = 1; i <= 24; i++) {
    const month = String(((i - 1) % 12) + 1).padStart(2, '0');
    ws.addRow([
      `LOG-${String(i).padStart(3, '0')}`,
      i % 2 ? `0${(i % 9) + 1}/${month}/2019` : new Date(Date.UTC(2019, (i - 1) % 12, (i % 9) + 1)),
      `Requester ${i}`,
      `Parking permits ${i}`,
      i % 3 ? 'FOI' : 'EIR',
      i % 4
        ? `2${i % 8}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][(i - 1) % 12]}-19`
        : null,
      i % 4 ? 'Released in full' : null,
      'Pat Officer',
    ]);
  }
  ws.addRow(['LOG-BAD', '31/02/2019', 'Someone', 'Bad date', 'FOI', null, null, 'Pat Officer']);
  ws.addRow(['LOG-001', '01/03/2019', 'Someone', 'Twice', 'FOI', null, null, 'Pat Officer']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'import-log.foidesk');
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('importing a spreadsheet log in the app', () => {
  it('walks the mapping step, previews each row’s problems, imports the valid rows', async () => {
    await page.getByRole('button', { name: 'Import log' }).click();
    await page.locator('[data-screen="import"]').waitFor();
    await page.getByLabel('The log (.xlsx or .csv)').setInputFiles({
      name: 'request-log.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await logBytes(),
    });
    // The headers the log uses are recognised; the two it words its own way are not.
    await expect.poll(() => page.getByLabel('FOI Ref').inputValue()).toBe('reference');
    expect(await page.getByLabel('Date Received').inputValue()).toBe('received');
    expect(await page.getByLabel('Type').inputValue()).toBe('regime');
    expect(await page.getByLabel('Précis').inputValue()).toBe('');
    expect(await page.getByLabel('Handled by whom').inputValue()).toBe('');
    await page.getByLabel('Précis').selectOption({ label: 'Subject' });
    await page.getByLabel('Handled by whom').selectOption({ label: 'Officer' });

    await page.getByRole('button', { name: 'Check the rows' }).click();
    const title = page.getByRole('heading', { name: /rows: .* can be imported/ });
    await title.waitFor();
    expect(await title.textContent()).toBe('26 rows: 24 can be imported, 2 with problems');
    const skipped = page.getByRole('list', { name: 'Rows that would be skipped' });
    expect(await skipped.textContent()).toContain(
      'Row 26 (LOG-BAD): The date received "31/02/2019" cannot be read: February 2019 has no day 31.',
    );
    expect(await skipped.textContent()).toContain(
      'Row 27 (LOG-001): The reference "LOG-001" is also on row 2',
    );
    const preview = page.locator('.import-log__preview');
    expect(await preview.locator('tbody tr').first().textContent()).toContain('Parking permits 1');
    expect(await preview.locator('tbody tr').first().textContent()).toContain('2 January 2019');
    await screenshot(page, 'import-log-preview');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // All or nothing cannot go ahead with problem rows; the valid rows can.
    await page.getByLabel('Import nothing unless every row is valid').check();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel(/Import the 24 valid rows/).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported 24 cases; skipped 2 rows' }).waitFor();
    expect(await page.getByRole('list', { name: 'Rows skipped, and why' }).textContent()).toContain(
      'LOG-BAD',
    );
    await screenshot(page, 'import-log-report');

    await page.getByRole('button', { name: 'Go to the case queue' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.locator('.queue__body [role="row"][data-reference="LOG-001"]').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
