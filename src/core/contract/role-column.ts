/** Which column of a read table holds a role. */
import type { ColumnReport, TableReport } from './schema';

/**
 * The column of `role`. A table may score an item twice, by the school and then by the assessor
 * (学校自评 / 考核委员评鑑 得分): the rightmost score is the last word, so it is the one read and kept.
 */
export function roleColumn(table: Pick<TableReport, 'columns'>, role: string): ColumnReport | undefined {
  if (role === 'score') {
    for (let i = table.columns.length - 1; i >= 0; i--) if (table.columns[i]?.role === role) return table.columns[i];
    return undefined;
  }
  return table.columns.find((c) => c.role === role);
}
