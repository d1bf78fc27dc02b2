/** A1 notation: column letters, cell and range addresses, sheet-qualified references. */

export interface CellRef {
  /** 1-based row. */
  row: number;
  /** 1-based column. */
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const A = 'A'.charCodeAt(0);

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer, got ${col}`);
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(A + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - A + 1);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeAddress(r: RangeRef): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(address: string): CellRef {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new RangeError(`not a cell address: ${address}`);
  const row = Number(m[2]);
  if (row < 1) throw new RangeError(`not a cell address: ${address}`);
  return { row, col: columnNumber(m[1] as string) };
}

export function parseRange(address: string): RangeRef {
  const [a, b] = address.split(':');
  const p = parseCell(a as string);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Sheet names with anything but letters, digits and underscores are quoted, as Excel writes them. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetCellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}

export function contains(r: RangeRef, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
