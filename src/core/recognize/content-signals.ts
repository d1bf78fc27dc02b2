/**
 * What a single cell's content says about its column, independent of the header. Patterns are
 * data; each detector answers one question about one cell.
 */
import { STATUS_WORDS } from '../progress/status-words';
import { parseDeadlineText, withoutRecurrence } from '../dates';
import type { Cell } from '../grid';
import { matchForm, toHalfWidth } from './text';

const CN_NUM = '[一二三四五六七八九十两]';

/** Words that may surround a date in a deadline cell without making it free text. */
const DEADLINE_FILLER = /[前后底末止内起至到之以及和与、,，;；。\s~～—–\-/.()（）:：]|完成|截至|截止|开始|日前|左右|before|by|end|of|and|to|until|the/gi;

/**
 * The cell is a deadline: a date cell, or a text the deadline parser reads as dates, periods or a
 * recurrence with little else around them.
 */
export function isDeadlineLike(cell: Cell | undefined, text: string): boolean {
  if (cell?.value.kind === 'date') return true;
  if (cell?.value.kind === 'number' && cell.format && /[ymd]/i.test(cell.format)) return true;
  // A bare year (`2019` as a number or text, `2020年`) under a completion header is when the work ends.
  if (isBareYear(cell, text) || isFiscalYear(text)) return true;
  if (text.length > 160) return false;
  const parsed = parseDeadlineText(text, { year: 2000 });
  if (parsed.kind === 'text') return false;
  let rest = toHalfWidth(text);
  for (const p of parsed.parts) rest = rest.replace(p.text, ' ');
  if (parsed.kind === 'recurring') rest = withoutRecurrence(rest).replace(/每[^\s,，。；;]{0,6}/, ' ');
  const leftover = rest.replace(DEADLINE_FILLER, '');
  return leftover.length <= 2 || (parsed.parts.length >= 2 && leftover.length <= toHalfWidth(text).length * 0.7);
}

/**
 * When a check recurs, as registers say it in words (`Annual Review by the full council`,
 * `Reviewed at all Council Meetings`, `Periodic review`, `Ongoing`): a deadline of its kind.
 */
export function mentionsRecurrence(text: string): boolean {
  return RECURRENCE_WORDS.test(text);
}
const RECURRENCE_WORDS = /\b(?:annual(?:ly)?|yearly|quarterly|monthly|bi[\s-]?monthly|weekly|periodic(?:al(?:ly)?)?|regular(?:ly)?|ongoing|on-going|continuous(?:ly)?|every|each)\b(?!\s+(?:report|accounts?|return|budget)\b)|\bat (?:all|each|every) (?:\w+ )?meetings?\b|每[年月季周]|定期|长期|持续|常态/i;

/** A financial year as registers write it (`16/17`, `2016/17`, `24-25`, `FY2024-25`): two years running, the second one on. */
export function isFiscalYear(text: string): boolean {
  const m = /^(?:fy\s*)?((?:19|20)?\d{2})\s*[-/–]\s*(\d{2}|(?:19|20)\d{2})$/i.exec(toHalfWidth(text).trim());
  if (!m) return false;
  const a = Number((m[1] as string).slice(-2));
  const b = Number((m[2] as string).slice(-2));
  return b === (a + 1) % 100;
}

export function isBareYear(cell: Cell | undefined, text: string): boolean {
  if (cell?.value.kind === 'number') return Number.isInteger(cell.value.value) && cell.value.value >= 1990 && cell.value.value <= 2100;
  // A span of years (`2024-2026`, `2023年至2025年`) ends in its last year.
  return /^(?:19|20)\d{2}\s*年?(?:底|末|内)?$|^(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年?$/.test(toHalfWidth(text).trim());
}

const LEADING_DEADLINE = new RegExp(
  [
    '^(?:(?:19|20)\\d{2}\\s*年\\s*)?\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号]?|底|末|初|中旬|上旬|下旬|份)?\\s*(?:前|之前|以前)?',
    `^第?${CN_NUM}(?:[、,，至到-]${CN_NUM})*\\s*季度(?:末|底)?(?:前)?`,
    '^(?:年底|年末|上半年|下半年|全年)(?:前)?',
  ].join('|'),
);

/** The deadline phrase that opens a node text such as `3月31日前，完成…`, or null. */
export function leadingDeadline(text: string): string | null {
  const s = toHalfWidth(text).trim();
  const m = LEADING_DEADLINE.exec(s);
  if (!m || m[0].length === 0) return null;
  const after = s.slice(m[0].length);
  // Something must follow: a bare date is a deadline cell, not a node text.
  if (after.replace(/^[\s,，:：、;；]+/, '').length < 4) return null;
  // `3月底前，完成编制；4月底前，完成论证`: each clause that opens with its own deadline adds a date.
  const more = after
    .split(/[;；。]/)
    .slice(1)
    .map((clause) => LEADING_DEADLINE.exec(clause.trim())?.[0].trim() ?? '')
    .filter((d) => d !== '');
  return [m[0].trim(), ...more].join('；');
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const LANDLINE = /(?<![\d-])(?:0\d{2,3}[-－—\s]?)?[2-9]\d{6,7}(?![\d-])/;

export function hasPhone(text: string): boolean {
  const s = toHalfWidth(text);
  return MOBILE.test(s) || LANDLINE.test(s);
}

const VETO = /一票否[决优]/;

export function isVeto(text: string): boolean {
  return VETO.test(text);
}

/** A weight or points cell: a number from 0 to 1000, as a number or as text (`10`, `10分`, `一票否决 10`). */
export function isPointsLike(cell: Cell | undefined, text: string): boolean {
  if (cell?.value.kind === 'number') return cell.value.value >= 0 && cell.value.value <= 1000;
  const s = toHalfWidth(text).replace(/\s+/g, '');
  if (isBareYear(cell, text) || isFiscalYear(text)) return false;
  return (
    /^\d{1,4}(?:\.\d+)?(?:分|%)?$/.test(s) ||
    // Ranges and grades of points: `0.5-1.5分`, `3、2、1分`.
    /^\d{1,4}(?:\.\d+)?分?(?:[-—~～至到、,，/]\d{1,4}(?:\.\d+)?分?)+$/.test(s) ||
    (isVeto(s) && s.length <= 12)
  );
}

/** The status vocabulary of the progress module, but for yes/no words, which `isYesNo` tells apart. */
const STATUS_EVIDENCE = new Set(
  Object.values(STATUS_WORDS)
    .flat()
    .filter((w) => !isYesNo(w))
    .map((w) => w.toLowerCase()),
);

/**
 * Ratings a status column holds besides the progress words: RAG colours and risk levels
 * (`Amber`, `High`, `H`, `高风险`, `中`, `红灯`). Evidence of a status column, not of a node's state.
 */
const RATING_WORDS = new Set([
  'red', 'amber', 'green', 'blue', 'r', 'a', 'g', 'rag', 'high', 'medium', 'med', 'low', 'h', 'm', 'l', 'very high', 'very low',
  'critical', 'major', 'moderate', 'minor', 'significant', 'tolerable',
  '高', '中', '低', '高风险', '中风险', '低风险', '较高', '较低', '一般', '红', '黄', '绿', '蓝', '红灯', '黄灯', '绿灯', '蓝灯', '橙灯', '红色', '黄色', '绿色', '蓝色', '橙色',
]);

export function isRatingWord(text: string): boolean {
  return RATING_WORDS.has(matchForm(text).trim().toLowerCase());
}

export function isStatusWord(text: string): boolean {
  const s = matchForm(text).trim().toLowerCase();
  return STATUS_EVIDENCE.has(s) || RATING_WORDS.has(s) || /^\d{1,3}(?:\.\d+)?%$/.test(s);
}

/** A share done: `54%`, `98.4 %`, or a number cell formatted as a percentage. */
export function isPercent(cell: Cell | undefined, text: string): boolean {
  if (cell?.value.kind === 'number' && cell.format?.includes('%')) return true;
  return /^\d{1,3}(?:\.\d+)?\s*%$/.test(toHalfWidth(text).trim());
}

export function isYesNo(text: string): boolean {
  return /^(?:是|否|yes|no|y|n)$/i.test(text.trim());
}

/** Cells of a row-kind column: which kind of row this is. */
export const ROW_KIND_WORDS: Record<string, 'goal' | 'node'> = {
  年度目标: 'goal',
  目标: 'goal',
  总目标: 'goal',
  任务目标: 'goal',
  年度任务: 'goal',
  节点: 'node',
  节点目标: 'node',
  阶段目标: 'node',
  工作节点: 'node',
  季度目标: 'node',
  月度目标: 'node',
  'annual goal': 'goal',
  goal: 'goal',
  milestone: 'node',
};

export function rowKindOf(text: string): 'goal' | 'node' | null {
  if (text.length > 16) return null;
  // Own keys only: a cell reading `constructor` is text, not a word of the table.
  const word = (k: string): 'goal' | 'node' | null => (Object.prototype.hasOwnProperty.call(ROW_KIND_WORDS, k) ? (ROW_KIND_WORDS[k] as 'goal' | 'node') : null);
  return word(toHalfWidth(text).replace(/\s+/g, '').toLowerCase()) ?? word(text.trim().toLowerCase());
}

/** Units a target is counted in (`1300人`, `2所`, `7699套`, `10000万元`, `100个`, `3.5公里`); percentages are counted apart. */
const QUANTITY_UNITS =
  '人次|人|个|所|套|户|家|座|张|台|辆|件|项|处|条|场|次|名|床|例|间|栋|公里|千米|km|米|m|平方米|㎡|亩|吨|元|万元|亿元|万|亿|千';
const QUANTITY = new RegExp(`^(?:约|近|超|超过|不少于|不低于|≥|>=)?\\s*\\d+(?:[.,]\\d+)?\\s*(?:${QUANTITY_UNITS})?\\s*$`, 'i');

/**
 * An amount with its unit: what a target or an achieved figure looks like, never an item's text.
 * Whole numbers alone count only as text cells (a number cell is judged by the number detectors).
 */
export function isQuantity(cell: Cell | undefined, text: string): boolean {
  if (cell?.value.kind === 'number') return false;
  const s = toHalfWidth(text).trim();
  return s.length <= 16 && QUANTITY.test(s) && /\D\s*$/.test(s);
}

/**
 * How an assessor checks an item (`查阅文件材料`, `查看会议记录`, `现场检查`, `Review of minutes`): short
 * texts naming the documents or visits to look at, what DESIGN.md calls evidence.
 */
const INSPECTION = /^(?:(?:[^，。；;]{0,6}?(?:查看|查阅|查验|检查|抽查|核查|核对|审查|调阅|现场|实地|座谈|访谈|问卷))[^。；;]{0,30}$|(?:review|inspection|inspect|check)\s+(?:of\s+)?(?:the\s+)?(?:minutes|records|documents|files|reports?)\b)/i;
const INSPECTED = /材料|资料|文件|记录|台账|台帐|纪要|档案|现场|报表|名册|制度|数据|minutes|records|documents|files/i;

export function isInspection(text: string): boolean {
  // The full stop that ends the method (`查阅相关文件、资料。`) is no part of it.
  const s = toHalfWidth(text).trim().replace(/[。.]+$/, '');
  return s.length <= 40 && INSPECTION.test(s) && INSPECTED.test(s);
}

/** An item number: `3`, `12`, `（三）`, `3.`, `省120-1 市97-1`, `A-3`. */
export function isSeqLike(cell: Cell | undefined, text: string): boolean {
  if (isBareYear(cell, text)) return false;
  if (cell?.value.kind === 'number') return Number.isInteger(cell.value.value) && cell.value.value >= 0 && cell.value.value < 100000;
  // Several references, one per line (`BOD 60/17(h)\nBOD 21/17 (b)`), number one item.
  if (text.includes('\n')) {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    return lines.length > 1 && lines.length <= 6 && lines.every((l) => isSeqLike(undefined, l));
  }
  const s = toHalfWidth(text).trim();
  if (s.length > 24) return false;
  return (
    /^[(（]?[一二三四五六七八九十百\d]+[)）.、]?$/.test(s) ||
    // Minute and action references: `BOD 62/17(l)`, `BOD 180/17(b)-(c)`, `TB 2023/45`, `A1.2`, `R-07`.
    /^[A-Z]{1,6}[\s-]?\d+(?:[/.-]\d+)*(?:\s?[(（]?[a-z][)）]?(?:\s?[-–]\s?[(（]?[a-z][)）]?)?)?$/.test(s) ||
    /^(?:[\p{Script=Han}A-Za-z]{0,3}\d+(?:[-.]\d+)*)(?:\s+[\p{Script=Han}A-Za-z]{0,3}\d+(?:[-.]\d+)*)*$/u.test(s)
  );
}

/** Built once: this is asked of every sampled cell and every line. */
const CHINESE_ORDINAL = new RegExp(`^\\s*(?:${CN_NUM}+、|[（(]${CN_NUM}+[)）])`);

/** A section or category label with a Chinese ordinal: `一、医疗服务能力提升项目`, `（二）…`. */
export function hasChineseOrdinal(text: string): boolean {
  return CHINESE_ORDINAL.test(text);
}

/** A text that opens with an item number: `1.推进…`, `36. 加快…`, `(3)…`. */
export function hasArabicOrdinal(text: string): boolean {
  // `2.2022年度温州市级…`: a number running into the year it names is still the list's number.
  return /^\s*(?:\d{1,3}\s*[.．、](?!\d)|\d{1,2}\s*[.．](?=(?:19|20)\d{2}\s*(?:年|學年|学年))|[（(]\d{1,3}[)）])/.test(text);
}

const UNIT_SUFFIX = /(?:局|委|办|科|室|院|中心|站|所|街道|镇|乡|村|部|处|队|公司|协会|集团|分局|管委会|政府|医院|学校|组|会)$/;

/** Names of units, one or several separated by `、`: `卫计局、发改局、财政局`. */
export function isUnitList(text: string): boolean {
  const parts = toHalfWidth(text)
    .split(/[、,，;；/\n]+/)
    .map((p) => p.trim().replace(/[(（][^)）]*[)）]$/, ''))
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => p.length > 16)) return false;
  return parts.filter((p) => UNIT_SUFFIX.test(p) || /^各/.test(p)).length >= Math.ceil(parts.length / 2);
}

/** A person's name, as in a 牵头领导 column: two to four Chinese characters. */
/** Short words that look like a name by their length but say what a project or item is. */
const NOT_NAMES = /^(?:新建|续建|改建|扩建|迁建|在建|新开工|已完工|完工|竣工|前期|储备|正常|滞后|提前|按期|全县|全市|全区|全省|长期|长期推进|持续推进|每月|每季度|每年|年底|年内|上半年|下半年)$/;

/** Endings of the nouns tables are made of (`产出指标`, `年度目标`, `社会效益`): no one's name ends so. */
const NOUN_SUFFIX = /(?:指标|目标|任务|情况|工作|项目|建设|管理|服务|计划|措施|标准|内容|效益|质量|数量|成本|时效|满意度|指数|比例|资金|预算|考核|评价|安全|民生|发展|改革|保障)$/;

export function isPersonName(text: string): boolean {
  const t = text.trim();
  if (/^\p{Script=Han}{2,4}$/u.test(t)) return !UNIT_SUFFIX.test(t) && !NOT_NAMES.test(t) && !NOUN_SUFFIX.test(t) && !isStatusWord(t);
  // Officers as English minutes name them: initials (`MW`, `DH/MW/KR`, `CHt`) or a first and last name.
  return INITIALS.test(t) || POSTS.test(t) || (/^[A-Z][a-z]+ [A-Z][a-z'’-]+$/.test(t) && !ABSTRACT_NOUN.test(t)) || isOfficerList(t);
}

/** `Full Ownership`, `Joint Funding`: a phrase in title case, its last word a noun no surname has. */
const ABSTRACT_NOUN = /(?:ship|tion|sion|ment|ness|ity)$/;

/** Posts a parish, council or board names its officers by (`Clerk`, `Cllr Hooper`, `RFO`, `Chair`). */
const POST_WORD = /\b(?:clerk|cllrs?|councill?ors?|chair(?:man|person)?|vice[- ]chair|mayor|rfo|treasurer|secretary|officer|manager|director|head|deputy|members?|committee|ceo|cfo|coo|admin(?:istrative)? assistant)\b/i;
const NAMED = /^(?:(?:cllrs?|councill?ors?|mr|mrs|ms|dr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?$/;

/** `Clerk + Cllr Hooper`, `Cllr Stanley + Clerk`, `Clerk and councillors`: officers by post or name, one at least by post. */
function isOfficerList(text: string): boolean {
  if (text.length > 60 || !POST_WORD.test(text)) return false;
  const parts = text.split(/\s*(?:[+&/,]|\band\b)\s*/i).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => NAMED.test(p) || INITIALS.test(p) || (POST_WORD.test(p) && p.split(/\s+/).length <= 3));
}

const INITIALS = /^[A-Z]{1,3}[a-z]?(?:\s*[/,&]\s*[A-Z]{1,3}[a-z]?)*$/;
/** Officers named by their post as boards abbreviate them: `DoF`, `DoCAP`, `NED-WT/DoN`, `CEO`. */
const POST = '(?:[A-Z][a-z]?){2,5}(?:-[A-Z]{1,4})?';
const POSTS = new RegExp(`^${POST}(?:\\s*[/,&]\\s*${POST})*$`);

/** A declared total in a category label: `围绕中心履职尽责（400分）` → 400. */
export function declaredPoints(text: string): number | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(toHalfWidth(text).trim());
  return m ? Number(m[1]) : null;
}
