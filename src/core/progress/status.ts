/** Reading a status cell: a word of the vocabulary, a percentage, or nothing known. */
import { STATUS_WORDS, type StatusKind } from './status-words';

export interface Status {
  kind: StatusKind | 'unknown';
  /** Share done, 0–1, when the cell gives one (a percentage, or 1 for done). */
  fraction?: number;
}

const INDEX = new Map<string, StatusKind>();
for (const [kind, words] of Object.entries(STATUS_WORDS) as Array<[StatusKind, readonly string[]]>) {
  for (const w of words) INDEX.set(w.toLowerCase(), kind);
}

export function readStatus(text: string | null | undefined): Status | null {
  if (text === null || text === undefined) return null;
  const s = text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (s === '') return null;
  const word = INDEX.get(s);
  if (word) return word === 'done' ? { kind: 'done', fraction: 1 } : { kind: word };
  const pct = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(s);
  if (pct) {
    const f = Math.min(1, Number(pct[1]) / 100);
    return f >= 1 ? { kind: 'done', fraction: 1 } : { kind: f > 0 ? 'in_progress' : 'not_started', fraction: f };
  }
  // A percentage with the state in brackets: `22%(严重滞后)`, `80% (on track)`.
  const pctWord = /^(\d{1,3}(?:\.\d+)?)\s*%\s*[(（]\s*([^()（）]+?)\s*[)）]$/.exec(s);
  if (pctWord) {
    const f = Math.min(1, Number(pctWord[1]) / 100);
    const kind = INDEX.get(pctWord[2] as string);
    if (kind === 'done' || (kind === undefined && f >= 1)) return { kind: 'done', fraction: 1 };
    return { kind: kind ?? (f > 0 ? 'in_progress' : 'not_started'), fraction: f };
  }
  // A longer note that opens with a status word (`已完成，报告已报送`) says the same.
  for (const [w, kind] of INDEX) {
    if (w.length >= 2 && s.startsWith(w) && /^[，,。；;：:\s(（]/.test(s.slice(w.length))) return kind === 'done' ? { kind, fraction: 1 } : { kind };
  }
  return { kind: 'unknown' };
}
