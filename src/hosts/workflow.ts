/**
 * What the task pane does with a host, host-agnostic: check the workbook, apply the plan that makes
 * it live, revert it. The same steps `resptable apply` takes over a file (../hosts/xlsx/annotate).
 */
import type { Grid } from '../core/grid';
import { t, type Lang } from '../core/i18n';
import { buildPlan, type EditPlan, type Journal } from '../core/plan';
import { type FileReport } from '../core/contract';
import { checkWorkbook } from '../core/check';
import type { Mapping } from '../core/settings/mapping';
import { DEFAULT_POLICY, type ScoringPolicy } from '../core/settings/scoring-policy';
import type { StoredSettings } from '../core/settings/stored';
import type { LightsPolicy } from '../core/settings/lights-policy';
import type { Progress, WorkbookHost } from './host';
import { pushAll } from '../core/arrays';

export interface WorkflowOptions {
  lang: Lang;
  /** Fixed as-of date (ISO); absent: today, and TODAY() in what apply writes. */
  asOf?: string;
  /** Today's date (ISO), from the caller's clock. */
  today: string;
  /** Given: overrides what the workbook keeps. */
  mapping?: Mapping;
  policy?: ScoringPolicy;
  /** 序时进度 lights; absent: those the workbook keeps, if any. */
  lights?: LightsPolicy;
  /** The settings the caller has just read from the workbook: not read a second time (a round trip in Excel). */
  kept?: StoredSettings | null;
  onProgress?: Progress;
  /** No as-of chosen: a table whose title states one is checked as of it (the check only; apply writes TODAY()). */
  asOfFromTitle?: boolean;
}

export interface CheckResult {
  report: FileReport;
  grids: Grid[];
  policy: ScoringPolicy;
  mapping?: Mapping;
  lights?: LightsPolicy;
}

/** Reads the workbook as the user keeps it and checks it as of the chosen date. */
export async function checkWithHost(host: WorkbookHost, o: WorkflowOptions): Promise<CheckResult> {
  const kept = o.kept !== undefined ? o.kept : await host.loadSettings();
  const policy = o.policy ?? kept?.policy ?? DEFAULT_POLICY;
  const mapping = o.mapping ?? kept?.mapping;
  const lights = o.lights ?? kept?.lights;
  const grids = await host.read(o.onProgress);
  const report = checkWorkbook(host.name, grids, { lang: o.lang, asOf: o.asOf ?? o.today, ...(o.asOfFromTitle ? { asOfFromTitle: true } : {}), policy, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) });
  // An older Excel reads less; the check says what it could not see rather than pass over it.
  for (const limit of (await host.limits?.()) ?? []) {
    report.findings.push({ rule: 'host.limited', severity: 'info', message: t(o.lang, `host.limited.${limit}`) });
  }
  return { report, grids, policy, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) };
}

export interface ApplyResult extends CheckResult {
  plan: EditPlan;
  journal: Journal;
}

/** Checks, builds the plan and applies it; the plan's own findings (cells in the way) join the report. */
export async function applyWithHost(host: WorkbookHost, o: WorkflowOptions): Promise<ApplyResult> {
  const checked = await checkWithHost(host, o);
  const { report, grids, policy, mapping, lights } = checked;
  const sheets = report.sheets.map((s, i) => ({ grid: grids[i] as Grid, tables: s.tables }));
  const { plan, findings } = buildPlan({ sheets, lang: o.lang, ...(o.asOf ? { asOf: o.asOf } : {}), today: o.asOf ?? o.today, policy, ...(lights ? { lights } : {}) });
  pushAll(report.findings, findings);
  const journal = await host.apply(plan, { policy, lang: o.lang, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) }, o.onProgress);
  return { ...checked, plan, journal };
}

/** What the pane says after an apply, besides the report: how many cells it wrote and the sheets it added. */
export interface AppliedSummary {
  report: FileReport;
  cells: number;
  sheetsAdded: string[];
}

export function appliedSummary(r: ApplyResult): AppliedSummary {
  return { report: r.report, cells: r.plan.edits.filter((e) => e.kind === 'cell').length, sheetsAdded: r.journal.sheetsAdded };
}

/**
 * The check and the apply as the pane runs them: here, on the thread that holds the host; the
 * workbench hands the pane its own, which run both in the Web Worker beside the workbook, so a large
 * workbook never blocks the page. Only the report and a summary cross back (the grids and the plan
 * stay with the workbook).
 */
export interface Workflow {
  check(host: WorkbookHost, o: WorkflowOptions): Promise<Pick<CheckResult, 'report'>>;
  apply(host: WorkbookHost, o: WorkflowOptions): Promise<AppliedSummary>;
}

export const LOCAL_WORKFLOW: Workflow = { check: checkWithHost, apply: async (host, o) => appliedSummary(await applyWithHost(host, o)) };
