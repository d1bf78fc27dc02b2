/**
 * `npm run eval [-- --verbose]`: the recognizer measured on the corpus (test/fixtures/corpus) and on
 * the hand-checked fixtures. Prints the figures and each table that is not fully right, and writes
 * everything to test-artifacts/eval.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evalCorpus, evalFixtures, type EvalResult } from './eval/run';
import type { TableOutcome } from './eval/compare';

const verbose = process.argv.includes('--verbose');
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

function what(t: TableOutcome): string {
  if (!t.found) return 'not found';
  const bad: string[] = [];
  if (!t.rangeRight) bad.push(`range ${t.actualRange} (want ${t.expectedRange})`);
  if (!t.headerRight) bad.push('title/header rows');
  if (!t.yearRight) bad.push('year');
  const wrong = t.columns.filter((c) => !c.right);
  if (wrong.length) bad.push(`roles ${wrong.map((c) => `${c.column}:${c.actual ?? '-'}≠${c.expected ?? '-'}${c.confidence >= 0.8 && c.actual ? '!' : ''}`).join(' ')}`);
  if (!t.tasksRight) bad.push(t.countsRight ? 'task texts' : 'task/node counts');
  return bad.join('; ');
}

function print(r: EvalResult): void {
  const s = r.summary;
  console.log(`\n== ${r.set}: ${s.files} files, ${s.tables} tables`);
  console.log(`  tables found          ${s.found}/${s.tables}  ${pct(s.found, s.tables)}`);
  console.log(`  tables fully right    ${s.fully}/${s.tables}  ${pct(s.fully, s.tables)}`);
  console.log(`  all columns right     ${s.columnsRightTables}/${s.tables}  ${pct(s.columnsRightTables, s.tables)}`);
  console.log(`  tasks right           ${s.tasksRightTables}/${s.tables}  ${pct(s.tasksRightTables, s.tables)}`);
  console.log(`  task/node counts      ${s.countsRightTables}/${s.tables}  ${pct(s.countsRightTables, s.tables)}`);
  console.log(`  column roles right    ${s.columnsRight}/${s.columns}  ${pct(s.columnsRight, s.columns)}`);
  console.log(`  confident-wrong roles ${s.confidentWrongRoles}   spurious confident tables ${s.confidentSpuriousTables}   errors ${s.errors}`);
  console.log('  role        expected reported right precision recall');
  for (const x of s.roles) {
    console.log(`  ${x.role.padEnd(11)} ${String(x.expected).padStart(8)} ${String(x.reported).padStart(8)} ${String(x.right).padStart(5)} ${(x.precision === null ? '—' : x.precision.toFixed(2)).padStart(9)} ${(x.recall === null ? '—' : x.recall.toFixed(2)).padStart(6)}`);
  }
  if (verbose) {
    console.log('  confusion (expected → reported: count)');
    for (const [e, row] of Object.entries(s.confusion)) {
      const off = Object.entries(row).filter(([a]) => a !== e);
      if (off.length) console.log(`    ${e} → ${off.map(([a, n]) => `${a}:${n}`).join(' ')}`);
    }
  }
  for (const o of r.outcomes) {
    if (o.error) console.log(`  ✗ ${o.file}: error ${o.error.split('\n')[0]}`);
    for (const t of o.tables) if (!t.fully) console.log(`  ✗ ${o.file} ${t.sheet}!${t.expectedRange}: ${what(t)}`);
    for (const sp of o.spurious) console.log(`  + ${o.file} ${sp.sheet}!${sp.range}: a table not expected (confidence ${sp.confidence.toFixed(2)})`);
  }
}

void (async () => {
  const results = [await evalCorpus(), await evalFixtures()];
  results.forEach(print);
  const out = path.resolve(__dirname, '../test-artifacts/eval.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
})();
