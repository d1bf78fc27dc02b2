/**
 * A `sqref` (the cells a dropdown or format covers: `K3:K9 K11 M3:M56`) with some cells taken out.
 * The writer takes out dropdowns by the cells the journal names, one by one, but a program that
 * saved the file in between (Excel, LibreOffice, ExcelJS) may have joined them with others into
 * ranges: a rule is cut down to the cells it keeps, never dropped whole nor left whole.
 */
import { pushAll } from '../../../core/arrays';
import { parseRange, rangeAddress, type RangeRef } from '../../../core/grid';

type Rect = RangeRef;

/** A reference (`K3`, `$K$3:$K$9`) as a rectangle; null when it is not one (a whole column, a typo). */
function rectOf(ref: string): Rect | null {
  try {
    return parseRange(ref.replace(/\$/g, ''));
  } catch {
    return null;
  }
}

const refOf = rangeAddress;

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
