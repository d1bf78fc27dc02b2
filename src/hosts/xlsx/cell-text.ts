/** How a cell's value becomes the Grid's value and text: one home for both readers of .xlsx. */
import type { CellValue } from '../../core/grid';
import { calendarIso, dateToSerial } from '../../core/dates';
import { plainDisplayText } from '../../core/plan/user-view';
import { formatNumber } from '../../core/grid/number-format';

export function dateValue(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return { kind: 'error', value: '#VALUE!' };
  // Dates arrive as UTC instants; the workbook means a calendar date (and maybe a time).
  return { kind: 'date', value: calendarIso(d.toISOString()), serial: dateToSerial(d) };
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
