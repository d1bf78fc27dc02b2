/**
 * Pairing the items of two rounds (tasks of a table, nodes of a task): what stayed, what went, what
 * came. Rows move between rounds (a row deleted above shifts every row below), so rows never decide;
 * the item number and the text do.
 */
import { similarity } from './similarity';

export interface Keyed {
  /** The item number, when there is one (`1`, `省120-1`). */
  seq: string | null;
  text: string | null;
}

export interface Pairing {
  /** Index in `last`, index in `next`. */
  pairs: Array<[number, number]>;
  removed: number[];
  added: number[];
}

/** Texts this alike are the same item even under another number. */
export const SAME_TEXT = 0.6;
/** Under the same number, texts this alike are the same item renamed. */
export const SAME_SEQ_TEXT = 0.2;

/**
 * Greedy pairing, best first: the same text; then the most alike among pairs that share a number or
 * are alike enough without one; ties go to the pair nearest in position, so that repeated texts
 * (a task's four quarterly nodes) pair in order.
 */
export function pairItems(last: readonly Keyed[], next: readonly Keyed[]): Pairing {
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  for (let i = 0; i < last.length; i++) {
    for (let j = 0; j < next.length; j++) {
      const a = last[i] as Keyed;
      const b = next[j] as Keyed;
      const sim = similarity(a.text, b.text);
      const sameSeq = a.seq !== null && b.seq !== null && a.seq.trim() === b.seq.trim();
      if (sim < SAME_TEXT && !(sameSeq && sim >= SAME_SEQ_TEXT)) continue;
      // Same number weighs as much as a good share of the text; position breaks what is left.
      const score = sim + (sameSeq ? 0.5 : 0) - Math.abs(i / Math.max(1, last.length) - j / Math.max(1, next.length)) * 0.01;
      candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of candidates) {
    if (usedI.has(c.i) || usedJ.has(c.j)) continue;
    usedI.add(c.i);
    usedJ.add(c.j);
    pairs.push([c.i, c.j]);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return {
    pairs,
    removed: last.map((_, i) => i).filter((i) => !usedI.has(i)),
    added: next.map((_, j) => j).filter((j) => !usedJ.has(j)),
  };
}
