/** Check a workbook and write its plan into it: what `resptable apply` does to each file. */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../core/i18n';
import { buildPlan, type EditPlan } from '../../core/plan';
import { checkWorkbook, type FileReport } from '../../core/report';
import type { Mapping } from '../../core/settings/mapping';
import { DEFAULT_POLICY, type ScoringPolicy } from '../../core/settings/scoring-policy';
import { applyPlan, revertPlan } from './apply';
import { gridsFromWorkbook } from './read-grid';

export interface AnnotateOptions {
  lang: Lang;
  /** Fixed as-of date; absent: TODAY() in the workbook, `today` for the check. */
  asOf?: string;
  today: string;
  mapping?: Mapping;
  policy?: ScoringPolicy;
}

export function annotateWorkbook(wb: ExcelJS.Workbook, file: string, o: AnnotateOptions): { report: FileReport; plan: EditPlan } {
  // What an earlier apply wrote is not the user's table: take it out before reading.
  revertPlan(wb);
  const grids = gridsFromWorkbook(wb);
  const policy = o.policy ?? DEFAULT_POLICY;
  const report = checkWorkbook(file, grids, { lang: o.lang, asOf: o.asOf ?? o.today, policy, ...(o.mapping ? { mapping: o.mapping } : {}) });
  const sheets = report.sheets.map((s, i) => ({ grid: grids[i]!, tables: s.tables }));
  const { plan, findings } = buildPlan({ sheets, lang: o.lang, ...(o.asOf ? { asOf: o.asOf } : {}), today: o.asOf ?? o.today, policy });
  report.findings.push(...findings);
  applyPlan(wb, plan);
  return { report, plan };
}
