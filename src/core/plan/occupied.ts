/**
 * Never write over the user's data: the cells a plan would write into (the status, due and score
 * columns of ./build, the lights' columns of ./lights) must be empty on the table's rows. One rule,
 * one finding, for both.
 */
import { columnNumber, getCell, sheetCellAddress, type Grid } from '../grid';
import { t, type Lang } from '../i18n';
import type { Finding } from '../contract';

/** A `plan.occupied` warning for each cell of `columns` on `rows` that holds anything; true when one does. */
export function findOccupied(grid: Grid, columns: readonly string[], rows: ReadonlySet<number>, lang: Lang, findings: Finding[]): boolean {
  const sheet = grid.name;
  let occupied = false;
  for (const c of columns) {
    for (const r of rows) {
      const cell = getCell(grid, r, columnNumber(c));
      // A formula is the user's even when its cached value is empty (not yet calculated, or "").
      const found = cell?.formula !== undefined && cell.text.trim() === '' ? `=${cell.formula}` : cell?.text;
      if (found === undefined || found.trim() === '') continue;
      occupied = true;
      findings.push({
        rule: 'plan.occupied',
        severity: 'warning',
        sheet,
        cell: sheetCellAddress(sheet, r, columnNumber(c)),
        found,
        expected: t(lang, 'plan.occupied.expected'),
        message: t(lang, 'plan.occupied', { cell: `${c}${r}`, found }),
      });
    }
  }
  return occupied;
}
