/**
 * The workflow the add-in exists for, on both hosts: apply adds a status column, staff type statuses
 * into it, and then a check reads those statuses, a second apply keeps the column and writes over
 * nothing, and a revert takes out the add-in's cells but leaves what staff typed.
 */
import type { Edit } from '../../../src/core/plan';
import { columnLetters, columnNumber } from '../../../src/core/grid';
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { fixture, HARNESSES, type Subject } from './harness';

const AS_OF = '2018-07-15';
const opts = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };

/** Types into cells as a person would: straight into the workbook, not through the add-in. */
async function type(subject: Subject, wbCell: (sheet: string, cell: string, value: string) => void, sheet: string, cells: Record<string, string>): Promise<void> {
  if (subject.ctx) {
    const ws = subject.ctx.workbook.worksheets.getItem(sheet);
    for (const [cell, value] of Object.entries(cells)) ws.getRange(cell).values = [[value]];
    await subject.ctx.sync();
  } else {
    for (const [cell, value] of Object.entries(cells)) wbCell(sheet, cell, value);
  }
}

describe.each(HARNESSES)('$name host: statuses typed into the added column', (harness) => {
  it('are read by the next check, kept by the next apply, and left by revert', async () => {
    const wb = await fixture('seeds/seed-000.xlsx');
    const subject = harness.open(wb, 'seed-000.xlsx');
    const first = await applyWithHost(subject.host, opts);
    const choices = first.plan.edits.filter((e): e is Extract<Edit, { kind: 'choices' }> => e.kind === 'choices');
    expect(choices.length).toBeGreaterThan(0);
    const statusCol = (choices[0] as Extract<Edit, { kind: 'choices' }>).range.replace(/\d+/g, '');
    const table = first.report.sheets[0]?.tables[0];
    const task1 = table?.tasks[0];
    const dueNodes = (task1?.nodes ?? []).filter((n) => n.state === 'overdue');
    expect(dueNodes.length).toBeGreaterThanOrEqual(2);
    const [a, b] = dueNodes as unknown as [{ row: number }, { row: number }];
    const later = table?.tasks[1]?.nodes[0]?.row as number;

    await type(subject, (s, c, v) => (wb.getWorksheet(s)!.getCell(c).value = v), 'Sheet1', {
      [`${statusCol}${a.row}`]: '已完成',
      [`${statusCol}${b.row}`]: '已完成',
      [`${statusCol}${later}`]: '滞后',
    });

    const checked = await checkWithHost(subject.host, opts);
    const t = checked.report.sheets[0]?.tables[0];
    expect(t?.columns.find((c) => c.column === statusCol)?.role).toBe('status');
    const states = (t?.tasks ?? []).flatMap((k) => k.nodes.map((n) => [n.row, n.state] as const));
    expect(states).toContainEqual([a.row, 'done']);
    expect(states).toContainEqual([b.row, 'done']);
    expect(states).toContainEqual([later, 'overdue']);
    // Both decided nodes of task 1 done: all it has earned so far, and its nodes not yet due stay open.
    const n = task1?.nodes.length ?? 0;
    const max = task1?.score?.max ?? 0;
    expect(t?.tasks[0]?.score).toEqual({ earned: (max * 2) / n, max, outOf: (max * 2) / n, decided: (max * 2) / n, open: (max * (n - 2)) / n, unscorable: 0 });

    const second = await applyWithHost(subject.host, opts);
    expect(second.report.findings.filter((f) => f.rule === 'plan.occupied')).toEqual([]);
    // The same column carries the statuses, labelled again, and the score formulas read it.
    expect(second.plan.edits.some((e) => e.kind === 'cell' && e.cell === `${statusCol}2` && e.value === '完成情况')).toBe(true);
    const scoreCol = columnLetters(columnNumber(statusCol) + 2);
    const score = second.plan.edits.find((e): e is Extract<Edit, { kind: 'cell' }> => e.kind === 'cell' && e.cell === `${scoreCol}${task1?.rows[0]}`);
    expect(score?.formula).toContain(`$${statusCol}$${task1?.rows[0]}`);
    const stored = () => subject.stored().find((g) => g.name === 'Sheet1');
    expect(stored()?.rows[a.row - 1]?.[columnNumber(statusCol) - 1]?.text).toBe('已完成');

    expect(await subject.host.revert()).toEqual({ skipped: [] });
    const after = stored();
    expect(after?.rows[a.row - 1]?.[columnNumber(statusCol) - 1]?.text).toBe('已完成');
    expect(after?.rows[later - 1]?.[columnNumber(statusCol) - 1]?.text).toBe('滞后');
    expect(after?.rows[task1!.rows[0] - 1]?.[columnNumber(scoreCol) - 1]).toBeUndefined();
    expect(subject.stored().map((g) => g.name)).toEqual(['Sheet1']);
  });
});
