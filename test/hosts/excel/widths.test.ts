/** Column widths cross between the journal's characters and Office.js points without drifting. */
import fc from 'fast-check';
import { charsToPoints, pointsToChars, STANDARD_WIDTH_CHARS } from '../../../src/hosts/excel/widths';

describe('column widths', () => {
  it.each([
    [STANDARD_WIDTH_CHARS, 48.0075],
    [14, 77.25],
    [36, 192.75],
    [0, 3.75],
  ])('%p characters are %p points', (chars, points) => {
    expect(charsToPoints(chars)).toBeCloseTo(points, 6);
  });

  it('come back as written, both ways, however often', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25500 }), (hundredths) => {
        const chars = hundredths / 100;
        let w = chars;
        for (let i = 0; i < 5; i++) w = pointsToChars(charsToPoints(w));
        expect(w).toBe(chars);
        expect(charsToPoints(pointsToChars(charsToPoints(chars)))).toBe(charsToPoints(chars));
      }),
    );
  });
});
