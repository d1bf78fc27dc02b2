/**
 * A property of apply and revert under a user who keeps working: random sequences of apply, values
 * typed, rows and columns inserted and deleted, sheets renamed, a second apply and revert, on the
 * seed workbooks, never lose a value the user put there (the seed's own cells and every value typed
 * since, followed through the inserts and deletes) and never throw.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { applyWithHost } from '../../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { followCell, playEdit, type StructuralEdit } from '../../support/structural-edits';
import { fixture } from './harness';

const AS_OF = '2018-07-15';
const opts = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };
const SEEDS = ['seeds/seed-000.xlsx', 'seeds/seed-002.xlsx', 'seeds/seed-003.xlsx'];

type Step =
  | { op: 'apply' }
  | { op: 'revert' }
  | { op: 'type'; row: number; col: number; id: number }
  | { op: 'insert-rows' | 'delete-rows'; at: number }
  | { op: 'insert-columns' | 'delete-columns'; at: number }
  | { op: 'rename'; id: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ op: 'apply' }),
  fc.constant<Step>({ op: 'revert' }),
  fc.record({ op: fc.constant('type' as const), row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 16 }), id: fc.nat(9999) }),
  fc.record({ op: fc.constantFrom('insert-rows' as const, 'delete-rows' as const), at: fc.integer({ min: 2, max: 60 }) }),
  fc.record({ op: fc.constantFrom('insert-columns' as const, 'delete-columns' as const), at: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant('rename' as const), id: fc.nat(99) }),
);

/** The user's values: where each is now, and what it is. */
type Tracked = Map<string, { sheet: string; cell: string; text: string }>;

function cellText(wb: ExcelJS.Workbook, sheet: string, cell: string): string {
  const v = wb.getWorksheet(sheet)?.getCell(cell).value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

describe.each(SEEDS)('%s', (file) => {
  it('never loses a user’s value and never throws', async () => {
    const original = await fixture(file);
    const userSheet = original.worksheets[0]?.name as string;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const wb = await fixture(file);
        const host = new XlsxWorkbookHost(wb, file);
        let sheet = userSheet;
        const tracked: Tracked = new Map();
        // The seed's own values are the user's too (its first 60 rows and 16 columns).
        wb.getWorksheet(sheet)?.eachRow((row, r) =>
          row.eachCell((c, j) => {
            if (r > 60 || j > 16 || c.type === ExcelJS.ValueType.Merge) return;
            const text = cellText(wb, sheet, c.address);
            if (text !== '') tracked.set(`seed:${c.address}`, { sheet, cell: c.address, text });
          }),
        );
        let applied = false;
        for (const s of steps) {
          if (s.op === 'apply') {
            await applyWithHost(host, opts);
            applied = true;
          } else if (s.op === 'revert') {
            await host.revert();
            applied = false;
          } else if (s.op === 'type') {
            const cell = `${String.fromCharCode(64 + s.col)}${s.row}`;
            const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
            if (ws.getCell(cell).type === ExcelJS.ValueType.Merge) continue;
            const text = `u${s.id}`;
            for (const [k, t] of tracked) if (t.sheet === sheet && t.cell === cell) tracked.delete(k);
            ws.getCell(cell).value = text;
            tracked.set(`typed:${tracked.size}:${cell}`, { sheet, cell, text });
          } else {
            const e: StructuralEdit =
              s.op === 'rename' ? { kind: 'rename', sheet, to: `表${s.id}` } : { kind: s.op, sheet, at: s.at, count: 1 };
            if (e.kind === 'rename' && wb.getWorksheet(e.to)) continue;
            playEdit(wb, e);
            for (const [k, t] of tracked) {
              const at = followCell(t.sheet, t.cell, e);
              if (at) tracked.set(k, { ...t, ...at });
              else tracked.delete(k);
            }
            if (e.kind === 'rename') sheet = e.to;
          }
          for (const t of tracked.values()) {
            const now = cellText(wb, t.sheet, t.cell);
            if (now !== t.text) throw new Error(`after ${JSON.stringify(s)}: ${t.sheet}!${t.cell} holds "${now}", the user left "${t.text}"`);
          }
        }
        if (applied) await host.revert();
        for (const t of tracked.values()) expect([t.sheet, t.cell, cellText(wb, t.sheet, t.cell)]).toEqual([t.sheet, t.cell, t.text]);
        expect(wb.worksheets.some((w) => w.name === '_resptable_journal')).toBe(false);
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
