/**
 * Writes src/hosts/excel/api-sets.json: for every member of every class of the `Excel` namespace in
 * @types/office-js, the ExcelApi version that brought it, read from the `[Api set: ExcelApi 1.x]`
 * line of its doc comment. The Excel API double throws `ApiNotFound` for members above the level a
 * test sets, and test/hosts/excel-api-sets.test.ts checks the host's calls against the manifest.
 * Run `npx tsx scripts/write-office-api-sets.ts` after upgrading @types/office-js.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const dts = readFileSync(join(root, 'node_modules/@types/office-js/index.d.ts'), 'utf8');
const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/office-js/package.json'), 'utf8')) as { version: string };

/** `1.10` above `1.9`: versions compare by their minor number. */
const minor = (v: string) => Number(v.split('.')[1]);

export function apiSets(source: string): Record<string, string> {
  const lines = source.split('\n');
  const out: Record<string, string> = {};
  let inExcel = false;
  let depth = 0;
  let cls: string | null = null;
  let clsDepth = 0;
  let doc: string[] = [];
  let inDoc = false;
  for (const line of lines) {
    if (/^declare namespace Excel \{/.test(line)) {
      inExcel = true;
      depth = 1;
      continue;
    }
    if (!inExcel) continue;
    const t = line.trim();
    if (t.startsWith('/**')) {
      inDoc = true;
      doc = [];
    }
    if (inDoc) {
      doc.push(t);
      if (t.endsWith('*/')) inDoc = false;
      continue;
    }
    // `[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]` counts by its first version;
    // members only in ExcelApiOnline or BETA keep their set's name (no desktop level has them).
    const text = doc.join(' ');
    const set = text.match(/\[Api set: ExcelApi (1\.\d+)/)?.[1] ?? text.match(/\[Api set: (ExcelApiOnline [\d.]+|ExcelApi BETA[^\]]*)\]/)?.[1];
    const klass = depth === 1 ? /^(?:export )?class (\w+)/.exec(t)?.[1] : undefined;
    if (klass) {
      cls = klass;
      clsDepth = depth + 1;
      if (set) out[cls] = set;
    } else if (cls && depth === clsDepth) {
      const member = /^(?:readonly |static )*(\w+)\??\s*[(:<]/.exec(t)?.[1] ?? /^(?:get|set) (\w+)\(/.exec(t)?.[1];
      if (member && set && member !== 'constructor') {
        const key = `${cls}.${member}`;
        const had = out[key];
        if (!had || (set.startsWith('1.') && (!had.startsWith('1.') || minor(set) < minor(had)))) out[key] = set;
      }
    }
    if (t !== '') doc = [];
    for (const ch of line.replace(/"[^"]*"|'[^']*'/g, '')) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (cls && depth < clsDepth) cls = null;
    if (depth === 0) inExcel = false;
  }
  return out;
}

if (require.main === module) {
  const map = apiSets(dts);
  const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
  const file = join(root, 'src/hosts/excel/api-sets.json');
  writeFileSync(file, `${JSON.stringify({ source: `@types/office-js ${types.version}`, members: sorted }, null, 1)}\n`);
  process.stdout.write(`${Object.keys(sorted).length} members → ${file}\n`);
}
