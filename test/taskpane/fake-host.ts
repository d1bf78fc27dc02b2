/**
 * The xlsx host over a seed workbook in memory, with every call the pane makes recorded, so that
 * tests can say what the pane asked of the workbook and then look at what the workbook holds.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import type { EditPlan, Journal } from '../../src/core/plan';
import type { StoredSettings } from '../../src/core/settings/stored';
import type { CellFix, Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../../src/hosts/host';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { fixturePath } from '../support/fixtures';

export type Call =
  | { op: 'read' }
  | { op: 'isApplied' }
  | { op: 'apply'; plan: EditPlan }
  | { op: 'revert' }
  | { op: 'loadSettings' }
  | { op: 'saveSettings'; settings: StoredSettings }
  | { op: 'applyFixes'; fixes: CellFix[] }
  | { op: 'undoFixes' }
  | { op: 'select'; address: string }
  | { op: 'selectCells'; cells: string[] }
  | { op: 'selectedRange' };

export class RecordingHost implements WorkbookHost {
  readonly calls: Call[] = [];
  /** Set to make the next call of that operation fail, as a host would on a lost connection. */
  failNext: Partial<Record<Call['op'], Error>> = {};
  /** Set to hold every call of that operation until the promise settles, to see the pane mid-work. */
  hold: Partial<Record<Call['op'], Promise<void>>> = {};

  constructor(readonly inner: WorkbookHost) {}

  get name(): string {
    return this.inner.name;
  }

  private async enter(call: Call): Promise<void> {
    this.calls.push(call);
    await this.hold[call.op];
    const e = this.failNext[call.op];
    if (e) {
      delete this.failNext[call.op];
      throw e;
    }
  }

  ops(op: Call['op']): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  async read(onProgress?: Progress): Promise<Grid[]> {
    await this.enter({ op: 'read' });
    return this.inner.read(onProgress);
  }
  async isApplied(): Promise<boolean> {
    await this.enter({ op: 'isApplied' });
    return this.inner.isApplied();
  }
  async apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal> {
    await this.enter({ op: 'apply', plan });
    return this.inner.apply(plan, settings, onProgress);
  }
  async revert(onProgress?: Progress): Promise<RevertOutcome | null> {
    await this.enter({ op: 'revert' });
    return this.inner.revert(onProgress);
  }
  async loadSettings(): Promise<StoredSettings | null> {
    await this.enter({ op: 'loadSettings' });
    return this.inner.loadSettings();
  }
  async saveSettings(settings: StoredSettings): Promise<void> {
    await this.enter({ op: 'saveSettings', settings });
    return this.inner.saveSettings(settings);
  }
  async applyFixes(fixes: readonly CellFix[]): Promise<void> {
    await this.enter({ op: 'applyFixes', fixes: [...fixes] });
    return this.inner.applyFixes(fixes);
  }
  async undoFixes(): Promise<number> {
    await this.enter({ op: 'undoFixes' });
    return this.inner.undoFixes();
  }
  async select(address: string): Promise<void> {
    await this.enter({ op: 'select', address });
    return this.inner.select(address);
  }
  async selectCells(cells: readonly string[]): Promise<number> {
    await this.enter({ op: 'selectCells', cells: [...cells] });
    return this.inner.selectCells(cells);
  }
  async selectedRange(): Promise<SelectedRange | null> {
    await this.enter({ op: 'selectedRange' });
    return this.inner.selectedRange();
  }
}

/** A fixture workbook by its path under test/fixtures, e.g. `layouts/two-tables.xlsx`. */
export async function fixtureHost(file: string): Promise<{ host: RecordingHost; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath(file));
  return { host: new RecordingHost(new XlsxWorkbookHost(wb, file.split('/').pop() as string)), wb };
}

export function seedHost(seed = 'seed-000'): Promise<{ host: RecordingHost; wb: ExcelJS.Workbook }> {
  return fixtureHost(`seeds/${seed}.xlsx`);
}
