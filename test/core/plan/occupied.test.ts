/**
 * The plan never writes over the user's data: a cell it would write into that holds text, a number
 * or a formula (even one whose cached value is empty) is a plan.occupied warning, and the table is
 * left alone; a blank or space-only cell is free.
 */
import { gridFromMatrix } from '../../../src/core/grid';
import type { Finding } from '../../../src/core/contract';
import { findOccupied } from '../../../src/core/plan/occupied';

function grid() {
  const g = gridFromMatrix('Plan', [
    ['任务', '', '', ''],
    ['a', '王科长', '  ', ''],
    ['b', '', '', 0],
  ]);
  // A formula not yet calculated: its cached text is empty, but the cell is the user's.
  g.rows[2]![2] = { value: { kind: 'string', value: '' }, text: '', formula: 'SUM(A1)' };
  return g;
}

describe('findOccupied', () => {
  it('names each cell of the columns on the rows that holds anything, in column order', () => {
    const findings: Finding[] = [];
    expect(findOccupied(grid(), ['B', 'C'], new Set([2, 3]), 'en-US', findings)).toBe(true);
    expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.found])).toEqual([
      ['plan.occupied', 'warning', 'Plan', 'Plan!B2', '王科长'],
      ['plan.occupied', 'warning', 'Plan', 'Plan!C3', '=SUM(A1)'],
    ]);
    expect(findings[0]!.message).toContain('B2');
  });

  it('a number is data too; rows outside the set are not looked at', () => {
    const findings: Finding[] = [];
    expect(findOccupied(grid(), ['D'], new Set([3]), 'zh-CN', findings)).toBe(true);
    expect(findings.map((f) => [f.cell, f.found])).toEqual([['Plan!D3', '0']]);
    expect(findOccupied(grid(), ['B'], new Set([1, 3]), 'zh-CN', [])).toBe(false);
  });

  it('blank and space-only cells are free', () => {
    const findings: Finding[] = [];
    expect(findOccupied(grid(), ['C', 'D'], new Set([1, 2]), 'en-US', findings)).toBe(false);
    expect(findings).toEqual([]);
  });
});
