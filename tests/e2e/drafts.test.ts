/**
 * Never losing work, in the real renderer in Chromium over the browser bridge: leaving a letter with
 * unsaved changes asks (stay keeps the edit, discard leaves); the idle lock and Ctrl+L keep unsaved
 * edits as drafts in the case file and unlocking offers them back; the backup banner says an
 * automatic backup failed and "Back up now" backs up; the officer's name is offered at unlock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DraftView } from '../../shared/contract';
import { PASSPHRASE } from '../helpers';
import { apiCall, openSeededFile, screenshot, startHarness, type Harness } from './support';

const EDIT = 'A sentence typed into the letter and not saved.';
const ANSWER = 'An answer typed before the idle lock and not saved yet.';
const SUBJECT = 'Cyber security spending (changed before Ctrl+L)';

let h: Harness;
let page: Page;

async function openFoi4951(): Promise<void> {
  await page.getByRole('button', { name: 'Case queue' }).click();
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
  await page.getByRole('button', { name: /^Closed/ }).click();
  await page.locator('.queue__body [role="row"][data-reference="FOI 4951"]').click();
  await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
}

async function unlock(): Promise<void> {
  await page.locator('[data-screen="unlock"]').waitFor();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('[data-screen="queue"]').waitFor();
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'drafts.foidesk');
  // The page's timers run on a fake clock, so a heartbeat comes when the test says.
  await page.clock.install();
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('unsaved changes', () => {
  it('asks before leaving a letter with unsaved changes: Stay keeps the edit, Discard leaves', async () => {
    await openFoi4951();
    const letters = page.getByTestId('letters');
    await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
    await letters.getByRole('button', { name: 'Generate the letter' }).click();
    const editor = letters.getByRole('textbox', { name: 'Letter text' });
    await editor.getByText('Dear Requester (name withheld)').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(EDIT);
    await letters.getByText('Changes not saved yet').waitFor();

    await page.getByRole('button', { name: 'Case queue' }).click();
    const prompt = page.getByRole('dialog', { name: 'Save your changes?' });
    await prompt.getByText('You have changed the letter for FOI 4951 and not saved it yet.').waitFor();
    await screenshot(page, 'unsaved-changes-prompt');
    await prompt.getByRole('button', { name: 'Stay on this page' }).click();
    await prompt.waitFor({ state: 'detached' });
    await editor.getByText(EDIT).waitFor();
    expect(await page.locator('[data-screen="case"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Settings' }).click();
    await prompt.getByRole('button', { name: 'Discard the changes' }).click();
    await page.locator('[data-screen="settings"]').waitFor();
    // Nothing was saved: the letter is version 1 as generated.
    await openFoi4951();
    await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
    await letters.getByText('Refusal notice, version 1').waitFor();
    expect(await letters.getByText(EDIT).count()).toBe(0);
    // And leaving now asks nothing.
    await page.getByRole('button', { name: 'Case queue' }).click();
    await page.locator('[data-screen="queue"]').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('keeps an unsaved answer through the idle lock and offers it back after unlocking', async () => {
    await openFoi4951();
    await page.getByRole('button', { name: /answer to question 1$/ }).click();
    const form = page.getByRole('form', { name: 'Answer to question 1' });
    await form.getByLabel(/^Answer text/).fill(ANSWER);
    // The heartbeat tells main the officer was busy …
    const beat = page.waitForResponse((r) => r.url().endsWith('/api/session:status'));
    await page.clock.fastForward('01:00');
    await beat;
    // … then ten minutes and a half pass with nothing done: at the next one the lock is due.
    h.advanceClock(10 * 60_000 + 30_000);
    // The page sets its next heartbeat only once it has read the last answer, which may be after
    // a single jump of its clock: jump until the lock shows (a heartbeat too many does no harm).
    const locked = page.getByText('Locked after a period without activity.', { exact: false });
    await expect
      .poll(
        async () => {
          await page.clock.fastForward('01:00');
          return locked.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(h.bridge.desk.isOpen).toBe(false);
    expect(await page.content()).not.toContain(ANSWER);

    await page.getByLabel('Your name (for the case history)').fill('Sam Jones');
    await unlock();
    const offer = page.getByRole('dialog', { name: 'You had unsaved changes' });
    await offer.locator('strong', { hasText: 'the answer to question 1 of FOI 4951' }).waitFor();
    await screenshot(page, 'draft-offer');
    await offer.getByRole('button', { name: 'Restore the answer to question 1 of FOI 4951' }).click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
    const restored = page.getByRole('form', { name: 'Answer to question 1' });
    expect(await restored.getByLabel(/^Answer text/).inputValue()).toBe(ANSWER);
    // Taken back into the form, the draft is gone from the file.
    // (The page discards it without waiting, so this call may come to main first.)
    await expect
      .poll(() => apiCall<DraftView[]>(h.bridge, 'drafts:list', {}), { timeout: 30_000 })
      .toEqual([]);
    await restored.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 1 was saved.').waitFor();
    await page.getByText(ANSWER).waitFor();
    // The history names the officer given at unlock.
    await page.getByTestId('timeline').getByText('Sam Jones').first().waitFor();
  });

  it('keeps unsaved case details through Ctrl+L, and the name is offered again', async () => {
    await page.getByRole('button', { name: 'Change the details' }).click();
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.keyboard.press('Control+l');
    await page.locator('[data-screen="unlock"]').waitFor();
    expect(await page.content()).not.toContain(SUBJECT);
    expect(await page.getByLabel('Your name (for the case history)').inputValue()).toBe('Sam Jones');
    await unlock();
    const offer = page.getByRole('dialog', { name: 'You had unsaved changes' });
    await offer.getByRole('button', { name: 'Restore the details of FOI 4951' }).click();
    await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
    const details = page.getByRole('form', { name: 'Change the details' });
    expect(await details.getByLabel('Subject').inputValue()).toBe(SUBJECT);
    // Still unsaved: leaving asks, and Discard leaves the saved subject as it was.
    await page.getByRole('button', { name: 'Case queue' }).click();
    await page
      .getByRole('dialog', { name: 'Save your changes?' })
      .getByRole('button', { name: 'Discard the changes' })
      .click();
    await page.locator('[data-screen="queue"]').waitFor();
  });

  it('shows the folder problem at the field in Settings', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.locator('[data-screen="settings"]').waitFor();
    const field = page.getByLabel('Folder for automatic backups on lock (optional)');
    await field.fill(path.join(h.dir, 'not there'));
    await page.getByRole('button', { name: 'Save the casework settings' }).click();
    await page.getByText('That backup folder does not exist.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // Discard on the way out: the form had unsaved changes.
    await page.getByRole('button', { name: 'Case queue' }).click();
    await page
      .getByRole('dialog', { name: 'Save your changes?' })
      .getByRole('button', { name: 'Discard the changes' })
      .click();
    await page.locator('[data-screen="queue"]').waitFor();
  });

  it('says at the next unlock that the automatic backup failed, and "Back up now" backs up', async () => {
    const autoFolder = path.join(h.dir, 'usb');
    mkdirSync(autoFolder);
    await apiCall(h.bridge, 'settings:save', { settings: { autoBackupFolder: autoFolder } });
    rmSync(autoFolder, { recursive: true });
    await page.keyboard.press('Control+l');
    await unlock();
    const banner = page.getByTestId('backup-reminder');
    await banner.getByText(/The automatic backup on .* failed:/).waitFor();
    await banner.getByText('The backup folder is not there.', { exact: false }).waitFor();
    await screenshot(page, 'backup-banner-failed');

    // The automatic-backup folder is still missing: the banner says so and asks for another.
    await banner.getByRole('button', { name: 'Back up now' }).click();
    await banner.getByText('The backup was not made.', { exact: false }).waitFor();
    const other = path.join(h.dir, 'network share');
    mkdirSync(other);
    await banner.getByLabel('Back up to this folder').fill(other);
    await banner.getByRole('button', { name: 'Back up', exact: true }).click();
    await banner.getByText('Backed up and checked:', { exact: false }).waitFor();
    expect(readdirSync(other).filter((n) => n.endsWith('.foidesk'))).toHaveLength(1);
    await screenshot(page, 'backup-banner-done');
  });

  it('ran without a page error', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
  });
});
