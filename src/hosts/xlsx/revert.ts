/**
 * Reverting an applied plan in an ExcelJS workbook from its journal, whichever host wrote it. The
 * journal is verified first (../../core/plan/journal-verify), against the workbook as it reads now:
 * one that cannot be verified is refused with a JournalError and nothing is changed; a cell the user
 * changed after apply, or a sheet the add-in added and the user wrote into, stays as the user left it.
 */
import type ExcelJS from 'exceljs';
import { JOURNAL_SHEET, type Journal } from '../../core/plan/journal';
import { formulaShape, trustedJournal, verifyStoredJournal, type JournalSkip, type StoredJournal, type VerifiedJournal } from '../../core/plan/journal-verify';
import { copiedChoiceRuns, isCopiedChoice, runCells } from '../../core/plan/copied-choices';
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

/** The journal in the workbook as a host acts on it (../../core/plan/journal-verify); null when there is none. */
function storedJournal(wb: ExcelJS.Workbook): StoredJournal | null {
  const chunks = sheetChunks(wb, JOURNAL_SHEET);
  return chunks ? verifyStoredJournal(chunks, gridsFromWorkbook(wb)) : null;
}

/**
 * The journal in the workbook, verified against it (as a half-done apply's when still marked
 * pending); null when there is none, or only a pending one cut short. Throws a JournalError (with
 * a message in either language) when there is one that may not be acted on.
 */
export function verifiedJournal(wb: ExcelJS.Workbook): VerifiedJournal | null {
  const stored = storedJournal(wb);
  return stored?.kind === 'verified' ? stored.verified : null;
}

/** The verified journal's content, or null; throws as `verifiedJournal` does. */
export function readJournal(wb: ExcelJS.Workbook): Journal | null {
  return verifiedJournal(wb)?.journal ?? null;
}

export interface RevertOutcome {
  /** What was left as the user made it. */
  skipped: JournalSkip[];
  /** Set when what was reverted was an apply that had stopped half-way (its journal still marked pending). */
  pending?: true;
}

/**
 * Puts back everything the verified journal may, and removes it; null when nothing was applied.
 * Everything is checked before the first change: a refused journal leaves the workbook as it was.
 * A journal still marked pending is undone as far as its apply got, and the outcome says so.
 */
export function revertWorkbook(wb: ExcelJS.Workbook): RevertOutcome | null {
  const stored = storedJournal(wb);
  if (!stored) return null;
  if (stored.kind === 'cut-short') {
    dropJournalSheet(wb);
    return { skipped: [], pending: true };
  }
  revertVerified(wb, stored.verified);
  return stored.pending ? { skipped: stored.verified.skipped, pending: true } : { skipped: stored.verified.skipped };
}

/**
 * As `revertWorkbook`, giving the journal as verified: what was put back (the package writer writes
 * just that); null when there was none, or only a pending one cut short (which goes, alone).
 */
export function revertJournal(wb: ExcelJS.Workbook): VerifiedJournal | null {
  const stored = storedJournal(wb);
  if (!stored) return null;
  if (stored.kind === 'cut-short') {
    dropJournalSheet(wb);
    return null;
  }
  revertVerified(wb, stored.verified);
  return stored.verified;
}

function dropJournalSheet(wb: ExcelJS.Workbook): void {
  const journal = wb.getWorksheet(JOURNAL_SHEET);
  if (journal) wb.removeWorksheet(journal.id);
}

function revertVerified(wb: ExcelJS.Workbook, v: VerifiedJournal): void {
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
  removeCopiedChoices(wb, v);
  removeHighlights(wb, v.highlightEdits);
  for (const n of v.names) {
    dropName(wb, n.name);
    for (const r of n.before) wb.definedNames.add(r, n.name);
  }
  dropJournalSheet(wb);
}

/** A row inserted inside the table took the add-in's dropdown from the row above: it goes too (../../core/plan/copied-choices). */
function removeCopiedChoices(wb: ExcelJS.Workbook, v: VerifiedJournal): void {
  for (const run of copiedChoiceRuns(v)) {
    const ws = wb.getWorksheet(run.sheet);
    if (!ws) continue;
    const model = validationModel(ws);
    for (const cell of runCells(run)) {
      const r = model[cell] as { type?: string; formulae?: unknown[] } | undefined;
      if (r?.type === 'list' && isCopiedChoice(run, typeof r.formulae?.[0] === 'string' ? r.formulae[0] : null)) delete model[cell];
    }
  }
}

interface Formatting {
  ref: string;
  rules: Array<{ type?: string; formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string } } } }>;
}

/**
 * The plan's conditional formats taken away, each found by its formula and colour: after the user
 * inserted rows or columns their ranges and references have moved, and another program may have
 * merged or reordered them, so neither a range nor a count finds them. Each edit takes one rule, the
 * last that matches (the add-in's were added after the user's), never a user's second copy.
 */
function removeHighlights(wb: ExcelJS.Workbook, edits: VerifiedJournal['highlightEdits']): void {
  for (const e of [...edits].reverse()) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const list = (ws as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings;
    const shape = formulaShape(e.formula);
    found: for (let i = list.length - 1; i >= 0; i--) {
      const cf = list[i] as Formatting;
      for (let k = cf.rules.length - 1; k >= 0; k--) {
        const rule = cf.rules[k];
        const f = rule?.formulae?.[0];
        const fill = rule?.style?.fill?.bgColor?.argb;
        if (rule?.type !== 'expression' || typeof f !== 'string' || formulaShape(f) !== shape) continue;
        if (typeof fill === 'string' && fill.slice(-6).toUpperCase() !== e.fill) continue;
        cf.rules.splice(k, 1);
        if (cf.rules.length === 0) list.splice(i, 1);
        break found;
      }
    }
  }
}

/** Puts everything the journal names back as it was, and removes the journal; false when there was none. */
export function revertPlan(wb: ExcelJS.Workbook): boolean {
  return revertWorkbook(wb) !== null;
}

/** The verified journal's content, or null when there is none or it cannot be verified: for views, which never fail on it. */
export function readTrustedJournal(wb: ExcelJS.Workbook): Journal | null {
  return trustedJournal(sheetChunks(wb, JOURNAL_SHEET), gridsFromWorkbook(wb))?.journal ?? null;
}
