/** Running the rule catalogue over a recognized table, into findings with messages. */
import { parseCell, sheetCellAddress, type Grid } from '../grid';
import { ruleText, type Lang } from '../i18n';
import type { SheetView } from '../recognize/sheet-view';
import type { Finding, Severity, TableReport } from '../contract';
import { RULES } from './catalogue';
import { makeContext } from './context';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runRules(grid: Grid, view: SheetView, table: TableReport, orphanRows: readonly number[], lang: Lang): Finding[] {
  const ctx = makeContext(grid, view, table, orphanRows, lang);
  const out: Array<Finding & { order: [number, number] }> = [];
  for (const rule of RULES) {
    for (const hit of rule.check(ctx)) {
      const params = { ...(hit.params ?? {}) };
      const f: Finding & { order: [number, number] } = {
        rule: rule.id,
        severity: rule.severity,
        sheet: grid.name,
        message: ruleText(lang, rule.id, 'message', params),
        expected: ruleText(lang, rule.id, 'expected', params),
        order: [0, 0],
      };
      if (hit.cell) {
        const { row, col } = parseCell(hit.cell);
        f.cell = sheetCellAddress(grid.name, row, col);
        f.order = [row, col];
        if (hit.fix) f.fix = { cell: f.cell, value: hit.fix.value };
      }
      if (hit.found !== undefined) f.found = hit.found;
      out.push(f);
    }
  }
  // Reading order, so a person can go down the sheet; errors first within a cell.
  out.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule));
  return out.map(({ order: _order, ...f }) => f);
}
