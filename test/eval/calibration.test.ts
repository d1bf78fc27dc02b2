/**
 * The calibration data is what the corpus says today: counts written by `npm run calibrate` equal
 * the counts the same script computes now, so the caps can never rest on a corpus that has moved on.
 */
import { computeCounts } from '../../scripts/calibrate';
import { CALIBRATION_COUNTS } from '../../src/core/recognize/calibration-counts';
import { confidenceCap } from '../../src/core/recognize/calibration';
import { HELD_OUT_SETS } from '../../src/core/recognize/calibration-held-out';
import type { Evidence } from '../../src/core/recognize/column-roles';
import type { Role } from '../../src/core/contract';

it('calibration-counts.ts is up to date with the corpus (run npm run calibrate)', async () => {
  expect(await computeCounts()).toEqual(CALIBRATION_COUNTS);
});

it('evidence seen to be wrong on the corpus caps below the line of confidence', () => {
  expect(confidenceCap('layout-content' as never, 'leader', false)).toBeLessThan(0.8);
  expect(confidenceCap(undefined, 'task', false)).toBe(1);
  // Every bucket of 20 columns or more, as the corpus has it today: wrong once is under the line.
  const big = Object.entries(CALIBRATION_COUNTS).filter(([, v]) => v.n >= 20);
  expect(big.some(([, v]) => v.right < v.n)).toBe(true);
  for (const [key, v] of big) {
    const layout = key.startsWith('layout-');
    const [evidence, role] = key.replace(/^layout-/, '').split(':') as [Evidence, string];
    const c = confidenceCap(evidence, role === 'none' ? null : (role as Role), layout);
    if (v.right < v.n) expect([key, c < 0.8]).toEqual([key, true]);
  }
});

/** Wilson's one-sided 95 % lower bound, written out here so the test does not lean on the code it checks. */
function lower(right: number, n: number): number {
  const z = 1.645;
  const p = right / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
}

it('no evidence claims more than it earned on the held-out sets, tables the recognizer had never seen', () => {
  expect(HELD_OUT_SETS.length).toBeGreaterThanOrEqual(2);
  const kinds = new Map<string, { n: number; right: number }>();
  for (const set of HELD_OUT_SETS) {
    for (const [key, c] of Object.entries(set.counts)) {
      const kind = key.slice(0, key.indexOf(':'));
      const k = kinds.get(kind) ?? { n: 0, right: 0 };
      kinds.set(kind, { n: k.n + c.n, right: k.right + c.right });
    }
  }
  // The corpus's largest buckets, perfect there, are held to what their kind earned unseen.
  for (const key of Object.keys(CALIBRATION_COUNTS)) {
    const layout = key.startsWith('layout-');
    const [evidence, role] = key.replace(/^layout-/, '').split(':') as [Evidence, string];
    const kind = kinds.get(`${layout ? 'layout-' : ''}${evidence}`);
    if (!kind || kind.n < 5) continue;
    expect([key, confidenceCap(evidence, role === 'none' ? null : (role as Role), layout) <= lower(kind.right, kind.n) + 1e-9]).toEqual([key, true]);
  }
  // Held-out 3 (assessment forms) found header-and-content agreement wrong once: no such claim is confident.
  expect(confidenceCap('confirmed', 'seq', false)).toBeLessThan(0.8);
});
