import { PART_KEY, PartGatherer, splitLarge, type PartSlice } from '../../src/workbench/parts';

/** Sends a value through split and join as the worker and the page do, with `max` items a slice. */
function roundTrip(value: unknown, max: number): { out: unknown; slices: { ref: number; length: number; nested: boolean }[] } {
  const sent: PartSlice[] = [];
  // structuredClone: what crosses is a copy, as postMessage makes it.
  const head = structuredClone(splitLarge(value, (s) => sent.push(structuredClone(s)), max));
  const slices = sent.map((s) => ({ ref: s.ref, length: s.items.length, nested: s.nested }));
  const g = new PartGatherer();
  for (const s of sent) g.add(s);
  return { out: g.join(head), slices };
}

describe('a large answer crosses in parts', () => {
  const task = (i: number) => ({ row: i + 3, nodes: [{ row: i + 3, state: i % 2 ? 'done' : 'overdue' }], score: { earned: i % 3 } });
  const report = {
    file: 'big.xlsx',
    sheets: [{ name: 'Sheet1', tables: [{ range: 'A2:J2002', tasks: Array.from({ length: 1000 }, (_, i) => task(i)) }] }],
    findings: Array.from({ length: 7 }, (_, i) => ({ rule: 'date.invalid', cell: `G${i + 3}` })),
  };

  test('long arrays go as slices of at most the limit, and come back whole and in order', () => {
    const { out, slices } = roundTrip(report, 300);
    expect(out).toEqual(report);
    // 1000 tasks in slices of 300: 300, 300, 300, 100, all of one array.
    expect(slices.map((s) => s.length)).toEqual([300, 300, 300, 100]);
    expect(new Set(slices.map((s) => s.ref)).size).toBe(1);
  });

  test('the answer itself carries a placeholder where the array was, and the worker keeps its own value', () => {
    const before = structuredClone(report);
    const head = splitLarge(report, () => undefined, 300) as typeof report;
    expect(head.sheets[0]!.tables[0]!.tasks).toEqual({ [PART_KEY]: 0 });
    // The short findings list stays in the answer; the worker's report is untouched.
    expect(head.findings).toBe(report.findings);
    expect(report).toEqual(before);
  });

  test('a long array inside a long array is cut too, and put back', () => {
    const grid = Array.from({ length: 5 }, (_, r) => Array.from({ length: 12 }, (_, c) => r * 100 + c));
    const { out, slices } = roundTrip({ grid }, 4);
    expect(out).toEqual({ grid });
    expect(slices.some((s) => s.nested)).toBe(true);
  });

  test('a value without a long array is the same value, with no slices', () => {
    const small = { a: [1, 2, 3], b: { c: 'x' } };
    const slices: PartSlice[] = [];
    expect(splitLarge(small, (s) => slices.push(s), 3)).toBe(small);
    expect(slices).toEqual([]);
  });

  test('a placeholder whose slices never came is an error, not a hole', () => {
    const head = splitLarge({ xs: [1, 2, 3, 4, 5] }, () => undefined, 2);
    expect(() => new PartGatherer().join(head)).toThrow(/part 0 of an answer never came/);
  });
});
