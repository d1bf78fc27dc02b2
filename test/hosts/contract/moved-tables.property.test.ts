/**
 * A property of apply and revert under a user who keeps working, on every host of the contract
 * suite: random sequences of apply, values typed (anywhere, or over a cell the add-in wrote), rows
 * and columns inserted and deleted, sheets renamed, a second apply and revert, on the seed workbooks, never lose a value the user put there
 * (the seed's own cells and every value typed since, followed through the inserts and deletes) and
 * never throw.
 *
 * The user's edits are played on the workbook as Excel plays them (../../support/structural-edits);
 * for the Office.js host the double's workbook is taken out, edited, and opened again, as in
 * ./moved-tables.test.ts. Runs are bounded (RUNS): the file took 27–43 s on two cores.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { WorkbookHost } from '../../../src/hosts/host';
import { applyWithHost } from '../../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { DoubleContext } from '../../support/excel-double';
import { followCell, playEdit, type StructuralEdit } from '../../support/structural-edits';
import { excelHost, fixture, HARNESSES, type Harness } from './harness';

const AS_OF = '2018-07-15';
const opts = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };
const SEEDS = ['seeds/seed-000.xlsx', 'seeds/seed-002.xlsx', 'seeds/seed-003.xlsx'];
/** Runs per seed and host: each run is up to 10 steps, every step followed by a full comparison. */
const RUNS: Record<Harness['name'], number> = { xlsx: 30, excel: 25 };

/** A workbook in a host, as the user sees it (`book`) and changes it (`edit`), and the host on it now. */
interface Session {
  host(): WorkbookHost;
  book(): ExcelJS.Workbook;
  edit(change: (wb: ExcelJS.Workbook) => void): void;
}

function session(harness: Harness, wb: ExcelJS.Workbook, file: string): Session {
  if (harness.name === 'xlsx') {
    const host = new XlsxWorkbookHost(wb, file);
    return { host: () => host, book: () => wb, edit: (change) => change(wb) };
  }
  let ctx = DoubleContext.fromWorkbook(wb);
  let host: WorkbookHost = excelHost(ctx, file);
  return {
    host: () => host,
    // The double's state as a workbook, taken out afresh: a host's writes show at once.
    book: () => ctx.toWorkbook(),
    edit(change) {
      const held = ctx.toWorkbook();
      change(held);
      ctx = DoubleContext.fromWorkbook(held);
      host = excelHost(ctx, file);
    },
  };
}

type Step =
  | { op: 'apply' }
  | { op: 'revert' }
  | { op: 'type'; row: number; col: number; id: number }
  /** Typed over the `pick`-th cell the add-in wrote (what holds something and is no user's value). */
  | { op: 'type-own'; pick: number; id: number }
  | { op: 'insert-rows' | 'delete-rows'; at: number }
  | { op: 'insert-columns' | 'delete-columns'; at: number }
  | { op: 'rename'; id: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ op: 'apply' }),
  fc.constant<Step>({ op: 'revert' }),
  fc.record({ op: fc.constant('type' as const), row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 16 }), id: fc.nat(9999) }),
  fc.record({ op: fc.constant('type-own' as const), pick: fc.nat(999), id: fc.nat(9999) }),
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

describe.each(HARNESSES)('$name host', (harness) => {
  describe.each(SEEDS)('%s', (file) => {
    it('never loses a user’s value and never throws', async () => {
      const original = await fixture(file);
      const userSheet = original.worksheets[0]?.name as string;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
          const s0 = session(harness, await fixture(file), file);
          let sheet = userSheet;
          const tracked: Tracked = new Map();
          // The seed's own values are the user's too (its first 60 rows and 16 columns).
          const first = s0.book();
          first.getWorksheet(sheet)?.eachRow((row, r) =>
            row.eachCell((c, j) => {
              if (r > 60 || j > 16 || c.type === ExcelJS.ValueType.Merge) return;
              const text = cellText(first, sheet, c.address);
              if (text !== '') tracked.set(`seed:${c.address}`, { sheet, cell: c.address, text });
            }),
          );
          let applied = false;
          for (const s of steps) {
            if (s.op === 'apply') {
              await applyWithHost(s0.host(), opts);
              applied = true;
            } else if (s.op === 'revert') {
              await s0.host().revert();
              applied = false;
            } else if (s.op === 'type' || s.op === 'type-own') {
              let cell = s.op === 'type' ? `${String.fromCharCode(64 + s.col)}${s.row}` : '';
              if (s.op === 'type-own') {
                const mine = new Set([...tracked.values()].filter((t) => t.sheet === sheet).map((t) => t.cell));
                const own: string[] = [];
                const book = s0.book();
                book.getWorksheet(sheet)?.eachRow((row, r) =>
                  row.eachCell((c, j) => {
                    if (r <= 60 && j <= 16 && c.type !== ExcelJS.ValueType.Merge && !mine.has(c.address) && cellText(book, sheet, c.address) !== '') own.push(c.address);
                  }),
                );
                if (own.length === 0) continue;
                cell = own[s.pick % own.length] as string;
              }
              if ((s0.book().getWorksheet(sheet) as ExcelJS.Worksheet).getCell(cell).type === ExcelJS.ValueType.Merge) continue;
              const text = `u${s.id}`;
              for (const [k, t] of tracked) if (t.sheet === sheet && t.cell === cell) tracked.delete(k);
              s0.edit((wb) => {
                (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(cell).value = text;
              });
              tracked.set(`typed:${tracked.size}:${cell}`, { sheet, cell, text });
            } else {
              const e: StructuralEdit =
                s.op === 'rename' ? { kind: 'rename', sheet, to: `表${s.id}` } : { kind: s.op, sheet, at: s.at, count: 1 };
              if (e.kind === 'rename' && s0.book().getWorksheet(e.to)) continue;
              s0.edit((wb) => playEdit(wb, e));
              for (const [k, t] of tracked) {
                const at = followCell(t.sheet, t.cell, e);
                if (at) tracked.set(k, { ...t, ...at });
                else tracked.delete(k);
              }
              if (e.kind === 'rename') sheet = e.to;
            }
            const now = s0.book();
            for (const t of tracked.values()) {
              const text = cellText(now, t.sheet, t.cell);
              if (text !== t.text) throw new Error(`after ${JSON.stringify(s)}: ${t.sheet}!${t.cell} holds "${text}", the user left "${t.text}"`);
            }
          }
          if (applied) await s0.host().revert();
          const last = s0.book();
          for (const t of tracked.values()) expect([t.sheet, t.cell, cellText(last, t.sheet, t.cell)]).toEqual([t.sheet, t.cell, t.text]);
          expect(last.worksheets.some((w) => w.name === '_resptable_journal')).toBe(false);
        }),
        { numRuns: RUNS[harness.name] },
      );
    }, 600_000);
  });
});
