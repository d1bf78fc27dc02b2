/** `npx tsx scripts/eval/wrong-headers.ts`: every wrongly read corpus column with its header text, for growing the vocabulary. */
import { checkWorkbook } from '../../src/core/check';
import { readGridsFromBuffer } from '../../src/hosts/xlsx';
import { corpusFiles, corpusWorkbookBuffer } from '../../test/fixtures/corpus/build';
import { compareFile, type Expected } from './compare';

void (async () => {
  for (const f of corpusFiles()) {
    if (!f.expected) continue;
    const report = checkWorkbook(f.id, readGridsFromBuffer(f.id, await corpusWorkbookBuffer(f.entry)));
    const o = compareFile(f.expected as Expected, report);
    for (const t of o.tables) {
      const actual = report.sheets.find((s) => s.name === t.sheet)?.tables.find((x) => x.range === t.actualRange);
      for (const c of t.columns) {
        if (c.right) continue;
        const h = actual?.columns.find((x) => x.column === c.column)?.header ?? '';
        console.log(`${f.id.slice(0, 30).padEnd(30)} ${c.column} ${JSON.stringify(h).slice(0, 40).padEnd(40)} ${String(c.actual).padEnd(11)} want ${c.expected}`);
      }
    }
  }
})();
