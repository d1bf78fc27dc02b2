/**
 * The user view: Grids as a host reads them plus the journal of the last apply give the workbook as
 * the user keeps it. Before-images of either host decode into the Grid cells the xlsx host would read.
 */
import { gridFromMatrix, type Grid } from '../../src/core/grid';
import type { Journal } from '../../src/core/plan/journal';
import { cellFromBeforeImage, decodeValue, userView } from '../../src/core/plan/user-view';

describe('decodeValue', () => {
  it.each<[string, unknown, ReturnType<typeof decodeValue>]>([
    ['empty', null, {}],
    ['empty text', '', {}],
    ['a number', 3.5, { value: { kind: 'number', value: 3.5 } }],
    ['a text', '王科长', { value: { kind: 'string', value: '王科长' } }],
    ['a boolean', true, { value: { kind: 'boolean', value: true } }],
    ['a date', { $date: '2018-03-31T00:00:00.000Z' }, { value: { kind: 'date', value: '2018-03-31', serial: 43190 } }],
    ['a date and time', { $date: '2018-03-31T12:00:00.000Z' }, { value: { kind: 'date', value: '2018-03-31T12:00:00', serial: 43190.5 } }],
    ['a formula', { formula: 'SUM(A1:A3)', result: 6 }, { value: { kind: 'number', value: 6 }, formula: 'SUM(A1:A3)' }],
    ['a formula not yet calculated', { formula: 'TODAY()' }, { value: { kind: 'string', value: '' }, formula: 'TODAY()' }],
    ['rich text', { richText: [{ text: '第一' }, { text: '季度' }] }, { value: { kind: 'string', value: '第一季度' } }],
    ['an error', { error: '#REF!' }, { value: { kind: 'error', value: '#REF!' } }],
    ['a shared formula, by its result', { sharedFormula: 'A1', result: 2 }, { value: { kind: 'number', value: 2 } }],
    ['a hyperlink, by its text', { hyperlink: 'https://example.org', text: '链接' }, { value: { kind: 'string', value: '链接' } }],
  ])('%s', (_, raw, want) => {
    expect(decodeValue(raw)).toEqual(want);
  });
});

describe('cellFromBeforeImage', () => {
  it('takes the number format from the style and shows the text as formatted', () => {
    expect(cellFromBeforeImage({ value: 0.5, style: { numFmt: '0.00' } }, (v, f) => `${v.kind}:${f}`)).toEqual({ value: { kind: 'number', value: 0.5 }, text: 'number:0.00', format: '0.00' });
    expect(cellFromBeforeImage({ value: null, style: { numFmt: 'yyyy-mm-dd', fill: {} } })).toBeUndefined();
    expect(cellFromBeforeImage('not a before-image')).toBeUndefined();
  });
});

/** What a verified journal gives a read: the cells to show as they were, the sheets to leave out. */
const journal = (cells: Journal['cells'], sheetsToDelete: string[] = []) => ({ cells, sheetsToDelete });

describe('userView', () => {
  const applied: Grid[] = [
    gridFromMatrix('Sheet1', [
      ['序号', '任务', '完成情况'],
      [1, '甲', '已完成'],
      [2, '乙', null],
    ]),
    gridFromMatrix('评分汇总', [['汇总']]),
    { ...gridFromMatrix('_resptable_journal', [['{}']]), visibility: 'veryHidden' },
    { ...gridFromMatrix('_resptable_settings', [['{}']]), visibility: 'veryHidden' },
  ];

  it('leaves out the sheets the plan added and the add-in’s own, and shows recorded cells as they were', () => {
    const view = userView(applied, journal([
      { sheet: 'Sheet1', cell: 'C1', before: { value: null, style: {} } },
      { sheet: 'Sheet1', cell: 'C2', before: { value: null, style: { font: { bold: true } } } },
      { sheet: 'Sheet1', cell: 'C3', before: { value: '原有', style: {} } },
    ], ['评分汇总']));
    expect(view.map((g) => g.name)).toEqual(['Sheet1']);
    expect(view[0]).toEqual(gridFromMatrix('Sheet1', [['序号', '任务'], [1, '甲'], [2, '乙', '原有']]));
  });

  it('shrinks the sheet to what is left', () => {
    const view = userView([gridFromMatrix('S', [['a', 'x'], [null, 'y']])], journal([
      { sheet: 'S', cell: 'B1', before: { value: null, style: {} } },
      { sheet: 'S', cell: 'B2', before: { value: null, style: {} } },
    ]));
    expect(view[0]).toMatchObject({ rowCount: 1, colCount: 1 });
  });

  it('without a journal, leaves out only the add-in’s own sheets, and changes nothing else', () => {
    const view = userView(applied, null);
    expect(view.map((g) => g.name)).toEqual(['Sheet1', '评分汇总']);
    expect(view[0]).toBe(applied[0]);
  });
});
