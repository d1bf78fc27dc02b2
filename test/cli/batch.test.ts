/**
 * The command line over a batch: each file checked, applied, written and summarized on its own;
 * exits that say whether files were written; outputs that never replace an input or each other;
 * file errors said as what they are; nothing raw reaches the terminal.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { ReportSchema, type Report } from '../../src/core/contract';
import { fixturePath } from '../support/fixtures';

const json = (out: string): Report => ReportSchema.parse(JSON.parse(out));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-batch-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of a seed with some cells changed, written to `file`. */
async function seedWith(seed: string, file: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath(`seeds/${seed}.xlsx`));
  change(wb.worksheets[0]!);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every file under `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('one bad file never stops the rest', () => {
  // Seed 000's G column holds the deadlines; G5 is a node's. 20181231 typed into a date-formatted cell
  // is serial 20181231, some 55,000 years on: Excel shows ####. 3000000 is past serial 2958465 (9999-12-31).
  let bad: string;
  let far: string;
  const good = fixturePath('seeds/seed-002.xlsx');
  beforeAll(async () => {
    bad = await seedWith('seed-000', path.join(tmp, 'in', 'bad.xlsx'), (ws) => {
      ws.getCell('G5').value = 20181231;
      ws.getCell('G5').numFmt = 'yyyy-mm-dd';
    });
    far = await seedWith('seed-000', path.join(tmp, 'in', 'far.xlsx'), (ws) => {
      ws.getCell('G6').value = 3_000_000;
      ws.getCell('G6').numFmt = 'yyyy/m/d';
    });
  });

  it('check bad.xlsx good.xlsx: the good file in full, the bad date a finding on its cell', async () => {
    const r = await run(['check', bad, good, '--json', '--as-of', '2018-07-15', '--lang', 'en-US']);
    const report = json(r.out);
    expect(report.files.map((f) => path.basename(f.file))).toEqual(['bad.xlsx', 'seed-002.xlsx']);
    const [b, g] = report.files as [Report['files'][number], Report['files'][number]];
    expect(g.error).toBeUndefined();
    expect(g.sheets.flatMap((s) => s.tables)).toHaveLength(1);
    expect(g.sheets[0]!.tables[0]!.tasks.length).toBeGreaterThan(0);
    // The bad file is read and reported too: its table, and an error finding at the cell.
    expect(b.error).toBeUndefined();
    expect(b.sheets[0]!.tables).toHaveLength(1);
    const finding = b.findings.find((f) => f.cell === 'Sheet1!G5');
    expect(finding).toMatchObject({ rule: 'date.invalid', severity: 'error', found: '20181231' });
    expect(finding!.message).toContain('past 9999-12-31');
    expect(finding!.message).toContain('####');
    const node = b.sheets[0]!.tables[0]!.tasks.flatMap((k) => k.nodes).find((n) => n.deadline?.cell === 'Sheet1!G5');
    expect(node?.deadline).toMatchObject({ kind: 'invalid', parts: [{ text: '20181231', invalid: 'serial-out-of-range' }] });
    expect(node?.deadline?.start).toBeUndefined();
    expect(r.code).toBe(1); // lint-style: an error finding
  });

  it('a serial past 2958465 is the same kind of finding, in Chinese too', async () => {
    const r = await run(['check', far, '--json', '--as-of', '2018-07-15']);
    const f = json(r.out).files[0]!.findings.find((x) => x.cell === 'Sheet1!G6');
    expect(f).toMatchObject({ rule: 'date.invalid', found: '3000000' });
    expect(f!.message).toContain('9999-12-31');
    expect(f!.message).toContain('####');
  });

  it('apply over the same writes both copies and the summary with both rows, and exits 0', async () => {
    const out = path.join(tmp, 'applied');
    const summary = path.join(tmp, 'summary', 'summary.xlsx');
    const r = await run(['apply', bad, good, '--as-of', '2018-07-15', '--out', out, '--summary', summary, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(listing(out)).toEqual(['bad.xlsx', 'seed-002.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    // The per-file rows are the summary's files sheet (after the cover, ranking, 逾期清单 and findings).
    const ws = wb.getWorksheet('Summary')!;
    expect(ws.rowCount).toBe(3);
    const rows = [2, 3].map((n) => ws.getRow(n).values as unknown[]);
    expect(rows.map((v) => v[1])).toEqual(['bad.xlsx', 'seed-002.xlsx']);
    expect(rows.map((v) => (v[13] as { hyperlink: string }).hyperlink)).toEqual([
      path.join('..', 'applied', 'bad.xlsx'),
      path.join('..', 'applied', 'seed-002.xlsx'),
    ]);
    // The bad file's errors are counted in its row (two impossible dates of the seed, and G5).
    expect(rows[0]![8]).toBe(3);
  });

  it('a file that cannot be read is its own error: the others are written, the summary has its row, exit 1', async () => {
    const broken = path.join(tmp, 'in', 'broken.xlsx');
    fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
    const out = path.join(tmp, 'applied-broken');
    const summary = path.join(tmp, 'summary', 'with-broken.xlsx');
    const r = await run(['apply', broken, good, '--as-of', '2018-07-15', '--out', out, '--summary', summary, '--json']);
    const report = json(r.out);
    expect(report.files.map((f) => f.error !== undefined)).toEqual([true, false]);
    expect(listing(out)).toEqual(['seed-002.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    expect(wb.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, 'broken.xlsx', '', '无法读取', undefined, undefined, undefined, undefined, 1, 0, 0]);
    expect(wb.getWorksheet('汇总')!.getRow(3).getCell(1).value).toBe('seed-002.xlsx');
    expect(r.code).toBe(1);
  });
});

describe('a file that breaks while being worked on', () => {
  it('is that file’s error, named; the next file is still checked, applied and reverted', async () => {
    // A journal sheet cut short (as a hand edit or another program may leave it).
    const broken = await seedWith('seed-002', path.join(tmp, 'in', 'cut-journal.xlsx'), (ws) => {
      const j = ws.workbook.addWorksheet('_resptable_journal', { state: 'veryHidden' });
      j.getCell('A1').value = '{"version":1,"edits":[';
    });
    const good = fixturePath('seeds/seed-003.xlsx');
    for (const command of ['check', 'apply', 'revert']) {
      const out = path.join(tmp, `cut-${command}`);
      const r = await run([command, broken, good, '--out', out, '--as-of', '2018-07-15', '--json', '--lang', 'en-US']);
      expect(r.code).not.toBe(2);
      const [b, g] = json(r.out).files;
      expect(g!.error).toBeUndefined();
      if (command === 'check' || command === 'apply') expect(g!.sheets[0]!.tables).toHaveLength(1);
      if (command !== 'check') expect(listing(out)).toContain('seed-003.xlsx');
      if (b!.error !== undefined) {
        expect(b!.error).toContain(broken);
        expect(r.code).toBe(1);
      }
    }
  });
});

describe('exit codes and usage', () => {
  it('apply and revert exit 0 once every file is written, whatever they found; check keeps lint codes', async () => {
    const out = path.join(tmp, 'exit');
    const a = await run(['apply', fixturePath('seeds/seed-000.xlsx'), '--as-of', '2018-07-15', '--out', out]);
    expect(a.code).toBe(0);
    expect(a.out).toContain('[日期不存在]');
    expect((await run(['check', fixturePath('seeds/seed-000.xlsx')])).code).toBe(1);
    const back = path.join(tmp, 'exit-back');
    const v = await run(['revert', path.join(out, 'seed-000.xlsx'), '--out', back]);
    expect(v.code).toBe(0);
    expect(listing(back)).toEqual(['seed-000.xlsx']);
  });

  it('an unknown command is bad usage: exit 2 with the command named, and the usage on stderr', async () => {
    const r = await run(['chek', fixturePath('seeds/seed-000.xlsx'), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Unknown command "chek"\nUsage:/);
    const zh = await run(['aply', 'x.xlsx']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('未知命令“aply”');
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请给出命令');
    const help = await run(['help', '--lang', 'en-US']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage:/);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('outputs never replace an input or each other', () => {
  it('--out naming an input’s own folder is refused before anything is read or written', async () => {
    const dir = path.join(tmp, 'own-folder');
    fs.mkdirSync(dir, { recursive: true });
    const input = path.join(dir, 'seed-000.xlsx');
    fs.copyFileSync(fixturePath('seeds/seed-000.xlsx'), input);
    const before = fs.readFileSync(input);
    // Spelled differently: with a trailing separator, through `..`, and through a symlink to the folder.
    fs.symlinkSync(dir, path.join(tmp, 'own-folder-link'));
    for (const out of [dir, `${dir}${path.sep}`, path.join(dir, '..', 'own-folder'), path.join(tmp, 'own-folder-link')]) {
      const r = await run(['apply', fixturePath('seeds/seed-002.xlsx'), input, '--out', out, '--lang', 'en-US']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`is the folder of the input ${input}`);
      expect(r.err).toContain('--in-place');
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(['seed-000.xlsx']);
    const zh = await run(['revert', input, '--out', dir]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('副本会覆盖原文件');
    // With --in-place the input is meant to change.
    const inPlace = await run(['apply', input, '--out', dir, '--in-place', '--as-of', '2018-07-15']);
    expect(inPlace.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(false);
    expect(listing(dir)).toEqual(['seed-000.xlsx']);
  });

  it('inputs of the same name get distinct copies, each its own, and the summary links each', async () => {
    const a = path.join(tmp, 'units', 'a', '责任表.xlsx');
    const b = path.join(tmp, 'units', 'b', '责任表.xlsx');
    const c = path.join(tmp, 'units', 'c', '责任表 (2).xlsx');
    fs.mkdirSync(path.dirname(a), { recursive: true });
    fs.mkdirSync(path.dirname(b), { recursive: true });
    fs.mkdirSync(path.dirname(c), { recursive: true });
    fs.copyFileSync(fixturePath('seeds/seed-000.xlsx'), a);
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), b);
    fs.copyFileSync(fixturePath('seeds/seed-003.xlsx'), c);
    const out = path.join(tmp, 'units-out');
    const summary = path.join(out, 'summary.xlsx');
    const r = await run(['apply', a, b, c, '--as-of', '2018-07-15', '--out', out, '--summary', summary]);
    expect(r.code).toBe(0);
    // b would have been 责任表 (2).xlsx, but c is called that: b steps to (3).
    expect(listing(out)).toEqual(['summary.xlsx', '责任表 (2).xlsx', '责任表 (3).xlsx', '责任表.xlsx']);
    const titleOf = async (file: string) => {
      const r2 = await run(['check', file, '--json', '--as-of', '2018-07-15']);
      return json(r2.out).files[0]!.sheets[0]!.tables[0]!.title;
    };
    expect(await titleOf(path.join(out, '责任表.xlsx'))).toBe(await titleOf(a));
    expect(await titleOf(path.join(out, '责任表 (3).xlsx'))).toBe(await titleOf(b));
    expect(await titleOf(path.join(out, '责任表 (2).xlsx'))).toBe(await titleOf(c));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const links: string[] = [];
    wb.getWorksheet('汇总')!.eachRow((row, n) => {
      if (n > 1) links.push((row.getCell(13).value as { hyperlink: string }).hyperlink);
    });
    expect([...new Set(links)]).toEqual(['责任表.xlsx', '责任表 (3).xlsx', '责任表 (2).xlsx']);
  });

  it('a --summary that would replace an input or a copy is refused', async () => {
    const input = path.join(tmp, 'sum-in', 'seed-002.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), input);
    const before = fs.readFileSync(input);
    const asInput = await run(['apply', input, '--out', path.join(tmp, 'sum-out'), '--summary', input, '--lang', 'en-US']);
    expect(asInput.code).toBe(2);
    expect(asInput.err).toContain(`--summary ${input} would overwrite ${input}`);
    const asCopy = await run(['apply', input, '--out', path.join(tmp, 'sum-out'), '--summary', path.join(tmp, 'sum-out', 'seed-002.xlsx')]);
    expect(asCopy.code).toBe(2);
    const inPlace = await run(['apply', input, '--in-place', '--summary', input]);
    expect(inPlace.code).toBe(2);
    const check = await run(['check', input, '--summary', input]);
    expect(check.code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'sum-out'))).toBe(false);
  });
});

describe('file errors are said as what they are', () => {
  it('reading: a folder, a missing file — in English and Chinese', async () => {
    const folder = path.join(tmp, 'a-folder.xlsx');
    fs.mkdirSync(folder, { recursive: true });
    const missing = path.join(tmp, 'nowhere', 'missing.xlsx');
    const en = json((await run(['check', folder, missing, '--json', '--lang', 'en-US'])).out);
    expect(en.files.map((f) => f.error)).toEqual([
      `The file could not be read: ${folder}: it is a folder, not a file`,
      `The file could not be read: ${missing}: no such file or folder`,
    ]);
    expect(en.files.map((f) => f.findings[0]?.rule)).toEqual(['file.unreadable', 'file.unreadable']);
    const zh = json((await run(['check', folder, missing, '--json'])).out);
    expect(zh.files.map((f) => f.error)).toEqual([`无法读取文件：${folder}：这是一个文件夹，不是文件`, `无法读取文件：${missing}：文件或文件夹不存在`]);
  });

  it('writing: a copy’s place taken by a folder (EISDIR), an --out that is a file; the input unchanged and said so', async () => {
    const input = path.join(tmp, 'w-in', 'seed-002.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), input);
    const before = fs.readFileSync(input);
    const out = path.join(tmp, 'w-out');
    fs.mkdirSync(path.join(out, 'seed-002.xlsx'), { recursive: true });
    const r = await run(['apply', input, fixturePath('seeds/seed-003.xlsx'), '--out', out, '--json', '--lang', 'en-US']);
    const report = json(r.out);
    expect(report.files[0]!.error).toBe(`Could not write ${path.join(out, 'seed-002.xlsx')}: it is a folder, not a file. The input ${input} is unchanged.`);
    expect(report.files[0]!.findings[0]?.rule).toBe('file.unwritable');
    expect(report.files[1]!.error).toBeUndefined();
    expect(r.code).toBe(1);
    expect(listing(out)).toEqual(['seed-002.xlsx', 'seed-003.xlsx']);

    const file = path.join(tmp, 'w-file');
    fs.writeFileSync(file, 'not a folder');
    const zh = json((await run(['apply', input, '--out', file, '--json'])).out);
    expect(zh.files[0]!.error).toMatch(new RegExp(`^无法使用输出文件夹 ${file}：(已有同名的文件或文件夹|路径中有一级是文件而不是文件夹)。原文件 ${input} 未被改动。$`));
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it('a read-only input is not replaced by --in-place', async () => {
    const input = path.join(tmp, 'ro', 'seed-002.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), input);
    fs.chmodSync(input, 0o444);
    const before = fs.readFileSync(input);
    const r = await run(['apply', input, '--in-place', '--json', '--lang', 'en-US']);
    expect(json(r.out).files[0]!.error).toBe(`Could not write ${input}: the file is read-only. The input ${input} is unchanged.`);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mode & 0o777).toBe(0o444);
    expect(listing(path.dirname(input))).toEqual(['seed-002.xlsx']);
  });
});

describe('the terminal gets no raw control characters', () => {
  it('a cell holding escape sequences is shown escaped in text, and JSON still reads back the same', async () => {
    // As a received workbook holds them: `_x001B_` in the sheet XML is ESC to every reader (ExcelJS writes
    // the text as given and reads the escape back).
    const written = '_x001B_[2J_x001B_[H_x001B_]8;;https://evil.example_x0007_点我_x001B_]8;;_x0007__x000D_已完成\u009b31m\u202e';
    const nasty = '\u001b[2J\u001b[H\u001b]8;;https://evil.example\u0007点我\u001b]8;;\u0007\r已完成\u009b31m\u202e';
    const file = await seedWith('seed-000', path.join(tmp, 'esc', 'esc.xlsx'), (ws) => {
      ws.getCell('A1').value = `区卫生计生局${written}单位2018年度绩效目标任务责任分解表`;
    });
    const text = await run(['check', file, '--lang', 'en-US']);
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    expect(text.out).not.toMatch(raw);
    expect(text.err).not.toMatch(raw);
    expect(text.out).toContain('区卫生计生局\\x1b[2J\\x1b[H\\x1b]8;;https://evil.example\\x07点我\\x1b]8;;\\x07\\x0d已完成\\x9b31m\\u202e单位');
    const asJson = await run(['check', file, '--json']);
    expect(asJson.out).not.toMatch(raw);
    const title = json(asJson.out).files[0]!.sheets[0]!.tables[0]!.title;
    expect(title).toBe(`区卫生计生局${nasty}单位2018年度绩效目标任务责任分解表`);
  });

  it('so are file names in what apply and revert say', async () => {
    const dir = path.join(tmp, 'esc-name');
    fs.mkdirSync(dir, { recursive: true });
    const input = path.join(dir, 'a\u001b[2Jb.xlsx');
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), input);
    const out = path.join(tmp, 'esc-name-out');
    const r = await run(['apply', input, '--out', out, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('a\\x1b[2Jb.xlsx');
    expect(r.err + r.out).not.toContain('\u001b');
  });
});

describe('a formula is the user’s', () => {
  it('even when its cached value is empty: plan.occupied, and the formula kept', async () => {
    // K is where apply would add the status column of seed 000's table (A:J).
    const file = await seedWith('seed-000', path.join(tmp, 'formula', 'f.xlsx'), (ws) => {
      ws.getCell('K5').value = { formula: 'IF(J5="","",J5)', result: '' } as ExcelJS.CellFormulaValue;
    });
    const out = path.join(tmp, 'formula-out');
    const r = await run(['apply', file, '--as-of', '2018-07-15', '--out', out, '--json', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    const occupied = json(r.out).files[0]!.findings.filter((f) => f.rule === 'plan.occupied');
    expect(occupied.map((f) => [f.cell, f.found])).toEqual([['Sheet1!K5', '=IF(J5="","",J5)']]);
    expect(occupied[0]!.message).toContain('"=IF(J5="","",J5)"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'f.xlsx'));
    expect(wb.getWorksheet('Sheet1')!.getCell('K5').formula).toBe('IF(J5="","",J5)');
  });
});
