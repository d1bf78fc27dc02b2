/**
 * Apply never changes a cell it does not write: ExcelJS shares one style object among the cells of
 * a format, so setting a written cell's number format, font or fill in place would restyle every
 * cell of that format (the user's header turning blue, a weight shown as `0.0#`).
 */
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../../bench/generate';
import { cellAddress } from '../../../src/core/grid';
import { annotateWorkbook, revertPlan } from '../../../src/hosts/xlsx';

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again;
}

const ROWS = 42;
const COLS = 14;

/** Every cell's style as it resolves, by address, over the table and the bordered columns past it. */
function styles(wb: ExcelJS.Workbook): Map<string, string> {
  const ws = wb.getWorksheet('Sheet1')!;
  const out = new Map<string, string>();
  for (let r = 1; r <= ROWS; r++) for (let c = 1; c <= COLS; c++) out.set(cellAddress(r, c), JSON.stringify(ws.getCell(r, c).style ?? {}));
  return out;
}

describe('apply and revert keep the styles of the cells they do not write', () => {
  it('a table whose cells share one format with the columns the plan writes', async () => {
    const made = generateWorkbook(40);
    const ws = made.getWorksheet('Sheet1')!;
    // One format for the header, the body and four empty columns past the text, as a user's borders run.
    const shared: Partial<ExcelJS.Style> = {
      font: { name: '宋体', size: 11 },
      border: { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } },
      alignment: { vertical: 'middle', wrapText: true },
    };
    for (let r = 2; r <= ROWS; r++) for (let c = 1; c <= COLS; c++) ws.getCell(r, c).style = shared;
    const original = await reload(made);
    const ref = original.getWorksheet('Sheet1')!;
    // The reloaded cells share one style object: the condition that made apply restyle them all.
    expect(ref.getCell('A2').style).toBe(ref.getCell('N30').style);
    const before = styles(original);

    const wb = await reload(made);
    const { plan } = annotateWorkbook(wb, 'gen.xlsx', { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' });
    const written = new Set(plan.edits.flatMap((e) => (e.kind === 'cell' && e.sheet === 'Sheet1' && (e.numFmt || e.bold || e.fill) ? [e.cell] : [])));
    // The plan does write formats into cells of the shared format (else this would test nothing).
    expect([...written].filter((a) => before.has(a) && /^[K-N]/.test(a)).length).toBeGreaterThan(10);
    const inMemory = styles(wb);
    const applied = styles(await reload(wb));
    for (const [address, style] of before) {
      if (written.has(address)) continue;
      expect([address, inMemory.get(address)]).toEqual([address, style]);
      expect([address, applied.get(address)]).toEqual([address, style]);
    }

    const back = await reload(wb);
    expect(revertPlan(back)).toBe(true);
    const reverted = styles(await reload(back));
    for (const [address, style] of before) expect([address, reverted.get(address)]).toEqual([address, style]);
  });
});
