/** Text normalization shared by header matching and content evidence. */

const HAN = '\\p{Script=Han}';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}，。、；：（）“”])\\s+(?=[${HAN}，。、；：（）“”])`, 'gu');

/** Full-width ASCII to half-width, ideographic space to space (NFKC does both, and more we want). */
export function toHalfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Header text as compared with the synonym table: half-width, no whitespace, lower case, no trailing colon or asterisk. */
export function normalizeHeader(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/^[*※]+|[*※:：]+$/g, '')
    .toLowerCase();
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
