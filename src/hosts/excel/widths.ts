/**
 * Column widths: the journal keeps them as ExcelJS does, in characters of the default font's
 * maximum digit width (7 px for Calibri 11), while Office.js speaks points. Excel draws a column of
 * w characters as w·7 + 5 pixels (the 5 is cell padding), at 96 pixels to 72 points.
 */
const DIGIT_PX = 7;
const PADDING_PX = 5;
const PT_PER_PX = 0.75;

export function charsToPoints(chars: number): number {
  return round((chars * DIGIT_PX + PADDING_PX) * PT_PER_PX);
}

export function pointsToChars(points: number): number {
  return round(Math.max(0, points / PT_PER_PX - PADDING_PX) / DIGIT_PX);
}

/** Excel's own default width of a column without one set, in characters. */
export const STANDARD_WIDTH_CHARS = 8.43;

/** Floating noise must not make a width read back differently from what was written. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
