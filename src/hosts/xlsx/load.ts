/** Loading .xlsx files with a clear error for anything that is not one. */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { gridsFromWorkbook } from './read-grid';

export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'not-found' | 'not-xlsx' | 'corrupt' | 'encrypted',
    readonly detail: string,
  ) {
    super(`${file}: ${reason}: ${detail}`);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function loadWorkbookBuffer(file: string, data: Buffer): Promise<ExcelJS.Workbook> {
  if (data.subarray(0, 4).equals(OLE_MAGIC)) {
    // Legacy .xls and password-protected .xlsx both arrive as OLE compound files.
    throw new UnreadableWorkbookError(file, 'encrypted', 'an .xls file or a password-protected workbook');
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UnreadableWorkbookError(file, 'not-xlsx', 'not an .xlsx file');
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's own typing asks for its Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableWorkbookError(file, 'corrupt', e instanceof Error ? e.message : String(e));
  }
  return wb;
}

export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (e) {
    throw new UnreadableWorkbookError(file, 'not-found', e instanceof Error ? e.message : String(e));
  }
  return loadWorkbookBuffer(file, data);
}

export async function readGridsFromFile(file: string): Promise<Grid[]> {
  return gridsFromWorkbook(await loadWorkbookFile(file));
}
