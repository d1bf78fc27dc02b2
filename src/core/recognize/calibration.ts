/**
 * Confidence calibrated on the corpus: a role is reported with at most the confidence its kind of
 * evidence has earned there. For each bucket (the evidence, the role, and whether the header was
 * found from its layout) the corpus counts how often that evidence gave the right role; the cap is
 * the lower bound of that rate (Wilson, one-sided 95 %), so that evidence seen rarely stays low,
 * and evidence seen wrong even once on the corpus stays under the line of confidence a user would
 * act on (`CONFIDENT`), however often it was right. The counts are data, written
 * by `npm run calibrate` (scripts/calibrate.ts) from the corpus and the hand-checked fixtures.
 */
import type { Evidence } from './column-roles';
import type { Role } from '../contract';
import { CALIBRATION_COUNTS } from './calibration-counts';
import { HELD_OUT_SETS } from './calibration-held-out';

/** A bucket needs this many columns to speak for itself; fewer fall back to the evidence alone. */
const MIN_BUCKET = 20;
const Z = 1.645;
/** The line from which a role counts as confident (scripts/eval: a wrong role above it is confidently wrong). */
export const CONFIDENT = 0.8;
/** Evidence never measured. */
const UNMEASURED = 0.5;

function cap(right: number, n: number): number {
  const lower = wilsonLower(right, n);
  return right < n ? Math.min(lower, CONFIDENT - 0.01) : lower;
}

function wilsonLower(right: number, n: number): number {
  if (n === 0) return 0;
  const p = right / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

export function bucketKey(evidence: Evidence, role: Role | null, byLayout: boolean): string {
  return `${byLayout ? 'layout-' : ''}${evidence}:${role ?? 'none'}`;
}

/** A kind of evidence needs this many held-out columns to speak for itself; fewer take all of them. */
const MIN_HELD_OUT = 5;

/** Held-out counts pooled by kind of evidence (`exact`, `layout-content`, …), over every set. */
const HELD_OUT_BY_KIND = new Map<string, { n: number; right: number }>();
const HELD_OUT_ALL = { n: 0, right: 0 };
for (const set of HELD_OUT_SETS) {
  for (const [key, c] of Object.entries(set.counts)) {
    const kind = key.slice(0, key.indexOf(':'));
    const k = HELD_OUT_BY_KIND.get(kind) ?? { n: 0, right: 0 };
    k.n += c.n;
    k.right += c.right;
    HELD_OUT_BY_KIND.set(kind, k);
    HELD_OUT_ALL.n += c.n;
    HELD_OUT_ALL.right += c.right;
  }
}

/**
 * What this kind of evidence earned on tables nobody had shown the recognizer: the corpus, whose
 * errors were fixed as they were found, flatters every bucket; the held-out sets do not.
 */
function heldOutCap(evidence: Evidence, byLayout: boolean): number {
  if (HELD_OUT_ALL.n === 0) return 1;
  const own = HELD_OUT_BY_KIND.get(`${byLayout ? 'layout-' : ''}${evidence}`);
  return own && own.n >= MIN_HELD_OUT ? cap(own.right, own.n) : cap(HELD_OUT_ALL.right, HELD_OUT_ALL.n);
}

/** The highest confidence this evidence may claim for this role: what the corpus and the held-out sets both allow. */
export function confidenceCap(evidence: Evidence | undefined, role: Role | null, byLayout: boolean): number {
  if (evidence === undefined) return 1;
  return Math.min(corpusCap(evidence, role, byLayout), heldOutCap(evidence, byLayout));
}

function corpusCap(evidence: Evidence, role: Role | null, byLayout: boolean): number {
  const own = CALIBRATION_COUNTS[bucketKey(evidence, role, byLayout)];
  if (own && own.n >= MIN_BUCKET) return cap(own.right, own.n);
  const prefix = `${byLayout ? 'layout-' : ''}${evidence}:`;
  let right = 0;
  let n = 0;
  for (const [k, v] of Object.entries(CALIBRATION_COUNTS)) {
    if (k.startsWith(prefix)) {
      right += v.right;
      n += v.n;
    }
  }
  return n > 0 ? cap(right, n) : UNMEASURED;
}
