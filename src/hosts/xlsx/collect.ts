/**
 * Writing a collect into the master and taking it out again. Each collect is journaled as a plan of
 * cell values in the journal format of ../../core/plan (before-images, digest), in its own very
 * hidden sheet, so that it neither disturbs nor is disturbed by an applied plan's journal. A new
 * collect replaces the last one's journal: the last collect then stays as it is.
 */
import type ExcelJS from 'exceljs';
import { checkCollectJournal, COLLECT_SHEET, type CheckedCollect, type CollectEdit, type CollectJournalProblem } from '../../core/collect';
import type { Grid } from '../../core/grid';
import { parseJournal, sealJournal, type EditPlan, type Journal, type JournalDraft } from '../../core/plan';
import type { TableReport } from '../../core/contract';
import { journalChunks } from '../../core/plan/journal';
import { cellBeforeImage, restoreCell, type CellModel } from './apply';
import { sheetChunks } from './own-sheets';

export function writeCollect(wb: ExcelJS.Workbook, edits: readonly CollectEdit[]): Journal {
  const plan: EditPlan = {
    version: 1,
    edits: edits.map((e) => ({ kind: 'cell' as const, sheet: e.sheet, cell: e.cell, value: e.value.value, ...(e.value.numFmt ? { numFmt: e.value.numFmt } : {}) })),
  };
  const j: JournalDraft = { plan, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: [] };
  const touched = new Set<string>();
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) throw new Error(`collect names sheet "${e.sheet}", which the master does not have`);
    const cell = ws.getCell(e.cell);
    const key = `${e.sheet}!${e.cell}`;
    if (!touched.has(key)) {
      j.cells.push({ sheet: e.sheet, cell: e.cell, before: cellBeforeImage(cell) as JournalDraft['cells'][number]['before'] });
      touched.add(key);
    }
    cell.value = e.value.value;
    // A fresh style per cell: ExcelJS shares one among the cells of a format.
    if (e.value.numFmt) cell.style = { ...JSON.parse(JSON.stringify(cell.style ?? {})), numFmt: e.value.numFmt };
  }
  const sealed = sealJournal(j);
  const old = wb.getWorksheet(COLLECT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(COLLECT_SHEET, { state: 'veryHidden' });
  journalChunks(sealed).forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
  return sealed;
}

/**
 * Puts back what the last collect wrote: null when there is none; the problem when its journal may
 * not be acted on (nothing is changed then). Throws a JournalError for a damaged or forged journal.
 */
export function revertCollect(
  wb: ExcelJS.Workbook,
  grids: readonly Grid[],
  tables: ReadonlyMap<string, readonly TableReport[]>,
): CheckedCollect | CollectJournalProblem | null {
  const chunks = sheetChunks(wb, COLLECT_SHEET);
  if (!chunks) return null;
  const checked = checkCollectJournal(parseJournal(chunks), grids, tables);
  if ('key' in checked) return checked;
  for (const c of checked.restore) restoreCell((wb.getWorksheet(c.sheet) as ExcelJS.Worksheet).getCell(c.cell), c.before as CellModel);
  const ws = wb.getWorksheet(COLLECT_SHEET);
  if (ws) wb.removeWorksheet(ws.id);
  return checked;
}
