/**
 * The screen at 10,000 cases (and 100,000 with FOI_DESK_BENCH_100K=1) in Chromium through the
 * browser bridge, as the e2e tests start it: unlock → the first queue page painted, a search
 * keystroke → its results (one more letter typed once the results before it are shown; and a
 * search pasted and Entered), and switching the queue's view (open, closed, all). Each time runs
 * from the action in the page to the animation frame showing its result (the summary's text, the
 * grid ready with its first row, after it went busy); the keystroke also inside the page, from its
 * keydown event to the frame, without Playwright's round trips. Needs `npm run build` (dist/renderer) and
 * /usr/bin/chromium. Numbers to read; nothing here fails a build. Run: `npm run bench ui`. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { makeTempDir } from '../tests/helpers';
import { measure, reportRow, summarise } from './harness';
import { BENCH_PASSPHRASE, seededRegister } from './register';

// Bundled, the bridge module would take itself for the program run and start a second bridge.
process.argv[1] = '';
const { startBridge } = await import('../main/bridge/server');

const SIZES = process.env.FOI_DESK_BENCH_100K ? [10_000, 100_000] : [10_000];
const RENDER_ROOT = path.resolve('dist/renderer');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

/** Resolves at the first animation frame in which the queue shows a summary matching `pattern`. */
/** The little of the DOM the wait reads (the benchmarks are typed without the DOM library). */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
}
interface BenchWindow {
  document: El & { addEventListener(type: string, listener: () => void, options: object): void };
  /** In-page times of the keystroke being timed: its keydown, and the frame showing its results. */
  benchKey?: { down: number | null; frame: number | null };
  requestAnimationFrame(callback: () => void): void;
  /** Set when the grid went busy after `watchGrid`: the result waited for is a new one. */
  benchSawBusy?: boolean;
  MutationObserver: new (callback: () => void) => { observe(target: El, options: object): void };
}

/** Notes when the queue's grid next goes busy (a new page asked for), so a wait sees the new page. */
async function watchGrid(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.benchSawBusy = false;
    const grid = w.document.querySelector('[data-screen="queue"] [role="grid"]');
    if (!grid) return;
    new w.MutationObserver(() => {
      if (grid.getAttribute('data-ready') === 'false') w.benchSawBusy = true;
    }).observe(grid, { attributes: true, attributeFilter: ['data-ready'] });
  });
}

/**
 * Times the next keystroke inside the page: from its keydown event to the animation frame after
 * the grid is ready again with its results (what the officer sees, without Playwright's own
 * round trips to the browser, which the outer time includes). Read it with keyToFrame().
 */
async function timeNextKeyInPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    const timing: { down: number | null; frame: number | null } = { down: null, frame: null };
    w.benchKey = timing;
    w.document.addEventListener('keydown', () => (timing.down = performance.now()), {
      capture: true,
      once: true,
    });
    const grid = w.document.querySelector('[data-screen="queue"] [role="grid"]');
    if (!grid) return;
    let sawBusy = false;
    new w.MutationObserver(() => {
      const ready = grid.getAttribute('data-ready');
      if (ready === 'false') sawBusy = true;
      else if (ready === 'true' && sawBusy && timing.down !== null && timing.frame === null)
        w.requestAnimationFrame(() => (timing.frame ??= performance.now()));
    }).observe(grid, { attributes: true, attributeFilter: ['data-ready'] });
  });
}

async function keyToFrame(page: Page): Promise<number> {
  // The frame callback may still be to come when Playwright's own wait returns in the same frame.
  await page.waitForFunction(() => (globalThis as unknown as BenchWindow).benchKey?.frame != null, null, {
    timeout: 10_000,
  });
  const timing = await page.evaluate(() => (globalThis as unknown as BenchWindow).benchKey);
  return timing!.frame! - timing!.down!;
}

async function queueShows(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) => {
      const w = globalThis as unknown as BenchWindow;
      if (w.benchSawBusy === false) return false;
      const doc = w.document;
      const summary = doc.querySelector('[data-testid="queue-summary"]')?.textContent ?? '';
      const grid = doc.querySelector('[data-screen="queue"] [role="grid"]');
      return (
        new RegExp(source, flags).test(summary) &&
        grid?.getAttribute('data-ready') === 'true' &&
        (grid.getAttribute('data-total') === '0' || grid.querySelector('[aria-rowindex="2"]') !== null)
      );
    },
    [pattern.source, pattern.flags] as const,
    { polling: 'raf', timeout: 120_000 },
  );
}

async function run(cases: number): Promise<void> {
  const temp = makeTempDir('foi-desk-bench-ui-');
  const file = path.join(temp.dir, 'register.foidesk');
  const bridge = await startBridge({
    port: 0,
    renderRoot: RENDER_ROOT,
    configDir: path.join(temp.dir, 'config'),
    // The background page check is left out so it does not share the CPU with the timings.
    desk: { actor: 'bench', integrityCheck: false },
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    seededRegister(cases, file);
    const mib = statSync(file).size / 2 ** 20;
    console.log(`\n## ${cases.toLocaleString('en-GB')} cases, ${mib.toFixed(0)} MiB`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'en-GB' });
    const page = await context.newPage();
    const iterations = cases > 50_000 ? 5 : 7;
    const lockAndReload = async () => {
      await fetch(`${bridge.origin}/api/session:lock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
        body: '{}',
      });
      await page.goto(bridge.url);
      await page.locator('[data-screen="unlock"][data-ready="true"]').waitFor();
      const openTab = page.getByRole('button', { name: 'Open a case file' });
      if (await openTab.count()) await openTab.click();
      const another = page.getByRole('radio', { name: 'Another case file' });
      if (await another.count()) await another.check();
      const where = page.getByLabel('Where the case file is');
      if (await where.count()) await where.fill(file);
      await page.getByLabel('Passphrase').fill(BENCH_PASSPHRASE);
    };
    const unlock = await measure(
      'unlock → first queue page painted (key derivation included)',
      async () => {
        await page.getByRole('button', { name: 'Unlock' }).click();
        await queueShows(page, /open cases?, sorted/);
      },
      { iterations, before: lockAndReload },
    );
    reportRow('unlock → queue painted in Chromium (target < 1 s)', cases, unlock, null);

    const view = (name: string) =>
      page.locator('[aria-label="Which cases"] button', { hasText: name }).first();
    const views: [string, RegExp][] = [
      ['Closed', /closed cases?, sorted/],
      ['All', /^[\d,]+ cases?, sorted/],
      ['Open', /open cases?, sorted/],
    ];
    for (const [name, shows] of views) {
      const other = views.find(([n]) => n !== name)!;
      const switched = await measure(
        `switch the queue to ${name} → its first page painted`,
        async () => {
          await view(name).click();
          await queueShows(page, shows);
        },
        {
          iterations,
          before: async () => {
            await view(other[0]).click();
            await queueShows(page, other[1]);
            await watchGrid(page);
          },
        },
      );
      reportRow(`switch the view to ${name}, painted (target < 200 ms)`, cases, switched, null);
    }

    await view('All').click();
    await queueShows(page, /^[\d,]+ cases?, sorted/);
    const search = page.getByLabel('Search', { exact: true });
    const clear = async () => {
      await search.fill('');
      await page.keyboard.press('Enter');
      await queueShows(page, /^[\d,]+ cases?, sorted/);
    };
    const inPage: number[] = [];
    const keystroke = await measure(
      'search: a keystroke ("Cyber Essential" shown, then "s") → its results painted',
      async () => {
        await search.press('s');
        await queueShows(page, /cases? matching/);
        inPage.push(await keyToFrame(page));
      },
      {
        iterations,
        before: async () => {
          await clear();
          await search.fill('Cyber Essential');
          await queueShows(page, /cases? matching/);
          await watchGrid(page);
          await timeNextKeyInPage(page);
        },
      },
    );
    inPage.shift(); // measure's warm-up run
    const keyInPage = summarise('  the same, in the page: keydown → the frame showing the results', inPage);
    reportRow('search keystroke → results painted, Playwright round trip', cases, keystroke, null);
    reportRow('search keystroke → results painted, in the page (target < 100 ms)', cases, keyInPage, null);
    await measure(
      'search: "Cyber Essentials" pasted + Enter → results painted',
      async () => {
        await search.fill('Cyber Essentials');
        await page.keyboard.press('Enter');
        await queueShows(page, /cases? matching/);
      },
      {
        iterations,
        before: async () => {
          await clear();
          await search.focus();
          await watchGrid(page);
        },
      },
    );
    await context.close();
  } finally {
    await browser.close();
    await bridge.close();
    temp.cleanup();
  }
}

if (!existsSync(path.join(RENDER_ROOT, 'index.html'))) {
  console.log('dist/renderer is missing: run `npm run build` first.');
} else {
  for (const size of SIZES) await run(size);
}
