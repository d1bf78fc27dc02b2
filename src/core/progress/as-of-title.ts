/**
 * An as-of date stated in a table's title (`截至10月31日`, `截至2024年6月底`, `as at 31 March 2024`):
 * the date the table's figures are reported for, offered as the default as-of when none is given.
 * Only a date introduced by 截至 / 截止 / as at / as of counts (a title's deadline does not); a date
 * without a year takes the plan year, and with neither nothing is guessed.
 */
import { daysInMonth, iso, isValidDate } from '../dates/calendar';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** 截至[YYYY年]M月[D日|底|末]? and 截至YYYY.M.D / YYYY-M-D / YYYY/M/D. */
const ZH = /(?:截至|截止|截止到|截止至)\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末))?/;
const ZH_NUMERIC = /(?:截至|截止|截止到|截止至)\s*(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})/;
const EN_DMY = new RegExp(String.raw`\bas\s+(?:at|of)\s+(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\.?,?\s+(\d{4})`, 'i');
const EN_MDY = new RegExp(String.raw`\bas\s+(?:at|of)\s+${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`, 'i');

function monthNumber(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

function date(y: number | null, m: number, d: number | null): string | null {
  if (y === null || m < 1 || m > 12) return null;
  const day = d ?? daysInMonth(y, m);
  return isValidDate(y, m, day) ? iso(y, m, day) : null;
}

export function asOfFromTitle(title: string | null | undefined, year: number | null): string | null {
  if (!title) return null;
  const text = title.normalize('NFKC');
  let m = text.match(ZH_NUMERIC);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  m = text.match(ZH);
  // A month alone (截至3月, 截至6月底) is its last day.
  if (m) return date(m[1] ? Number(m[1]) : year, Number(m[2]), m[3] ? Number(m[3]) : null);
  m = text.match(EN_DMY);
  if (m) return date(Number(m[3]), monthNumber(m[2] as string), Number(m[1]));
  m = text.match(EN_MDY);
  if (m) return date(Number(m[3]), monthNumber(m[1] as string), Number(m[2]));
  return null;
}
