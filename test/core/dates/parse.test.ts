import fc from 'fast-check';
import { isValidDate, iso, parseDeadlineCell, parseDeadlineText } from '../../../src/core/dates';

const Y = { year: 2023 };

describe('deadline forms the seeds do not show', () => {
  it.each([
    ['2023年6月底前', 'date', '2023-06-30', '2023-06-30'],
    ['6月中旬', 'range', '2023-06-11', '2023-06-20'],
    ['6月上旬', 'range', '2023-06-01', '2023-06-10'],
    ['9月下旬', 'range', '2023-09-21', '2023-09-30'],
    ['2023.01-2023.12', 'range', '2023-01-01', '2023-12-31'],
    ['12月底', 'date', '2023-12-31', '2023-12-31'],
    ['２０２３．０３．３１', 'date', '2023-03-31', '2023-03-31'],
    ['３月３１日前', 'date', '2023-03-31', '2023-03-31'],
    ['请于2023年3月31日前报送', 'date', '2023-03-31', '2023-03-31'],
    ['2023/6/30', 'date', '2023-06-30', '2023-06-30'],
    ['10.05.2023', 'date', '2023-05-10', '2023-05-10'],
    ['15/03/2023', 'date', '2023-03-15', '2023-03-15'],
    ['03/15/2023', 'date', '2023-03-15', '2023-03-15'],
    ['31-12-2023', 'date', '2023-12-31', '2023-12-31'],
    ['2024年2月29日', 'date', '2024-02-29', '2024-02-29'],
    ['第一季度至第二季度：调研', 'range', '2023-01-01', '2023-06-30'],
    ['2022年第三季度', 'period', '2022-07-01', '2022-09-30'],
    ['年内', 'period', '2023-01-01', '2023-12-31'],
    ['9月前投入使用', 'date', '2023-08-31', '2023-08-31'],
    ['Q3 2024', 'period', '2024-07-01', '2024-09-30'],
    ['March 31, 2024', 'date', '2024-03-31', '2024-03-31'],
    ['end of June', 'period', '2023-06-01', '2023-06-30'],
  ])('%s → %s %s..%s', (text, kind, start, end) => {
    expect(parseDeadlineText(text, Y)).toMatchObject({ kind, start, end });
  });

  it.each([
    ['每月', 'month'],
    ['每月底', 'month-end'],
    ['每季度', 'quarter'],
    ['每半年', 'half-year'],
    ['每季度第一个月', 'quarter-first-month'],
  ])('%s recurs every %s', (text, every) => {
    expect(parseDeadlineText(text, Y)).toMatchObject({ kind: 'recurring', every });
  });

  it.each(['重要敏感时点', '长期坚持', '按上级要求', ''])('%j has no date', (text) => {
    expect(parseDeadlineText(text, Y)).toMatchObject({ kind: 'text', parts: [] });
  });

  it('does not take item numbers for dates', () => {
    expect(parseDeadlineText('7.5.1、10.1节日期间', Y)).toMatchObject({ kind: 'text', parts: [] });
    // `5.` numbers the item; 2006年春 is the date.
    expect(parseDeadlineText('5.2006年春完成', Y)).toMatchObject({ kind: 'period', start: '2006-03-01', end: '2006-05-31' });
    expect(parseDeadlineText('完成3个月的培训', Y).kind).toBe('text');
  });

  it('says so when a date needs a year nobody gave, and guesses none', () => {
    const d = parseDeadlineText('3月31日前', { year: null });
    expect(d.noYear).toBe(true);
    expect(d.start).toBeUndefined();
    expect(d.end).toBeUndefined();
    // A year in the text itself needs no plan year.
    expect(parseDeadlineText('2018.03.31', { year: null })).toMatchObject({ kind: 'date', start: '2018-03-31' });
  });

  it('names impossible dates with the reason', () => {
    expect(parseDeadlineText('2018-9-31', Y)).toMatchObject({ kind: 'invalid', parts: [{ invalid: { code: 'day-out-of-range', month: 9, days: 30 } }] });
    expect(parseDeadlineText('2019-02-29', Y)).toMatchObject({ kind: 'invalid', parts: [{ invalid: { code: 'day-out-of-range', month: 2, days: 28 } }] });
    expect(parseDeadlineText('2018-13-01', Y)).toMatchObject({ kind: 'invalid', parts: [{ invalid: { code: 'month-out-of-range', month: 13 } }] });
    expect(parseDeadlineText('2月30日', Y)).toMatchObject({ kind: 'invalid' });
  });

  it('reads date cells and Excel serials', () => {
    expect(parseDeadlineCell({ value: { kind: 'date', value: '2018-03-31', serial: 43190 }, text: '2018-03-31' }, Y)).toMatchObject({ kind: 'date', start: '2018-03-31' });
    expect(parseDeadlineCell({ value: { kind: 'number', value: 43190 }, text: '43190' }, Y)).toMatchObject({ kind: 'date', start: '2018-03-31' });
    expect(parseDeadlineCell({ value: { kind: 'number', value: 10 }, text: '10' }, Y).kind).toBe('text');
  });

  it('calls a date cell past 9999-12-31 (20181231 in a date format, shown as ####) invalid, named by its serial', () => {
    // What ExcelJS makes of serial 20181231: a Date in the year 57235, whose ISO string the host cuts to 10 characters.
    const far = parseDeadlineCell({ value: { kind: 'date', value: '+057235-03', serial: 20181231 }, text: '+057235-03' }, Y);
    expect(far).toEqual({ kind: 'invalid', text: '20181231', parts: [{ kind: 'date', text: '20181231', invalid: { code: 'serial-out-of-range' }, explicitYear: true }] });
    expect(far.start).toBeUndefined();
    expect(parseDeadlineCell({ value: { kind: 'date', value: '+010114-01-01', serial: 3000000 }, text: '+010114-01-01' }, Y).kind).toBe('invalid');
    expect(parseDeadlineCell({ value: { kind: 'date', value: '9999-12-31', serial: 2958465 }, text: '9999-12-31' }, Y)).toMatchObject({ kind: 'date', end: '9999-12-31' });
  });
});

const validDate = fc
  .record({ y: fc.integer({ min: 1990, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => isValidDate(y, m, d));

const toFullWidth = (s: string) => s.replace(/[0-9.\-/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('deadline properties', () => {
  it('any real date written in any supported form parses back to itself', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: 11 }), fc.constantFrom('', '前', '之前', '前完成'), ({ y, m, d }, form, tail) => {
        const written = [
          `${y}.${pad(m)}.${pad(d)}`,
          `${y}. ${pad(m)}. ${pad(d)}`,
          `${y}-${m}-${d}`,
          `${y}/${m}/${d}`,
          `${y}年${m}月${d}日`,
          `${m}月${d}日`,
          `${y}-${pad(m)}-${pad(d)}`,
          toFullWidth(`${y}.${pad(m)}.${pad(d)}`),
          `${m}月${d}号`,
          `请于${y}年${m}月${d}日`,
          `${pad(d)}.${pad(m)}.${y}`,
          `${d}-${m}-${y}`,
        ][form] as string;
        const got = parseDeadlineText(`${written}${tail}`, { year: y });
        expect(got).toMatchObject({ kind: 'date', start: iso(y, m, d), end: iso(y, m, d) });
      }),
      { numRuns: 500 },
    );
  });

  it('parses any string without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: null }), (s, year) => {
        parseDeadlineText(s, { year });
      }),
      { numRuns: 1000 },
    );
  });

  it('never returns an impossible date as valid', () => {
    const shapes = fc.record({ y: fc.integer({ min: 1990, max: 2099 }), m: fc.integer({ min: 0, max: 15 }), d: fc.integer({ min: 0, max: 35 }) });
    fc.assert(
      fc.property(shapes, fc.constantFrom('-', '.', '/', '年'), fc.string({ maxLength: 12 }), ({ y, m, d }, sep, noise) => {
        const text = sep === '年' ? `${noise}${y}年${m}月${d}日${noise}` : `${noise}${y}${sep}${m}${sep}${d}${noise}`;
        const got = parseDeadlineText(text, { year: 2020 });
        for (const s of [got.start, got.end, ...got.parts.flatMap((p) => [p.start, p.end])]) {
          if (s === undefined) continue;
          const [yy, mm, dd] = s.split('-').map(Number) as [number, number, number];
          expect(isValidDate(yy, mm, dd)).toBe(true);
        }
        if (!isValidDate(y, m, d)) expect(got.parts.some((p) => p.start === iso(y, Math.max(m, 0), Math.max(d, 0)))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('years of the Republic of China calendar (Taiwan tables)', () => {
  it('reads 113年12月 and 104.7.2 as 2024 and 2015, and leaves counts such as 100人 alone', () => {
    expect(parseDeadlineText('113年12月', { year: null })).toMatchObject({ kind: 'period', start: '2024-12-01', end: '2024-12-31' });
    expect(parseDeadlineText('104.7.2', { year: null })).toMatchObject({ kind: 'date', start: '2015-07-02', end: '2015-07-02' });
    expect(parseDeadlineText('100人', { year: null }).kind).toBe('text');
    expect(parseDeadlineText('建党100年', { year: null }).kind).toBe('text');
  });
});
