/** Text normalization shared by header matching and content evidence. */
import { Converter, Locale } from 'opencc-js/t2cn';

const HAN = '\\p{Script=Han}';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}，。、；：（）“”])\\s+(?=[${HAN}，。、；：（）“”])`, 'gu');

/** Full-width ASCII to half-width, ideographic space to space (NFKC does both, and more we want). */
export function toHalfWidth(s: string): string {
  // The content detectors ask it of the same cell one after another: the last one is remembered.
  if (s !== lastHalfWidthText) {
    // NFKC is costly and most cells have nothing for it to change.
    lastHalfWidth = NEEDS_NFKC.test(s) ? s.normalize('NFKC') : s;
    lastHalfWidthText = s;
  }
  return lastHalfWidth;
}

let lastHalfWidthText: string | undefined;
let lastHalfWidth = '';

/** Full-width forms, ideographic space, compatibility ideographs and the like. */
const NEEDS_NFKC = /[\u3000\uFF00-\uFFEF\u2460-\u24FF\u3200-\u33FF\uF900-\uFAFF\u2100-\u214F\u00A0-\u00BF]/;

/**
 * Traditional characters to simplified ones (序號 → 序号, 責任單位 → 责任单位), character by
 * character with OpenCC's dictionary and no phrase rewriting (Taiwan phrasing such as 執行 must stay
 * 执行), so that one vocabulary reads tables from Taiwan, Hong Kong and Macau as well.
 */
const t2s = Converter({ from: 't', to: 'cn' });
/** Most cells hold nothing outside ASCII and common simplified text; only CJK text is converted. */
const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * OpenCC changes a text only where one of its dictionary keys that maps to something else occurs
 * in it; each such key holds at least one of these characters (a traditional character, or for a
 * phrase of common characters such as 反覆, the one it is marked by). A text with none of them is
 * left as it is, and most cells are simplified text: they skip the dictionary walk.
 */
const CHANGE_MARKS = changeMarks();

/** Code points as a bitmap: looked up for every character of every cell, faster than a Set. */
function changeMarks(): Uint8Array | null {
  // `t` to `cn` is OpenCC's `t2s` configuration: a normalization pass, then the conversion.
  const config = Locale.configs?.t2s;
  if (!config) return null;
  const pairs: Array<[string, string]> = [];
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [key, value] of entries) if (key !== undefined && key !== value) pairs.push([key, value ?? '']);
    }
  }
  const marks = new Set<number>();
  const phrases: number[][] = [];
  for (const [key] of pairs) {
    const cps = Array.from(key, (c) => c.codePointAt(0) as number);
    if (cps.length === 1) marks.add(cps[0] as number);
    else if (cps.length > 1) phrases.push(cps);
  }
  // A phrase without a mark yet is marked by its character that most such phrases share.
  let open = phrases.filter((p) => !p.some((c) => marks.has(c)));
  while (open.length > 0) {
    const counts = new Map<number, number>();
    for (const p of open) for (const c of new Set(p)) counts.set(c, (counts.get(c) ?? 0) + 1);
    let best = open[0]![0] as number;
    for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
    marks.add(best);
    open = open.filter((p) => !p.includes(best));
  }
  const bitmap = new Uint8Array(0x110000 >> 3);
  for (const c of marks) bitmap[c >> 3] = (bitmap[c >> 3] as number) | (1 << (c & 7));
  return bitmap;
}

function mayChange(s: string): boolean {
  if (!CHANGE_MARKS) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    if ((CHANGE_MARKS[c >> 3] as number) & (1 << (c & 7))) return true;
    if (c > 0xffff) i++;
  }
  return false;
}

export function toSimplified(s: string): string {
  return HAS_CJK.test(s) && mayChange(s) ? t2s(s) : s;
}

/** Text as matched against word tables (headers, status words): half-width and simplified. */
export function matchForm(s: string): string {
  return toSimplified(toHalfWidth(s));
}

/**
 * Header text as compared with the synonym table: half-width, simplified, lower case, no trailing
 * colon or asterisk, and no whitespace except one space between two Latin words (`lead officer`
 * stays two words, so that `lead` is not found inside `leadership`; `分 管 县领导` closes up).
 */
export function normalizeHeader(s: string): string {
  // Header search asks this of the same cell twice in a row (is it a label, is it a known word).
  if (s !== lastText) {
    lastNormalized = computeNormalized(s);
    lastText = s;
  }
  return lastNormalized;
}

let lastText: string | undefined;
let lastNormalized = '';

function computeNormalized(s: string): string {
  if (isPlain(s)) return s;
  let h = matchForm(s);
  if (/\s/.test(h)) h = h.replace(/\s+/g, ' ').trim().replace(/(?<![A-Za-z0-9.]) | (?![A-Za-z0-9])/g, '');
  if (/^[*※]|[*※:：?？]$/.test(h)) h = h.replace(/^[*※]+|[*※:：?？]+$/g, '');
  return /[A-Z]/.test(h) ? h.toLowerCase() : h;
}

/**
 * True when `computeNormalized` would return the text unchanged, found in one pass where the general
 * path scans it five times: no unit NFKC would touch, no whitespace (nor anything `\s` might be), no
 * upper-case letter, no character OpenCC might convert, no surrogate, and no `*` or `:` `?` to strip at
 * the ends (`※`, `：`, `？` lie in the ranges already turned away). Header search asks this of every cell.
 */
function isPlain(s: string): boolean {
  if (!CHANGE_MARKS || s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c <= 0x20 || (c >= 0x41 && c <= 0x5a)) return false;
    } else if (c <= 0x3000 || (c >= 0x3200 && c <= 0x33ff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff) || c >= 0xfeff) {
      // Whitespace, Latin-1, letterlike and enclosed forms, CJK symbols and compatibility, surrogates, full-width forms.
      return false;
    }
    if ((CHANGE_MARKS[c >> 3] as number) & (1 << (c & 7))) return false;
  }
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first !== 0x2a && last !== 0x2a && last !== 0x3a && last !== 0x3f;
}

/** Collapses runs of whitespace (line breaks too) to one space and trims. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Removes whitespace that sits between Chinese characters or punctuation, as text extraction and manual wrapping leave it. */
export function removeSpaceBetweenHan(s: string): string {
  return s.replace(SPACE_BETWEEN_HAN, '');
}

/** The text of a cell trimmed, or null when it is blank (a cell of spaces is blank). */
export function cleanText(s: string | undefined): string | null {
  if (s === undefined) return null;
  // Most cells have nothing to trim: the regular expression only when an end may be a space.
  if (s.length > 0 && !maySpace(s.charCodeAt(0)) && !maySpace(s.charCodeAt(s.length - 1))) return s;
  const t = s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return t === '' ? null : t;
}

/** Whether a UTF-16 unit may be one that `\s` matches (all of those lie at or below U+0020 or above U+007F, outside CJK). */
function maySpace(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0x3000) || c === 0xfeff;
}

/**
 * How long a normalized label reads: Chinese labels by characters, Latin ones by half their
 * letters (`progress update` says what `进展情况` says in twice the characters).
 */
export function labelLength(h: string): number {
  if (HAS_CJK.test(h)) return h.length;
  // A word of English says about what two Chinese characters do, whatever its length.
  return Math.max(Math.ceil(h.length / 3), 2 * h.split(/\s+/).filter((w) => w !== '').length);
}
