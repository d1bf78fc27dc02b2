/**
 * The calibration data is what the corpus says today: counts written by `npm run calibrate` equal
 * the counts the same script computes now, so the caps can never rest on a corpus that has moved on.
 */
import { computeCounts } from '../../scripts/calibrate';
import { CALIBRATION_COUNTS } from '../../src/core/recognize/calibration-counts';
import { confidenceCap } from '../../src/core/recognize/calibration';
import type { Evidence } from '../../src/core/recognize/column-roles';
import type { Role } from '../../src/core/recognize/roles';

it('calibration-counts.ts is up to date with the corpus (run npm run calibrate)', async () => {
  expect(await computeCounts()).toEqual(CALIBRATION_COUNTS);
});

it('evidence seen to be wrong caps below the line of confidence; evidence never wrong in many columns does not', () => {
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
    else expect([key, c >= 0.8]).toEqual([key, true]);
  }
});
