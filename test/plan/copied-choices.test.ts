/** Where a row inserted inside the table may have copied the add-in's dropdown, and what counts as a copy. */
import { copiedChoiceRuns, isCopiedChoice, runCells, type ChoiceRun } from '../../src/core/plan/copied-choices';
import type { VerifiedJournal } from '../../src/core/plan/journal-verify';

const LIST = ['未开始', '进行中', '已完成'];
const choice = (sheet: string, range: string, choices = LIST): VerifiedJournal['choiceEdits'][number] => ({ kind: 'choices', sheet, range, choices });

describe('copiedChoiceRuns', () => {
  it('gives the rows inside a column’s dropdowns that none covers, as runs', () => {
    // Rows 3, 4, 5, then 8 and 9 after a row was inserted at 6 and another at 7 (and one at 11).
    const runs = copiedChoiceRuns({ choiceEdits: ['L3', 'L4', 'L5', 'L8', 'L9', 'L12'].map((r) => choice('表', r)) });
    expect(runs).toEqual([
      { sheet: '表', column: 'L', top: 6, bottom: 7, list: '未开始,进行中,已完成' },
      { sheet: '表', column: 'L', top: 10, bottom: 11, list: '未开始,进行中,已完成' },
    ]);
    expect(runCells(runs[0] as ChoiceRun)).toEqual(['L6', 'L7']);
  });

  it('keeps sheets and columns apart, and a range covers each of its cells', () => {
    const runs = copiedChoiceRuns({ choiceEdits: [choice('A', 'K3'), choice('B', 'K5'), choice('A', 'M3:M4'), choice('A', 'M6')] });
    expect(runs).toEqual([{ sheet: 'A', column: 'M', top: 5, bottom: 5, list: '未开始,进行中,已完成' }]);
  });

  it('has nothing to look at when the dropdowns are unbroken, or there are none', () => {
    expect(copiedChoiceRuns({ choiceEdits: ['K3', 'K4', 'K5'].map((r) => choice('S', r)) })).toEqual([]);
    expect(copiedChoiceRuns({ choiceEdits: [] })).toEqual([]);
  });

  it('a cell covered by another list of the plan is no run’s', () => {
    const runs = copiedChoiceRuns({ choiceEdits: [choice('S', 'K3'), choice('S', 'K4', ['甲']), choice('S', 'K5')] });
    expect(runs).toEqual([]);
  });
});

describe('isCopiedChoice', () => {
  const run: ChoiceRun = { sheet: 'S', column: 'K', top: 4, bottom: 4, list: '未开始,进行中,已完成' };
  it.each([
    ['未开始,进行中,已完成', true],
    ['"未开始,进行中,已完成"', true],
    ['未开始,进行中', false],
    ['"甲,乙"', false],
    ['=$Z$1:$Z$3', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%p → %p', (source, copy) => expect(isCopiedChoice(run, source)).toBe(copy));
});
