import type { Grid } from '../grid';
import type { Lang } from '../i18n';
import type { Role } from '../contract';
import type { SheetView } from '../recognize/sheet-view';
import type { TableReport, TaskReport } from '../contract';
import type { RuleContext } from './rule';

export function makeContext(grid: Grid, view: SheetView, table: TableReport, orphanRows: readonly number[], lang: Lang): RuleContext {
  const positions = new Map<TaskReport, number>(table.tasks.map((t, i) => [t, i + 1]));
  return {
    grid,
    view,
    table,
    lang,
    orphanRows,
    columns: (role: Role) => table.columns.filter((c) => c.role === role),
    header: (column: string) => {
      const c = table.columns.find((x) => x.column === column);
      // The leaf of a two-level header names the column. Spaces and line breaks inside Chinese
      // (`是否为牵 头单位`) are layout; between Latin words (`Due Date`) they are one space.
      const h = (c?.header?.split(' / ').at(-1) ?? '')
        .replace(/(?<=[^\x00-\x7F])\s+|\s+(?=[^\x00-\x7F])/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      return h === '' ? column : h;
    },
    seqOf: (task: TaskReport) => task.seq ?? String(positions.get(task) ?? '?'),
  };
}
