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
import type { Role } from './roles';
import { CALIBRATION_COUNTS } from './calibration-counts';

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

/** The highest confidence this evidence may claim for this role. */
export function confidenceCap(evidence: Evidence | undefined, role: Role | null, byLayout: boolean): number {
  if (evidence === undefined) return 1;
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
