/**
 * How a cell shows: the one home of display formatting.
 * - `displayText` is a Grid cell's text as both hosts read it (findings quote it, the recognizer reads
 *   it): General, or `formatNumber`'s percentages, fixed decimals and thousands separators.
 * - `formatNumberCode` is enough of Excel's number format language for what the workbench draws
 *   (dates such as `yyyy-mm-dd` and `yyyy"年"m"月"d"日"`, optional decimals `0.##`, sections, literal
 *   text). The hosts keep the smaller `formatNumber`: their text is what the recognizer and the
 *   golden reports were built on, so a richer display there would change the findings.
 */
import type { CellValue } from './grid';
import { serialToDate } from '../dates/calendar';

export type DisplayText = (value: CellValue, format: string | undefined) => string;

/** A cell value as General shows it: numbers to 11 significant digits, booleans in capitals, a date-time with a space. */
export const plainDisplayText: DisplayText = (v) => {
  switch (v.kind) {
    case 'number':
      return generalNumber(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date':
      return v.value.replace('T', ' ');
    default:
      return v.value;
  }
};

/** A Grid cell's text as the hosts read it: a number under its format, anything else as General. */
export const displayText: DisplayText = (v, format) => (v.kind === 'number' ? formatNumber(v.value, format) : plainDisplayText(v, format));

/** Percentages, fixed decimals and thousands separators; anything else falls back to General. */
export function formatNumber(n: number, format: string | undefined): string {
  if (!format) return generalNumber(n);
  const section = format.split(';')[0] ?? '';
  const stripped = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const percent = stripped.includes('%');
  const decimals = /\.(0+)/.exec(stripped)?.[1]?.length ?? (/[0#]/.test(stripped) ? 0 : -1);
  if (decimals < 0) return generalNumber(n);
  const x = percent ? n * 100 : n;
  let s = x.toFixed(decimals);
  if (stripped.includes(',')) {
    const [int, frac] = s.split('.');
    s = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return percent ? `${s}%` : s;
}

/** A number as General shows it: at most 11 significant digits. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // General shows at most 11 significant digits, so floating noise (0.30000000000000004) goes.
  return String(Number(n.toPrecision(11)));
}

type Token = { kind: 'lit'; text: string } | { kind: 'code'; text: string };

/** Splits one format section into literal text (quoted, escaped, or plain punctuation) and codes. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const push = (kind: Token['kind'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      push('lit', section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      push('lit', section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      // Colours, conditions and locale tags ([Red], [$-804]) change nothing we can show.
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      // `_)` pads with the width of a character, `*-` repeats one: a space stands in for either.
      push('lit', ch === '_' ? ' ' : '');
      i++;
    } else if (/[0#?.,%yYmMdDhHsSeE/:]/.test(ch) || section.startsWith('AM/PM', i) || section.startsWith('上午/下午', i)) {
      if (section.startsWith('AM/PM', i)) {
        push('code', 'AM/PM');
        i += 4;
      } else if (section.startsWith('上午/下午', i)) {
        push('code', 'AM/PM');
        i += 4;
      } else push('code', ch);
    } else {
      push('lit', ch);
    }
  }
  return out;
}

function isDateTokens(tokens: Token[]): boolean {
  const codes = tokens.filter((t) => t.kind === 'code').map((t) => t.text).join('');
  return /[yYdDhHsS]/.test(codes) || (/[mM]/.test(codes) && !/[0#?]/.test(codes));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function formatDate(serial: number, tokens: Token[]): string {
  const d = serialToDate(serial);
  const parts = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds() };
  const ampm = tokens.some((t) => t.kind === 'code' && t.text.includes('AM/PM'));
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    // Runs of one letter are one field; `m` after an hour or before seconds means minutes.
    const runs = t.text.match(/AM\/PM|([yYmMdDhHsS])\1*|./g) ?? [];
    runs.forEach((run, i) => {
      const c = run[0]?.toLowerCase();
      const prev = runs.slice(0, i).reverse().find((r) => /^[a-zA-Z]/.test(r) && r !== 'AM/PM');
      const next = runs.slice(i + 1).find((r) => /^[a-zA-Z]/.test(r) && r !== 'AM/PM');
      if (run === 'AM/PM') out += parts.h < 12 ? 'AM' : 'PM';
      else if (c === 'y') out += run.length <= 2 ? pad(parts.y % 100, 2) : String(parts.y);
      else if (c === 'm' && (prev?.[0]?.toLowerCase() === 'h' || next?.[0]?.toLowerCase() === 's')) out += run.length >= 2 ? pad(parts.min, 2) : String(parts.min);
      else if (c === 'm') out += run.length >= 2 ? pad(parts.m, 2) : String(parts.m);
      else if (c === 'd') out += run.length >= 2 ? pad(parts.d, 2) : String(parts.d);
      else if (c === 'h') {
        const h = ampm ? ((parts.h + 11) % 12) + 1 : parts.h;
        out += run.length >= 2 ? pad(h, 2) : String(h);
      } else if (c === 's') out += run.length >= 2 ? pad(parts.s, 2) : String(parts.s);
      else out += run;
    });
  }
  return out;
}

function formatFixed(n: number, tokens: Token[]): string {
  const codes = tokens.filter((t) => t.kind === 'code').map((t) => t.text).join('');
  const percent = codes.includes('%');
  const [intPart = '', fracPart = ''] = codes.replace(/%/g, '').split('.');
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const grouping = intPart.includes(',') && /[0#?],[0#?]/.test(intPart);
  // Trailing commas scale by thousands (`0,` shows 12000 as 12).
  const scale = Math.pow(1000, (/(,+)$/.exec(intPart)?.[1]?.length ?? 0));
  const x = Math.abs((percent ? n * 100 : n) / scale);
  let s = x.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    const [i, f = ''] = s.split('.');
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    // Excel keeps the decimal point of `0.##` even when no digit follows it.
    s = `${i}.${frac}`;
  }
  const minInt = (intPart.match(/0/g) ?? []).length;
  let [i = '', f] = s.split('.');
  if (minInt === 0 && i === '0') i = '';
  else i = i.padStart(minInt, '0');
  if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = f !== undefined ? `${i}.${f}` : i;
  // The literal text around the digits stays where the format puts it.
  let out = '';
  let placed = false;
  for (const t of tokens) {
    if (t.kind === 'lit') out += t.text;
    else if (!placed) {
      out += number + (percent ? '%' : '');
      placed = true;
    }
  }
  return out;
}

/** A number under a format code, as Excel shows it (the workbench's cells). */
export function formatNumberCode(n: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format.trim())) return generalNumber(n);
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0] ?? '';
  let value = n;
  let sign = '';
  if (n < 0 && sections.length >= 2) {
    section = sections[1] ?? section;
    value = -n;
  } else if (n === 0 && sections.length >= 3) {
    section = sections[2] ?? section;
  } else if (n < 0) {
    sign = '-';
    value = -n;
  }
  if (/^general$/i.test(section.trim())) return sign + generalNumber(value);
  const tokens = tokenize(section);
  if (isDateTokens(tokens)) return formatDate(n, tokens);
  if (!tokens.some((t) => t.kind === 'code' && /[0#?]/.test(t.text))) {
    return tokens.map((t) => (t.kind === 'lit' ? t.text : '')).join('') || sign + generalNumber(value);
  }
  return sign + formatFixed(value, tokens);
}

/** Whether a format code's first section shows a date or a time. */
export function isDateFormatCode(format: string): boolean {
  return isDateTokens(tokenize(format.split(';')[0] ?? ''));
}
