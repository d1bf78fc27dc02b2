/**
 * `resptable revert` over a workbook whose journal is forged: refused with a message naming the
 * file and saying why, exit 1, and the file byte for byte as it was (even with --in-place).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-cli-journal-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('refuses a hand-written journal that would delete the user’s sheet, and leaves the file as it was', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath('seeds/seed-000.xlsx'));
  const ws = wb.addWorksheet('_resptable_journal', { state: 'veryHidden' });
  ws.getCell('A1').value = JSON.stringify({ version: 1, plan: { version: 1, edits: [] }, cells: [], widths: [], validations: [], highlights: [], names: [], sheetsAdded: ['Sheet1'] });
  const file = path.join(tmp, 'forged.xlsx');
  await wb.xlsx.writeFile(file);
  const bytes = fs.readFileSync(file);

  const zh = await run(['revert', file, '--in-place']);
  expect(zh.code).toBe(1);
  expect(zh.err).toContain(`${file}: `);
  expect(zh.err).toContain('修改日志没有校验码');
  expect(zh.err).toContain('工作簿未作任何改动');
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);

  const en = await run(['apply', file, '--in-place', '--lang', 'en-US', '--as-of', '2018-07-15']);
  expect(en.code).toBe(1);
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
});
