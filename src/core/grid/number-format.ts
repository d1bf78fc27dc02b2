/**
 * Enough of Excel's number formats to show numbers the way the sheet shows them in findings:
 * percentages, fixed decimals and thousands separators. Anything else falls back to the plain number.
 */
export function formatNumber(n: number, format: string | undefined): string {
  if (!format) return plainNumber(n);
  const section = format.split(';')[0] ?? '';
  const stripped = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const percent = stripped.includes('%');
  const decimals = /\.(0+)/.exec(stripped)?.[1]?.length ?? (/[0#]/.test(stripped) ? 0 : -1);
  if (decimals < 0) return plainNumber(n);
  const x = percent ? n * 100 : n;
  let s = x.toFixed(decimals);
  if (stripped.includes(',')) {
    const [int, frac] = s.split('.');
    s = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return percent ? `${s}%` : s;
}

function plainNumber(n: number): string {
  // Excel shows at most 11 significant digits in General; floating noise such as 0.30000000000000004 goes.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(11)));
}
