/**
 * Revert after staff kept working, on both hosts: after apply a row is inserted inside the table, a
 * column inserted inside it, a row deleted, the sheet renamed, statuses typed and an added cell
 * changed. Revert finds what the add-in wrote through its anchors: every user cell is as the user
 * left it, every add-in cell the user did not touch is gone (cells, dropdowns, the dropdown the
 * inserted row copied from the row above, colours, names, the summary sheet, the journal), and the
 * revert lists what it left.
 *
 * The user's edits are played on the workbook as Excel plays them (../../support/structural-edits);
 * for the Office.js host the double's workbook is taken out, edited, and opened again.
 */
import type ExcelJS from 'exceljs';
import type { Edit } from '../../../src/core/plan';
import { applyWithHost } from '../../../src/hosts/workflow';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx/read-grid';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { DoubleContext } from '../../support/excel-double';
import { EDITS, follow, RENAMED } from '../../support/seed-000-moved';
import { playEdit } from '../../support/structural-edits';
import { excelHost, fixture, HARNESSES } from './harness';

const AS_OF = '2018-07-15';
const opts = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };

/** What the user types after the structural edits (addresses as they are then). */
function typed(): Record<string, string> {
  return {
    A10: '新增的一行',
    C5: '新增的一列',
    [follow('K3')]: '已完成',
    [follow('K4')]: '已完成',
    [follow('K12')]: '滞后',
    // Over a due date the add-in wrote.
    [follow('L5')]: '待定',
  };
}

function userEdits(wb: ExcelJS.Workbook): void {
  for (const e of EDITS) playEdit(wb, e);
  const ws = wb.getWorksheet(RENAMED) as ExcelJS.Worksheet;
  for (const [cell, v] of Object.entries(typed())) ws.getCell(cell).value = v;
}

/** Every cell of every sheet as a person reads it: the formula, else the text. */
function cells(wb: ExcelJS.Workbook): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const g of gridsFromWorkbook(wb)) {
    const s: Record<string, string> = {};
    g.rows.forEach((line, r) => line?.forEach((c, j) => c && (c.formula !== undefined || c.text !== '') && (s[`${String.fromCharCode(65 + j)}${r + 1}`] = c.formula !== undefined ? `=${c.formula}` : c.text)));
    out[g.name] = s;
  }
  return out;
}

describe.each(HARNESSES)('$name host: revert after inserts, a delete, a rename and typing', (harness) => {
  it('keeps every user cell, takes every untouched add-in cell, lists what it left', async () => {
    const wb = await fixture('seeds/seed-000.xlsx');
    const subject = harness.open(wb, 'seed-000.xlsx');
    const { plan } = await applyWithHost(subject.host, opts);
    // The layout this test counts on.
    const choices = plan.edits.filter((e): e is Extract<Edit, { kind: 'choices' }> => e.kind === 'choices');
    expect(choices[0]?.range).toBe('K3');
    expect(plan.edits).toContainEqual(expect.objectContaining({ kind: 'cell', sheet: 'Sheet1', cell: 'L5', numFmt: 'yyyy-mm-dd' }));

    // The user's work, on the workbook as the host holds it.
    let host = subject.host;
    let after: () => ExcelJS.Workbook;
    if (subject.ctx) {
      const held = subject.ctx.toWorkbook();
      userEdits(held);
      const ctx = DoubleContext.fromWorkbook(held);
      host = excelHost(ctx, 'seed-000.xlsx');
      after = () => ctx.toWorkbook();
    } else {
      userEdits(wb);
      host = new XlsxWorkbookHost(wb, 'seed-000.xlsx');
      after = () => wb;
    }

    // The row inserted at 10 took the dropdown of the row above (a node row's status, K9 then, L9
    // now), as Excel and LibreOffice copy it: the add-in's list on a cell it never wrote.
    const validations = (w: ExcelJS.Workbook) => (w.getWorksheet(RENAMED) as unknown as { dataValidations: { model: Record<string, { type?: string; formulae?: unknown[] } | undefined> } }).dataValidations.model;
    // A file keys its dropdowns by the cells or the runs of cells they cover (`L3:L57`).
    const at = (model: ReturnType<typeof validations>, cell: string) => Object.entries(model).find(([ref]) => ref.split(/\s+/).some((r) => covers(r, cell)))?.[1];
    const held = validations(after());
    expect(follow('K9')).toBe('L9');
    expect(at(held, 'L10')).toMatchObject({ type: 'list', formulae: [`"${choices[0]?.choices.join(',')}"`] });
    expect(at(held, 'L10')).toEqual(at(held, 'L9'));

    const outcome = await host.revert();
    // Row 21 (as it was then) held the due date of a node: gone with its row.
    const deletedDue = plan.edits.some((e) => e.kind === 'cell' && e.sheet === 'Sheet1' && e.cell === 'L20');
    expect(outcome?.skipped).toEqual(
      expect.arrayContaining([{ sheet: RENAMED, cell: follow('L5'), reason: 'changed' }, ...(deletedDue ? [{ sheet: RENAMED, cell: 'L20', reason: 'deleted' }] : [])]),
    );
    expect(outcome?.skipped.filter((s) => s.reason === 'changed')).toHaveLength(1);

    // As the same user edits leave the workbook that was never annotated.
    const expected = await fixture('seeds/seed-000.xlsx');
    userEdits(expected);
    const state = after();
    expect(cells(state)).toEqual(cells(expected));
    expect(state.worksheets.map((w) => w.name)).toEqual([RENAMED]);
    expect(state.definedNames.model).toEqual([]);
    const ws = state.getWorksheet(RENAMED) as unknown as { dataValidations: { model: object }; conditionalFormattings: unknown[] };
    // No dropdown of the add-in's is left, the one the inserted row copied included.
    expect(Object.keys(ws.dataValidations.model)).toEqual([]);
    expect(ws.conditionalFormattings).toEqual([]);
  });
});

/** Whether a range (`L3:L57`, `L10`) covers a cell. */
function covers(range: string, cell: string): boolean {
  const pos = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    return { col: [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const [from, to = from] = range.split(':') as [string, string?];
  const a = pos(from);
  const b = pos(to as string);
  const c = pos(cell);
  return c.col >= a.col && c.col <= b.col && c.row >= a.row && c.row <= b.row;
}
