/**
 * Staff kept working on seed 000 after apply, as Excel edits a workbook: a row inserted inside the
 * table, a column inserted inside it, a row deleted, the sheet renamed. The revert tests play these
 * edits (./structural-edits) on both hosts and in the workbench, and follow the add-in's cells
 * through them. Seed 000: table A2:J56, header row 2; the plan adds status K, due L, score M.
 */
import { followCell, type StructuralEdit } from './structural-edits';

export const RENAMED = '2018 计划';

export const EDITS: StructuralEdit[] = [
  { kind: 'insert-rows', sheet: 'Sheet1', at: 10, count: 1 },
  { kind: 'insert-columns', sheet: 'Sheet1', at: 3, count: 1 },
  { kind: 'delete-rows', sheet: 'Sheet1', at: 21, count: 1 },
  { kind: 'rename', sheet: 'Sheet1', to: RENAMED },
];

/** An address of the workbook as applied, followed through the edits; an error once a delete takes it. */
export function follow(cell: string): string {
  let at: { sheet: string; cell: string } | null = { sheet: 'Sheet1', cell };
  for (const e of EDITS) at = at && followCell(at.sheet, at.cell, e);
  if (!at) throw new Error(`${cell} was deleted`);
  return at.cell;
}
