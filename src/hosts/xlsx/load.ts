/** Loading .xlsx files with a clear error for anything that is not one. */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { installLinearMerges } from './exceljs-merges';
import { PackageError, type PackageFailure } from './package-error';
import { readGridsFromBytes, type ReadLimits } from './read-package';
import { fileSignature } from './signature';

export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'not-found' | 'not-xlsx' | PackageFailure,
    readonly detail: string,
  ) {
    super(`${file}: ${reason}: ${detail}`);
  }
}

installLinearMerges();

function checkMagic(file: string, data: Buffer): void {
  const signature = fileSignature(data);
  if (signature === 'ole') {
    // Legacy .xls and password-protected .xlsx both arrive as OLE compound files.
    throw new UnreadableWorkbookError(file, 'encrypted', 'an .xls file or a password-protected workbook');
  }
  if (signature !== 'zip') {
    throw new UnreadableWorkbookError(file, 'not-xlsx', 'not an .xlsx file');
  }
}

/** The workbook's sheets as Grids, read straight from the package (no ExcelJS). */
export function readGridsFromBuffer(file: string, data: Buffer, limits?: Partial<ReadLimits>): Grid[] {
  checkMagic(file, data);
  try {
    return readGridsFromBytes(data, limits);
  } catch (e) {
    if (e instanceof PackageError) throw new UnreadableWorkbookError(file, e.reason, e.detail);
    throw new UnreadableWorkbookError(file, 'corrupt', e instanceof Error ? e.message : String(e));
  }
}

/**
 * An ExcelJS workbook, for apply and revert, which write. The package is first read as Grids, so
 * that a broken one (no workbook part, a missing sheet or shared strings part, an .ods) is the
 * error the check gives rather than an empty workbook ExcelJS accepts.
 */
export async function loadWorkbookBuffer(file: string, data: Buffer): Promise<ExcelJS.Workbook> {
  readGridsFromBuffer(file, data);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's own typing asks for its Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableWorkbookError(file, 'corrupt', e instanceof Error ? e.message : String(e));
  }
  return wb;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (e) {
    throw new UnreadableWorkbookError(file, 'not-found', e instanceof Error ? e.message : String(e));
  }
}

export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbookBuffer(file, await readBytes(file));
}

export async function readGridsFromFile(file: string, limits?: Partial<ReadLimits>): Promise<Grid[]> {
  return readGridsFromBuffer(file, await readBytes(file), limits);
}
