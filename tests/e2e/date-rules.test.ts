/**
 * Dates as an officer types them, in every date field of the casework: an impossible date
 * (31/02/2021) is named at the field and never swapped for another date, the due-date panel
 * never keeps a deadline for a date that is no longer one, and a response dated before the
 * request was received is refused with the case left open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSPHRASE } from '../helpers';
import { screenshot, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
  await page.getByLabel('Where to save the new case file').fill(path.join(h.dir, 'register.foidesk'));
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByText('Strength: ').waitFor();
  await page.getByLabel('I understand that a lost passphrase cannot be recovered').check();
  await page.getByRole('button', { name: 'Create the case file' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('dates typed in the casework', () => {
  it('logging a request: an impossible date is named, and the due date goes until it is real', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Log a request' })
      .click();
    await page.getByLabel('Request text').fill('1. How many agency nurses did you employ in 2024?');
    await page.getByLabel('Reference').fill('FOI 4951');
    await page.getByLabel('Subject').fill('Agency nurses');
    await page.getByLabel('Name', { exact: true }).fill('A Requester');
    await page.getByLabel('Date received').fill('11/11/2021');
    await page.locator('[data-testid="due-date"]', { hasText: '10/12/2021' }).waitFor();
    await page.getByLabel('Date received').fill('31/02/2021');
    await page.getByText('The date received is not a real date. The due date appears once it is.').waitFor();
    // The deadline of the last good date is gone, not left beside a date that is no longer one.
    expect(await page.locator('[data-testid="due-date"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Log the request' }).click();
    await page.getByRole('link', { name: 'The date received is not a real date.' }).waitFor();
    await screenshot(page, 'new-case-impossible-date');
    await page.getByLabel('Date received').fill('11/11/2021');
    await page.getByRole('button', { name: 'Log the request' }).click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
  });

  it('changing the details: an impossible date received is refused at the field', async () => {
    await page.getByRole('button', { name: 'Change the details' }).click();
    const form = page.getByRole('form', { name: 'Change the details' });
    await form.getByLabel('Date received').fill('31/02/2021');
    await form.getByRole('button', { name: 'Save the details' }).click();
    await form.getByText('The date received is not a real date.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a clock action: an impossible date is refused, not recorded as today', async () => {
    await page.getByRole('button', { name: 'Ask for clarification' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask for clarification' });
    await dialog.getByLabel('Date', { exact: true }).fill('31/02/2021');
    await dialog.getByRole('button', { name: 'Record it' }).click();
    await dialog.getByText('The date of a clock event is not a real date.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No clock stops or extensions.').waitFor();
  });

  it('closing: an impossible date, then a response before receipt, are refused and the case stays open', async () => {
    await page.getByRole('button', { name: 'Close the case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close the case' });
    await dialog.getByLabel('Outcome').selectOption('granted');
    await dialog.getByLabel('Date the response was sent').fill('31/02/2021');
    await dialog.getByRole('button', { name: 'Close the case' }).click();
    await dialog.getByText('The date of the response is not a real date.').waitFor();
    await dialog.getByLabel('Date the response was sent').fill('01/11/2021');
    await dialog.getByRole('button', { name: 'Close the case' }).click();
    await dialog
      .getByText('The date of the response cannot be before the date the request was received (11/11/2021).')
      .waitFor();
    await screenshot(page, 'close-before-receipt');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByText('Answered within the time limit.').count()).toBe(0);
    await page.getByRole('button', { name: 'Close the case' }).waitFor();
  });

  it('the answer form shows the service’s own answer rules at their fields', async () => {
    await page.getByRole('button', { name: 'Record the answer to question 1', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 1' });
    await form.getByLabel('Exempt (withheld)').check();
    await form.getByRole('button', { name: 'Save answer' }).click();
    // shared/answer-rules.ts: the messages the service would refuse with, linked to their fields.
    await form.getByRole('link', { name: 'Choose exemption' }).waitFor();
    await form.getByRole('link', { name: 'Explain why exemption applies' }).waitFor();
    await form.getByLabel('Exemption', { exact: true }).selectOption('foia-s31');
    await form.getByRole('button', { name: 'Save answer' }).click();
    await form.getByRole('link', { name: 'Say how likely the harm is for exemption' }).waitFor();
    await form
      .getByRole('link', { name: 'Give the public interest factors in favour of disclosure for exemption' })
      .waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
  });
});
