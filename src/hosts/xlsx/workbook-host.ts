/**
 * The host interface over an ExcelJS workbook held in memory: what the workbench page runs the task
 * pane against, and what the contract tests hold the Office.js host to. Bundled for the browser, so
 * it imports only the modules that need no Node (not `./load`, nor the index that re-exports it).
 */
import type ExcelJS from 'exceljs';
import { displayText, splitAddress, type Grid } from '../../core/grid';
import type { Journal } from '../../core/plan/journal';
import type { EditPlan } from '../../core/plan/plan';
import { JOURNAL_CHUNK, JOURNAL_PENDING } from '../../core/plan/journal';
import { userView } from '../../core/plan/user-view';
import { parseStoredSettings, SETTINGS_SHEET, storedSettingsText, StoredSettingsSchema, type StoredSettings } from '../../core/settings/stored';
import type { CellFix, Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../host';
import { normalRange } from '../../core/settings/mapping';
import { JOURNAL_SHEET } from '../../core/plan/journal';
import { trustedJournal } from '../../core/plan/journal-verify';
import { applyPlan, cellBeforeImage, restoreCell, type CellModel } from './apply';
import { hasJournal, sheetChunks } from './own-sheets';
import { revertWorkbook } from './revert';
import { FixTargetError } from './fixes';
import { gridsFromWorkbook } from './read-grid';
import { cellAreas } from '../../core/grid/cell-areas';

export interface XlsxHostOptions {
  /** Told when the task pane selects a cell (or a range), so that a workbook view can show it. */
  onSelect?(sheet: string, cell: string): void;
  /** Asked what the user has selected in a workbook view (the workbench's grid); absent: the last `select`. */
  selectedRange?(): SelectedRange | null;
  /**
   * The sheets as read from the package `wb` was loaded from: what `read` gives until the host
   * first changes the workbook, so that the first check does not read the sheets again.
   */
  grids?: Grid[];
}

export type ChangeListener = () => void;

/** The settings kept in a workbook's settings sheet, or null. */
export function readStoredSettings(wb: ExcelJS.Workbook): StoredSettings | null {
  return parseStoredSettings(sheetChunks(wb, SETTINGS_SHEET));
}

export class XlsxWorkbookHost implements WorkbookHost {
  private readonly listeners = new Set<ChangeListener>();
  /** The last cell selected, as the task pane asked for it. */
  selection: { sheet: string; cell: string } | null = null;

  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly name: string,
    private readonly opts: XlsxHostOptions = {},
  ) {
    this.fresh = opts.grids;
  }

  /** Calls `listener` after every change the host makes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read from the package; dropped at the first change. */
  private fresh: Grid[] | undefined;

  private changed(): void {
    this.fresh = undefined;
    for (const l of this.listeners) l();
  }

  async read(onProgress?: Progress): Promise<Grid[]> {
    const raw = this.fresh ?? gridsFromWorkbook(this.wb);
    // A journal that cannot be verified shows no before-images: revert says what is wrong with it.
    const grids = userView(raw, trustedJournal(sheetChunks(this.wb, JOURNAL_SHEET), raw), displayText);
    onProgress?.(1, 1);
    return grids;
  }

  /**
   * The applied plan's journal when it verifies against the workbook, else null: what a view of the
   * workbook (the workbench's overlay) reads to show what the plan's formulas compute.
   */
  async journal(): Promise<Journal | null> {
    return trustedJournal(sheetChunks(this.wb, JOURNAL_SHEET), this.fresh ?? gridsFromWorkbook(this.wb))?.journal ?? null;
  }

  async isApplied(): Promise<boolean> {
    return hasJournal(this.wb);
  }

  async apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal> {
    const journal = applyPlan(this.wb, plan, settings);
    onProgress?.(1, 1);
    this.changed();
    return journal;
  }

  async revert(onProgress?: Progress): Promise<RevertOutcome | null> {
    const outcome = revertWorkbook(this.wb);
    onProgress?.(1, 1);
    if (outcome) this.changed();
    return outcome;
  }

  /**
   * An apply that stopped half-way in another program (Excel's pane closed mid-apply, then the file
   * saved) is undone as the pane does on open; null when the journal is no pending one.
   */
  async repairPending(onProgress?: Progress): Promise<RevertOutcome | null> {
    // The mark's one cell, as every reader sees it (rich text after some programs' saves).
    const v = this.wb.getWorksheet(JOURNAL_SHEET)?.getCell(JOURNAL_PENDING.cell).value;
    const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : null;
    if (text !== JOURNAL_PENDING.mark) return null;
    return this.revert(onProgress);
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return readStoredSettings(this.wb);
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    this.writeSettings(StoredSettingsSchema.parse(settings));
    this.changed();
  }

  private writeSettings(settings: StoredSettings): void {
    const old = this.wb.getWorksheet(SETTINGS_SHEET);
    if (old) this.wb.removeWorksheet(old.id);
    const text = storedSettingsText(settings);
    if (text === null) return;
    const ws = this.wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    for (let i = 0, r = 1; i < text.length; i += JOURNAL_CHUNK, r++) ws.getCell(r, 1).value = text.slice(i, i + JOURNAL_CHUNK);
  }

  private cell(ref: string): { sheet: string; cell: string; target: ExcelJS.Cell } {
    const { sheet: named, cell } = splitAddress(ref);
    const sheet = named ?? '';
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new FixTargetError(`${ref}: no sheet "${sheet}"`);
    return { sheet, cell, target: ws.getCell(cell) };
  }

  async applyFixes(fixes: readonly CellFix[]): Promise<void> {
    if (fixes.length === 0) return;
    const settings = (await this.loadSettings()) ?? { version: 1 as const, fixes: [] };
    // Resolve every target first, so that a bad reference writes nothing.
    const targets = fixes.map((f) => ({ f, ...this.cell(f.cell) }));
    for (const { f, sheet, cell, target } of targets) {
      settings.fixes.push({ sheet, cell, before: cellBeforeImage(target), after: f.value });
      // An empty text clears the cell, as it does in Excel.
      target.value = f.value === '' ? null : f.value;
    }
    this.writeSettings(settings);
    this.changed();
  }

  async undoFixes(): Promise<number> {
    const settings = await this.loadSettings();
    if (!settings || settings.fixes.length === 0) return 0;
    // Last first: a cell fixed twice ends as it was before the first fix.
    for (const f of [...settings.fixes].reverse()) {
      const ws = this.wb.getWorksheet(f.sheet);
      if (ws) restoreCell(ws.getCell(f.cell), f.before as CellModel);
    }
    const n = settings.fixes.length;
    this.writeSettings({ ...settings, fixes: [] });
    this.changed();
    return n;
  }

  /**
   * A person's own edit, as typing into a cell in Excel: not the add-in's, so neither journaled nor
   * undone by revert. Text that reads as a number becomes one; an empty text clears the cell.
   */
  async editCell(address: string, text: string): Promise<void> {
    const { target } = this.cell(address);
    const trimmed = text.trim();
    target.value = trimmed === '' ? null : /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
    this.changed();
  }

  async select(address: string): Promise<void> {
    const { sheet: named, cell } = splitAddress(address);
    const sheet = named ?? '';
    if (!this.wb.getWorksheet(sheet)) throw new FixTargetError(`${address}: no sheet "${sheet}"`);
    this.selection = { sheet, cell };
    this.selectionAreas = [cell];
    this.opts.onSelect?.(sheet, cell);
  }

  /** The areas last selected together (`selectCells`), the first of which `selection` names; one area after `select`. */
  selectionAreas: string[] = [];

  async selectCells(cells: readonly string[]): Promise<number> {
    const found = cellAreas(cells);
    if (!found) return 0;
    if (!this.wb.getWorksheet(found.sheet)) throw new FixTargetError(`${cells[0] as string}: no sheet "${found.sheet}"`);
    const first = found.areas[0] as string;
    this.selection = { sheet: found.sheet, cell: first };
    this.selectionAreas = found.areas;
    // A workbook view shows the first area as the selection; the others are the findings' marks.
    this.opts.onSelect?.(found.sheet, first);
    return found.count;
  }

  async selectedRange(): Promise<SelectedRange | null> {
    if (this.opts.selectedRange) return this.opts.selectedRange();
    return this.selection ? { sheet: this.selection.sheet, range: normalRange(this.selection.cell) } : null;
  }
}
