/**
 * ExcelJS cell values as the workbench shows them: the number format language itself lives in
 * core/grid/display.ts (formatNumberCode); here is only what an ExcelJS value adds (dates as Date
 * objects, rich text, hyperlinks, formulas' cached results).
 */
import type ExcelJS from 'exceljs';
import { dateToSerial } from '../core/dates';
import { formatNumberCode, generalNumber, isDateFormatCode } from '../core/grid';

/** ExcelJS hands a date-formatted cell over as a Date (a UTC instant meaning a calendar date). */
function formatDateValue(d: Date, format: string | undefined): string {
  if (Number.isNaN(d.getTime())) return '#VALUE!';
  const serial = dateToSerial(d);
  if (format && isDateFormatCode(format)) return formatNumberCode(serial, format);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** The text a cell shows: its value (a formula's cached result) under its number format. */
export function displayText(value: ExcelJS.CellValue | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumberCode(value, format);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDateValue(value, format);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((p) => p.text ?? '').join('');
    if ('error' in value && value.error) return String(value.error);
    if ('hyperlink' in value && 'text' in value) return displayText(value.text as ExcelJS.CellValue, format);
    if ('formula' in value || 'sharedFormula' in value) return displayText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, format);
  }
  return String(value);
}

/** What the formula bar shows for a cell: its formula, or its value as typed. */
export function inputText(value: ExcelJS.CellValue | undefined, formula: string | undefined, format: string | undefined): string {
  if (formula) return `=${formula.replace(/^=/, '')}`;
  if (value instanceof Date) return formatDateValue(value, undefined);
  if (typeof value === 'number') return format && isDateFormatCode(format) ? formatNumberCode(value, 'yyyy-mm-dd') : generalNumber(value);
  return displayText(value, undefined);
}
