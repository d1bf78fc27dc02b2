/**
 * End to end, in Chromium: a 20,000-row merged workbook (bench/generate's, each task's cells merged
 * over its four node rows) opened, checked and applied in the workbench without freezing the page.
 * The page's own long-task observer measures every task over 50 ms while it opens, checks and
 * applies; none may reach 100 ms, which holds only if the reading, the check and the apply really run
 * in the document worker. Then arrow keys: each move timed from its keydown to the frame after it,
 * the median under 50 ms. The figures are printed, so a slow machine shows how close it came: beside
 * each phase's longest task, the CPU the page's main thread spent in that same task (Chromium's
 * trace), which tells the page's work from its waiting for a core on a loaded machine.
 * Screenshots in test-artifacts/e2e/20k/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { generateXlsx } from '../../bench/generate';
import { ARTIFACTS as E2E_ARTIFACTS, e2eBrowser } from '../support/e2e-browser';

const ARTIFACTS = path.join(E2E_ARTIFACTS, '20k');
const NODE_ROWS = 20_000;
const FILE = 'generated-20k.xlsx';
/** The acceptance's limits (issue 16): no task on the page over 100 ms, arrow moves under 50 ms. */
const LONGEST_TASK_MS = 100;
const MOVE_MEDIAN_MS = 50;
/** Generous waits: the worker reads, checks and applies 20k rows on a 2-core machine others share. */
const WORK_TIMEOUT = 240_000;

const e2e = e2eBrowser({ name: '20k', defaultTimeout: WORK_TIMEOUT });
let bytes: Buffer;

beforeAll(async () => {
  bytes = Buffer.from(await generateXlsx(NODE_ROWS, { merged: true }));
}, 120_000);

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** The long tasks the page's observer saw since `from` (page time, ms). */
async function longTasksSince(page: Page, from: number): Promise<LongTask[]> {
  return page.evaluate((t) => (window.__longTasks ?? []).filter((x) => x.start + x.duration >= t), from);
}

const now = (page: Page) => page.evaluate(() => performance.now());

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs, the trace's clock. */
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

interface TracedTask {
  /** Page time (performance.now()) of its start, ms. */
  start: number;
  wallMs: number;
  cpuMs: number;
}

const MARK = 'resptable-e2e-phase';

/**
 * Chromium's own trace of the page's main-thread tasks over `work`: each task's start (in page
 * time, through a mark set on the page at the trace's start), wall and thread (CPU) time.
 */
async function traced(page: Page, work: () => Promise<void>): Promise<TracedTask[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
  let events: TraceEvent[] = [];
  let markAt = 0;
  try {
    markAt = await page.evaluate((m) => performance.mark(m).startTime, MARK);
    await work();
  } finally {
    const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream as string });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream as string });
    await cdp.detach();
    const trace = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
    events = Array.isArray(trace) ? trace : trace.traceEvents;
  }
  // The page's main thread (the worker runs on a thread of its own, which is the point).
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const mark = events.find((e) => e.name === MARK);
  // Trace time (µs) → page time (ms); without the mark, starts cannot be matched (NaN never matches).
  const toPage = (ts: number) => (mark ? (ts - mark.ts) / 1000 + markAt : Number.NaN);
  return events
    .filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && /RunTask/.test(e.name))
    .map((e) => ({ start: toPage(e.ts), wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }));
}

interface Phase {
  name: string;
  ms: number;
  /** The page's long-task observer: how many tasks over 50 ms, the longest (wall time). */
  tasks: number;
  longest: number;
  /** Chromium's trace of the same task: the CPU time the page's main thread spent in it (null: not found in the trace). */
  longestCpu: number | null;
  /** The most CPU any one task of the phase took. */
  maxCpu: number;
}

/** One phase of the work: its page-time span, the longest task the page saw in it and the CPU that task took, printed. */
async function phase(page: Page, name: string, work: () => Promise<void>): Promise<Phase> {
  const from = await now(page);
  const trace = await traced(page, async () => {
    await work();
    // The page settles: one more frame, so that the last render's task is over and observed.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  });
  const to = await now(page);
  const tasks = (await longTasksSince(page, from)).filter((x) => x.start <= to);
  const top = tasks.reduce<LongTask | null>((m, x) => (!m || x.duration > m.duration ? x : m), null);
  // The trace's task that is the observer's longest: starting within a few ms of it, the longest such.
  const same = top ? trace.filter((t) => Math.abs(t.start - top.start) < 3).sort((a, b) => b.wallMs - a.wallMs)[0] : undefined;
  return {
    name,
    ms: Math.round(to - from),
    longest: Math.round(top?.duration ?? 0),
    tasks: tasks.length,
    longestCpu: top ? (same ? Math.round(same.cpuMs) : null) : 0,
    maxCpu: Math.round(Math.max(0, ...trace.map((t) => t.cpuMs))),
  };
}

/**
 * Waits inside a measured phase: the page polled every 100 ms. Playwright's own waits query the page
 * on every frame and every change of the DOM, work on the page's thread that the long-task observer
 * would count as the page's own.
 */
async function until(page: Page, selector: string, state: 'attached' | 'detached' = 'attached'): Promise<void> {
  await page.waitForFunction(([sel, st]) => (document.querySelector(sel) !== null) === (st === 'attached'), [selector, state] as const, { polling: 100 });
}

/** Presses a key and times it from the keydown the page receives to the frame painted after it. */
async function timedPress(page: Page, key: string): Promise<number> {
  const measured = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        window.addEventListener(
          'keydown',
          (e) => {
            const t0 = e.timeStamp;
            // rAF runs before the next paint; a message posted from it is handled after that paint.
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now() - t0);
              ch.port2.postMessage(0);
            });
          },
          { once: true, capture: true },
        );
      }),
  );
  // The listener is in place once the evaluate has started running; a frame makes sure of it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await page.keyboard.press(key);
  return measured;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const selectedAddress = (page: Page) => page.getAttribute('[data-testid="selected-cell"]', 'data-address');

test(
  'a 20k-row merged workbook: open, check and apply never block the page for 100 ms; arrow moves stay under 50 ms',
  async () => {
    const page = await e2e.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    // The observer is there before the page's first script, so that it sees every task of the page.
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.route(`**/e2e/${FILE}`, (route) => route.fulfill({ body: bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    await page.goto(`${e2e.server.url}workbench.html?sample=seed-000`);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.waitForSelector('[data-testid="check-button"]:not([disabled])');
    expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);

    // Open: the file read in the browser, the workbook read in the worker, its first view drawn.
    const open = await phase(page, 'open', async () => {
      // As a user's file: picked in the Open dialog (the bytes fetched, not pushed through the test's
      // own channel, whose decoding on the page would be counted as the page's work).
      await page.evaluate(async (name) => {
        const data = await (await fetch(`e2e/${name}`)).arrayBuffer();
        const input = document.querySelector<HTMLInputElement>('[data-testid="open-input"]')!;
        const files = new DataTransfer();
        files.items.add(new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, FILE);
      await until(page, '[data-testid="open-progress"]');
      await shot(page, '01-opening');
      await until(page, '[data-testid="open-progress"]', 'detached');
      await page.waitForFunction((f) => document.querySelector('[data-testid="workbook-name"]')?.textContent?.includes(f), FILE, { polling: 100 });
      await until(page, '[data-testid="sheet-view"] td[data-cell="E3"]');
      await until(page, '[data-testid="check-button"]:not([disabled])');
    });
    await shot(page, '02-open');
    // Only a window of the 20,002 rows is in the page: drawing all of them is what froze it.
    const drawn = await page.locator('[data-testid="sheet-view"] tbody tr').count();
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThan(300);

    const check = await phase(page, 'check', async () => {
      await page.click('[data-testid="check-button"]');
      await until(page, '[data-testid="table-card"]');
      await until(page, '[data-testid="check-button"]:not([disabled])');
    });
    await shot(page, '03-checked');
    // The generated table: its header in row 2, 5,000 tasks of four nodes down to row 20,002.
    expect(await page.getAttribute('[data-testid="table-card"]', 'data-range')).toMatch(new RegExp(`^A[12]:J${NODE_ROWS + 2}$`));

    const apply = await phase(page, 'apply', async () => {
      await page.click('[data-testid="apply-button"]');
      await until(page, '[data-testid="revert-button"]:not([disabled])');
      await until(page, '[data-testid="sheet-view"] [data-state="overdue"]');
    });
    await shot(page, '04-applied');

    // Arrow keys after apply, deep in the sheet: the Name Box takes the selection to row 10,003.
    await page.fill('[data-testid="name-box"]', 'E10003');
    await page.press('[data-testid="name-box"]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === 'E10003');
    const moves: number[] = [];
    for (let i = 0; i < 20; i++) moves.push(await timedPress(page, 'ArrowDown'));
    moves.push(await timedPress(page, 'ArrowRight'), await timedPress(page, 'ArrowLeft'), await timedPress(page, 'ArrowUp'), await timedPress(page, 'ArrowUp'));
    // Twenty down, right and back, two up: E10003 + 18 rows.
    await page.waitForFunction(() => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === 'E10021');
    expect(await selectedAddress(page)).toBe('Sheet1!E10021');
    const box = await page.locator('[data-testid="selected-cell"]').boundingBox();
    const view = await page.locator('[data-testid="sheet-view"]').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(view!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(view!.y + view!.height);
    await shot(page, '05-moved');

    const phases = [open, check, apply];
    const moveMedian = median(moves);
    const moveMax = Math.max(...moves);
    console.log(
      [
        `workbench at ${NODE_ROWS} merged rows (${drawn} table rows drawn):`,
        `  (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores)`,
        ...phases.map(
          (p) => `  ${p.name}: ${p.ms} ms, ${p.tasks} long tasks, longest ${p.longest} ms (its CPU time ${p.longestCpu ?? 'not matched in the trace'} ms; the most CPU of any task ${p.maxCpu} ms)`,
        ),
        `  arrow moves (${moves.length}): median ${moveMedian.toFixed(1)} ms, max ${moveMax.toFixed(1)} ms; each: ${moves.map((m) => m.toFixed(0)).join(' ')}`,
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    // No task on the page reaches 100 ms, as the page's own long-task observer measures it. Wall
    // time holds waits for a core: on a machine loaded past its cores (others' jobs), a task of 10 ms
    // of work can wait 100 ms, so there the page's own work is held instead, each task's CPU under
    // half the limit (the trace's figure) — the test must not depend on the machine's load.
    const loaded = os.loadavg()[0]! > os.cpus().length;
    const within = (p: (typeof phases)[number]): boolean => p.longest < LONGEST_TASK_MS || (loaded && p.maxCpu < LONGEST_TASK_MS / 2);
    expect(phases.map((p) => ({ phase: p.name, longest: p.longest, cpu: p.maxCpu, loaded, within: within(p) }))).toEqual(
      phases.map((p) => ({ phase: p.name, longest: p.longest, cpu: p.maxCpu, loaded, within: true })),
    );
    expect(moveMedian).toBeLessThan(MOVE_MEDIAN_MS);
    await page.close();
  },
  15 * 60_000,
);
