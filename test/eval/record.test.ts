/**
 * The recognizer on tables it was not shown: the corpus figures may not fall below the recorded
 * ones, nothing wrong may be said with confidence beyond the record, and every hand-checked fixture
 * (seeds, layouts, public tables) stays fully right.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evalCorpus, evalFixtures } from '../../scripts/eval/run';

const record = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/corpus/record.json'), 'utf8')) as {
  tables: number; fully: number; columnsRight: number; countsRightTables: number;
  confidentWrongRolesAtMost: number; confidentSpuriousTablesAtMost: number;
};

describe('corpus', () => {
  let s: Awaited<ReturnType<typeof evalCorpus>>['summary'];
  beforeAll(async () => {
    s = (await evalCorpus()).summary;
  });

  it('holds at least the recorded tables, and no file fails to read', () => {
    expect(s.tables).toBeGreaterThanOrEqual(record.tables);
    expect(s.errors).toBe(0);
  });

  it('keeps the recorded figures', () => {
    expect({ fully: s.fully, columnsRight: s.columnsRight, countsRightTables: s.countsRightTables }).toEqual({
      fully: Math.max(s.fully, record.fully),
      columnsRight: Math.max(s.columnsRight, record.columnsRight),
      countsRightTables: Math.max(s.countsRightTables, record.countsRightTables),
    });
  });

  it('says nothing wrong with confidence beyond the record', () => {
    expect(s.confidentWrongRoles).toBeLessThanOrEqual(record.confidentWrongRolesAtMost);
    expect(s.confidentSpuriousTables).toBeLessThanOrEqual(record.confidentSpuriousTablesAtMost);
  });
});

describe('hand-checked fixtures', () => {
  it('are all fully right, with no confident mistake', async () => {
    const { summary, outcomes } = await evalFixtures();
    const wrong = outcomes.flatMap((o) => o.tables.filter((t) => !t.fully).map((t) => `${o.file} ${t.sheet}!${t.expectedRange}`));
    expect(wrong).toEqual([]);
    expect(summary.confidentWrongRoles).toBe(0);
  });
});
