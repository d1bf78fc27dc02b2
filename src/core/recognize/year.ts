/** The plan year: from a title (`…2018年度…`), else the year the cells mention most. */

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
const ANY_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
// A year a text aims at (`到2020年`, `至2025年`, `by 2030`) is a target, not the year the plan is for.
const CELL_YEAR = /(?<!\d|到\s*|至\s*|by\s|until\s)((?:19|20)\d{2})(?=\s*(?:年|[.\-/]\s*\d))/g;

/** A year of the Republic of China calendar as Taiwan writes it (`108年度` is 2019). */
const ROC_YEAR = /(?<!\d)(1[0-4]\d)\s*(?:學|学)?年/;
const ROC_OFFSET = 1911;

export function yearFromTitle(titles: readonly string[]): number | null {
  for (const t of titles) {
    const m = TITLE_YEAR.exec(t) ?? ANY_YEAR.exec(t);
    if (m) return Number(m[1]);
    const roc = ROC_YEAR.exec(t);
    if (roc) return Number(roc[1]) + ROC_OFFSET;
  }
  return null;
}

/** The most mentioned year in the texts (ties go to the later year), or null. */
/** A year after an English month (`May 2012`, `28 February 2018`, `Sept. 2008`). */
const MONTH_YEAR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{2})(?!\d)/gi;

/**
 * `lines`: the lines above the header and the section lines inside the body, which date the table
 * in words as well (`May 2012`); a `July 2024` inside a milestone's timeline does not.
 */
export function yearFromCells(texts: Iterable<string>, dateYears: Iterable<number> = [], lines: Iterable<string> = []): number | null {
  const counts = new Map<number, number>();
  const count = (y: number): void => {
    counts.set(y, (counts.get(y) ?? 0) + 1);
  };
  for (const t of texts) for (const m of t.matchAll(CELL_YEAR)) count(Number(m[1]));
  for (const t of lines) for (const m of [...t.matchAll(CELL_YEAR), ...t.matchAll(MONTH_YEAR)]) count(Number(m[1]));
  for (const y of dateYears) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

/** Dates a form asks to be filled in, and review dates ahead: they say when, not which plan year. */
const NOT_PLAN_DATE = /(?:填报|填表|报送|打印|制表)(?:日期|时间)\s*[:：]?\s*[\d.\-/年月日\s]+|next\s+review[^.;]*|review\s+date[^.;]*|展望[^。；;]*/gi;

/** The day a register was issued, adopted or last reviewed (`Published on 16/11/2023`, `Latest amendment 20.05.24`). */
const ISSUED = /\b(?:published|approved|adopted|amended|amendment|reviewed|issued|updated|revised|dated|compiled)\b(.*)$/i;
/** A day (`16/11/2023`, `20.05.24`, `8th Oct 25`, `6 February 2018`) or a month and year (`May 2023`). */
const DAY_OR_MONTH = /(?<!\d)\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|[a-z]{3,9})[\s./-]+(\d{4}|\d{2})(?!\d)|\b[a-z]{3,9}\s+((?:19|20)\d{2})(?!\d)/gi;

/** Years of a programme or a period of several years (`2013 – 2017`, `103年至105年`): no one plan year. */
const SPAN = /((?:19|20)\d{2}|1[0-4]\d)\s*年?\s*(?:[-–—~～至到]|to)\s*(?:[a-z]{3,9}\.?\s+)?((?:19|20)\d{2}|1[0-4]\d)\s*年?/gi;

function withoutLongSpans(text: string): string {
  return text.replace(SPAN, (m, a: string, b: string) => (Number(b) - Number(a) >= 2 ? ' ' : m));
}

/** Whether a line names a period of several years (`2024 - 2029`, `2025 to 2027`, `(2023-2027年)`). */
export function namesLongSpan(text: string): boolean {
  return SEVERAL_YEARS.test(text) || [...text.matchAll(SPAN)].some((m) => Number(m[2]) - Number(m[1]) >= 2);
}

/** A plan of several years said in words (`Priorities for Current & Future Years`, 三年行动计划). */
const SEVERAL_YEARS = /\b(?:current\s*(?:&|and)\s*future|future|coming)\s+years\b|\bmulti-?\s?year|[三五两二]年行动|中长期/i;

/** A reporting period within one year: a range of days or months, a half-year, a quarter. */
const PERIOD_LINE = /\d{1,2}\s+[a-z]{3,9}(?:\s+(?:19|20)\d{2})?\s*(?:[-–—]|to)\s*\d{1,2}\s+[a-z]{3,9}\s+(?:19|20)\d{2}|\b[a-z]{3,9}\s*(?:[-–—]|to)\s*[a-z]{3,9}\s+(?:19|20)\d{2}|\b(?:quarter|q[1-4]|half[-\s]?year|six[-\s]monthly)\b|上半年|下半年|季度|\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月/i;

/** A line without the dates a form asks for or looks ahead to (填报日期, next review). */
export function withoutFormDates(text: string): string {
  return text.replace(NOT_PLAN_DATE, ' ');
}

/** The year a header or a line states, leaving aside spans of several years. */
export function statedYear(texts: readonly string[]): number | null {
  return yearFromTitle(texts.map(withoutLongSpans));
}

/**
 * The plan year from the lines above the header, when no title says it: a year one of them states
 * (`Delivery Program 2013 – 2017`, `104年度`), else the day the register was issued or reviewed.
 * Dates a form asks for (填报日期) and review dates ahead say nothing of the plan.
 */
export function yearFromPrelude(lines: readonly string[], severalYears = false): number | null {
  // A line naming a span of years names no one year, whatever else it dates (`… to April 2020 (review deferred to May 2021)`).
  const cleaned = lines.map(withoutFormDates).filter((l) => !namesLongSpan(l));
  // Under a plan of several years only a period the sheet reports on (`1 July – 31 December 2013`) dates it.
  if (severalYears) {
    const period = cleaned.find((l) => PERIOD_LINE.test(l));
    return period !== undefined ? statedYear([period]) : null;
  }
  for (const l of cleaned) {
    if (ISSUED.test(l)) continue;
    const y = statedYear([l]);
    if (y !== null) return y;
  }
  for (const l of cleaned) {
    const m = ISSUED.exec(l);
    if (!m) continue;
    // Of several amendments (`amended 02.10.07, 09.04.13, 20.05.24`) the latest dates the register.
    let latest: number | null = null;
    for (const d of (m[1] as string).matchAll(DAY_OR_MONTH)) {
      const raw = (d[1] ?? d[2]) as string;
      const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
      if (latest === null || y > latest) latest = y;
    }
    if (latest !== null) return latest;
  }
  return null;
}
