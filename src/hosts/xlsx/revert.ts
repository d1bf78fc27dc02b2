/**
 * Reverting an applied plan in an ExcelJS workbook from its journal, whichever host wrote it. The
 * journal is verified first (../../core/plan/journal-verify), against the workbook as it reads now:
 * one that cannot be verified is refused with a JournalError and nothing is changed; a cell the user
 * changed after apply, or a sheet the add-in added and the user wrote into, stays as the user left it.
 */
import type ExcelJS from 'exceljs';
import { JOURNAL_SHEET, parseJournal, type Journal } from '../../core/plan/journal';
import { trustedJournal, verifyJournal, type JournalSkip, type VerifiedJournal } from '../../core/plan/journal-verify';
import { restoreCell, type CellModel } from './apply';
import { sheetChunks } from './own-sheets';
import { gridsFromWorkbook } from './read-grid';

/** ExcelJS keeps data validations per sheet, keyed by range; its typings do not show them. */
function validationModel(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
}

/** ExcelJS removes names by location only; a name as a whole goes with its matrix. */
export function dropName(wb: ExcelJS.Workbook, name: string): void {
  delete (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap[name];
}

/**
 * The journal in the workbook, verified against it; null when there is none. Throws a JournalError
 * (with a message in either language) when there is one that may not be acted on.
 */
export function verifiedJournal(wb: ExcelJS.Workbook): VerifiedJournal | null {
  const chunks = sheetChunks(wb, JOURNAL_SHEET);
  if (!chunks) return null;
  return verifyJournal(parseJournal(chunks), gridsFromWorkbook(wb));
}

/** The verified journal's content, or null; throws as `verifiedJournal` does. */
export function readJournal(wb: ExcelJS.Workbook): Journal | null {
  return verifiedJournal(wb)?.journal ?? null;
}

export interface RevertOutcome {
  /** What was left as the user made it. */
  skipped: JournalSkip[];
}

/**
 * Puts back everything the verified journal may, and removes it; null when nothing was applied.
 * Everything is checked before the first change: a refused journal leaves the workbook as it was.
 */
export function revertWorkbook(wb: ExcelJS.Workbook): RevertOutcome | null {
  const v = revertJournal(wb);
  return v ? { skipped: v.skipped } : null;
}

/** As `revertWorkbook`, giving the journal as verified: what was put back (the package writer writes just that). */
export function revertJournal(wb: ExcelJS.Workbook): VerifiedJournal | null {
  const v = verifiedJournal(wb);
  if (!v) return null;
  for (const name of v.sheetsToDelete) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const c of v.cells) restoreCell((wb.getWorksheet(c.sheet) as ExcelJS.Worksheet).getCell(c.cell), c.before as CellModel);
  for (const w of v.widths) (wb.getWorksheet(w.sheet) as ExcelJS.Worksheet).getColumn(w.column).width = w.before ?? (undefined as unknown as number);
  for (const d of v.validations) {
    const model = validationModel(wb.getWorksheet(d.sheet) as ExcelJS.Worksheet);
    if (d.before === null) delete model[d.range];
    else model[d.range] = d.before;
  }
  for (const h of v.highlights) {
    (wb.getWorksheet(h.sheet) as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.splice(h.countBefore);
  }
  for (const n of v.names) {
    dropName(wb, n.name);
    for (const r of n.before) wb.definedNames.add(r, n.name);
  }
  const journal = wb.getWorksheet(JOURNAL_SHEET);
  if (journal) wb.removeWorksheet(journal.id);
  return v;
}

/** Puts everything the journal names back as it was, and removes the journal; false when there was none. */
export function revertPlan(wb: ExcelJS.Workbook): boolean {
  return revertWorkbook(wb) !== null;
}

/** The verified journal's content, or null when there is none or it cannot be verified: for views, which never fail on it. */
export function readTrustedJournal(wb: ExcelJS.Workbook): Journal | null {
  return trustedJournal(sheetChunks(wb, JOURNAL_SHEET), gridsFromWorkbook(wb))?.journal ?? null;
}
