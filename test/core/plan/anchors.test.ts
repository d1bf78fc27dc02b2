/**
 * Anchors read back as Excel and LibreOffice leave them: moved, renamed, quoted, `#REF!` once their
 * row or column is deleted; and anchors that contradict each other are not trusted.
 */
import { anchorFormula, placeAnchors, planAnchors, readAnchor } from '../../../src/core/plan/anchors';
import { formulaShape } from '../../../src/core/plan/journal-verify';
import type { EditPlan } from '../../../src/core/plan/plan';

const plan: EditPlan = {
  version: 1,
  edits: [
    { kind: 'sheet', sheet: '评分汇总' },
    { kind: 'cell', sheet: '评分汇总', cell: 'A1', value: 'title' },
    { kind: 'cell', sheet: 'Sheet1', cell: 'K2', value: '完成情况' },
    { kind: 'cell', sheet: 'Sheet1', cell: 'L4', value: 43281, numFmt: 'yyyy-mm-dd' },
    { kind: 'width', sheet: 'Sheet1', column: 'K', width: 14 },
    { kind: 'choices', sheet: 'Sheet1', range: 'K4', choices: ['已完成'] },
  ],
};

it('names each sheet, row and column the plan writes into, once, in order', () => {
  expect(planAnchors(plan).map(anchorFormula)).toEqual([
    "ROWS('评分汇总'!$1:$1048576)",
    "ROWS('Sheet1'!$1:$1048576)",
    "ROW('Sheet1'!$2:$2)",
    "COLUMN('Sheet1'!$K:$K)",
    "ROW('Sheet1'!$4:$4)",
    "COLUMN('Sheet1'!$L:$L)",
  ]);
});

it.each([
  ["ROW('Sheet1'!$5:$5)", { sheet: 'Sheet1', row: 5 }],
  ['=ROW(Sheet1!$5:$5)', { sheet: 'Sheet1', row: 5 }],
  ["ROW('2018 计划'!$5:$5)", { sheet: '2018 计划', row: 5 }],
  ["COLUMN('It''s'!$AB:$AB)", { sheet: "It's", column: 28 }],
  ['ROWS(汇总!$1:$1048576)', { sheet: '汇总', rows: true }],
  ['ROW(#REF!)', null],
  ["ROW('Sheet1'!#REF!)", null],
  ["ROW('Sheet1'!$4:$6)", null],
  ["COLUMN('Sheet1'!$4:$4)", null],
  ['1+1', null],
  [undefined, null],
])('%s reads as %j', (f, want) => {
  expect(readAnchor(f)).toEqual(want);
});

it('maps addresses through moved anchors, loses those deleted, and refuses two anchors on one row', () => {
  const moved = ["ROWS('汇总 (2)'!$1:$1048576)", "ROWS('新名'!$1:$1048576)", "ROW('新名'!$3:$3)", "COLUMN('新名'!$M:$M)", 'ROW(#REF!)', "COLUMN('新名'!$N:$N)"];
  const p = placeAnchors(plan, moved);
  expect(p?.sheet('评分汇总')).toBe('汇总 (2)');
  expect(p?.cell('Sheet1', 'K2')).toEqual({ sheet: '新名', cell: 'M3' });
  expect(p?.cell('Sheet1', 'L4')).toBeNull();
  expect(p?.column('Sheet1', 12)).toBe(14);
  const clash = [...moved];
  clash[4] = "ROW('新名'!$3:$3)";
  expect(placeAnchors(plan, clash)).toBeNull();
  const elsewhere = [...moved];
  elsewhere[2] = "ROW('汇总 (2)'!$3:$3)";
  expect(placeAnchors(plan, elsewhere)).toBeNull();
  expect(placeAnchors(plan, [...moved, "ROW('新名'!$9:$9)"])).toBeNull();
});

it('gives a formula the same shape when only its references moved, and another when the user wrote another', () => {
  const written = 'MAX(0,IF(SUMPRODUCT(--ISNUMBER(MATCH($K$3:$K$6,resptable_done_words,0)))=0,N(J3),N(J3)*2))';
  expect(formulaShape(written)).toBe(formulaShape("MAX(0,IF(SUMPRODUCT(--ISNUMBER(MATCH($L$4:$L$8,resptable_done_words,0)))=0,N(K4),N(#REF!)*2))"));
  expect(formulaShape("SUM('Sheet1'!$M$3,'Sheet1'!$M$7)")).toBe(formulaShape("SUM('2018 计划'!$N$4,'2018 计划'!$N$8)"));
  expect(formulaShape(written)).not.toBe(formulaShape(written.replace('*2', '*3')));
  expect(formulaShape(written)).not.toBe(formulaShape('10'));
  expect(formulaShape('LOG10(A1)')).toBe('LOG10(@)');
});
