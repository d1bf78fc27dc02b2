/**
 * A worksheet part streamed into a Grid, one element at a time, with ExcelJS's reading rules (so
 * that the Grid equals the one read through ExcelJS): the cell types, number formats and 1904
 * dates, shared formulas moved to each cell, inline and rich text, hidden rows and columns, and
 * cells under a merge other than its top-left one left out. Linear in cells and merges.
 */
import type { Cell, CellValue, Grid, RangeRef } from '../../core/grid';
import { keepLoneEmphasis, parseRange } from '../../core/grid';
import { serialToDate } from '../../core/dates';
import { displayText } from '../../core/grid';
import { dateValue } from './cell-text';
import { PackageError } from './package-error';
import { slideFormula } from './shared-formula';
import { unescapeX, type CellFormats } from './workbook-parts';
import type { PackageParts } from './xml-part';

export interface SheetContext {
  date1904: boolean;
  formats: CellFormats;
  /** Null when the package has no shared strings part; a cell that needs one is then an error. */
  sharedStrings: string[] | null;
  sharedStringsPart: string;
  /** Counts cells against the workbook's cap. */
  countCell(sheet: string): void;
}

const A = 65;

/** `AB12` → row 12, column 28, without a regular expression (this runs once per cell). */
function decodeAddress(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < A || ch > 90) break;
    col = col * 26 + (ch - A + 1);
  }
  if (i === 0 || i > 3) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row > 0 && i < ref.length ? { row, col } : null;
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

export function readSheetPart(parts: PackageParts, part: string, name: string, ctx: SheetContext): Grid {
  const rows: Grid['rows'] = [];
  const merges: RangeRef[] = [];
  const hidden = new Set<number>();
  const cols: Array<{ min: number; max: number; hidden: boolean }> = [];
  const masters = new Map<string, { row: number; col: number; formula: string | undefined }>();
  let rowCount = 0;
  let colCount = 0;

  // The row and cell being read.
  let rowNo = 0;
  let line: Array<Cell | undefined> | undefined;
  let prevCol = 0;
  let inSheetData = false;
  let cRow = 0;
  let cCol = 0;
  let cType: string | undefined;
  let cStyle = 0;
  let vText: string | undefined;
  let fText: string | undefined;
  let fShare: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let inline: string | undefined;
  /** What text goes into now: the value, the formula, or a piece of inline text. */
  let into: 'v' | 'f' | 't' | null = null;
  let tPiece = '';
  let phonetic = 0;

  const where = (): string => `${part} (sheet "${name}", cell ${cellName(cRow, cCol)})`;

  const endCell = (): void => {
    const formats = ctx.formats;
    const fmtIndex = cStyle > 0 && cStyle < formats.format.length ? cStyle : -1;
    const format = fmtIndex > 0 ? formats.format[fmtIndex] : undefined;
    const isDate = fmtIndex > 0 && formats.date[fmtIndex] === true;
    let value: CellValue | undefined;
    let formula: string | undefined;
    if (fText || fShare !== undefined) {
      formula = fText;
      if (fShare === 'shared' && fSi !== undefined) {
        if (fRef !== undefined) masters.set(fSi, { row: cRow, col: cCol, formula: fText });
        else if (!formula) {
          // A master after the cells sharing it is unknown to ExcelJS as well: no formula then.
          const m = masters.get(fSi);
          if (m?.formula) formula = slideFormula(m.formula, m, { row: cRow, col: cCol });
        }
      }
      if (vText) value = formulaResult(vText, cType, isDate, ctx.date1904);
    } else {
      const text = cType === 'inlineStr' ? (inline ?? vText) : vText;
      if (text !== undefined) value = plainValue(text, cType, isDate, ctx, where);
    }
    if (!value && !formula) return;
    // A formula whose cached result is missing still matters: show it as an empty string result.
    const v: CellValue = value ?? { kind: 'string', value: '' };
    const out: Cell = { value: v, text: displayText(v, format) };
    if (format) out.format = format;
    if (formula) out.formula = formula.replace(/^=/, '');
    const emphasis = formats.emphasis[cStyle] ?? 0;
    if (emphasis > 0) out.emphasis = emphasis;
    ctx.countCell(name);
    // A cell addressed to another row (a damaged file) goes where its address says.
    let target = cRow === rowNo ? line : rows[cRow - 1];
    if (!target) {
      target = [];
      rows[cRow - 1] = target;
      if (cRow === rowNo) line = target;
    }
    target[cCol - 1] = out;
    if (cCol > colCount) colCount = cCol;
    if (cRow > rowCount) rowCount = cRow;
  };

  parts.parse(
    part,
    {
      open(el, a) {
        if (inSheetData) {
          switch (el) {
            case 'row': {
              const r = a.r !== undefined ? parseInt(a.r, 10) : rowNo + 1;
              rowNo = Number.isFinite(r) && r > 0 ? r : rowNo + 1;
              // A row written twice is read as its last writing, as ExcelJS does.
              line = undefined;
              if (rows[rowNo - 1]) delete rows[rowNo - 1];
              if (isTrue(a.hidden)) hidden.add(rowNo);
              else hidden.delete(rowNo);
              prevCol = 0;
              return;
            }
            case 'c': {
              const addr = a.r !== undefined ? decodeAddress(a.r) : null;
              // A cell without an address is the one after the last; Excel always writes them.
              cRow = addr?.row ?? rowNo;
              cCol = addr?.col ?? prevCol + 1;
              prevCol = cCol;
              cType = a.t;
              cStyle = a.s !== undefined ? parseInt(a.s, 10) || 0 : 0;
              vText = fText = fShare = fSi = fRef = inline = undefined;
              phonetic = 0;
              into = null;
              return;
            }
            case 'v':
              into = 'v';
              return;
            case 'f':
              into = 'f';
              fShare = a.t;
              fSi = a.si;
              fRef = a.ref;
              return;
            case 'rPh':
              phonetic++;
              return;
            case 't':
              if (phonetic === 0) {
                into = 't';
                tPiece = '';
              }
              return;
          }
          return;
        }
        switch (el) {
          case 'sheetData':
            inSheetData = true;
            return;
          case 'mergeCell':
            if (a.ref) merges.push(mergeRange(a.ref, part, name));
            return;
          case 'col':
            cols.push({ min: parseInt(a.min ?? '0', 10), max: parseInt(a.max ?? '0', 10), hidden: isTrue(a.hidden) });
            return;
        }
      },
      text(s) {
        if (into === 'v') vText = vText === undefined ? s : vText + s;
        else if (into === 'f') fText = fText === undefined ? s : fText + s;
        else if (into === 't') tPiece += s;
      },
      close(el) {
        if (!inSheetData) return;
        switch (el) {
          case 'c':
            endCell();
            into = null;
            return;
          case 'v':
          case 'f':
            into = null;
            return;
          case 't':
            if (into === 't') {
              inline = (inline ?? '') + unescapeX(tPiece);
              into = null;
            }
            return;
          case 'rPh':
            phonetic--;
            return;
          case 'row':
            line = undefined;
            return;
          case 'sheetData':
            inSheetData = false;
            return;
        }
      },
    },
    `sheet "${name}"`,
  );

  dropMergedOver(rows, merges);
  for (const m of merges) {
    if (m.bottom > rowCount) rowCount = m.bottom;
    if (m.right > colCount) colCount = m.right;
  }
  const hiddenRows = [...hidden].sort((x, y) => x - y);
  const grid: Grid = { name, rowCount, colCount, rows, merges, hiddenRows, hiddenCols: hiddenColumns(cols) };
  // Without a styles part nothing stands out: the fonts are known all the same.
  grid.fonts = true;
  keepLoneEmphasis(grid);
  return grid;

  function plainValue(text: string, t: string | undefined, isDate: boolean, c: SheetContext, at: () => string): CellValue | undefined {
    switch (t) {
      case 's': {
        if (!c.sharedStrings) throw new PackageError('missing-part', `${c.sharedStringsPart} (needed by ${at()})`);
        const s = c.sharedStrings[parseInt(text, 10)];
        if (s === undefined) throw new PackageError('corrupt', `${at()}: shared string ${text} is not in ${c.sharedStringsPart}`);
        return s === '' ? undefined : { kind: 'string', value: s };
      }
      case 'str':
      case 'inlineStr':
        return text === '' ? undefined : { kind: 'string', value: text };
      case 'b':
        return { kind: 'boolean', value: parseInt(text, 10) !== 0 };
      case 'e':
        return text === '' ? undefined : { kind: 'error', value: text };
      case 'd':
        // ISO 8601 dates (rare; Excel writes serials): ExcelJS would read only the year as a number.
        return dateValue(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`));
      default: {
        const n = parseFloat(text);
        if (isDate) return dateValue(serialToDate(n, c.date1904));
        return Number.isFinite(n) ? { kind: 'number', value: n } : undefined;
      }
    }
  }
}

/**
 * A formula's cached result; only a number in a date format becomes a date. A result of 0 or
 * FALSE reads as none, as ExcelJS hands it over (its formula value keeps only truthy fields), so
 * that both readers give the same Grid; such a cell shows its formula with an empty result.
 */
function formulaResult(text: string, t: string | undefined, isDate: boolean, date1904: boolean): CellValue | undefined {
  switch (t) {
    case 'str':
      return text === '' ? undefined : { kind: 'string', value: text };
    case 'b':
      return parseInt(text, 10) !== 0 ? { kind: 'boolean', value: true } : undefined;
    case 'e':
      return { kind: 'error', value: text };
    default: {
      const n = parseFloat(text);
      if (isDate) return dateValue(serialToDate(n, date1904));
      return n !== 0 && Number.isFinite(n) ? { kind: 'number', value: n } : undefined;
    }
  }
}

/** `A3:A6` read as fast as the cells are (a 100k-row table has 175,000 merges); anything unusual through parseRange. */
function mergeRange(ref: string, part: string, sheet: string): RangeRef {
  const colon = ref.indexOf(':');
  const a = decodeAddress(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : decodeAddress(ref.slice(colon + 1));
  if (a && b) {
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  }
  try {
    return parseRange(ref);
  } catch {
    throw new PackageError('corrupt', `${part} (sheet "${sheet}"): not a merged range: ${ref}`);
  }
}

function cellName(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(A + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/**
 * Cells under a merge other than its top-left one hold nothing the user sees. Each merge visits
 * only the rows and columns that hold cells, so the work is bounded by the cells and the merges.
 */
function dropMergedOver(rows: Grid['rows'], merges: readonly RangeRef[]): void {
  let touched: number[] | null = null;
  for (const m of merges) {
    const lastRow = Math.min(m.bottom, rows.length);
    for (let r = m.top; r <= lastRow; r++) {
      const line = rows[r - 1];
      if (!line) continue;
      const lastCol = Math.min(m.right, line.length);
      for (let c = m.left; c <= lastCol; c++) {
        if ((r === m.top && c === m.left) || line[c - 1] === undefined) continue;
        delete line[c - 1];
        (touched ??= []).push(r);
      }
    }
  }
  if (!touched) return;
  for (const r of touched) {
    const line = rows[r - 1];
    if (!line) continue;
    let n = line.length;
    while (n > 0 && line[n - 1] === undefined) n--;
    if (n === 0) delete rows[r - 1];
    else line.length = n;
  }
  let n = rows.length;
  while (n > 0 && rows[n - 1] === undefined) n--;
  rows.length = n;
}

/** Hidden columns from `<col min max hidden>`, each range taken from where the last one ended (ExcelJS's rule). */
function hiddenColumns(cols: Array<{ min: number; max: number; hidden: boolean }>): number[] {
  const out: number[] = [];
  let next = 1;
  for (const col of [...cols].sort((x, y) => x.min - y.min)) {
    if (next < col.min) next = col.min;
    for (; next <= col.max; next++) if (col.hidden) out.push(next);
  }
  return out;
}
