/**
 * Every score opens to its explanation, in a real browser: in the workbench (dist/web), in each
 * language, a task's score in the pane opens to its weight, its milestones with their states and
 * deadlines and what each earned (seed 000 as of 2018-07-15); a 扣分制 table scored by item opens to
 * its 分值 − 扣分; a title's 截至 date is the date picker's default, with its note. What the page must
 * show is read from the core run here on the same bytes. Screenshots in
 * test-artifacts/e2e/scores/<lang>/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type ExcelJS from 'exceljs';
import type { Lang } from '../../src/core/i18n';
import { type TableReport } from '../../src/core/contract';
import { checkWorkbook } from '../../src/core/check';
import { gridsFromWorkbook, loadWorkbookFile } from '../../src/hosts/xlsx';
import { formatPoints, ui } from '../../src/taskpane/strings';
import { ARTIFACTS as E2E_ARTIFACTS, DIST, e2eBrowser } from '../support/e2e-browser';
import { itemDeductionsWorkbook, ownRulesWorkbook } from '../support/own-rules-workbook';

const ARTIFACTS = path.join(E2E_ARTIFACTS, 'scores');
const AS_OF = '2018-07-15';

const e2e = e2eBrowser({ name: 'scores' });
let files: string;

beforeAll(async () => {
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-e2e-scores-files-'));
  await ownRulesWorkbook().xlsx.writeFile(path.join(files, 'own-rules.xlsx'));
  await itemDeductionsWorkbook().xlsx.writeFile(path.join(files, 'item-deductions.xlsx'));
});

afterAll(() => {
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

async function shot(page: Page, lang: Lang, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, lang);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The first table of a workbook as the pane's Check sees it. */
function coreTable(wb: ExcelJS.Workbook, lang: Lang, o: { asOf: string; asOfFromTitle?: boolean }): TableReport {
  return checkWorkbook('e2e', gridsFromWorkbook(wb), { lang, ...o }).sheets[0]!.tables[0]!;
}

const texts = (page: Page, testId: string) => page.$$eval(`[data-testid="${testId}"]`, (els) => els.map((e) => e.textContent ?? ''));

/** A fresh workbench in `lang`, then a file opened as its Open does, shown from its first sheet. */
async function openFile(page: Page, lang: Lang, file: string, sheet: string): Promise<void> {
  const named = (name: string) =>
    page.waitForFunction((n) => document.querySelector('[data-testid="workbook-name"]')?.textContent === n, name);
  await page.goto(`${e2e.server.url}workbench.html${lang === 'en-US' ? '?lang=en-US' : ''}`);
  // The bundled sample first, so that it cannot replace the file opened after it.
  await named('seed-000.xlsx');
  await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
  await page.setInputFiles('[data-testid="open-input"]', path.join(files, file));
  await named(file);
  await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')?.getAttribute('data-sheet') === name, sheet);
  await page.waitForSelector('[data-testid="check-button"]:not([disabled])');
}

async function checkAndWait(page: Page): Promise<void> {
  await page.click('[data-testid="check-button"]');
  await page.waitForSelector('[data-testid="table-card"]');
  await page.waitForSelector('[data-testid="check-button"]:not([disabled])');
}

describe.each<[Lang]>([['zh-CN'], ['en-US']])('score explanations in %s', (lang) => {
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    page = await e2e.context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 30_000);

  afterAll(async () => {
    await page?.close();
  });

  test('a task’s score opens to its weight, its milestones and what each earned', async () => {
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', 'seed-000.xlsx'));
    const task = coreTable(wb, lang, { asOf: AS_OF }).tasks[0]!;
    await page.goto(`${e2e.server.url}workbench.html?sample=seed-000${lang === 'en-US' ? '&lang=en-US' : ''}`);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.fill('[data-testid="asof-input"]', AS_OF);
    await checkAndWait(page);
    const button = page.locator('[data-testid="score-task-points"]').first();
    expect(await button.textContent()).toBe(ui(lang, 'points.of', { earned: formatPoints(task.score!.earned!), max: formatPoints(task.score!.outOf) }));
    expect(await page.locator('[data-testid="score-explanation"]').count()).toBe(0);
    await button.click();
    const ex = page.locator('[data-testid="score-explanation"]');
    await ex.waitFor();
    expect(await ex.textContent()).toContain(
      ui(lang, 'scores.explain-weight', { max: formatPoints(task.score!.max), source: ui(lang, 'scores.weight-column'), nodes: task.nodes.length, share: formatPoints(task.nodes[0]!.score!.share) }),
    );
    const lines = await texts(page, 'score-explanation-node');
    expect(lines.map((l) => l.split(' · ')[1])).toEqual(task.nodes.map((n) => n.deadline?.text));
    expect(lines).toHaveLength(task.nodes.length);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await ex.scrollIntoViewIfNeeded();
    await shot(page, lang, '01-task-explained');
    expect(problems).toEqual([]);
  }, 120_000);

  test('a 扣分制 item opens to its 分值 − 扣分', async () => {
    const table = coreTable(itemDeductionsWorkbook(), lang, { asOf: new Date().toISOString().slice(0, 10), asOfFromTitle: true });
    await openFile(page, lang, 'item-deductions.xlsx', '细则');
    await checkAndWait(page);
    await page.waitForSelector('[data-testid="score-item-deductions"]');
    const buttons = page.locator('[data-testid="score-task-points"]');
    expect(await buttons.count()).toBe(table.tasks.length);
    // The first item (20 − 6 = 14) and the one with a capped bonus (15 − 0 + 3 = 18).
    await buttons.nth(0).click();
    await buttons.nth(3).click();
    expect(await texts(page, 'score-explanation-item')).toEqual([
      ui(lang, 'scores.explain-item', { max: '20', deduction: '6', bonus: '', earned: '14' }),
      ui(lang, 'scores.explain-item', { max: '15', deduction: '0', bonus: ui(lang, 'scores.explain-item-bonus', { bonus: '3' }), earned: '18' }),
    ]);
    expect(await page.textContent('[data-testid="score-table-total"]')).toBe(
      ui(lang, 'scores.total', { points: ui(lang, 'points.of', { earned: formatPoints(table.score!.earned!), max: formatPoints(table.score!.outOf) }) }),
    );
    await page.locator('[data-testid="score-explanation"]').first().scrollIntoViewIfNeeded();
    await shot(page, lang, '02-item-deductions');
    expect(problems).toEqual([]);
  }, 120_000);

  test('a title’s 截至 date is the picker’s default, and can be changed', async () => {
    await openFile(page, lang, 'own-rules.xlsx', 'Sheet1');
    await checkAndWait(page);
    await page.waitForSelector('[data-testid="asof-from-title"]');
    expect(await page.inputValue('[data-testid="asof-input"]')).toBe('2024-06-30');
    expect(await page.textContent('[data-testid="asof-from-title"]')).toBe(ui(lang, 'asof.from-title', { title: '2024年重点工作任务考核表（截至2024年6月底）' }));
    await page.locator('[data-testid="asof-input"]').scrollIntoViewIfNeeded();
    await shot(page, lang, '03-as-of-from-title');
    await page.fill('[data-testid="asof-input"]', '2024-06-01');
    await page.waitForSelector('[data-testid="asof-from-title"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="check-button"]:not([disabled])');
    expect(await page.inputValue('[data-testid="asof-input"]')).toBe('2024-06-01');
    expect(problems).toEqual([]);
  }, 120_000);
});
