/**
 * `npm run calibrate`: counts, per kind of evidence and role, how often the recognizer's role is the
 * one the hand-written expected structures give, over the corpus and the hand-checked fixtures, and
 * writes the counts to src/core/recognize/calibration-counts.ts (the caps are computed from them,
 * see calibration.ts). Deterministic: the same tree gives the same file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../src/core/grid';
import { recognizeSheet } from '../src/core/recognize';
import { bucketKey } from '../src/core/recognize/calibration';
import { readGridsFromBuffer } from '../src/hosts/xlsx';
import { corpusFiles, corpusWorkbookBuffer } from '../test/fixtures/corpus/build';
import type { Expected } from './eval/compare';

const FIXTURES = path.resolve(__dirname, '../test/fixtures');
const OUT = path.resolve(__dirname, '../src/core/recognize/calibration-counts.ts');

const roleKey = (role: string | null, level?: number) => (role === 'category' && level !== undefined ? `category:${level}` : role);

function count(counts: Map<string, { n: number; right: number }>, expected: Expected, grids: Grid[]): void {
  for (const sheet of expected.sheets) {
    const grid = grids.find((g) => g.name === sheet.name);
    if (!grid) continue;
    const r = recognizeSheet(grid);
    sheet.tables.forEach((want) => {
      // The table the recognizer found at the expected place (same first column and overlapping rows).
      const i = r.sheet.tables.findIndex((t) => t.range.replace(/\d+/g, '') === want.range.replace(/\d+/g, '') || t.range === want.range);
      if (i < 0) return;
      const table = r.sheet.tables[i]!;
      const detail = r.details[i]!;
      table.columns.forEach((c, j) => {
        const w = want.columns[c.column];
        const ev = detail.evidence[j];
        if (!w || !ev) return;
        const key = bucketKey(ev, c.role, detail.byLayout);
        const b = counts.get(key) ?? { n: 0, right: 0 };
        b.n++;
        if (roleKey(w.role, w.level) === roleKey(c.role, c.level)) b.right++;
        counts.set(key, b);
      });
    });
  }
}

export async function computeCounts(onlyPrefixes: readonly string[] = []): Promise<Record<string, { n: number; right: number }>> {
  const counts = new Map<string, { n: number; right: number }>();
  for (const f of corpusFiles()) {
    if (!f.expected) continue;
    if (onlyPrefixes.length > 0 && !onlyPrefixes.some((p) => f.id.startsWith(`${p}-`))) continue;
    const buf = await corpusWorkbookBuffer(f.entry);
    count(counts, f.expected as Expected, readGridsFromBuffer(f.id, buf));
  }
  if (onlyPrefixes.length > 0) return Object.fromEntries([...counts.keys()].sort().map((k) => [k, counts.get(k)!]));
  const dir = path.join(FIXTURES, 'expected');
  for (const name of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const e = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Expected;
    count(counts, e, readGridsFromBuffer(e.file, fs.readFileSync(path.join(FIXTURES, e.file))));
  }
  return Object.fromEntries([...counts.keys()].sort().map((k) => [k, counts.get(k)!]));
}

/**
 * `npm run calibrate -- --held-out NAME PREFIX…`: before a held-out set joins the corpus, its
 * counts under the recognizer that had never seen it are recorded in calibration-held-out.ts, set by
 * set. They are never recomputed: they are what an unseen table got, and they bound the caps.
 */
async function recordHeldOut(name: string, prefixes: string[]): Promise<void> {
  const counts = await computeCounts(prefixes);
  const file = path.resolve(__dirname, '../src/core/recognize/calibration-held-out.ts');
  const text = fs.readFileSync(file, 'utf8');
  const rows = Object.entries(counts).map(([k, v]) => `      '${k}': { n: ${v.n}, right: ${v.right} },`).join('\n');
  const entry = `  {\n    set: '${name}',\n    prefixes: [${prefixes.map((p) => `'${p}'`).join(', ')}],\n    counts: {\n${rows}\n    },\n  },\n`;
  fs.writeFileSync(file, text.replace(/\n\];\s*$/, `\n${entry}];\n`));
  console.log(`held-out set ${name} recorded (${Object.values(counts).reduce((a, b) => a + b.n, 0)} columns)`);
}

if (require.main === module) void (async () => {
  const at = process.argv.indexOf('--held-out');
  if (at >= 0) return recordHeldOut(process.argv[at + 1] as string, process.argv.slice(at + 2));
  const counts = new Map(Object.entries(await computeCounts()));
  const keys = [...counts.keys()].sort();
  const body = keys.map((k) => `  '${k}': { n: ${counts.get(k)!.n}, right: ${counts.get(k)!.right} },`).join('\n');
  fs.writeFileSync(OUT, `// Written by \`npm run calibrate\`; see calibration.ts.\nexport const CALIBRATION_COUNTS: Record<string, { n: number; right: number }> = {\n${body}\n};\n`);
  console.log(`${keys.length} buckets written to ${path.relative(process.cwd(), OUT)}`);
  for (const k of keys) console.log(`  ${k.padEnd(28)} ${counts.get(k)!.right}/${counts.get(k)!.n}`);
})();
