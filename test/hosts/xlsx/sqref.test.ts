/** A dropdown's cells with some taken out, however another program joined them into ranges. */
import { removalRects, subtractSqref } from '../../../src/hosts/xlsx/write/sqref';

const minus = (sqref: string, ...cells: string[]) => subtractSqref(sqref, removalRects(cells));

describe('subtractSqref', () => {
  it.each([
    // Nothing of it taken: the same text, byte for byte.
    ['K3:K9 M4', ['L5'], 'K3:K9 M4'],
    ['$K$3:$K$9', ['A1'], '$K$3:$K$9'],
    // All of it: nothing left.
    ['K3', ['K3'], ''],
    ['K3:K5', ['K3', 'K4', 'K5'], ''],
    ['K3:K5 K7', ['K3', 'K4', 'K5', 'K7'], ''],
    // Part of it: the rest, as rectangles.
    ['K3:K9', ['K3', 'K4', 'K5', 'K6', 'K8', 'K9'], 'K7'],
    ['K3:K9', ['K5'], 'K3:K4 K6:K9'],
    ['$K$3:$K$9 M1', ['K3'], 'K4:K9 M1'],
    ['K3:M5', ['L4'], 'K3:M3 K5:M5 K4 M4'],
    // A range taken out takes what it covers.
    ['K3:K9', ['K1:K6'], 'K7:K9'],
  ])('%s less %j is %p', (sqref, cells, rest) => expect(minus(sqref, ...cells)).toBe(rest));

  it('leaves a reference it cannot read (a whole column) as it is', () => {
    expect(minus('K:K K3', 'K3')).toBe('K:K');
  });
});

describe('removalRects', () => {
  it('joins cells down a column into one rectangle', () => {
    expect(removalRects(['K5', 'K3', 'K4', 'M4', 'K7'])).toEqual([
      { top: 3, left: 11, bottom: 5, right: 11 },
      { top: 7, left: 11, bottom: 7, right: 11 },
      { top: 4, left: 13, bottom: 4, right: 13 },
    ]);
  });
});
