/**
 * What the plan writes in the workbook's own language, and how it shows points. The status words a
 * summary sheet lists (and its live formulas match) are those of the workbook's language, with the
 * marks both languages use (√, ×, 100%): a Chinese workbook shows no `done`, `late`, `y` or `n`.
 */
import type { Lang } from '../i18n';

/** Latin letters mark an English word; CJK characters a Chinese one. Marks (√ × ✓ 100%) are neither. */
const LATIN = /[A-Za-z]/;
const CJK = /[\u3400-\u9fff]/;

export function wordsInLanguage(lang: Lang, words: readonly string[]): string[] {
  return words.filter((w) => (lang === 'zh-CN' ? !LATIN.test(w) : !CJK.test(w)));
}

/**
 * Points as Excel's General shows them: `0`, `2.5`, `10` (a fixed `0.0#` shows `0.0` and `10.0`;
 * `0.##` a bare point after whole numbers, `10.`). General is a cell's default, so a points cell is
 * written with no number format at all (what a host reads back of General is no format).
 */
export const POINTS_FORMAT: { numFmt?: string } = {};
