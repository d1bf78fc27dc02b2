/**
 * 序时进度 lights end to end, in a real browser: in the workbench, the pane's lights choice (银川)
 * is kept in the workbook, Apply writes the lights, and typing a new percentage into a progress cell
 * changes that node's light at once, as Excel's conditional formats would. The cells and the
 * expected lights come from the core run here on the same sample, never written into the test.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { Edit } from '../../src/core/plan';
import { t } from '../../src/core/i18n';
import { applyWithHost } from '../../src/hosts/workflow';
import { loadWorkbookFile } from '../../src/hosts/xlsx';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { ARTIFACTS, DIST, e2eBrowser } from '../support/e2e-browser';

const SHOTS = path.join(ARTIFACTS, 'lights');
const SAMPLE = 'seed-000';
const AS_OF = '2018-07-15';

const e2e = e2eBrowser({ name: 'lights' });

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Where the lights go on the sample, from the core's own apply: the progress column and the light column, and a node due before the as-of date. */
async function expected(): Promise<{ progress: string; light: string; row: number }> {
  const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
  const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
  const r = await applyWithHost(host, { lang: 'zh-CN', asOf: AS_OF, today: AS_OF, lights: { preset: 'yinchuan' } });
  const header = (label: string) => (r.plan.edits.find((e): e is Extract<Edit, { kind: 'cell' }> => e.kind === 'cell' && e.value === label)?.cell ?? '').replace(/\d+/g, '');
  const table = r.report.sheets[0]!.tables[0]!;
  // A node past its due date (its window all gone): 30% is 70 points behind (red), 95% only 5 (green).
  const node = table.tasks.flatMap((k) => k.nodes).find((n) => n.state === 'overdue')!;
  return { progress: table.lights?.progressColumn ?? header(t('zh-CN', 'plan.status')), light: header(t('zh-CN', 'plan.light')), row: node.row };
}

test('a typed percentage changes the light', async () => {
  const want = await expected();
  expect(want.light).not.toBe('');
  const page = await e2e.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${e2e.server.url}workbench.html?sample=${SAMPLE}`);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.fill('[data-testid="asof-input"]', AS_OF);
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="table-card"]');
    // The lights choice: kept in the workbook, and the pane counts the lights at once.
    await page.selectOption('[data-testid="lights-preset"]', 'yinchuan');
    await page.waitForSelector('[data-testid="score-lights"]');
    await page.click('[data-testid="apply-button"]');
    await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');

    const progress = `${want.progress}${want.row}`;
    const light = `${want.light}${want.row}`;
    const type = async (text: string) => {
      await page.click(`[data-testid="sheet-view"] td[data-cell="${progress}"]`);
      await page.fill('[data-testid="formula-bar"]', text);
      await page.press('[data-testid="formula-bar"]', 'Enter');
    };
    const lightOf = (cell: string) => page.getAttribute(`[data-testid="sheet-view"] td[data-cell="${cell}"]`, 'data-light');

    await type('95%');
    await page.waitForFunction((c) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${c}"]`)?.getAttribute('data-light') === 'green', progress);
    expect(await lightOf(light)).toBe('green');
    expect(await page.textContent(`[data-testid="sheet-view"] td[data-cell="${light}"]`)).toBe(t('zh-CN', 'light.green'));
    await page.locator(`[data-testid="sheet-view"] td[data-cell="${light}"]`).scrollIntoViewIfNeeded();
    await shot(page, '01-green');

    await type('30%');
    await page.waitForFunction((c) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${c}"]`)?.getAttribute('data-light') === 'red', progress);
    expect(await lightOf(light)).toBe('red');
    expect(await page.textContent(`[data-testid="sheet-view"] td[data-cell="${light}"]`)).toBe(t('zh-CN', 'light.red'));
    await shot(page, '02-red');

    // The pane counts it at its next check.
    await page.click('[data-testid="check-button"]');
    await page.waitForFunction((text) => document.querySelector('[data-testid="score-lights"]')?.textContent?.includes(text) === true, t('zh-CN', 'lights.count', { green: 0, blue: 0, yellow: 0, red: 1 }));
    expect(problems).toEqual([]);
  } finally {
    await page.close();
  }
}, 120_000);
