/**
 * `resptable check` speaks one language: in zh-CN its text output holds no English word of its
 * own, and in en-US no Chinese one. Run over every seed workbook (and the layout fixtures, which
 * bring the recognizer's own findings).
 *
 * What may still be in the other script, and why:
 * - the user's own cell texts, whole or cut short with "…" (headers, titles, task names, found
 *   values): the output quotes them as written, it never translates them; a word counts as the
 *   user's only when it stands inside a whole cell text or a cut-short beginning of one, so a
 *   label such as `criteria` does not pass for being a piece of the header "Acceptance criteria";
 * - sheet names and the file's path, which are names the user gave;
 * - cell addresses and ranges (`Sheet1!G42`, `A2:J56`) and column letters before 列 (`G 列`),
 *   which are how Excel itself names cells in either language.
 * Nothing else: no role id (`deadline`), state key (`done_late`), rule id (`date.invalid`) or label.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { ReportSchema } from '../../src/core/contract';
import { readGridsFromFile } from '../../src/hosts/xlsx';
import { FIXTURES_DIR } from '../support/fixtures';

async function checkText(file: string, lang: string): Promise<string> {
  let out = '';
  await main(['check', file, '--lang', lang, '--as-of', '2018-07-15', '--exit-zero'], { out: (s) => (out += s), err: (s) => (out += s) });
  return out;
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every text the user wrote in the workbook: cell texts and string values, sheet names, and the
 * category names the report reads out of category cells (`一、医疗服务能力提升项目（20分）` is shown
 * as 医疗服务能力提升项目: the user's words with the numbering and points taken off).
 */
async function userTexts(file: string): Promise<string[]> {
  let json = '';
  await main(['check', file, '--json', '--exit-zero'], { out: (s) => (json += s), err: () => undefined });
  const report = ReportSchema.parse(JSON.parse(json));
  const texts = new Set<string>(
    report.files.flatMap((f) => f.sheets.flatMap((sh) => sh.tables.flatMap((t) => t.categories.flatMap((c) => c.path.map(normalize))))),
  );
  for (const grid of await readGridsFromFile(file)) {
    texts.add(grid.name);
    for (const row of grid.rows)
      for (const cell of row ?? []) {
        if (!cell) continue;
        texts.add(normalize(cell.text));
        if (cell.value.kind === 'string') texts.add(normalize(cell.value.value));
      }
  }
  texts.delete('');
  return [...texts].sort((a, b) => b.length - a.length);
}

const MARK = '□';

/**
 * The output with everything the header allows blanked out: what is left is the command line's own
 * words. A user text is blanked only where it is not glued to further letters, so a cell "y" does
 * not blank the y of a label.
 */
function ownWords(output: string, file: string, texts: string[], foreign: RegExp): string[] {
  const letter = foreign.source;
  let s = output.split(file).join(MARK);
  // A user text cut short: the characters before "…" that begin some user text (first, so that a
  // shorter text inside it is not blanked away before).
  s = s.replace(/([^\n…]+)…/g, (whole, before: string) => {
    for (let i = 0; i < before.length; i++) {
      const tail = before.slice(i);
      if (i > 0 && foreign.test(tail[0]!) && foreign.test(before[i - 1]!)) continue;
      if (texts.some((x) => x.startsWith(tail))) return `${before.slice(0, i)}${MARK}…`;
    }
    return whole;
  });
  for (const text of texts.filter((x) => foreign.test(x))) {
    s = s.replace(new RegExp(`(?<!${letter})${escape(text)}(?!${letter})`, 'gu'), MARK);
  }
  s = s.replace(/(?<![A-Za-z])[A-Z]{1,3}[1-9][0-9]*(?::[A-Z]{1,3}[1-9][0-9]*)?(?![A-Za-z0-9])/g, MARK);
  s = s.replace(/(?<![A-Za-z])[A-Z]{1,3}(?= 列)/g, MARK);
  return s.split('\n').filter((line) => foreign.test(line));
}

const files = ['seeds', 'layouts'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES_DIR, dir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(FIXTURES_DIR, dir, f)),
);

describe("check's text output in the user's language", () => {
  it('covers every seed', () => {
    expect(files.filter((f) => f.includes(`${path.sep}seeds${path.sep}`)).map((f) => path.basename(f))).toEqual([
      'seed-000-en.xlsx',
      'seed-000.xlsx',
      'seed-001.xlsx',
      'seed-002.xlsx',
      'seed-003.xlsx',
      'seed-004.xlsx',
    ]);
  });

  it.each(files.map((f) => [path.relative(FIXTURES_DIR, f), f]))('zh-CN: no English word of its own in %s', async (_name, file) => {
    const out = await checkText(file, 'zh-CN');
    expect(out).toMatch(/共检查 1 个文件/);
    expect(ownWords(out, file, await userTexts(file), /[A-Za-z]/)).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(FIXTURES_DIR, f), f]))('en-US: no Chinese word of its own in %s', async (_name, file) => {
    const out = await checkText(file, 'en-US');
    expect(out).toMatch(/Checked 1 files/);
    expect(ownWords(out, file, await userTexts(file), /\p{Script=Han}/u)).toEqual([]);
  });

  it('the blanking is not blind: a role id, a rule id or a label beside the user texts is still caught', async () => {
    const file = path.join(FIXTURES_DIR, 'seeds', 'seed-000-en.xlsx');
    const texts = await userTexts(file);
    const leaks = ownWords(
      [
        '      F 列“Acceptance criteria” → criteria  把握 0.79',
        '  Sheet1!G42  错误 [date.invalid] “Deadline”2018-9-31 不是有效日期',
        '        第 3–6 行 · 1 · 36. 加快新城医院项目建设。 · 4 milestones',
        '  Sheet1!J19  警告 第 3 项任务“70. 健全医疗卫生服务网络。支持区妇幼…”的“Weight”为空',
      ].join('\n'),
      file,
      texts,
      /[A-Za-z]/,
    );
    expect(leaks).toEqual([
      '      □ 列“□” → criteria  把握 0.79',
      '  □!□  错误 [date.invalid] “□”2018-9-31 不是有效日期',
      '        第 3–6 行 · 1 · 36. 加快新城医院项目建设。 · 4 milestones',
    ]);
  });
});
