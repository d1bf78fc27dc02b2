/**
 * Dropdowns the add-in never wrote that are still its own: a row inserted inside the table takes
 * the data validation of the row above it, in Excel and LibreOffice alike, so after such an insert
 * the add-in's status list sits on a cell of its column that no journal entry names. Revert takes
 * those too, on every host; which cells to look at and what counts as the add-in's list is decided
 * here, and each host only reads the dropdowns there and clears the ones this says are copies.
 */
import { columnLetters, parseRange } from '../grid';
import type { VerifiedJournal } from './journal-verify';

/** Rows `top`..`bottom` of one column where a copy of the add-in's list `list` may sit. */
export interface ChoiceRun {
  sheet: string;
  column: string;
  top: number;
  bottom: number;
  /** The choices as a dropdown's source reads: `未开始,进行中,已完成`. */
  list: string;
}

/**
 * Where copies may be: within the rows the plan's dropdowns of one column span now, the rows none
 * of them covers (a row inserted among them, or one the plan left without a dropdown), as runs of
 * consecutive rows. A cell the journal puts a dropdown back on is covered, so never a run's.
 */
export function copiedChoiceRuns(v: Pick<VerifiedJournal, 'choiceEdits'>): ChoiceRun[] {
  const spans = new Map<string, { sheet: string; column: string; list: string; rows: Set<number>; top: number; bottom: number }>();
  for (const e of v.choiceEdits) {
    const rg = parseRange(e.range.replace(/\$/g, ''));
    const list = e.choices.join(',');
    for (let c = rg.left; c <= rg.right; c++) {
      const column = columnLetters(c);
      const key = `${e.sheet}\u0000${column}\u0000${list}`;
      const span = spans.get(key) ?? { sheet: e.sheet, column, list, rows: new Set<number>(), top: rg.top, bottom: rg.bottom };
      for (let r = rg.top; r <= rg.bottom; r++) span.rows.add(r);
      span.top = Math.min(span.top, rg.top);
      span.bottom = Math.max(span.bottom, rg.bottom);
      spans.set(key, span);
    }
  }
  // A cell covered by any of the plan's dropdowns (whatever its list) is the journal's to restore.
  const covered = new Set<string>();
  for (const s of spans.values()) for (const r of s.rows) covered.add(`${s.sheet}\u0000${s.column}${r}`);
  const out: ChoiceRun[] = [];
  for (const s of spans.values()) {
    let start: number | null = null;
    for (let r = s.top; r <= s.bottom + 1; r++) {
      const free = r <= s.bottom && !covered.has(`${s.sheet}\u0000${s.column}${r}`);
      if (free && start === null) start = r;
      if (!free && start !== null) {
        out.push({ sheet: s.sheet, column: s.column, top: start, bottom: r - 1, list: s.list });
        start = null;
      }
    }
  }
  return out;
}

/** A run's cells, `K10`, `K11`, …, top to bottom. */
export function runCells(run: ChoiceRun): string[] {
  const out: string[] = [];
  for (let r = run.top; r <= run.bottom; r++) out.push(`${run.column}${r}`);
  return out;
}

/**
 * Whether a dropdown seen on a run's cell is a copy of the add-in's: a list of exactly its choices.
 * `source` as Office.js gives it (`未开始,进行中`) or as the file holds it (`"未开始,进行中"`); any
 * other list, a range source, or none is the user's.
 */
export function isCopiedChoice(run: ChoiceRun, source: string | null | undefined): boolean {
  if (typeof source !== 'string') return false;
  const text = source.length >= 2 && source.startsWith('"') && source.endsWith('"') ? source.slice(1, -1) : source;
  return text === run.list;
}
