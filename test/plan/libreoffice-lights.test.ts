/**
 * 序时进度 lights in the workbook compute what the core computes: a generated table is applied with
 * lights under each preset, percentages (and words) are typed into its status cells as staff would,
 * LibreOffice (headless) recalculates the file, and every node's elapsed share, progress read and
 * light, every task score, and the summary's light counts agree with the core reading the same
 * workbook through the host.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import { t } from '../../src/core/i18n';
import type { LightsPolicy } from '../../src/core/settings/lights-policy';
import { checkWithHost } from '../../src/hosts/workflow';
import { annotateWorkbook } from '../../src/hosts/xlsx';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { SOFFICE } from '../support/libreoffice';

const CASES: Array<{ name: string; asOf: string; lights: LightsPolicy }> = [
  { name: 'yinchuan-may', asOf: '2018-05-15', lights: { preset: 'yinchuan' } },
  { name: 'yinchuan-oct', asOf: '2018-10-31', lights: { preset: 'yinchuan', yellowBehind: 5, redBehind: 25 } },
  { name: 'suqian-sep', asOf: '2018-09-25', lights: { preset: 'suqian' } },
  { name: 'suqian-dec', asOf: '2018-12-28', lights: { preset: 'suqian', nearDays: 5 } },
];

/**
 * What staff type, in turn: percentages, words, nothing — each a value from which the recognizer
 * still reads the unlabelled status column apply added (a status word or a bare percentage as text;
 * a number cell there, or `22%(严重滞后)`, makes it drop the column: a recognizer limit, reported).
 */
const TYPED: Array<string | null> = [
  '90%', '已完成', '进行中', '60%', '滞后', '完成', '30%', '未开始', '进行中', '45%', null, '已完成',
  '95%', '进行中', '滞后', '5%', '完成', '未开始', '35%', '进行中', '已完成', '98.4%', '滞后', '进行中',
];

const seen = new Map<string, Record<'green' | 'blue' | 'yellow' | 'red', number>>();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-lights-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function result(cell: ExcelJS.Cell): unknown {
  const v = cell.value as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result ?? '';
  return v ?? '';
}

/** LibreOffice's value against the core's: ExcelJS reads a cached 0 as no result, so a blank agrees with 0 and with nothing. */
function close(a: unknown, b: number | null | undefined): boolean {
  if (a === '' || a === null) return b === undefined || b === null || b === 0;
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 5e-9;
}

describe('LibreOffice recalculates the lights the core computes', () => {
  const prepared: Array<{ name: string; asOf: string; lights: LightsPolicy; file: string }> = [];

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
    for (const [i, c] of CASES.entries()) {
      const wb = generateWorkbook(64);
      annotateWorkbook(wb, c.name, { lang: 'zh-CN', asOf: c.asOf, today: c.asOf, lights: c.lights });
      const ws = wb.getWorksheet('Sheet1')!;
      // The status column apply added is K (the table ends at J); staff type into it.
      expect(ws.getCell('K2').value).toBe('完成情况');
      // The same mix in every case (the recognizer reads the column by its mix), shifted per case.
      for (let r = 3; r < 3 + 64; r++) {
        const v = TYPED[(r - 3 + 5 * i) % TYPED.length];
        if (v !== null && v !== undefined) ws.getCell(`K${r}`).value = v;
      }
      const file = path.join(tmp, `${c.name}.xlsx`);
      await wb.xlsx.writeFile(file);
      prepared.push({ ...c, file });
    }
    fs.mkdirSync(path.join(tmp, 'out'));
    // A profile of its own: another LibreOffice running (another suite) would otherwise take the job.
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(tmp, 'out'), ...prepared.map((p) => p.file)], {
      stdio: 'ignore',
      timeout: 240_000,
    });
  }, 300_000);

  it.each(CASES.map((c) => c.name))('%s', async (name) => {
    const p = prepared.find((x) => x.name === name)!;
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(p.file);
    const host = new XlsxWorkbookHost(mine, name);
    const { report } = await checkWithHost(host, { lang: 'zh-CN', asOf: p.asOf, today: p.asOf, lights: p.lights });
    const table = report.sheets[0]!.tables[0]!;
    expect(table.lights?.preset).toBe(p.lights.preset);
    // Read as the status column (the one apply added), and as progress.
    expect(table.columns.find((c) => c.column === 'K')?.role).toBe('status');
    expect(table.lights?.progressColumn).toBe('K');

    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(tmp, 'out', `${name}.xlsx`));
    const ws = lo.getWorksheet('Sheet1')!;
    // Status K, due L, score M; elapsed N, progress read O, light P.
    expect([result(ws.getCell('N2')), result(ws.getCell('O2')), result(ws.getCell('P2'))]).toEqual(['序时进度（自动）', '当前进度（自动）', '进度灯（自动）']);
    const counts = { green: 0, blue: 0, yellow: 0, red: 0 };
    let lit = 0;
    for (const task of table.tasks) {
      const score = result(ws.getCell(`M${task.rows[0]}`));
      expect([task.rows[0], score, close(score, task.score!.earned)]).toEqual([task.rows[0], score, true]);
      for (const n of task.nodes) {
        const got = [result(ws.getCell(`N${n.row}`)), result(ws.getCell(`O${n.row}`)), result(ws.getCell(`P${n.row}`))];
        const light = n.light ? t('zh-CN', `light.${n.light}`) : '';
        const ok = close(got[0], n.elapsed) && close(got[1], n.progress) && got[2] === light;
        expect([n.row, got, ok]).toEqual([n.row, got, true]);
        if (n.light) {
          counts[n.light]++;
          lit++;
        }
      }
    }
    expect(counts).toEqual(table.lights!.counts);
    seen.set(name, counts);
    expect(lit).toBeGreaterThan(20);
    // The summary counts the lights with formulas over the light column.
    const summary = lo.getWorksheet('评分汇总')!;
    const count = (r: number) => (result(summary.getCell(`V${r}`)) === '' ? 0 : result(summary.getCell(`V${r}`)));
    expect([5, 6, 7, 8].map((r) => [result(summary.getCell(`U${r}`)), count(r)])).toEqual([
      ['绿灯', counts.green],
      ['蓝灯', counts.blue],
      ['黄灯', counts.yellow],
      ['红灯', counts.red],
    ]);
  });

  it('the cases light every colour somewhere (so that they test something)', () => {
    expect(seen.size).toBe(4);
    const all = [...seen.values()];
    for (const l of ['green', 'blue', 'yellow', 'red'] as const) expect([l, all.some((c) => c[l] > 0)]).toEqual([l, true]);
  });
});
