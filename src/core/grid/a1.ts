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

/**
 * Excel's rule for a sheet name in a reference: bare when it is a name of letters (any script),
 * decimal digits, underscores and periods that does not start with a digit and cannot be read as
 * something else (a cell such as `AB12`, an R1C1 reference such as `R2C3`, `R` or `C`, a boolean);
 * otherwise in single quotes with each quote doubled. So `Sheet1!G31` and `考核细则!A3`, but
 * `'My Sheet'!A1`, `'2018'!A1` and `'AB12'!A1`. A quoted name is always read right, so the rule
 * only decides when quotes may be left out.
 */
export function quoteSheetName(name: string): string {
  return needsQuotes(name) ? quotedSheetName(name) : name;
}

/** The sheet name in quotes whatever it is, for formulas whose reader expects them (the plan's anchors). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const BARE_NAME = /^[\p{L}_][\p{L}\p{Nd}_.]*$/u;
const LIKE_A1 = /^([A-Za-z]{1,3})(\d{1,7})$/;
const LIKE_R1C1 = /^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;

function needsQuotes(name: string): boolean {
  if (!BARE_NAME.test(name)) return true;
  if (LIKE_R1C1.test(name) || /^(?:TRUE|FALSE)$/i.test(name)) return true;
  const a1 = LIKE_A1.exec(name);
  // Only a cell inside the sheet's bounds reads as one: `XFE1` and `A1048577` are names.
  return a1 !== null && columnNumber(a1[1] as string) <= 16_384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1_048_576;
}

export function sheetCellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col)}`;
}

/** A sheet name as written in a reference (`'My ''x'' sheet'`) → the name (`My 'x' sheet`). */
export function unquoteSheetName(raw: string): string {
  return raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

/**
 * `Sheet1!G31`, `'My Sheet'!$A$1:$B$2` → the sheet (null when the reference names none) and the
 * local address without `$` (`G31`, `A1:B2`). The last `!` splits, since a quoted name may hold one.
 */
export function splitAddress(ref: string): { sheet: string | null; cell: string } {
  const bang = ref.lastIndexOf('!');
  const cell = ref.slice(bang + 1).replace(/\$/g, '');
  return { sheet: bang < 0 ? null : unquoteSheetName(ref.slice(0, bang)), cell };
}

/** The sheet-less address of a reference, as written (`Sheet1!$G$31` → `$G$31`, `G31` → `G31`). */
export function localAddress(ref: string): string {
  return ref.slice(ref.lastIndexOf('!') + 1);
}
