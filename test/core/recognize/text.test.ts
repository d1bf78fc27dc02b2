import { Converter, Locale } from 'opencc-js/t2cn';
import { normalizeHeader, toSimplified } from '../../../src/core/recognize/text';

/** The converter as text.ts builds it, run on every text with CJK in it: what the precheck must agree with. */
const converter = Converter({ from: 't', to: 'cn' });
const t2s = (s: string): string => (/[\u3400-\u9fff\uf900-\ufaff]/.test(s) ? converter(s) : s);

/** Every key of the dictionaries OpenCC's `t2s` configuration converts with. */
function dictionaryKeys(): string[] {
  const config = Locale.configs?.t2s;
  if (!config) throw new Error('opencc-js no longer exposes its t2s configuration');
  const keys: string[] = [];
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [key] of entries) if (key) keys.push(key);
    }
  }
  return keys;
}

describe('traditional to simplified', () => {
  it('converts what OpenCC converts', () => {
    expect(toSimplified('序號')).toBe('序号');
    expect(toSimplified('責任單位')).toBe('责任单位');
    // A phrase of characters that are simplified ones too: only the phrase says to change it.
    expect(toSimplified('反覆')).toBe(t2s('反覆'));
    expect(toSimplified('一目瞭然')).toBe('一目了然');
  });

  it('leaves simplified, Latin and mixed text as it is', () => {
    for (const s of ['第一季度完成第1项任务的第1个节点工作。', '陆伟明 87730990', 'Lead officer', '责任单位', '']) {
      expect(toSimplified(s)).toBe(s);
    }
  });

  it('agrees with OpenCC on every dictionary key, alone and inside other text', () => {
    const keys = dictionaryKeys();
    expect(keys.length).toBeGreaterThan(3000);
    const differ: string[] = [];
    for (const k of keys) {
      for (const s of [k, `完成${k}工作`, `a${k}`, `${k}。`]) if (toSimplified(s) !== t2s(s)) differ.push(s);
    }
    expect(differ).toEqual([]);
  });

  it('normalizes a header the same when asked again', () => {
    expect(normalizeHeader('責任 單位：')).toBe('责任单位');
    expect(normalizeHeader('責任 單位：')).toBe('责任单位');
    expect(normalizeHeader('Lead Officer')).toBe('lead officer');
  });
});
