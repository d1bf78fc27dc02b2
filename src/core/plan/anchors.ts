/**
 * Anchors: how revert finds what apply wrote after the user has inserted or deleted rows and
 * columns, or renamed a sheet. A stored address goes stale at the first such edit; a formula's
 * reference does not: Excel and LibreOffice rewrite every reference in the workbook when rows or
 * columns move, a sheet is renamed or what a reference points at is deleted (`#REF!`). So apply
 * writes, beside the journal's text on its own sheet (column B), one reference formula per sheet,
 * row and column it wrote into: `ROWS(Sheet1!$1:$1048576)`, `ROW(Sheet1!$4:$4)`,
 * `COLUMN(Sheet1!$K:$K)`. Whole rows and whole columns, so that an edit along the other axis never
 * touches them. Revert reads them back and maps every address of the journal to where it is now.
 *
 * Which anchor is which follows from the plan alone (`planAnchors`), so the journal's digest covers
 * their order; the formulas themselves are meant to change and are only ever used to find cells,
 * never to decide what may be written (../plan/journal-verify still checks every cell it finds).
 */
import { columnLetters, columnNumber, parseCell, parseRange, quotedSheetName } from '../grid';
import type { EditPlan } from './plan';

export type Anchor = { kind: 'sheet'; sheet: string } | { kind: 'row'; sheet: string; row: number } | { kind: 'column'; sheet: string; column: number };

/**
 * Where the anchors go on the journal's own sheet: from column B on, `ANCHORS_PER_ROW` to a row, so
 * that they add no rows to the sheet's text in column A (which is read a few rows per request).
 */
export const ANCHOR_COLUMN = 2;
export const ANCHORS_PER_ROW = 16_000;
/** Rows of anchors at most: more than the largest plan the journal's limits allow needs. */
export const ANCHOR_ROWS = 64;

/** The 1-based row and column of anchor `i`. */
export function anchorCell(i: number): { row: number; col: number } {
  return { row: 1 + Math.floor(i / ANCHORS_PER_ROW), col: ANCHOR_COLUMN + (i % ANCHORS_PER_ROW) };
}
/** Excel's last row: a reference to all rows of a sheet cannot be cut by any insert or delete. */
const LAST_ROW = 1_048_576;

/** Every sheet, row and column the plan writes into, in the order of first appearance. */
export function planAnchors(plan: EditPlan): Anchor[] {
  const out: Anchor[] = [];
  const seen = new Set<string>();
  const added = new Set(plan.edits.flatMap((e) => (e.kind === 'sheet' ? [e.sheet] : [])));
  const add = (a: Anchor, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  const sheet = (s: string) => add({ kind: 'sheet', sheet: s }, `s\u0000${s}`);
  const row = (s: string, r: number) => add({ kind: 'row', sheet: s, row: r }, `r\u0000${s}\u0000${r}`);
  const column = (s: string, c: number) => add({ kind: 'column', sheet: s, column: c }, `c\u0000${s}\u0000${c}`);
  for (const e of plan.edits) {
    if (e.kind === 'name') continue;
    sheet(e.sheet);
    // A sheet the plan added goes or stays whole: its sheet anchor is all revert needs of it.
    if (added.has(e.sheet) || e.kind === 'sheet' || e.kind === 'highlight') continue;
    if (e.kind === 'width') column(e.sheet, columnNumber(e.column));
    else if (e.kind === 'cell') {
      const { row: r, col } = parseCell(e.cell.replace(/\$/g, ''));
      row(e.sheet, r);
      column(e.sheet, col);
    } else if (e.kind === 'choices') {
      const rg = parseRange(e.range.replace(/\$/g, ''));
      for (let r = rg.top; r <= rg.bottom; r++) row(e.sheet, r);
      for (let c = rg.left; c <= rg.right; c++) column(e.sheet, c);
    }
  }
  return out;
}

/** The formula (without `=`) that keeps an anchor's place. */
export function anchorFormula(a: Anchor): string {
  // Always quoted: a sheet named like a cell (`AB12`) would read as one otherwise.
  const q = quotedSheetName(a.sheet);
  if (a.kind === 'sheet') return `ROWS(${q}!$1:$${LAST_ROW})`;
  if (a.kind === 'row') return `ROW(${q}!$${a.row}:$${a.row})`;
  const c = columnLetters(a.column);
  return `COLUMN(${q}!$${c}:$${c})`;
}

/** Where an anchor's formula points now: its sheet and row or column; null when it is gone (`#REF!`) or unreadable. */
export function readAnchor(formula: string | undefined | null): { sheet: string; row?: number; column?: number; rows?: true } | null {
  if (typeof formula !== 'string') return null;
  const m = /^=?\s*(ROWS|ROW|COLUMN)\(\s*(?:'((?:[^']|'')+)'|([^'!()]+))!\s*(\$?)([A-Z]{1,3}|\d+):\s*\$?([A-Z]{1,3}|\d+)\s*\)\s*$/i.exec(formula);
  if (!m) return null;
  const fn = (m[1] as string).toUpperCase();
  const sheet = m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] as string).trim();
  const a = (m[5] as string).toUpperCase();
  const b = (m[6] as string).toUpperCase();
  const numeric = /^\d+$/.test(a) && /^\d+$/.test(b);
  if (fn === 'ROWS') return numeric && Number(a) === 1 ? { sheet, rows: true } : null;
  if (fn === 'ROW') return numeric && a === b ? { sheet, row: Number(a) } : null;
  return !numeric && a === b && /^[A-Z]+$/.test(a) ? { sheet, column: columnNumber(a) } : null;
}

/** Where everything a plan wrote is now; an address whose row, column or sheet is gone maps to null. */
export interface Placement {
  /** Whether any anchor was read (a journal written before anchors maps every address to itself). */
  readonly anchored: boolean;
  sheet(name: string): string | null;
  row(sheet: string, row: number): number | null;
  column(sheet: string, column: number): number | null;
  cell(sheet: string, cell: string): { sheet: string; cell: string } | null;
  /** A range with both corners found (rows and columns in between move along with them). */
  range(sheet: string, range: string): { sheet: string; range: string } | null;
}

export const IDENTITY_PLACEMENT: Placement = {
  anchored: false,
  sheet: (s) => s,
  row: (_s, r) => r,
  column: (_s, c) => c,
  cell: (sheet, cell) => ({ sheet, cell: cell.replace(/\$/g, '') }),
  range: (sheet, range) => ({ sheet, range: range.replace(/\$/g, '') }),
};

/**
 * The plan's anchors read back (`formulas[i]` for `planAnchors(plan)[i]`). An anchor that is gone
 * or reads wrong loses what it anchored; two anchors that point at one place, or a row or column
 * found on another sheet than its own sheet's anchor, mean the anchors are not to be trusted:
 * null, for the caller to refuse.
 */
export function placeAnchors(plan: EditPlan, formulas: ReadonlyArray<string | undefined | null>): Placement | null {
  const anchors = planAnchors(plan);
  if (formulas.length > anchors.length) return null;
  const sheets = new Map<string, string | null>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  const taken = new Set<string>();
  anchors.forEach((a, i) => {
    if (a.kind === 'sheet') {
      const at = readAnchor(formulas[i]);
      sheets.set(a.sheet, at?.rows ? at.sheet : null);
    }
  });
  const currentNames = [...sheets.values()].filter((s): s is string => s !== null);
  if (new Set(currentNames.map((s) => s.toLowerCase())).size !== currentNames.length) return null;
  for (const [i, a] of anchors.entries()) {
    if (a.kind === 'sheet') continue;
    const at = readAnchor(formulas[i]);
    const now = sheets.get(a.sheet);
    if (!at || now === null || now === undefined) continue;
    if (at.sheet.toLowerCase() !== now.toLowerCase()) return null;
    if (a.kind === 'row' && at.row !== undefined) {
      const key = `r\u0000${now}\u0000${at.row}`;
      if (taken.has(key)) return null;
      taken.add(key);
      rows.set(`${a.sheet}\u0000${a.row}`, at.row);
    } else if (a.kind === 'column' && at.column !== undefined) {
      const key = `c\u0000${now}\u0000${at.column}`;
      if (taken.has(key)) return null;
      taken.add(key);
      cols.set(`${a.sheet}\u0000${a.column}`, at.column);
    }
  }
  const sheet = (s: string) => sheets.get(s) ?? null;
  const row = (s: string, r: number) => (sheet(s) === null ? null : rows.get(`${s}\u0000${r}`) ?? null);
  const column = (s: string, c: number) => (sheet(s) === null ? null : cols.get(`${s}\u0000${c}`) ?? null);
  return {
    anchored: true,
    sheet,
    row,
    column,
    cell(s, cell) {
      const { row: r, col } = parseCell(cell.replace(/\$/g, ''));
      const now = sheet(s);
      const nr = row(s, r);
      const nc = column(s, col);
      return now === null || nr === null || nc === null ? null : { sheet: now, cell: `${columnLetters(nc)}${nr}` };
    },
    range(s, range) {
      const rg = parseRange(range.replace(/\$/g, ''));
      const now = sheet(s);
      const top = row(s, rg.top);
      const bottom = row(s, rg.bottom);
      const left = column(s, rg.left);
      const right = column(s, rg.right);
      if (now === null || top === null || bottom === null || left === null || right === null || bottom < top || right < left) return null;
      const a = `${columnLetters(left)}${top}`;
      const b = `${columnLetters(right)}${bottom}`;
      return { sheet: now, range: a === b ? a : `${a}:${b}` };
    },
  };
}
