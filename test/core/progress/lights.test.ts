/**
 * 序时进度 lights, golden: a generated table (seed 000's layout, two tasks of four quarterly nodes
 * due 3-31, 6-30, 9-30, 12-31 of 2018) with a status column of percentages, at several as-of dates
 * under both presets. Every expected light below was worked out by hand from the windows
 * (1-1→3-31: 89 days, 3-31→6-30: 91, 6-30→9-30: 92, 9-30→12-31: 92) before the test was run.
 */
import { generateWorkbook } from '../../../bench/generate';
import { type TableReport } from '../../../src/core/contract';
import { checkWorkbook } from '../../../src/core/check';
import { elapsedShare, lightOf, pointsBehind, progressFraction } from '../../../src/core/progress/elapsed';
import { lightRules, LightsPolicySchema } from '../../../src/core/settings/lights-policy';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx';

const T1 = ['90%', '60%', '30%', '0%'];
const T2 = ['已完成', '35%', '95%', '5%'];

function table(asOf: string, preset: 'yinchuan' | 'suqian'): TableReport {
  const wb = generateWorkbook(8);
  const ws = wb.getWorksheet('Sheet1')!;
  ws.getCell('K2').value = '完成情况';
  [...T1, ...T2].forEach((v, i) => {
    ws.getCell(`K${3 + i}`).value = v;
  });
  const report = checkWorkbook('lights', gridsFromWorkbook(wb), { asOf, lights: { preset } });
  return report.sheets[0]!.tables[0]!;
}

const lightsOf = (t: TableReport) => t.tasks.map((k) => k.nodes.map((n) => n.light ?? null).join(' '));

describe('序时进度 lights of a generated table', () => {
  it.each([
    // 2-15: every node ahead of its window or done.
    ['2018-02-15', ['green green green green', 'green green green green']],
    // 5-15: T1 n1 90% of a window all gone is exactly 10 behind (yellow); T2 n2 35% against 45/91 = 49.45% is 14.45 behind.
    ['2018-05-15', ['yellow green green green', 'green yellow green green']],
    // 9-20: n2 windows over: 60% is 40 behind, 35% 65 (red); n3 82/92 = 89.13% against 30% (red), 95% (green).
    ['2018-09-20', ['yellow red red green', 'green red green green']],
    // 10-31: n4 31/92 = 33.70%: 0% is 33.70 behind (red), 5% 28.70 (yellow); n3 95% is 5 behind (green).
    ['2018-10-31', ['yellow red red red', 'green red green yellow']],
  ])('银川 as of %s', (asOf, expected) => {
    const t = table(asOf, 'yinchuan');
    expect(lightsOf(t)).toEqual(expected);
    expect(t.lights?.preset).toBe('yinchuan');
    expect(t.lights?.progressColumn).toBe('K');
  });

  it.each([
    // 3-27: T1 n1 85/89 = 95.51% elapsed against 90% is behind (yellow, though due in 4 days).
    ['2018-03-27', ['yellow green green green', 'green green green green']],
    // 9-25: n1, n2 past due and not done (red); T1 n3 87/92 = 94.57% against 30% (yellow); T2 n3 95% ahead, due in 5 days (blue).
    ['2018-09-25', ['red red yellow green', 'green red blue green']],
    // 10-31: every n3 past due and not done (red); n4 33.70% elapsed against 0% and 5% (yellow).
    ['2018-10-31', ['red red red yellow', 'green red red yellow']],
  ])('宿迁 as of %s', (asOf, expected) => {
    expect(lightsOf(table(asOf, 'suqian'))).toEqual(expected);
  });

  it('counts the lights, and gives each node its elapsed share and progress', () => {
    const t = table('2018-10-31', 'yinchuan');
    expect(t.lights?.counts).toEqual({ green: 2, blue: 0, yellow: 2, red: 4 });
    const n4 = t.tasks[0]!.nodes[3]!;
    expect(n4.elapsed).toBeCloseTo(31 / 92, 12);
    expect(n4.progress).toBe(0);
    expect(t.tasks[1]!.nodes[0]!.progress).toBe(1);
    // Tasks: 1-1→12-31, 303/364 = 83.24% elapsed; T1 averages 45% (38.24 behind: red), T2 58.75% (24.49: yellow).
    expect(t.tasks.map((k) => k.light)).toEqual(['red', 'yellow']);
    expect(t.tasks[0]!.progress).toBeCloseTo(0.45, 12);
    expect(t.tasks[1]!.progress).toBeCloseTo(0.5875, 12);
    expect(t.tasks[0]!.elapsed).toBeCloseTo(303 / 364, 12);
  });

  it('thresholds are editable', () => {
    const t = checkWorkbook('x', (() => {
      const wb = generateWorkbook(8);
      const ws = wb.getWorksheet('Sheet1')!;
      ws.getCell('K2').value = '完成情况';
      [...T1, ...T2].forEach((v, i) => { ws.getCell(`K${3 + i}`).value = v; });
      return gridsFromWorkbook(wb);
    })(), { asOf: '2018-10-31', lights: { preset: 'yinchuan', yellowBehind: 20, redBehind: 50 } }).sheets[0]!.tables[0]!;
    // 10 behind is now green; 28.70, 33.70 and 40 yellow; 65 and 70 red.
    expect(lightsOf(t)).toEqual(['green yellow red yellow', 'green red green yellow']);
  });

  it('a node after one due later (a second run of quarters) has its window from the year start', () => {
    // One task of eight nodes: 3-31, 6-30, 9-30, 12-31, then 3-31 … again (rows 3–10).
    const wb = generateWorkbook(8, 8);
    const ws = wb.getWorksheet('Sheet1')!;
    ws.getCell('K2').value = '完成情况';
    ws.getCell('K7').value = '10%';
    const t = checkWorkbook('x', gridsFromWorkbook(wb), { asOf: '2018-02-15', lights: { preset: 'yinchuan' } }).sheets[0]!.tables[0]!;
    const n5 = t.tasks[0]!.nodes[4]!;
    expect(n5.row).toBe(7);
    // 45/89 = 50.56% elapsed against 10%: 40.56 behind, red. (From 12-31 it would be 0% elapsed, green.)
    expect(n5.elapsed).toBeCloseTo(45 / 89, 12);
    expect(n5.light).toBe('red');
  });

  it('no lights without a lights policy, nor for a node without a percentage', () => {
    const wb = generateWorkbook(8);
    const report = checkWorkbook('x', gridsFromWorkbook(wb), { asOf: '2018-10-31' });
    const t = report.sheets[0]!.tables[0]!;
    expect(t.lights).toBeUndefined();
    expect(t.tasks[0]!.nodes[0]!.light).toBeUndefined();
    const withPolicy = checkWorkbook('x', gridsFromWorkbook(wb), { asOf: '2018-10-31', lights: { preset: 'suqian' } }).sheets[0]!.tables[0]!;
    expect(withPolicy.lights?.counts).toEqual({ green: 0, blue: 0, yellow: 0, red: 0 });
  });
});

describe('the pieces of a light', () => {
  it('elapsed share', () => {
    expect(elapsedShare('2018-01-01', '2018-03-31', '2018-02-15')).toBeCloseTo(45 / 89, 12);
    expect(elapsedShare('2018-03-31', '2018-06-30', '2018-02-15')).toBe(0);
    expect(elapsedShare('2018-03-31', '2018-06-30', '2018-07-01')).toBe(1);
    // A window of no days: elapsed once its day has come.
    expect(elapsedShare('2018-03-31', '2018-03-31', '2018-03-31')).toBe(0);
    expect(elapsedShare('2018-03-31', '2018-03-31', '2018-04-01')).toBe(1);
  });

  it('progress as the formula reads it', () => {
    const done = (s: string) => s === '已完成';
    expect(progressFraction({ text: '80%' }, done)).toBe(0.8);
    expect(progressFraction({ text: '22%(严重滞后)' }, done)).toBe(0.22);
    expect(progressFraction({ text: '98.4%' }, done)).toBeCloseTo(0.984, 12);
    expect(progressFraction({ number: 0.8, text: '80%' }, done)).toBe(0.8);
    expect(progressFraction({ number: 80, text: '80' }, done)).toBe(0.8);
    expect(progressFraction({ number: 150, text: '150' }, done)).toBe(1);
    expect(progressFraction({ text: '已完成' }, done)).toBe(1);
    expect(progressFraction({ text: '进行中' }, done)).toBeNull();
    expect(progressFraction({ text: '约80%' }, done)).toBeNull();
    expect(progressFraction({ text: null }, done)).toBeNull();
  });

  it('points behind round as the formula does', () => {
    expect(pointsBehind(1, 0.9)).toBe(10);
    expect(pointsBehind(0.3, 0)).toBe(30);
  });

  it('the presets, and where a light changes', () => {
    const y = lightRules(LightsPolicySchema.parse({ preset: 'yinchuan' }));
    const s = lightRules(LightsPolicySchema.parse({ preset: 'suqian' }));
    const at = (elapsed: number, progress: number, due = '2018-12-31', asOf = '2018-06-30') => ({ elapsed, progress, due, asOf, done: false });
    expect([0.5, 0.41, 0.4, 0.2, 0.19].map((p) => lightOf(y, at(0.5, p)))).toEqual(['green', 'green', 'yellow', 'yellow', 'red']);
    expect(lightOf(s, at(0.5, 0.5))).toBe('green');
    expect(lightOf(s, at(0.5, 0.49))).toBe('yellow');
    expect(lightOf(s, at(0.5, 0.6, '2018-07-07'))).toBe('blue');
    expect(lightOf(s, at(0.5, 0.6, '2018-07-08'))).toBe('green');
    expect(lightOf(s, at(1, 0.99, '2018-06-29'))).toBe('red');
    expect(lightOf(s, { ...at(1, 0, '2018-06-29'), done: true })).toBe('green');
    expect(() => LightsPolicySchema.parse({ preset: 'sanming' })).toThrow();
    expect(() => LightsPolicySchema.parse({ preset: 'yinchuan', redBehind: 120 })).toThrow();
  });
});
