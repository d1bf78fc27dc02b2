/**
 * Stack safety at any size: the helpers that replace spreading into calls, a 150,000-element run
 * through each (and through the merge index, which a 100k-node table's merges reach), and a guard
 * that no spread into a call comes back into src/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { maxOf, minOf, pushAll } from '../../src/core/arrays';
import { MergeIndex, type RangeRef } from '../../src/core/grid';

const N = 150_000;

describe('arrays at 150,000 elements', () => {
  const xs = Array.from({ length: N }, (_, i) => (i * 7919) % N);

  it('spreading them into a call overflows the stack (the failure these helpers avoid)', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => Math.max(...many)).toThrow(RangeError);
  });

  it('maxOf and minOf find the extremes, with the floor or ceiling given', () => {
    expect(maxOf(xs)).toBe(N - 1);
    expect(minOf(xs)).toBe(0);
    expect(maxOf(xs, N + 5)).toBe(N + 5);
    expect(minOf(xs, -1)).toBe(-1);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });

  it('pushAll appends every item in order', () => {
    const target = [-1];
    expect(pushAll(target, xs)).toBe(target);
    expect(target).toHaveLength(N + 1);
    expect(target[1]).toBe(xs[0]);
    expect(target[N]).toBe(xs[N - 1]);
  });

  it('the merge index takes 150,000 merges', () => {
    // Wider than colCount says, so the widest merge sets the index's row width.
    const merges: RangeRef[] = Array.from({ length: N }, (_, i) => ({ top: 2 * i + 1, left: 1, bottom: 2 * i + 2, right: 1 + (i % 3) }));
    const index = new MergeIndex({ colCount: 1, merges });
    expect(index.at(2 * N, 3)).toEqual({ top: 2 * N - 1, left: 1, bottom: 2 * N, right: 3 });
    expect(index.at(2 * N, 4)).toBeUndefined();
    expect(index.at(2, 1)).toEqual({ top: 1, left: 1, bottom: 2, right: 1 });
    expect(index.at(2, 2)).toBeUndefined();
  });
});

describe('no spread into a call in src/', () => {
  const SRC = path.resolve(__dirname, '../../src');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
  // A call's argument list holding `...`: push(...x), Math.max(a, ...x), fromCharCode(...x) and the like.
  // The arguments before the spread hold no bracket, so object and array literals inside a call do not count.
  const SPREAD_CALL = /\b(?:push|unshift|splice|max|min|fromCharCode|fromCodePoint)\(\s*(?:[^(){}[\]]*,\s*)?\.\.\./g;

  it.each(files(SRC).map((f) => path.relative(SRC, f)))('%s', (rel) => {
    const text = fs.readFileSync(path.join(SRC, rel), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const hits = [...text.matchAll(SPREAD_CALL)].map((m) => m[0].slice(0, 60));
    expect([rel, hits]).toEqual([rel, []]);
  });
});
