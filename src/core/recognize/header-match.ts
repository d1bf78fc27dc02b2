/** Matching one header text against the synonym table. */
import { HEADER_SYNONYMS, KNOWN_WITHOUT_ROLE, PRIORITY_HEADERS } from './header-synonyms';
import { isPeriodLabel } from './period-labels';
import type { Role } from '../contract';
import { labelLength, normalizeHeader } from './text';

export interface HeaderMatch {
  role: Role;
  score: number;
  /** The synonym or keyword that matched. */
  word: string;
}

const EXACT = new Map<string, Role[]>();
for (const e of HEADER_SYNONYMS) {
  for (const w of e.exact) {
    const k = normalizeHeader(w);
    EXACT.set(k, [...(EXACT.get(k) ?? []), e.role]);
  }
}
const KNOWN = new Set(KNOWN_WITHOUT_ROLE.map(normalizeHeader));
interface Keyword {
  role: Role;
  word: string;
  score: number;
}
/** Keywords indexed by their first character, so a header is scanned once, not once per keyword. */
const KEYWORDS_BY_FIRST = new Map<string, Keyword[]>();
for (const e of HEADER_SYNONYMS) {
  for (const [kw, score] of e.keywords) {
    const word = normalizeHeader(kw);
    const first = word[0] as string;
    KEYWORDS_BY_FIRST.set(first, [...(KEYWORDS_BY_FIRST.get(first) ?? []), { role: e.role, word, score }]);
  }
}

const NONE: HeaderMatch[] = [];
const LATIN = /[a-z0-9]/;
const NO_ROLES: Role[] = [];
const SEQ_ONLY: Role[] = ['seq'];

/** Sheets repeat the same texts thousands of times; each is matched once. */
const memo = new Map<string, HeaderMatch[]>();
const MEMO_LIMIT = 50_000;

/** Sentence punctuation and long digit runs (dates, phone numbers) mark data, never a column label. */
const NOT_A_LABEL = /[。，；;]|\d{4}/;

/**
 * A year, month range, quarter or half-year that opens a header (`2023年`, `1- 8月`, `10-12月份`,
 * `一季度`, `截至6月底`, `Q2`), and a year at its end: taken off before matching, unless nothing is left.
 */
const PERIOD_PREFIX =
  /^(?:截至|截止|至)?\s*(?:(?:19|20)\d{2,3}(?:\s*[-/—]\s*\d{2,4})?\s*年度?\s*)?(?:\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月份?|\d{1,2}\s*月份?(?:底|末)?|第?[一二三四1-4]\s*季度|上半年|下半年|q[1-4]\b)?\s*(?:(?:19|20)\d{2}\s*)?/i;

/**
 * What a period prefix can open with (its first character after any spaces): a text opening otherwise
 * has none to take off, and most cells are spared running the long expression.
 */
const PERIOD_START = /^\s*[截至第上下一二三四q\d]/i;

export function withoutPeriod(text: string): string {
  if (!PERIOD_START.test(text)) return text;
  const m = PERIOD_PREFIX.exec(text);
  if (!m || m[0].trim() === '') return text;
  const rest = text.slice(m[0].length).replace(/^[\s的:：,，、]+/, '');
  return rest.length >= 2 ? rest : text;
}

/** Headers longer than this are sentences, not labels. */
export const MAX_HEADER_LENGTH = 24;

/** Every role the header suggests, best first; empty when none. */
export function matchHeader(text: string): HeaderMatch[] {
  // A label is short; a long cell is data, whatever words it holds.
  if (text.length > MAX_HEADER_LENGTH * 3) return NONE;
  // `2023年10-12月份进展情况`, `1-8月实际完成率`: the period a column covers does not change what it is.
  text = withoutPeriod(text);
  if (NOT_A_LABEL.test(text)) return NONE;
  const hit = memo.get(text);
  if (hit) return hit;
  const result = computeMatches(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  // Only labels are worth remembering; data cells rarely come back.
  if (result.length > 0 || text.length <= 8) memo.set(text, result);
  return result;
}

/** How a figure is counted, as statistics headers say it: the role of the column of such figures. */
const MEASURE_HEADERS: Array<[RegExp, Role, number]> = [
  [/^(?:计划|目标|预期|年度计划|全年计划|全年目标|年度目标)[\u4e00-\u9fa5]{0,6}(?:数|数量|个数|额|量|值|规模|总数)$/, 'goal', 0.75],
  [/^(?:累计|实际|已|当前|截至目前|目前)[\u4e00-\u9fa5]{0,6}(?:数|数量|个数|额|量|值|总数)$/, 'progress', 0.75],
  [/^[\u4e00-\u9fa5]{1,8}(?:率|比例)$|^占[\u4e00-\u9fa5]{1,8}$/, 'progress', 0.6],
];

/** The roles a whole label names, read also without a word for "label" (`Project Name`, `Action Title`, `Ref#`). */
function exactRoles(label: string): Role[] {
  const own = EXACT.get(label);
  if (own || !LATIN.test(label)) return own ?? NO_ROLES;
  // `Risk No`, `Rec. No.`, `Action #`: the number of the thing named, the seq.
  if (/\S\s*(?:#|no\.?|number|ref\.?)$/.test(label) && !/\b(?:yes|or)\s*\/?\s*no\.?$/.test(label)) return SEQ_ONLY;
  const named = label.replace(/\s*(?:name|title)$/, '');
  // `KPIs`, `Targets`: a plural names the same column.
  const singular = label.replace(/(?<=[a-z])s$/, '');
  return (named !== label && named !== '' ? EXACT.get(named) : undefined) ?? (singular !== label ? EXACT.get(singular) : undefined) ?? NO_ROLES;
}

const PRIORITY = new Set(PRIORITY_HEADERS.map(normalizeHeader));

/** A header that rates how urgent an item is (`Priority (H/M/L)`): its H/M/L are no status. */
export function isPriorityHeader(text: string): boolean {
  const h = normalizeHeader(text);
  return PRIORITY.has(h) || PRIORITY.has(h.replace(/[(（][^)）]*[)）]$/, ''));
}

function computeMatches(text: string): HeaderMatch[] {
  const h = normalizeHeader(text);
  if (h === '' || labelLength(h) > MAX_HEADER_LENGTH) return NONE;
  // Units in brackets (`分值（分）`, `权重(%)`) do not change what the column is.
  const bare = h.endsWith(')') || h.endsWith('）') ? h.replace(/[(（][^)）]*[)）]$/, '') : h;
  const out = new Map<Role, HeaderMatch>();
  for (const role of EXACT.get(h) ?? exactRoles(bare)) out.set(role, { role, score: 1, word: h });
  // `Corrective Action: Taken or Planned`, `Resolved: Yes or No`: the words before the colon name the column.
  const head = LATIN.test(bare) && out.size === 0 ? /^([^:]{3,}):/.exec(bare)?.[1]?.trim() : undefined;
  if (head) for (const role of exactRoles(head)) out.set(role, { role, score: 0.9, word: head });
  // A bracket that says what the column holds (`填表說明 (佐證資料及說明)`), not its unit, speaks too.
  const inBracket = bare !== h ? /[(（]([^)）]*)[)）]$/.exec(h)?.[1] : undefined;
  if (inBracket !== undefined && inBracket.length >= 2) {
    for (const role of EXACT.get(inBracket) ?? exactRoles(inBracket)) if (!out.has(role)) out.set(role, { role, score: 0.9, word: inBracket });
    const lead = /^[^及和与、/,]+/.exec(inBracket)?.[0];
    if (lead && lead !== inBracket) for (const role of EXACT.get(lead) ?? NO_ROLES) if (!out.has(role)) out.set(role, { role, score: 0.9, word: lead });
  }
  // A column per period (一季度 … 四季度) holds that period's milestone.
  if (out.size === 0 && isPeriodLabel(h)) out.set('node', { role: 'node', score: 0.9, word: h });
  // `Risk, Description and Owner`, `Status & next steps`: the first of the listed things names the
  // column, the others say what else it holds.
  if (out.size === 0 && LATIN.test(bare)) {
    const parts = bare.split(/\s*(?:,|&|;|\/|\band\b|\bincl(?:uding|\.)?)\s*/).filter((p) => p !== '');
    parts.forEach((part, i) => {
      if (parts.length < 2) return;
      for (const role of exactRoles(part)) {
        const score = i === 0 ? 0.85 : 0.55;
        if ((out.get(role)?.score ?? 0) < score) out.set(role, { role, score, word: part });
      }
    });
  }
  if (out.size === 0 || ![...out.values()].some((m) => m.score >= 1)) {
    const separator = LATIN.test(bare) ? /\s*(?:,|&|;|\band\b)\s*/.exec(bare) : null;
    const listStart = separator ? separator.index : Infinity;
    for (let i = 0; i < bare.length; i++) {
      for (const k of KEYWORDS_BY_FIRST.get(bare[i] as string) ?? []) {
        if (!bare.startsWith(k.word, i)) continue;
        // Latin keywords start a word: `lead` in `lead officer`, not in `leadership` or `mislead`.
        if (LATIN.test(k.word[0] as string) && i > 0 && LATIN.test(bare[i - 1] as string)) continue;
        // A keyword lost in a long header says less.
        // In a list of things (`Overall Control Status & Proposed additional control measures`) the first names the column.
        const score = k.score * (bare.length <= k.word.length + 4 ? 1 : 0.8) * (i > listStart ? 0.7 : 1);
        const best = out.get(k.role);
        // Per role the longest keyword wins: 责任单位 says more than 责任.
        if (!best || k.word.length > best.word.length || (k.word.length === best.word.length && score > best.score)) {
          out.set(k.role, { role: k.role, score, word: k.word });
        }
      }
    }
  }
  // Figures of a statistics table named by how they are counted: planned amounts are the goal
  // (计划完成数, 计划投资额), amounts so far and rates the progress (累计开工数, 开工率, 占全年计划).
  if (out.size === 0 && !LATIN.test(bare)) {
    const measure = MEASURE_HEADERS.find(([re]) => re.test(bare));
    if (measure) out.set(measure[1], { role: measure[1], score: measure[2], word: bare });
  }
  // `Achieved?`, `Completed?`, `Done?`: a question each row answers, its state.
  // Only a question of whether it is done: `Lead?` asks which unit leads, `by whom?` who acts.
  const whether = [...out.keys()].every((r) => r === 'status' || r === 'progress' || r === 'done_on');
  if (whether && LATIN.test(bare) && /\?\s*$/.test(text) && !/\b(?:who|whom|what|when|where|why|how|which)\b/i.test(text)) {
    for (const m of out.values()) m.score = Math.min(m.score, 0.5);
    out.set('status', { role: 'status', score: 1, word: h });
  }
  if (out.size === 0) return NONE;
  return [...out.values()].sort((a, b) => b.score - a.score || b.word.length - a.word.length);
}

function endsInBracket(h: string): boolean {
  const last = h.charCodeAt(h.length - 1);
  return last === 0x29 || last === 0xff09;
}

export function isKnownWithoutRole(text: string): boolean {
  const h = normalizeHeader(text);
  // What a bracket adds (`Source (agenda title / item)`) does not change what the column is.
  // (Only a text ending in a bracket has one to take off: most cells are spared the search.)
  return KNOWN.has(h) || (endsInBracket(h) && KNOWN.has(h.replace(/[(（][^)）]*[)）]$/, '')));
}
