/**
 * `--notices`: the 督办单 workbook of seed 000 as of 2018-07-15, a sheet per unit laid out from the
 * rollup (whose content is golden in test/core/rollup), and its PDF through LibreOffice.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-notices-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resptable check --notices', () => {
  it('writes one printable sheet per lead unit of seed 000, and a PDF of them', async () => {
    const file = path.join(tmp, '督办单.xlsx');
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--as-of', '2018-07-15', '--exit-zero', '--notices', file, '--pdf']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`已写出督办单 ${file}（4 个单位）`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['梁玉勤', '罗志敏', '范子健', '陆伟明'].sort());
    const ws = wb.getWorksheet('梁玉勤')!;
    expect(ws.getCell('A1').value).toBe('工作督办单');
    expect(ws.getCell('A3').value).toBe('梁玉勤：');
    expect(ws.getCell('A5').value).toBe('责任人及联系电话：梁玉勤 87709465');
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual(['序号', '工作任务', '节点目标（表内原文）', '完成时限', '逾期天数', '责任人', '联系电话', '亮灯']);
    expect((ws.getRow(9).values as unknown[]).slice(1)).toEqual(['10', '全面开展新生儿疾病免费筛查。', '第二季度完成为1600名新生儿免费提供四病筛查的季度目标。', '2018.06.30', '15 天', '梁玉勤', '87709465', '红灯 · 逾期未完成']);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
    const pdf = path.join(tmp, '督办单.pdf');
    expect(r.err).toContain(`已转换为 PDF：${pdf}`);
    const text = fs.readFileSync(pdf, 'latin1');
    const pages = [...text.matchAll(/\/Type\s*\/Page[^s]/g)].length;
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('a --notices that would overwrite an input is refused', async () => {
    const input = fixturePath('seeds/seed-000.xlsx');
    const r = await run(['check', input, '--notices', input, '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('would overwrite');
  });
});
