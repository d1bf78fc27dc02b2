/** The plan year: from a title (`…2018年度…`), else the year the cells mention most. */

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
const ANY_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
// A year a text aims at (`到2020年`, `至2025年`, `by 2030`) is a target, not the year the plan is for.
const CELL_YEAR = /(?<!\d|到\s*|至\s*|by\s|until\s)((?:19|20)\d{2})(?=\s*(?:年|[.\-/]\s*\d))/g;

/** A year of the Republic of China calendar as Taiwan writes it (`108年度` is 2019). */
const ROC_YEAR = /(?<!\d)(1[0-4]\d)\s*年/;
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
