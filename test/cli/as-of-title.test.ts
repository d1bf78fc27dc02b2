/** Without --as-of, `check` scores a table whose title states its date (截至2024年6月底) as of that date, and says so. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { ReportSchema } from '../../src/core/contract';
import { ownRulesWorkbook } from '../support/own-rules-workbook';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-asof-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, '考核表.xlsx');
beforeAll(async () => {
  await ownRulesWorkbook().xlsx.writeFile(file);
});

describe('the as-of date of a title, as the default', () => {
  it('is used when --as-of is not given, and said', async () => {
    const r = await run(['check', file, '--json']);
    const t = ReportSchema.parse(JSON.parse(r.out)).files[0]!.sheets[0]!.tables[0]!;
    expect(t.asOfFromTitle).toBe('2024-06-30');
    expect(t.asOf).toBe('2024-06-30');
    // As of 6-30 the node due 6-15 with no status is overdue: every point is decided.
    expect(t.score).toEqual({ earned: 42, max: 100, outOf: 100, decided: 100, open: 0, unscorable: 0 });
    const zh = await run(['check', file]);
    expect(zh.out).toContain('      按标题中的截至日期 2024-06-30 计算\n');
    expect(zh.out).toContain('      扣分制：起评分 100 分，减扣分，加加分\n');
    expect(zh.out).toContain('      加分最高 5 分\n');
    const en = await run(['check', file, '--lang', 'en-US']);
    expect(en.out).toContain('      Scored as of 2024-06-30, the date in the title\n');
  });

  it('gives way to --as-of', async () => {
    const r = await run(['check', file, '--json', '--as-of', '2024-06-01']);
    const t = ReportSchema.parse(JSON.parse(r.out)).files[0]!.sheets[0]!.tables[0]!;
    expect(t.asOfFromTitle).toBe('2024-06-30');
    expect(t.asOf).toBeUndefined();
    expect(t.score?.outOf).toBe(60);
    expect((await run(['check', file, '--as-of', '2024-06-01'])).out).not.toContain('按标题中的截至日期');
  });
});
