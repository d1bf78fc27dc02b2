/** How a cell's value becomes the Grid's value and text: one home for both readers of .xlsx. */
import type { CellValue } from '../../core/grid';
import { calendarIso, dateToSerial } from '../../core/dates';

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
