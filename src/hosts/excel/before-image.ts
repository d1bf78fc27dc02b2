/**
 * Cells' before-images between Office.js and the journal's format (`{ value, style }`, the style in
 * the OOXML shape of ExcelJS). Office.js sees only part of a style, so what this host records is
 * marked `partial`: the number format, bold and the fill, which are all a plan or a fix changes.
 * It restores before-images of either host.
 */
import { isoToSerial, serialToInstant } from '../../core/dates';
import { BeforeImageSchema, type BeforeImage } from '../../core/plan/user-view';

/** What one load tells of a cell. */
export interface OfficeCell {
  value: unknown;
  formula: unknown;
  numberFormat: string;
  valueType: string;
  /** `#RRGGBB`, or null when the cell has no fill. */
  fill: string | null;
  bold: boolean;
}

/** What restoring writes into a cell: a constant or `=formula`, its number format, bold and fill. */
export interface CellWrite {
  formula?: string | number | boolean;
  numberFormat?: string;
  bold?: boolean;
  /** `RRGGBB`, or null to clear. */
  fill?: string | null;
}

export function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return f !== 'General' && /[yd]|m{1,4}(?![^;]*[hs])/i.test(f) && !/^[#0.,%\s]+$/.test(f);
}

function constant(value: unknown, numberFormat: string, valueType: string): unknown {
  if (value === '' || value === null || value === undefined) return null;
  if (valueType === 'Error') return { error: String(value) };
  // The journal keeps dates as dates, as the xlsx host does, so either host restores them as dates.
  if (typeof value === 'number' && isDateFormat(numberFormat)) return { $date: serialToInstant(value) };
  return value;
}

export function beforeImageOf(c: OfficeCell): BeforeImage {
  const isFormula = typeof c.formula === 'string' && c.formula.startsWith('=');
  const result = constant(c.value, c.numberFormat, c.valueType);
  const value = isFormula ? { formula: (c.formula as string).slice(1), ...(result !== null ? { result } : {}) } : result;
  const style: Record<string, unknown> = {};
  if (c.numberFormat && c.numberFormat !== 'General') style.numFmt = c.numberFormat;
  if (c.bold) style.font = { bold: true };
  if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.replace('#', '').toUpperCase()}` } };
  return { value, style, partial: true };
}

/**
 * Excel reads what is written into a cell as if typed: `=…` becomes a formula, `0012` the number 12,
 * `TRUE` a boolean, `2018-03-31` or `3/31` a date, and a leading `'` is taken off. A text that
 * would change so keeps a leading `'`, which makes Excel store it as the text it is.
 */
export function textForExcel(s: string): string {
  const t = s.trim();
  const typed =
    /^[='+\-@]/.test(s) ||
    /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,4}\s*日?)?$/.test(t) ||
    /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(t) ||
    /^[\uff10-\uff19\uff0e\uff0c]+$/.test(t);
  return typed ? `'${s}` : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A journal value as what Office.js writes into `formulas`. */
function officeValue(raw: unknown): string | number | boolean {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') return textForExcel(raw);
  if (!isRecord(raw)) return String(raw);
  if (typeof raw.$date === 'string') return isoToSerial(raw.$date);
  if (typeof raw.formula === 'string') return `=${raw.formula.replace(/^=/, '')}`;
  if (Array.isArray(raw.richText)) return textForExcel(raw.richText.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join(''));
  if (typeof raw.error === 'string') return raw.error;
  // A shared formula's text lives in its master cell; its result is the best Office.js can put back.
  if ('sharedFormula' in raw) return officeValue(raw.result);
  if ('text' in raw) return officeValue(raw.text);
  return JSON.stringify(raw);
}

function solidFill(fill: unknown): string | null {
  if (!isRecord(fill) || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const fg = fill.fgColor;
  // Theme and indexed colours have no RGB that Office.js could write back; such a fill is lost.
  return isRecord(fg) && typeof fg.argb === 'string' ? fg.argb.slice(-6).toUpperCase() : null;
}

export function writeOf(before: unknown): CellWrite {
  const b = BeforeImageSchema.safeParse(before);
  if (!b.success) return { formula: '' };
  const style = b.data.style;
  const font = isRecord(style.font) ? style.font : {};
  return {
    formula: officeValue(b.data.value),
    numberFormat: typeof style.numFmt === 'string' ? style.numFmt : 'General',
    bold: font.bold === true,
    fill: solidFill(style.fill),
  };
}
