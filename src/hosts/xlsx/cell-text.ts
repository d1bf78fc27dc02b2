/** How a cell's value becomes the Grid's value and text: one home for both readers of .xlsx. */
import type { CellValue } from '../../core/grid';
import { plainDisplayText } from '../../core/plan/user-view';
import { formatNumber } from '../../core/grid/number-format';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its leap-year bug) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DAYS_1904 = 1462;

export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Dates arrive as UTC instants; the workbook means a calendar date (and maybe a time). */
export function dateToIso(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A serial as ExcelJS turns it into a date: rounded to the millisecond, 1904 system shifted. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY));
}

export function dateValue(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return { kind: 'error', value: '#VALUE!' };
  return { kind: 'date', value: dateToIso(d), serial: dateToSerial(d) };
}

/** Whether a number format shows a date or a time (ExcelJS's test: a date letter outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export function displayText(value: CellValue, format: string | undefined): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
      return formatNumber(value.value, format);
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'date':
      return value.value.length === 10 ? value.value : value.value.replace('T', ' ');
    case 'error':
      return value.value;
  }
}

/** The text of a cell put back from a journal's before-image: numbers as their format shows them. */
export const userViewText = (v: CellValue, format: string | undefined): string =>
  v.kind === 'number' ? formatNumber(v.value, format) : plainDisplayText(v, format);
