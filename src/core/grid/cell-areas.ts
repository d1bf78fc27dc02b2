/**
 * Several cells named by findings (`Sheet1!G4`, `Sheet1!G5`, `'My Sheet'!C7`) → the areas to select
 * on one sheet: a column's consecutive cells become one area (`G4:G12`), so that selecting all cells
 * of a rule stays a short address however many cells it names. Both hosts select through this; the pane names what was selected by it.
 */
import { cellAddress, parseCell, parseRange, splitAddress } from './a1';

/** At most this many areas are selected at once: Excel takes a RangeAreas address of bounded length. */
export const MAX_AREAS = 200;

export interface CellAreas {
  sheet: string;
  /** `G4:G12`, `C7`, sorted by column then row. */
  areas: string[];
  /** Cells inside the areas: those of the first cell's sheet, up to MAX_AREAS areas. */
  count: number;
}

/** The cells on the first cell's sheet as areas; null for no cells. Cells of other sheets are left out (one selection is on one sheet). */
export function cellAreas(cells: readonly string[]): CellAreas | null {
  const first = cells[0];
  if (first === undefined) return null;
  const sheet = splitAddress(first).sheet ?? '';
  const refs = new Map<string, { row: number; col: number }>();
  for (const c of cells) {
    const s = splitAddress(c);
    if ((s.sheet ?? '') !== sheet) continue;
    const p = parseCell(s.cell);
    refs.set(`${p.col}:${p.row}`, p);
  }
  const sorted = [...refs.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Array<{ col: number; top: number; bottom: number }> = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === p.col && last.bottom === p.row - 1) last.bottom = p.row;
    else runs.push({ col: p.col, top: p.row, bottom: p.row });
  }
  const kept = runs.slice(0, MAX_AREAS);
  return {
    sheet,
    areas: kept.map((r) => (r.top === r.bottom ? cellAddress(r.top, r.col) : `${cellAddress(r.top, r.col)}:${cellAddress(r.bottom, r.col)}`)),
    count: kept.reduce((n, r) => n + r.bottom - r.top + 1, 0),
  };
}

/** Cells in one area (`G4:G12` → 9). */
export function areaSize(area: string): number {
  const r = parseRange(area);
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
