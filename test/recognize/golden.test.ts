/**
 * Whole-recognition golden reports for the seed workbooks (test/golden/*.json, en-US messages).
 * They are reviewed by hand against the seed texts; when the recognizer changes, rewrite them with
 * `npm run golden` and review the diff line by line before committing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ReportSchema } from '../../src/core/contract';
import { checkFixture, GOLDEN_DIR } from '../support/fixtures';

const goldens = fs.existsSync(GOLDEN_DIR) ? fs.readdirSync(GOLDEN_DIR).filter((f) => /^seed-.*\.json$/.test(f)).sort() : [];

describe('golden reports', () => {
  it('cover the five seeds', () => {
    expect(goldens).toEqual(expect.arrayContaining(['seed-000.json', 'seed-001.json', 'seed-002.json', 'seed-003.json', 'seed-004.json']));
  });

  it.each(goldens)('%s matches the recognition in full', async (name) => {
    const golden = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8'));
    const report = await checkFixture(golden.file, { lang: 'en-US' });
    ReportSchema.parse({ version: 1, lang: 'en-US', files: [report] });
    expect(JSON.parse(JSON.stringify(report))).toEqual(golden);
  });
});
