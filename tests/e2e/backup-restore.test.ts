/**
 * Backups as an officer meets them in Chromium through the bridge: the reminder when the file has
 * never been backed up, a backup with progress, a damaged file that offers a restore, and a restore
 * that shows what the backup holds before it replaces anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, truncateSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createCaseFile } from '../../db/case-file';
import { importFixtures, PASSPHRASE } from '../helpers';
import { screenshot, seriousAxeFindings, startHarness, type Harness } from './support';

let h: Harness;
let page: Page;
let caseFile: string;
let backups: string;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  caseFile = path.join(h.dir, 'register.foidesk');
  backups = path.join(h.dir, 'backups');
  mkdirSync(backups);
  const cf = createCaseFile({ path: caseFile, passphrase: PASSPHRASE });
  importFixtures(cf);
  cf.close();
});
afterAll(async () => {
  await h?.close();
});

async function unlock(file: string): Promise<void> {
  await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
  // With no recent file the screen starts on "Create"; an officer opening a file picks "Open".
  await page.getByRole('button', { name: 'Open a case file' }).click();
  const another = page.getByRole('radio', { name: 'Another case file' });
  if (await another.count()) await another.check();
  await page.getByLabel('Where the case file is').fill(file);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('backups in the app', () => {
  it('reminds about a file never backed up, and backs it up with progress', async () => {
    await page.goto(h.bridge.url);
    await unlock(caseFile);
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    const reminder = page.getByTestId('backup-reminder');
    await reminder.getByText('This case file has never been backed up.').waitFor();
    // No folder is known yet (no automatic backups, no backup before): the banner asks for one.
    await reminder.getByRole('button', { name: 'Back up now' }).click();
    await reminder.getByLabel('Back up to this folder').fill(backups);
    await reminder.getByRole('button', { name: 'Back up', exact: true }).click();
    await reminder.getByText(/Backed up and checked: .* \(2 cases\)\./).waitFor();
    // The backup and its sidecar (the SHA-256 of its bytes).
    expect(readdirSync(backups).filter((n) => !n.endsWith('.sha256'))).toHaveLength(1);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByText(/Last checked backup: .*, 2 cases\./).waitFor();
    // Back on the queue the reminder reads the backup status afresh, and, backed up, says nothing.
    const status = page.waitForResponse((r) => r.url().endsWith('/api/backup:status'));
    await page.getByRole('button', { name: 'Case queue' }).click();
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await status;
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);
  });

  it('offers a restore when a file is damaged, checks the backup, then replaces the file', async () => {
    await page.getByRole('button', { name: /^Lock/ }).click();
    // The file is cut on a page boundary: the passphrase works, the integrity check does not.
    const damaged = path.join(h.dir, 'damaged.foidesk');
    copyFileSync(caseFile, damaged);
    truncateSync(damaged, 4096 * 3);
    await unlock(damaged);
    await page
      .getByRole('alert')
      .filter({ hasText: /damaged/ })
      .waitFor();
    await page.getByRole('button', { name: 'Restore this case file from a backup' }).click();

    await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor();
    expect(await page.getByLabel('The case file to restore into').inputValue()).toBe(damaged);
    const [backupName] = readdirSync(backups).filter((n) => !n.endsWith('.sha256'));
    await page.getByLabel('The backup to restore').fill(path.join(backups, backupName!));
    await page.getByLabel('The backup’s passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Check the backup' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor();

    await page.getByLabel('The backup’s passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Check the backup' }).click();
    const check = page.getByTestId('restore-check');
    await check.getByText('Passed').waitFor();
    expect(await check.locator('dd').nth(1).textContent()).toBe('2');
    await screenshot(page, 'restore-check');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: 'Replace the case file with this backup' }).click();
    await page
      .getByText(/Restored 2 cases into .*damaged\.foidesk\. The file that was there is kept as/)
      .waitFor();
    expect(readdirSync(h.dir).some((n) => n.startsWith('damaged.foidesk.before-restore-'))).toBe(true);

    await unlock(damaged);
    await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
    await page.getByRole('button', { name: /^Closed/ }).click();
    await page.locator('.queue__body [role="row"][data-reference="FOI 2774"]').waitFor();
    expect(h.pageErrors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
  });
});
