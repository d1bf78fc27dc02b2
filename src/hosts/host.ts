/**
 * The host interface: everything the task pane (and the workflow in `./workflow`) asks of a
 * workbook, whichever program holds it. `excel` implements it over Office.js, `xlsx` over an
 * ExcelJS workbook (command line, workbench, tests). The same contract suite tests both
 * (test/hosts/contract).
 */
import type { Grid } from '../core/grid';
import type { EditPlan, Journal, JournalSkip } from '../core/plan';
import type { StoredSettings } from '../core/settings/stored';

/** Called as long work advances: `done` of `total` steps. */
export type Progress = (done: number, total: number) => void;

/** One cell's new value, as a finding's fix gives it (`Sheet1!G31`). */
export interface CellFix {
  cell: string;
  value: string | number;
}

/** The cells the user has selected: a sheet and a range on it (`B3:H40`, or `C7` for one cell). */
export interface SelectedRange {
  sheet: string;
  range: string;
}

/** Something a host cannot read in this program: merged cells, or hidden rows and columns. */
export type HostLimit = 'merges' | 'hidden';

export interface RevertOutcome {
  skipped: JournalSkip[];
  /** Set when what was reverted was an apply that had stopped half-way. */
  pending?: true;
}

export interface WorkbookHost {
  /** The workbook's name as the user knows it (file name, or Excel's workbook name). */
  readonly name: string;
  /**
   * Every sheet as the user keeps it: what an earlier apply wrote (added columns, the summary sheet,
   * the journal and settings sheets) is left out, so recognition never sees the add-in's own cells.
   */
  read(onProgress?: Progress): Promise<Grid[]>;
  /** Whether an applied plan's journal is in the workbook. */
  isApplied(): Promise<boolean>;
  /**
   * Applies a plan in one batch, reverting an earlier one first, and keeps its journal in the
   * workbook. Returns the journal written.
   */
  apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal>;
  /**
   * Puts back everything the journal names, wherever the user's inserts, deletes and renames have
   * moved it, and removes the journal; null when nothing was applied. What it left as the user made
   * it (a cell the add-in wrote and the user changed, one in a deleted row, a summary sheet written
   * into) is listed, for the pane and the command line to say.
   */
  revert(onProgress?: Progress): Promise<RevertOutcome | null>;
  /**
   * Reverts an apply that stopped half-way (its journal still marked pending), as the pane does
   * when it opens; null when there is none. Absent where apply cannot half-happen (a file is
   * written whole or not at all).
   */
  repairPending?(onProgress?: Progress): Promise<RevertOutcome | null>;
  /** The settings kept in the workbook (mapping, policy, language, fixes log), or null. */
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Writes each fix's value into its one cell, logging what was there in the kept settings. */
  applyFixes(fixes: readonly CellFix[]): Promise<void>;
  /** Puts back every logged fix's cell as it was; returns how many. */
  undoFixes(): Promise<number>;
  /** Selects a cell or a range (`Sheet1!G31`, `'My Sheet'!A1:C9`) and shows its sheet. */
  select(address: string): Promise<void>;
  /**
   * Selects several cells at once (`Sheet1!G4`, `Sheet1!G9`, …) and shows their sheet: "select all
   * cells of this rule". In Excel one RangeAreas; cells on another sheet than the first cell's are
   * left out, as one selection lies on one sheet. Returns how many cells are selected (0 for none).
   */
  selectCells(cells: readonly string[]): Promise<number>;
  /**
   * The range the user has selected, for the pane to take as a table ("use selection as the
   * table"); null when this host has no selection (a file read for a check).
   */
  selectedRange(): Promise<SelectedRange | null>;
  /**
   * Whether the program's own Undo takes a whole apply back in one step (Excel with ExcelApi 1.20);
   * false where only Revert does, which the pane then says. Absent where there is no such Undo (a file).
   */
  undoesApply?(): boolean;
  /** What this host cannot read here (an older Excel), for the check to say; none when absent. */
  limits?(): Promise<HostLimit[]>;
}
