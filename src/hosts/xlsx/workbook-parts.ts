/** The workbook-wide parts a sheet is read with: the sheet list, the number formats, the shared strings. */
import { emphasisOf } from '../../core/grid';
import { BUILTIN_FORMATS } from './builtin-formats';
import { isDateFormat } from './cell-text';
import { PackageError } from './package-error';
import { prefixedAttr, type PackageParts } from './xml-part';

const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  styles: '/styles',
  sharedStrings: '/sharedStrings',
};

export interface SheetEntry {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The worksheet part; undefined for chart, dialog and macro sheets, which hold no cells to check. */
  part?: string;
}

export interface WorkbookParts {
  workbook: string;
  date1904: boolean;
  sheets: SheetEntry[];
  styles?: string;
  sharedStrings?: string;
}

/** The workbook part as the package's root relationships name it (`xl/workbook.xml` in practice). */
function workbookPart(parts: PackageParts): string {
  for (const r of parts.rels('').values()) {
    if (!r.external && r.type.endsWith(REL.officeDocument)) return r.target;
  }
  return 'xl/workbook.xml';
}

export function readWorkbookParts(parts: PackageParts): WorkbookParts {
  const workbook = workbookPart(parts);
  const listed: Array<{ name: string; id: string | undefined; state: string | undefined }> = [];
  let date1904 = false;
  parts.parse(
    workbook,
    {
      open(name, a) {
        if (name === 'sheet') listed.push({ name: a.name ?? '', id: prefixedAttr(a, 'id'), state: a.state });
        // ExcelJS takes only "1"; "true" is the same xsd:boolean.
        else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    },
    'the workbook',
  );
  if (listed.length === 0) throw new PackageError('corrupt', `${workbook}: the workbook lists no sheets`);
  const rels = parts.rels(workbook);
  const out: WorkbookParts = { workbook, date1904, sheets: [] };
  for (const r of rels.values()) {
    if (r.external) continue;
    if (r.type.endsWith(REL.styles)) out.styles = r.target;
    else if (r.type.endsWith(REL.sharedStrings)) out.sharedStrings = r.target;
  }
  // ExcelJS finds these two by their usual names whatever the relationships say.
  if (!out.styles && parts.has('xl/styles.xml')) out.styles = 'xl/styles.xml';
  if (!out.sharedStrings && parts.has('xl/sharedStrings.xml')) out.sharedStrings = 'xl/sharedStrings.xml';
  for (const s of listed) {
    const rel = s.id === undefined ? undefined : rels.get(s.id);
    if (!rel || rel.external) {
      throw new PackageError('missing-part', `${workbook}: sheet "${s.name}" names no part in ${relsName(workbook)}`);
    }
    const entry: SheetEntry = { name: s.name };
    if (s.state === 'hidden' || s.state === 'veryHidden') entry.state = s.state;
    if (rel.type.endsWith(REL.worksheet)) {
      if (!parts.has(rel.target)) throw new PackageError('missing-part', `${rel.target} (sheet "${s.name}")`);
      entry.part = rel.target;
    }
    out.sheets.push(entry);
  }
  return out;
}

function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Per cell style index (`s`): the number format a cell shows, and whether it shows a date. */
export interface CellFormats {
  /** Undefined for General and for styles without a number format. */
  format: Array<string | undefined>;
  date: boolean[];
  /** Points above the workbook's first (body) font, plus one when bold; 0 for body text. */
  emphasis: number[];
}


export function readStyles(parts: PackageParts, part: string | undefined): CellFormats {
  const out: CellFormats = { format: [], date: [], emphasis: [] };
  if (!part) return out;
  const custom = new Map<number, string>();
  const xfs: Array<{ numFmt: number; font: number }> = [];
  const fonts: Array<{ bold: boolean; size: number | null }> = [];
  let inCellXfs = false;
  let inFonts = false;
  let font: { bold: boolean; size: number | null } | null = null;
  parts.parse(
    part,
    {
      open(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) {
          // ExcelJS drops the backslash of every escaped character, and so the Grid shows the code.
          custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push({ numFmt: parseInt(a.numFmtId ?? '', 10), font: parseInt(a.fontId ?? '0', 10) });
        else if (name === 'fonts') inFonts = true;
        else if (name === 'font' && inFonts) font = { bold: false, size: null };
        else if (font && name === 'b') font.bold = a.val === undefined || a.val === '1' || a.val === 'true';
        else if (font && name === 'sz') font.size = parseFloat(a.val ?? '') || null;
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
        else if (name === 'fonts') inFonts = false;
        else if (name === 'font' && font) {
          fonts.push(font);
          font = null;
        }
      },
    },
    'the styles',
  );
  const base = fonts[0]?.size ?? 11;
  xfs.forEach((xf, i) => {
    const id = xf.numFmt;
    const code = id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
    out.date[i] = isDateFormat(code);
    out.format[i] = code && code !== 'General' ? code : undefined;
    const f = fonts[Number.isFinite(xf.font) ? xf.font : 0];
    out.emphasis[i] = f ? emphasisOf(f.bold, f.size, base) : 0;
  });
  return out;
}

/** `_x000D_` and the like: characters XML cannot hold, escaped as Excel writes them (ExcelJS decodes upper-case hex). */
export function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Every shared string as the text it shows: runs of rich text joined, phonetic guides (`rPh`)
 * left out. Read as a stream, a string at a time.
 */
export function readSharedStrings(parts: PackageParts, part: string): string[] {
  const out: string[] = [];
  let current = '';
  let piece: string[] | null = null;
  let phonetic = 0;
  parts.parse(
    part,
    {
      // The parser closes a self-closing element too, so each element is counted at its close.
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) piece = [];
      },
      text(t) {
        if (piece) piece.push(t);
      },
      close(name) {
        if (name === 't' && piece) {
          current += unescapeX(piece.join(''));
          piece = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si') out.push(current);
      },
    },
    'the shared strings',
  );
  return out;
}
