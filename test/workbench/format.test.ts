import { serialToDate } from '../../src/core/dates';
import { formatNumberCode } from '../../src/core/grid';
import { displayText, inputText } from '../../src/workbench/format';

describe('formatNumberCode: numbers as Excel shows them', () => {
  test.each([
    [7.5, undefined, '7.5'],
    [0.1 + 0.2, 'General', '0.3'],
    [7.5, '0.##', '7.5'],
    [10, '0.##', '10.'],
    [7.456, '0.##', '7.46'],
    [7.5, '0.00', '7.50'],
    [10, '0.0#', '10.0'],
    [7.25, '0.0#', '7.25'],
    [7.5, '0.0#', '7.5'],
    [7.5, '0', '8'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [-3, '0.00', '-3.00'],
    [-3, '0.00;(0.00)', '(3.00)'],
    [0, '0.00;-0.00;"-"', '-'],
    [95, '0"分"', '95分'],
    [12000, '#,##0,', '12'],
    [0.5, '#.##', '.5'],
  ])('%p under %p → %p', (n, fmt, shown) => {
    expect(formatNumberCode(n, fmt)).toBe(shown);
  });

  test.each([
    [43190, 'yyyy-mm-dd', '2018-03-31'],
    [43190, 'yyyy/m/d', '2018/3/31'],
    [43190, 'yyyy"年"m"月"d"日"', '2018年3月31日'],
    [43190, '[$-804]yyyy"年"mm"月"dd"日"', '2018年03月31日'],
    [43190, 'mm-dd-yy', '03-31-18'],
    [43190.75, 'yyyy-mm-dd hh:mm', '2018-03-31 18:00'],
    [43190.75, 'h:mm AM/PM', '6:00 PM'],
  ])('serial %p under %p → %p (a date)', (n, fmt, shown) => {
    expect(formatNumberCode(n, fmt)).toBe(shown);
  });

  test('serials count from 1899-12-30, as Excel 1900 dates after February 1900 do', () => {
    expect(serialToDate(43190).toISOString().slice(0, 10)).toBe('2018-03-31');
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
  });
});

describe('displayText and inputText: cell values', () => {
  test('dates, booleans, errors, rich text, hyperlinks and formulas', () => {
    const d = new Date(Date.UTC(2018, 5, 30));
    expect(displayText(d, undefined)).toBe('2018-06-30');
    expect(displayText(d, 'yyyy"年"m"月"d"日"')).toBe('2018年6月30日');
    expect(displayText(true, undefined)).toBe('TRUE');
    expect(displayText({ error: '#REF!' }, undefined)).toBe('#REF!');
    expect(displayText({ richText: [{ text: '陆伟明' }, { text: ' 87730990' }] }, undefined)).toBe('陆伟明 87730990');
    expect(displayText({ text: 'link', hyperlink: 'https://example.org' }, undefined)).toBe('link');
    expect(displayText({ formula: 'A1*2', result: 0.25 }, '0%')).toBe('25%');
    expect(displayText(null, undefined)).toBe('');
  });

  test('the formula bar shows the formula, or the value as typed (a date as a date)', () => {
    expect(inputText({ formula: 'SUM(A1:A3)', result: 6 }, 'SUM(A1:A3)', undefined)).toBe('=SUM(A1:A3)');
    expect(inputText(43190, undefined, 'yyyy"年"m"月"d"日"')).toBe('2018-03-31');
    expect(inputText(0.25, undefined, '0%')).toBe('0.25');
    expect(inputText('文本', undefined, undefined)).toBe('文本');
  });
});
