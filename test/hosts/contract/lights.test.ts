/**
 * 序时进度 lights on both hosts: the lights policy kept in the workbook's settings makes apply write
 * the elapsed, progress-read and light formulas and the light colours; a percentage typed into the
 * status column changes the core's light at the next check; revert takes every light cell out.
 */
import type { Edit } from '../../../src/core/plan';
import { columnNumber } from '../../../src/core/grid';
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { fixture, HARNESSES, type Subject } from './harness';

const AS_OF = '2018-07-15';
const opts = { lang: 'zh-CN' as const, asOf: AS_OF, today: AS_OF };

async function type(subject: Subject, wb: import('exceljs').Workbook, sheet: string, cells: Record<string, string>): Promise<void> {
  if (subject.ctx) {
    const ws = subject.ctx.workbook.worksheets.getItem(sheet);
    for (const [cell, value] of Object.entries(cells)) ws.getRange(cell).values = [[value]];
    await subject.ctx.sync();
  } else {
    for (const [cell, value] of Object.entries(cells)) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  }
}

describe.each(HARNESSES)('$name host: 序时进度 lights', (harness) => {
  it('are written from the kept policy, follow a typed percentage, and are reverted', async () => {
    const wb = await fixture('seeds/seed-000.xlsx');
    const subject = harness.open(wb, 'seed-000.xlsx');
    await subject.host.saveSettings({ version: 1, fixes: [], lights: { preset: 'yinchuan' } });
    const applied = await applyWithHost(subject.host, opts);
    const cells = applied.plan.edits.filter((e): e is Extract<Edit, { kind: 'cell' }> => e.kind === 'cell' && e.sheet === 'Sheet1');
    // Seed 000 ends at J: status K, due L, score M, then elapsed N, progress read O, light P.
    expect(['N2', 'O2', 'P2'].map((c) => cells.find((e) => e.cell === c)?.value)).toEqual(['序时进度（自动）', '当前进度（自动）', '进度灯（自动）']);
    const highlights = applied.plan.edits.filter((e): e is Extract<Edit, { kind: 'highlight' }> => e.kind === 'highlight' && e.priority >= 9000);
    expect(new Set(highlights.map((h) => h.range.replace(/\d+/g, '')))).toEqual(new Set(['K:K', 'P:P']));
    // No state colour over the progress cell: it shows its light alone.
    expect(applied.plan.edits.some((e) => e.kind === 'highlight' && e.priority < 9000 && /^K\d/.test(e.range))).toBe(false);

    const table = applied.report.sheets[0]!.tables[0]!;
    const node = table.tasks[0]!.nodes[1]!;
    // Written in the workbook, as formulas, on this host.
    const stored = () => subject.stored().find((g) => g.name === 'Sheet1')!;
    const light = stored().rows[node.row - 1]?.[columnNumber('P') - 1];
    expect(light?.formula).toBe(cells.find((e) => e.cell === `P${node.row}`)?.formula);
    // The light reads the elapsed cell, which reads the as-of cell.
    expect(light?.formula).toContain(`$N${node.row}`);
    expect(stored().rows[node.row - 1]?.[columnNumber('N') - 1]?.formula).toContain('resptable_asof');

    // Nothing typed yet: no percentage, no light.
    expect(node.light).toBeUndefined();
    await type(subject, wb, 'Sheet1', { [`K${node.row}`]: '30%', [`K${table.tasks[1]!.nodes[0]!.row}`]: '已完成' });
    const checked = await checkWithHost(subject.host, opts);
    const t = checked.report.sheets[0]!.tables[0]!;
    expect(t.lights?.preset).toBe('yinchuan');
    const again = t.tasks[0]!.nodes[1]!;
    // Task 1's second node is due 6-30 (overdue on 7-15): its window is over, 30% is 70 behind.
    expect([again.progress, again.elapsed, again.light]).toEqual([0.3, 1, 'red']);
    expect(t.tasks[1]!.nodes[0]!.light).toBe('green');
    expect(t.lights?.counts).toEqual({ green: 1, blue: 0, yellow: 0, red: 1 });

    expect(await subject.host.revert()).toEqual({ skipped: [] });
    const after = stored();
    expect(after.rows[node.row - 1]?.[columnNumber('P') - 1]).toBeUndefined();
    expect(after.rows[node.row - 1]?.[columnNumber('K') - 1]?.text).toBe('30%');
  });
});
