/**
 * How alike two texts are, for matching a task or node of one round with the next: the Dice
 * coefficient over character bigrams of the text with its numbering (`36.`, `1、`) and punctuation
 * taken off. Chinese titles carry no word breaks, so bigrams rather than words.
 */

/** The text as compared: NFKC, no leading item number, no spaces or punctuation, lower case. */
export function comparable(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFKC')
    .replace(/^\s*[（(]?[0-9一二三四五六七八九十]+[)）.、．:：\s]+/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 1 for the same text (as compared), 0 for nothing in common. */
export function similarity(a: string | null | undefined, b: string | null | undefined): number {
  const x = comparable(a);
  const y = comparable(b);
  if (x === y) return 1;
  if (x === '' || y === '') return 0;
  const ga = bigrams(x);
  const gb = bigrams(y);
  let common = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    common += Math.min(n, ga.get(g) ?? 0);
  }
  return (2 * common) / total;
}
