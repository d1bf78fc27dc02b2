/// <reference types="office-js" />
/**
 * The host interface over Office.js. Every call runs in one `Excel.run` batch context, injected so
 * that tests can hand in a double of the API; requirement sets are checked through one injectable
 * function before any work starts.
 */
import { areaSize, cellAreas } from '../../core/grid/cell-areas';
import { displayText, splitAddress, type Grid } from '../../core/grid';
import { JOURNAL_PENDING, JOURNAL_SHEET, type Journal } from '../../core/plan/journal';
import { trustedJournal } from '../../core/plan/journal-verify';
import type { EditPlan } from '../../core/plan/plan';
import { userView } from '../../core/plan/user-view';
import { parseStoredSettings, SETTINGS_SHEET, storedSettingsText, StoredSettingsSchema, type StoredSettings } from '../../core/settings/stored';
import type { CellFix, HostLimit, Progress, RevertOutcome, SelectedRange, WorkbookHost } from '../host';
import { normalRange } from '../../core/settings/mapping';
import { applyPlanExcel } from './apply';
import { beforeImageOf, textForExcel, writeOf, type CellWrite } from './before-image';
import { Batch, normalCell, writeCells } from './batch';
import { loadCells } from './load-cells';
import { queueOwnSheet, writeOwnSheet } from './own-sheets';
import { readGrids } from './read-grid';
import { capabilities, HostError, officeIsSetSupported, type Capabilities, type IsSetSupported } from './requirements';
import { revertExcel } from './revert';

/** What the host asks of `Excel.run` besides the batch. */
export interface ExcelRunOptions {
  /** ExcelApi 1.20: all the run's syncs are one step of Excel's undo. */
  mergeUndoGroup?: boolean;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: ExcelRunOptions) => Promise<T>;

export interface ExcelHostOptions {
  /** `Office.context.requirements.isSetSupported` unless given. */
  isSetSupported?: IsSetSupported;
  /** Bytes of writes per request (REQUEST_BUDGET unless given): tests make apply take many requests. */
  requestBudget?: number;
}

function ownText(grids: readonly Grid[], name: string): string[] | null {
  const g = grids.find((x) => x.name === name);
  if (!g) return null;
  return g.rows.flatMap((line) => (line?.[0]?.value.kind === 'string' ? [line[0].value.value] : []));
}

export class ExcelWorkbookHost implements WorkbookHost {
  private readonly isSupported: IsSetSupported;
  private readonly budget: number | undefined;

  constructor(
    private readonly run: ExcelRun,
    readonly name: string,
    opts: ExcelHostOptions = {},
  ) {
    this.isSupported = opts.isSetSupported ?? officeIsSetSupported;
    this.budget = opts.requestBudget;
  }

  private caps(feature: 'host.feature.read' | 'host.feature.apply'): Capabilities {
    return capabilities(this.isSupported, feature);
  }

  /**
   * A run that writes is one step of Excel's undo where Excel can make it so (ExcelApi 1.20);
   * below it Excel's undo cannot take the add-in's writes back as one, and Revert is the way back.
   */
  private writing(caps: Capabilities): ExcelRunOptions | undefined {
    return caps.undoGroup ? { mergeUndoGroup: true } : undefined;
  }

  undoesApply(): boolean {
    try {
      return this.caps('host.feature.apply').undoGroup === true;
    } catch {
      return false;
    }
  }

  async read(onProgress?: Progress): Promise<Grid[]> {
    const caps = this.caps('host.feature.read');
    const grids = await this.run((ctx) => readGrids(ctx, { caps, ...(onProgress ? { onProgress } : {}) }));
    // A journal that cannot be verified shows no before-images and leaves the user's sheets
    // readable; revert says what is wrong with it.
    return userView(grids, trustedJournal(ownText(grids, JOURNAL_SHEET), grids), displayText);
  }

  async isApplied(): Promise<boolean> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET).load('isNullObject');
      await ctx.sync();
      return !ws.isNullObject;
    });
  }

  async apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal> {
    const caps = this.caps('host.feature.apply');
    const journal = await this.run(async (ctx) => {
      const first = await applyPlanExcel(ctx, plan, settings, caps, this.budget);
      if (first) return first;
      onProgress?.(1, 3);
      await revertExcel(ctx, caps);
      onProgress?.(2, 3);
      const again = await applyPlanExcel(ctx, plan, settings, caps, this.budget);
      if (!again) throw new HostError('host.journal-unreadable');
      return again;
    }, this.writing(caps));
    onProgress?.(1, 1);
    return journal;
  }

  async revert(onProgress?: Progress): Promise<RevertOutcome | null> {
    const caps = this.caps('host.feature.apply');
    const outcome = await this.run((ctx) => revertExcel(ctx, caps), this.writing(caps));
    onProgress?.(1, 1);
    return outcome;
  }

  async repairPending(onProgress?: Progress): Promise<RevertOutcome | null> {
    const caps = this.caps('host.feature.apply');
    const outcome = await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET).load('isNullObject');
      await ctx.sync();
      if (ws.isNullObject) return null;
      const mark = ctx.workbook.worksheets.getItem(JOURNAL_SHEET).getRange(JOURNAL_PENDING.cell).load('values');
      await ctx.sync();
      // The mark only says to look: the revert verifies the journal as every revert does.
      return mark.values[0]?.[0] === JOURNAL_PENDING.mark ? revertExcel(ctx, caps) : null;
    }, this.writing(caps));
    onProgress?.(1, 1);
    return outcome;
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return this.run(async (ctx) => {
      const read = queueOwnSheet(ctx, SETTINGS_SHEET);
      await ctx.sync();
      return parseStoredSettings(await read());
    });
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    const s = StoredSettingsSchema.parse(settings);
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).load('isNullObject');
      await ctx.sync();
      const batch = new Batch(ctx);
      await writeOwnSheet(batch, ctx, SETTINGS_SHEET, storedSettingsText(s), !ws.isNullObject);
      await batch.flush();
    });
  }

  async applyFixes(fixes: readonly CellFix[]): Promise<void> {
    if (fixes.length === 0) return;
    const caps = this.caps('host.feature.apply');
    await this.run(async (ctx) => {
      const targets = fixes.map((f) => {
        const { sheet, cell } = splitAddress(f.cell);
        return { f, sheet: sheet ?? '', cell: normalCell(cell) };
      });
      const sheets = new Map<string, { ws: Excel.Worksheet; cells: string[] }>();
      for (const t of targets) {
        const s = sheets.get(t.sheet) ?? { ws: ctx.workbook.worksheets.getItemOrNullObject(t.sheet).load('isNullObject'), cells: [] };
        s.cells.push(t.cell);
        sheets.set(t.sheet, s);
      }
      const read = queueOwnSheet(ctx, SETTINGS_SHEET);
      // Sheets first: a fix on a sheet that is not there writes nothing at all.
      await ctx.sync();
      for (const t of targets) if (sheets.get(t.sheet)?.ws.isNullObject) throw new HostError('host.no-sheet', { sheet: t.sheet, cell: t.f.cell });
      const chunks = await read();
      const before = await loadCells(ctx, sheets, caps.areas);
      const settings = parseStoredSettings(chunks) ?? { version: 1 as const, fixes: [] };
      const writes = new Map<string, Map<string, CellWrite>>();
      for (const t of targets) {
        const c = before.get(t.sheet)?.get(t.cell);
        if (c) settings.fixes.push({ sheet: t.sheet, cell: t.cell, before: beforeImageOf(c), after: t.f.value });
        const m = writes.get(t.sheet) ?? new Map<string, CellWrite>();
        // Only the value changes; the cell keeps its look.
        m.set(t.cell, { formula: typeof t.f.value === 'string' ? textForExcel(t.f.value) : t.f.value });
        writes.set(t.sheet, m);
      }
      const batch = new Batch(ctx);
      for (const [sheet, m] of writes) await writeCells(batch, ctx.workbook.worksheets.getItem(sheet), m, caps.areas);
      await writeOwnSheet(batch, ctx, SETTINGS_SHEET, storedSettingsText(settings), chunks !== null);
      await batch.flush();
    }, this.writing(caps));
  }

  async undoFixes(): Promise<number> {
    const caps = this.caps('host.feature.apply');
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const read = queueOwnSheet(ctx, SETTINGS_SHEET);
      await ctx.sync();
      const settings = parseStoredSettings(await read());
      if (!settings || settings.fixes.length === 0) return 0;
      const present = new Set(sheets.items.map((s) => s.name));
      const batch = new Batch(ctx);
      // Last first: a cell fixed twice ends as it was before the first fix.
      for (const f of [...settings.fixes].reverse()) {
        if (!present.has(f.sheet)) continue;
        await writeCells(batch, sheets.getItem(f.sheet), new Map([[f.cell, writeOf(f.before)]]), caps.areas);
      }
      await writeOwnSheet(batch, ctx, SETTINGS_SHEET, storedSettingsText({ ...settings, fixes: [] }), true);
      await batch.flush();
      return settings.fixes.length;
    }, this.writing(caps));
  }

  async select(address: string): Promise<void> {
    const { sheet: named, cell } = splitAddress(address);
    const sheet = named ?? '';
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet).load('isNullObject');
      await ctx.sync();
      if (ws.isNullObject) throw new HostError('host.no-sheet', { sheet, cell: address });
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  async selectCells(cells: readonly string[]): Promise<number> {
    const found = cellAreas(cells);
    if (!found) return 0;
    const { sheet, areas } = found;
    // Several areas are selected as one RangeAreas (ExcelApi 1.18); an older Excel selects the first area only.
    const caps = this.caps('host.feature.read');
    const several = areas.length > 1 && caps.selectAreas === true;
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet).load('isNullObject');
      await ctx.sync();
      if (ws.isNullObject) throw new HostError('host.no-sheet', { sheet, cell: cells[0] as string });
      ws.activate();
      if (several && caps.selectAreas) ws.getRanges(areas.join(',')).select();
      else ws.getRange(areas[0] as string).select();
      await ctx.sync();
    });
    return several ? found.count : areaSize(areas[0] as string);
  }

  async selectedRange(): Promise<SelectedRange | null> {
    return this.run(async (ctx) => {
      // Excel always has a selection; a chart or several areas selected make this call fail, and the pane says why.
      const r = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      const { sheet, cell } = splitAddress(r.address);
      return { sheet: sheet ?? '', range: normalRange(cell) };
    });
  }

  async limits(): Promise<HostLimit[]> {
    const caps = this.caps('host.feature.read');
    return [...(caps.merges ? [] : (['merges'] as const)), ...(caps.areas ? [] : (['hidden'] as const))];
  }
}


