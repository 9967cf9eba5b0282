/**
 * The response letter in the real renderer, in Chromium over the browser bridge: FOI 4951 and the
 * Walton Centre's letterhead are imported into a new case file, the refusal notice is generated,
 * edited by hand (a sentence, a bold word, a footnote), saved as a version, downloaded as .docx
 * and read back through LibreOffice; the case changes, regenerating warns before it replaces the
 * hand edits, and a version marked as sent is locked. A second file drives the editor from the
 * keyboard and runs axe on it, and on Settings → Letters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { convertToPdf, pdfPages, squash } from '../integration/letters/helpers';
import {
  openSeededFile,
  focusIsVisible,
  SCREENSHOTS,
  screenshot,
  seriousAxeFindings,
  startHarness,
  tabTo,
  type Harness,
} from './support';

const SENTENCE = 'We searched the records of the Digital Services team by hand.';
const FOOTNOTE = 'The search was made on 15 November 2021 by the Information Governance team.';

/** From the queue to FOI 4951 (closed as refused, so under "Closed"), with its letters loaded. */
async function openFoi4951(page: Page): Promise<Locator> {
  await page.locator('[data-screen="queue"] [data-ready="true"]').waitFor();
  await page.getByRole('button', { name: /^Closed/ }).click();
  await page.locator('.queue__body [role="row"][data-reference="FOI 4951"]').click();
  await page.locator('[data-screen="case"][data-reference="FOI 4951"]').waitFor();
  const letters = page.getByTestId('letters');
  await page.locator('[data-testid="letters"][data-ready="true"]').waitFor();
  return letters;
}

/** The letter editor's element, with the TipTap editor on it, as far as these tests read it. */
type LetterDom = HTMLElement & {
  editor?: {
    view: {
      posAtDOM(node: Node, offset: number): number;
      state: { selection: { head: number; $head: { parent: { textContent: string } } } };
    };
  };
};

/**
 * Waits until ProseMirror has taken in the caret the browser placed. It reads a click's caret on
 * the selectionchange event, which can come after a key that a test presses at machine speed.
 */
async function caretSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dom = document.querySelector<LetterDom>('.ProseMirror');
    const selection = window.getSelection();
    const view = dom?.editor?.view;
    if (!view || !selection?.focusNode) return false;
    return view.posAtDOM(selection.focusNode, selection.focusOffset) === view.state.selection.head;
  });
}

/**
 * Notes where the letter's caret is when a dialog gives the keyboard back: at the end of the task
 * that focused the letter, which is where a key pressed at once would go. ProseMirror's own caret
 * and the browser's must agree then, not only after ProseMirror's timer has put the browser's right.
 */
async function watchCaretOnReturn(page: Page): Promise<void> {
  await page.evaluate(() => {
    const dom = document.querySelector<LetterDom>('.ProseMirror');
    const store = window as unknown as { caretOnReturn?: { browser: number; editor: number } };
    delete store.caretOnReturn;
    dom?.addEventListener(
      'focus',
      () =>
        queueMicrotask(() => {
          const view = dom.editor?.view;
          const selection = window.getSelection();
          if (!view || !selection?.focusNode) return;
          store.caretOnReturn = {
            browser: view.posAtDOM(selection.focusNode, selection.focusOffset),
            editor: view.state.selection.head,
          };
        }),
      { once: true },
    );
  });
}

async function caretOnReturn(page: Page): Promise<{ browser: number; editor: number } | undefined> {
  return page.evaluate(
    () => (window as unknown as { caretOnReturn?: { browser: number; editor: number } }).caretOnReturn,
  );
}

/** The text of the paragraph ProseMirror's caret is in. */
async function caretParagraph(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const dom = document.querySelector<LetterDom>('.ProseMirror');
    return dom?.editor?.view.state.selection.$head.parent.textContent;
  });
}

async function shoot(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('the letter editor', () => {
  let h: Harness;
  let page: Page;
  let letters: Locator;
  let editor: Locator;

  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await openSeededFile(h, 'letters.foidesk');
    await page.goto(h.bridge.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('suggests the refusal notice and generates it from the case', async () => {
    letters = await openFoi4951(page);
    await letters.getByText('No letter yet.').waitFor();
    const template = letters.getByLabel('Letter template');
    expect(await template.inputValue()).toBe('refusal');
    expect(await template.locator('option:checked').textContent()).toBe('Refusal notice (s17) (suggested)');
    await letters.getByRole('button', { name: 'Generate the letter' }).click();
    editor = letters.getByRole('textbox', { name: 'Letter text' });
    await editor.getByText('Section 31(1)(a) – The prevention or detection of crime').waitFor();
    await editor
      .getByText(/the Trust has decided that it is in the public interest to withhold this information/)
      .waitFor();
    await letters.getByText('Refusal notice, version 1').waitFor();
    // The paragraphs keep their Word styles in the editor.
    expect(await editor.locator('p[data-role="question"]').count()).toBe(2);
    expect(await editor.locator('p[data-role="question-part"]').count()).toBe(4);
    // The preview has the letterhead, the recipient, our reference and the date.
    const preview = page.getByTestId('letter-preview');
    await preview.getByText('The Walton Centre NHS Foundation Trust', { exact: true }).waitFor();
    await preview.getByText('Our ref: MB/SS FOI 4951').waitFor();
    await preview.getByText('Requester (name withheld)', { exact: true }).waitFor();
  });

  it('takes a hand edit: a sentence, a bold word and a footnote, saved as version 2', async () => {
    await editor.getByText('Dear Requester (name withheld)').click();
    await page.keyboard.press('End');
    await caretSettled(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type(SENTENCE.replace(/ hand\.$/, ''));
    await page.keyboard.type(' hand');
    // The last word, made bold from the keyboard.
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await caretSettled(page);
    await page.keyboard.press('Control+b');
    await page.keyboard.press('End');
    await page.keyboard.type('.');
    await editor.locator('strong', { hasText: 'hand' }).waitFor();

    await letters
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name: 'Footnote' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Add a footnote' });
    await dialog.getByLabel('Footnote text').fill(FOOTNOTE);
    await dialog.getByRole('button', { name: 'Add the footnote' }).click();
    await dialog.waitFor({ state: 'detached' });
    await editor.locator(`sup.footnote-ref[data-text="${FOOTNOTE}"]`).waitFor();
    await letters.locator('.letter-editor__notes').getByText(FOOTNOTE).waitFor();
    await letters.getByText('Changes not saved yet').waitFor();
    // The preview follows the editor as the officer types.
    await page.getByTestId('letter-preview').getByText(SENTENCE).waitFor();

    await letters.getByRole('button', { name: 'Save version' }).click();
    await letters.getByText('Your changes were saved as version 2.').waitFor();
    await letters.getByText('Refusal notice, version 2').waitFor();
    const rows = letters.getByTestId('letter-versions').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('td').nth(3).textContent()).toBe('Yes');
    expect(await letters.getByRole('button', { name: 'Save version' }).isDisabled()).toBe(true);

    await shoot(letters.getByTestId('letter-work'), 'letter-editor');
    await shoot(page.getByTestId('letter-preview'), 'letter-preview');
    await screenshot(page, 'letters-case-page');
  });

  it('exports it to Word: the edited sentence and the footnote are in the document', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      letters.getByRole('button', { name: 'Export to Word' }).click(),
    ]);
    // A closed case's letter bears the date it was sent: the responded date.
    const fileName = 'FOI 4951 - Refusal notice - 2021-11-11.docx';
    expect(download.suggestedFilename()).toBe(fileName);
    await letters.getByText(`The letter was downloaded as “${fileName}”.`).waitFor();
    const outDir = path.join(h.dir, 'export');
    mkdirSync(outDir, { recursive: true });
    const docx = path.join(outDir, fileName);
    await download.saveAs(docx);
    const text = (await pdfPages(await convertToPdf(docx, outDir))).join('\n');
    expect(squash(text)).toContain(squash(SENTENCE));
    expect(squash(text)).toContain(squash(FOOTNOTE));
    expect(squash(text)).toContain(squash('Section 31(1)(a) – The prevention or detection of crime'));
  }, 150_000);

  it('warns before regenerating over hand edits once the case has changed', async () => {
    await page.getByRole('button', { name: 'Change the details' }).click();
    await page.getByLabel('Subject').fill('Cyber Essentials certification');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('The details were saved.').waitFor();
    await page.getByTestId('timeline').getByText('Letter exported to Word (refusal, version 2)').waitFor();
    const stale = letters.getByTestId('letter-stale');
    await stale.getByText('The case has changed since this letter was generated.').waitFor();

    await stale.getByRole('button', { name: 'Regenerate from the case' }).click();
    const warning = page.getByRole('dialog', { name: 'Replace your hand edits?' });
    await warning.getByText(/Version 2 of this letter has changes made by hand/).waitFor();
    await warning.getByRole('button', { name: 'Keep my edits' }).click();
    await warning.waitFor({ state: 'detached' });
    await editor.getByText(SENTENCE).waitFor();

    await stale.getByRole('button', { name: 'Regenerate from the case' }).click();
    await warning.getByRole('button', { name: 'Regenerate without my edits' }).click();
    await letters.getByText('Version 3 of the letter was generated from the case.').waitFor();
    await letters.getByText('Refusal notice, version 3').waitFor();
    expect(await editor.getByText(SENTENCE).count()).toBe(0);
    expect(await stale.count()).toBe(0);
  });

  it('marks the edited version as sent, which locks it', async () => {
    await letters
      .getByTestId('letter-versions')
      .locator('tr[data-version="2"]')
      .getByRole('button', { name: /^Open/ })
      .click();
    await letters.getByText('Refusal notice, version 2').waitFor();
    await editor.getByText(SENTENCE).waitFor();
    await letters.getByRole('button', { name: 'Mark as sent' }).click();
    const confirm = page.getByRole('dialog', { name: 'Mark the letter as sent?' });
    await confirm.getByRole('button', { name: 'Mark as sent' }).click();
    await letters.getByText(/Version 2 was marked as sent/).waitFor();

    await letters.locator('.letter-editor__content[contenteditable="false"]').waitFor();
    expect(await editor.getAttribute('aria-readonly')).toBe('true');
    expect(await letters.getByRole('button', { name: 'Save version' }).count()).toBe(0);
    expect(await letters.getByRole('button', { name: 'Mark as sent' }).count()).toBe(0);
    expect(await letters.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    await letters.getByText(/This version was marked as sent on .* and is locked/).waitFor();
    await shoot(letters.getByTestId('letter-work'), 'letter-editor-sent');
    // Typing changes nothing.
    await editor.click();
    await page.keyboard.type('Extra words');
    expect(await editor.getByText('Extra words').count()).toBe(0);
    // The sent version can still be exported again.
    expect(await letters.getByRole('button', { name: 'Export to Word' }).isEnabled()).toBe(true);
  });

  it('ran under the strict Content-Security-Policy without a violation or a page error', async () => {
    expect(h.cspViolations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    // No case data in the page's storage.
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: Object.keys(sessionStorage),
    }));
    expect(stored).toEqual({ local: 0, session: ['foi-desk.token'] });
  });
});

describe('the letter editor from the keyboard, and axe', () => {
  let h: Harness;
  let page: Page;
  let letters: Locator;

  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await openSeededFile(h, 'keyboard-letters.foidesk');
    await page.goto(h.bridge.url);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function expectNoSeriousAxe(screen: string): Promise<void> {
    const findings = await seriousAxeFindings(page);
    expect(findings, `axe on the ${screen}: ${JSON.stringify(findings, null, 2)}`).toEqual([]);
  }

  it('generates the letter from the keyboard; the letter editor passes axe', async () => {
    letters = await openFoi4951(page);
    await tabTo(page, '[data-testid="letters"] .letters__generate button');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const editor = letters.getByRole('textbox', { name: 'Letter text' });
    await editor.getByText('Section 31(1)(a) – The prevention or detection of crime').waitFor();
    await expectNoSeriousAxe('letter editor');
  });

  it('reaches the toolbar with Alt+F10, moves along it with the arrows and returns with Escape', async () => {
    const editor = letters.getByRole('textbox', { name: 'Letter text' });
    await editor.getByText('Dear Requester (name withheld)').click();
    await page.keyboard.press('End');
    await caretSettled(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('See our publication scheme');
    await page.keyboard.press('Alt+F10');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bold');
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Italic');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Redo');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Letter text');

    // Ctrl+K: a link, from the keyboard only; only web, e-mail and telephone links are taken.
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await caretSettled(page);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Add a link' });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    await expectNoSeriousAxe('link dialog');
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await dialog
      .getByText(/Enter a web address starting https:\/\//)
      .first()
      .waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('www.waltoncentre.nhs.uk/foi');
    await watchCaretOnReturn(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The caret is back on the link at once, not at the start of the letter for a moment.
    const afterLink = await caretOnReturn(page);
    expect(afterLink).toBeDefined();
    expect(afterLink?.browser).toBe(afterLink?.editor);
    const link = editor.locator('a[href="https://www.waltoncentre.nhs.uk/foi"]');
    await link.waitFor();
    expect(await link.textContent()).toBe('publication scheme');

    // Ctrl+Alt+F: a footnote, as in Word.
    await page.keyboard.press('End');
    await caretSettled(page);
    await page.keyboard.press('Control+Alt+f');
    const notes = page.getByRole('dialog', { name: 'Add a footnote' });
    await notes.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await expectNoSeriousAxe('footnote dialog');
    await page.keyboard.type('Published at the address above.');
    await watchCaretOnReturn(page);
    await page.keyboard.press('Control+Enter');
    await notes.waitFor({ state: 'detached' });
    await editor.locator('sup.footnote-ref').waitFor();
    // The caret is back in the paragraph (the dialog's focus returned) before its style is chosen,
    // and was from the moment the dialog closed.
    const afterNote = await caretOnReturn(page);
    expect(afterNote).toBeDefined();
    expect(afterNote?.browser).toBe(afterNote?.editor);
    await caretSettled(page);
    expect(await caretParagraph(page)).toContain('See our publication scheme');
    // The paragraph style follows the cursor and sets the Word style.
    const style = letters.getByLabel('Paragraph style');
    expect(await style.inputValue()).toBe('body');
    await style.selectOption('enclosure');
    await editor.locator('p[data-role="enclosure"]', { hasText: 'See our publication scheme' }).waitFor();
    await expectNoSeriousAxe('letter editor with a link and a footnote');
  });

  it('Settings → Letters: adapts a standard paragraph, and resets it to default; passes axe', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    // The letter edited above was not saved: leaving asks, and these edits are not wanted.
    await page
      .getByRole('dialog', { name: 'Save your changes?' })
      .getByRole('button', { name: 'Discard the changes' })
      .click();
    const section = page.getByTestId('letter-settings');
    await section.getByRole('button', { name: 'Refusal notice (s17)' }).click();
    await section.getByRole('heading', { name: 'Template: Refusal notice (s17)' }).waitFor();
    await section.getByLabel('1. Standard paragraph').waitFor();
    await expectNoSeriousAxe('letter template form');
    await shoot(section, 'settings-letter-template');

    await section.getByRole('button', { name: 'Right to complain to the Commissioner' }).click();
    const form = section.getByRole('form', { name: /Standard paragraph: Right to complain/ });
    await form
      .getByLabel('Wording', { exact: true })
      .fill('You may complain to the Information Commissioner at <https://ico.org.uk/make-a-complaint/>.');
    await form.getByRole('button', { name: 'Save the paragraph' }).click();
    await section
      .getByText('The paragraph “Right to complain to the Commissioner” was saved. New letters use it.')
      .waitFor();
    const choice = section.getByRole('button', { name: /^Right to complain to the Commissioner/ });
    await choice.getByText('Adapted', { exact: true }).waitFor();
    await expectNoSeriousAxe('standard paragraph form');
    await shoot(section, 'settings-letters');

    await form.getByRole('button', { name: 'Reset to default' }).click();
    const dialog = page.getByRole('dialog', {
      name: /Reset “Right to complain to the Commissioner” to default/,
    });
    await dialog.getByRole('button', { name: 'Reset to default' }).click();
    await section.getByText(/is back to the wording FOI Desk comes with/).waitFor();
    expect(await choice.getByText('Adapted', { exact: true }).count()).toBe(0);
    expect(await form.getByLabel('Wording', { exact: true }).inputValue()).toMatch(/^If you are not content/);
    expect(h.cspViolations).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
