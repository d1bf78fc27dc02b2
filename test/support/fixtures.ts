/** Paths and loading of fixture workbooks for tests. */
import * as fs from 'fs';
import * as path from 'path';
import type { RecognizeOptions } from '../../src/core/recognize';
import { type FileReport } from '../../src/core/contract';
import { checkWorkbook } from '../../src/core/check';
import { readGridsFromFile } from '../../src/hosts/xlsx';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures');
export const EXPECTED_DIR = path.join(FIXTURES_DIR, 'expected');
export const GOLDEN_DIR = path.resolve(__dirname, '../golden');

export function fixturePath(file: string): string {
  return path.join(FIXTURES_DIR, file);
}

/** The report of one fixture, named by its path under test/fixtures (as in the golden files). */
export async function checkFixture(file: string, options: RecognizeOptions = {}): Promise<FileReport> {
  const grids = await readGridsFromFile(fixturePath(file));
  return checkWorkbook(file, grids, options);
}

export function expectedFiles(): string[] {
  return fs
    .readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}
