/** Reading labels, item numbers and weights out of cell text. */
import { declaredPoints, isVeto } from './content-signals';
import { collapseSpace, removeSpaceBetweenHan, toHalfWidth } from './text';

const ORDINAL_PREFIX = /^\s*(?:\d{1,2}(?:\.\d{1,2})+(?=[\u4e00-\u9fff])(?!分|万|亿|元|倍|个)|\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Za-z])|[A-Z]{1,4}\d*(?:[-.]\d+)+\s+|[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d{1,3}\s*[.、．](?!\d))\s*/;
/** A trailing total in brackets: the points (（400分）), the share (（25%）) or the count of items (（3个）) a group holds. */
// `（7分）`, `(40)` in a form of points, and points in parts (`（23分+10分）`: the base and a bonus).
const DECLARED_SUFFIX = /\s*[（(]\s*\d+(?:\.\d+)?\s*(?:分|%|％|个|個|项|項|条|條|件)?(?:\s*[+＋]\s*\d+(?:\.\d+)?\s*(?:分|%|％|个|個|项|項|条|條|件))*\s*[)）]\s*$/;

/** A category label as it appears in a path: no ordinal, no declared total, no spaces between Chinese characters. */
export function categoryLabel(text: string): string {
  // Each task asks it of its category cells, and neighbouring tasks mostly share them: the last one is remembered.
  if (text !== lastCategoryText) {
    lastCategoryLabel = removeSpaceBetweenHan(collapseSpace(text.replace(ORDINAL_PREFIX, '').replace(DECLARED_SUFFIX, '')));
    lastCategoryText = text;
  }
  return lastCategoryLabel;
}

let lastCategoryText: string | undefined;
let lastCategoryLabel = '';

export { declaredPoints };

/** The item number that leads a heading such as `1. 推动…` or `（3）…`, or null. */
export function leadingNumber(text: string): string | null {
  const s = toHalfWidth(text);
  const m = /^\s*[（(]?\s*(\d{1,3})\s*[)）.、．](?!\d)/.exec(s);
  if (m) return m[1] as string;
  // `Recommendation 1\nIt is recommended…`, `Action 3 Review…`: the item names its kind and number.
  const named = /^\s*(?:recommendation|action|objective|priority|goal|outcome|item|task|commitment)\s+(\d{1,3}(?:\.\d{1,3})*)\b/i.exec(s);
  if (named) return named[1] as string;
  // `1.1.1总床位数`, `2.3专业基地…`: a numbering of levels that runs straight into the text.
  const levels = /^\s*(\d{1,2}(?:\.\d{1,2})+)(?=[\u4e00-\u9fff])(?!分|万|亿|元|倍|个)/.exec(s);
  if (levels) return levels[1] as string;
  // `7.105年度補助…`: the item's number runs into the year it speaks of.
  const beforeYear = /^\s*(\d{1,2})\s*[.．](?=\d{3,4}\s*(?:學|学)?年)/.exec(s);
  if (beforeYear) return beforeYear[1] as string;
  // `（一）…`, `一、…`: the Chinese ordinal is the number as written.
  const han = /^\s*(?:[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]|([一二三四五六七八九十]{1,3})\s*[、.．])/.exec(s);
  if (han) return (han[1] ?? han[2]) as string;
  // An action code that opens the text (`OP3-01.01 Work with…`, `A1.2 Review…`) is the item's number.
  const code = /^\s*([A-Z]{1,4}\d*(?:[-.]\d+)+)\s+\S/.exec(s);
  return code ? (code[1] as string) : null;
}

export interface ParsedWeight {
  weight: number | null;
  veto: boolean;
  /** The cell as written when it is not a plain number. */
  text: string | null;
}

/** `10` → 10; `10分` → 10; `一票否决\n10` → 10 with veto; `一票否决` → veto without points. */
export function parseWeight(value: number | null, text: string): ParsedWeight {
  if (value !== null) return { weight: value, veto: false, text: null };
  const s = toHalfWidth(text).trim();
  if (s === '') return { weight: null, veto: false, text: null };
  const veto = isVeto(s);
  const plain = /^(\d+(?:\.\d+)?)\s*(?:分|%)?$/.exec(s);
  if (plain && !veto) return { weight: Number(plain[1]), veto: false, text: s === plain[1] ? null : text };
  // A range (`0.5-1.5分`) or a list of grades (`3、2、1分`) gives up to its highest value: the item's points.
  const graded = /^(\d+(?:\.\d+)?)(?:\s*分)?(?:\s*(?:[-—~～至到、,，/]\s*)(\d+(?:\.\d+)?)(?:\s*分)?)+$/.exec(s);
  if (graded && !veto) {
    const values = (s.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
    return { weight: values.reduce((m, v) => (v > m ? v : m), 0), veto: false, text };
  }
  const nums = s.match(/\d+(?:\.\d+)?/g) ?? [];
  return { weight: veto && nums.length === 1 ? Number(nums[0]) : null, veto, text };
}
