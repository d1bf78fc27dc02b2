/** `npx tsx scripts/eval/show.ts ID`: one corpus table's cells, the recognizer's reading and the expected one, side by side. */
import { checkWorkbook } from '../../src/core/check';
import { readGridsFromBuffer } from '../../src/hosts/xlsx';
import { corpusFiles, corpusWorkbookBuffer } from '../../test/fixtures/corpus/build';
import { compareFile, type Expected } from './compare';

void (async () => {
  const id = process.argv[2];
  const f = corpusFiles().find((x) => x.id === id);
  if (!f) throw new Error(`no corpus entry ${id}`);
  const grids = readGridsFromBuffer(id as string, await corpusWorkbookBuffer(f.entry));
  for (const g of grids) {
    console.log(`-- ${g.name} merges ${g.merges.length}`);
    g.rows.forEach((r, i) => console.log(String(i + 1).padStart(3), JSON.stringify((r ?? []).map((c) => (c ? c.text.slice(0, 40) : null)))));
  }
  const report = checkWorkbook(id as string, grids);
  for (const s of report.sheets) for (const t of s.tables) {
    console.log(`table ${t.range} title ${JSON.stringify(t.titleRows)} header ${JSON.stringify(t.headerRows)} year ${t.year} conf ${t.confidence}`);
    for (const c of t.columns) console.log(`  ${c.column} ${c.header} → ${c.role}${c.level ?? ''} ${c.confidence} (${c.why})`);
    for (const k of t.tasks) console.log(`  task ${k.rows.join('-')} seq=${k.seq} ${JSON.stringify(k.category)} ${k.title?.slice(0, 30)} nodes=${k.nodes.length}`);
  }
  if (f.expected) {
    const o = compareFile(f.expected as Expected, report);
    for (const t of o.tables) {
      console.log(`expected ${t.expectedRange} header ${JSON.stringify((f.expected as Expected).sheets.flatMap((s) => s.tables).find((x) => x.range === t.expectedRange)?.headerRows)}`);
      for (const c of t.columns) if (!c.right) console.log(`  ✗ ${c.column}: ${c.actual} (${c.confidence}) want ${c.expected}`);
      const want = (f.expected as Expected).sheets.flatMap((s) => s.tables).find((x) => x.range === t.expectedRange);
      for (const k of want?.tasks ?? []) console.log(`  want ${k.rows.join('-')} seq=${k.seq} ${JSON.stringify(k.category)} ${k.title?.slice(0, 30)} nodes=${k.nodes}`);
    }
  }
})();
