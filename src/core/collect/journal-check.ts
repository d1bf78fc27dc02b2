/**
 * Whether a collect's journal read back from the master may be acted on. It is the plan journal of
 * ../plan (schema, digest) with a plan of cell values only; and since anyone can write one, it may
 * put back only cells in the columns units fill in (a column recognized as status, progress,
 * evidence or remarks, or headed by a header split writes), with values that reach nothing outside
 * the workbook. A cell changed since the collect is the user's: skipped, not put back.
 */
import { columnNumber, parseCell, parseRange, type Grid } from '../grid';
import { holdsWritten, outsideReach, writtenByPlan, type Journal } from '../plan';
import type { TableReport } from '../contract';
import { FILLABLE_ROLES } from './manifest';
import { OWN_FILL_HEADERS } from './strings';

export type CollectJournalProblem = { key: 'collect.not-cells' } | { key: 'collect.outside-bounds'; cell: string };

export interface CheckedCollect {
  restore: Journal['cells'];
  skipped: string[];
}

function textAt(g: Grid, row: number, col: number): string {
  return g.rows[row - 1]?.[col - 1]?.text.trim() ?? '';
}

/** Columns units fill in, per sheet: by recognized role within a table's rows, or by split's own header above. */
function fillable(sheet: string, cell: string, grids: readonly Grid[], tables: ReadonlyMap<string, readonly TableReport[]>): boolean {
  const g = grids.find((x) => x.name === sheet);
  if (!g) return false;
  const { row, col } = parseCell(cell);
  for (const t of tables.get(sheet) ?? []) {
    const r = parseRange(t.range);
    if (row < r.top || row > r.bottom) continue;
    if (t.columns.some((c) => (FILLABLE_ROLES as readonly string[]).includes(c.role ?? '') && columnNumber(c.column) === col)) return true;
  }
  for (let r = row; r >= 1; r--) if (OWN_FILL_HEADERS.has(textAt(g, r, col))) return true;
  return false;
}

export function checkCollectJournal(
  j: Journal,
  grids: readonly Grid[],
  tables: ReadonlyMap<string, readonly TableReport[]>,
): CheckedCollect | CollectJournalProblem {
  const p = j.plan.edits;
  if (p.some((e) => e.kind !== 'cell' || e.formula !== undefined) || j.sheetsAdded.length + j.widths.length + j.validations.length + j.highlights.length + j.names.length > 0) {
    return { key: 'collect.not-cells' };
  }
  const { cells: written } = writtenByPlan(j.plan);
  const seen = new Set<string>();
  for (const c of j.cells) {
    const k = `${c.sheet}!${c.cell}`;
    if (!written.has(k) || seen.has(k)) return { key: 'collect.outside-bounds', cell: k };
    seen.add(k);
    const v = c.before.value;
    if (v !== null && typeof v === 'object' && 'formula' in v && outsideReach(v.formula) !== null) return { key: 'collect.outside-bounds', cell: k };
  }
  for (const w of written.values()) {
    if (!seen.has(`${w.sheet}!${w.cell}`) || !fillable(w.sheet, w.cell, grids, tables)) return { key: 'collect.outside-bounds', cell: `${w.sheet}!${w.cell}` };
  }
  const restore: Journal['cells'] = [];
  const skipped: string[] = [];
  for (const c of j.cells) {
    const g = grids.find((x) => x.name === c.sheet);
    const w = written.get(`${c.sheet}!${c.cell}`);
    const { row, col } = parseCell(c.cell);
    if (g && w && holdsWritten(g.rows[row - 1]?.[col - 1], w)) restore.push(c);
    else skipped.push(`${c.sheet}!${c.cell}`);
  }
  return { restore, skipped };
}
