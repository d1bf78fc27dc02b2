/**
 * Every pane string exists in both languages, and no component carries words of its own: all
 * visible text comes from the catalogs, so switching the language switches all of it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { LANGS } from '../../src/core/i18n';
import { ui, UI_STRINGS, type UiKey } from '../../src/taskpane/strings';

const PANE_DIR = path.resolve(__dirname, '../../src/taskpane');
const components = fs
  .readdirSync(PANE_DIR)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(PANE_DIR, f), 'utf8') }));

/** The source without comments: what remains is what the component renders or computes. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('the pane catalog', () => {
  it('has both languages for every key, none empty', () => {
    for (const [key, entry] of Object.entries(UI_STRINGS)) {
      expect([key, Object.keys(entry).sort()]).toEqual([key, [...LANGS].sort()]);
      for (const lang of LANGS) expect([key, lang, entry[lang as keyof typeof entry].trim().length > 0]).toEqual([key, lang, true]);
    }
  });

  it('takes the same parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, entry] of Object.entries(UI_STRINGS)) expect([key, params(entry['zh-CN'])]).toEqual([key, params(entry['en-US'])]);
  });

  it('speaks Chinese in zh-CN', () => {
    for (const key of ['check.button', 'apply.button', 'revert.button', 'summary.overdue', 'summary.due-soon', 'summary.done'] as UiKey[]) {
      expect(ui('zh-CN', key)).toMatch(/[\u4e00-\u9fff]/);
      expect(ui('en-US', key)).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(ui('en-US', 'findings.filter-error', { count: 3 })).toBe('Errors 3');
    expect(ui('zh-CN', 'findings.filter-error', {})).toBe('错误 {count}');
  });

  it('has no key that no pane file uses', () => {
    const sources = fs
      .readdirSync(PANE_DIR)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'strings.ts')
      .map((f) => fs.readFileSync(path.join(PANE_DIR, f), 'utf8'))
      .join('\n');
    const unused = Object.keys(UI_STRINGS).filter((k) => !sources.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });
});

/** What a component would show without the catalogs: JSX text and text attributes with words in them. */
function ownWords(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n) && /\p{L}/u.test(n.text)) found.push(n.text.trim());
    if (ts.isJsxAttribute(n) && TEXT_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer && ts.isStringLiteral(n.initializer) && /\p{L}/u.test(n.initializer.text)) {
      found.push(`${n.name.getText(sf)}="${n.initializer.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'label', 'alt', 'hint', 'content', 'text', 'validationMessage']);

describe.each(components)('$file', ({ file, text }) => {
  it('has no Chinese of its own', () => {
    expect(code(text).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)).toBeNull();
  });

  it('has no words of its own in what it renders', () => {
    expect(ownWords(file, text)).toEqual([]);
  });
});

test('the word finder finds words', () => {
  expect(ownWords('x.tsx', 'const a = <div title="Go">Check now<b>{x}</b></div>;')).toEqual(['title="Go"', 'Check now']);
});
