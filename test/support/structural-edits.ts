/**
 * What Excel (and LibreOffice) do to a workbook when a person inserts or deletes rows or columns or
 * renames a sheet, done to an ExcelJS workbook: cells, styles, merges, row heights and column widths
 * move; every reference to the moved cells, in formulas on any sheet, defined names, dropdowns and
 * conditional formats, is rewritten; a reference to a deleted cell becomes `#REF!`, a range loses
 * its deleted part; rows inserted take the dropdowns of the row above. ExcelJS itself does none of
 * this (its spliceRows moves cells only), so tests that play a user's structural edits on a
 * workbook go through here.
 */
import ExcelJS from 'exceljs';
import { cellAddress, columnLetters, columnNumber } from '../../src/core/grid';

export type StructuralEdit =
  | { kind: 'insert-rows' | 'delete-rows' | 'insert-columns' | 'delete-columns'; sheet: string; at: number; count: number }
  | { kind: 'rename'; sheet: string; to: string };

type Axis = 'row' | 'col';

interface Shift {
  sheet: string;
  axis: Axis;
  at: number;
  /** Positive: inserted; negative: deleted (rows or columns at..at-count-1). */
  count: number;
}

/** A 1-based index after the shift, or null when it was deleted. */
function moved(i: number, s: Shift): number | null {
  if (s.count > 0) return i >= s.at ? i + s.count : i;
  const end = s.at - s.count - 1;
  if (i < s.at) return i;
  if (i <= end) return null;
  return i + s.count;
}

/** A span [a, b] after the shift (a deleted end moves in), or null when all of it was deleted. */
function movedSpan(a: number, b: number, s: Shift): [number, number] | null {
  if (s.count > 0) return [moved(a, s) as number, moved(b, s) as number];
  const end = s.at - s.count - 1;
  const na = a >= s.at && a <= end ? s.at : (moved(a, s) as number);
  const nb = b >= s.at && b <= end ? s.at - 1 : (moved(b, s) as number);
  return nb < na ? null : [na, nb];
}

const REF = /(?<![A-Za-z0-9_.$!'\u00a0-\uffff])((?:'(?:[^']|'')+'|[A-Za-z_\u00a0-\uffff][A-Za-z0-9_.\u00a0-\uffff]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})(?![A-Za-z0-9_(])/g;

function sheetOf(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const p = prefix.slice(0, -1);
  return p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One reference (`$K$4:$K$7`, `J4`, `$4:$4`, `$K:$K`) after the shift, or `#REF!`. */
function shiftRef(ref: string, s: Shift): string {
  const parts = ref.split(':');
  type End = { colAbs: string; col?: number; rowAbs: string; row?: number };
  const ends: End[] = parts.map((p) => {
    const m = /^(\$?)([A-Z]{0,3})(\$?)(\d*)$/.exec(p) as RegExpExecArray;
    return { colAbs: m[1] as string, ...(m[2] ? { col: columnNumber(m[2]) } : {}), rowAbs: m[3] as string, ...(m[4] ? { row: Number(m[4]) } : {}) };
  });
  const key = s.axis === 'row' ? 'row' : 'col';
  const a = ends[0] as End;
  const b = (ends[1] ?? ends[0]) as End;
  if (a[key] === undefined) return ref;
  const span = movedSpan(a[key] as number, b[key] as number, s);
  if (!span) return '#REF!';
  if (ends.length === 1) {
    if (moved(a[key] as number, s) === null) return '#REF!';
  }
  a[key] = span[0];
  if (ends.length > 1) b[key] = span[1];
  const text = (e: End) => `${e.col !== undefined ? `${e.colAbs}${columnLetters(e.col)}` : ''}${e.row !== undefined ? `${e.rowAbs}${e.row}` : ''}`;
  return ends.length > 1 ? `${text(a)}:${text(b)}` : text(a);
}

/** A formula (without `=`) on sheet `host` after the shift; string literals are left alone. */
export function shiftFormula(formula: string, host: string, s: Shift): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REF, (all, prefix: string | undefined, ref: string) => {
            const sheet = sheetOf(prefix) ?? host;
            if (sheet !== s.sheet) return all;
            const out = shiftRef(ref, s);
            return out === '#REF!' ? '#REF!' : `${prefix ?? ''}${out}`;
          }),
    )
    .join('');
}

function renameFormula(formula: string, from: string, to: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(REF, (all, prefix: string | undefined, ref: string) => (sheetOf(prefix) === from ? `${quote(to)}!${ref}` : all))))
    .join('');
}

type Formattings = Array<{ ref: string; rules: Array<{ formulae?: unknown[] }> }>;
type ValidationModel = Record<string, unknown>;

function eachFormula(wb: ExcelJS.Workbook, rewrite: (f: string, host: string) => string): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === 'object' && typeof v.formula === 'string') {
          cell.value = { ...v, formula: rewrite(v.formula, ws.name) } as ExcelJS.CellFormulaValue;
        }
      }),
    );
    for (const cf of (ws as unknown as { conditionalFormattings: Formattings }).conditionalFormattings) {
      for (const rule of cf.rules) if (rule.formulae) rule.formulae = rule.formulae.map((f) => (typeof f === 'string' ? rewrite(f, ws.name) : f));
    }
  }
  const model = wb.definedNames.model as Array<{ name: string; ranges: string[] }>;
  wb.definedNames.model = model
    .map((n) => ({ ...n, ranges: n.ranges.map((r) => rewrite(r, '')).filter((r) => !r.includes('#REF!')) }))
    .filter((n) => n.ranges.length > 0) as never;
}

/** Every cell of a range `K3:L9`, row by row. */
function cellsOfRange(range: string): string[] {
  const [a, b] = range.replace(/\$/g, '').split(':') as [string, string];
  const pa = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
  const pb = /^([A-Z]+)(\d+)$/.exec(b) as RegExpExecArray;
  const out: string[] = [];
  for (let r = Number(pa[2]); r <= Number(pb[2]); r++) {
    for (let c = columnNumber(pa[1] as string); c <= columnNumber(pb[1] as string); c++) out.push(cellAddress(r, c));
  }
  return out;
}

/**
 * The cells, merges, sizes, dropdowns and formats of one sheet moved by the shift. Rows inserted
 * take the dropdowns of the row above them, as in Excel and LibreOffice (other formats of the row
 * above are not copied here: no test reads them).
 */
function moveSheet(ws: ExcelJS.Worksheet, s: Shift): void {
  const cells: Array<{ r: number; c: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }> = [];
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      cells.push({ r, c, value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})) });
    }),
  );
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  for (const m of merges) ws.unMergeCells(m);
  const rowProps = new Map<number, { height?: number; hidden: boolean }>();
  ws.eachRow({ includeEmpty: true }, (row, r) => rowProps.set(r, { ...(row.height !== undefined ? { height: row.height } : {}), hidden: row.hidden }));
  const colProps = new Map<number, { width?: number; hidden: boolean }>();
  (ws.columns ?? []).forEach((col, j) => colProps.set(j + 1, { ...(col.width !== undefined ? { width: col.width } : {}), hidden: !!col.hidden }));

  for (const x of cells) {
    const cell = ws.getCell(x.r, x.c);
    cell.value = null;
    cell.style = {};
  }
  for (const [r] of rowProps) {
    const row = ws.getRow(r);
    row.hidden = false;
    (row as { height?: number }).height = undefined;
  }
  for (const [c] of colProps) {
    const col = ws.getColumn(c);
    col.hidden = false;
    col.width = undefined as unknown as number;
  }
  const place = (r: number, c: number): [number, number] | null => {
    if (s.axis === 'row') {
      const nr = moved(r, s);
      return nr === null ? null : [nr, c];
    }
    const nc = moved(c, s);
    return nc === null ? null : [r, nc];
  };
  for (const x of cells) {
    const at = place(x.r, x.c);
    if (!at) continue;
    const cell = ws.getCell(at[0], at[1]);
    cell.value = x.value;
    cell.style = x.style;
  }
  for (const [r, p] of rowProps) {
    const nr = s.axis === 'row' ? moved(r, s) : r;
    if (nr === null) continue;
    const row = ws.getRow(nr);
    row.hidden = p.hidden;
    if (p.height !== undefined) row.height = p.height;
  }
  for (const [c, p] of colProps) {
    const nc = s.axis === 'col' ? moved(c, s) : c;
    if (nc === null) continue;
    const col = ws.getColumn(nc);
    col.hidden = p.hidden;
    if (p.width !== undefined) col.width = p.width;
  }
  for (const m of merges) {
    const out = shiftRef(m.replace(/\$/g, ''), s);
    if (out !== '#REF!' && out.includes(':')) {
      const [a, b] = out.split(':') as [string, string];
      if (a !== b) ws.mergeCells(out);
    }
  }
  const dv = (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
  const next: ValidationModel = {};
  for (const [key, v] of Object.entries(dv.model)) {
    for (const k of key.split(/\s+/)) {
      const out = shiftRef(k, s);
      if (out !== '#REF!') next[out] = v;
    }
  }
  // Rows inserted below a cell with a dropdown take it, as the rest of the row above's formats.
  if (s.axis === 'row' && s.count > 0 && s.at > 1) {
    for (const [key, v] of Object.entries(next)) {
      for (const k of key.split(':').length === 2 ? cellsOfRange(key) : [key]) {
        const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(k);
        if (!m || Number(m[2]) !== s.at - 1) continue;
        for (let r = s.at; r < s.at + s.count; r++) next[`${m[1]}${r}`] ??= v;
      }
    }
  }
  dv.model = next;
  const list = (ws as unknown as { conditionalFormattings: Formattings }).conditionalFormattings;
  for (let i = list.length - 1; i >= 0; i--) {
    const cf = list[i] as Formattings[number];
    const refs = cf.ref.split(/\s+/).map((r) => shiftRef(r, s)).filter((r) => r !== '#REF!');
    if (refs.length === 0) list.splice(i, 1);
    else cf.ref = refs.join(' ');
  }
}

/** Plays one edit on the workbook, as Excel would. */
export function playEdit(wb: ExcelJS.Workbook, e: StructuralEdit): void {
  const ws = wb.getWorksheet(e.sheet);
  if (!ws) throw new Error(`no sheet ${e.sheet}`);
  if (e.kind === 'rename') {
    eachFormula(wb, (f) => renameFormula(f, e.sheet, e.to));
    ws.name = e.to;
    return;
  }
  const s: Shift = {
    sheet: e.sheet,
    axis: e.kind.endsWith('rows') ? 'row' : 'col',
    at: e.at,
    count: e.kind.startsWith('insert') ? e.count : -e.count,
  };
  // References first, with the sheet's formulas where they are now; then the cells move.
  eachFormula(wb, (f, host) => shiftFormula(f, host, s));
  moveSheet(ws, s);
}

/** A cell's address after an edit, or null when the edit deleted it (for tests that follow a value). */
export function followCell(sheet: string, cell: string, e: StructuralEdit): { sheet: string; cell: string } | null {
  if (e.sheet !== sheet) return { sheet, cell };
  if (e.kind === 'rename') return { sheet: e.to, cell };
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  const s: Shift = { sheet, axis: e.kind.endsWith('rows') ? 'row' : 'col', at: e.at, count: e.kind.startsWith('insert') ? e.count : -e.count };
  const r = Number(m[2]);
  const c = columnNumber(m[1] as string);
  const nr = s.axis === 'row' ? moved(r, s) : r;
  const nc = s.axis === 'col' ? moved(c, s) : c;
  return nr === null || nc === null ? null : { sheet, cell: cellAddress(nr, nc) };
}
