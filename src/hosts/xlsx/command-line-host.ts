/**
 * What the command line's two hosts share: `GridWorkbookHost` (./grid-host, for `check`) and
 * `PackageWorkbookHost` (./package-host, for `apply` and `revert`). Both hold a file's Grids as
 * the package reader read them and give the user's view of them alike; and with no one at a
 * screen there is nothing to select and no fixes or settings to keep, so those calls are refused
 * here, once, with a ReadOnlyError naming the file.
 */
import type { Grid } from '../../core/grid';
import { JOURNAL_SHEET, type Journal } from '../../core/plan/journal';
import { trustedJournal, type VerifiedJournal } from '../../core/plan/journal-verify';
import type { EditPlan } from '../../core/plan/plan';
import { userView } from '../../core/plan/user-view';
import type { StoredSettings } from '../../core/settings/stored';
import type { Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../host';
import { displayText } from '../../core/grid';

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

/** A call the host does not answer: a programming error, not the user's. */
export class ReadOnlyError extends Error {}

export abstract class CommandLineHost implements WorkbookHost {
  abstract readonly name: string;
  /** The file's sheets as the package reader read them, the add-in's own sheets among them. */
  protected abstract readonly grids: readonly Grid[];
  /** What a refusal says after the file's name: what this host is for. */
  protected abstract readonly refusal: string;

  async read(onProgress?: Progress): Promise<Grid[]> {
    const grids = userView(this.grids, gridJournal(this.grids), displayText);
    onProgress?.(1, 1);
    return grids;
  }

  async isApplied(): Promise<boolean> {
    return this.grids.some((g) => g.name === JOURNAL_SHEET);
  }

  abstract loadSettings(): Promise<StoredSettings | null>;
  abstract apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal>;
  abstract revert(onProgress?: Progress): Promise<RevertOutcome | null>;

  protected refuse(): never {
    throw new ReadOnlyError(`${this.name}: ${this.refusal}`);
  }

  async saveSettings(): Promise<void> {
    this.refuse();
  }
  async applyFixes(): Promise<void> {
    this.refuse();
  }
  async undoFixes(): Promise<number> {
    return this.refuse();
  }
  async select(): Promise<void> {
    this.refuse();
  }
  async selectCells(): Promise<number> {
    return this.refuse();
  }
  /** A file on the command line has no selection. */
  async selectedRange(): Promise<SelectedRange | null> {
    return null;
  }
}
