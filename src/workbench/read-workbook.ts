/**
 * Reading .xlsx bytes into the workbook the document worker holds: the Grids straight from the
 * package, then the ExcelJS workbook the view is drawn from and apply writes into. Only the worker
 * imports this, so ExcelJS stays out of the page's bundle.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { fileSignature, installLinearMerges, PackageError, readGridsFromBytes } from '../hosts/xlsx/browser';
import { OpenError } from './document';

installLinearMerges();

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  /** The sheets as the package reader read them, for the first check (the same Grids as read from `wb`). */
  grids: Grid[];
}

/**
 * Reads .xlsx bytes: the Grids straight from the package (which is also the test that it is one,
 * naming a missing part), then the workbook the view shows and apply writes into. Anything that is
 * not an .xlsx workbook is an OpenError saying what it is.
 */
export async function workbookFromBytes(data: ArrayBuffer): Promise<OpenedWorkbook> {
  const signature = fileSignature(new Uint8Array(data, 0, Math.min(4, data.byteLength)));
  // Legacy .xls and password-protected .xlsx both arrive as OLE compound files.
  if (signature === 'ole') throw new OpenError('encrypted', 'OLE compound file');
  if (signature !== 'zip') throw new OpenError('not-xlsx', 'no zip signature');
  let grids: Grid[];
  try {
    grids = readGridsFromBytes(new Uint8Array(data));
  } catch (e) {
    if (e instanceof PackageError) throw new OpenError(e.reason === 'encrypted' ? 'encrypted' : e.reason, e.detail);
    throw new OpenError('corrupt', e instanceof Error ? e.message : String(e));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    throw new OpenError('corrupt', e instanceof Error ? e.message : String(e));
  }
  return { wb, grids };
}

