/** Check a workbook and write its plan into it: what `resptable apply` does to each file. */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../core/i18n';
import { buildPlan, type EditPlan } from '../../core/plan';
import { type FileReport } from '../../core/contract';
import { checkWorkbook } from '../../core/check';
import type { Mapping } from '../../core/settings/mapping';
import { DEFAULT_POLICY, type ScoringPolicy } from '../../core/settings/scoring-policy';
import type { LightsPolicy } from '../../core/settings/lights-policy';
import { applyPlan, readJournal } from './apply';
import type { VerifiedJournal } from '../../core/plan/journal-verify';
import { revertJournal } from './revert';
import { gridsFromWorkbook } from './read-grid';
import { readStoredSettings } from './workbook-host';
import { pushAll } from '../../core/arrays';

export interface AnnotateOptions {
  lang: Lang;
  /** Fixed as-of date; absent: TODAY() in the workbook, `today` for the check. */
  asOf?: string;
  today: string;
  mapping?: Mapping;
  policy?: ScoringPolicy;
  /** 序时进度 lights; absent: those the workbook keeps, if any. */
  lights?: LightsPolicy;
}

export interface Annotated {
  report: FileReport;
  plan: EditPlan;
  /** The journal of an earlier apply, as verified and reverted first; null when the workbook held none. */
  reverted: VerifiedJournal | null;
}

export function annotateWorkbook(wb: ExcelJS.Workbook, file: string, o: AnnotateOptions): Annotated {
  // Settings kept by an earlier apply (in any host) hold unless the caller gives new ones.
  // The task pane keeps the user's choices in the settings sheet; a journal keeps those it applied with.
  const stored = readStoredSettings(wb);
  const kept = readJournal(wb)?.settings;
  const policy = o.policy ?? stored?.policy ?? kept?.policy ?? DEFAULT_POLICY;
  const mapping = o.mapping ?? stored?.mapping ?? kept?.mapping;
  const lights = o.lights ?? stored?.lights ?? kept?.lights;
  // What an earlier apply wrote is not the user's table: take it out before reading.
  const reverted = revertJournal(wb);
  const grids = gridsFromWorkbook(wb);
  const report = checkWorkbook(file, grids, { lang: o.lang, asOf: o.asOf ?? o.today, policy, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) });
  const sheets = report.sheets.map((s, i) => ({ grid: grids[i]!, tables: s.tables }));
  const { plan, findings } = buildPlan({ sheets, lang: o.lang, ...(o.asOf ? { asOf: o.asOf } : {}), today: o.asOf ?? o.today, policy, ...(lights ? { lights } : {}) });
  pushAll(report.findings, findings);
  applyPlan(wb, plan, { policy, lang: o.lang, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) });
  return { report, plan, reverted };
}
