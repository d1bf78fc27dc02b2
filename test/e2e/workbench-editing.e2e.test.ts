/**
 * End to end, in Chromium: editing cells in the workbench as an Excel user does (typing replaces the
 * selected cell, F2 and double-click edit in place, Delete clears, Esc cancels, typing after the Name
 * Box goes to the grid), the status cell's dropdown from its data validation, the 文件 menu with the
 * samples by title, and the warning before unsaved changes are thrown away. Both languages; each step
 * leaves a screenshot in test-artifacts/e2e/<lang>/ (2x-… names).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type ExcelJS from 'exceljs';
import type { Lang } from '../../src/core/i18n';
import { applyWithHost } from '../../src/hosts/workflow';
import { loadWorkbookFile } from '../../src/hosts/xlsx';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { sampleTitle } from '../../src/workbench/samples';
import { wt } from '../../src/workbench/strings';
import { ARTIFACTS, DIST, e2eBrowser } from '../support/e2e-browser';

const SAMPLE = 'seed-000';
const AS_OF = '2018-07-15';

const e2e = e2eBrowser({ name: 'edit' });

async function shot(page: Page, lang: Lang, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, lang);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const cellText = (page: Page, a1: string) => page.textContent(`[data-testid="sheet-view"] td[data-cell="${a1}"]`);

async function waitText(page: Page, a1: string, text: string): Promise<void> {
  await page.waitForFunction(([cell, want]) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${cell}"]`)?.textContent === want, [a1, text] as const);
}

async function waitSelected(page: Page, a1: string): Promise<void> {
  await page.waitForFunction((cell) => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === cell, a1);
}

/** A cell of text that no merge covers, with an unmerged cell under it: the cell the edits go into. */
function plainTextCell(ws: ExcelJS.Worksheet): { a1: string; below: string; text: string } {
  for (let r = 3; r <= 40; r++) {
    for (let c = 1; c <= 12; c++) {
      const cell = ws.getCell(r, c);
      const under = ws.getCell(r + 1, c);
      if (!cell.isMerged && !under.isMerged && typeof cell.value === 'string' && cell.value.trim() !== '' && !cell.value.includes('\n')) {
        return { a1: cell.address, below: under.address, text: cell.value };
      }
    }
  }
  throw new Error(`${SAMPLE}.xlsx: no unmerged text cell in rows 3–40`);
}

describe.each<[Lang]>([['zh-CN'], ['en-US']])('workbench editing in %s', (lang) => {
  test('type, F2, Delete, Esc, double-click, the Name Box, the dropdown, the unsaved-changes warning', async () => {
    const wb = await loadWorkbookFile(path.join(DIST, 'samples', `${SAMPLE}.xlsx`));
    const target = plainTextCell(wb.worksheets[0]!);
    // The status cells the plan adds, and their choices, as the core plans them for this sample.
    const host = new XlsxWorkbookHost(wb, `${SAMPLE}.xlsx`);
    const { plan } = await applyWithHost(host, { lang, asOf: AS_OF, today: AS_OF });
    const status = plan.edits.filter((e): e is Extract<typeof e, { kind: 'choices' }> => e.kind === 'choices');
    expect(status.length).toBeGreaterThanOrEqual(2);
    const [first, second] = status as [(typeof status)[0], (typeof status)[0]];

    const page = await e2e.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${e2e.server.url}workbench.html?sample=${SAMPLE}${lang === 'en-US' ? '&lang=en-US' : ''}`);
      await page.waitForSelector(`[data-testid="sheet-view"] td[data-cell="${target.a1}"]`);
      expect(await cellText(page, target.a1)).toBe(target.text);

      // Typing into the selected cell replaces it; Enter writes it and moves down.
      await page.click(`[data-testid="sheet-view"] td[data-cell="${target.a1}"]`);
      await page.keyboard.type('abc');
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBe('replace');
      expect(await page.inputValue('[data-testid="cell-editor"]')).toBe('abc');
      await shot(page, lang, '21-typing-into-cell');
      await page.keyboard.press('Enter');
      await waitText(page, target.a1, 'abc');
      await waitSelected(page, target.below);
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBeNull();
      await page.waitForSelector('[data-testid="unsaved"]');

      // F2 edits in place, the caret after the text.
      await page.click(`[data-testid="sheet-view"] td[data-cell="${target.a1}"]`);
      await page.keyboard.press('F2');
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBe('edit');
      expect(await page.inputValue('[data-testid="cell-editor"]')).toBe('abc');
      await page.keyboard.press('End');
      await page.keyboard.type('d');
      // In an F2 edit, arrows move the caret, not the selection.
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('-');
      await shot(page, lang, '22-f2-edit');
      await page.keyboard.press('Enter');
      await waitText(page, target.a1, 'abc-d');

      // Esc drops what was typed.
      await page.click(`[data-testid="sheet-view"] td[data-cell="${target.a1}"]`);
      await page.keyboard.type('zzz');
      await page.keyboard.press('Escape');
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBeNull();
      expect(await cellText(page, target.a1)).toBe('abc-d');
      expect(await page.inputValue('[data-testid="formula-bar"]')).toBe('abc-d');

      // Delete clears the cell.
      await page.keyboard.press('Delete');
      await waitText(page, target.a1, '');
      await shot(page, lang, '23-deleted');

      // Double-click edits in place; typed Chinese goes in as well.
      await page.dblclick(`[data-testid="sheet-view"] td[data-cell="${target.a1}"]`);
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBe('edit');
      await page.keyboard.type('已完成');
      await page.keyboard.press('Enter');
      await waitText(page, target.a1, '已完成');

      // After the Name Box, the keyboard is the grid's: typing replaces the cell gone to.
      await page.fill('[data-testid="name-box"]', target.a1);
      await page.press('[data-testid="name-box"]', 'Enter');
      await waitSelected(page, target.a1);
      await page.keyboard.type('x');
      expect(await page.getAttribute('[data-testid="sheet-view"]', 'data-editing')).toBe('replace');
      expect(await page.inputValue('[data-testid="name-box"]')).not.toContain('x');
      await page.keyboard.press('Escape');
      expect(await cellText(page, target.a1)).toBe('已完成');

      // Column A's text never covers the row numbers when the sheet is scrolled right.
      await page.fill('[data-testid="name-box"]', 'A1');
      await page.press('[data-testid="name-box"]', 'Enter');
      await page.$eval('[data-testid="sheet-view"]', (el) => el.scrollBy({ left: 60 }));
      const onTop = await page.$eval('[data-testid="sheet-view"] tbody tr:first-child th', (th) => {
        const r = th.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === th;
      });
      expect(onTop).toBe(true);
      await page.$eval('[data-testid="sheet-view"]', (el) => el.scrollTo({ left: 0 }));

      // The status cells the plan adds get Excel's dropdown from their data validation.
      await page.fill('[data-testid="asof-input"]', AS_OF);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="table-card"]');
      await page.click('[data-testid="apply-button"]');
      await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
      await page.fill('[data-testid="name-box"]', first.range);
      await page.press('[data-testid="name-box"]', 'Enter');
      await waitSelected(page, first.range);
      await page.click('[data-testid="cell-dropdown-button"]');
      expect(await page.$$eval('[data-testid="cell-choice"]', (els) => els.map((e) => e.getAttribute('data-choice')))).toEqual(first.choices);
      await shot(page, lang, '24-dropdown');
      await page.click(`[data-testid="cell-choice"][data-choice="${first.choices[0]}"]`);
      await waitText(page, first.range, first.choices[0]!);
      expect(await page.$('[data-testid="cell-dropdown"]')).toBeNull();
      // From the keyboard: Alt+Down opens it, Down and Enter pick the second choice.
      await page.fill('[data-testid="name-box"]', second.range);
      await page.press('[data-testid="name-box"]', 'Enter');
      await waitSelected(page, second.range);
      await page.keyboard.press('Alt+ArrowDown');
      await page.waitForSelector('[data-testid="cell-dropdown"]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitText(page, second.range, second.choices[1]!);

      // Unsaved changes: reload asks (beforeunload), and so does opening a sample from the 文件 menu.
      const leaving = await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
      expect(leaving).toBe(true);
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.click('[data-testid="file-menu"]');
      await page.click('[data-testid="file-samples"]');
      const items = page.locator('[data-testid="sample-item"]');
      await items.first().waitFor();
      expect(await page.textContent('[data-testid="sample-item"][data-sample="seed-001"]')).toBe(sampleTitle('seed-001', lang));
      expect(sampleTitle('seed-001', lang)).not.toContain('seed');
      await shot(page, lang, '25-file-menu-samples');
      await page.click('[data-testid="sample-item"][data-sample="seed-001"]');
      await page.waitForFunction(() => true);
      expect(asked).toEqual([wt(lang, 'unsaved.confirm', { file: `${SAMPLE}.xlsx` })]);
      // Said no: the workbook and its edits stay.
      expect(await page.textContent('[data-testid="workbook-name"]')).toBe(`${SAMPLE}.xlsx`);
      expect(await cellText(page, target.a1)).toBe('已完成');
      // Said yes: the sample opens, with nothing left to warn about.
      page.once('dialog', (d) => void d.accept());
      await page.click('[data-testid="file-menu"]');
      await page.click('[data-testid="file-samples"]');
      await page.click('[data-testid="sample-item"][data-sample="seed-001"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="workbook-name"]')?.textContent === 'seed-001.xlsx');
      expect(await page.$('[data-testid="unsaved"]')).toBeNull();
      const quiet = await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
      expect(quiet).toBe(false);
      await shot(page, lang, '26-sample-opened');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);
});
