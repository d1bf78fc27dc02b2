/** Writing findings' fixes into a workbook: each fix sets exactly the one cell it names. */
import type ExcelJS from 'exceljs';
import { parseCell, splitAddress } from '../../core/grid';
import type { Finding } from '../../core/contract';

export class FixTargetError extends Error {}

/** Applies every fix of the findings; returns the cells it wrote. */
export function applyFixes(wb: ExcelJS.Workbook, findings: readonly Finding[]): string[] {
  const written: string[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const { sheet: named, cell } = splitAddress(f.fix.cell);
    const sheet = named ?? '';
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
