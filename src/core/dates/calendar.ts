/** Calendar arithmetic on plain year-month-day numbers; no Date objects, no time zones. */

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
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The ISO date of an Excel serial in the 1900 date system (serial 1 is 1900-01-01, 60 the phantom 1900-02-29). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  // Excel counts the non-existent 1900-02-29, so serials after it are one day ahead.
  const days = whole > 60 ? whole - 25_569 : whole - 25_568;
  const ms = days * 86_400_000;
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
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
