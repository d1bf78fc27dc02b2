/** Writing findings' fixes into a workbook: each fix sets exactly the one cell it names. */
import type ExcelJS from 'exceljs';
import { parseCell } from '../../core/grid';
import type { Finding } from '../../core/report';

export class FixTargetError extends Error {}

/** Splits `Sheet1!G31` or `'My Sheet'!G31` into sheet name and cell. */
export function splitReference(ref: string): { sheet: string; cell: string } {
  const bang = ref.lastIndexOf('!');
  const rawSheet = ref.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, cell: ref.slice(bang + 1) };
}

/** Applies every fix of the findings; returns the cells it wrote. */
export function applyFixes(wb: ExcelJS.Workbook, findings: readonly Finding[]): string[] {
  const written: string[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const { sheet, cell } = splitReference(f.fix.cell);
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new FixTargetError(`${f.fix.cell}: no sheet "${sheet}"`);
    const { row, col } = parseCell(cell);
    const target = ws.getCell(row, col);
    // The fix keeps the cell's style; only its value changes.
    target.value = f.fix.value;
    written.push(f.fix.cell);
  }
  return written;
}
