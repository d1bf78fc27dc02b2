import { nodeBasis } from '../../src/core/scoring';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { applyWithHost, checkWithHost } from '../../src/hosts/workflow';
import { loadWorkbookFile } from '../../src/hosts/xlsx';
import { readJournal } from '../../src/hosts/xlsx/apply';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { CF_LOOK, cfStateOf, computeOverlay } from '../../src/workbench/overlay';
import { splitAddress } from '../../src/core/grid';
import { cellCovering, displayedCellOf, stepFrom } from '../../src/workbench/navigation';
import { columnWidthPx, cssColor, sheetView, tabsOf, type CellView, type SheetView } from '../../src/workbench/render-model';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function cellAt(view: SheetView, a1: string): CellView | undefined {
  for (const r of view.rows) for (const c of r.cells) if (c.a1 === a1) return c;
  return undefined;
}

function allCells(view: SheetView): CellView[] {
  return view.rows.flatMap((r) => r.cells);
}

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(await wb.xlsx.writeBuffer());
  return out;
}

describe('workbench view model: a sheet as Excel shows it', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip((w) => {
      const ws = w.addWorksheet('表1');
      ws.getColumn(1).width = 12;
      ws.getColumn(2).width = 30;
      ws.getCell('A1').value = '标题';
      ws.getCell('A1').font = { bold: true, size: 16 };
      ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '类别';
      ws.mergeCells('A2:A4');
      ws.getCell('B2').value = '一行\n两行';
      ws.getCell('B2').alignment = { wrapText: true };
      ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      ws.getCell('B3').value = 0.25;
      ws.getCell('B3').numFmt = '0%';
      ws.getCell('B4').value = new Date(Date.UTC(2018, 2, 31));
      ws.getCell('B4').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('C2').value = { formula: 'B3*2', result: 0.5 };
      ws.getCell('C3').value = { formula: 'B3*3' } as ExcelJS.CellFormulaValue;
      ws.getCell('F2').value = { formula: 'B2&"x"', result: 'ax' };
      ws.getCell('F3').value = { sharedFormula: 'F2', result: 'bx' } as unknown as ExcelJS.CellValue;
      ws.getCell('C4').value = '<b>not html</b>';
      ws.getCell('C4').border = { right: { style: 'medium', color: { argb: 'FFFF0000' } } };
      ws.getCell('D4').border = { left: { style: 'thin' } };
      ws.getCell('D2').border = { left: { style: 'dashed', color: { argb: 'FF0000FF' } } };
      ws.getCell('B5').border = { top: { style: 'thin' } };
      ws.getRow(1).height = 30;
      ws.getCell('A6').value = 'hidden row';
      ws.getRow(6).hidden = true;
      ws.getColumn(5).hidden = true;
      ws.getCell('E2').value = 'hidden column';
      w.addWorksheet('隐藏').state = 'hidden';
      w.addWorksheet('_journal', { state: 'veryHidden' });
      w.addWorksheet('Sheet 2');
    });
  });

  test('tabs: visible sheets only, in order', () => {
    expect(tabsOf(wb).map((t) => t.name)).toEqual(['表1', 'Sheet 2']);
  });

  test('merges become spans; the cells they cover are not drawn', () => {
    const v = sheetView(wb, '表1', null)!;
    expect(cellAt(v, 'A1')).toMatchObject({ rowSpan: 1, colSpan: 3, text: '标题' });
    expect(cellAt(v, 'B1')).toBeUndefined();
    expect(cellAt(v, 'C1')).toBeUndefined();
    expect(cellAt(v, 'A2')).toMatchObject({ rowSpan: 3, colSpan: 1, text: '类别' });
    expect(cellAt(v, 'A3')).toBeUndefined();
    expect(cellAt(v, 'A4')).toBeUndefined();
  });

  test('widths from the workbook, hidden rows and columns left out, explicit heights in px', () => {
    const v = sheetView(wb, '表1', null)!;
    expect(v.columns[0]).toEqual({ col: 1, letter: 'A', widthPx: columnWidthPx(12) });
    expect(v.columns[1]?.widthPx).toBe(215);
    expect(v.columns.map((c) => c.letter)).not.toContain('E');
    expect(v.rows.map((r) => r.row)).not.toContain(6);
    expect(v.rows[0]?.heightPx).toBe(40);
    expect(v.rows[1]?.heightPx).toBeUndefined();
    expect(allCells(v).some((c) => c.text === 'hidden row' || c.text === 'hidden column')).toBe(false);
  });

  test('number-formatted text, looks, and formula cells', () => {
    const v = sheetView(wb, '表1', null)!;
    expect(cellAt(v, 'A1')?.look).toMatchObject({ bold: true, sizePt: 16, hAlign: 'center', vAlign: 'middle' });
    expect(cellAt(v, 'B2')?.look).toMatchObject({ wrap: true, background: '#DDEBF7', hAlign: 'left' });
    expect(cellAt(v, 'B2')?.text).toBe('一行\n两行');
    expect(cellAt(v, 'B3')).toMatchObject({ text: '25%', input: '0.25' });
    expect(cellAt(v, 'B3')?.look.hAlign).toBe('right');
    expect(cellAt(v, 'B4')).toMatchObject({ text: '2018年3月31日', input: '2018-03-31' });
    // A cached result is what Excel shows; without one, the formula itself.
    expect(cellAt(v, 'C2')).toMatchObject({ text: '0.5', input: '=B3*2' });
    expect(cellAt(v, 'C3')).toMatchObject({ text: '=B3*3', input: '=B3*3' });
    expect(cellAt(v, 'C2')?.computed).toBeUndefined();
    expect(cellAt(v, 'C4')?.text).toBe('<b>not html</b>');
    // A shared formula shows each cell's own formula in the formula bar.
    expect(cellAt(v, 'F3')).toMatchObject({ text: 'bx', input: '=B3&"x"' });
  });

  test('borders: each edge drawn once, from the cell or its neighbour', () => {
    const v = sheetView(wb, '表1', null)!;
    expect(cellAt(v, 'C4')?.look.borders.right).toBe('2px solid #FF0000');
    expect(cellAt(v, 'C3')?.look.borders.right).toBeUndefined();
    // C2 has no right border: D2's left one is drawn there. C4 has its own, which wins over D4's.
    expect(cellAt(v, 'C2')?.look.borders.right).toBe('1px dashed #0000FF');
    expect(cellAt(v, 'B4')?.look.borders.bottom).toBe('1px solid #000000');
  });

  test('the sheet is padded with empty rows and columns, as Excel shows them', () => {
    const v = sheetView(wb, 'Sheet 2', null)!;
    expect(v.rows.length).toBeGreaterThanOrEqual(40);
    expect(v.columns.length).toBeGreaterThanOrEqual(16);
    expect(allCells(v).every((c) => c.text === '')).toBe(true);
    expect(cellAt(v, 'A1')?.ref).toBe("'Sheet 2'!A1");
  });

  test('a huge sheet is cut at the limits and says so', async () => {
    const big = await roundTrip((w) => {
      const ws = w.addWorksheet('big');
      for (let r = 1; r <= 300; r++) ws.getCell(r, 1).value = r;
    });
    const v = sheetView(big, 'big', null, { maxRows: 100, maxCols: 10, minRows: 5, minCols: 5 })!;
    expect(v.truncated).toBe(true);
    expect(v.rows).toHaveLength(100);
    expect(v.usedRows).toBe(300);
  });

  test('an unknown sheet has no view', () => {
    expect(sheetView(wb, 'nope', null)).toBeNull();
  });
});

describe('workbench view model: addresses and colours', () => {
  test('splitAddress reads quoted sheet names', () => {
    expect(splitAddress('Sheet1!G42')).toEqual({ sheet: 'Sheet1', cell: 'G42' });
    expect(splitAddress("'My ''x'' sheet'!$A$1")).toEqual({ sheet: "My 'x' sheet", cell: 'A1' });
    expect(splitAddress('B2')).toEqual({ sheet: null, cell: 'B2' });
  });

  test('displayedCellOf: a cell inside a merge is shown by the merge', async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet('S');
      ws.getCell('B2').value = 'x';
      ws.mergeCells('B2:C4');
    });
    expect(displayedCellOf(wb, 'S', 'C3')).toEqual({ row: 2, col: 2 });
    expect(displayedCellOf(wb, 'S', 'D9')).toEqual({ row: 9, col: 4 });
    expect(displayedCellOf(wb, 'nope', 'A1')).toBeNull();
    expect(displayedCellOf(wb, 'S', 'not a cell')).toBeNull();
  });

  test('colours: argb, theme with tint, indexed', () => {
    expect(cssColor({ argb: 'FF9C0006' })).toBe('#9C0006');
    expect(cssColor({ theme: 4 })).toBe('#4472C4');
    expect(cssColor({ theme: 0, tint: -0.5 })).toBe('#808080');
    expect(cssColor({ indexed: 10 })).toBe('#FF0000');
    expect(cssColor(undefined)).toBeUndefined();
  });

  test('node states map onto the three colours, done late counting as done', () => {
    expect((['done', 'done_late', 'overdue', 'due_soon', 'pending', 'no_deadline', undefined] as const).map((s) => cfStateOf(s))).toEqual([
      'done',
      'done',
      'overdue',
      'due_soon',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('workbench view model: what the plan writes, shown from the core', () => {
  const asOf = '2018-07-15';
  let wb: ExcelJS.Workbook;
  let host: XlsxWorkbookHost;

  beforeEach(async () => {
    wb = await loadWorkbookFile(path.join(EXAMPLES, 'seed-000.xlsx'));
    host = new XlsxWorkbookHost(wb, 'seed-000.xlsx');
  });

  test('nothing applied: no overlay, no colours, no computed cells', async () => {
    expect(computeOverlay({ journal: readJournal(wb), grids: await host.read(), file: host.name, today: asOf })).toBeNull();
    const v = sheetView(wb, 'Sheet1', null)!;
    expect(allCells(v).filter((c) => c.state || c.computed)).toEqual([]);
  });

  test('after apply: rows coloured by the core’s node states, scores by the core’s task scores; after revert: none', async () => {
    const { report } = await applyWithHost(host, { lang: 'zh-CN', asOf, today: asOf });
    const overlay = computeOverlay({ journal: readJournal(wb), grids: await host.read(), file: host.name, today: '2030-01-01' });
    expect(overlay).not.toBeNull();
    // The plan's own date holds, not today's.
    expect(overlay!.asOf).toBe(asOf);

    const tables = report.sheets.flatMap((s) => s.tables);
    const nodes = tables.flatMap((t) => t.tasks.flatMap((k) => k.nodes));
    const expected = {
      overdue: nodes.filter((n) => n.state === 'overdue').length,
      due_soon: nodes.filter((n) => n.state === 'due_soon').length,
      done: nodes.filter((n) => n.state === 'done' || n.state === 'done_late').length,
    };
    expect(expected.overdue).toBeGreaterThan(0);
    expect(overlay!.counts).toEqual(expected);

    const v = sheetView(wb, 'Sheet1', overlay)!;
    const overdueRows = new Set(allCells(v).filter((c) => c.state === 'overdue').map((c) => c.row));
    expect([...overdueRows].sort((a, b) => a - b)).toEqual(nodes.filter((n) => n.state === 'overdue').map((n) => n.row).sort((a, b) => a - b));
    for (const c of allCells(v).filter((x) => x.state)) {
      expect(c.look.background).toBe(CF_LOOK[c.state!].fill);
      expect(c.look.color).toBe(CF_LOOK[c.state!].font);
    }
    // Nothing outside the tables' rows is coloured: the title and header rows stay as they were.
    const header = tables[0]!.headerRows[0]!;
    expect(v.rows.find((r) => r.row === header)?.cells.some((c) => c.state)).toBe(false);

    const tasks = tables.flatMap((t) => t.tasks);
    const scores = allCells(v).filter((c) => c.computed === 'score');
    expect(scores).toHaveLength(tasks.length);
    for (const k of tasks) {
      const cell = scores.find((c) => c.row === k.rows[0]);
      expect(cell).toBeDefined();
      if (k.score!.earned === null) expect(cell!.text).toBe('');
      else expect(Number(cell!.text.replace(/\.$/, ''))).toBeCloseTo(k.score!.earned, 2);
      expect(cell!.input.startsWith('=IF(')).toBe(true);
    }
    // Points as Excel's General shows them (the plan gives them no fixed format): `0`, `2.5`, `10`,
    // never `0.0`, `10.0` or `10.`; a task that earned nothing shows `0`.
    for (const c of scores.filter((x) => x.text !== '')) expect(c.text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
    const zero = tasks.filter((k) => k.score?.earned === 0);
    expect(zero.length).toBeGreaterThan(0);
    for (const k of zero) expect(scores.find((c) => c.row === k.rows[0])!.text).toBe('0');

    // The summary sheet: the as-of date and the totals, from the core as well.
    const summaryName = tabsOf(wb).map((t) => t.name).find((n) => n !== 'Sheet1')!;
    const sv = sheetView(wb, summaryName, overlay)!;
    const total = tables[0]!.score!.earned;
    const totals = allCells(sv).filter((c) => c.computed === 'total');
    expect(totals.length).toBeGreaterThan(0);
    expect(total).not.toBeNull();
    expect(totals.map((c) => Number(c.text.replace(/\.$/, '')))).toContainEqual(expect.closeTo(total!, 2));
    for (const c of totals.filter((x) => /^[\d.-]+$/.test(x.text))) expect(c.text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
    expect(allCells(sv).find((c) => c.a1 === 'B2')?.text).toBe(asOf);
    // The task list: a row per task, its score and its nodes decided / open / unscorable from the core.
    const scoreCol = scores[0]!.a1.replace(/\d+$/, '');
    for (const k of tasks) {
      const o = allCells(sv).find((c) => c.input === `=Sheet1!$${scoreCol}$${k.rows[0]}`);
      expect(o).toBeDefined();
      const at = (col: string) => allCells(sv).find((c) => c.a1 === `${col}${o!.row}`)?.text;
      const count = (b: string) => String(k.nodes.filter((n) => nodeBasis(n.state!) === b).length);
      expect([k.rows[0], at('O'), at('P'), at('Q'), at('R')]).toEqual([
        k.rows[0], scores.find((c) => c.row === k.rows[0])!.text, count('decided'), count('open'), count('unscorable'),
      ]);
    }
    // A cell merged over several nodes is never coloured (it would show its first node's state).
    const merged = allCells(v).filter((c) => c.rowSpan > 1 && tasks.some((k) => k.nodes.filter((n) => n.row >= c.row && n.row < c.row + c.rowSpan).length > 1));
    expect(merged.length).toBeGreaterThan(0);
    expect(merged.filter((c) => c.state)).toEqual([]);

    await host.revert();
    expect(readJournal(wb)).toBeNull();
    const after = computeOverlay({ journal: readJournal(wb), grids: await host.read(), file: host.name, today: asOf });
    expect(after).toBeNull();
    const back = sheetView(wb, 'Sheet1', after)!;
    expect(allCells(back).filter((c) => c.state || c.computed)).toEqual([]);
    expect(tabsOf(wb).map((t) => t.name)).toEqual(['Sheet1']);
  });

  test('every formula cell of the plan says what it computes, so the overlay looks it up', async () => {
    const { report } = await applyWithHost(host, { lang: 'zh-CN', today: asOf });
    const plan = readJournal(wb)!.plan;
    const formulas = plan.edits.filter((e) => e.kind === 'cell' && e.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((e) => e.kind === 'cell' && !e.computes)).toEqual([]);
    const tasks = report.sheets.flatMap((s) => s.tables.flatMap((t) => t.tasks));
    // Each task: its score cell on its sheet, and its score on the summary (with three node counts).
    const taskScores = formulas.filter((e) => e.kind === 'cell' && e.computes?.what === 'task' && e.computes.part === undefined);
    expect(taskScores).toHaveLength(tasks.length * 2);
    expect(formulas.filter((e) => e.kind === 'cell' && e.computes?.what === 'as-of').map((e) => e.kind === 'cell' && e.cell)).toEqual(['B2']);
    expect(formulas.filter((e) => e.kind === 'cell' && e.computes?.what === 'total')).toHaveLength(report.sheets.reduce((n, s) => n + s.tables.length, 0));
  });

  test('a plan following TODAY(): the as-of cell and colours use today', async () => {
    await applyWithHost(host, { lang: 'en-US', today: '2018-07-15' });
    const journal = readJournal(wb);
    expect(journal?.plan.asOf).toBeUndefined();
    const overlay = computeOverlay({ journal, grids: await host.read(), file: host.name, today: '2018-12-31' })!;
    expect(overlay.asOf).toBe('2018-12-31');
    const { report } = await checkWithHost(host, { lang: 'en-US', asOf: '2018-12-31', today: '2018-12-31' });
    const overdue = report.sheets.flatMap((s) => s.tables.flatMap((t) => t.tasks.flatMap((k) => k.nodes))).filter((n) => n.state === 'overdue').length;
    expect(overlay.counts.overdue).toBe(overdue);
    const sv = sheetView(wb, 'Scores', overlay)!;
    expect(allCells(sv).find((c) => c.a1 === 'B2')).toMatchObject({ text: '2018-12-31', computed: 'as-of' });
  });
});

describe('workbench view model: text running over empty neighbours', () => {
  test('unwrapped left-aligned text spills right up to the first cell that holds something', async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet('S');
      ws.getCell('A1').value = 'a long title that Excel lets run on';
      ws.getCell('D1').value = 'stop';
      ws.getCell('A2').value = 'wrapped';
      ws.getCell('A2').alignment = { wrapText: true };
      ws.getCell('A3').value = 42;
      ws.getCell('A4').value = 'centred';
      ws.getCell('A4').alignment = { horizontal: 'center' };
      ws.getCell('A5').value = 'next to a neighbour';
      ws.getCell('B5').value = 'x';
      ws.getCell('B6').value = 'merged down';
      ws.mergeCells('B6:B7');
      ws.getCell('A7').value = 'beside a merge from above';
    });
    const v = sheetView(wb, 'S', null)!;
    expect(cellAt(v, 'A1')?.spillPx).toBe(2 * columnWidthPx(undefined));
    expect(cellAt(v, 'A2')?.spillPx).toBeUndefined();
    expect(cellAt(v, 'A3')?.spillPx).toBeUndefined();
    expect(cellAt(v, 'A4')?.spillPx).toBeUndefined();
    expect(cellAt(v, 'A5')?.spillPx).toBeUndefined();
    expect(cellAt(v, 'D1')?.spillPx).toBeGreaterThan(0);
    expect(cellAt(v, 'A7')?.spillPx).toBeUndefined();
  });
});

describe('workbench view model: all three colours, in the plan’s priority', () => {
  test('done rows green even when past due, overdue red, due soon amber, as the core says', async () => {
    const wb = await loadWorkbookFile(path.join(EXAMPLES, 'seed-000.xlsx'));
    const ws = wb.getWorksheet('Sheet1')!;
    // A status column the recognizer reads: two nodes done (their March deadline long past), one behind.
    ws.getCell('K2').value = '完成情况';
    ws.getCell('K3').value = '已完成';
    ws.getCell('K4').value = '已完成';
    ws.getCell('K7').value = '进度滞后';
    const host = new XlsxWorkbookHost(wb, 'seed-000.xlsx');
    const asOf = '2018-06-25';
    const { report } = await applyWithHost(host, { lang: 'zh-CN', asOf, today: asOf });
    const nodes = report.sheets[0]!.tables[0]!.tasks.flatMap((k) => k.nodes);
    const overlay = computeOverlay({ journal: readJournal(wb), grids: await host.read(), file: host.name, today: asOf })!;
    const v = sheetView(wb, 'Sheet1', overlay)!;
    const rowsIn = (st: string) => [...new Set(allCells(v).filter((c) => c.state === st).map((c) => c.row))].sort((a, b) => a - b);
    const core = (pred: (s: string | undefined) => boolean) => nodes.filter((n) => pred(n.state)).map((n) => n.row).sort((a, b) => a - b);
    expect(rowsIn('done')).toEqual(core((s) => s === 'done' || s === 'done_late'));
    expect(rowsIn('overdue')).toEqual(core((s) => s === 'overdue'));
    expect(rowsIn('due_soon')).toEqual(core((s) => s === 'due_soon'));
    expect(rowsIn('done')).toEqual([3, 4]);
    expect(rowsIn('overdue')).toContain(7);
    expect(rowsIn('due_soon').length).toBeGreaterThan(0);
    expect(cellAt(v, 'G3')?.look).toMatchObject({ background: CF_LOOK.done.fill, color: CF_LOOK.done.font });
    // Task 1 has both its due nodes done: it has earned all that is decided (half its 10, the other
    // two nodes are not yet due and earn nothing), from the core.
    const task1 = report.sheets[0]!.tables[0]!.tasks[0]!;
    expect(task1.score).toMatchObject({ earned: 5, outOf: 5, max: 10, open: 5 });
    expect(Number(allCells(v).find((c) => c.computed === 'score' && c.row === task1.rows[0])?.text)).toBe(5);
  });
});

describe('workbench view model: a merge whose top-left row is hidden', () => {
  test('is drawn from its first visible row, with the master’s value and address', async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet('S');
      ws.getCell('A2').value = 'task';
      ws.mergeCells('A2:A5');
      ws.getRow(2).hidden = true;
      ws.getCell('B2').value = 'tall';
      ws.mergeCells('B2:B7');
      ws.getCell('C4').value = 'hidden row inside';
      ws.getRow(4).hidden = true;
    });
    const v = sheetView(wb, 'S', null)!;
    const drawn = allCells(v).filter((c) => c.a1 === 'A2');
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ row: 3, col: 1, rowSpan: 2, text: 'task', ref: 'S!A2' });
    expect(displayedCellOf(wb, 'S', 'A4')).toEqual({ row: 3, col: 1 });
    expect(cellCovering(v, 5, 1)?.a1).toBe('A2');
    // B2:B7 drawn from row 3 over rows 3, 5, 6, 7 (4 is hidden too): row 7 is still inside it.
    expect(allCells(v).find((c) => c.a1 === 'B2')).toMatchObject({ row: 3, rowSpan: 4 });
    expect(cellCovering(v, 7, 2)?.a1).toBe('B2');
    expect(cellCovering(v, 8, 2)?.a1).toBe('B8');
    expect(cellCovering(v, 4, 2)).toBeUndefined();
  });
});

describe('workbench view model: moving the selection', () => {
  test('arrows step by cells, out of a merge by its far edge, into a merge to its top-left', async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet('S');
      ws.getCell('B2').value = 'm';
      ws.mergeCells('B2:C3');
      ws.getCell('A5').value = 'hidden';
      ws.getRow(5).hidden = true;
    });
    const v = sheetView(wb, 'S', null)!;
    const at = (a1: string) => cellAt(v, a1)!;
    expect(cellCovering(v, 3, 3)?.a1).toBe('B2');
    expect(stepFrom(v, at('B2'), 'down')?.a1).toBe('B4');
    expect(stepFrom(v, at('B2'), 'right')?.a1).toBe('D2');
    expect(stepFrom(v, at('B2'), 'up')?.a1).toBe('B1');
    expect(stepFrom(v, at('A3'), 'right')?.a1).toBe('B2');
    expect(stepFrom(v, at('C4'), 'up')?.a1).toBe('B2');
    // A hidden row is stepped over.
    expect(stepFrom(v, at('A4'), 'down')?.a1).toBe('A6');
    expect(stepFrom(v, at('A1'), 'up')).toBeUndefined();
    expect(stepFrom(v, at('A1'), 'left')).toBeUndefined();
    expect(stepFrom(v, at('D4'), 'home')?.a1).toBe('A1');
  });
});
