/**
 * The recognizer against the expected structures written by hand from each source text
 * (test/fixtures/expected/README.md): every column's role, every task's rows, seq, title, category
 * and node count.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkFixture, EXPECTED_DIR, expectedFiles } from '../support/fixtures';

interface ExpectedTask {
  rows: [number, number];
  seq: string | null;
  title: string | null;
  category: string[];
  nodes: number;
}
interface ExpectedTable {
  range: string;
  titleRows: number[];
  headerRows: number[];
  year: number | null;
  columns: Record<string, { role: string | null; level?: number }>;
  tasks: ExpectedTask[];
}
interface Expected {
  file: string;
  sheets: Array<{ name: string; tables: ExpectedTable[] }>;
}

const cases = expectedFiles().map((f) => [f, JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, f), 'utf8')) as Expected] as const);

describe.each(cases)('%s', (_name, expected) => {
  let report: Awaited<ReturnType<typeof checkFixture>>;
  beforeAll(async () => {
    report = await checkFixture(expected.file);
  });

  it('has the expected sheets and tables', () => {
    expect(report.error).toBeUndefined();
    const found = report.sheets.map((s) => [s.name, s.tables.map((t) => t.range)]);
    expect(found).toEqual(expected.sheets.map((s) => [s.name, s.tables.map((t) => t.range)]));
  });

  const tables = expected.sheets.flatMap((s) => s.tables.map((t, i) => [s.name, i, t] as const));
  if (tables.length === 0) return;

  describe.each(tables)('sheet %s table %i', (sheet, index, table) => {
    const actual = () => report.sheets.find((s) => s.name === sheet)?.tables[index];

    it('title rows, header rows and year', () => {
      const a = actual();
      expect(a && { titleRows: a.titleRows, headerRows: a.headerRows, year: a.year }).toEqual({
        titleRows: table.titleRows,
        headerRows: table.headerRows,
        year: table.year,
      });
    });

    it('every column role', () => {
      const a = actual();
      const roles = Object.fromEntries(
        (a?.columns ?? []).map((c) => [c.column, c.level !== undefined ? { role: c.role, level: c.level } : { role: c.role }]),
      );
      const want = Object.fromEntries(
        Object.entries(table.columns).map(([k, v]) => [k, v.level !== undefined ? { role: v.role, level: v.level } : { role: v.role }]),
      );
      expect(roles).toEqual(want);
    });

    it('every task: rows, seq, title, category, node count', () => {
      const a = actual();
      const got = (a?.tasks ?? []).map((t) => ({ rows: t.rows, seq: t.seq, title: t.title, category: t.category, nodes: t.nodes.length }));
      expect(got).toEqual(table.tasks);
    });
  });
});
