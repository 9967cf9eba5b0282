/**
 * The letter's date and the warnings before export, in Chromium over the browser bridge: FOI 4951
 * (closed, responded 11 November 2021) is dated by its response, the officer changes the date in
 * the editor (a new version, the hand edit kept), and an export with an unfilled placeholder asks
 * first, listing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openSeededFile, screenshot, startHarness, type Harness } from './support';

const TYPED = 'A line typed by hand before the date changed.';

describe('the letter date and the export warnings', () => {
  let h: Harness;
  let page: Page;
  let letters: Locator;
  let editor: Locator;

  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await openSeededFile(h, 'letter-date.foidesk');
    await page.goto(h.bridge.url);
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.locator('.queue__body [role="row"][data-reference="FOI 4951"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
    letters = page.getByTestId('letters');
    await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('dates a closed case’s letter by its response', async () => {
    await letters.getByRole('button', { name: 'Generate the letter' }).click();
    await letters.getByText('Refusal notice, version 1').waitFor();
    await letters.getByText('Dated 11 November 2021', { exact: true }).waitFor();
    expect(await letters.getByLabel('Letter date').inputValue()).toBe('11/11/2021');
    await page.getByTestId('letter-preview').getByText('Date: 11 November 2021').waitFor();
  });

  it('changes the date in the editor, keeping the hand edit', async () => {
    editor = letters.getByRole('textbox', { name: 'Letter text' });
    await editor.getByText('Dear Requester (name withheld)').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    await letters.getByText('Changes not saved yet').waitFor();

    await letters.getByLabel('Letter date').fill('12/11/2021');
    await letters.getByRole('button', { name: 'Change the date' }).click();
    await letters
      .getByText(/The letter is now dated 12 November 2021 \(version 3, your edits kept\)/)
      .waitFor();
    await letters.getByText('Dated 12 November 2021', { exact: true }).waitFor();
    await page.getByTestId('letter-preview').getByText('Date: 12 November 2021').waitFor();
    await editor.getByText(TYPED).waitFor();
  });

  it('asks before exporting a letter with an unfilled placeholder, listing it', async () => {
    await editor.getByText(TYPED).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' The fee is {{fee}}.');
    const dialog = page.getByRole('dialog', { name: 'This letter is not ready to send' });
    await letters.getByRole('button', { name: 'Export to Word' }).click();
    await dialog.getByTestId('export-warnings').getByText('The placeholder {{fee}} has no value.').waitFor();
    await screenshot(page, 'letter-export-warnings');
    await dialog.getByRole('button', { name: 'Go back and fill them in' }).click();
    await dialog.waitFor({ state: 'detached' });

    await letters.getByRole('button', { name: 'Export to Word' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export anyway' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('FOI 4951 - Refusal notice - 2021-11-12.docx');
  });
});
