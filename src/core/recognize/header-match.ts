/** Matching one header text against the synonym table. */
import { HEADER_SYNONYMS, KNOWN_WITHOUT_ROLE } from './header-synonyms';
import type { Role } from './roles';
import { normalizeHeader } from './text';

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

/** Headers longer than this are sentences, not labels. */
export const MAX_HEADER_LENGTH = 24;

/** Every role the header suggests, best first; empty when none. */
export function matchHeader(text: string): HeaderMatch[] {
  const h = normalizeHeader(text);
  if (h === '' || h.length > MAX_HEADER_LENGTH) return [];
  // Units in brackets (`分值（分）`, `权重(%)`) do not change what the column is.
  const bare = h.replace(/[(（][^)）]*[)）]$/, '');
  const out = new Map<Role, HeaderMatch>();
  for (const key of [h, bare]) {
    for (const role of EXACT.get(key) ?? []) out.set(role, { role, score: 1, word: key });
  }
  if (out.size === 0) {
    for (const e of HEADER_SYNONYMS) {
      let best: HeaderMatch | undefined;
      for (const [kw, score] of e.keywords) {
        const k = normalizeHeader(kw);
        if (!bare.includes(k)) continue;
        // A keyword lost in a long header says less.
        const s = score * (bare.length <= k.length + 4 ? 1 : 0.8);
        if (!best || k.length > best.word.length || (k.length === best.word.length && s > best.score)) {
          best = { role: e.role, score: s, word: k };
        }
      }
      if (best) out.set(e.role, best);
    }
  }
  return [...out.values()].sort((a, b) => b.score - a.score || b.word.length - a.word.length);
}

export function isKnownWithoutRole(text: string): boolean {
  return KNOWN.has(normalizeHeader(text));
}

/** True when the text reads as a column label: short, and either a synonym or a known header. */
export function isHeaderLabel(text: string): boolean {
  return matchHeader(text).length > 0 || isKnownWithoutRole(text);
}
