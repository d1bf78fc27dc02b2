/**
 * The pane's state and what it does with the workbook: every action goes through the host
 * interface and the workflow, runs one at a time (Excel queues batches anyway, and a second click
 * must not interleave with a half-read workbook), reports progress, and ends in a re-check so that
 * what the pane shows is what the workbook now holds.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { t, type Lang, type MessageKey } from '../core/i18n';
import { describeSkipped } from '../core/plan/journal-verify';
import type { FileReport, Finding } from '../core/contract';
import type { StoredSettings } from '../core/settings/stored';
import type { LightPreset } from '../core/contract';
import type { CellFix, RevertOutcome, WorkbookHost } from '../hosts/host';
import { LOCAL_WORKFLOW, type Workflow } from '../hosts/workflow';
import { parseRange, quoteSheetName, rangeAddress } from '../core/grid';
import type { Mapping } from '../core/settings/mapping';
import { AUTO, withColumnRole, withHeaderRows, withoutTableRange, withTableRange, type ColumnChoice, type SheetTable } from './mapping-edit';
import { placedTables, type PlacedTable } from './report-view';
import { headerRowsText } from './header-rows';
import { ui, type UiKey } from './strings';
import { minOf, pushAll } from '../core/arrays';
import { cellAreas } from '../core/grid/cell-areas';
import { cellList, ruleTitle } from './rule-title';

export type Busy = 'load' | 'check' | 'apply' | 'revert' | 'fix' | 'mapping';

export interface StatusSpec {
  intent: 'success' | 'warning' | 'error' | 'info';
  key: UiKey;
  params?: Record<string, string | number>;
  /** A sentence after the message: after Apply, whether Excel's own Undo takes it back. */
  note?: UiKey;
}

export interface WorkbookState {
  /** The as-of date as the input holds it (ISO), possibly mid-edit. */
  asOf: string;
  /**
   * The date a table's title states (截至6月底), offered as the default as-of while the user has
   * chosen none, with the title it came from; null when no title states one.
   */
  asOfTitle: { date: string; title: string } | null;
  busy: Busy | null;
  progress: { done: number; total: number } | null;
  report: FileReport | null;
  applied: boolean;
  fixesLogged: number;
  /** The mapping kept in the workbook at the last check: which columns and tables the user set. */
  mapping: Mapping | null;
  /**
   * The as-of date the workbook's annotations were written for: an ISO date, `today` for TODAY()
   * (they follow the calendar), null when none are. When it is not the pane's date, the pane says
   * that Apply is needed: the grid's colours and scores are not the pane's.
   */
  appliedAsOf: string | null;
  status: StatusSpec | null;
}

export interface WorkbookActions {
  setAsOf(date: string): void;
  check(): Promise<void>;
  setRole(choice: ColumnChoice): Promise<void>;
  /** "This is the table": the range selected in the workbook becomes a table of its own. */
  useSelectionAsTable(): Promise<void>;
  setHeaderRows(table: PlacedTable, rows: number[]): Promise<void>;
  /** Hands a table the user placed back to the recognizer. */
  recognizeAutomatically(table: PlacedTable): Promise<void>;
  applyFix(fix: CellFix): Promise<void>;
  /** Every fix of one rule in one batch: the fixes log takes them as one step, that Undo fixes takes back. */
  applyFixes(rule: string, fixes: readonly CellFix[]): Promise<void>;
  /** Selects all cells of a rule's findings at once (a RangeAreas in Excel). */
  selectCells(rule: string, cells: readonly string[]): Promise<void>;
  undoFixes(): Promise<void>;
  apply(): Promise<void>;
  revert(): Promise<void>;
  select(cell: string): Promise<void>;
  dismissStatus(): void;
  /** 序时进度 lights under a preset, kept in the workbook; null: none. */
  setLights(preset: LightPreset | null): Promise<void>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The as-of of annotations written with TODAY(): they follow the calendar. */
export const TODAY = 'today';

/** An as-of date as a message says it: the date, or "today" for annotations that follow the calendar. */
export function asOfText(lang: Lang, d: string): string {
  return d === TODAY ? ui(lang, 'asof.today') : d;
}

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A host error that can word itself (the Office.js host's requirement errors) speaks the pane's language. */
interface Localized {
  format(lang: Lang): string;
}

function isLocalized(e: unknown): e is Localized {
  return typeof e === 'object' && e !== null && typeof (e as { format?: unknown }).format === 'function';
}

export function errorText(e: unknown, lang: Lang): string {
  if (isLocalized(e)) {
    const text = e.format(lang);
    if (typeof text === 'string' && text) return text;
  }
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : '';
}

function checkedStatus(report: FileReport): StatusSpec {
  const count = (s: Finding['severity']) => report.findings.filter((f) => f.severity === s).length;
  const tables = report.sheets.reduce((n, s) => n + s.tables.length, 0);
  return {
    intent: count('error') > 0 ? 'warning' : 'success',
    key: 'status.checked',
    params: { tables, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

/** What the pane says after undoing an apply that had stopped half-way, and what it left as the user made it. */
export function repairedStatus(lang: Lang, outcome: RevertOutcome): StatusSpec {
  if (outcome.skipped.length === 0) return { intent: 'warning', key: 'status.repaired' };
  return { intent: 'warning', key: 'status.repaired-skipped', params: { count: outcome.skipped.length, list: describeSkipped(lang, outcome.skipped) } };
}

/** The kept settings with the as-of date the user fixed, or without one when it is today. */
function withAsOf(kept: StoredSettings | null, asOf: string | undefined): StoredSettings {
  const next: StoredSettings = { ...(kept ?? { version: 1, fixes: [] }) };
  if (asOf) next.asOf = asOf;
  else delete next.asOf;
  return next;
}

/** The tables the pane shows on a sheet, as the mapping edits need them. */
function sheetTables(report: FileReport | null, sheet: string): SheetTable[] {
  if (!report) return [];
  return placedTables(report)
    .filter((p) => p.sheet === sheet)
    .map((p) => ({ index: p.index, range: p.table.range, placed: p.table.rangeFrom === 'settings' }));
}

/**
 * What an action leaves on screen (its report, its message, the end of busy) is drawn as one
 * transition: React draws a large report in slices of a few milliseconds, so the page never blocks
 * on it, and all of it shows at once (never the new message over the old report). Busy and the
 * progress too: each redraws the whole pane (every control disabled, then enabled), tens of
 * milliseconds at once on a loaded machine; a second click meanwhile is refused by `busyRef`, not by
 * the drawn state.
 */
const settle = (update: () => void) => startTransition(update);

export function useWorkbook(host: WorkbookHost, lang: Lang, today: string, workflow: Workflow = LOCAL_WORKFLOW): [WorkbookState, WorkbookActions] {
  const [asOf, setAsOfState] = useState(today);
  const [asOfTitle, setAsOfTitle] = useState<WorkbookState['asOfTitle']>(null);
  // The date the picker holds when the user has chosen none: today, or the date a title states.
  const defaultAsOf = useRef(today);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [progress, setProgress] = useState<WorkbookState['progress']>(null);
  const [report, setReport] = useState<FileReport | null>(null);
  const [applied, setApplied] = useState(false);
  const [fixesLogged, setFixesLogged] = useState(0);
  const [status, setStatus] = useState<StatusSpec | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [appliedAsOf, setAppliedAsOf] = useState<string | null>(null);
  const appliedAsOfRef = useRef<string | null>(null);
  const noteApplied = (d: string | null) => {
    appliedAsOfRef.current = d;
    if (mounted.current) setAppliedAsOf(d);
  };
  // The tables shown, for a correction to keep the other tables' choices on the right tables.
  const shown = useRef<FileReport | null>(null);

  // Actions read the latest choices through refs: a re-check started by a date change must use the
  // new date even though the closure that started it was made before the change rendered.
  const latest = useRef({ lang, asOf });
  latest.current.lang = lang;
  const busyRef = useRef(false);
  const recheckPending = useRef(false);
  const mounted = useRef(true);
  const hasReport = useRef(false);
  // What the last apply's plan reported (cells in the way): a later re-check of the user's cells
  // cannot see them again, and they stay true until the next apply or revert.
  const planFindings = useRef<Finding[]>([]);

  const onProgress = useCallback((done: number, total: number) => {
    if (mounted.current) settle(() => setProgress({ done, total }));
  }, []);

  const fixedAsOf = (): string | undefined => {
    const d = latest.current.asOf;
    return isIsoDate(d) && d !== defaultAsOf.current ? d : undefined;
  };

  /**
   * With no date chosen, the first table whose title states one (截至6月底) offers it: the picker
   * shows it, and the note says where it came from; choosing another date replaces it.
   */
  const offerTitleDate = (report: FileReport) => {
    if (latest.current.asOf !== defaultAsOf.current) return;
    const titled = placedTables(report).find((p) => p.table.asOfFromTitle !== undefined)?.table;
    const date = titled?.asOfFromTitle ?? today;
    defaultAsOf.current = date;
    latest.current.asOf = date;
    if (!mounted.current) return;
    setAsOfState(date);
    setAsOfTitle(titled?.asOfFromTitle ? { date: titled.asOfFromTitle, title: titled.title ?? '' } : null);
  };

  const recheck = async (): Promise<FileReport> => {
    const wanted = fixedAsOf();
    let kept = await host.loadSettings();
    // Only a change is written: a plain check of a workbook never marks it as modified.
    if ((kept?.asOf ?? undefined) !== wanted && (kept || wanted)) {
      kept = withAsOf(kept, wanted);
      await host.saveSettings(kept);
    }
    // No date chosen: a table whose title states its date (截至6月底) is shown as of that date.
    const r = await workflow.check(host, { lang: latest.current.lang, today, ...(wanted ? { asOf: wanted } : { asOfFromTitle: true }), kept, onProgress });
    if (!wanted) offerTitleDate(r.report);
    pushAll(r.report.findings, planFindings.current);
    const isApplied = await host.isApplied();
    shown.current = r.report;
    hasReport.current = true;
    if (mounted.current) {
      settle(() => {
        setReport(r.report);
        setApplied(isApplied);
        setFixesLogged(kept?.fixes.length ?? 0);
        setMapping(kept?.mapping ?? null);
      });
    }
    return r.report;
  };

  /**
   * After a re-check for a new as-of date: when the workbook is annotated for another date, the pane
   * says plainly that its colours and scores are not the pane's until Apply; else the usual count.
   */
  const asOfStatus = (report: FileReport): StatusSpec => {
    const written = appliedAsOfRef.current;
    const shown = latest.current.asOf;
    const shownAs = isIsoDate(shown) && shown !== today ? shown : TODAY;
    if (written === null || written === shownAs) return checkedStatus(report);
    const lang = latest.current.lang;
    return { intent: 'warning', key: 'status.asof-needs-apply', params: { date: asOfText(lang, shownAs), applied: asOfText(lang, written) } };
  };

  const run = async (kind: Busy, work: () => Promise<StatusSpec | null>): Promise<void> => {
    if (busyRef.current) {
      // A date or language change during other work is not lost: it is checked once that ends.
      if (kind === 'check') recheckPending.current = true;
      return;
    }
    busyRef.current = true;
    settle(() => {
      setBusy(kind);
      setProgress(null);
    });
    try {
      const s = await work();
      if (s && mounted.current) settle(() => setStatus(s));
    } catch (e) {
      if (mounted.current) settle(() => setStatus({ intent: 'error', key: 'status.error', params: { message: errorText(e, latest.current.lang) } }));
    } finally {
      busyRef.current = false;
      if (mounted.current) {
        settle(() => {
          setBusy(null);
          setProgress(null);
        });
      }
    }
    if (recheckPending.current && mounted.current) {
      recheckPending.current = false;
      await run('check', async () => checkedStatus(await recheck()));
    }
  };

  // Kept settings decide the starting as-of date; whether the workbook is annotated decides Revert.
  useEffect(() => {
    mounted.current = true;
    void run('load', async () => {
      // An apply that stopped half-way (a closed pane, a dropped session) is undone before anything
      // else reads the workbook, and the pane says so.
      const repaired = (await host.repairPending?.(onProgress)) ?? null;
      const [kept, isApplied] = await Promise.all([host.loadSettings(), host.isApplied()]);
      if (!mounted.current) return null;
      if (kept?.asOf && isIsoDate(kept.asOf)) {
        latest.current.asOf = kept.asOf;
        setAsOfState(kept.asOf);
      }
      setApplied(isApplied);
      setFixesLogged(kept?.fixes.length ?? 0);
      // The annotations were written for the date kept with them (today when none is kept).
      noteApplied(isApplied ? (kept?.asOf && isIsoDate(kept.asOf) ? kept.asOf : TODAY) : null);
      return repaired ? repairedStatus(latest.current.lang, repaired) : null;
    });
    return () => {
      mounted.current = false;
    };
    // The host is the workbook: a new one is a new pane.
  }, [host]);

  // Findings are worded in the chosen language by the core: a shown report follows the switch.
  const firstLang = useRef(true);
  useEffect(() => {
    if (firstLang.current) {
      firstLang.current = false;
      return;
    }
    if (hasReport.current) void run('check', async () => checkedStatus(await recheck()));
  }, [lang]);

  const actions = useMemo<WorkbookActions>(
    () => ({
      setAsOf(date: string) {
        latest.current.asOf = date;
        setAsOfState(date);
        if (isIsoDate(date) && hasReport.current) void run('check', async () => asOfStatus(await recheck()));
      },
      check: () => run('check', async () => checkedStatus(await recheck())),
      setRole: (choice) =>
        run('mapping', async (): Promise<StatusSpec> => {
          const kept = await host.loadSettings();
          await host.saveSettings(withColumnRole(kept, choice));
          await recheck();
          if (choice.role === AUTO) return { intent: 'success', key: 'status.column-auto', params: { column: choice.column } };
          // Left out is said as the list says it (不参与检查), never as the recognizer's "unknown".
          const role = choice.role === null ? ui(latest.current.lang, 'tables.role-none') : t(latest.current.lang, `role.${choice.role}` as MessageKey);
          return { intent: 'success', key: 'status.mapping-saved', params: { column: choice.column, role } };
        }),
      useSelectionAsTable: () =>
        run('mapping', async (): Promise<StatusSpec> => {
          const sel = await host.selectedRange();
          if (!sel) return { intent: 'warning', key: 'status.no-selection' };
          const address = `${quoteSheetName(sel.sheet)}!${sel.range}`;
          const area = parseRange(sel.range);
          // A header and one row under it, two columns: less is a selection mistake, not a table.
          if (area.bottom - area.top < 1 || area.right - area.left < 1) return { intent: 'warning', key: 'status.selection-too-small', params: { address } };
          const kept = await host.loadSettings();
          await host.saveSettings(withTableRange(kept, { sheet: sel.sheet, range: sel.range, current: sheetTables(shown.current, sel.sheet) }));
          await recheck();
          return { intent: 'success', key: 'status.range-saved', params: { address } };
        }),
      setHeaderRows: (placed, rows) =>
        run('mapping', async (): Promise<StatusSpec> => {
          const kept = await host.loadSettings();
          const ref = { sheet: placed.sheet, table: placed.index, ...(placed.table.rangeFrom ? { range: placed.table.range } : {}) };
          // A found table is placed from its title down, so that its title and first key-value block stay its own.
          const area = parseRange(placed.table.range);
          const tableRange = rangeAddress({ ...area, top: minOf(placed.table.titleRows, area.top) });
          await host.saveSettings(withHeaderRows(kept, { ...ref, tableRange, current: sheetTables(shown.current, placed.sheet) }, rows));
          await recheck();
          const address = `${quoteSheetName(placed.sheet)}!${ref.range ?? tableRange}`;
          return { intent: 'success', key: 'status.header-saved', params: { address, rows: headerRowsText(latest.current.lang, rows) } };
        }),
      recognizeAutomatically: (placed) =>
        run('mapping', async (): Promise<StatusSpec> => {
          const kept = await host.loadSettings();
          await host.saveSettings(withoutTableRange(kept, { sheet: placed.sheet, range: placed.table.range }));
          await recheck();
          return { intent: 'success', key: 'status.range-auto', params: { address: `${quoteSheetName(placed.sheet)}!${placed.table.range}` } };
        }),
      applyFix: (fix) =>
        run('fix', async () => {
          await host.applyFixes([fix]);
          await recheck();
          return { intent: 'success', key: 'status.fixed', params: { cell: fix.cell, value: String(fix.value) } };
        }),
      applyFixes: (rule, fixes) =>
        run('fix', async (): Promise<StatusSpec> => {
          await host.applyFixes(fixes);
          await recheck();
          const lang = latest.current.lang;
          return { intent: 'success', key: 'status.fixed-all', params: { title: ruleTitle(lang, rule), count: fixes.length, cells: cellList(lang, fixes.map((f) => f.cell)) } };
        }),
      async selectCells(rule, cells) {
        const lang = latest.current.lang;
        try {
          const count = await host.selectCells(cells);
          const areas = cellAreas(cells);
          if (!mounted.current || !areas) return;
          const title = ruleTitle(lang, rule);
          const distinct = new Set(cells).size;
          setStatus(
            count < distinct
              ? { intent: 'info', key: 'status.selected-cells-partly', params: { sheet: areas.sheet, title, count, rest: distinct - count } }
              : { intent: 'info', key: 'status.selected-cells', params: { sheet: areas.sheet, title, count } },
          );
        } catch (e) {
          if (mounted.current) setStatus({ intent: 'error', key: 'status.error', params: { message: errorText(e, lang) } });
        }
      },
      undoFixes: () =>
        run('fix', async () => {
          const count = await host.undoFixes();
          await recheck();
          return { intent: 'success', key: 'status.fixes-undone', params: { count } };
        }),
      apply: () =>
        run('apply', async (): Promise<StatusSpec> => {
          // A date offered by a title is written for as the user's choice: the workbook's annotations
          // are for the date the pane shows, and a later session reads it back from the settings.
          if (defaultAsOf.current !== today && latest.current.asOf === defaultAsOf.current) {
            defaultAsOf.current = today;
            await host.saveSettings(withAsOf(await host.loadSettings(), fixedAsOf()));
          }
          const wanted = fixedAsOf();
          const r = await workflow.apply(host, { lang: latest.current.lang, today, ...(wanted ? { asOf: wanted } : {}), onProgress });
          planFindings.current = r.report.findings.filter((f) => f.rule.startsWith('plan.'));
          noteApplied(wanted ?? TODAY);
          // The user's cells read the same after apply as before it: the report the plan was made
          // from is the one to show, without reading the workbook again.
          shown.current = r.report;
          hasReport.current = true;
          if (mounted.current) {
            settle(() => {
              setReport(r.report);
              setApplied(true);
            });
          }
          // Excel's own Undo takes an apply back in one step only where Excel allows it (ExcelApi 1.20).
          const undo = host.undoesApply?.();
          const note: Pick<StatusSpec, 'note'> = undo === undefined ? {} : { note: undo ? 'status.undo-one-step' : 'status.undo-revert-only' };
          const blocked = planFindings.current.filter((f) => f.rule === 'plan.occupied');
          if (blocked.length > 0) {
            return { intent: 'warning', key: 'status.applied-blocked', params: { count: blocked.length }, ...note };
          }
          // A table apply left uncoloured is never reported as success.
          const uncoloured = planFindings.current.filter((f) => f.rule === 'plan.milestones-in-columns');
          if (uncoloured.length > 0) {
            return { intent: 'warning', key: 'status.applied-uncoloured', params: { count: uncoloured.length }, ...note };
          }
          const sheet = r.sheetsAdded[0] ?? '';
          return { intent: 'success', key: 'status.applied', params: { cells: r.cells, sheet }, ...note };
        }),
      revert: () =>
        run('revert', async (): Promise<StatusSpec> => {
          const outcome = await host.revert(onProgress);
          planFindings.current = [];
          noteApplied(null);
          await recheck();
          if (!outcome) return { intent: 'info', key: 'status.nothing-to-revert' };
          if (outcome.pending) return repairedStatus(latest.current.lang, outcome);
          if (outcome.skipped.length === 0) return { intent: 'success', key: 'status.reverted' };
          // What the user changed after apply stays theirs; the pane says which cells those are.
          const list = describeSkipped(latest.current.lang, outcome.skipped);
          return { intent: 'warning', key: 'status.reverted-skipped', params: { count: outcome.skipped.length, list } };
        }),
      async select(cell: string) {
        try {
          await host.select(cell);
        } catch (e) {
          if (mounted.current) setStatus({ intent: 'error', key: 'status.error', params: { message: errorText(e, latest.current.lang) } });
        }
      },
      dismissStatus: () => setStatus(null),
      setLights: (preset) =>
        run('mapping', async () => {
          const kept = await host.loadSettings();
          const next: StoredSettings = { ...(kept ?? { version: 1, fixes: [] }) };
          // Thresholds set for one preset do not carry over to another.
          if (preset) next.lights = kept?.lights?.preset === preset ? kept.lights : { preset };
          else delete next.lights;
          await host.saveSettings(next);
          return checkedStatus(await recheck());
        }),
    }),
    // run and recheck read everything that changes through refs; host and today fix the rest.
    [host, today],
  );

  return [{ asOf, asOfTitle, busy, progress, report, applied, fixesLogged, mapping, appliedAsOf, status }, actions];
}
