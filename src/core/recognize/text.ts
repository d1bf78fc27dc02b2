/** Text normalization shared by header matching and content evidence. */

const HAN = '\\p{Script=Han}';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}，。、；：（）“”])\\s+(?=[${HAN}，。、；：（）“”])`, 'gu');

/** Full-width ASCII to half-width, ideographic space to space (NFKC does both, and more we want). */
export function toHalfWidth(s: string): string {
  // NFKC is costly and most cells have nothing for it to change.
  return NEEDS_NFKC.test(s) ? s.normalize('NFKC') : s;
}

/** Full-width forms, ideographic space, compatibility ideographs and the like. */
const NEEDS_NFKC = /[\u3000\uFF00-\uFFEF\u2460-\u24FF\u3200-\u33FF\uF900-\uFAFF\u2100-\u214F\u00A0-\u00BF]/;

/** Header text as compared with the synonym table: half-width, no whitespace, lower case, no trailing colon or asterisk. */
export function normalizeHeader(s: string): string {
  let h = toHalfWidth(s);
  if (/\s/.test(h)) h = h.replace(/\s+/g, '');
  if (/^[*※]|[*※:：?？]$/.test(h)) h = h.replace(/^[*※]+|[*※:：?？]+$/g, '');
  return /[A-Z]/.test(h) ? h.toLowerCase() : h;
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
  const t = s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return t === '' ? null : t;
}
