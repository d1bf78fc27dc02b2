/**
 * What the xlsx workbook host adds to the contract: a workbook view hears of every change it makes,
 * the task pane's selection reaches the view, and the module is safe to bundle for a browser page
 * (nothing it imports, however deep, needs Node).
 */
import * as fs from 'fs';
import * as path from 'path';
import { emptyGrid } from '../../../src/core/grid';
import { applyWithHost } from '../../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { fixture } from '../contract/harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const SRC = path.resolve(__dirname, '../../../src');

describe('XlsxWorkbookHost', () => {
  it('tells its listeners of apply, revert, fixes and settings, until they unsubscribe', async () => {
    const host = new XlsxWorkbookHost(await fixture('seeds/seed-002.xlsx'), 'seed-002.xlsx');
    const heard: string[] = [];
    const off = host.onChange(() => heard.push('change'));
    await applyWithHost(host, OPTIONS);
    expect(heard).toHaveLength(1);
    await host.revert();
    await host.revert();
    expect(heard).toHaveLength(2);
    await host.applyFixes([{ cell: '十大项目!B5', value: '新值' }]);
    await host.undoFixes();
    await host.saveSettings({ version: 1, lang: 'en-US', fixes: [] });
    expect(heard).toHaveLength(5);
    off();
    await host.saveSettings({ version: 1, fixes: [] });
    expect(heard).toHaveLength(5);
  });

  it('hands a selection to the view', async () => {
    const seen: Array<[string, string]> = [];
    const host = new XlsxWorkbookHost(await fixture('layouts/no-table.xlsx'), 'no-table.xlsx', { onSelect: (s, c) => seen.push([s, c]) });
    await host.select('Sheet2!B3');
    await host.select("'通知'!A1");
    expect(seen).toEqual([['Sheet2', 'B3'], ['通知', 'A1']]);
  });

  it('a fix on a sheet that is not there writes nothing', async () => {
    const wb = await fixture('seeds/seed-002.xlsx');
    const host = new XlsxWorkbookHost(wb, 'seed-002.xlsx');
    const before = await host.read();
    await expect(host.applyFixes([{ cell: '十大项目!B5', value: 'x' }, { cell: 'Nope!A1', value: 'y' }])).rejects.toThrow(/Nope/);
    expect(await host.read()).toEqual(before);
    expect(await host.loadSettings()).toBeNull();
  });

  it('reads the Grids it was given from the package until its first change, then the workbook', async () => {
    const wb = await fixture('seeds/seed-002.xlsx');
    const given = [emptyGrid('从包读取')];
    const host = new XlsxWorkbookHost(wb, 'seed-002.xlsx', { grids: given });
    expect((await host.read()).map((g) => g.name)).toEqual(['从包读取']);
    await host.editCell('十大项目!B5', '新值');
    expect((await host.read()).map((g) => g.name)).toEqual(wb.worksheets.map((w) => w.name));
  });
});

/** Every module a file imports, relative ones followed, with the bare ones it names. */
function imports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1] as string);
  seen.set(file, specs);
  for (const s of specs) {
    if (!s.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), s);
    const next = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (next) imports(next, seen);
  }
  return seen;
}

// The workbench reads, checks and applies in a Web Worker (workbench/document.worker.ts): that is what the browser bundles.
describe.each(['hosts/xlsx/workbook-host.ts', 'hosts/excel/workbook-host.ts', 'hosts/xlsx/read-package.ts', 'workbench/document.worker.ts'])('%s', (entry) => {
  it('bundles for a browser: no Node module, no Buffer, no file loading, however deep', () => {
    const all = imports(path.join(SRC, entry));
    expect(all.size).toBeGreaterThan(5);
    for (const [file, specs] of all) {
      const rel = path.relative(SRC, file);
      expect([rel, specs.filter((s) => /^(fs|path|os|child_process|stream|buffer|zlib|node:.*)$/.test(s) || /\/load$/.test(s))]).toEqual([rel, []]);
      expect([rel, /\bBuffer\b/.test(fs.readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))]).toEqual([rel, false]);
    }
    // The file loader reads from disk, and the xlsx index re-exports it.
    const files = [...all.keys()].map((f) => path.relative(SRC, f));
    expect(files).not.toContain(path.join('hosts', 'xlsx', 'load.ts'));
    expect(files).not.toContain(path.join('hosts', 'xlsx', 'index.ts'));
  });
});
