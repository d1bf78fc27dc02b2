/**
 * The cells the last check found something in, as the grid marks them: a small triangle in the
 * cell's corner, as Excel marks a cell its error checking flags, coloured by the most severe finding
 * there, with the findings' messages as the cell's tooltip.
 */
import { parseCell, splitAddress } from '../core/grid';
import type { FileReport, Finding } from '../core/contract';

export type Severity = Finding['severity'];

export interface FindingMark {
  /** The most severe of the cell's findings. */
  severity: Severity;
  /** How many findings name the cell. */
  count: number;
  /** Their messages, most severe first (the report's language). */
  messages: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The corner's colour per severity: Fluent's red, orange and blue, which read on the state fills too. */
export const MARK_COLOR: Record<Severity, string> = { error: '#C50F1F', warning: '#DA3B01', info: '#0F6CBD' };

/** Sheet → `row,col` → the mark, from the report's findings that name a cell. */
export type FindingMarks = Map<string, Map<string, FindingMark>>;

export const markKey = (row: number, col: number) => `${row},${col}`;

export function findingMarks(report: Pick<FileReport, 'findings'>): FindingMarks {
  const out: FindingMarks = new Map();
  const sorted = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  for (const f of sorted) {
    if (!f.cell || !f.cell.includes('!')) continue;
    const { sheet, cell } = splitAddress(f.cell);
    if (sheet === null) continue;
    let at: { row: number; col: number };
    try {
      at = parseCell(cell.split(':')[0] ?? cell);
    } catch {
      // A finding whose cell is not an address (none the core writes) marks nothing.
      continue;
    }
    const sheetMarks = out.get(sheet) ?? new Map<string, FindingMark>();
    out.set(sheet, sheetMarks);
    const key = markKey(at.row, at.col);
    const m = sheetMarks.get(key);
    if (m) {
      m.count++;
      m.messages.push(f.message);
    } else sheetMarks.set(key, { severity: f.severity, count: 1, messages: [f.message] });
  }
  return out;
}
