/**
 * Deadline text → ParsedDeadline. The text is scanned left to right for date expressions (the
 * patterns below, longest match first); what lies between them decides whether two expressions make
 * one range (`7月1日-8月30日`, `第一季度至第二季度`). Only expressions with a 月, 季度, 年 word or a
 * four-digit year count: `7.5.1、10.1节日期间` holds item numbers, not dates.
 */
import type { Cell } from '../grid';
import { daysInMonth, gridDateIso, iso, isValidDate, monthEnd, quarterRange, serialToIso } from './calendar';
import type { DeadlinePart, InvalidReason, ParsedDeadline, Recurrence } from './deadline';

export interface DeadlineContext {
  /** The table's plan year, for dates written without one; null when nothing says it. */
  year: number | null;
}

/** Any leap year: the widest calendar, for checking days when the year is unknown. */
const LEAP_YEAR = 2024;

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const MONTHS_EN: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** A part before the year is known: month/day numbers and how to turn them into dates. */
interface RawPart {
  text: string;
  index: number;
  year: number | null;
  make: (year: number) => { kind: DeadlinePart['kind']; start?: string; end?: string; invalid?: InvalidReason };
}

type Handler = (m: RegExpExecArray) => Omit<RawPart, 'text' | 'index'> | null;

// A year, or one of the Republic of China calendar as Taiwan writes it (`113年12月`, `104.7.2`):
// three digits from 100 to 149, only where a month follows.
const Y = '(?<!\\d)((?:19|20)\\d{2}|1[0-4]\\d(?=\\s*(?:年\\s*\\d|[.\\-/]\\s*\\d{1,2}\\s*[.\\-/]\\s*\\d)))';
const ROC_OFFSET = 1911;
const SEP = '\\s*[.\\-/]\\s*';
const TO = '\\s*(?:-|~|—|–|－|至|到)\\s*';

function day(y: number, m: number, d: number): ReturnType<RawPart['make']> {
  if (m < 1 || m > 12) return { kind: 'date', invalid: { code: 'month-out-of-range', month: m } };
  if (!isValidDate(y, m, d)) return { kind: 'date', invalid: { code: 'day-out-of-range', month: m, days: daysInMonth(y, m) } };
  const s = iso(y, m, d);
  return { kind: 'date', start: s, end: s };
}

function month(y: number, m: number, which?: string): ReturnType<RawPart['make']> {
  if (m < 1 || m > 12) return { kind: 'period', invalid: { code: 'month-out-of-range', month: m } };
  const last = daysInMonth(y, m);
  switch (which) {
    case '底':
    case '末':
      return { kind: 'date', start: monthEnd(y, m), end: monthEnd(y, m) };
    case '初':
    case '上旬':
      return { kind: 'range', start: iso(y, m, 1), end: iso(y, m, 10) };
    case '中旬':
    case '中':
      return { kind: 'range', start: iso(y, m, 11), end: iso(y, m, 20) };
    case '下旬':
      return { kind: 'range', start: iso(y, m, 21), end: iso(y, m, last) };
    default:
      return { kind: 'period', start: iso(y, m, 1), end: iso(y, m, last) };
  }
}

function span(a: ReturnType<RawPart['make']>, b: ReturnType<RawPart['make']>): ReturnType<RawPart['make']> {
  if (a.invalid) return a;
  if (b.invalid) return b;
  return { kind: 'range', start: a.start as string, end: b.end as string };
}

function yearOf(s: string | undefined): number | null {
  if (s === undefined) return null;
  const y = Number(s);
  return y < 1000 ? y + ROC_OFFSET : y;
}

function quarters(text: string): number[] {
  // Only the quarter numbers: not the digits of a year before them.
  return [...text.replace(/^.*年/, '').replace(/季度.*$/, '').matchAll(/[一二三四1-4]/g)].map((x) => CN_DIGIT[x[0]] as number);
}

/** The patterns, most specific first; each match becomes one part. */
const PATTERNS: Array<[RegExp, Handler]> = [
  // 2018.03.31, 2018-9-31, 2018年6月30日, 2018. 03. 31, optionally to a second day: 2018.07.01-2018.08.30
  [
    new RegExp(`${Y}\\s*(?:[.\\-/]|年)\\s*(\\d{1,2})\\s*(?:[.\\-/]|月)\\s*(\\d{1,2})(?!\\d)\\s*[日号]?`, 'y'),
    (m) => ({ year: yearOf(m[1]), make: (y) => day(y, Number(m[2]), Number(m[3])) }),
  ],
  // 10.05.2023, 31-03-2024, 15/03/2023: day first, as European and British tables write it (Chinese
  // tables put the year first, above). With slashes a second number over 12 can only be a day
  // (US order, 03/15/2023); otherwise the day comes first.
  [
    new RegExp(`(?<![\\d.\\-/])(\\d{1,2})\\s*([.\\-/])\\s*(\\d{1,2})\\s*\\2\\s*((?:19|20)\\d{2})(?!\\d)`, 'y'),
    (m) => {
      const [a, b] = [Number(m[1]), Number(m[3])];
      const monthFirst = m[2] === '/' && b > 12 && a <= 12;
      return { year: yearOf(m[4]), make: (y) => (monthFirst ? day(y, a, b) : day(y, b, a)) };
    },
  ],
  // 2023.01-2023.12
  [
    new RegExp(`${Y}${SEP}(\\d{1,2})(?!\\d)${TO}((?:19|20)\\d{2})${SEP}(\\d{1,2})(?![\\d.\\-/])`, 'y'),
    (m) => ({ year: yearOf(m[1]), make: (y) => span(month(y, Number(m[2])), month(y + Number(m[3]) - Number(m[1]), Number(m[4]))) }),
  ],
  // 2023年6月底, 2023年6月
  [
    new RegExp(`${Y}\\s*年\\s*(\\d{1,2})\\s*月\\s*(底|末|初|上旬|中旬|下旬|份)?`, 'y'),
    (m) => ({ year: yearOf(m[1]), make: (y) => month(y, Number(m[2]), m[3]) }),
  ],
  // 8月15-30日
  [
    /(\d{1,2})\s*月\s*(\d{1,2})\s*(?:-|~|—|–|至|到)\s*(\d{1,2})\s*[日号]/y,
    (m) => ({ year: null, make: (y) => span(day(y, Number(m[1]), Number(m[2])), day(y, Number(m[1]), Number(m[3]))) }),
  ],
  // 3月31日
  [/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/y, (m) => ({ year: null, make: (y) => day(y, Number(m[1]), Number(m[2])) })],
  // 7-8月, 10-11月
  [
    /(\d{1,2})\s*(?:-|~|—|–|至|到)\s*(\d{1,2})\s*月(?!\s*\d)/y,
    (m) => ({ year: null, make: (y) => span(month(y, Number(m[1])), month(y, Number(m[2]))) }),
  ],
  // 4月底, 6月中旬, 9月
  [
    /(?<![\d个])(\d{1,2})\s*月\s*(底|末|初|上旬|中旬|下旬|份|中)?(?!\s*\d)/y,
    (m) => ({ year: null, make: (y) => month(y, Number(m[1]), m[2]) }),
  ],
  // 2018年第三季度, 第二、三季度, 一季度, 第一、二季度末
  [
    new RegExp(`(?:${Y}\\s*年\\s*)?第?[一二三四1-4](?:\\s*[、,，和及与]\\s*第?[一二三四1-4])*\\s*季度(?:末|底)?`, 'y'),
    (m) => {
      const qs = quarters(m[0]);
      const consecutive = qs.every((q, i) => i === 0 || q === (qs[i - 1] as number) + 1);
      if (!consecutive) return null;
      return {
        year: yearOf(m[1]),
        make: (y) => {
          const [start] = quarterRange(y, qs[0] as number);
          const [, end] = quarterRange(y, qs[qs.length - 1] as number);
          return { kind: 'period', start, end };
        },
      };
    },
  ],
  // Q3, Q3 2024
  [
    new RegExp(`\\bQ([1-4])(?:\\s*${Y})?\\b`, 'iy'),
    (m) => ({ year: yearOf(m[2]), make: (y) => { const [start, end] = quarterRange(y, Number(m[1])); return { kind: 'period', start, end }; } }),
  ],
  // 2018年上半年, 下半年, 全年, 年内, 年底前
  [
    new RegExp(`(?:${Y}\\s*年\\s*)?(上半年|下半年|全年|年内|年底|年末|年度内)`, 'y'),
    (m) => ({
      year: yearOf(m[1]),
      make: (y) => {
        switch (m[2]) {
          case '上半年':
            return { kind: 'period', start: iso(y, 1, 1), end: iso(y, 6, 30) };
          case '下半年':
            return { kind: 'period', start: iso(y, 7, 1), end: iso(y, 12, 31) };
          case '年底':
          case '年末':
            return { kind: 'date', start: iso(y, 12, 31), end: iso(y, 12, 31) };
          default:
            return { kind: 'period', start: iso(y, 1, 1), end: iso(y, 12, 31) };
        }
      },
    }),
  ],
  // 2006年春
  [
    new RegExp(`${Y}\\s*年\\s*(春|夏|秋|冬)季?`, 'y'),
    (m) => ({
      year: yearOf(m[1]),
      make: (y) => {
        const first = { 春: 3, 夏: 6, 秋: 9, 冬: 12 }[m[2] as '春'] as number;
        return first === 12
          ? { kind: 'period', start: iso(y, 12, 1), end: monthEnd(y + 1, 2) }
          : { kind: 'period', start: iso(y, first, 1), end: monthEnd(y, first + 2) };
      },
    }),
  ],
  // March 31, 2024 / 31 March 2024 / end of June; a month's name or its abbreviation as a whole
  // word, never the letters inside another (`Margaret`, `Summary`, `Primary`).
  [
    new RegExp(`(?<![a-z])(?:(\\d{1,2})\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:(?<=jan)uary|(?<=feb)ruary|(?<=mar)ch|(?<=apr)il|(?<=jun)e|(?<=jul)y|(?<=aug)ust|(?<=sept)ember|(?<=sep)tember|(?<=oct)ober|(?<=nov)ember|(?<=dec)ember)?(?![a-z])\\.?(?:\\s+(\\d{1,2})(?!\\d))?(?:,?\\s*${Y})?`, 'iy'),
    (m) => {
      const mo = MONTHS_EN[(m[2] as string).toLowerCase()] as number;
      const d = m[1] ?? m[3];
      return { year: yearOf(m[4]), make: (y) => (d ? day(y, mo, Number(d)) : month(y, mo)) };
    },
  ],
  // A year alone: 2024年, 2024年度
  [new RegExp(`${Y}\\s*年度?(?![\\d上下全内底末春夏秋冬第])`, 'y'), (m) => ({ year: yearOf(m[1]), make: (y) => ({ kind: 'period', start: iso(y, 1, 1), end: iso(y, 12, 31) }) })],
];

const RECURRING: Array<[RegExp, Recurrence]> = [
  [/每季度?的?第一个月/, 'quarter-first-month'],
  [/每月(?:底|末)/, 'month-end'],
  [/每个?月/, 'month'],
  [/每个?季度?/, 'quarter'],
  [/每半年/, 'half-year'],
  [/每年/, 'year'],
  [/每周/, 'week'],
  [/\b(?:half[\s-]?yearly|six[\s-]?monthly|every six months|biannually)\b/i, 'half-year'],
  [/\b(?:bi[\s-]?monthly|monthly|every month)\b/i, 'month'],
  [/\b(?:quarterly|every quarter)\b/i, 'quarter'],
  [/\b(?:annually|yearly|every year)\b/i, 'year'],
  [/\b(?:weekly|fortnightly|every week)\b/i, 'week'],
];

/** The text with its recurrence words (`每季度`, `Bi Monthly`) taken out: what else it says. */
export function withoutRecurrence(text: string): string {
  let rest = text;
  for (const [re] of RECURRING) rest = rest.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' ');
  return rest;
}

/** Words after a month that make it "before that month": 9月前 is due by the end of August. */
const BEFORE = /^\s*(?:前|之前|以前)/;
const CONNECTOR = /^\s*(?:-|~|—|–|－|至|到)\s*$/;

function scan(text: string): RawPart[] {
  const parts: RawPart[] = [];
  let i = 0;
  while (i < text.length) {
    let best: { part: Omit<RawPart, 'text' | 'index'>; length: number } | null = null;
    for (const [re, handler] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m || m[0].trim() === '') continue;
      const part = handler(m);
      if (part && (!best || m[0].length > best.length)) best = { part, length: m[0].length };
    }
    if (best) {
      parts.push({ ...best.part, text: text.slice(i, i + best.length).trim(), index: i });
      i += best.length;
    } else i++;
  }
  return parts;
}

/**
 * Parsed deadlines by year and text. The same text comes back down a column (every task's 第一季度)
 * and the same cell is parsed by recognition, the deadlines, the rules and progress: parsed once,
 * frozen so that no caller can change what the next one gets. Bounded, as a long-lived page keeps it.
 */
const MEMO = new Map<string, ParsedDeadline>();
const MEMO_MAX = 20_000;

export function parseDeadlineText(raw: string, ctx: DeadlineContext): ParsedDeadline {
  const key = `${ctx.year ?? ''}\u0000${raw}`;
  const hit = MEMO.get(key);
  if (hit) return hit;
  const out = parseUncached(raw, ctx);
  for (const p of out.parts) Object.freeze(p);
  Object.freeze(out.parts);
  Object.freeze(out);
  if (MEMO.size >= MEMO_MAX) MEMO.clear();
  MEMO.set(key, out);
  return out;
}

function parseUncached(raw: string, ctx: DeadlineContext): ParsedDeadline {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const found = scan(text);

  // Two parts joined only by 至 / - make one range.
  const merged: Array<RawPart & { until?: RawPart }> = [];
  for (const p of found) {
    const prev = merged[merged.length - 1];
    const between = prev ? text.slice(prev.index + (prev.until ?? prev).text.length + ((prev.until ?? prev).index - prev.index), p.index) : '';
    if (prev && !prev.until && CONNECTOR.test(between)) prev.until = p;
    else merged.push({ ...p });
  }

  let explicit: number | null = null;
  let noYear = false;
  const parts: DeadlinePart[] = [];
  for (const p of merged) {
    const partYear = p.year ?? explicit ?? ctx.year;
    if (p.year !== null) explicit = p.year;
    const endPart = p.until;
    const wording = endPart ? text.slice(p.index, endPart.index + endPart.text.length) : p.text;
    if (partYear === null) {
      // No year to give it, but 2月30日 is impossible in any year: check against a leap year.
      let probe = p.make(LEAP_YEAR);
      if (endPart) probe = span(probe, endPart.make(LEAP_YEAR));
      if (probe.invalid) parts.push({ kind: probe.kind, text: wording, invalid: probe.invalid, explicitYear: false });
      else {
        noYear = true;
        parts.push({ kind: endPart ? 'range' : 'date', text: wording, explicitYear: false });
      }
      continue;
    }
    let made = p.make(partYear);
    if (endPart) made = span(made, endPart.make(endPart.year ?? partYear));
    // 9月前: before September.
    const after = text.slice((endPart ?? p).index + (endPart ?? p).text.length);
    if (!endPart && made.kind === 'period' && /月$/.test(p.text) && BEFORE.test(after) && made.start) {
      const mo = Number(made.start.slice(5, 7));
      const [y, m] = mo === 1 ? [partYear - 1, 12] : [partYear, mo - 1];
      made = { kind: 'date', start: monthEnd(y, m), end: monthEnd(y, m) };
    }
    const part: DeadlinePart = { kind: made.kind, text: wording, explicitYear: p.year !== null };
    if (made.invalid) part.invalid = made.invalid;
    else {
      part.start = made.start as string;
      part.end = made.end as string;
    }
    parts.push(part);
  }

  const out: ParsedDeadline = { kind: 'text', text: raw, parts };
  if (noYear) out.noYear = true;
  if (parts.length === 0) {
    const rec = RECURRING.find(([re]) => re.test(text));
    if (rec) {
      out.kind = 'recurring';
      out.every = rec[1];
    }
    return out;
  }
  const valid = parts.filter((p) => !p.invalid && p.start && p.end);
  if (parts.length === 1) {
    const p = parts[0] as DeadlinePart;
    out.kind = p.invalid ? 'invalid' : p.kind;
  } else {
    out.kind = valid.length === 0 && parts.every((p) => p.invalid) ? 'invalid' : 'dates';
  }
  if (valid.length > 0) {
    out.start = valid.map((p) => p.start as string).sort()[0];
    out.end = valid.map((p) => p.end as string).sort().at(-1);
  }
  const rec = RECURRING.find(([re]) => re.test(text));
  if (rec && out.kind !== 'invalid') out.every = rec[1];
  return out;
}

/** A deadline cell: a real date, an Excel serial in a number cell, or text. */
export function parseDeadlineCell(cell: Cell, ctx: DeadlineContext): ParsedDeadline {
  const v = cell.value;
  if (v.kind === 'date') {
    const d = gridDateIso(v.value);
    if (d === null) {
      // Named by its serial, as the user typed it (20181231): the cell's own text is #### or a year past 9999.
      const text = String(Math.round(v.serial));
      return { kind: 'invalid', text, parts: [{ kind: 'date', text, invalid: { code: 'serial-out-of-range' }, explicitYear: true }] };
    }
    return { kind: 'date', text: cell.text, start: d, end: d, parts: [{ kind: 'date', text: cell.text, start: d, end: d, explicitYear: true }] };
  }
  if (v.kind === 'number' && v.value >= 20_000 && v.value < 80_000 && Number.isInteger(v.value)) {
    const d = serialToIso(v.value);
    if (d) return { kind: 'date', text: cell.text, start: d, end: d, parts: [{ kind: 'date', text: cell.text, start: d, end: d, explicitYear: true }] };
  }
  return parseDeadlineText(cell.text, ctx);
}
