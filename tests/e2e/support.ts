/**
 * What the browser tests share: the bridge started in-process on a free port with its own temp
 * folder, Chromium from Debian with a fresh profile, axe-core run inside the page, screenshots, and
 * waits on signals the app gives (visible text, data-ready), never on time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { assessProgress, computeDeadline } from '../../shared/clock';
import { todayIso } from '../../shared/dates';
import { createCaseFile } from '../../db/case-file';
import { importInterchange } from '../../main/services/import-export';
import { makeTempDir, PASSPHRASE, readFixture, repoRoot } from '../helpers';

export const RENDER_ROOT = path.join(repoRoot, 'dist', 'renderer');
export const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
export const SEED_LETTER = path.join(repoRoot, 'tests', 'fixtures', 'seeds', '000_00b0939004e0e6ff.txt');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  /** Messages the page logged about its Content-Security-Policy (there must be none). */
  cspViolations: string[];
  pageErrors: string[];
  /** Moves the app's clock (main's "now", which the idle lock counts by) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(RENDER_ROOT, 'index.html'))) {
    throw new Error(
      'dist/renderer is missing: run `node scripts/build.mjs all` (npm test does it) before the e2e tests.',
    );
  }
  const temp = makeTempDir('foi-desk-e2e-');
  // The real time plus what a test moved it on by: the idle lock is tried without waiting for it.
  let offset = 0;
  const bridge = await startBridge({
    port: 0,
    renderRoot: RENDER_ROOT,
    configDir: path.join(temp.dir, 'config'),
    desk: { actor: 'e2e (app)', now: () => new Date(Date.now() + offset) },
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // A new context is a fresh, temporary profile: no storage from another run.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 960 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    bridge,
    browser,
    context,
    page,
    dir: temp.dir,
    cspViolations,
    pageErrors,
    advanceClock(ms: number) {
      offset += ms;
    },
    async close() {
      await browser.close();
      await bridge.close();
      temp.cleanup();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (evaluated, so the page's CSP still applies to everything else). */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return results;
}

export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  return (await runAxe(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** The request part of the FOI 4951 letter: questions 1, 1.1, 1.2, 2, 2.1 and 2.2 (quoted as 2.1 twice). */
export function foi4951RequestText(): string {
  const letter = readFileSync(SEED_LETTER, 'utf8');
  const q1 = letter.slice(letter.indexOf('1.  Does your organisation'), letter.indexOf('I confirm that'));
  const q2 = letter.slice(letter.indexOf('2 Does your organisation'), letter.indexOf('As above.'));
  return `${q1.trim()}\n\n${q2.trim()}\n`;
}

/** Calls the bridge's API directly (for seeding), as the page would. */
/** A JSON.stringify replacer: a Uint8Array (or Buffer, before its toJSON) becomes an array of byte values. */
function bytesAsArrays(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? Array.from(raw) : value;
}

export async function apiCall<T>(bridge: Bridge, channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
    // As the page sends it: bytes (a passphrase) as an array of byte values.
    body: JSON.stringify(input, bytesAsArrays),
  });
  const reply = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value;
}

/** Presses Tab until the focused element matches, proving it is reachable from the keyboard. */
export async function tabTo(
  page: Page,
  selector: string,
  maxPresses = 80,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} could not be reached with ${key} in ${maxPresses} presses`);
}

/** The focused element shows a visible focus indicator (an outline, a shadow or the yellow fill). */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none';
    const yellow = s.backgroundColor === 'rgb(255, 235, 59)';
    return outline || shadow || yellow;
  });
}

/** The date `days` calendar days before today (local calendar). */
export function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return todayIso(d);
}

/**
 * A FOIA receipt date that leaves exactly `left` working days today (negative: that many late),
 * found with the statutory clock itself, so a seeded case is "due soon" or "overdue" in any season.
 */
export function receivedWithWorkingDaysLeft(left: number): string {
  const today = todayIso();
  for (let back = 0; back < 200; back++) {
    const received = isoDaysAgo(back);
    const deadline = computeDeadline(
      { regime: 'FOIA', received, jurisdiction: 'england-and-wales' },
      { explain: false },
    );
    if (assessProgress(deadline, today).workingDaysLeft === left) return received;
  }
  throw new Error(`no receipt date leaves ${left} working days`);
}

/** A new case file holding FOI 4951 and the Walton Centre's letterhead, opened in the bridge. */
export async function openSeededFile(h: Harness, name: string): Promise<string> {
  const file = path.join(h.dir, name);
  const cf = createCaseFile({ path: file, passphrase: PASSPHRASE });
  try {
    importInterchange(
      cf,
      ['walton.organisation.json', 'foi-4951.case.json'].map((n) => ({ path: n, text: readFixture(n) })),
      'e2e',
    );
  } finally {
    cf.close();
  }
  await apiCall(h.bridge, 'session:open', { path: file, passphrase: Buffer.from(PASSPHRASE) });
  return file;
}

/**
 * Holds main's answers on `channel` (refusing the first call outright with `refuseFirst`), to see
 * the page while main is still saving. `release` lets the held calls through and removes the
 * route once its handlers are done (removed while one runs, Playwright answers the call itself
 * and the handler's own answer fails).
 */
export async function holdChannel(
  page: Page,
  channel: string,
  { refuseFirst = false } = {},
): Promise<{ release(): Promise<void> }> {
  let open: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (open = resolve));
  let refuse = refuseFirst;
  await page.route(`**/api/${channel}`, async (route) => {
    if (refuse) {
      refuse = false;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'validation', message: 'Refused for the test.' } }),
      });
      return;
    }
    await held;
    await route.continue();
  });
  return {
    async release() {
      open();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}
