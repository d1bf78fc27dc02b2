/**
 * A `sqref` (the cells a dropdown or format covers: `K3:K9 K11 M3:M56`) with some cells taken out.
 * The writer takes out dropdowns by the cells the journal names, one by one, but a program that
 * saved the file in between (Excel, LibreOffice, ExcelJS) may have joined them with others into
 * ranges: a rule is cut down to the cells it keeps, never dropped whole nor left whole.
 */
import { pushAll } from '../../../core/arrays';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Row and column of `K3` (no `$`); throws on anything else. */
function splitA1(ref: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const letters = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A reference (`K3`, `$K$3:$K$9`) as a rectangle; null when it is not one (a whole column, a typo). */
function rectOf(ref: string): Rect | null {
  const [a, b] = ref.replace(/\$/g, '').split(':');
  try {
    const p = splitA1(a as string);
    const q = b === undefined ? p : splitA1(b);
    return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  } catch {
    return null;
  }
}

function refOf(r: Rect): string {
  const a = `${letters(r.left)}${r.top}`;
  const b = `${letters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** The cells to take out, joined into runs down each column, so that a column of them is one rectangle. */
export function removalRects(refs: Iterable<string>): Rect[] {
  const cells: Array<{ row: number; col: number }> = [];
  const out: Rect[] = [];
  for (const ref of refs) {
    const r = rectOf(ref.replace(/\$/g, ''));
    if (!r) continue;
    if (r.top === r.bottom && r.left === r.right) cells.push({ row: r.top, col: r.left });
    else out.push(r);
  }
  cells.sort((x, y) => x.col - y.col || x.row - y.row);
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last.left === c.col && last.right === c.col && c.row >= last.top && c.row <= last.bottom + 1) last.bottom = Math.max(last.bottom, c.row);
    else out.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return out;
}

/** `r` less `x`: what is left of it, as up to four rectangles (above, below, left, right of the overlap). */
function minus(r: Rect, x: Rect): Rect[] {
  const top = Math.max(r.top, x.top);
  const bottom = Math.min(r.bottom, x.bottom);
  const left = Math.max(r.left, x.left);
  const right = Math.min(r.right, x.right);
  if (top > bottom || left > right) return [r];
  const out: Rect[] = [];
  if (r.top < top) out.push({ ...r, bottom: top - 1 });
  if (bottom < r.bottom) out.push({ ...r, top: bottom + 1 });
  if (r.left < left) out.push({ top, bottom, left: r.left, right: left - 1 });
  if (right < r.right) out.push({ top, bottom, left: right + 1, right: r.right });
  return out;
}

/** `sqref` with the rectangles `remove` taken out: the same text when it loses nothing, '' when it loses all. */
export function subtractSqref(sqref: string, remove: readonly Rect[]): string {
  const refs = sqref.trim().split(/\s+/).filter((s) => s !== '');
  let changed = false;
  const kept: string[] = [];
  for (const ref of refs) {
    const r = rectOf(ref.replace(/\$/g, ''));
    if (!r) {
      kept.push(ref);
      continue;
    }
    let parts = [r];
    for (const x of remove) {
      if (x.bottom < r.top || x.top > r.bottom || x.right < r.left || x.left > r.right) continue;
      parts = parts.flatMap((p) => minus(p, x));
    }
    if (parts.length === 1 && parts[0] === r) kept.push(ref);
    else {
      changed = true;
      pushAll(kept, parts.map(refOf));
    }
  }
  return changed ? kept.join(' ') : sqref;
}
