/**
 * Calendar arithmetic on plain year-month-day numbers, and Excel's date serials: the one home of
 * serial ↔ ISO. Where a Date object appears it is a UTC instant, never a local time.
 */

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (its phantom 1900-02-29 included) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DAYS_1904 = 1462;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] as number);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` read digit by digit (this runs several times per node); anything else as before. */
export function parseIso(s: string): { y: number; m: number; d: number } {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    let y = 0;
    let m = 0;
    let d = 0;
    let ok = true;
    for (let i = 0; i < 10 && ok; i++) {
      if (i === 4 || i === 7) continue;
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) ok = false;
      else if (i < 4) y = y * 10 + c;
      else if (i < 7) m = m * 10 + c;
      else d = d * 10 + c;
    }
    if (ok) return { y, m, d };
  }
  // Each dash-separated piece as a number, as these were always read.
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** Days since 1970-01-01 of an ISO date, for comparing and counting. */
export function dayNumber(s: string): number {
  const { y, m, d } = parseIso(s);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The ISO date of a day number (days since 1970-01-01), the inverse of dayNumber. */
export function dayNumberIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date of an Excel serial in the 1900 date system (serial 1 is 1900-01-01, 60 the phantom 1900-02-29). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  // Excel counts the non-existent 1900-02-29, so serials after it are one day ahead.
  const days = whole > 60 ? whole - UNIX_EPOCH_SERIAL : whole - UNIX_EPOCH_SERIAL + 1;
  const ms = days * MS_PER_DAY;
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The serial of an ISO date or date-time (read as UTC), fractional for a time; NaN for what is no date. */
export function isoToSerial(isoText: string): number {
  const ms = Date.parse(isoText.length === 10 ? `${isoText}T00:00:00Z` : isoText.endsWith('Z') ? isoText : `${isoText}Z`);
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Serial → ISO instant, to the millisecond (the journal's `$date`). */
export function serialToInstant(serial: number): string {
  return serialToDate(serial).toISOString();
}

/** An ISO instant as the calendar date it means (`2018-03-31`), or date and time when it has one (`2018-03-31T08:30:00`). */
export function calendarIso(instant: string): string {
  return instant.endsWith('T00:00:00.000Z') ? instant.slice(0, 10) : instant.slice(0, 19);
}

/** The serial of a UTC instant, in the workbook's date system. */
export function dateToSerial(d: Date, date1904 = false): number {
  return d.getTime() / MS_PER_DAY + (date1904 ? UNIX_EPOCH_SERIAL - DAYS_1904 : UNIX_EPOCH_SERIAL);
}

/** A serial as the UTC instant it stands for, rounded to the millisecond (as ExcelJS reads one), in the workbook's date system. */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY));
}

/**
 * The calendar date of a Grid date value (`2018-03-31` or a date-time), or null when the host gave a
 * date past 9999-12-31 (serial 2958465), which Excel cannot show: the cell reads `####` there, and an
 * ISO string of such a year (`+057235-03-14`) is no date of the report.
 */
export function gridDateIso(value: string): string | null {
  const d = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

export function monthEnd(y: number, m: number): string {
  return iso(y, m, daysInMonth(y, m));
}

export function quarterRange(y: number, q: number): [string, string] {
  const first = (q - 1) * 3 + 1;
  return [iso(y, first, 1), monthEnd(y, first + 2)];
}
