/** A workbook's sheets → its part of the check report. Pure: the host has already read the grids. */
import type { Grid } from '../grid';
import { recognizeSheet, type RecognizeOptions } from '../recognize';
import { DEFAULT_POLICY, type ScoringPolicy } from '../settings/scoring-policy';
import { runRules } from '../rules';
import { annotateDeadlines } from './deadlines';
import { annotateProgress } from './annotate-progress';
import { annotateLights } from '../progress/table-lights';
import { asOfFromTitle } from '../progress/as-of-title';
import type { LightsPolicy } from '../settings/lights-policy';
import type { FileReport, Finding } from '../contract';
import { pushAll } from '../arrays';

export interface CheckOptions extends RecognizeOptions {
  /** ISO date: with it, every node gets a state and every task, category and table a score. */
  asOf?: string;
  policy?: ScoringPolicy;
  /** With an as-of date: 序时进度 lights for every node with a progress and a due date. */
  lights?: LightsPolicy;
  /** No as-of was given: a table whose title states one (截至10月31日) is scored as of that date. */
  asOfFromTitle?: boolean;
}

export function checkWorkbook(file: string, grids: readonly Grid[], options: CheckOptions = {}): FileReport {
  const sheets: FileReport['sheets'] = [];
  const findings: Finding[] = [];
  for (const grid of grids) {
    const r = recognizeSheet(grid, options);
    pushAll(findings, r.findings);
    r.sheet.tables.forEach((table, i) => {
      annotateDeadlines(grid, table);
      const fromTitle = asOfFromTitle(table.title, table.year);
      if (fromTitle) table.asOfFromTitle = fromTitle;
      const useTitle = options.asOfFromTitle === true && fromTitle !== null && fromTitle !== options.asOf;
      if (useTitle) table.asOf = fromTitle;
      const asOf = useTitle ? fromTitle : options.asOf;
      if (asOf) annotateProgress(r.view, table, asOf, options.policy ?? DEFAULT_POLICY);
      if (asOf && options.lights) annotateLights(r.view, table, asOf, options.lights);
      pushAll(findings, runRules(grid, r.view, table, r.details[i]?.orphanRows ?? [], options.lang ?? 'zh-CN'));
    });
    sheets.push(r.sheet);
  }
  // A workbook with no table anywhere is worth a warning; one empty sheet among others is not.
  if (sheets.length > 0 && sheets.every((s) => s.tables.length === 0)) {
    for (const f of findings) if (f.rule === 'recognize.no-table') f.severity = 'warning';
  }
  return { file, sheets, findings };
}
