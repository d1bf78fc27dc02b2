/**
 * Requests sized by bytes, not cells: a fix-all over 10,000 cells of 200-character CJK texts in one
 * column (the most fixes the log keeps; 6 MB of text in UTF-8 each way) loads what was there,
 * writes and undoes in requests that the double measures, each under Excel on the web's 5 MB, where
 * a load of 20,000 cells or one write per run of a column would pass it.
 */
import type { Grid } from '../../../src/core/grid';
import { ExcelWorkbookHost } from '../../../src/hosts/excel';
import { DoubleContext, EXCEL_LIMITS } from '../../support/excel-double';

const ROWS = 10_000;
const text = (r: number, tag: string) => `${tag}${r}：${'按时保质完成节点任务并报送材料'.repeat(14)}`.slice(0, 200);

function sheet(): Grid {
  const rows: Grid['rows'] = [];
  for (let r = 1; r <= ROWS; r++) rows[r - 1] = [{ value: { kind: 'string', value: text(r, '第') }, text: text(r, '第') }];
  return { name: 'S', rowCount: ROWS, colCount: 1, rows, merges: [], hiddenRows: [], hiddenCols: [] };
}

describe('a column of 10,000 long CJK texts', () => {
  it('fixed and the fixes undone, every request and response under 5 MB', async () => {
    const ctx = new DoubleContext([sheet()]);
    const before = ctx.comparable();
    const host = new ExcelWorkbookHost((batch, options) => ctx.run(batch, options), 'big.xlsx', { isSetSupported: () => true });
    const fixes = Array.from({ length: ROWS }, (_, i) => ({ cell: `S!A${i + 1}`, value: text(i + 1, '改') }));
    await host.applyFixes(fixes);
    const a = ctx.comparable().sheets[0]?.cells;
    expect(a?.A1?.value).toBe(text(1, '改'));
    expect(a?.[`A${ROWS}`]?.value).toBe(text(ROWS, '改'));
    expect(await host.undoFixes()).toBe(ROWS);
    expect(ctx.comparable()).toEqual(before);
    const request = Math.max(...ctx.requests);
    const response = Math.max(...ctx.payloads);
    process.stdout.write(`10,000 CJK cells of 200 characters: ${ctx.syncs} syncs, largest request ${(request / 1e6).toFixed(2)} MB, largest response ${(response / 1e6).toFixed(2)} MB\n`);
    expect(request).toBeLessThan(EXCEL_LIMITS.payloadBytes);
    expect(response).toBeLessThan(EXCEL_LIMITS.payloadBytes);
  }, 300_000);
});
