import fc from 'fast-check';
import {
  cellAddress, columnLetters, columnNumber, localAddress, parseCell, parseRange, quotedSheetName, quoteSheetName, rangeAddress, sheetCellAddress,
  splitAddress,
} from '../../../src/core/grid';

describe('A1 helpers', () => {
  it.each([
    [1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
  ])('column %i is %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it('round-trips every column of a sheet', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
  });

  it('parses cells and ranges, absolute or not, in any corner order', () => {
    expect(parseCell('$G$31')).toEqual({ row: 31, col: 7 });
    expect(parseRange('J58:A2')).toEqual({ top: 2, left: 1, bottom: 58, right: 10 });
    expect(rangeAddress({ top: 2, left: 1, bottom: 58, right: 10 })).toBe('A2:J58');
    expect(rangeAddress({ top: 4, left: 2, bottom: 4, right: 2 })).toBe('B4');
    expect(cellAddress(31, 7)).toBe('G31');
  });

  it('rejects what is not an address', () => {
    expect(() => parseCell('G0')).toThrow(RangeError);
    expect(() => parseCell('31G')).toThrow(RangeError);
    expect(() => columnLetters(0)).toThrow(RangeError);
  });

  it('quotes sheet names the way Excel writes them', () => {
    expect(sheetCellAddress('Sheet1', 31, 7)).toBe('Sheet1!G31');
    expect(sheetCellAddress('考核细则', 3, 1)).toBe('考核细则!A3');
    expect(quoteSheetName('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('2018')).toBe("'2018'");
  });

  // Excel's rule: bare only for a name of letters, digits, underscores and periods that cannot be read as anything else.
  it.each([
    ['推进计划表', '推进计划表'],
    ['Sheet.1', 'Sheet.1'],
    ['_x', '_x'],
    ['AB12', "'AB12'"],
    ['XFD1048576', "'XFD1048576'"],
    ['XFE1', 'XFE1'],
    ['ABCD1', 'ABCD1'],
    ['R2C3', "'R2C3'"],
    ['R', "'R'"],
    ['c', "'c'"],
    ['true', "'true'"],
    ['2018计划', "'2018计划'"],
    ['.x', "'.x'"],
    ['汇总 (2)', "'汇总 (2)'"],
    ['①', "'①'"],
  ])('sheet %s is written %s', (name, written) => {
    expect(quoteSheetName(name)).toBe(written);
  });

  it('quotes always where a reader expects quotes, and splits what either wrote', () => {
    expect(quotedSheetName('Sheet1')).toBe("'Sheet1'");
    expect(quotedSheetName("It's")).toBe("'It''s'");
    expect(splitAddress("'It''s'!$B$2:$C$3")).toEqual({ sheet: "It's", cell: 'B2:C3' });
    expect(splitAddress('考核细则!D3')).toEqual({ sheet: '考核细则', cell: 'D3' });
    expect(splitAddress("'a!b'!C4")).toEqual({ sheet: 'a!b', cell: 'C4' });
    expect(localAddress('Sheet1!$G$31')).toBe('$G$31');
    expect(localAddress('G31')).toBe('G31');
  });
});
