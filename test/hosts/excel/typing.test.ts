/**
 * Excel reads what the host writes as if typed; texts that would turn into something else are
 * written so that they stay texts, and the journal's chunks never start with such a character.
 */
import { JOURNAL_CHUNK } from '../../../src/core/plan/journal';
import { textForExcel } from '../../../src/hosts/excel/before-image';
import { chunks } from '../../../src/hosts/excel/own-sheets';

describe('textForExcel', () => {
  it.each([
    ['完成情况', '完成情况'],
    ['陆伟明 87730990', '陆伟明 87730990'],
    ['第一季度', '第一季度'],
    ['3月31日前', '3月31日前'],
    ['0012', "'0012"],
    ['1,234.5', "'1,234.5"],
    ['50%', "'50%"],
    ['TRUE', "'TRUE"],
    ['=SUM(A1)', "'=SUM(A1)"],
    ["'已核", "''已核"],
    ['-', "'-"],
    ['2018-03-31', "'2018-03-31"],
    ['2018.03.31', "'2018.03.31"],
    ['2018年3月31日', "'2018年3月31日"],
    ['3/31', "'3/31"],
    ['12:30', "'12:30"],
    ['１２', "'１２"],
  ])('%s → %s', (text, written) => {
    expect(textForExcel(text)).toBe(written);
  });
});

describe('journal chunks', () => {
  it('join back to the text, stay within the limit, and never start with a typing character', () => {
    const text = `${'x'.repeat(JOURNAL_CHUNK)}'=+-@${'y'.repeat(JOURNAL_CHUNK - 3)}==${'z'.repeat(10)}`;
    const parts = chunks(text);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(JOURNAL_CHUNK);
      expect(p[0]).not.toMatch(/['=+\-@]/);
    }
  });
});
