import { gridFromMatrix, type RangeRef } from '../../../src/core/grid';
import { type Finding } from '../../../src/core/contract';
import { checkWorkbook } from '../../../src/core/check';

type Row = ReadonlyArray<string | number | boolean | null | undefined>;

/** The findings of one rule on a one-sheet workbook made of the given rows. */
export function findings(rule: string, rows: Row[], merges: RangeRef[] = [], lang: 'zh-CN' | 'en-US' = 'zh-CN'): Finding[] {
  const report = checkWorkbook('t.xlsx', [gridFromMatrix('Sheet1', rows, merges)], { lang });
  return report.findings.filter((f) => f.rule === rule);
}

export const TITLE = ['2024年度重点工作任务分解表'];
