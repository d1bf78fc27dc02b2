/**
 * Every deadline text that occurs in the five seed workbooks, read from the workbooks themselves
 * (not retyped), against its expected reading in seed-deadlines.json (written by hand). A deadline
 * text new to the seeds fails here until its expected reading is added.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDeadlineText, type ParsedDeadline } from '../../../src/core/dates';
import { checkFixture } from '../../support/fixtures';

const EXPECTED: Record<string, { kind: string; start?: string; end?: string; every?: string; parts?: Array<[string, string | null, string | null, string | null]> }> =
  JSON.parse(fs.readFileSync(path.join(__dirname, 'seed-deadlines.json'), 'utf8'));

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

function reading(d: ParsedDeadline) {
  const out: Record<string, unknown> = { kind: d.kind };
  if (d.start) out.start = d.start;
  if (d.end) out.end = d.end;
  if (d.every) out.every = d.every;
  return out;
}

describe('deadlines of the seed workbooks', () => {
  const found = new Map<string, number | null>();
  beforeAll(async () => {
    for (const seed of SEEDS) {
      const r = await checkFixture(`seeds/${seed}.xlsx`);
      for (const s of r.sheets) for (const t of s.tables) for (const k of t.tasks) for (const n of k.nodes) {
        if (n.deadline) found.set(`${seed}|${n.deadline.text}`, t.year);
      }
    }
  });

  it('are all in the expected table, and the table has nothing the seeds do not', () => {
    expect([...found.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('each parses as expected with its table’s plan year', () => {
    for (const [key, year] of found) {
      const text = key.slice(key.indexOf('|') + 1);
      const want = EXPECTED[key]!;
      const got = parseDeadlineText(text, { year });
      const { parts, ...head } = want;
      expect({ key, ...reading(got) }).toEqual({ key, ...head });
      if (parts) {
        expect(got.parts.map((p) => [p.text, p.start ?? null, p.end ?? null, p.invalid?.code ?? null])).toEqual(parts);
      }
    }
  });
});
