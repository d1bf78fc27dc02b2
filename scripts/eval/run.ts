/** Runs the recognizer over the corpus and the hand-checked fixtures and compares with their expected structures. */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/core/check';
import { readGridsFromBuffer } from '../../src/hosts/xlsx';
import { corpusFiles, corpusWorkbookBuffer } from '../../test/fixtures/corpus/build';
import { compareFile, summarize, type Expected, type FileOutcome, type Summary } from './compare';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');

export interface EvalResult { set: string; outcomes: FileOutcome[]; summary: Summary }

async function checkBuffer(file: string, data: Buffer) {
  return checkWorkbook(file, readGridsFromBuffer(file, data));
}

export async function evalCorpus(): Promise<EvalResult> {
  const outcomes: FileOutcome[] = [];
  for (const f of corpusFiles()) {
    if (!f.expected) continue;
    const expected = f.expected as Expected;
    try {
      outcomes.push(compareFile(expected, await checkBuffer(expected.file, await corpusWorkbookBuffer(f.entry))));
    } catch (e) {
      outcomes.push({ file: expected.file, tables: [], spurious: [], error: (e as Error).stack ?? String(e) });
    }
  }
  return { set: 'corpus', outcomes, summary: summarize(outcomes) };
}

/** The seeds, layouts and public fixtures, whose expected structures are in test/fixtures/expected. */
export async function evalFixtures(): Promise<EvalResult> {
  const dir = path.join(FIXTURES, 'expected');
  const outcomes: FileOutcome[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Expected;
    const data = fs.readFileSync(path.join(FIXTURES, expected.file));
    outcomes.push(compareFile(expected, await checkBuffer(expected.file, data)));
  }
  return { set: 'fixtures', outcomes, summary: summarize(outcomes) };
}
