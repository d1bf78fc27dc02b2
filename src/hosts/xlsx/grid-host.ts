/**
 * A host over Grids read straight from a package: what `resptable check` runs against, so that a
 * check never loads the workbook into ExcelJS. It reads (the user's view, the kept settings, the
 * journal) and writes nothing; writing goes through `XlsxWorkbookHost` over an ExcelJS workbook.
 */
import type { Grid } from '../../core/grid';
import { JOURNAL_SHEET, type Journal } from '../../core/plan/journal';
import { trustedJournal, type VerifiedJournal } from '../../core/plan/journal-verify';
import { userView } from '../../core/plan/user-view';
import { parseStoredSettings, SETTINGS_SHEET, type StoredSettings } from '../../core/settings/stored';
import type { Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../host';
import { userViewText } from './cell-text';

/** The text chunks the add-in keeps down column A of one of its own sheets; null without the sheet. */
export function gridChunks(grids: readonly Grid[], name: string): string[] | null {
  const grid = grids.find((g) => g.name === name);
  if (!grid) return null;
  const chunks: string[] = [];
  for (const line of grid.rows) {
    const v = line?.[0]?.value;
    if (v?.kind === 'string') chunks.push(v.value);
  }
  return chunks;
}

/** The workbook's journal when it verifies against the cells it claims to have written; null otherwise. */
export function gridJournal(grids: readonly Grid[]): VerifiedJournal | null {
  return trustedJournal(gridChunks(grids, JOURNAL_SHEET), grids);
}

export class ReadOnlyError extends Error {}

export class GridWorkbookHost implements WorkbookHost {
  constructor(
    private readonly grids: readonly Grid[],
    readonly name: string,
  ) {}

  async read(onProgress?: Progress): Promise<Grid[]> {
    const grids = userView(this.grids, gridJournal(this.grids), userViewText);
    onProgress?.(1, 1);
    return grids;
  }

  async isApplied(): Promise<boolean> {
    return this.grids.some((g) => g.name === JOURNAL_SHEET);
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return parseStoredSettings(gridChunks(this.grids, SETTINGS_SHEET));
  }

  private readOnly(): never {
    // A programming error, not the user's: the command line writes through an ExcelJS workbook.
    throw new ReadOnlyError(`${this.name}: read-only host`);
  }

  async apply(): Promise<Journal> {
    return this.readOnly();
  }
  async revert(): Promise<RevertOutcome | null> {
    return this.readOnly();
  }
  async saveSettings(): Promise<void> {
    this.readOnly();
  }
  async applyFixes(): Promise<void> {
    this.readOnly();
  }
  async undoFixes(): Promise<number> {
    return this.readOnly();
  }
  async select(): Promise<void> {
    this.readOnly();
  }
  async selectCells(): Promise<number> {
    return this.readOnly();
  }
  /** A file read for a check has no selection. */
  async selectedRange(): Promise<SelectedRange | null> {
    return null;
  }
}
