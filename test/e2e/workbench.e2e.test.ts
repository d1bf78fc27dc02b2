/**
 * End to end, in a real browser: the built workbench (dist/web, `npm run build`) served as `npm start`
 * serves it, driven in Debian's headless Chromium through the real task pane. What the page must
 * show is read from the core run here on the same sample file, never written into the test.
 * Each step leaves a screenshot in test-artifacts/e2e/<lang>/, each bundled sample one in samples/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { Lang } from '../../src/core/i18n';
import type { FileReport } from '../../src/core/contract';
import { parseRange } from '../../src/core/grid';
import { applyWithHost, checkWithHost } from '../../src/hosts/workflow';
import { loadWorkbookFile } from '../../src/hosts/xlsx';
import { readJournal } from '../../src/hosts/xlsx/apply';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { ui } from '../../src/taskpane/strings';
import { cellList, ruleTitle } from '../../src/taskpane/rule-title';
import { wt } from '../../src/workbench/strings';
import { ARTIFACTS, DIST, ROOT, e2eBrowser } from '../support/e2e-browser';

const SAMPLE = 'seed-000';
const AS_OF = '2018-07-15';

interface Expected {
  invalidDateCells: string[];
  /** The dates with spaces the core finds (a rule whose fix is safe for all its cells), with their fixed text. */
  spaced: Array<{ cell: string; found: string; fixed: string }>;
  overdue: number;
  overdueRows: number[];
  tasks: number;
  sheets: string[];
}

/** What the core says about the sample the page opens: the same bytes, the same workflow. */
async function expectedFor(lang: Lang): Promise<Expected> {
  const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
  const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
  const today = new Date().toISOString().slice(0, 10);
  const first: FileReport = (await checkWithHost(host, { lang, today })).report;
  const asOf: FileReport = (await checkWithHost(host, { lang, asOf: AS_OF, today })).report;
  const nodes = asOf.sheets.flatMap((s) => s.tables.flatMap((t) => t.tasks.flatMap((k) => k.nodes)));
  return {
    invalidDateCells: first.findings.filter((f) => f.rule === 'date.invalid' && f.cell).map((f) => f.cell as string),
    spaced: first.findings
      .filter((f) => f.rule === 'text.date-spaces' && f.cell && typeof f.fix?.value === 'string')
      .map((f) => ({ cell: f.cell as string, found: f.found as string, fixed: f.fix!.value as string })),
    overdue: nodes.filter((n) => n.state === 'overdue').length,
    overdueRows: nodes.filter((n) => n.state === 'overdue').map((n) => n.row).sort((a, b) => a - b),
    tasks: asOf.sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.tasks.length, 0), 0),
    sheets: wb.worksheets.filter((ws) => (ws.state ?? 'visible') === 'visible').map((ws) => ws.name),
  };
}

const e2e = e2eBrowser({ name: 'workbench' });

/**
 * Nothing may cover the workbook view or the pane (a portal or dialog stretched over the page once
 * did): the middle of each must be the element itself.
 */
async function expectUncovered(page: Page): Promise<void> {
  const hits = await page.evaluate(() =>
    ['sheet-view', 'task-pane'].map((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      if (!el || !r) return `${id}: missing`;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && el.contains(hit) ? 'ok' : `${id}: covered by ${hit?.outerHTML.slice(0, 120) ?? 'nothing'}`;
    }),
  );
  expect(hits).toEqual(['ok', 'ok']);
}

async function shot(page: Page, folder: Lang | 'samples', name: string): Promise<void> {
  await expectUncovered(page);
  const dir = path.join(ARTIFACTS, folder);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function texts(page: Page, selector: string, attr: string): Promise<string[]> {
  return page.$$eval(selector, (els, a) => els.map((e) => e.getAttribute(a) ?? ''), attr);
}

/** Distinct rows of the view's cells with a given data-state. */
async function stateRows(page: Page, state: string): Promise<number[]> {
  const rows = await texts(page, `[data-testid="sheet-view"] [data-state="${state}"]`, 'data-row');
  return [...new Set(rows.map(Number))].sort((a, b) => a - b);
}

/** A new page whose errors, thrown or logged to the console, land in `problems`. */
async function watchedPage(problems: string[]): Promise<Page> {
  const page = await e2e.context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return page;
}

describe.each<[Lang]>([['zh-CN'], ['en-US']])('workbench in %s', (lang) => {
  let page: Page;
  let expected: Expected;
  const problems: string[] = [];

  beforeAll(async () => {
    expected = await expectedFor(lang);
    page = await watchedPage(problems);
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  test('check, select a finding, highlight as of a date, apply and revert', async () => {
    const query = lang === 'zh-CN' ? `?sample=${SAMPLE}` : `?sample=${SAMPLE}&lang=${lang}`;
    await page.goto(`${e2e.server.url}workbench.html${query}`);

    // 01 — the workbook is open beside the task pane, labels in the chosen language.
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.waitForSelector('[data-testid="check-button"]');
    expect(await page.textContent('[data-testid="check-button"]')).toContain(ui(lang, 'check.button'));
    expect(await page.textContent('[data-testid="open-button"]')).toContain(wt(lang, 'toolbar.open'));
    expect(await page.textContent('[data-testid="task-pane"]')).toContain(wt(lang, 'pane.title'));
    expect(await page.textContent('[data-testid="ribbon-addin-button"]')).toContain(wt(lang, 'ribbon.button'));
    expect(await texts(page, '[data-testid="sheet-tab"]', 'data-sheet')).toEqual(expected.sheets);
    await shot(page, lang, '01-open');

    // 02 — Check: the table card and the impossible dates the core finds.
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="table-card"]');
    expect(expected.invalidDateCells.length).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="finding"][data-rule="date.invalid"]');
    const shownInvalid = await texts(page, '[data-testid="finding"][data-rule="date.invalid"]', 'data-cell');
    expect([...shownInvalid].sort()).toEqual([...expected.invalidDateCells].sort());
    // The grid marks the cells with findings in their corner: an impossible date is an error there.
    // Other sheets' cells are not drawn, the first sheet's are (the view holds all its rows).
    const firstSheet = expected.invalidDateCells.filter((c) => c.startsWith(`${expected.sheets[0]}!`));
    expect(firstSheet.length).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-finding]');
    for (const c of firstSheet) expect(await page.getAttribute(`[data-testid="sheet-view"] td[data-cell="${c.split('!')[1]}"]`, 'data-finding')).toBe('error');
    await shot(page, lang, '02-checked');

    // 03 — a finding selects its cell: the view shows that sheet, the cell selected and in view.
    const target = expected.invalidDateCells[0] as string;
    await page.click(`[data-testid="finding"][data-rule="date.invalid"][data-cell="${target}"]`);
    await page.waitForFunction((cell) => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-address') === cell, target);
    expect(await page.inputValue('[data-testid="name-box"]')).toBe(target);
    const cellBox = await page.locator('[data-testid="selected-cell"]').boundingBox();
    const viewBox = await page.locator('[data-testid="sheet-view"]').boundingBox();
    expect(cellBox && viewBox).toBeTruthy();
    expect(cellBox!.y).toBeGreaterThanOrEqual(viewBox!.y);
    expect(cellBox!.y + Math.min(cellBox!.height, 20)).toBeLessThanOrEqual(viewBox!.y + viewBox!.height);
    expect(await page.getAttribute('[data-testid="selected-cell"]', 'data-cell')).toBe(target.split('!')[1]);
    await shot(page, lang, '03-selected');

    // The Name Box goes to a cell typed into it, as Excel's does.
    await page.fill('[data-testid="name-box"]', 'e5');
    await page.press('[data-testid="name-box"]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === 'E5');
    expect(await page.inputValue('[data-testid="name-box"]')).toBe(`${expected.sheets[0]}!E5`);
    // Arrow keys move it as in Excel.
    await page.click('[data-testid="sheet-view"] td[data-cell="E5"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === 'F6');
    expect(await page.inputValue('[data-testid="name-box"]')).toBe(`${expected.sheets[0]}!F6`);

    // 04 — as of 2018-07-15: the overdue count the core gives for that date.
    await page.fill('[data-testid="asof-input"]', AS_OF);
    await page.click('[data-testid="check-button"]');
    await page.waitForFunction((n) => document.querySelector('[data-testid="count-overdue"]')?.textContent?.trim() === String(n), expected.overdue);
    expect(expected.overdue).toBeGreaterThan(0);
    await shot(page, lang, '04-as-of');

    // 05 — Apply: the overdue rows turn red in the view and each task's score appears.
    expect(await page.textContent('[data-testid="apply-button"]')).toContain(ui(lang, 'apply.button'));
    await page.click('[data-testid="apply-button"]');
    await page.waitForSelector('[data-testid="sheet-view"] [data-state="overdue"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-view"] [data-kind="score"]').length === n, expected.tasks);
    expect(await stateRows(page, 'overdue')).toEqual(expected.overdueRows);
    const scoreTitle = await page.getAttribute('[data-kind="score"]', 'title');
    expect(scoreTitle).toBe(wt(lang, 'grid.computed'));
    const tabsAfterApply = await texts(page, '[data-testid="sheet-tab"]', 'data-sheet');
    expect(tabsAfterApply.length).toBe(expected.sheets.length + 1);
    // Bring the score column into the screenshot: it sits right of the table.
    await page.locator('[data-kind="score"]').first().scrollIntoViewIfNeeded();
    await shot(page, lang, '05-applied');

    // 06 — the summary sheet the plan added: its totals, as the core computes them.
    const summary = tabsAfterApply.find((n) => !expected.sheets.includes(n)) as string;
    await page.click(`[data-testid="sheet-tab"][data-sheet="${summary}"]`);
    await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')?.getAttribute('data-sheet') === name, summary);
    expect(await page.$$eval('[data-testid="sheet-view"] [data-kind="total"]', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.inputValue('[data-testid="name-box"]')).toBe(`${summary}!A1`);
    await shot(page, lang, '06-summary-sheet');

    // 07 — Revert (from the summary sheet, which goes): no colours, no scores, the tabs as they were.
    await page.click('[data-testid="revert-button"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-view"] [data-state], [data-testid="sheet-view"] [data-kind]').length === 0);
    expect(await texts(page, '[data-testid="sheet-tab"]', 'data-sheet')).toEqual(expected.sheets);
    expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-sheet')).toBe(expected.sheets[0]);
    await shot(page, lang, '07-reverted');

    // 08 — the pane's language switch turns the workbench around it too.
    const other: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
    await page.click('[data-testid="lang-switch"]');
    await page.waitForFunction((l) => document.querySelector('[data-testid="workbench"]')?.getAttribute('data-lang') === l, other);
    expect(await page.textContent('[data-testid="open-button"]')).toContain(wt(other, 'toolbar.open'));
    expect(await page.textContent('[data-testid="ribbon-addin-button"]')).toContain(wt(other, 'ribbon.button'));
    await shot(page, lang, '08-switched');

    expect(problems).toEqual([]);
  }, 60_000);
});

describe.each<[Lang]>([['zh-CN'], ['en-US']])('the pane as work to get through, in %s', (lang) => {
  let page: Page;
  let expected: Expected;
  const problems: string[] = [];

  beforeAll(async () => {
    expected = await expectedFor(lang);
    page = await watchedPage(problems);
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  const cellText = (address: string) => page.textContent(`[data-testid="sheet-view"] td[data-cell="${address.split('!')[1]}"]`);
  const shownFindings = () => texts(page, '[data-testid="finding-group"]', 'data-rule').then(async (rules) => [rules, await texts(page, '[data-testid="finding-group"]', 'data-count')]);
  const settled = () => page.waitForSelector('[data-testid="check-button"]:not([disabled])');

  test('filters, fix-all of a rule and its undo; an as-of change, Apply, and grid and pane agree; Revert as before', async () => {
    const query = lang === 'zh-CN' ? `?sample=${SAMPLE}` : `?sample=${SAMPLE}&lang=${lang}`;
    await page.goto(`${e2e.server.url}workbench.html${query}`);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="finding-group"]');
    await settled();

    // 21 — the findings come first, grouped by rule; the errors lead.
    const findingsBox = await page.locator('[data-testid="findings"]').boundingBox();
    const tablesBox = await page.locator('[data-testid="tables"]').boundingBox();
    expect(findingsBox!.y).toBeLessThan(tablesBox!.y);
    expect(await page.getAttribute('[data-testid="finding-group"] >> nth=0', 'data-severity')).toBe('error');
    const before = await shownFindings();
    await shot(page, lang, '21-findings-first');

    // 22 — the error filter shows the impossible dates only; All shows everything again.
    await page.click('[data-testid="filter-error"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="finding"]')].every((f) => f.getAttribute('data-severity') === 'error'));
    expect([...(await texts(page, '[data-testid="finding"]', 'data-cell'))].sort()).toEqual([...expected.invalidDateCells].sort());
    await shot(page, lang, '22-filter-errors');
    await page.click('[data-testid="filter-all"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="finding-group"]').length === n, before[0]!.length);

    // 23 — fix-all of the dates with spaces: every cell in the grid reads the fixed date, the group is gone.
    expect(expected.spaced.length).toBeGreaterThan(1);
    for (const s of expected.spaced) expect(await cellText(s.cell)).toBe(s.found);
    // The first of them selected, so that the grid shows them in the screenshots.
    await page.click(`[data-testid="finding"][data-rule="text.date-spaces"][data-cell="${expected.spaced[0]!.cell}"]`);
    await page.waitForFunction((cell) => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-address') === cell, expected.spaced[0]!.cell);
    await page.click('[data-testid="finding-group"][data-rule="text.date-spaces"] [data-testid="fix-all-button"]');
    await page.waitForSelector('[data-testid="finding-group"][data-rule="text.date-spaces"]', { state: 'detached' });
    await settled();
    for (const s of expected.spaced) expect(await cellText(s.cell)).toBe(s.fixed);
    const cells = expected.spaced.map((x) => x.cell);
    expect(await page.textContent('[data-testid="status-message"]')).toContain(
      ui(lang, 'status.fixed-all', { title: ruleTitle(lang, 'text.date-spaces'), count: cells.length, cells: cellList(lang, cells) }),
    );
    await shot(page, lang, '23-fixed-all');

    // 24 — one undo puts every cell back, and the group with it.
    await page.click('[data-testid="undo-fixes-button"]');
    await page.waitForSelector('[data-testid="finding-group"][data-rule="text.date-spaces"]');
    await settled();
    for (const s of expected.spaced) expect(await cellText(s.cell)).toBe(s.found);
    expect(await shownFindings()).toEqual(before);
    await shot(page, lang, '24-fixes-undone');

    // 25 — Apply as of today, then change the date: the pane says plainly that Apply is needed.
    await page.click('[data-testid="apply-button"]');
    await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
    await settled();
    await page.fill('[data-testid="asof-input"]', AS_OF);
    await page.waitForSelector('[data-testid="applied-other-date"]');
    await settled();
    await page.waitForFunction((n) => document.querySelector('[data-testid="count-overdue"]')?.textContent?.trim() === String(n), expected.overdue);
    expect(await page.getAttribute('[data-testid="status-message"]', 'data-intent')).toBe('warning');
    await shot(page, lang, '25-as-of-needs-apply');

    // 26 — Apply: the grid's red rows are the pane's overdue milestones, the note is gone.
    await page.click('[data-testid="apply-button"]');
    await page.waitForSelector('[data-testid="applied-other-date"]', { state: 'detached' });
    await settled();
    await page.waitForFunction((n) => new Set([...document.querySelectorAll('[data-testid="sheet-view"] [data-state="overdue"]')].map((e) => e.getAttribute('data-row'))).size === n, expected.overdueRows.length);
    expect(await stateRows(page, 'overdue')).toEqual(expected.overdueRows);
    expect(await page.textContent('[data-testid="count-overdue"]')).toBe(String(expected.overdue));
    await shot(page, lang, '26-as-of-applied');

    // 27 — Revert: the grid without colours or added cells, the pane re-read: same findings, same counts.
    await page.click('[data-testid="revert-button"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-view"] [data-state], [data-testid="sheet-view"] [data-kind]').length === 0);
    await page.waitForSelector('[data-testid="revert-button"][disabled]');
    await settled();
    expect(await texts(page, '[data-testid="sheet-tab"]', 'data-sheet')).toEqual(expected.sheets);
    expect(await shownFindings()).toEqual(before);
    expect(await page.textContent('[data-testid="count-overdue"]')).toBe(String(expected.overdue));
    expect(await page.textContent('[data-testid="status-message"]')).toContain(ui(lang, 'status.reverted'));
    await shot(page, lang, '27-reverted');

    expect(problems).toEqual([]);
  }, 120_000);
});

describe('workbench: other workbooks', () => {
  test('a range selected in the grid becomes the table: check shows that table, apply colours its rows only', async () => {
    // What the core says of seed 000 with its table set by hand to A2:J30, header row 2.
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
    const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
    const options = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };
    const auto = (await checkWithHost(host, options)).report.sheets[0]!.tables;
    const mapping = { version: 1 as const, tables: [{ sheet: 'Sheet1', table: 1, columns: {}, range: 'A2:J30' }] };
    const placed = (await checkWithHost(host, { ...options, mapping })).report;
    const table = placed.sheets[0]!.tables[0]!;
    expect(auto.map((t) => t.range)).toEqual(['A2:J56']);
    expect(table).toMatchObject({ range: 'A2:J30', headerRows: [2], rangeFrom: 'settings' });
    const overdueRows = table.tasks.flatMap((k) => k.nodes).filter((n) => n.state === 'overdue').map((n) => n.row).sort((a, b) => a - b);
    expect(overdueRows.length).toBeGreaterThan(0);

    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}workbench.html?sample=${SAMPLE}`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      await page.fill('[data-testid="asof-input"]', AS_OF);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector(`[data-testid="table-card"][data-range="${auto[0]!.range}"]`);
      await page.waitForSelector('[data-testid="finding"][data-rule="date.invalid"]');

      // Select A2, then shift-click J19: its merge (J19:J30) makes the range A2:J30, as in Excel.
      await page.click('[data-testid="sheet-view"] td[data-cell="A2"]');
      await page.click('[data-testid="sheet-view"] td[data-cell="J19"]', { modifiers: ['Shift'] });
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="J19"][data-in-range]');
      const inRange = await texts(page, '[data-testid="sheet-view"] td[data-in-range]', 'data-cell');
      const rows = inRange.map((a1) => Number(a1.replace(/[A-Z]+/, '')));
      expect([Math.min(...rows), Math.max(...rows)]).toEqual([2, 30]);
      expect(inRange).not.toContain('K2');
      expect(await page.inputValue('[data-testid="name-box"]')).toBe('Sheet1!A2');
      await shot(page, 'zh-CN', '12-range-selected');

      // "Use selection as the table": the card shows that table, placed by hand; the dates of rows 42–43 are outside it.
      await page.click('[data-testid="use-selection"]');
      await page.waitForSelector('[data-testid="table-card"][data-range="A2:J30"][data-placed]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="finding"][data-rule="date.invalid"]').length === 0);
      expect(await page.textContent('[data-testid="table-card"]')).toContain(ui('zh-CN', 'tables.tasks', { tasks: table.tasks.length, nodes: table.tasks.reduce((n, k) => n + k.nodes.length, 0) }));
      expect(await page.textContent('[data-testid="status-message"]')).toContain(ui('zh-CN', 'status.range-saved', { address: 'Sheet1!A2:J30' }));
      await shot(page, 'zh-CN', '13-range-as-table');

      // Apply colours the overdue rows of that table, and none below it.
      await page.click('[data-testid="apply-button"]');
      await page.waitForSelector('[data-testid="sheet-view"] [data-state="overdue"]');
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      expect(await stateRows(page, 'overdue')).toEqual(overdueRows);
      await shot(page, 'zh-CN', '14-range-applied');
      await page.click('[data-testid="revert-button"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-view"] [data-state]').length === 0);
      // The table stays as the user set it after the revert: the mapping is the user's, not the plan's.
      await page.waitForSelector('[data-testid="table-card"][data-range="A2:J30"][data-placed]');
    } finally {
      await page.close();
    }
  }, 60_000);

  test('?sample= opens another sample; Open… reads a file in the browser; Save downloads it annotated', async () => {
    const page = await e2e.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    try {
      const seed3 = await loadWorkbookFile(path.join(DIST, 'samples', 'seed-003.xlsx'));
      await page.goto(`${e2e.server.url}workbench.html?sample=seed-003`);
      await page.waitForFunction(() => document.querySelector('[data-testid="workbook-name"]')?.textContent === 'seed-003.xlsx');
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      expect(await texts(page, '[data-testid="sheet-tab"]', 'data-sheet')).toEqual(seed3.worksheets.filter((w) => (w.state ?? 'visible') === 'visible').map((w) => w.name));
      await shot(page, 'zh-CN', '09-sample-seed-003');

      // Open…: the file goes from the input into the page, never to the server.
      const file = path.join(ROOT, 'examples', 'seed-001.xlsx');
      const seed1 = await loadWorkbookFile(file);
      await page.setInputFiles('[data-testid="open-input"]', file);
      await page.waitForFunction(() => document.querySelector('[data-testid="workbook-name"]')?.textContent === 'seed-001.xlsx');
      const firstSheet = seed1.worksheets[0]!;
      await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')?.getAttribute('data-sheet') === name, firstSheet.name);
      const a1 = String(firstSheet.getCell('A1').value ?? '');
      expect(await page.textContent('[data-testid="sheet-view"] td[data-cell="A1"]')).toBe(a1);
      expect(requests.filter((r) => !r.startsWith('GET ') || !r.includes(e2e.server.url) || r.includes('seed-001'))).toEqual([]);

      // Apply, then Save: the download is the annotated workbook, journal and all.
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="table-card"]');
      await page.click('[data-testid="apply-button"]');
      await page.waitForSelector('[data-testid="sheet-view"] [data-kind="score"]');
      // The view redraws as soon as the workbook changes; the pane's re-check ends a little later.
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      await shot(page, 'zh-CN', '10-opened-seed-001-applied');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-button"]')]);
      expect(download.suggestedFilename()).toBe('seed-001-annotated.xlsx');
      const saved = path.join(e2e.profile, 'saved.xlsx');
      await download.saveAs(saved);
      const back = await loadWorkbookFile(saved);
      const journal = readJournal(back);
      expect(journal).not.toBeNull();
      expect(journal!.plan.edits.some((e) => e.kind === 'highlight')).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);

  test('statuses in the workbook: done rows green, overdue red, due soon amber, as the core says', async () => {
    // seed 000 with a status column filled in, as staff would before submitting it.
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
    const ws = wb.worksheets[0]!;
    ws.getCell('K2').value = '完成情况';
    for (const cell of ['K3', 'K4', 'K11']) ws.getCell(cell).value = '已完成';
    ws.getCell('K7').value = '进度滞后';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const asOf = '2018-06-25';
    const host = new XlsxWorkbookHost(wb, 'statuses.xlsx');
    const nodes = (await checkWithHost(host, { lang: 'zh-CN', asOf, today: asOf })).report.sheets[0]!.tables.flatMap((t) => t.tasks.flatMap((k) => k.nodes));
    const rowsOf = (pred: (s: string | undefined) => boolean) => nodes.filter((n) => pred(n.state)).map((n) => n.row).sort((a, b) => a - b);
    const want = { done: rowsOf((s) => s === 'done' || s === 'done_late'), overdue: rowsOf((s) => s === 'overdue'), due_soon: rowsOf((s) => s === 'due_soon') };
    expect(want.done.length * want.overdue.length * want.due_soon.length).toBeGreaterThan(0);

    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}workbench.html`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      await page.setInputFiles('[data-testid="open-input"]', { name: 'statuses.xlsx', mimeType: 'application/octet-stream', buffer });
      await page.waitForFunction(() => document.querySelector('[data-testid="workbook-name"]')?.textContent === 'statuses.xlsx');
      await page.fill('[data-testid="asof-input"]', asOf);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="table-card"]');
      await page.click('[data-testid="apply-button"]');
      await page.waitForSelector('[data-testid="sheet-view"] [data-state="done"]');
      expect({ done: await stateRows(page, 'done'), overdue: await stateRows(page, 'overdue'), due_soon: await stateRows(page, 'due_soon') }).toEqual(want);
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      await shot(page, 'zh-CN', '11-statuses-applied');
    } finally {
      await page.close();
    }
  }, 30_000);

  test('a status typed into the added column turns its row green and counts in the next check; revert keeps it', async () => {
    // What the core says once the first task's two due milestones are done.
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
    const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
    const options = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };
    const { plan, report } = await applyWithHost(host, options);
    const status = plan.edits.find((e) => e.kind === 'choices');
    if (status?.kind !== 'choices') throw new Error('the plan adds no status column');
    const col = status.range.replace(/\d+/g, '');
    const task = report.sheets[0]!.tables[0]!.tasks[0]!;
    const due = task.nodes.filter((n) => n.state === 'overdue').map((n) => n.row);
    expect(due.length).toBeGreaterThanOrEqual(2);
    const typed = due.slice(0, 2).map((r) => `${col}${r}`);
    for (const a1 of typed) await host.editCell(`Sheet1!${a1}`, '已完成');
    const after = (await checkWithHost(host, options)).report;
    const nodes = after.sheets[0]!.tables[0]!.tasks.flatMap((k) => k.nodes);
    const doneCount = nodes.filter((n) => n.state === 'done' || n.state === 'done_late').length;
    expect(doneCount).toBe(2);

    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}workbench.html`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      await page.fill('[data-testid="asof-input"]', AS_OF);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="table-card"]');
      await page.click('[data-testid="apply-button"]');
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      for (const a1 of typed) {
        await page.click(`[data-testid="sheet-view"] td[data-cell="${a1}"]`);
        await page.fill('[data-testid="formula-bar"]', '已完成');
        await page.press('[data-testid="formula-bar"]', 'Enter');
        await page.waitForFunction((cell) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${cell}"]`)?.textContent === '已完成', a1);
      }
      // The colours follow at once, as Excel's conditional formats do.
      await page.waitForFunction((row) => document.querySelector(`[data-testid="sheet-view"] [data-state="done"][data-row="${row}"]`) !== null, due[1]!);
      expect(await stateRows(page, 'done')).toEqual(due.slice(0, 2));
      // The pane counts them at its next check.
      await page.click('[data-testid="check-button"]');
      await page.waitForFunction((n) => document.querySelector('[data-testid="count-done"]')?.textContent === String(n), doneCount);
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      await shot(page, 'zh-CN', '13-typed-statuses');
      // Revert takes out the add-in's cells; what staff typed stays.
      await page.click('[data-testid="revert-button"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="sheet-view"] [data-state]') === null);
      for (const a1 of typed) expect(await page.textContent(`[data-testid="sheet-view"] td[data-cell="${a1}"]`)).toBe('已完成');
    } finally {
      await page.close();
    }
  }, 30_000);

  test('a fix from the pane rewrites its cell in the view, and undoing the fixes puts it back', async () => {
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
    const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
    const today = new Date().toISOString().slice(0, 10);
    const finding = (await checkWithHost(host, { lang: 'zh-CN', today })).report.findings.find((f) => f.fix && f.cell?.startsWith(`${wb.worksheets[0]!.name}!`));
    expect(finding).toBeDefined();
    const a1 = finding!.cell!.split('!')[1]!;
    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}workbench.html`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      const before = await page.textContent(`[data-testid="sheet-view"] td[data-cell="${a1}"]`);
      expect(before).toBe(finding!.found);
      await page.click('[data-testid="check-button"]');
      const item = page.locator(`[data-testid="finding"][data-rule="${finding!.rule}"][data-cell="${finding!.cell}"]`);
      await item.locator('[data-testid="fix-button"]').click();
      await page.waitForFunction(
        ([cell, text]) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${cell}"]`)?.textContent === text,
        [a1, String(finding!.fix!.value ?? '')] as const,
      );
      await page.click(`[data-testid="sheet-view"] td[data-cell="${a1}"]`);
      expect(await page.inputValue('[data-testid="formula-bar"]')).toBe(String(finding!.fix!.value ?? ''));
      await shot(page, 'zh-CN', '12-fixed');
      await page.click('[data-testid="undo-fixes-button"]');
      await page.waitForFunction(
        ([cell, text]) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${cell}"]`)?.textContent === text,
        [a1, before ?? ''] as const,
      );
    } finally {
      await page.close();
    }
  }, 30_000);

  test('a file that is not a workbook gets a clear message, and the open workbook stays', async () => {
    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}workbench.html?lang=en-US`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      await page.setInputFiles('[data-testid="open-input"]', { name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('just text') });
      await page.waitForSelector('[data-testid="open-error"]');
      expect(await page.textContent('[data-testid="open-error"]')).toContain(wt('en-US', 'error.open', { file: 'notes.xlsx', reason: wt('en-US', 'error.not-xlsx') }));
      expect(await page.textContent('[data-testid="workbook-name"]')).toBe(`${SAMPLE}.xlsx`);
      await shot(page, 'en-US', '09-not-a-workbook');
      // The message follows the language, like every other string on the page.
      await page.click('[data-testid="lang-switch"]');
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="open-error"]')?.textContent?.includes(text) ?? false,
        wt('zh-CN', 'error.open', { file: 'notes.xlsx', reason: wt('zh-CN', 'error.not-xlsx') }),
      );
    } finally {
      await page.close();
    }
  }, 30_000);
});

/** What the core says an applied sample shows on its first sheet, as of mid-year of its plan year. */
async function appliedExpectation(sample: string): Promise<{ asOf: string; sheet: string; rows: Record<'overdue' | 'due_soon' | 'done', number[]>; tasks: number }> {
  const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${sample}.xlsx`));
  const host = new XlsxWorkbookHost(wb, `${sample}.xlsx`);
  const today = new Date().toISOString().slice(0, 10);
  const year = (await checkWithHost(host, { lang: 'zh-CN', today })).report.sheets.flatMap((s) => s.tables).find((t) => t.year)?.year ?? 2018;
  const asOf = `${year}-07-15`;
  const { report, plan } = await applyWithHost(host, { lang: 'zh-CN', asOf, today });
  const sheet = wb.worksheets.find((w) => (w.state ?? 'visible') === 'visible')!.name;
  const ranges = plan.edits.flatMap((e) => (e.kind === 'highlight' && e.sheet === sheet ? [parseRange(e.range)] : []));
  // Tables the plan left alone (a cell in its way) get no colours: only those under a highlight count.
  const tables = (report.sheets.find((s) => s.name === sheet)?.tables ?? []).filter((t) => t.tasks.some((k) => ranges.some((r) => k.rows[0] >= r.top && k.rows[1] <= r.bottom)));
  const nodes = tables.flatMap((t) => t.tasks.flatMap((k) => k.nodes));
  const rowsOf = (pred: (s: string | undefined) => boolean) => [...new Set(nodes.filter((n) => pred(n.state)).map((n) => n.row))].sort((a, b) => a - b);
  return {
    asOf,
    sheet,
    rows: { overdue: rowsOf((s) => s === 'overdue'), due_soon: rowsOf((s) => s === 'due_soon'), done: rowsOf((s) => s === 'done' || s === 'done_late') },
    tasks: tables.reduce((n, t) => n + t.tasks.length, 0),
  };
}

const SAMPLES = fs.existsSync(path.join(DIST, 'samples'))
  ? fs.readdirSync(path.join(DIST, 'samples')).filter((f) => f.endsWith('.xlsx')).map((f) => f.replace(/\.xlsx$/, '')).sort()
  : [SAMPLE];

describe('workbench: every bundled sample', () => {
  test.each(SAMPLES.map((s) => [s]))('%s: Apply colours exactly the rows the core says, Revert clears them', async (sample) => {
    const want = await appliedExpectation(sample);
    const page = await e2e.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${e2e.server.url}workbench.html?sample=${sample}`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
      await page.fill('[data-testid="asof-input"]', want.asOf);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="table-card"]');
      await page.click('[data-testid="apply-button"]');
      // Apply is over when Revert can be pressed (a table the plan leaves alone gets no score cells).
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-view"] [data-kind="score"]').length === n, want.tasks);
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-sheet')).toBe(want.sheet);
      for (const state of ['overdue', 'due_soon', 'done'] as const) expect({ state, rows: await stateRows(page, state) }).toEqual({ state, rows: want.rows[state] });
      if (want.tasks > 0) await page.locator('[data-testid="sheet-view"] [data-kind="score"]').first().scrollIntoViewIfNeeded();
      await shot(page, 'samples', sample);
      await page.click('[data-testid="revert-button"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-view"] [data-state], [data-testid="sheet-view"] [data-kind]').length === 0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});
