/**
 * One expected structure (test/fixtures/expected/README.md) against the recognizer's report of the
 * same workbook: which tables were found, which column roles and tasks are right, and which wrong
 * answers were given with confidence — the ones a user would believe.
 */
import type { FileReport } from '../../src/core/contract';
import { parseRange } from '../../src/core/grid';

export { CONFIDENT } from '../../src/core/recognize/calibration';
import { CONFIDENT } from '../../src/core/recognize/calibration';

export interface ExpectedTask { rows: [number, number]; seq: string | null; title: string | null; category: string[]; nodes: number }
export interface ExpectedTable {
  range: string; titleRows: number[]; headerRows: number[]; year: number | null;
  columns: Record<string, { role: string | null; level?: number }>;
  tasks: ExpectedTask[];
}
export interface Expected { file: string; sheets: Array<{ name: string; tables: ExpectedTable[] }> }

export interface ColumnOutcome { column: string; expected: string | null; actual: string | null; right: boolean; confidence: number }

export interface TableOutcome {
  sheet: string;
  expectedRange: string;
  actualRange: string | null;
  found: boolean;
  rangeRight: boolean;
  headerRight: boolean;
  yearRight: boolean;
  columnsRight: boolean;
  tasksRight: boolean;
  /** Same number of tasks, and each the same number of nodes. */
  countsRight: boolean;
  fully: boolean;
  columns: ColumnOutcome[];
  confidentWrong: ColumnOutcome[];
  tableConfidence: number | null;
}

export interface FileOutcome {
  file: string;
  tables: TableOutcome[];
  /** Tables the recognizer reported that no expected table matches. */
  spurious: Array<{ sheet: string; range: string; confidence: number }>;
  error?: string;
}

const roleKey = (role: string | null, level?: number) => (role === 'category' && level !== undefined ? `category:${level}` : role);

function overlap(a: string, b: string): number {
  const x = parseRange(a);
  const y = parseRange(b);
  const rows = Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top) + 1;
  const cols = Math.min(x.right, y.right) - Math.max(x.left, y.left) + 1;
  return rows > 0 && cols > 0 ? rows * cols : 0;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compareFile(expected: Expected, report: FileReport): FileOutcome {
  const out: FileOutcome = { file: expected.file, tables: [], spurious: [] };
  if (report.error) out.error = String(report.error);
  const used = new Set<object>();
  for (const sheet of expected.sheets) {
    const actualSheet = report.sheets.find((s) => s.name === sheet.name);
    const candidates = actualSheet?.tables ?? [];
    for (const want of sheet.tables) {
      let best: (typeof candidates)[number] | undefined;
      let bestArea = 0;
      for (const c of candidates) {
        if (used.has(c)) continue;
        const area = overlap(want.range, c.range);
        if (area > bestArea) { best = c; bestArea = area; }
      }
      if (best) used.add(best);
      const byLetter = new Map((best?.columns ?? []).map((c) => [c.column, c] as const));
      const columns: ColumnOutcome[] = Object.entries(want.columns).map(([column, w]) => {
        const a = byLetter.get(column);
        const expectedKey = roleKey(w.role, w.level);
        const actualKey = a ? roleKey(a.role, a.level) : null;
        return { column, expected: expectedKey, actual: actualKey, right: expectedKey === actualKey, confidence: a?.confidence ?? 0 };
      });
      const gotTasks = (best?.tasks ?? []).map((t) => ({ rows: t.rows, seq: t.seq, title: t.title, category: t.category, nodes: t.nodes.length }));
      const tasksRight = !!best && same(gotTasks, want.tasks);
      const countsRight = !!best && same(gotTasks.map((t) => t.nodes), want.tasks.map((t) => t.nodes));
      const rangeRight = best?.range === want.range;
      const headerRight = !!best && same(best.titleRows, want.titleRows) && same(best.headerRows, want.headerRows);
      const yearRight = !!best && best.year === want.year;
      const columnsRight = !!best && columns.every((c) => c.right);
      out.tables.push({
        sheet: sheet.name,
        expectedRange: want.range,
        actualRange: best?.range ?? null,
        found: !!best,
        rangeRight, headerRight, yearRight, columnsRight, tasksRight, countsRight,
        fully: rangeRight && headerRight && yearRight && columnsRight && tasksRight,
        columns,
        // A wrong role the recognizer asserts (a role, not "unknown") with confidence a user would trust.
        confidentWrong: best ? columns.filter((c) => !c.right && c.actual !== null && c.confidence >= CONFIDENT) : [],
        tableConfidence: best?.confidence ?? null,
      });
    }
  }
  for (const s of report.sheets) {
    for (const t of s.tables) if (!used.has(t)) out.spurious.push({ sheet: s.name, range: t.range, confidence: t.confidence });
  }
  return out;
}

export interface RoleFigures { role: string; expected: number; reported: number; right: number; precision: number | null; recall: number | null }

export interface Summary {
  files: number;
  tables: number;
  found: number;
  fully: number;
  columnsRightTables: number;
  tasksRightTables: number;
  countsRightTables: number;
  columns: number;
  columnsRight: number;
  confidentWrongRoles: number;
  confidentSpuriousTables: number;
  errors: number;
  roles: RoleFigures[];
  /** expected role → reported role → count (roles without levels). */
  confusion: Record<string, Record<string, number>>;
}

const bare = (k: string | null) => (k === null ? '(none)' : k.replace(/:\d+$/, ''));

export function summarize(outcomes: readonly FileOutcome[]): Summary {
  const tables = outcomes.flatMap((o) => o.tables);
  const cols = tables.flatMap((t) => t.columns);
  const confusion: Summary['confusion'] = {};
  for (const c of cols) {
    const row = (confusion[bare(c.expected)] ??= {});
    row[bare(c.actual)] = (row[bare(c.actual)] ?? 0) + 1;
  }
  const names = [...new Set(cols.flatMap((c) => [bare(c.expected), bare(c.actual)]))].filter((r) => r !== '(none)').sort();
  const roles = names.map((role) => {
    const expected = cols.filter((c) => bare(c.expected) === role).length;
    const reported = cols.filter((c) => bare(c.actual) === role).length;
    const right = cols.filter((c) => c.right && bare(c.expected) === role).length;
    return { role, expected, reported, right, precision: reported ? right / reported : null, recall: expected ? right / expected : null };
  });
  return {
    files: outcomes.length,
    tables: tables.length,
    found: tables.filter((t) => t.found).length,
    fully: tables.filter((t) => t.fully).length,
    columnsRightTables: tables.filter((t) => t.columnsRight).length,
    tasksRightTables: tables.filter((t) => t.tasksRight).length,
    countsRightTables: tables.filter((t) => t.countsRight).length,
    columns: cols.length,
    columnsRight: cols.filter((c) => c.right).length,
    confidentWrongRoles: tables.reduce((n, t) => n + t.confidentWrong.length, 0),
    confidentSpuriousTables: outcomes.reduce((n, o) => n + o.spurious.filter((s) => s.confidence >= CONFIDENT).length, 0),
    errors: outcomes.filter((o) => o.error).length,
    roles,
    confusion,
  };
}
