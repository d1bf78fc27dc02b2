/**
 * End to end, in a real browser: revert after staff kept working. In the workbench the sample is
 * checked and applied and saved; the saved copy is then edited as Excel edits a workbook (a row
 * inserted inside the table, a column inserted inside it, a row deleted, the sheet renamed:
 * ../support/structural-edits, references and all) and opened in the workbench again, where
 * statuses are typed and a due date the add-in wrote is typed over in the formula bar; then Revert.
 * Every user cell is as the user left it, every add-in cell the user did not touch is gone, and the
 * pane lists what it left. What it must list and hold is worked out here by the same edits on the
 * never-annotated sample and on the xlsx host, never written into the test.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describeSkipped } from '../../src/core/plan/journal-verify';
import { SETTINGS_SHEET } from '../../src/core/settings/stored';
import { applyWithHost } from '../../src/hosts/workflow';
import { gridsFromWorkbook, loadWorkbookFile } from '../../src/hosts/xlsx';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { ui } from '../../src/taskpane/strings';
import { DIST, e2eBrowser } from '../support/e2e-browser';
import { EDITS, follow, RENAMED } from '../support/seed-000-moved';
import { playEdit } from '../support/structural-edits';

const SAMPLE = path.join(DIST, 'samples', 'seed-000.xlsx');
const AS_OF = '2018-07-15';

/** Typed in the workbench after the structural edits (addresses as they are then). */
function typed(): Array<[string, string]> {
  return [
    // In the inserted row, its deadline (G then, H now); the task cells there are merged over.
    ['H10', '年底前'],
    ['C5', '新增的一列'],
    [follow('K3'), '已完成'],
    [follow('K12'), '滞后'],
    // Over a due date the add-in wrote.
    [follow('L5'), '待定'],
  ];
}

/**
 * Every cell of every sheet as a person reads it: the formula, else the text. The pane's settings
 * sheet (it keeps the as-of date the user chose) is the user's choice, not an annotation.
 */
function cells(wb: ExcelJS.Workbook): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const g of gridsFromWorkbook(wb)) {
    if (g.name === SETTINGS_SHEET) continue;
    const s: Record<string, string> = {};
    g.rows.forEach((line, r) =>
      line?.forEach((c, j) => {
        if (c && (c.formula !== undefined || c.text !== '')) s[`${String.fromCharCode(65 + j)}${r + 1}`] = c.formula !== undefined ? `=${c.formula}` : c.text;
      }),
    );
    out[g.name] = s;
  }
  return out;
}

const e2e = e2eBrowser({ name: 'moved', defaultTimeout: 30_000 });

async function save(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-button"]')]);
  const file = path.join(e2e.profile, name);
  await download.saveAs(file);
  return file;
}

/** Types `text` into `cell` of the sheet shown, through the name box and the formula bar. */
async function type(page: Page, cell: string, text: string): Promise<void> {
  await page.fill('[data-testid="name-box"]', cell);
  await page.press('[data-testid="name-box"]', 'Enter');
  await page.waitForFunction((c) => document.querySelector('[data-testid="selected-cell"]')?.getAttribute('data-cell') === c, cell);
  await page.fill('[data-testid="formula-bar"]', text);
  await page.press('[data-testid="formula-bar"]', 'Enter');
  await page.waitForFunction(([c, t]) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${c}"]`)?.textContent === t, [cell, text] as const);
}

test('revert after inserts, a delete, a rename and typing keeps the user’s cells and lists what it left', async () => {
  const lang = 'zh-CN' as const;
  // What revert must say and leave: the same apply, edits and typing on the xlsx host.
  const model = await loadWorkbookFile(SAMPLE);
  await applyWithHost(new XlsxWorkbookHost(model, 'seed-000.xlsx'), { lang, asOf: AS_OF, today: AS_OF });
  for (const e of EDITS) playEdit(model, e);
  for (const [cell, text] of typed()) (model.getWorksheet(RENAMED) as ExcelJS.Worksheet).getCell(cell).value = text;
  const outcome = await new XlsxWorkbookHost(model, 'seed-000.xlsx').revert();
  expect(outcome?.skipped).toContainEqual({ sheet: RENAMED, cell: follow('L5'), reason: 'changed' });
  const expected = await loadWorkbookFile(SAMPLE);
  for (const e of EDITS) playEdit(expected, e);
  for (const [cell, text] of typed()) (expected.getWorksheet(RENAMED) as ExcelJS.Worksheet).getCell(cell).value = text;

  const page = await e2e.context.newPage();
  try {
    await page.goto(`${e2e.server.url}workbench.html?sample=seed-000&lang=${lang}`);
    await page.waitForSelector('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.fill('[data-testid="asof-input"]', AS_OF);
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="table-card"]');
    await page.click('[data-testid="apply-button"]');
    await page.waitForSelector('[data-testid="sheet-view"] [data-kind="score"]');
    await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
    const applied = await save(page, 'applied.xlsx');

    // Staff keep working on the saved copy, as Excel moves cells and rewrites references.
    const wb = await loadWorkbookFile(applied);
    for (const e of EDITS) playEdit(wb, e);
    const edited = path.join(e2e.profile, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    await page.setInputFiles('[data-testid="open-input"]', edited);
    await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')?.getAttribute('data-sheet') === name, RENAMED);
    for (const [cell, text] of typed()) await type(page, cell, text);

    await page.waitForSelector('[data-testid="revert-button"]:not([disabled])');
    await page.click('[data-testid="revert-button"]');
    const said = ui(lang, 'status.reverted-skipped', { count: outcome!.skipped.length, list: describeSkipped(lang, outcome!.skipped) });
    await page.waitForFunction((text) => document.querySelector('[data-testid="status-message"]')?.textContent?.includes(text) ?? false, said);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-view"] [data-kind="score"]').length === 0);

    const back = await loadWorkbookFile(await save(page, 'reverted.xlsx'));
    expect(cells(back)).toEqual(cells(expected));
    expect(back.worksheets.map((w) => w.name).filter((n) => n !== SETTINGS_SHEET)).toEqual([RENAMED]);
    expect(back.definedNames.model).toEqual([]);
    const ws = back.getWorksheet(RENAMED) as unknown as { dataValidations: { model: object }; conditionalFormattings: unknown[] };
    expect(Object.keys(ws.dataValidations.model)).toEqual([]);
    expect(ws.conditionalFormattings).toEqual([]);
  } finally {
    await page.close();
  }
}, 180_000);
