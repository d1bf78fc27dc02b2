/**
 * The calibration data is what the corpus says today: counts written by `npm run calibrate` equal
 * the counts the same script computes now, so the caps can never rest on a corpus that has moved on.
 */
import { computeCounts } from '../../scripts/calibrate';
import { CALIBRATION_COUNTS } from '../../src/core/recognize/calibration-counts';
import { confidenceCap } from '../../src/core/recognize/calibration';

it('calibration-counts.ts is up to date with the corpus (run npm run calibrate)', async () => {
  expect(await computeCounts()).toEqual(CALIBRATION_COUNTS);
});

it('evidence seen to be wrong caps below the line of confidence; evidence never wrong in many columns does not', () => {
  expect(confidenceCap('confirmed', 'seq', false)).toBeGreaterThanOrEqual(0.8);
  expect(confidenceCap('exact', 'task', false)).toBeLessThan(0.8);
  expect(confidenceCap('layout-content' as never, 'leader', false)).toBeLessThan(0.8);
  expect(confidenceCap('content', 'leader', true)).toBeLessThan(0.8);
  expect(confidenceCap(undefined, 'task', false)).toBe(1);
});
