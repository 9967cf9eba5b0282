/**
 * The standard answers library in the real renderer in Chromium, over the browser bridge: an entry
 * added on the Standard answers screen is suggested for a question on the case page and inserted
 * into the answer being drafted without replacing what the officer typed (the saved answer holds
 * both); a recorded answer with a telephone number in it is saved to the library only once the
 * officer says it is not personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '../../shared/contract';
import type { StandardAnswerList } from '../../shared/standard-answers';
import {
  apiCall,
  openSeededFile,
  screenshot,
  seriousAxeFindings,
  startHarness,
  type Harness,
} from './support';

const STANDARD = 'Our spend on agency nursing staff is published in the annual accounts, page 42.';

let h: Harness;
let page: Page;
let caseId = 0;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  await openSeededFile(h, 'answers.foidesk');
  caseId = (
    await apiCall<CaseDetail>(h.bridge, 'cases:create', {
      draft: {
        reference: 'FOI 6001',
        regime: 'FOIA',
        received: '2026-11-23',
        requester: { name: 'Priya Natarajan', email: 'priya@example.org' },
        subject: 'Agency staff spend',
        requestText: '1. How much did the trust spend on agency nursing staff in 2025?\n2. Who approves it?',
        questions: [
          { number: '1', text: 'How much did the trust spend on agency nursing staff in 2025?' },
          {
            number: '2',
            text: 'Who approves agency bookings?',
            response: {
              outcome: 'provided',
              text: 'The Director of Nursing approves them; call the office on 01632 960 123.',
            },
          },
        ],
      },
    })
  ).id;
  await page.goto(h.bridge.url);
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
});
afterAll(async () => {
  await h?.close();
});

const library = () => apiCall<StandardAnswerList>(h.bridge, 'answers:list', {});

describe('standard answers', () => {
  it('adds an entry on the library screen', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Standard answers' })
      .click();
    await page.locator('[data-screen="standard-answers"][data-ready="true"]').waitFor();
    await page.getByText('The library is empty.').waitFor();
    await page.getByRole('button', { name: 'Add a standard answer' }).click();
    const form = page.locator('dialog [data-form="standard-answer"]');
    // The shared rule shows at its field: a title is required.
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await form.getByText('Give the standard answer a title').first().waitFor();
    await form.getByLabel('Title').fill('Agency spend: published');
    await form.getByLabel('Text', { exact: true }).fill(STANDARD);
    await form.getByLabel('Tags (optional)').fill('Agency, workforce');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await page.getByText('Added “Agency spend: published” to the library.').waitFor();
    const item = page.locator('[data-standard-answer="Agency spend: published"]');
    await expect(item.locator('.standard-answers__meta').textContent()).resolves.toMatch(/agency, workforce/);
    expect(await seriousAxeFindings(page)).toEqual([]);
    const { entries } = await library();
    expect(entries.map((e) => [e.title, e.text, e.addedBy])).toEqual([
      ['Agency spend: published', STANDARD, 'e2e (app)'],
    ]);
  });

  it('inserts it into a question’s answer, keeping what the officer typed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case queue' }).click();
    await page.locator('.queue__body [role="row"][data-reference="FOI 6001"]').click();
    await page.locator('[data-screen="case"][data-reference="FOI 6001"]').waitFor();
    await page.getByRole('button', { name: 'Record the answer to question 1', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 1' });
    await form.getByLabel('Information provided').check();
    const text = form.getByLabel('Answer text');
    await text.fill('The trust spent £1.2m in 2025.');
    await form.getByRole('button', { name: 'Insert a standard answer' }).click();
    const dialog = page.locator('dialog[open]');
    // Suggested for the question by its words; the search finds it too.
    const suggested = dialog.locator(
      '[data-list="suggested"] [data-standard-answer="Agency spend: published"]',
    );
    await suggested.waitFor();
    await screenshot(page, 'standard-answers-picker');
    await suggested.getByRole('button', { name: 'Insert “Agency spend: published”' }).click();
    await form.locator('[data-inserted="standard-answer"]').waitFor();
    expect(await text.inputValue()).toBe(`The trust spent £1.2m in 2025.\n\n${STANDARD}`);
    await form.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('The answer to question 1 was saved.').waitFor();
    const detail = await apiCall<CaseDetail>(h.bridge, 'cases:get', { id: caseId });
    expect(detail.record.questions[0]?.response).toEqual({
      outcome: 'provided',
      text: `The trust spent £1.2m in 2025.\n\n${STANDARD}`,
    });
  });

  it('saves a recorded answer to the library only once its personal data is accepted', async () => {
    const question = page.locator('[data-question="2"]');
    await question.getByRole('button', { name: 'Save this answer to the library' }).click();
    const form = page.locator('dialog [data-form="standard-answer"]');
    await form.locator('[data-warning="personal-data"]').getByText('01632 960 123').waitFor();
    const save = form.getByRole('button', { name: 'Add to the library' });
    expect(await save.isDisabled()).toBe(true);
    await form.getByLabel('Title').fill('Who approves agency bookings');
    await screenshot(page, 'standard-answers-save-from-case');
    await form.getByLabel('It is not personal data: save it anyway').check();
    await save.click();
    await question.getByText('Saved to the library as “Who approves agency bookings”.').waitFor();
    const { entries } = await library();
    expect(entries.map((e) => e.title)).toEqual(['Agency spend: published', 'Who approves agency bookings']);
    expect(h.pageErrors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
  });

  it('adds an entry’s exemption to a withheld answer, in place of the one not yet started', async () => {
    await apiCall(h.bridge, 'answers:save', {
      entry: {
        title: 'Staff names below director',
        text: 'Names of staff below director level are third-party personal data.',
        tags: ['staff'],
        regime: 'FOIA',
        provision: 'FOIA s40(2)',
      },
    });
    await page.getByRole('button', { name: 'Change the answer to question 2', exact: true }).click();
    const form = page.getByRole('form', { name: 'Answer to question 2' });
    await form.getByLabel('Part exempt (some withheld)').check();
    expect(await form.getByLabel('Exemption', { exact: true }).count()).toBe(1);
    await form.getByRole('button', { name: 'Insert a standard answer' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Search the standard answers').fill('director');
    await dialog.getByRole('button', { name: 'Insert “Staff names below director”' }).click();
    await form.getByText('Added the exemption FOIA s40(2): say why it applies.').waitFor();
    const exemption = form.getByLabel('Exemption', { exact: true });
    expect(await exemption.count()).toBe(1);
    expect(await exemption.inputValue()).toBe('foia-s40');
    expect(await form.getByLabel('Subsection').inputValue()).toBe('(2)');
    // The answer text typed before is kept, the standard text after it.
    expect(await form.getByLabel('Answer text').inputValue()).toBe(
      'The Director of Nursing approves them; call the office on 01632 960 123.\n\nNames of staff below director level are third-party personal data.',
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
  });
});
