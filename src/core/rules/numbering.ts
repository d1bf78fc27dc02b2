/** Numbering: an item number used twice, or a gap in a run of numbers. */
import { cellAddress, columnNumber } from '../grid';
import type { Hit, Rule, RuleContext } from './rule';

type SeqCell = { seq: string; cell: string; row: number; category: string };

/** Per rule context: the item numbers, which both numbering rules walk. */
const seqCellsOf = new WeakMap<RuleContext, SeqCell[]>();

function seqCells(ctx: RuleContext): SeqCell[] {
  const kept = seqCellsOf.get(ctx);
  if (kept) return kept;
  const out = readSeqCells(ctx);
  seqCellsOf.set(ctx, out);
  return out;
}

function readSeqCells(ctx: RuleContext): SeqCell[] {
  const col = ctx.columns('seq')[0]?.column;
  if (!col) return [];
  return ctx.table.tasks
    .filter((t) => t.seq !== null)
    .map((t) => {
      const a = ctx.view.anchor(t.rows[0], columnNumber(col));
      return { seq: t.seq as string, cell: cellAddress(a.row, a.col), row: a.row, category: JSON.stringify(t.category) };
    });
}

/** Numbering that starts again at 1 in a new category is a new run, not a duplicate. */
function runs<T extends { seq: string; category: string }>(items: T[]): T[][] {
  const out: T[][] = [];
  let prev: T | undefined;
  for (const it of items) {
    if (!prev || (it.seq === '1' && it.category !== prev.category)) out.push([]);
    (out[out.length - 1] as T[]).push(it);
    prev = it;
  }
  return out;
}

export const numberingRules: Rule[] = [
  {
    id: 'seq.duplicate',
    family: 'numbering',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const run of runs(seqCells(ctx))) {
        const first = new Map<string, number>();
        for (const s of run) {
          const key = s.seq.replace(/\s+/g, '');
          const other = first.get(key);
          if (other !== undefined) hits.push({ cell: s.cell, found: s.seq, params: { found: s.seq, otherRow: other } });
          else first.set(key, s.row);
        }
      }
      return hits;
    },
  },
  {
    id: 'seq.skipped',
    family: 'numbering',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const run of runs(seqCells(ctx))) {
        if (!run.every((s) => /^\d+$/.test(s.seq))) continue;
        for (let i = 1; i < run.length; i++) {
          const prev = Number((run[i - 1] as { seq: string }).seq);
          const cur = Number((run[i] as { seq: string }).seq);
          if (cur > prev + 1) {
            const missing = cur - prev === 2 ? String(prev + 1) : `${prev + 1}–${cur - 1}`;
            hits.push({ cell: (run[i] as { cell: string }).cell, found: String(cur), params: { previous: prev, found: cur, missing, next: prev + 1 } });
          }
        }
      }
      return hits;
    },
  },
];
