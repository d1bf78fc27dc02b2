/**
 * A shared formula as written in one of the cells that share it: the master's formula with every
 * relative reference moved by the distance from the master (ExcelJS's `slideFormula`, so that
 * both readers give the same text). A reference moved off the sheet becomes `#REF!`, as in Excel.
 */
import { columnLetters, columnNumber, type CellRef } from '../../core/grid';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const MAX_COL = 16384;
const MAX_ROW = 1_048_576;

export function slideFormula(formula: string, from: CellRef, to: CellRef): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL.exec(addr);
    if (!m) return match;
    const colDollar = m[1] ?? '';
    const colStr = (m[2] as string).toUpperCase();
    const rowDollar = m[3] ?? '';
    // Past XFD it is a name, not a column.
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return match;
    const col = columnNumber(colStr) + (colDollar ? 0 : to.col - from.col);
    const row = Number(m[4]) + (rowDollar ? 0 : to.row - from.row);
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return `${sheet ?? ''}#REF!`;
    return `${sheet ?? ''}${colDollar}${columnLetters(col)}${rowDollar}${row}`;
  });
}
