/**
 * The s12 estimate worksheet in the real renderer in Chromium, over the browser bridge: rows typed
 * as hours, minutes or hours and minutes, the total against the £450 limit as it is typed, the same
 * requester's earlier similar request offered for aggregation and ticked, the advice written, and
 * the saved estimate stated in the cost-limit letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseDetail, LetterVersionView } from '../../shared/contract';
import { plainText } from '../../shared/letter/doc';
import {
  apiCall,
  openSeededFile,
  screenshot,
  seriousAxeFindings,
  startHarness,
  type Harness,
} from './support';

const TEXT = `1. For each ward, the number of slips, trips and falls reported each month from 2015 to 2025.
2. A copy of the incident form for each fall.`;

let h: Harness;
let page: Page;
let caseId = 0;
let earlierId = 0;

function draft(reference: string, received: string) {
  return {
    reference,
    regime: 'FOIA',
    received,
    requester: { name: 'Priya Shah', email: 'priya@example.org' },
    subject: 'Slips, trips and falls by ward, 2015 to 2025',
    requestText: TEXT,
    questions: [
      { number: '1', text: 'Falls by ward and month, 2015 to 2025.' },
      { number: '2', text: 'The incident form for each fall.' },
    ],
  };
}

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 's12.foidesk');
  earlierId = (
    await apiCall<CaseDetail>(h.bridge, 'cases:create', { draft: draft('FOI 5001', '2026-10-05') })
  ).id;
  await apiCall(h.bridge, 's12:save', {
    caseId: earlierId,
    rows: [{ activity: 'extracting', minutes: 120 }],
    aggregatedCaseIds: [],
    advice: '',
  });
  caseId = (await apiCall<CaseDetail>(h.bridge, 'cases:create', { draft: draft('FOI 5002', '2026-11-02') }))
    .id;
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('the s12 worksheet on the case page', () => {
  it('totals the rows against the limit, aggregates the similar request and fills the letter', async () => {
    await page.locator('.queue__body [role="row"][data-reference="FOI 5002"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 5002"]').waitFor();
    const panel = page.locator('[data-panel="s12"]');
    await panel.getByText('Time spent reading, redacting, considering exemptions').waitFor();
    // A new worksheet's empty row is nothing to correct, and states no total.
    expect(await panel.locator('.field__error').count()).toBe(0);
    expect(await panel.locator('.s12__total').count()).toBe(0);

    // Row 1: locating, 12 hours, with how it was estimated. A row left without its time is marked.
    await panel.getByLabel('Activity, row 1').selectOption('locating');
    await panel.getByLabel('Question, row 1').fill('2');
    await panel.getByLabel('Advice and assistance (s16)').focus();
    const noTime = panel.locator('[data-row="1"] .field__error', { hasText: /^Error: Give the time\.$/ });
    await noTime.waitFor();
    await panel.getByLabel('Time, row 1').fill('12');
    await noTime.waitFor({ state: 'detached' });
    await panel.getByLabel('How estimated, row 1').fill('sampled 10 incident files at 6 minutes each');
    await panel.locator('[data-exceeds="false"]').getByText('Total: 12 hours').waitFor();
    // Row 2: extracting, 7 hours 30 minutes as "7:30": 19 hours 30 minutes is over 18 hours.
    await panel.getByRole('button', { name: 'Add a row' }).click();
    await panel.getByLabel('Activity, row 2').selectOption('extracting');
    await panel.getByLabel('Time, row 2').fill('7:30');
    const over = panel.locator('[data-exceeds="true"]');
    await over.getByText('Total: 19 hours 30 minutes').waitFor();
    await over.getByText('Over the limit by £37.50 (1 hour 30 minutes): section 12 applies.').waitFor();
    // A time that cannot be read is marked on its row.
    await panel.getByLabel('Time, row 2').fill('seven');
    await panel.getByLabel('Advice and assistance (s16)').focus();
    await panel.getByText('Give the time as hours (1.5)').waitFor();
    await panel.getByLabel('Time, row 2').fill('7:30');

    // The same requester's similar request within 60 working days is offered for aggregation.
    const other = panel.getByLabel('FOI 5001, received 05/10/2026');
    await other.check();
    await panel.getByLabel('Advice and assistance (s16)').fill('You could ask for 2024 and 2025 only.');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Save the estimate' }).click();
    await panel.getByText('The estimate was saved. The cost-limit letter states it.').waitFor();
    await over.getByText('Total: 21 hours 30 minutes').waitFor();
    await over.getByText('(2 hours from aggregated requests)').waitFor();
    await page.getByText('Created the s12 cost estimate').waitFor();
    await screenshot(page, 's12-worksheet');

    const letter = await apiCall<LetterVersionView>(h.bridge, 'letters:generate', {
      caseId,
      templateId: 'cost-limit',
    });
    const text = plainText(letter.document.body).replace(/\s+/g, ' ');
    expect(text).toContain('the limit equates to 18 hours of work at £25 an hour');
    expect(text).toContain(
      'would take 21 hours 30 minutes of staff time, costing £537.50 at £25 an hour, which is £87.50 more than the limit of £450.',
    );
    expect(text).toContain('sampled 10 incident files at 6 minutes each');
    expect(text).toContain('This estimate includes 2 hours for the request FOI 5001');
    expect(text).toContain('You could ask for 2024 and 2025 only.');
  });
});
